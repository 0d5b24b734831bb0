import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rollbackOps } from '../../src/apply/rollback.js';
import { compareStates, verifyWave } from '../../src/apply/verify.js';
import type { ObservedNode } from '../../src/observe/model.js';
import { applyOps } from '../../src/sim/kernel.js';
import { CLUSTER, validateTexts, nodeDoc } from '../helpers/env.js';
import { observedNode } from '../helpers/observed.js';

const base = () =>
  observedNode('n1', {
    links: ['eth0', 'eth1'],
    addresses: { eth0: ['192.0.2.11/24', '192.0.2.12/24'], eth1: ['198.51.100.11/24'] },
    ops: [
      { op: 'route-replace', to: '203.0.113.0/24', via: '192.0.2.1', dev: 'eth0', table: 254 },
      { op: 'neigh-replace', iface: 'eth0', address: '192.0.2.1', lladdr: '02:00:00:00:00:01' },
    ],
  });

const model = () => {
  const v = validateTexts({
    'cluster.yaml': CLUSTER,
    'nodes.yaml': nodeDoc('n1', [
      '{ name: eth0, type: physical, segment: public }',
      '{ name: eth1, type: physical, segment: private }',
    ]),
  });
  assert.ok(v.model, v.diagnostics.map((d) => d.summary).join('\n'));
  return v.model;
};

describe('verification after a wave', () => {
  it('accepts the state the ops should produce, whatever the kernel fills in', () => {
    const before = base();
    const ops = [
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.50/24', label: 'eth0:db' },
      { op: 'addr-add', iface: 'eth1', cidr: '2001:db8:1::5/64' },
    ] as const;
    const after = applyOps(before, ops);
    assert.ok(after.ok);
    // What a real kernel shows besides: the IPv6 address still tentative, a link-local
    // address, connected routes, another operstate and a fresh observation time.
    const real: ObservedNode = {
      ...after.state,
      observedAt: '2030-01-01T00:00:00.000Z',
      links: after.state.links.map((l) => (l.name === 'eth1' ? { ...l, operState: 'LOWERLAYERDOWN' } : l)),
      addresses: [
        ...after.state.addresses.map((a) => (a.cidr === '2001:db8:1::5/64' ? { ...a, tentative: true } : a)),
        {
          interface: 'eth1',
          family: 6,
          cidr: 'fe80::1/64',
          secondary: false,
          tentative: false,
          dadfailed: false,
          scope: 'link',
        },
      ],
      routes: [
        ...after.state.routes,
        { to: '2001:db8:1::/64', family: 6, device: 'eth1', protocol: 'kernel', table: 254, metric: 256 },
      ],
    };
    assert.deepEqual(verifyWave(before, [...ops], real), { ok: true });
  });

  it('fails on a missing, an extra or a different object, and says which', () => {
    const before = base();
    const ops = [{ op: 'addr-add', iface: 'eth0', cidr: '192.0.2.50/24', label: 'eth0:db' }] as const;
    const v1 = verifyWave(before, [...ops], before);
    assert.ok(!v1.ok);
    assert.match(v1.message, /addr:192\.0\.2\.50: expected address 192\.0\.2\.50\/24 on eth0:db/);
    const wrongLabel = applyOps(before, [{ op: 'addr-add', iface: 'eth0', cidr: '192.0.2.50/24' }]);
    assert.ok(wrongLabel.ok);
    const v2 = verifyWave(before, [...ops], wrongLabel.state);
    assert.ok(!v2.ok && v2.mismatches.length === 1 && v2.mismatches[0].key === 'addr:192.0.2.50');
    const extra = applyOps(before, [...ops, { op: 'addr-add', iface: 'eth1', cidr: '198.51.100.99/24' }]);
    assert.ok(extra.ok);
    const v3 = verifyWave(before, [...ops], extra.state);
    assert.ok(!v3.ok && /unexpected address 198\.51\.100\.99\/24/.test(v3.message));
  });
});

describe('rollback to the checkpoint', () => {
  it('computes the ops that undo a wave: what it added goes, what it removed or changed comes back', () => {
    const checkpoint = base();
    const wave = applyOps(checkpoint, [
      { op: 'addr-del', iface: 'eth0', cidr: '192.0.2.12/24' },
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.50/24', label: 'eth0:db' },
      { op: 'route-replace', to: '203.0.113.0/24', via: '192.0.2.254', dev: 'eth0', table: 254 },
      { op: 'neigh-del', iface: 'eth0', address: '192.0.2.1' },
      { op: 'link-set', iface: 'eth1', mtu: 9000 },
    ]);
    assert.ok(wave.ok);
    const rb = rollbackOps(model(), checkpoint, wave.state);
    // The order is the planner's step order (its phases); what matters here is the set of
    // ops and that they bring the node back.
    const key = (o: unknown) => JSON.stringify(o, Object.keys(o as object).sort());
    assert.deepEqual(
      rb.ops.map(key).sort(),
      [
        { op: 'addr-del', iface: 'eth0', cidr: '192.0.2.50/24' },
        { op: 'link-set', iface: 'eth1', mtu: 1500 },
        { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.12/24' },
        { op: 'route-replace', to: '203.0.113.0/24', dev: 'eth0', table: 254, via: '192.0.2.1' },
        { op: 'neigh-replace', iface: 'eth0', address: '192.0.2.1', lladdr: '02:00:00:00:00:01' },
      ]
        .map(key)
        .sort(),
    );
    const back = applyOps(wave.state, rb.ops);
    assert.ok(back.ok);
    assert.deepEqual(compareStates(checkpoint, back.state), []);
  });

  it('has nothing to do when the node is at its checkpoint', () => {
    assert.deepEqual(rollbackOps(model(), base(), base()).ops, []);
  });
});
