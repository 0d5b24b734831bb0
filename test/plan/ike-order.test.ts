// The gate over a plan's waves (ikeOrderRefusals, TR015), read in the order apply runs a
// node's part of a wave: IKE loads, the kernel batch, the other IKE steps
// (environments/serviceguard: pkga-dr follows pkga).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DesiredModel } from '../../src/model/desired.js';
import type { ObservedNode } from '../../src/observe/model.js';
import { ikeOrderRefusals } from '../../src/plan/ike-plan.js';
import type { KernelOp } from '../../src/plan/ops.js';
import type { IkeStepSpec } from '../../src/plan/step-types.js';
import { validateEnvironment } from '../../src/validate/index.js';

const v = await validateEnvironment('environments/serviceguard');
const model = v.model as DesiredModel;

function node(name: string, holds: boolean, loaded: string[]): ObservedNode {
  return {
    node: name,
    driver: 'sim',
    observedAt: '2026-12-03T00:00:00Z',
    links: [],
    addresses: holds
      ? [
          {
            interface: 'lan0',
            family: 4,
            cidr: '192.0.2.98/24',
            secondary: false,
            tentative: false,
            dadfailed: false,
            scope: 'global',
          },
        ]
      : [],
    routes: [],
    neighbors: [],
    xfrmPolicies: [],
    sysctl: {},
    inventory: { owned: [] },
    ike: { connections: loaded.map((n) => ({ name: n, localAddrs: [], remoteAddrs: [], children: [] })), sas: [] },
  };
}

type S = { id: string; node: string; ops: KernelOp[]; ike?: IkeStepSpec };
const ike = (n: string, action: IkeStepSpec['action']): S => ({
  id: `${n}:ike/pkga-dr/${action}`,
  node: n,
  ops: [],
  ike: { action, connection: 'pkga-dr' },
});
const addr = (n: string, op: 'addr-add' | 'addr-del'): S => ({
  id: `${n}:addr:192.0.2.98`,
  node: n,
  ops: [{ op, iface: 'lan0', cidr: '192.0.2.98/24' }],
});
const states = (n1Loaded: string[], n2Loaded: string[]) =>
  new Map([
    ['node1', node('node1', true, n1Loaded)],
    ['node2', node('node2', false, n2Loaded)],
  ]);

describe('the IKE gate over waves (TR015)', () => {
  it('passes the planned move: load before arrival, initiate after it, terminate after departure', () => {
    const waves = [
      { steps: [addr('node1', 'addr-del'), ike('node1', 'terminate')] },
      { steps: [ike('node2', 'load'), addr('node2', 'addr-add'), ike('node2', 'initiate')] },
    ];
    assert.deepEqual(ikeOrderRefusals(model, waves, states(['pkga-dr'], [])), []);
  });

  it('refuses an initiate in a wave before the address arrives', () => {
    const waves = [
      { steps: [addr('node1', 'addr-del'), ike('node1', 'terminate'), ike('node2', 'initiate')] },
      { steps: [addr('node2', 'addr-add')] },
    ];
    const r = ikeOrderRefusals(model, waves, states(['pkga-dr'], ['pkga-dr']));
    assert.deepEqual(
      r.map((x) => [x.ruleId, x.step]),
      [['TR015', 'node2:ike/pkga-dr/initiate']],
    );
    assert.match(r[0].explanation, /node2, which does not hold pkga at that point/);
  });

  it('refuses an address arriving where the connection is not loaded, an unload while it is held', () => {
    const waves = [
      { steps: [ike('node1', 'terminate'), addr('node1', 'addr-del')] },
      { steps: [addr('node2', 'addr-add')] },
    ];
    // within a node's wave the batch runs before a terminate: that order is fine; this one is not:
    const r = ikeOrderRefusals(model, [{ steps: [ike('node1', 'unload')] }, ...waves], states(['pkga-dr'], []));
    assert.deepEqual(
      r.map((x) => x.step),
      ['node1:ike/pkga-dr/unload', 'node2:address/pkga'],
    );
    assert.match(r[1].explanation, /pkga arrives on node2 before IKE connection pkga-dr is loaded there/);
  });

  it('counts only nodes whose charon is observed', () => {
    const s = states([], []);
    delete s.get('node2')!.ike;
    s.get('node2')!.driver = 'linux';
    assert.deepEqual(ikeOrderRefusals(model, [{ steps: [addr('node2', 'addr-add')] }], s), []);
  });
});
