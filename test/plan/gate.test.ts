// The safety gate on hand-made orders: every transition rule must catch a plan that
// breaks it, and let the correct order through. (The planner never produces these
// orders; the gate exists for the day it would.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffEnvironment } from '../../src/diff/index.js';
import { gate } from '../../src/plan/gate.js';
import type { KernelOp } from '../../src/plan/ops.js';
import type { Step } from '../../src/plan/step-types.js';
import { CLUSTER, dbAddressDoc, validateTexts } from '../helpers/env.js';
import { observations, observedNode } from '../helpers/observed.js';
import { planFor } from '../helpers/plan.js';

const node = (name: string, ip: string) => `apiVersion: tandem/v1
kind: Node
metadata: { name: ${name} }
spec:
  provider: p1
  connection: { transport: sim }
  management: 203.0.113.${ip}/24
  interfaces:
    - { name: mgmt0, type: physical, addresses: [203.0.113.${ip}/24] }
    - { name: eth0, type: physical, segment: public, addresses: [192.0.2.${ip}/24] }
`;
const files = {
  'c.yaml': CLUSTER,
  'n.yaml': `${node('s1', '11')}---\n${node('s2', '12')}`,
  'a.yaml': `${dbAddressDoc('s2')}---
apiVersion: tandem/v1
kind: IPsecPolicy
metadata: { name: db-out }
spec:
  selector: { source: 192.0.2.50/32, destination: 198.51.100.0/24 }
  directions: [out]
  action: protect
  protocol: esp
  mode: transport
  appliesTo: { relocatableAddress: db }
  keys: { env: DB_KEY }
`,
};

const POLICY: KernelOp = {
  op: 'xfrm-policy-update',
  policy: {
    selector: { src: '192.0.2.50/32', dst: '198.51.100.0/24' },
    dir: 'out',
    action: 'allow',
    priority: 0,
    templates: [{ proto: 'esp', mode: 'transport', level: 'required' }],
  },
};

// s1 holds db and its policy; tandem put db there (its inventory owns it), so with
// `active: s2` the address is leaving s1. Without ownership it would have been failed
// over by the HA layer and stay (switchback intelligent).
function setup(s1Extra: string[] = ['192.0.2.50/24'], s1Ops: KernelOp[] = [POLICY], owned = ['addr:192.0.2.50']) {
  const result = validateTexts(files);
  assert.ok(result.valid && result.model, result.diagnostics.map((d) => d.summary).join('\n'));
  const s1 = observedNode('s1', {
    links: ['mgmt0', 'eth0'],
    addresses: { mgmt0: ['203.0.113.11/24'], eth0: ['192.0.2.11/24', ...s1Extra] },
    ops: s1Ops,
    owned,
  });
  const s2 = observedNode('s2', {
    links: ['mgmt0', 'eth0'],
    addresses: { mgmt0: ['203.0.113.12/24'], eth0: ['192.0.2.12/24'] },
  });
  const obs = observations(s1, s2);
  const { intents } = diffEnvironment(result.model, obs);
  const states = new Map([
    ['s1', s1],
    ['s2', s2],
  ]);
  return { model: result.model, intents, states };
}

const step = (node: string, id: string, ops: KernelOp[]): Step => ({
  id,
  node,
  phase: 0,
  rank: 0,
  description: id,
  changeIds: [],
  ops,
  pre: [],
  post: [],
  deps: [],
  notes: [],
});

function run(waves: Step[][], groups: string[][] = [], s1Extra?: string[], s1Ops?: KernelOp[], owned?: string[]) {
  const { model, intents, states } = setup(s1Extra, s1Ops, owned);
  return gate({
    model,
    intents,
    states,
    changes: [],
    waves: waves.map((steps, i) => ({ index: i + 1, steps })),
    limits: { groups },
  }).refusals;
}

