import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ObservedNode } from '../../src/observe/model.js';
import type { KernelOp } from '../../src/plan/ops.js';
import { applyOp, applyOps, emptyNode } from '../../src/sim/kernel.js';
import { nodeWith, physical, run } from './helpers.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Touches every section: links, addresses (with promotion), routes, neighbours, xfrm, sysctl. */
const EVERYTHING: KernelOp[] = [
  { op: 'sysctl-set', name: 'net.ipv4.conf.all.promote_secondaries', value: '1' },
  { op: 'addr-del', iface: 'eth0', cidr: '192.0.2.11/24' },
  { op: 'addr-add', iface: 'eth0', cidr: '2001:db8::11/64' },
  { op: 'route-replace', to: '203.0.113.0/24', via: '192.0.2.12', dev: 'eth0' },
  { op: 'route-del', to: 'default', via: '192.0.2.1', dev: 'eth0' },
  { op: 'neigh-replace', iface: 'eth0', address: '192.0.2.1', lladdr: '02:00:00:00:00:09' },
  {
    op: 'xfrm-policy-update',
    policy: {
      selector: { src: '192.0.2.12/32', dst: '0.0.0.0/0' },
      dir: 'out',
      action: 'block',
      priority: 1,
      templates: [],
    },
  },
  { op: 'link-set', iface: 'eth1', up: false, mtu: 9000 },
  { op: 'link-add-bond', iface: 'bond0', mode: 'active-backup' },
  { op: 'link-enslave', iface: 'eth1', master: 'bond0' },
  { op: 'link-set', iface: 'eth0', up: false },
  { op: 'link-del', iface: 'bond0' },
];

function populated(): ObservedNode {
  return run(nodeWith([physical('eth0'), physical('eth1')]), [
    { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/24' },
    { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.12/24', label: 'eth0:db' },
    { op: 'addr-add', iface: 'eth1', cidr: '198.51.100.11/24' },
    { op: 'route-replace', to: 'default', via: '192.0.2.1', dev: 'eth0' },
    { op: 'neigh-replace', iface: 'eth0', address: '192.0.2.1', lladdr: '02:00:00:00:00:01' },
    {
      op: 'xfrm-policy-update',
      policy: {
        selector: { src: '192.0.2.12/32', dst: '0.0.0.0/0' },
        dir: 'out',
        action: 'allow',
        priority: 1,
        templates: [],
      },
    },
  ]);
}

describe('sim kernel: applyOp / applyOps', () => {
  it('never modifies its input (deep-frozen state, every kind of op)', () => {
    const input = populated();
    const copy = structuredClone(input);
    deepFreeze(input);
    const r = applyOps(input, EVERYTHING);
    assert.ok(r.ok, r.ok ? '' : `op ${r.index}: ${r.error.message}`);
    assert.deepEqual(input, copy);
    assert.notDeepEqual(r.state, copy);
    for (const op of EVERYTHING) applyOp(input, op);
    assert.deepEqual(input, copy);
  });

  it('stops at the first failure, names its index, and keeps the effect of the ops before it', () => {
    const r = applyOps(populated(), [
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.50/24', label: 'eth0:db2' },
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/24' },
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.60/24' },
    ]);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.index, 1);
    assert.deepEqual(r.error, { code: 'EEXIST', message: 'Error: ipv4: Address already assigned.' });
    assert.ok(r.state.addresses.some((a) => a.cidr === '192.0.2.50/24'));
    assert.ok(!r.state.addresses.some((a) => a.cidr === '192.0.2.60/24'));
    assert.equal(r.changed, true);
  });

  it('returns the very same state object when nothing changed', () => {
    const s = populated();
    const r = applyOps(s, [
      { op: 'link-set', iface: 'eth0', up: true, mtu: 1500 },
      { op: 'sysctl-set', name: 'net.ipv4.conf.all.promote_secondaries', value: '0' },
      { op: 'sysctl-set', name: 'net.ipv4.conf.all.promote_secondaries', value: '0' },
    ]);
    assert.ok(r.ok);
    const again = applyOps(r.state, [
      { op: 'neigh-replace', iface: 'eth0', address: '192.0.2.1', lladdr: '02:00:00:00:00:01' },
      { op: 'link-release', iface: 'eth0' },
    ]);
    assert.ok(again.ok);
    assert.equal(again.state, r.state);
    assert.equal(again.changed, false);
  });

  it('shares the untouched sections with the input (copy-on-write)', () => {
    const s = populated();
    const r = applyOp(s, { op: 'neigh-del', iface: 'eth0', address: '192.0.2.1' });
    assert.ok(r.ok);
    assert.equal(r.state.addresses, s.addresses);
    assert.equal(r.state.routes, s.routes);
    assert.equal(r.state.links, s.links);
    assert.notEqual(r.state.neighbors, s.neighbors);
  });

  it('refuses an unknown op instead of ignoring it', () => {
    const r = applyOp(emptyNode('n1'), { op: 'addr-flush', iface: 'eth0' } as unknown as KernelOp);
    assert.equal(r.ok, false);
    assert.equal(r.ok ? '' : r.error.code, 'EINVAL');
  });

  it('a batch of 5,000 address adds and deletes on one link ends where it started', () => {
    const start = nodeWith([physical('eth0')]);
    const adds: KernelOp[] = [];
    for (let i = 0; i < 5000; i++)
      adds.push({
        op: 'addr-add',
        iface: 'eth0',
        cidr: `2001:db8:${(i >> 8).toString(16)}::${(i & 255).toString(16)}/64`,
      });
    const added = run(start, adds);
    assert.equal(added.addresses.length, 5000);
    assert.equal(added.routes.length, 20);
    const removed = run(
      added,
      adds.map((op) => ({ ...op, op: 'addr-del' }) as KernelOp),
    );
    assert.deepEqual(removed.addresses, []);
    assert.deepEqual(removed.routes, []);
  });
});
