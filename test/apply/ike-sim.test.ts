// IKE steps through the ordinary plan and apply on sim nodes (environments/serviceguard:
// pkga-dr follows pkga, node1 active, node2 adoptive). A sim node has no charon: its
// state file records the connections loaded and the SAs "up" (src/sim/ike.ts). The plan
// shows the steps in make-before-break order, apply runs them wave by wave, and the gate
// (TR015) refuses a plan whose IKE steps are out of order.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applyPlan } from '../../src/apply/index.js';
import type { CliIO } from '../../src/cli/io.js';
import { makePlan } from '../../src/cli/commands/plan.js';
import { SimDriver } from '../../src/observe/drivers/sim.js';
import type { ObservedNode } from '../../src/observe/model.js';
import type { PlanDocument } from '../../src/plan/document.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { Capture, copyEnvironment, editFile, type TempEnv } from './helpers.js';

const SG = resolve('environments/serviceguard');
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

/** "wave N node:ike/conn/action" for every IKE step, with the address steps of pkga between them. */
function order(plan: PlanDocument): string[] {
  return plan.waves.flatMap((w) =>
    w.steps
      .filter(
        (s) =>
          s.ike || s.ops.some((o) => (o.op === 'addr-add' || o.op === 'addr-del') && o.cidr.startsWith('192.0.2.98/')),
      )
      .map(
        (s) =>
          `${w.index} ${s.ike ? s.id : `${s.node}:${s.ops.find((o) => o.op === 'addr-add') ? 'add' : 'del'} pkga`}`,
      ),
  );
}

const saOf = (s: ObservedNode) => s.ike?.sas.filter((x) => x.state === 'ESTABLISHED').map((x) => x.connection) ?? [];
const loadedOf = (s: ObservedNode) => s.ike?.connections.map((c) => c.name) ?? [];

