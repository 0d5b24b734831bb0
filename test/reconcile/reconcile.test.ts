// End to end on real git repositories (a bare origin and a clone) and sim nodes:
// commit A converges, B switches the relocatable address over in order, an invalid C
// is refused with the nodes untouched, D recovers, suspend holds changes back, drift
// made behind tandem's back is repaired and reported, signatures are enforced.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { execa } from 'execa';
import type { AuditEvent } from '../../src/apply/index.js';
import { reconcileOnce, type ReconcileOptions } from '../../src/reconcile/reconcile.js';
import { parseWindow } from '../../src/reconcile/schedule.js';
import { readStatus, resume, suspend, type EnvironmentStatus } from '../../src/reconcile/status.js';
import type { ObservedNode } from '../../src/observe/model.js';
import { envFiles, git, makeRepos, runCli, type Repos } from '../git/helpers.js';

const ENV = 'environments/pair';
const VIP = '192.0.2.50/24';

let r: Repos;
let options: ReconcileOptions;
const simFile = (node: string) => join(r.stateDir, 'sim', 'pair', `${node}.json`);
// A sim node nothing was written to yet is still at its recorded snapshot.
const simState = async (node: string): Promise<ObservedNode> =>
  JSON.parse(
    await readFile(simFile(node), 'utf8').catch(() => envFiles()[`${ENV}/observed/${node}.json`]),
  ) as ObservedNode;
const hasVip = async (node: string) =>
  (await simState(node)).addresses.some((a) => a.cidr === VIP && a.interface === 'eth0');