const del50: KernelOp = { op: 'addr-del', iface: 'eth0', cidr: '192.0.2.50/24' };
const add50: KernelOp = { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.50/24' };

describe('safety gate', () => {
  it('accepts a move in the right order: policy, removal, then arrival', () => {
    const refusals = run([
      [step('s2', 'policy', [POLICY]), step('s1', 'leave', [del50])],
      [step('s2', 'arrive', [add50])],
    ]);
    assert.deepEqual(refusals, []);
  });

  it('TR001: refuses an address brought up while still active on another node', () => {
    const refusals = run([
      [step('s2', 'policy', [POLICY]), step('s2', 'arrive', [add50])],
      [step('s1', 'leave', [del50])],
    ]);
    assert.deepEqual(
      refusals.map((r) => [r.ruleId, r.step]),
      [['TR001', 'arrive']],
    );
    assert.match(refusals[0].explanation, /still active on s1/);
  });

  it('TR002: refuses an address that arrives before its IPsec policy', () => {
    const refusals = run([
      [step('s1', 'leave', [del50])],
      [step('s2', 'arrive', [add50]), step('s2', 'policy', [POLICY])],
    ]);
    assert.deepEqual(
      refusals.map((r) => [r.ruleId, r.step]),
      [['TR002', 'arrive']],
    );
  });

  it('TR002: refuses removing the policy from a node while the address is still there', () => {
    const { policy } = POLICY;
    const refusals = run([
      [step('s1', 'unprotect', [{ op: 'xfrm-policy-del', selector: policy.selector, dir: 'out' }])],
    ]);
    assert.ok(
      refusals.some((r) => r.ruleId === 'TR002' && r.step === 'unprotect'),
      JSON.stringify(refusals),
    );
  });

  it("TR005: refuses a step that removes a node's management address", () => {
    const refusals = run([[step('s1', 'cut', [{ op: 'addr-del', iface: 'mgmt0', cidr: '203.0.113.11/24' }])]]);
    // TR012 too: a desired address that was in place would be lost.
    assert.deepEqual(
      refusals.map((r) => r.ruleId),
      ['TR005', 'TR012'],
    );
    assert.match(refusals[1].explanation, /s1:addr:203\.0\.113\.11 is as desired now but would be lost by the plan/);
  });

  it('TR006: refuses removing the last base address under a relocatable address', () => {
    // Not owned: db was failed over to s1 by the HA layer and stays there. With
    // promote_secondaries it survives its primary, but without a base address.
    const promote: KernelOp = { op: 'sysctl-set', name: 'net.ipv4.conf.all.promote_secondaries', value: '1' };
    const refusals = run(
      [[step('s1', 'unbase', [{ op: 'addr-del', iface: 'eth0', cidr: '192.0.2.11/24' }])]],
      [],
      ['192.0.2.50/24'],
      [POLICY, promote],
      [],
    );
    assert.deepEqual(
      refusals.map((r) => [r.ruleId, r.step]),
      [
        ['TR006', 'unbase'],
        ['TR012', undefined],
      ],
    );
  });

  it('TR008: refuses a wave that changes both members of a group', () => {
    const refusals = run([[step('s1', 'a', [POLICY]), step('s2', 'b', [POLICY])]], [['s1', 's2']], [], []);
    assert.deepEqual(
      refusals.map((r) => r.ruleId),
      ['TR008'],
    );
  });

  it('TR012: refuses a step the kernel model rejects, naming the op', () => {
    const refusals = run([[step('s2', 'bad', [{ op: 'addr-del', iface: 'eth0', cidr: '192.0.2.99/24' }])]]);
    assert.deepEqual(
      refusals.map((r) => [r.ruleId, r.step]),
      [['TR012', 'bad']],
    );
    assert.match(refusals[0].explanation, /192\.0\.2\.99\/24/);
  });

  it('TR003: refuses a step that touches an interface observed failed over', () => {
    const { model, intents, states } = setup();
    const refusals = gate({
      model,
      intents,
      states,
      changes: [],
      limits: { groups: [] },
      frozen: new Map([['s1', new Set(['eth0'])]]),
      waves: [{ index: 1, steps: [step('s1', 'touch', [{ op: 'link-set', iface: 'eth0', mtu: 9000 }])] }],
    }).refusals;
    assert.deepEqual(
      refusals.map((r) => [r.ruleId, r.step]),
      [['TR003', 'touch']],
    );
  });

  it('TR009: refuses a plan that leaves a node without any address', () => {
    const refusals = run([
      [
        step('s2', 'empty', [
          { op: 'addr-del', iface: 'eth0', cidr: '192.0.2.12/24' },
          { op: 'addr-del', iface: 'mgmt0', cidr: '203.0.113.12/24' },
        ]),
      ],
    ]);
    assert.deepEqual(refusals.map((r) => r.ruleId).sort(), ['TR005', 'TR009', 'TR012', 'TR012']);
    assert.match(refusals.find((r) => r.ruleId === 'TR009')!.explanation, /leave s2 without a single address/);
  });

  it('TR007: refuses a step that loses a secondary with its primary and does not restore it', () => {
    const refusals = run(
      [[step('s1', 'drop', [{ op: 'addr-del', iface: 'eth0', cidr: '192.0.2.11/24' }])]],
      [],
      ['192.0.2.50/24'],
      [],
      [],
    );
    assert.ok(
      refusals.some((r) => r.ruleId === 'TR007' && r.step === 'drop'),
      JSON.stringify(refusals),
    );
    assert.match(
      refusals.find((r) => r.ruleId === 'TR007')!.explanation,
      /also removes 192\.0\.2\.50\/24 from s1\/eth0/,
    );
  });

  it('TR012: refuses a plan whose steps do not produce its changes (does not converge)', () => {
    const { model, intents, states } = setup();
    const create = {
      id: 's2:addr:192.0.2.77',
      node: 's2',
      key: 'addr:192.0.2.77',
      kind: 'address' as const,
      action: 'create' as const,
      after: {
        kind: 'address' as const,
        key: 'addr:192.0.2.77',
        iface: 'eth0',
        cidr: '192.0.2.77/24',
        family: 4 as const,
      },
      reason: 'test',
    };
    const refusals = gate({ model, intents, states, changes: [create], waves: [], limits: { groups: [] } }).refusals;
    assert.deepEqual(
      refusals.map((r) => r.ruleId),
      ['TR012'],
    );
    assert.match(refusals[0].explanation, /would not converge/);
  });

  it('TR001: refuses an address brought up on a second node after the plan itself put it on a first', () => {
    const add60: KernelOp = { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.60/24' };
    const refusals = run(
      [[step('s2', 'arrive-s2', [add60])], [step('s1', 'arrive-s1', [add60])]],
      [],
      [],
      [POLICY],
      [],
    );
    assert.deepEqual(
      refusals.filter((r) => r.ruleId === 'TR001').map((r) => r.step),
      ['arrive-s1'],
    );
  });
});

/** s1, reached over ssh at 198.51.100.11, which eth1 carries with `prefix`; no management address. */
const sshFiles = (prefix: number, extra = '') => ({
  'c.yaml': CLUSTER,
  'n.yaml': `apiVersion: tandem/v1
kind: Node
metadata: { name: s1 }
spec:
  provider: p1
  connection: { transport: ssh, host: 198.51.100.11 }
  interfaces:
    - { name: eth1, type: physical, segment: private, addresses: [198.51.100.11/${prefix}${extra}] }
`,
});

describe('TR005 protects the address tandem reaches a node by (connection.host)', () => {
  it('refuses a plan that would remove connection.host to re-add it under another prefix', () => {
    const s1 = observedNode('s1', { links: ['eth1'], addresses: { eth1: ['198.51.100.11/24'] } });
    const plan = planFor(sshFiles(25), observations(s1));
    const tr005 = plan.refusals.filter((r) => r.ruleId === 'TR005');
    assert.equal(tr005.length, 1, JSON.stringify(plan.refusals));
    assert.deepEqual(tr005[0].objects, ['Node/s1']);
    assert.match(tr005[0].explanation, /would remove 198\.51\.100\.11\/24, the address tandem reaches s1 by/);
  });

  it('the gate refuses a hand-made step that removes it', () => {
    const result = validateTexts(sshFiles(24));
    assert.ok(result.valid && result.model, result.diagnostics.map((d) => d.summary).join('\n'));
    const s1 = observedNode('s1', { links: ['eth1'], addresses: { eth1: ['198.51.100.11/24'] } });
    const { intents } = diffEnvironment(result.model, observations(s1));
    const refusals = gate({
      model: result.model,
      intents,
      states: new Map([['s1', s1]]),
      changes: [],
      limits: { groups: [] },
      waves: [{ index: 1, steps: [step('s1', 'cut', [{ op: 'addr-del', iface: 'eth1', cidr: '198.51.100.11/24' }])] }],
    }).refusals;
    const tr005 = refusals.filter((r) => r.ruleId === 'TR005');
    assert.deepEqual(
      tr005.map((r) => [r.step, r.explanation]),
      [['cut', 'cut would remove 198.51.100.11/24, the address tandem reaches s1 by (connection.host)']],
    );
  });
});

describe('TR009 is exactly what docs/rules.md says: no plan leaves a node without a single address', () => {
  const bare = (addresses: string) => ({
    'c.yaml': CLUSTER,
    'n.yaml': `apiVersion: tandem/v1
kind: Node
metadata: { name: s1 }
spec:
  provider: p1
  connection: { transport: sim }
  interfaces:
    - { name: eth0, type: physical, segment: public, addresses: [${addresses}] }
`,
  });

  it('refuses a plan that would remove the last address of a node', () => {
    // Both addresses were created by tandem; the desired state no longer lists any.
    const s1 = observedNode('s1', {
      links: ['eth0'],
      addresses: { eth0: ['192.0.2.11/24', '192.0.2.12/24'] },
      owned: ['addr:192.0.2.11', 'addr:192.0.2.12'],
    });
    const plan = planFor(bare(''), observations(s1));
    const tr009 = plan.refusals.filter((r) => r.ruleId === 'TR009');
    assert.equal(tr009.length, 1, JSON.stringify(plan.refusals));
    assert.match(tr009[0].explanation, /leave s1 without a single address \(it has 2\)/);
  });

  it('lets a plan remove every address tandem manages on a node while the node keeps another address', () => {
    // The same removal with one address tandem did not create: the node keeps it, nothing is refused.
    const s1 = observedNode('s1', {
      links: ['eth0'],
      addresses: { eth0: ['192.0.2.11/24', '192.0.2.12/24'] },
      owned: ['addr:192.0.2.12'],
    });
    const plan = planFor(bare('192.0.2.11/24'), observations(s1));
    assert.deepEqual(plan.refusals, []);
    assert.deepEqual(
      plan.changes.map((c) => `${c.action} ${c.key}`),
      ['delete addr:192.0.2.12'],
    );
  });

  it('lets a switchover leave a node that owned only the moving address', () => {
    const { model, states } = setup();
    assert.ok(model.relocatables.length === 1);
    const plan = planFor(files, new Map([...states].map(([n, state]) => [n, { node: n, ok: true as const, state }])));
    assert.deepEqual(
      plan.refusals.map((r) => r.ruleId),
      [],
    );
    assert.ok(plan.changes.some((c) => c.node === 's1' && c.action === 'delete' && c.key === 'addr:192.0.2.50'));
  });
});

// The gate simulates a run of one node's address additions as one batch (they remove
// nothing, so nothing between them needs a state of its own). One step per wave breaks
// every run, so the same steps spread over waves are gated one by one: both must give
// the same refusals, in the same order, and the same final states.
describe('a run of additions on one node is gated as its steps one by one would be', () => {
  const add = (cidr: string, iface = 'eth0'): KernelOp => ({ op: 'addr-add', iface, cidr });
  const both = (steps: Step[], frozen?: Map<string, Set<string>>) => {
    const { model, intents, states } = setup();
    const gateWaves = (waves: Step[][]) =>
      gate({
        model,
        intents,
        states,
        changes: [],
        waves: waves.map((s, i) => ({ index: i + 1, steps: s })),
        limits: { groups: [] },
        ...(frozen ? { frozen } : {}),
      });
    return { batched: gateWaves([steps]), oneByOne: gateWaves(steps.map((s) => [s])) };
  };
  const same = ({ batched, oneByOne }: ReturnType<typeof both>) => {
    assert.deepEqual(batched.refusals, oneByOne.refusals);
    assert.deepEqual(
      [...batched.finalStates].map(([n, s]) => [n, s.addresses, s.routes]),
      [...oneByOne.finalStates].map(([n, s]) => [n, s.addresses, s.routes]),
    );
  };

  it('a step the kernel rejects in the middle of a run: TR012 for it alone, the rest applied', () => {
    const result = both([
      step('s2', 'a', [add('192.0.2.60/24')]),
      step('s2', 'bad', [add('192.0.2.61/24', 'eth9')]),
      step('s2', 'c', [add('192.0.2.62/24')]),
    ]);
    same(result);
    assert.deepEqual(
      result.batched.refusals.map((r) => [r.ruleId, r.step]),
      [['TR012', 'bad']],
    );
    assert.ok(result.batched.finalStates.get('s2')!.addresses.some((a) => a.cidr === '192.0.2.62/24'));
  });

  it('an address still active on another node, then its IPsec policy missing: TR001 and TR002 in step order', () => {
    const result = both([
      step('s2', 'first', [add('192.0.2.60/24')]),
      step('s2', 'arrive', [add50]),
      step('s2', 'again', [add('192.0.2.50/24', 'mgmt0')]),
    ]);
    same(result);
    assert.deepEqual(
      result.batched.refusals.map((r) => [r.ruleId, r.step]),
      [
        ['TR001', 'arrive'],
        ['TR002', 'arrive'],
      ],
    );
  });

  it('a run on an interface observed failed over: TR003 for each of its steps', () => {
    const result = both(
      [step('s2', 'x', [add('192.0.2.60/24')]), step('s2', 'y', [add('192.0.2.61/24')])],
      new Map([['s2', new Set(['eth0'])]]),
    );
    same(result);
    assert.deepEqual(
      result.batched.refusals.map((r) => [r.ruleId, r.step]),
      [
        ['TR003', 'x'],
        ['TR003', 'y'],
      ],
    );
  });
});
