// apply on real network namespaces (root): a switchover that is never on two nodes at
// once while a client pings, zero writes on re-apply, a kernel-rejected step rolled back
// to the pre-wave state, an apply killed with SIGKILL and run again, and two concurrent
// applies. Skips with the reason where namespaces cannot be made; always cleans up.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { execa } from 'execa';
import type { AuditEvent } from '../../src/apply/audit.js';
import { applyPlan } from '../../src/apply/index.js';
import { LOCK_FILE, type LockHolder } from '../../src/apply/node-lock.js';
import { compareStates } from '../../src/apply/verify.js';
import { makePlan } from '../../src/cli/commands/plan.js';
import type { CliIO } from '../../src/cli/io.js';
import { observeLinux } from '../../src/observe/drivers/linux/driver.js';
import { Capture } from './helpers.js';
import {
  addressesYaml,
  canMakeNamespaces,
  CLI,
  destroyLab,
  eth0Addresses,
  makeLab,
  nodeStatePath,
  nodesYaml,
  pollOverlap,
  type Lab,
  type LabSpec,
} from './netns-lab.js';

const skip = await canMakeNamespaces();
if (skip) console.log(`# apply integration tests skipped: ${skip}`);

const labs: Lab[] = [];

/** A check event of the audit log, with the detail apply records for it (src/apply/node-wave.ts). */
interface CheckEvent extends AuditEvent {
  event: 'check';
  detail?: { phase: 'pre' | 'post'; kind: string; note?: string };
}
async function lab(spec?: LabSpec): Promise<Lab> {
  const l = await makeLab(spec);
  labs.push(l);
  return l;
}

async function planAndApply(l: Lab) {
  const io: CliIO = { stdout: new Capture(), stderr: new Capture(), stdin: process.stdin, env: l.env, cwd: l.root };
  const { plan, prepared } = await makePlan(l.dir, { format: 'text', inventoryRoot: l.stateDir }, io);
  assert.equal(plan.refusals.length, 0, JSON.stringify(plan.refusals));
  const result = await applyPlan({
    plan,
    model: prepared.model,
    envDir: l.dir,
    driverOptions: { inventoryRoot: l.stateDir },
    env: l.env,
    cwd: l.root,
    desiredDigest: prepared.desiredDigest,
    observed: prepared.observations,
  });
  return { plan, result };
}

const ping = async (ns: string, ip: string) =>
  (await execa('ip', ['netns', 'exec', ns, 'ping', '-n', '-c', '1', '-W', '2', ip], { reject: false })).exitCode === 0;
const has = async (ns: string, cidr: string) => (await eth0Addresses(ns)).includes(cidr);

