// Interface failover pairs (seeds 000, 001): a change reaches both nodes (the mirror on
// the partner), a failed-over interface is left alone until restored, and an
// unobservable partner refuses the plan.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLUSTER } from '../helpers/env.js';
import { observations, observedNode } from '../helpers/observed.js';
import { planFor, stepLines } from '../helpers/plan.js';

const clim = (name: string, partner: string, addresses: string, mtu = '') => `apiVersion: tandem/v1
kind: Node
metadata: { name: ${name} }
spec:
  provider: p1
  connection: { transport: sim }
  interfaces:
    - name: eth1
      type: physical
      segment: public
      addresses: [${addresses}]${mtu}
      failover: { node: ${partner}, interface: eth1 }
`;

const files = (a1: string, a2: string, mtu = '') => ({
  'c.yaml': CLUSTER,
  'n.yaml': `${clim('c1', 'c2', a1, mtu)}---\n${clim('c2', 'c1', a2)}`,
});
const mirror = (node: string, addresses: string[]) => ({
  home: { node, iface: 'eth1' },
  partnerIface: 'eth1',
  addresses,
  routes: [],
});

describe('failover pair changes', () => {
  it('an address change on c1/eth1 also updates the mirror on c2, in another wave', () => {
    const c1 = observedNode('c1', {
      links: ['eth1'],
      addresses: { eth1: ['192.0.2.11/24'] },
      mirrors: [mirror('c2', ['192.0.2.12/24'])],
    });
    const c2 = observedNode('c2', {
      links: ['eth1'],
      addresses: { eth1: ['192.0.2.12/24'] },
      mirrors: [mirror('c1', ['192.0.2.11/24'])],
    });
    const plan = planFor(files('192.0.2.11/24, 192.0.2.21/24', '192.0.2.12/24'), observations(c1, c2));
    assert.deepEqual(plan.refusals, []);
    assert.deepEqual(
      plan.changes.map((c) => `${c.node} ${c.action} ${c.key}`),
      ['c1 create addr:192.0.2.21', 'c2 update mirror:c1/eth1'],
    );
    // Never both members of a failover pair in one wave.
    assert.deepEqual(stepLines(plan), [
      '1:c1:create address 192.0.2.21/24 on eth1',
      '2:c2:update failover mirror of c1/eth1 on eth1',
    ]);
  });

  it('refuses when the failover node cannot be observed (its mirror would be stale)', () => {
    const c1 = observedNode('c1', { links: ['eth1'], addresses: { eth1: ['192.0.2.11/24'] } });
    const plan = planFor(
      files('192.0.2.11/24, 192.0.2.21/24', '192.0.2.12/24'),
      observations(c1, { node: 'c2', error: 'ssh: connect timed out' }),
    );
    const r = plan.refusals.find((x) => x.ruleId === 'TR004');
    assert.ok(r, JSON.stringify(plan.refusals));
    assert.deepEqual(r.objects, ['c1/eth1', 'c2/eth1']);
    assert.match(r.explanation, /mirror would be stale/);
  });
});

describe('an interface observed failed over', () => {
  // c1/eth1 failed over: its address is on c2/eth1, not on c1.
  const failed = () => [
    observedNode('c1', { links: ['eth1'], addresses: {}, mirrors: [mirror('c2', ['192.0.2.12/24'])] }),
    observedNode('c2', {
      links: ['eth1'],
      addresses: { eth1: ['192.0.2.12/24', '192.0.2.11/24'] },
      mirrors: [mirror('c1', ['192.0.2.11/24'])],
    }),
  ];

  it('is not drift: the partner keeps the address and nothing changes', () => {
    const plan = planFor(files('192.0.2.11/24', '192.0.2.12/24'), observations(...failed()));
    assert.deepEqual(plan.changes, []);
    assert.deepEqual(plan.refusals, []);
    assert.match(plan.notes.map((n) => n.message).join('\n'), /held for c1\/eth1, which is failed over here/);
  });

  it('defers a configuration change of the failed-over interface, with the reason', () => {
    const plan = planFor(files('192.0.2.11/24', '192.0.2.12/24', '\n      mtu: 9000'), observations(...failed()));
    assert.deepEqual(
      plan.changes.filter((c) => c.node === 'c1'),
      [],
    );
    assert.deepEqual(
      plan.deferrals.map((d) => `${d.node} ${d.action} ${d.key}`),
      ['c1 create addr:192.0.2.11', 'c1 update link:eth1'],
    );
    assert.match(
      plan.deferrals[0].reason,
      /failed over to c2\/eth1: changes wait until it is restored \(NonStop CIP manual\)/,
    );
  });

  it('--node on the home node alone is refused: the mirror on the partner would be left stale', () => {
    const c1 = observedNode('c1', {
      links: ['eth1'],
      addresses: { eth1: ['192.0.2.11/24'] },
      mirrors: [mirror('c2', ['192.0.2.12/24'])],
    });
    const c2 = observedNode('c2', {
      links: ['eth1'],
      addresses: { eth1: ['192.0.2.12/24'] },
      mirrors: [mirror('c1', ['192.0.2.11/24'])],
    });
    const plan = planFor(files('192.0.2.11/24, 192.0.2.21/24', '192.0.2.12/24'), observations(c1, c2), {
      nodes: ['c1'],
    });
    assert.deepEqual(
      plan.refusals.map((r) => r.ruleId),
      ['TR004'],
    );
    assert.match(plan.refusals[0].explanation, /mirror on c2/);
  });
});