describe('IKE steps in plan and apply (sim nodes)', () => {
  it('loads on both placements, initiates where pkga arrives; the plan shows it; then nothing to do', async () => {
    const t = await copyEnvironment(SG, 'serviceguard');
    const first = await planOf(t);
    assert.deepEqual(first.plan.refusals, []);
    const ike = order(first.plan);
    // node1 gets the connection before pkga arrives, and initiates only after it did.
    const at = (x: string) => ike.findIndex((e) => e.endsWith(x));
    assert.ok(at('node1:ike/pkga-dr/load') >= 0 && at('node2:ike/pkga-dr/load') >= 0, ike.join('\n'));
    assert.ok(at('node1:ike/pkga-dr/load') < at('node1:add pkga'), ike.join('\n'));
    assert.ok(at('node1:add pkga') < at('node1:ike/pkga-dr/initiate'), ike.join('\n'));
    assert.equal(at('node2:ike/pkga-dr/initiate'), -1, 'no SA from the standby');
    const text = renderPlanText(first.plan);
    assert.match(text, /node1: load IKE connection pkga-dr/);
    assert.match(text, /node1: initiate IKE connection pkga-dr \(pkga-dr\): 192\.0\.2\.98 arrived/);
    const r = await apply(t, first.plan);
    assert.equal(r.outcome, 'applied', r.message);
    for (const id of ['node1:ike/pkga-dr/load', 'node1:ike/pkga-dr/initiate', 'node2:ike/pkga-dr/load'])
      assert.ok(r.applied.includes(id), `${id} applied: ${r.applied.join(', ')}`);
    assert.deepEqual(loadedOf(await state(t, 'node1')), ['pkga-dr']);
    assert.deepEqual(saOf(await state(t, 'node1')), ['pkga-dr']);
    assert.deepEqual(loadedOf(await state(t, 'node2')), ['pkga-dr']);
    assert.deepEqual(saOf(await state(t, 'node2')), []);
    const again = await planOf(t);
    assert.deepEqual(order(again.plan), []);
    assert.equal(again.plan.waves.length, 0, renderPlanText(again.plan));
  });

  it('a missing SA is drift (noted, initiated); a move terminates on the old node after pkga left', async () => {
    const t = await copyEnvironment(SG, 'serviceguard');
    assert.equal((await apply(t, (await planOf(t)).plan)).outcome, 'applied');
    // The SA goes down behind tandem's back (the peer restarted, DPD cleared it).
    const driver = new SimDriver('node1', { envDir: t.dir, env: t.env, cwd: t.root });
    await driver.applyIke({ action: 'terminate', connection: 'pkga-dr' }, undefined);
    const drift = await planOf(t);
    assert.ok(
      drift.plan.notes.some(
        (n) => n.node === 'node1' && /pkga-dr/.test(n.subject) && /drift: no IKE_SA is up/.test(n.message),
      ),
      JSON.stringify(drift.plan.notes),
    );
    assert.deepEqual(order(drift.plan), ['1 node1:ike/pkga-dr/initiate']);
    assert.equal((await apply(t, drift.plan)).outcome, 'applied');
    assert.deepEqual(saOf(await state(t, 'node1')), ['pkga-dr']);

    await editFile(`${t.dir}/packages.yaml`, 'active: node1', 'active: node2');
    const move = await planOf(t);
    assert.deepEqual(move.plan.refusals, []);
    const steps = order(move.plan);
    const idx = (x: string) => steps.findIndex((e) => e.endsWith(x));
    assert.ok(
      idx('node1:del pkga') >= 0 && idx('node1:del pkga') < idx('node1:ike/pkga-dr/terminate'),
      steps.join('\n'),
    );
    assert.ok(idx('node2:add pkga') < idx('node2:ike/pkga-dr/initiate'), steps.join('\n'));
    assert.equal(idx('node2:ike/pkga-dr/load'), -1, 'already loaded on the adoptive node');
    const r = await apply(t, move.plan);
    assert.equal(r.outcome, 'applied', r.message);
    assert.deepEqual(saOf(await state(t, 'node2')), ['pkga-dr']);
    assert.deepEqual(saOf(await state(t, 'node1')), []);
    assert.deepEqual(loadedOf(await state(t, 'node1')), ['pkga-dr'], 'the standby keeps the connection loaded');
  });

  it('apply refuses a saved plan whose IKE steps are out of order (TR015) before any write', async () => {
    const t = await copyEnvironment(SG, 'serviceguard');
    const { plan } = await planOf(t);
    // Move node1's initiate into the first wave, ahead of pkga's arrival, and drop its load.
    const tampered: PlanDocument = structuredClone(plan);
    const steps = tampered.waves.flatMap((w) => w.steps);
    const initiate = steps.find((s) => s.id === 'node1:ike/pkga-dr/initiate')!;
    for (const w of tampered.waves)
      w.steps = w.steps.filter((s) => s.id !== initiate.id && s.id !== 'node1:ike/pkga-dr/load');
    tampered.waves[0].steps.unshift(initiate);
    const before1 = await state(t, 'node1');
    const r = await apply(t, tampered);
    assert.equal(r.outcome, 'refused', r.message);
    assert.match(r.message, /initiated on node1 before it is loaded there/);
    assert.match(r.message, /pkga arrives on node1 before IKE connection pkga-dr is loaded there/);
    assert.equal(r.writes.batches, 0);
    assert.deepEqual((await state(t, 'node1')).addresses, before1.addresses);
    assert.equal((await state(t, 'node1')).ike, undefined, 'nothing loaded');
  });

  it('a sim node refuses to initiate without the local address (charon: no local address found)', async () => {
    const t = await copyEnvironment(SG, 'serviceguard');
    const driver = new SimDriver('node2', { envDir: t.dir, env: t.env, cwd: t.root });
    const { prepared } = await planOf(t);
    const conn = prepared.model.ikeConnections[0];
    assert.ok((await driver.applyIke({ action: 'load', connection: conn.name }, conn)).ok);
    const r = await driver.applyIke({ action: 'initiate', connection: conn.name, children: ['pkga-dr'] }, conn);
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.error, /no local address found: node2 does not hold 192\.0\.2\.98/);
  });
});
