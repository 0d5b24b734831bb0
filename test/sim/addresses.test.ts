import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KernelOp } from '../../src/plan/ops.js';
import { applyOps } from '../../src/sim/kernel.js';
import { addrs, fails, nodeWith, physical, routes, run } from './helpers.js';

const base = () => nodeWith([physical('eth0'), physical('eth1')]);

describe('sim kernel: addresses', () => {
  it(
    'the first address of a subnet is primary, the next ones secondary; ' + 'other prefixes are their own primaries',
    () => {
      const s = run(base(), [
        { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/24' },
        { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.12/24', label: 'eth0:db' },
        { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.14/25' },
        { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.13/24' },
      ]);
      // Kernel order: primaries first (in insertion order), secondaries after.
      assert.deepEqual(addrs(s, 'eth0'), [
        'eth0 192.0.2.11/24',
        'eth0 192.0.2.14/25',
        'eth0 192.0.2.12/24 secondary eth0:db',
        'eth0 192.0.2.13/24 secondary',
      ]);
      assert.deepEqual(routes(s), [
        '192.0.2.0/25 dev eth0 proto kernel scope link src 192.0.2.14 metric 0',
        '192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.11 metric 0',
      ]);
    },
  );

  it('adding an existing address fails with EEXIST; the same IPv4 address with another prefix is a new address', () => {
    const s = run(base(), [{ op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/24' }]);
    assert.deepEqual(fails(s, { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/24' }), {
      code: 'EEXIST',
      message: 'Error: ipv4: Address already assigned.',
    });
    const t = run(s, [{ op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/25' }]);
    assert.equal(t.addresses.filter((a) => a.interface === 'eth0').length, 2);
  });

  it('IPv6 identity is the address whatever the prefix', () => {
    const s = run(base(), [{ op: 'addr-add', iface: 'eth0', cidr: '2001:db8::1/64' }]);
    assert.deepEqual(fails(s, { op: 'addr-add', iface: 'eth0', cidr: '2001:db8:0::1/48' }), {
      code: 'EEXIST',
      message: 'Error: ipv6: address already assigned.',
    });
    // Another interface may carry it.
    run(s, [{ op: 'addr-add', iface: 'eth1', cidr: '2001:db8::1/64' }]);
  });

  it('deleting a primary deletes the secondaries of its subnet only, and its connected route', () => {
    const s = run(base(), [
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/24' },
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.12/24', label: 'eth0:db' },
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.13/24' },
      { op: 'addr-add', iface: 'eth0', cidr: '198.51.100.11/24' },
      { op: 'addr-add', iface: 'eth0', cidr: '198.51.100.12/24' },
      { op: 'addr-del', iface: 'eth0', cidr: '192.0.2.11/24' },
    ]);
    assert.deepEqual(addrs(s, 'eth0'), ['eth0 198.51.100.11/24', 'eth0 198.51.100.12/24 secondary']);
    assert.deepEqual(routes(s), ['198.51.100.0/24 dev eth0 proto kernel scope link src 198.51.100.11 metric 0']);
  });

  for (const key of ['net.ipv4.conf.eth0.promote_secondaries', 'net.ipv4.conf.all.promote_secondaries']) {
    it(`with ${key}=1 the first secondary is promoted and becomes the route source`, () => {
      const s = run(base(), [
        { op: 'sysctl-set', name: key, value: '1' },
        { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/24' },
        { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.20/24', label: 'eth0:a' },
        { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.21/24', label: 'eth0:b' },
        { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.30/25' },
        { op: 'addr-del', iface: 'eth0', cidr: '192.0.2.11/24' },
      ]);
      // As the kernel lists it: the promoted address moves after the last primary, keeping its label.
      assert.deepEqual(addrs(s, 'eth0'), [
        'eth0 192.0.2.30/25',
        'eth0 192.0.2.20/24 eth0:a',
        'eth0 192.0.2.21/24 secondary eth0:b',
      ]);
      assert.deepEqual(routes(s), [
        '192.0.2.0/25 dev eth0 proto kernel scope link src 192.0.2.30 metric 0',
        '192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.20 metric 0',
      ]);
    });
  }

  it('promote_secondaries of another interface does not apply', () => {
    const s = run(base(), [
      { op: 'sysctl-set', name: 'net.ipv4.conf.eth1.promote_secondaries', value: '1' },
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/24' },
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.12/24' },
      { op: 'addr-del', iface: 'eth0', cidr: '192.0.2.11/24' },
    ]);
    assert.deepEqual(addrs(s, 'eth0'), []);
  });

  it('deleting a secondary leaves the primary and the route alone', () => {
    const s = run(base(), [
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/24' },
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.12/24' },
      { op: 'addr-del', iface: 'eth0', cidr: '192.0.2.12/24' },
    ]);
    assert.deepEqual(addrs(s, 'eth0'), ['eth0 192.0.2.11/24']);
    assert.equal(s.routes.length, 1);
  });

  it('deleting a missing address fails with EADDRNOTAVAIL (prefix must match)', () => {
    const s = run(base(), [
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/24' },
      { op: 'addr-add', iface: 'eth0', cidr: '2001:db8::1/64' },
    ]);
    assert.deepEqual(fails(s, { op: 'addr-del', iface: 'eth0', cidr: '192.0.2.11/25' }), {
      code: 'EADDRNOTAVAIL',
      message: 'Error: ipv4: Address not found.',
    });
    assert.deepEqual(fails(s, { op: 'addr-del', iface: 'eth0', cidr: '2001:db8::9/64' }), {
      code: 'EADDRNOTAVAIL',
      message: 'Error: ipv6: address not found.',
    });
    assert.deepEqual(fails(s, { op: 'addr-del', iface: 'eth9', cidr: '192.0.2.11/24' }), {
      code: 'ENODEV',
      message: 'Cannot find device "eth9"',
    });
  });

  it('labels: at most 15 bytes and starting with the interface name; IPv6 ignores them', () => {
    assert.equal(
      fails(base(), { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/24', label: 'db' }).message,
      '"dev" (eth0) must match "label" (db).',
    );
    assert.deepEqual(
      fails(base(), { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/24', label: 'eth0:abcdefghijk' }),
      { code: 'EINVAL', message: 'Error: Attribute failed policy validation.' },
    );
    const s = run(base(), [
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/24', label: 'eth0:abcdefghij' },
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.12/24', label: 'eth0' },
      { op: 'addr-add', iface: 'eth0', cidr: '2001:db8::1/64', label: 'eth0:x' },
    ]);
    assert.deepEqual(addrs(s, 'eth0'), [
      'eth0 192.0.2.11/24 eth0:abcdefghij',
      'eth0 192.0.2.12/24 secondary',
      'eth0 2001:db8::1/64',
    ]);
  });

  it(
    'a /32 address has no connected route; IPv6 /64 gets one with metric 256, ' + 'shared by addresses of the prefix',
    () => {
      const s = run(base(), [
        { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/32' },
        { op: 'addr-add', iface: 'eth0', cidr: '2001:db8::1/64' },
        { op: 'addr-add', iface: 'eth0', cidr: '2001:db8::2/64' },
      ]);
      assert.deepEqual(routes(s), ['2001:db8::/64 dev eth0 proto kernel metric 256']);
      // Newest IPv6 address first, as the kernel lists them.
      assert.deepEqual(addrs(s, 'eth0'), ['eth0 192.0.2.11/32', 'eth0 2001:db8::2/64', 'eth0 2001:db8::1/64']);
      const t = run(s, [{ op: 'addr-del', iface: 'eth0', cidr: '2001:db8::1/64' }]);
      assert.equal(t.routes.length, 1, 'route stays while 2001:db8::2 remains');
      const u = run(t, [{ op: 'addr-del', iface: 'eth0', cidr: '2001:db8::2/64' }]);
      assert.deepEqual(u.routes, []);
    },
  );

  it('IPv6 DAD completes at once, fails with dadfailed when the segment has the address, waits on a down link', () => {
    const s = run(base(), [{ op: 'addr-add', iface: 'eth0', cidr: '2001:db8::1/64' }]);
    assert.deepEqual(addrs(s, 'eth0'), ['eth0 2001:db8::1/64']);
    const dup = run(base(), [{ op: 'addr-add', iface: 'eth0', cidr: '2001:db8::5/64' }], {
      addressInUseElsewhere: (iface, address) => iface === 'eth0' && address === '2001:db8::5',
    });
    assert.deepEqual(addrs(dup, 'eth0'), ['eth0 2001:db8::5/64 tentative dadfailed']);
    const down = run(nodeWith([physical('eth0', false)]), [{ op: 'addr-add', iface: 'eth0', cidr: '2001:db8::1/64' }]);
    assert.deepEqual(addrs(down, 'eth0'), ['eth0 2001:db8::1/64 tentative']);
    assert.deepEqual(down.routes, []);
    const up = run(down, [{ op: 'link-set', iface: 'eth0', up: true }]);
    assert.deepEqual(addrs(up, 'eth0'), ['eth0 2001:db8::1/64']);
    assert.deepEqual(routes(up), ['2001:db8::/64 dev eth0 proto kernel metric 256']);
  });

  it('IPv4 on a down link: the address is kept without its route until the link comes up', () => {
    const down = run(nodeWith([physical('eth0', false)]), [{ op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/24' }]);
    assert.deepEqual(down.routes, []);
    const up = run(down, [{ op: 'link-set', iface: 'eth0', up: true }]);
    assert.deepEqual(routes(up), ['192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.11 metric 0']);
  });

  it('a long batch on one interface still refuses a duplicate and accepts what a delete freed (both families)', () => {
    // Past a few adds a batch looks duplicates up in an index of the interface: the
    // answers must stay those of the list, whatever the batch did before.
    const v4 = (i: number, iface = 'eth0'): KernelOp => ({ op: 'addr-add', iface, cidr: `192.0.2.${i}/24` });
    const v6 = (i: number): KernelOp => ({ op: 'addr-add', iface: 'eth0', cidr: `2001:db8::${i}/64` });
    const start = run(base(), [v4(1), v4(2), v6(1), v6(2)]);
    const adds = [
      ...Array.from({ length: 30 }, (_, i) => v4(i + 10)),
      ...Array.from({ length: 30 }, (_, i) => v6(i + 10)),
    ];
    const refused = (ops: KernelOp[]) => {
      const r = applyOps(start, ops);
      return r.ok ? 'applied' : `${r.index} ${r.error.code}`;
    };
    assert.equal(refused([...adds, v4(2)]), '60 EEXIST', 'an address of the state before the batch');
    assert.equal(refused([...adds, v4(25)]), '60 EEXIST', 'an address the batch added');
    assert.equal(refused([...adds, v6(25)]), '60 EEXIST');
    assert.equal(refused([...adds, { op: 'addr-add', iface: 'eth0', cidr: '2001:db8::1/48' }]), '60 EEXIST');
    assert.equal(refused([...adds, v4(25, 'eth1'), v4(2, 'eth1')]), 'applied', 'another interface');
    const freed = [
      ...adds,
      { op: 'addr-del', iface: 'eth0', cidr: '192.0.2.25/24' },
      { op: 'addr-del', iface: 'eth0', cidr: '2001:db8::25/64' },
      v4(25),
      v6(25),
      ...Array.from({ length: 20 }, (_, i) => v4(i + 100)),
    ] satisfies KernelOp[];
    assert.equal(refused(freed), 'applied');
    assert.equal(refused([...freed, v4(110)]), `${freed.length} EEXIST`);
    assert.equal(refused([...freed, v4(25)]), `${freed.length} EEXIST`);
    const s = run(start, freed);
    assert.equal(addrs(s, 'eth0').length, 4 + 60 + 20);
    assert.deepEqual(addrs(s, 'eth0').slice(0, 2), ['eth0 192.0.2.1/24', 'eth0 192.0.2.2/24 secondary']);
  });

  it('IPv4 duplicates across interfaces are allowed by the kernel', () => {
    const s = run(base(), [
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.14/25' },
      { op: 'addr-add', iface: 'eth1', cidr: '192.0.2.14/25' },
    ]);
    assert.equal(s.routes.length, 2);
  });

  it(
    'routes preferring a deleted address go with it; ' +
      'the last IPv4 address of a link takes every IPv4 route of the link',
    () => {
      const s = run(base(), [
        { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/24' },
        { op: 'addr-add', iface: 'eth0', cidr: '198.51.100.11/24' },
        { op: 'route-replace', to: 'default', via: '192.0.2.1', dev: 'eth0' },
        { op: 'route-replace', to: '203.0.113.0/24', dev: 'eth0', src: '198.51.100.11' },
      ]);
      const a = run(s, [{ op: 'addr-del', iface: 'eth0', cidr: '192.0.2.11/24' }]);
      // The gateway is no longer on-link, but the kernel keeps the route.
      assert.deepEqual(routes(a), [
        'default via 192.0.2.1 dev eth0 proto boot metric 0',
        '198.51.100.0/24 dev eth0 proto kernel scope link src 198.51.100.11 metric 0',
        '203.0.113.0/24 dev eth0 proto boot scope link src 198.51.100.11 metric 0',
      ]);
      const b = run(s, [{ op: 'addr-del', iface: 'eth0', cidr: '198.51.100.11/24' }]);
      assert.deepEqual(routes(b), [
        'default via 192.0.2.1 dev eth0 proto boot metric 0',
        '192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.11 metric 0',
      ]);
      const c = run(b, [{ op: 'addr-del', iface: 'eth0', cidr: '192.0.2.11/24' }]);
      assert.deepEqual(c.routes, []);
    },
  );
});