describe('reconcile from a git repository onto sim nodes', () => {
  before(async () => {
    r = await makeRepos('tandem-reconcile-');
    // The sim driver and apply find sim state through TANDEM_STATE_DIR.
    process.env.TANDEM_STATE_DIR = r.stateDir;
    options = {
      repo: `file://${r.origin}`,
      ref: 'main',
      envPath: ENV,
      stateDir: r.stateDir,
      cwd: r.root,
      env: process.env,
    };
  });

  let a: string;
  it('commit A converges both nodes: Ready, last applied A', async () => {
    a = await r.commit(envFiles({ active: 'alpha' }), 'A: vip on alpha');
    await r.push();
    const res = await reconcileOnce(options);
    assert.equal(res.result, 'applied', res.message);
    assert.equal(res.revision, a);
    assert.equal(res.plan?.desiredRevision.commit, a);
    assert.equal(await hasVip('alpha'), true);
    assert.equal(await hasVip('beta'), false);
    const status = (await readStatus(r.stateDir, 'pair'))!;
    assert.deepEqual(status.source, { repo: options.repo, ref: 'main', path: ENV });
    for (const node of ['alpha', 'beta']) {
      assert.equal(status.nodes[node].condition.type, 'Ready');
      assert.equal(status.nodes[node].lastAppliedRevision?.commit, a);
      assert.equal(status.nodes[node].history[0].result, 'applied');
      assert.equal(status.nodes[node].history[0].digest, res.digest);
    }
    const again = await reconcileOnce(options);
    assert.equal(again.result, 'nothing-to-do');
    assert.equal((await readStatus(r.stateDir, 'pair'))!.nodes.alpha.history.length, 2);
  });

  let b: string;
  it('commit B moves the address: removed from alpha before it is added on beta', async () => {
    b = await r.commit(envFiles({ active: 'beta' }), 'B: vip to beta');
    await r.push();
    const events: AuditEvent[] = [];
    const res = await reconcileOnce({ ...options, onEvent: (e) => events.push(e) });
    assert.equal(res.result, 'applied', res.message);
    assert.equal(await hasVip('alpha'), false);
    assert.equal(await hasVip('beta'), true);
    const steps = res.plan!.waves.flatMap((w) =>
      w.steps.map((s) => ({ wave: w.index, node: s.node, ops: s.ops.map((o) => `${o.op} ${JSON.stringify(o)}`) })),
    );
    const del = steps.find(
      (s) => s.node === 'alpha' && s.ops.some((o) => o.startsWith('addr-del') && o.includes('192.0.2.50')),
    );
    const add = steps.find(
      (s) => s.node === 'beta' && s.ops.some((o) => o.startsWith('addr-add') && o.includes('192.0.2.50')),
    );
    assert.ok(del && add, 'the plan has the removal and the addition');
    assert.ok(del.wave < add.wave, `removal in wave ${del.wave}, addition in wave ${add.wave}`);
    const batch = (node: string) =>
      events.findIndex((e) => e.event === 'batch' && e.node === node && e.result === 'ok');
    assert.ok(batch('alpha') >= 0 && batch('beta') > batch('alpha'), 'alpha was written before beta');
    assert.equal((await readStatus(r.stateDir, 'pair'))!.nodes.beta.lastAppliedRevision?.commit, b);
  });

  it('an invalid commit C is refused: nodes byte-identical, Stalled with the reason', async () => {
    const files = envFiles({ active: 'alpha' });
    files[`${ENV}/addresses.yaml`] = files[`${ENV}/addresses.yaml`].replace(
      'switchback: intelligent',
      'switchback: intelligent\n  colour: blue',
    );
    const c = await r.commit(files, 'C: schema error');
    await r.push();
    const alphaBefore = await readFile(simFile('alpha'));
    const betaBefore = await readFile(simFile('beta'));
    const res = await reconcileOnce(options);
    assert.equal(res.result, 'invalid');
    assert.equal(res.revision, c);
    assert.deepEqual(await readFile(simFile('alpha')), alphaBefore);
    assert.deepEqual(await readFile(simFile('beta')), betaBefore);
    const status = (await readStatus(r.stateDir, 'pair'))!;
    for (const node of ['alpha', 'beta']) {
      const n = status.nodes[node];
      assert.equal(n.condition.type, 'Stalled');
      assert.equal(n.condition.reason, 'ValidationFailed');
      assert.match(n.condition.message, /environments\/pair\/addresses\.yaml:\d+:\d+/);
      assert.match(n.condition.message, /colour/);
      assert.equal(n.lastAttemptedRevision?.commit, c);
      assert.equal(n.lastAppliedRevision?.commit, b, 'last applied stays B');
    }
    const cli = await runCli(['status', 'pair'], { stateDir: r.stateDir });
    assert.equal(cli.code, 3);
    assert.match(cli.stdout, /alpha: Stalled \(ValidationFailed\)/);
  });

  it('commit D fixes it: Ready again with D as last applied', async () => {
    const d = await r.commit(envFiles({ active: 'alpha' }), 'D: fixed, vip back to alpha');
    await r.push();
    const res = await reconcileOnce(options);
    assert.equal(res.result, 'applied', res.message);
    assert.equal(await hasVip('alpha'), true);
    assert.equal(await hasVip('beta'), false);
    const status = (await readStatus(r.stateDir, 'pair'))!;
    for (const node of ['alpha', 'beta']) {
      assert.equal(status.nodes[node].condition.type, 'Ready');
      assert.equal(status.nodes[node].lastAppliedRevision?.commit, d);
      assert.deepEqual(
        status.nodes[node].history.slice(0, 2).map((h) => h.result),
        ['applied', 'invalid'],
      );
    }
  });

  it('suspend holds a new commit back; resume applies it', async () => {
    await suspend(r.stateDir, 'pair', { since: new Date().toISOString(), reason: 'change freeze' });
    const e = await r.commit(envFiles({ active: 'beta' }), 'E: vip to beta');
    await r.push();
    const statusBefore = await readFile(join(r.stateDir, 'status', 'pair.json'));
    const held = await reconcileOnce(options);
    assert.equal(held.result, 'suspended');
    assert.match(held.message, /change freeze/);
    assert.equal(await hasVip('alpha'), true);
    assert.equal(await hasVip('beta'), false);
    assert.deepEqual(
      await readFile(join(r.stateDir, 'status', 'pair.json')),
      statusBefore,
      'a suspended run records nothing',
    );
    assert.equal(await resume(r.stateDir, 'pair'), true);
    const res = await reconcileOnce(options);
    assert.equal(res.result, 'applied');
    assert.equal(res.revision, e);
    assert.equal(await hasVip('beta'), true);
  });

  it('drift made behind its back is repaired on the next run and reported', async () => {
    const state = await simState('beta');
    await writeFile(
      simFile('beta'),
      JSON.stringify({ ...state, addresses: state.addresses.filter((x) => x.cidr !== VIP) }, null, 2),
    );
    assert.equal(await hasVip('beta'), false);
    const res = await reconcileOnce(options);
    assert.equal(res.result, 'applied', res.message);
    assert.equal(await hasVip('beta'), true);
    const drift = (await readStatus(r.stateDir, 'pair'))!.nodes.beta.drift;
    assert.equal(drift?.state, 'repaired');
    assert.equal(drift?.reason, 'drift');
    assert.ok(
      drift?.changes.some((c) => c.startsWith('+ address 192.0.2.50/24')),
      JSON.stringify(drift),
    );
    const cli = await runCli(['status', 'pair', '--format', 'json'], { stateDir: r.stateDir });
    assert.equal(cli.code, 0);
    assert.equal((JSON.parse(cli.stdout) as EnvironmentStatus[])[0].nodes.beta.drift?.state, 'repaired');
  });

  it('a node that cannot be observed stalls the run and nothing is written anywhere', async () => {
    // Drift on beta that does not involve the relocatable address (its mgmt0 address is
    // gone), while alpha's state cannot be read.
    const state = await simState('beta');
    const betaDrifted = JSON.stringify(
      { ...state, addresses: state.addresses.filter((x) => x.interface !== 'mgmt0') },
      null,
      2,
    );
    await writeFile(simFile('beta'), betaDrifted);
    const alphaBefore = await readFile(simFile('alpha'));
    await writeFile(simFile('alpha'), '{ this is not json');
    try {
      const res = await reconcileOnce(options);
      assert.equal(res.result, 'failed', res.message);
      assert.equal(res.retryable, true);
      assert.match(res.message, /cannot observe alpha/);
      assert.equal(await readFile(simFile('beta'), 'utf8'), betaDrifted, 'beta is untouched although it drifted');
      const alpha = (await readStatus(r.stateDir, 'pair'))!.nodes.alpha;
      assert.equal(alpha.condition.type, 'Stalled');
      assert.equal(alpha.condition.reason, 'ObserveFailed');
    } finally {
      await writeFile(simFile('alpha'), alphaBefore);
    }
    assert.equal((await reconcileOnce(options)).result, 'applied', 'recovers once alpha can be read again');
  });

  it('outside the maintenance window only plans, and records the changes as pending drift', async () => {
    const state = await simState('beta');
    await writeFile(
      simFile('beta'),
      JSON.stringify({ ...state, addresses: state.addresses.filter((x) => x.cidr !== VIP) }, null, 2),
    );
    const sunday3am = new Date(2025, 0, 5, 3, 0);
    const res = await reconcileOnce({ ...options, window: parseWindow('Mon-Fri 22:00-06:00'), now: () => sunday3am });
    assert.equal(res.result, 'planned-only');
    assert.equal(await hasVip('beta'), false, 'nothing applied outside the window');
    const beta = (await readStatus(r.stateDir, 'pair'))!.nodes.beta;
    assert.equal(beta.condition.reason, 'OutsideWindow');
    assert.equal(beta.drift?.state, 'pending');
    assert.equal(beta.drift?.reason, 'outside-window');
    const tuesday11pm = new Date(2025, 0, 7, 23, 0);
    const inside = await reconcileOnce({
      ...options,
      window: parseWindow('Mon-Fri 22:00-06:00'),
      now: () => tuesday11pm,
    });
    assert.equal(inside.result, 'applied');
    assert.equal(await hasVip('beta'), true);
    assert.equal((await readStatus(r.stateDir, 'pair'))!.nodes.beta.drift?.state, 'repaired');
  });

  it(
    'with --verify-signatures an unsigned commit is refused ' + 'and a commit signed by an allowed key applies',
    async () => {
      const keys = join(r.root, 'keys');
      await execa('mkdir', ['-p', keys]);
      for (const k of ['ok', 'other'])
        await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', k, '-f', join(keys, k)]);
      const allowed = join(keys, 'allowed_signers');
      await writeFile(allowed, `test@example.org ${(await readFile(join(keys, 'ok.pub'), 'utf8')).trim()}\n`);
      const verify = { allowedSignersFile: allowed };

      const unsigned = await r.commit(envFiles({ active: 'alpha' }), 'F: unsigned');
      await r.push();
      const refused = await reconcileOnce({ ...options, verify });
      assert.equal(refused.result, 'signature-refused');
      assert.match(refused.message, /is not signed/);
      assert.equal(await hasVip('alpha'), false);
      assert.equal((await readStatus(r.stateDir, 'pair'))!.nodes.alpha.lastAttemptedRevision?.commit, unsigned);

      await git(r.work, ['config', 'gpg.format', 'ssh']);
      await git(r.work, ['config', 'user.signingkey', join(keys, 'other')]);
      await r.commit({}, 'G: signed by a key that is not allowed', ['-S']);
      await r.push();
      const unknown = await reconcileOnce({ ...options, verify });
      assert.equal(unknown.result, 'signature-refused');
      assert.match(unknown.message, /not signed by an allowed key/);
      assert.equal(await hasVip('alpha'), false);

      await git(r.work, ['config', 'user.signingkey', join(keys, 'ok')]);
      const signed = await r.commit({}, 'H: signed by the allowed key', ['-S']);
      await r.push();
      const ok = await reconcileOnce({ ...options, verify });
      assert.equal(ok.result, 'applied', ok.message);
      assert.equal(ok.revision, signed);
      assert.equal(await hasVip('alpha'), true);
    },
  );
});
