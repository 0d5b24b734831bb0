// sourceAddress and promoteSecondaries through the sim driver, end to end in a temp
// TANDEM_STATE_DIR: a copy of environments/demo with databaseip's sourceAddress and the
// cluster's promoteSecondaries turned on converges, the sim nodes' state files hold the
// sysctl and the subnet route's source, a switchover moves the source with the address,
// and a second plan has nothing to do.
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applyPlan } from '../../src/apply/index.js';
import { makePlan } from '../../src/cli/commands/plan.js';
import type { CliIO } from '../../src/cli/io.js';
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

async function apply(t: TempEnv, plan: PlanDocument) {
  const { prepared } = await planOf(t);
  return applyPlan({
    plan,
    model: prepared.model,
    envDir: t.dir,
    env: t.env,
    cwd: t.root,
    desiredDigest: prepared.desiredDigest,
  });
}

async function state(t: TempEnv, node: string): Promise<ObservedNode> {
  const o = await new SimDriver(node, { envDir: t.dir, env: t.env, cwd: t.root }).observe();
  assert.ok(o.ok);
  return o.state;
}

const subnetSource = (s: ObservedNode) =>
  s.routes.filter((r) => r.to === '192.0.2.0/24' && r.device === 'eth0').map((r) => `${r.protocol} ${r.src}`);

describe('sourceAddress and promoteSecondaries on sim nodes', () => {
  it('converge, follow a switchover, and then leave nothing to do', async () => {
    const t = await copyEnvironment(DEMO);
    await editFile(join(t.dir, 'addresses.yaml'), 'sourceAddress: false', 'sourceAddress: true');
    await editFile(join(t.dir, 'cluster.yaml'), '  defaults:\n', '  defaults:\n    promoteSecondaries: true\n');
    const first = await planOf(t);
    assert.deepEqual(first.plan.refusals, []);
    const r1 = await apply(t, first.plan);
    assert.equal(r1.outcome, 'applied', r1.message);
    const s1 = await state(t, 'server1');
    assert.equal(s1.sysctl['net.ipv4.conf.eth0.promote_secondaries'], '1');
    assert.equal(s1.sysctl['net.ipv4.conf.eth1.promote_secondaries'], '1');
    assert.deepEqual(subnetSource(s1), ['kernel 192.0.2.50']);

    await editFile(
      join(t.dir, 'addresses.yaml'),
      'address: 192.0.2.50/24\n  active: server1',
      'address: 192.0.2.50/24\n  active: server2',
    );
    const moved = await planOf(t);
    assert.deepEqual(
      moved.plan.waves.map((w) => w.steps.map((s) => `${s.node}:${s.description}`)),
      [
        [
          'server1:delete source 192.0.2.50 of subnet 192.0.2.0/24 on eth0 (relocatable databaseip)',
          'server1:delete address 192.0.2.50/24 on eth0:db (relocatable databaseip)',
        ],
        [
          'server2:create address 192.0.2.50/24 on eth0:db (relocatable databaseip)',
          'server2:update source 192.0.2.50 of subnet 192.0.2.0/24 on eth0 (relocatable databaseip)',
        ],
      ],
    );
    const r2 = await apply(t, moved.plan);
    assert.equal(r2.outcome, 'applied', r2.message);
    assert.deepEqual(subnetSource(await state(t, 'server1')), ['kernel 192.0.2.11']);
    assert.deepEqual(subnetSource(await state(t, 'server2')), ['kernel 192.0.2.50']);

    const again = await planOf(t);
    assert.deepEqual(again.plan.changes, []);
  });
});
