// apply on sim nodes, end to end, in a temp TANDEM_STATE_DIR: a copy of environments/demo
// converges, switches databaseip over, writes nothing the second time, and a wave that
// fails is rolled back to the state before it.
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AuditEvent } from '../../src/apply/audit.js';
import { applyPlan, type ApplyInput } from '../../src/apply/index.js';
import { acquireLock, releaseLock } from '../../src/apply/node-lock.js';
import { localStateFiles } from '../../src/apply/node-state.js';
import { simStateDir } from '../../src/observe/drivers/sim.js';
import { compareStates } from '../../src/apply/verify.js';
import type { WritableNode } from '../../src/apply/writable-node.js';
import { createSimWriter, type SimWriter } from '../../src/apply/writer-sim.js';
import type { KernelOp } from '../../src/plan/ops.js';
import type { CliIO } from '../../src/cli/io.js';
import { makePlan } from '../../src/cli/commands/plan.js';
import { SimDriver } from '../../src/observe/drivers/sim.js';
import type { ObservedNode } from '../../src/observe/model.js';
import type { PlanDocument } from '../../src/plan/document.js';
import { Capture, copyEnvironment, editFile, type TempEnv } from './helpers.js';

const DEMO = resolve('environments/demo');
let saved: string | undefined;
before(() => (saved = process.env.TANDEM_STATE_DIR));
after(() => (saved === undefined ? delete process.env.TANDEM_STATE_DIR : (process.env.TANDEM_STATE_DIR = saved)));

async function planOf(t: TempEnv) {
  process.env.TANDEM_STATE_DIR = t.stateDir;
  const io: CliIO = { stdout: new Capture(), stderr: new Capture(), stdin: process.stdin, env: t.env, cwd: t.root };
  return makePlan(t.dir, { format: 'text' }, io);
}

async function apply(t: TempEnv, plan: PlanDocument, extra: Partial<ApplyInput> = {}) {
  const { prepared } = await planOf(t);
  return applyPlan({
    plan,
    model: prepared.model,
    envDir: t.dir,
    env: t.env,
    cwd: t.root,
    desiredDigest: prepared.desiredDigest,
    ...extra,
  });
}

async function state(t: TempEnv, node: string): Promise<ObservedNode> {
  const o = await new SimDriver(node, { envDir: t.dir, env: t.env, cwd: t.root }).observe();
  assert.ok(o.ok);
  return o.state;
}

const addressesOf = (s: ObservedNode) =>
  s.addresses
    .filter((a) => a.interface === 'eth0')
    .map((a) => `${a.cidr}${a.label ? ` ${a.label}` : ''}`)
    .sort();

async function simFiles(t: TempEnv): Promise<Record<string, string>> {
  const dir = join(t.stateDir, 'sim', 'demo');
  const out: Record<string, string> = {};
  for (const f of await readdir(dir))
    out[f] = `${(await stat(join(dir, f))).mtimeMs} ${await readFile(join(dir, f), 'utf8')}`;
  return out;
}

