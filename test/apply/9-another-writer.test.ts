// Regressions of issue 9 (double ownership): when another writer (another tandem, the HA
// layer, a person) moves an address while an apply runs, the apply never puts it back on
// a second node. A delete that finds the address gone stops the apply without restoring
// it and says where it is now; a rollback brings an address back only after the same
// uniqueness check an arrival gets. On sim nodes, with the other writer injected between
// the checkpoint and the write.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AuditEvent } from '../../src/apply/audit.js';
import { applyPlan } from '../../src/apply/index.js';
import type { WritableNode } from '../../src/apply/writable-node.js';
import { createSimWriter, type SimWriter } from '../../src/apply/writer-sim.js';
import { makePlan } from '../../src/cli/commands/plan.js';
import type { CliIO } from '../../src/cli/io.js';
import { SimDriver } from '../../src/observe/drivers/sim.js';
import type { KernelOp } from '../../src/plan/ops.js';
import { Capture, copyEnvironment, editFile, type TempEnv } from './helpers.js';

const DEMO = resolve('environments/demo');
const VIP = '192.0.2.50/24';
let saved: string | undefined;
before(() => (saved = process.env.TANDEM_STATE_DIR));
after(() => (saved === undefined ? delete process.env.TANDEM_STATE_DIR : (process.env.TANDEM_STATE_DIR = saved)));

async function planOf(t: TempEnv) {
  process.env.TANDEM_STATE_DIR = t.stateDir;
  const io: CliIO = { stdout: new Capture(), stderr: new Capture(), stdin: process.stdin, env: t.env, cwd: t.root };
  return makePlan(t.dir, { format: 'text' }, io);
}

async function holders(t: TempEnv): Promise<string[]> {
  const on: string[] = [];
  for (const node of ['server1', 'server2']) {
    const o = await new SimDriver(node, { envDir: t.dir, env: t.env, cwd: t.root }).observe();
    assert.ok(o.ok);
    if (o.state.addresses.some((a) => a.cidr === VIP)) on.push(node);
  }
  return on;
}

/** The demo converged, then databaseip switched over to server2 in the desired state. */
async function switchover(): Promise<TempEnv> {
  const t = await copyEnvironment(DEMO);
  const { plan, prepared } = await planOf(t);
  const first = await applyPlan({ plan, model: prepared.model, envDir: t.dir, env: t.env, cwd: t.root });
  assert.equal(first.outcome, 'applied', first.message);
  await editFile(
    join(t.dir, 'addresses.yaml'),
    `address: ${VIP}\n  active: server1`,
    `address: ${VIP}\n  active: server2`,
  );
  return t;
}

/** server1's writer, with another writer moving the VIP to server2 right before server1's batch. */
function racedWriter(t: TempEnv, when: 'before-batch' | 'after-batch'): WritableNode {
  const real = createSimWriter('server1', { envDir: t.dir, env: t.env, cwd: t.root });
  const other = createSimWriter('server2', { envDir: t.dir, env: t.env, cwd: t.root });
  const moveAway = async () => {
    if (when === 'before-batch') await real.apply([{ op: 'addr-del', iface: 'eth0', cidr: VIP }]);
    await other.apply([{ op: 'addr-add', iface: 'eth0', cidr: VIP, label: 'eth0:db' }]);
  };
  return Object.assign(Object.create(real) as SimWriter, {
    apply: async (ops: readonly KernelOp[]) => {
      if (!ops.some((op) => op.op === 'addr-del' && op.cidr === VIP)) return real.apply(ops);
      if (when === 'before-batch') await moveAway();
      const r = await real.apply(ops);
      if (when === 'after-batch') await moveAway();
      return r;
    },
  });
}

describe('another writer moves an address while an apply runs', () => {
  it('a delete that finds the address gone stops the apply, puts nothing back, and says where it is', async () => {
    const t = await switchover();
    const { plan, prepared } = await planOf(t);
    assert.deepEqual(
      plan.waves.map((w) => w.nodes),
      [['server1'], ['server2']],
    );
    const events: AuditEvent[] = [];
    const r = await applyPlan({
      plan,
      model: prepared.model,
      envDir: t.dir,
      env: t.env,
      cwd: t.root,
      writers: new Map([['server1', racedWriter(t, 'before-batch')]]),
      onEvent: (e) => events.push(e),
    });
    assert.equal(r.outcome, 'failed', r.message);
    assert.match(
      r.message,
      new RegExp(
        'another writer changed the nodes while this apply ran: 192\\.0\\.2\\.50/24 was already gone from server1 ' +
          '\\(now on server2\\); tandem stopped without putting it back',
      ),
    );
    assert.deepEqual(await holders(t), ['server2'], 'on exactly one node: where the other writer put it');
    const conflict = events.find((e) => e.event === 'conflict');
    assert.deepEqual(conflict?.detail, { cidr: VIP, now: 'server2' });
    assert.ok(!events.some((e) => e.event === 'restore'), 'nothing restored');
  });

  it('a rollback does not bring an address back that another host answers for by then', async () => {
    const t = await switchover();
    const { plan, prepared } = await planOf(t);
    // Wave 1 deletes the VIP from server1, then a later op of the same batch fails, so the
    // wave is rolled back; meanwhile another writer brought the VIP up on server2.
    plan.waves[0].steps
      .at(-1)!
      .ops.push({ op: 'route-replace', to: '198.51.100.128/25', via: '203.0.113.1', dev: 'eth0', table: 254 });
    const events: AuditEvent[] = [];
    const r = await applyPlan({
      plan,
      model: prepared.model,
      envDir: t.dir,
      env: t.env,
      cwd: t.root,
      writers: new Map([['server1', racedWriter(t, 'after-batch')]]),
      onEvent: (e) => events.push(e),
    });
    assert.equal(r.outcome, 'failed', r.message);
    assert.match(r.failed!.error, /invalid gateway/i);
    assert.equal(r.rolledBack?.incomplete.length, 1, r.message);
    assert.match(r.rolledBack.incomplete[0], /server1: not put back, another host answers for it: 192\.0\.2\.50\/24/);
    assert.deepEqual(await holders(t), ['server2'], 'never on two nodes');
    const check = events.find((e) => e.event === 'check' && (e.detail as { phase?: string })?.phase === 'rollback');
    assert.equal(check?.result, 'failed', 'the uniqueness check ran before the address could come back');
    const audit = await readFile(join(t.stateDir, 'audit.ndjson'), 'utf8');
    assert.match(audit, /"phase":"rollback"/);
  });
});