describe('apply on network namespaces', { skip: skip ?? false }, () => {
  after(async () => {
    for (const l of labs) await destroyLab(l);
  });

  it(
    'switches a relocatable address over without it ever being on both nodes, ' +
      'the client reaches it after, and re-applying writes nothing',
    async () => {
      const l = await lab();
      const first = await planAndApply(l);
      assert.equal(first.result.outcome, 'applied', first.result.message);
      assert.ok(first.result.events > 0);
      assert.ok(await has(l.ns.a, '192.0.2.100/24'));
      assert.ok(await ping(l.ns.client, '192.0.2.100'), 'client reaches the address on a');

      await writeFile(join(l.dir, 'addresses.yaml'), addressesYaml(l, 'b'));
      const pinger = execa('ip', ['netns', 'exec', l.ns.client, 'ping', '-n', '-i', '0.2', '-W', '1', '192.0.2.100'], {
        reject: false,
      });
      const poll = pollOverlap(l, '192.0.2.100');
      let switched;
      let seen;
      try {
        switched = await planAndApply(l);
      } finally {
        seen = await poll.stop();
        pinger.kill('SIGINT');
        await pinger;
      }
      assert.equal(switched.result.outcome, 'applied', switched.result.message);
      assert.deepEqual(
        switched.plan.waves.map((w) => w.nodes),
        [[`a-${l.sfx}`], [`b-${l.sfx}`]],
      );
      assert.ok(seen.samples >= 10, `polled ${seen.samples} times`);
      assert.equal(seen.overlaps, 0, 'the address was on both nodes at once');
      assert.deepEqual([...seen.seenOn].sort(), ['a', 'b'], 'the poller saw the address leave a and arrive on b');
      assert.ok(!(await has(l.ns.a, '192.0.2.100/24')));
      assert.ok(await has(l.ns.b, '192.0.2.100/24'));
      assert.ok(await ping(l.ns.client, '192.0.2.100'), 'client reaches the address on b');
      // The checks around the arrival really ran on b, with the real tools.
      const audit = (await readFile(join(l.stateDir, 'audit.ndjson'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as AuditEvent);
      const checks = audit.filter(
        (e): e is CheckEvent => e.planId === switched.plan.id && e.event === 'check' && e.node === `b-${l.sfx}`,
      );
      const kinds = (kind: string) => checks.filter((e) => e.detail?.kind === kind);
      assert.ok(
        kinds('uniqueness').some(
          (e) => e.result === 'ok' && e.command!.includes('arping') && e.command!.includes('-D'),
        ),
        JSON.stringify(checks),
      );
      assert.ok(
        kinds('gratuitous-arp').some(
          (e) => e.result === 'ok' && e.command!.includes('-U') && e.detail!.note === '2 sent, 50 ms apart',
        ),
        JSON.stringify(checks),
      );
      assert.ok(
        kinds('health').some((e) => e.result === 'ok'),
        JSON.stringify(checks),
      );

      const again = await planAndApply(l);
      assert.equal(again.result.outcome, 'nothing-to-do');
      assert.deepEqual(again.result.writes, { batches: 0, inventories: 0 });
    },
  );

  it(
    'does not bring an address up that another host on the segment already answers for (arping -D), ' +
      'and writes nothing',
    async () => {
      const l = await lab();
      await execa('ip', ['-n', l.ns.client, 'addr', 'add', '192.0.2.100/24', 'dev', 'eth0']);
      const r = await planAndApply(l);
      assert.equal(r.result.outcome, 'failed', r.result.message);
      assert.match(
        r.result.failed!.error,
        /192\.0\.2\.100 is already in use on eth0's segment: another host answered arping -D/,
      );
      assert.ok(!(await has(l.ns.a, '192.0.2.100/24')), 'never brought up on a');
    },
  );

  it(
    'rolls the wave back when the kernel rejects a step ' + "(IPv6 disabled on the interface behind tandem's back)",
    async () => {
      const l = await lab();
      const converged = await planAndApply(l);
      assert.equal(converged.result.outcome, 'applied', converged.result.message);
      // The sim kernel the gate uses does not model disable_ipv6, so the plan passes the
      // gate; the real kernel refuses the IPv6 address after the IPv4 one went in.
      await execa('ip', ['netns', 'exec', l.ns.a, 'sysctl', '-q', '-w', 'net.ipv6.conf.eth0.disable_ipv6=1']);
      await writeFile(
        join(l.dir, 'nodes.yaml'),
        nodesYaml(l, { extraAddressesA: ['192.0.2.13/24', '2001:db8:a::13/64'] }),
      );
      const pre = await observeLinux(
        `a-${l.sfx}`,
        { transport: 'netns', namespace: l.ns.a },
        { inventoryRoot: l.stateDir },
      );
      assert.ok(pre.ok);
      const { plan, result } = await planAndApply(l);
      assert.equal(plan.waves.length, 1);
      assert.equal(result.outcome, 'failed');
      assert.equal(result.failed?.step, `a-${l.sfx}:addr:2001:db8:a::13`);
      assert.match(result.failed.error, /IPv6 is disabled on this device/);
      assert.deepEqual(result.rolledBack?.nodes, [`a-${l.sfx}`]);
      assert.deepEqual(result.rolledBack?.steps, [`a-${l.sfx}:addr:192.0.2.13`]);
      assert.deepEqual(result.rolledBack?.incomplete, []);
      const post = await observeLinux(
        `a-${l.sfx}`,
        { transport: 'netns', namespace: l.ns.a },
        { inventoryRoot: l.stateDir },
      );
      assert.ok(post.ok);
      assert.deepEqual(compareStates(pre.state, post.state), []);
      assert.ok(!(await has(l.ns.a, '192.0.2.13/24')), 'the IPv4 address of the failed wave is gone again');
    },
  );

  it(
    'converges after an apply killed with SIGKILL mid-way, ' + 'with no duplicate address, taking over the stale lock',
    async () => {
      const l = await lab({ uniquenessTimeoutMs: 3000 });
      const cli = (args: string[]) =>
        execa(process.execPath, [CLI, ...args], { cwd: l.root, env: l.env, reject: false });
      const converged = await cli(['apply', l.dir, '--yes']);
      assert.equal(converged.exitCode, 0, `${converged.stdout}${converged.stderr}`);
      await writeFile(join(l.dir, 'addresses.yaml'), addressesYaml(l, 'b'));
      const poll = pollOverlap(l, '192.0.2.100');
      let seen;
      try {
        const victim = cli(['apply', l.dir, '--yes']);
        // Wave 1 removes the address from a; wave 2's uniqueness check then waits 3 s.
        const deadline = Date.now() + 15_000;
        while ((await has(l.ns.a, '192.0.2.100/24')) && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 20));
        assert.ok(!(await has(l.ns.a, '192.0.2.100/24')), 'wave 1 ran');
        victim.kill('SIGKILL');
        const killed = await victim;
        assert.equal(killed.signal, 'SIGKILL');
        const lock = JSON.parse(await readFile(nodeStatePath(l.ns.b, LOCK_FILE), 'utf8')) as LockHolder;
        assert.equal(lock.pid, victim.pid, 'the killed apply left its lock behind');

        const rerun = await cli(['apply', l.dir, '--yes', '--json']);
        assert.equal(rerun.exitCode, 0, rerun.stderr);
        const events = String(rerun.stdout)
          .trim()
          .split('\n')
          .map((x) => JSON.parse(x) as AuditEvent);
        const takeover = events.find((e) => e.event === 'lock-takeover');
        assert.ok(takeover, 'the stale lock was taken over');
        assert.equal((takeover.detail as { stale: LockHolder }).stale.pid, victim.pid);
      } finally {
        seen = await poll.stop();
      }
      assert.equal(seen.overlaps, 0, 'the address was on both nodes at once');
      assert.ok(!(await has(l.ns.a, '192.0.2.100/24')));
      assert.ok(await has(l.ns.b, '192.0.2.100/24'));
      const audit = await readFile(join(l.stateDir, 'audit.ndjson'), 'utf8');
      assert.match(audit, /"event":"lock-takeover"/);
    },
  );

  it('fails a second concurrent apply at once, naming the holder', async () => {
    const l = await lab({ uniquenessTimeoutMs: 3000 });
    const cli = (args: string[]) => execa(process.execPath, [CLI, ...args], { cwd: l.root, env: l.env, reject: false });
    const first = cli(['apply', l.dir, '--yes']);
    const lockFile = nodeStatePath(l.ns.a, LOCK_FILE);
    const deadline = Date.now() + 10_000;
    let holder: LockHolder | undefined;
    while (!holder && Date.now() < deadline) {
      holder = await readFile(lockFile, 'utf8').then(
        (t) => JSON.parse(t) as LockHolder,
        () => undefined,
      );
      if (!holder) await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(holder, 'the first apply took its lock');
    const second = await cli(['apply', l.dir, '--yes']);
    assert.equal(second.exitCode, 1);
    assert.match(
      String(second.stdout),
      new RegExp(
        `locked by another apply: pid ${holder.pid} on ${holder.host} \\(.*since ` +
          `${holder.since}, plan ${holder.planId}, holder id ${holder.id}\\)`,
      ),
    );
    // It failed at once: the first apply (its uniqueness check waits 3 s) still holds the node.
    const still = JSON.parse(await readFile(lockFile, 'utf8')) as LockHolder;
    assert.equal(still.id, holder.id, 'the second apply waited for the first to finish');
    const r1 = await first;
    assert.equal(r1.exitCode, 0, `${r1.stdout}${r1.stderr}`);
    assert.equal(holder.pid, first.pid);
  });
});
