// Two tandems racing for the same nodes (root, network namespaces). Two checkouts of one
// environment, each with its own working directory and state folder, apply the same
// switchover at the same moment; an apply is killed with SIGKILL mid-switchover and run
// again; a reconcile agent (its own state folder, desired state from git) and an
// operator's apply move the address at once. Ownership is sampled every few ms
// throughout: the address is never on both nodes, and every rerun converges. What makes
// this hold is that a node's lock lives with the node, not in the caller's folder
// (docs/apply.md, "Locks").
import assert from 'node:assert/strict';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { execa, type ResultPromise } from 'execa';
import { reconcileOnce } from '../../src/reconcile/reconcile.js';
import { makeRepos } from '../git/helpers.js';
import {
  addressesYaml,
  canMakeNamespaces,
  CLI,
  destroyLab,
  eth0Addresses,
  makeLab,
  pollOverlap,
  type Lab,
} from './netns-lab.js';

const skip = await canMakeNamespaces();
if (skip) console.log(`# apply race tests skipped: ${skip}`);

const VIP = '192.0.2.100/24';
const labs: Lab[] = [];

interface Checkout {
  root: string;
  dir: string;
  env: NodeJS.ProcessEnv;
}

/** A second copy of the lab's environment with its own working directory and state folder. */
async function checkout(l: Lab, name: string): Promise<Checkout> {
  const root = join(l.root, name);
  const dir = join(root, `env-${l.sfx}`);
  await mkdir(root, { recursive: true });
  await cp(l.dir, dir, { recursive: true });
  return { root, dir, env: { ...process.env, TANDEM_STATE_DIR: join(root, 'state'), NO_COLOR: '1' } };
}

function applyFrom(
  c: Checkout,
): ResultPromise<{ cwd: string; env: NodeJS.ProcessEnv; reject: false; extendEnv: false }> {
  return execa(process.execPath, [CLI, 'apply', c.dir, '--yes'], {
    cwd: c.root,
    env: c.env,
    reject: false,
    extendEnv: false,
  });
}

async function holders(l: Lab): Promise<string[]> {
  const on: string[] = [];
  if ((await eth0Addresses(l.ns.a)).includes(VIP)) on.push('a');
  if ((await eth0Addresses(l.ns.b)).includes(VIP)) on.push('b');
  return on;
}