describe('apply on sim nodes', () => {
  it(
    'converges the demo, switches databaseip over to server2, ' + 'and then has nothing to do and writes nothing',
    async () => {
      const t = await copyEnvironment(DEMO);
      const first = await planOf(t);
      const r1 = await apply(t, first.plan);
      assert.equal(r1.outcome, 'applied', r1.message);
      assert.ok(r1.writes.batches > 0 && r1.writes.inventories > 0);
      assert.deepEqual(addressesOf(await state(t, 'server1')), [
        '192.0.2.11/24',
        '192.0.2.50/24 eth0:db',
        '192.0.2.61/24',
      ]);

      await editFile(
        join(t.dir, 'addresses.yaml'),
        'address: 192.0.2.50/24\n  active: server1',
        'address: 192.0.2.50/24\n  active: server2',
      );
      const events: string[] = [];
      const switchover = await planOf(t);
      const steps = switchover.plan.waves.map((w) => w.steps.map((s) => `${w.index}:${s.node}:${s.description}`));
      assert.deepEqual(steps, [
        ['1:server1:delete address 192.0.2.50/24 on eth0:db (relocatable databaseip)'],
        ['2:server2:create address 192.0.2.50/24 on eth0:db (relocatable databaseip)'],
      ]);
      const r2 = await apply(t, switchover.plan, {
        onEvent: (e) => events.push(`${e.event}${e.node ? ` ${e.node}` : ''}${e.wave ? ` w${e.wave}` : ''}`),
      });
      assert.equal(r2.outcome, 'applied', r2.message);
      assert.equal(r2.wavesApplied, 2);
      const s1 = await state(t, 'server1');
      const s2 = await state(t, 'server2');
      assert.deepEqual(addressesOf(s1), ['192.0.2.11/24', '192.0.2.61/24']);
      assert.deepEqual(addressesOf(s2), ['192.0.2.12/24', '192.0.2.50/24 eth0:db', '192.0.2.62/24']);
      assert.ok(s2.inventory.owned.includes('addr:192.0.2.50'), 'the new holder owns the address');
      assert.ok(!s1.inventory.owned.includes('addr:192.0.2.50'), 'the old holder no longer does');
      assert.equal(s2.inventory.lastApply?.planId, switchover.plan.id);
      // The removal on server1 is verified and recorded before server2 is touched.
      const order = events.filter((e) => /^(batch|verify|inventory|check)/.test(e));
      assert.ok(
        order.indexOf('inventory server1 w1') < order.findIndex((e) => e.startsWith('check server2')),
        order.join(', '),
      );
      assert.ok(events.includes('unlock server1') && events.includes('unlock server2'));
      assert.deepEqual(
        (await readdir(simStateDir(t.dir, { env: t.env, cwd: t.root }))).filter((f) => f.endsWith('.lock')),
        [],
        'locks released',
      );

      const before = await simFiles(t);
      const again = await planOf(t);
      assert.equal(again.plan.changes.length, 0);
      const r3 = await apply(t, again.plan);
      assert.equal(r3.outcome, 'nothing-to-do');
      assert.deepEqual(r3.writes, { batches: 0, inventories: 0 });
      assert.deepEqual(await simFiles(t), before, 'no sim state file was written');

      const audit = (await readFile(join(t.stateDir, 'audit.ndjson'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as AuditEvent);
      assert.ok(
        audit.some(
          (e) => e.planId === switchover.plan.id && e.event === 'batch' && e.node === 'server2' && e.result === 'ok',
        ),
      );
      assert.equal(audit.at(-1)?.event, 'apply-done');
    },
  );

  it('rolls a wave back to the state before it when a step fails, and aborts the waves after it', async () => {
    const t = await copyEnvironment(DEMO);
    const { plan } = await planOf(t);
    const pre = await state(t, 'server1');
    const wave1 = plan.waves[0];
    assert.deepEqual(wave1.nodes, ['server1']);
    // A route whose gateway is not on eth0's subnet: the kernel (here the sim's) rejects
    // it after the wave's other ops already took effect.
    const last = wave1.steps.at(-1)!;
    last.ops.push({ op: 'route-replace', to: '198.51.100.128/25', via: '203.0.113.1', dev: 'eth0', table: 254 });
    const r = await apply(t, plan);
    assert.equal(r.outcome, 'failed');
    assert.equal(r.failed?.step, last.id);
    assert.match(r.failed.error, /invalid gateway/i);
    assert.deepEqual(r.rolledBack?.nodes, ['server1']);
    assert.deepEqual(r.rolledBack?.incomplete, []);
    assert.ok(r.rolledBack.steps.length >= 1, 'the steps applied before the failure are reported as undone');
    assert.deepEqual(
      r.aborted,
      plan.waves.slice(1).map((w) => w.index),
    );
    assert.equal(r.wavesApplied, 0);
    const post = await state(t, 'server1');
    assert.deepEqual(compareStates(pre, post), []);
    assert.deepEqual(post.inventory, pre.inventory, 'no inventory is recorded for a failed wave');
    assert.match(r.message, /rolled back server1 to the state before wave 1/);
  });

  it(
    'rolls a wave back when the node is not as the wave should have left it (verification), ' +
      'though every write was accepted',
    async () => {
      const t = await copyEnvironment(DEMO);
      const { plan } = await planOf(t);
      const pre = await state(t, 'server1');
      // A node that reports success but drops address labels: what it holds after the wave
      // differs from what the wave should have produced.
      const real = createSimWriter('server1', { envDir: t.dir, env: t.env, cwd: t.root });
      const liar: WritableNode = Object.assign(Object.create(real) as SimWriter, {
        apply: (ops: readonly KernelOp[]) =>
          real.apply(
            ops.map((op) =>
              op.op === 'addr-add' && op.label ? { op: 'addr-add' as const, iface: op.iface, cidr: op.cidr } : op,
            ),
          ),
      });
      const r = await apply(t, plan, { writers: new Map([['server1', liar]]) });
      assert.equal(r.outcome, 'failed', r.message);
      assert.match(r.failed!.error, /verification failed: the node is not as the wave should have left it/);
      assert.deepEqual(r.rolledBack?.nodes, ['server1']);
      assert.deepEqual(compareStates(pre, await state(t, 'server1')), []);
      assert.equal(r.wavesApplied, 0);
    },
  );

  it('puts a moving address back on the node it left when its arrival fails', async () => {
    const t = await copyEnvironment(DEMO);
    assert.equal((await apply(t, (await planOf(t)).plan)).outcome, 'applied');
    await editFile(
      join(t.dir, 'addresses.yaml'),
      'address: 192.0.2.50/24\n  active: server1',
      'address: 192.0.2.50/24\n  active: server2',
    );
    const { plan } = await planOf(t);
    assert.deepEqual(
      plan.waves.map((w) => w.nodes),
      [['server1'], ['server2']],
    );
    // server2 refuses the address when it arrives.
    const real = createSimWriter('server2', { envDir: t.dir, env: t.env, cwd: t.root });
    const refusing: WritableNode = Object.assign(Object.create(real) as SimWriter, {
      apply: async (ops: readonly KernelOp[]) => {
        const i = ops.findIndex((op) => op.op === 'addr-add' && op.cidr === '192.0.2.50/24');
        if (i < 0) return real.apply(ops);
        const done = await real.apply(ops.slice(0, i));
        return { ...done, applied: i, failed: { index: i, error: 'Error: injected failure' } };
      },
    });
    const r = await apply(t, plan, { writers: new Map([['server2', refusing]]) });
    assert.equal(r.outcome, 'failed', r.message);
    assert.equal(r.failed?.wave, 2);
    assert.match(r.message, /moving addresses put back where they came from: 192\.0\.2\.50\/24 on server1/);
    assert.deepEqual(
      addressesOf(await state(t, 'server1')).filter((a) => a.startsWith('192.0.2.50')),
      ['192.0.2.50/24 eth0:db'],
    );
    assert.ok(!addressesOf(await state(t, 'server2')).some((a) => a.startsWith('192.0.2.50')));
    assert.ok((await state(t, 'server1')).inventory.owned.includes('addr:192.0.2.50'), 'server1 owns it again');
  });

  it('rolls a wave back when a check after a step fails', async () => {
    const t = await copyEnvironment(DEMO);
    const { plan } = await planOf(t);
    const pre = await state(t, 'server1');
    // A health check of an address the wave does not bring up: it cannot pass.
    plan.waves[0].steps
      .at(-1)!
      .post.push({ kind: 'health', node: 'server1', iface: 'eth0', address: '192.0.2.99', link: true });
    const r = await apply(t, plan);
    assert.equal(r.outcome, 'failed', r.message);
    assert.match(r.failed!.error, /post check failed: health of 192\.0\.2\.99/);
    assert.deepEqual(r.rolledBack?.nodes, ['server1']);
    assert.deepEqual(compareStates(pre, await state(t, 'server1')), []);
  });

  it('fails a step whose uniqueness check finds the address in use before writing anything', async () => {
    const t = await copyEnvironment(DEMO);
    const { plan } = await planOf(t);
    const step = plan.waves[0].steps.find((s) => s.pre.some((c) => c.kind === 'uniqueness'))!;
    // server2 answers for 192.0.2.12 on the shared public segment.
    step.pre.unshift({ kind: 'uniqueness', node: 'server1', iface: 'eth0', address: '192.0.2.12', timeoutMs: 100 });
    const r = await apply(t, plan);
    assert.equal(r.outcome, 'failed');
    assert.equal(r.failed?.step, step.id);
    assert.match(r.failed.error, /192\.0\.2\.12 is already in use .*server2\/eth0/);
    assert.deepEqual(r.writes, { batches: 0, inventories: 0 });
    assert.deepEqual(r.rolledBack?.nodes, []);
  });

  it('refuses a plan whose nodes changed since it was made (stale), naming what changed', async () => {
    const t = await copyEnvironment(DEMO);
    const { plan } = await planOf(t);
    const drift = await new SimDriver('server1', { envDir: t.dir, env: t.env, cwd: t.root }).apply([
      { op: 'addr-del', iface: 'eth0', cidr: '192.0.2.62/24' },
    ]);
    assert.ok(drift.changed);
    const { prepared } = await planOf(t);
    const r = await applyPlan({
      plan,
      model: prepared.model,
      envDir: t.dir,
      env: t.env,
      cwd: t.root,
      desiredDigest: plan.desiredRevision.digest,
    });
    assert.equal(r.outcome, 'stale');
    assert.match(
      r.stale!.join('\n'),
      /node server1 changed since the plan was made: address 192\.0\.2\.62\/24 on eth0 \(relocatable web-b\) is gone/,
    );
    assert.deepEqual(r.writes, { batches: 0, inventories: 0 });
    const r2 = await applyPlan({
      plan,
      model: prepared.model,
      envDir: t.dir,
      env: t.env,
      cwd: t.root,
      desiredDigest: 'sha256:other',
    });
    assert.match(r2.stale![0], /the desired state changed since the plan was made/);
  });

  it('stops at once when another apply holds a node, naming the holder, and writes nothing', async () => {
    const t = await copyEnvironment(DEMO);
    const { plan } = await planOf(t);
    const simDir = simStateDir(t.dir, { env: t.env, cwd: t.root });
    const held = await acquireLock('server1', localStateFiles(simDir, 'server1.'), { planId: 'someoneelse' });
    assert.ok(held.ok);
    try {
      const r = await apply(t, plan);
      assert.equal(r.outcome, 'locked');
      assert.equal(r.lockHolder?.planId, 'someoneelse');
      assert.equal(r.lockHolder?.pid, process.pid);
      assert.match(
        r.message,
        /locked by another apply: pid \d+ on .+since .+, plan someoneelse, holder id [0-9a-f]+\)/,
      );
      assert.deepEqual(r.writes, { batches: 0, inventories: 0 });
    } finally {
      await releaseLock(held.lock);
    }
  });

  it('a node held after the first: refused, and the locks it had taken meanwhile are released', async () => {
    const t = await copyEnvironment(DEMO);
    const { plan } = await planOf(t);
    const written = [...new Set(plan.waves.flatMap((w) => w.steps.map((s) => s.node)))].sort();
    assert.ok(written.length >= 2, `the plan writes ${written.join(', ')}`);
    const last = written[written.length - 1];
    const simDir = simStateDir(t.dir, { env: t.env, cwd: t.root });
    const held = await acquireLock(last, localStateFiles(simDir, `${last}.`), { planId: 'someoneelse' });
    assert.ok(held.ok);
    try {
      const events: AuditEvent[] = [];
      const r = await apply(t, plan, { onEvent: (e) => events.push(e) });
      assert.equal(r.outcome, 'locked', r.message);
      assert.equal(r.lockHolder?.planId, 'someoneelse');
      assert.match(r.message, new RegExp(`node ${last} is locked by another apply`));
      assert.deepEqual(r.writes, { batches: 0, inventories: 0 });
      const others = written.slice(0, -1);
      const taken = (event: string) => events.filter((e) => e.event === event).map((e) => e.node);
      assert.deepEqual(taken('lock'), others, 'the other nodes were locked');
      assert.deepEqual(taken('locked'), [last]);
      assert.deepEqual(taken('unlock').sort(), others, 'and released again');
      assert.deepEqual(
        (await readdir(simDir)).filter((f) => f.endsWith('.lock')),
        [`${last}.apply.lock`],
        "only the other apply's lock is left",
      );
    } finally {
      await releaseLock(held.lock);
    }
  });
});