describe('two tandems racing for one node', { skip: skip ?? false }, () => {
  after(async () => {
    for (const l of labs) await destroyLab(l);
  });

  it(
    'two checkouts applying the same switchover at once, 20 rounds: ' + 'never on both nodes, always converged',
    async () => {
      const l = await makeLab({ uniquenessTimeoutMs: 200 });
      labs.push(l);
      const one = await checkout(l, 'one');
      const two = await checkout(l, 'two');
      const first = await applyFrom(one);
      assert.equal(first.exitCode, 0, `${first.stdout}${first.stderr}`);
      assert.deepEqual(await holders(l), ['a']);

      let contended = 0;
      let overlaps = 0;
      let samples = 0;
      for (let round = 1; round <= 20; round++) {
        const target = round % 2 === 1 ? 'b' : 'a';
        for (const c of [one, two]) await writeFile(join(c.dir, 'addresses.yaml'), addressesYaml(l, target));
        const poll = pollOverlap(l, '192.0.2.100');
        const results = await Promise.all([applyFrom(one), applyFrom(two)]);
        const seen = await poll.stop();
        overlaps += seen.overlaps;
        samples += seen.samples;
        const outputs = results.map((r) => `exit ${r.exitCode}: ${r.stdout}${r.stderr}`).join('\n---\n');
        for (const r of results) {
          assert.ok(r.exitCode === 0 || r.exitCode === 1, outputs);
          assert.doesNotMatch(`${r.stdout}${r.stderr}`, /\n\s+at /, 'no stack trace');
        }
        if (results.some((r) => r.exitCode === 1)) {
          contended++;
          // The loser is stopped before it writes: by the node's lock, or by the plan being stale.
          for (const r of results.filter((x) => x.exitCode === 1))
            assert.match(`${r.stdout}${r.stderr}`, /locked by another apply|plan is stale/, outputs);
        }
        assert.equal(seen.overlaps, 0, `round ${round}: the address was on both nodes\n${outputs}`);
        assert.deepEqual(await holders(l), [target], `round ${round}\n${outputs}`);
      }
      assert.equal(overlaps, 0);
      assert.ok(samples >= 100, `ownership sampled ${samples} times`);
      assert.ok(contended >= 1, 'the two applies never met: the race was not exercised');
    },
  );

  it('an apply killed with SIGKILL mid-switchover, 5 rounds: never on both nodes, the rerun converges', async () => {
    const l = await makeLab({ uniquenessTimeoutMs: 600 });
    labs.push(l);
    const one = await checkout(l, 'one');
    const two = await checkout(l, 'two');
    assert.equal((await applyFrom(one)).exitCode, 0);
    for (let round = 1; round <= 5; round++) {
      const target = round % 2 === 1 ? 'b' : 'a';
      for (const c of [one, two]) await writeFile(join(c.dir, 'addresses.yaml'), addressesYaml(l, target));
      const poll = pollOverlap(l, '192.0.2.100');
      const victim = applyFrom(one);
      await new Promise((r) => setTimeout(r, 300 + round * 150));
      victim.kill('SIGKILL');
      await victim;
      // The other checkout reruns at once: it must take over the dead holder's lock.
      const rerun = await applyFrom(two);
      const seen = await poll.stop();
      assert.equal(rerun.exitCode, 0, `${rerun.stdout}${rerun.stderr}`);
      assert.equal(seen.overlaps, 0, `round ${round}: the address was on both nodes`);
      assert.deepEqual(await holders(l), [target], `round ${round}`);
    }
  });

  it('a reconcile agent and an operator apply move the address at once: never on both nodes', async () => {
    const l = await makeLab({ uniquenessTimeoutMs: 200 });
    labs.push(l);
    const operator = await checkout(l, 'operator');
    const repos = await makeRepos('tandem-race-reconcile-');
    const ENV = 'environments/race';
    const files = async (active: 'a' | 'b') => ({
      [`${ENV}/cluster.yaml`]: await readFile(join(l.dir, 'cluster.yaml'), 'utf8'),
      [`${ENV}/nodes.yaml`]: await readFile(join(l.dir, 'nodes.yaml'), 'utf8'),
      [`${ENV}/addresses.yaml`]: addressesYaml(l, active),
    });
    const agentState = join(l.root, 'agent-state');
    const agent = () =>
      reconcileOnce({
        repo: `file://${repos.origin}`,
        ref: 'main',
        envPath: ENV,
        stateDir: agentState,
        cwd: '/',
        env: { ...process.env, TANDEM_STATE_DIR: agentState },
      });
    await repos.commit(await files('a'), 'svc on a');
    await repos.push();
    assert.equal((await agent()).result, 'applied');
    for (let round = 1; round <= 6; round++) {
      const target = round % 2 === 1 ? 'b' : 'a';
      await repos.commit(await files(target), `svc to ${target}`);
      await repos.push();
      await writeFile(join(operator.dir, 'addresses.yaml'), addressesYaml(l, target));
      const poll = pollOverlap(l, '192.0.2.100');
      const [reconciled, applied] = await Promise.all([agent(), applyFrom(operator)]);
      const seen = await poll.stop();
      const said = `reconcile: ${reconciled.result} ${reconciled.message}\napply: ${applied.stdout}${applied.stderr}`;
      assert.equal(seen.overlaps, 0, `round ${round}: the address was on both nodes\n${said}`);
      // Whoever lost converges on its next run.
      if ((await holders(l)).join() !== target) {
        const again = await agent();
        assert.ok(['applied', 'nothing-to-do'].includes(again.result), again.message);
      }
      assert.deepEqual(await holders(l), [target], `round ${round}\n${said}`);
    }
  });
});
