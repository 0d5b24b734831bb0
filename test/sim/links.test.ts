import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addrs, fails, nodeWith, physical, routes, run } from './helpers.js';

const configured = () =>
  run(nodeWith([physical('eth0'), physical('eth1')]), [
    { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/24' },
    { op: 'addr-add', iface: 'eth0', cidr: '2001:db8::11/64' },
    { op: 'addr-add', iface: 'eth1', cidr: '198.51.100.11/24' },
    { op: 'route-replace', to: 'default', via: '192.0.2.1', dev: 'eth0' },
    { op: 'route-replace', to: '203.0.113.0/24', via: '198.51.100.1', dev: 'eth1' },
    { op: 'neigh-replace', iface: 'eth0', address: '192.0.2.1', lladdr: '02:00:00:00:00:01' },
    { op: 'neigh-replace', iface: 'eth1', address: '198.51.100.1', lladdr: '02:00:00:00:00:02' },
  ]);

describe('sim kernel: links', () => {
  it('link-set of a missing link fails with ENODEV', () => {
    assert.deepEqual(fails(configured(), { op: 'link-set', iface: 'nosuch', up: true }), {
      code: 'ENODEV',
      message: 'Cannot find device "nosuch"',
    });
  });

  it(
    'down flushes the link routes, IPv6 addresses and neighbours; ' + 'up brings back only the IPv4 connected routes',
    () => {
      const down = run(configured(), [{ op: 'link-set', iface: 'eth0', up: false }]);
      const eth0 = down.links.find((l) => l.name === 'eth0')!;
      assert.equal(eth0.adminUp, false);
      assert.equal(eth0.operState, 'DOWN');
      assert.deepEqual(addrs(down, 'eth0'), ['eth0 192.0.2.11/24']);
      assert.deepEqual(routes(down), [
        '198.51.100.0/24 dev eth1 proto kernel scope link src 198.51.100.11 metric 0',
        '203.0.113.0/24 via 198.51.100.1 dev eth1 proto boot metric 0',
      ]);
      assert.deepEqual(
        down.neighbors.map((n) => n.address),
        ['198.51.100.1'],
      );
      const up = run(down, [{ op: 'link-set', iface: 'eth0', up: true }]);
      assert.deepEqual(routes(up), [
        '192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.11 metric 0',
        '198.51.100.0/24 dev eth1 proto kernel scope link src 198.51.100.11 metric 0',
        '203.0.113.0/24 via 198.51.100.1 dev eth1 proto boot metric 0',
      ]);
      assert.equal(up.links.find((l) => l.name === 'eth0')!.operState, 'UP');
    },
  );

  it('keep_addr_on_down keeps IPv6 addresses, tentative until the link is up again', () => {
    const s = run(configured(), [
      { op: 'sysctl-set', name: 'net.ipv6.conf.eth0.keep_addr_on_down', value: '1' },
      { op: 'link-set', iface: 'eth0', up: false },
    ]);
    assert.deepEqual(addrs(s, 'eth0'), ['eth0 192.0.2.11/24', 'eth0 2001:db8::11/64 tentative']);
    const up = run(s, [{ op: 'link-set', iface: 'eth0', up: true }]);
    assert.deepEqual(addrs(up, 'eth0'), ['eth0 192.0.2.11/24', 'eth0 2001:db8::11/64']);
    assert.ok(routes(up).includes('2001:db8::/64 dev eth0 proto kernel metric 256'));
  });

  it('MTU: limits checked; under 1280 IPv6 goes from the link', () => {
    assert.deepEqual(fails(configured(), { op: 'link-set', iface: 'eth0', mtu: 20 }), {
      code: 'EINVAL',
      message: 'Error: mtu less than device minimum.',
    });
    assert.equal(
      fails(configured(), { op: 'link-set', iface: 'eth0', mtu: 70000 }).message,
      'Error: mtu greater than device maximum.',
    );
    const s = run(configured(), [{ op: 'link-set', iface: 'eth0', mtu: 1200 }]);
    assert.equal(s.links.find((l) => l.name === 'eth0')!.mtu, 1200);
    assert.deepEqual(addrs(s, 'eth0'), ['eth0 192.0.2.11/24']);
    assert.ok(!s.routes.some((r) => r.family === 6));
  });

  it('bonds and tunnels are created down, even though this machine has no such modules', () => {
    const s = run(configured(), [
      { op: 'link-add-bond', iface: 'bond0', mode: 'active-backup', miimonMs: 100 },
      { op: 'link-add-tunnel', iface: 'tun6', mode: 'sit', local: '192.0.2.11', remote: '198.51.100.99', ttl: 64 },
    ]);
    const bond = s.links.find((l) => l.name === 'bond0')!;
    assert.deepEqual(
      { kind: bond.kind, adminUp: bond.adminUp, operState: bond.operState, mtu: bond.mtu, bond: bond.bond },
      {
        kind: 'bond',
        adminUp: false,
        operState: 'DOWN',
        mtu: 1500,
        bond: { mode: 'active-backup' },
      },
    );
    assert.match(bond.mac!, /^02(:[0-9a-f]{2}){5}$/);
    const tun = s.links.find((l) => l.name === 'tun6')!;
    assert.deepEqual(
      { kind: tun.kind, mtu: tun.mtu, tunnel: tun.tunnel },
      { kind: 'sit', mtu: 1480, tunnel: { mode: 'sit', local: '192.0.2.11', remote: '198.51.100.99', ttl: 64 } },
    );
    const up = run(s, [{ op: 'link-set', iface: 'tun6', up: true }]);
    assert.equal(up.links.find((l) => l.name === 'tun6')!.operState, 'UNKNOWN');
    assert.deepEqual(fails(s, { op: 'link-add-bond', iface: 'eth0', mode: 'active-backup' }), {
      code: 'EEXIST',
      message: 'RTNETLINK answers: File exists',
    });
    assert.equal(fails(s, { op: 'link-add-bond', iface: 'bond1', mode: 'fast' }).code, 'EINVAL');
    assert.equal(
      fails(s, { op: 'link-add-bond', iface: 'bad/name', mode: '1' }).message,
      'Error: argument "bad/name" is wrong: "dev" not a valid ifname',
    );
    assert.equal(
      fails(s, { op: 'link-add-tunnel', iface: 'tun7', mode: 'sit', local: '2001:db8::1', remote: '2001:db8::2' }).code,
      'EINVAL',
    );
  });

  it('enslaving to a bond needs the slave down; the bond then opens it, imposes its MTU and takes its MAC', () => {
    const s = run(
      nodeWith([
        physical('eth2', true, { mac: '02:00:00:00:00:22' }),
        physical('eth3', false, { mac: '02:00:00:00:00:33', mtu: 9000 }),
      ]),
      [
        { op: 'link-add-bond', iface: 'bond0', mode: 'active-backup' },
        { op: 'link-set', iface: 'bond0', up: true },
      ],
    );
    assert.equal(s.links.find((l) => l.name === 'bond0')!.operState, 'DOWN', 'no slave: no carrier');
    assert.deepEqual(fails(s, { op: 'link-enslave', iface: 'eth2', master: 'bond0' }), {
      code: 'EPERM',
      message: 'Error: Device can not be enslaved while up.',
    });
    assert.equal(fails(s, { op: 'link-enslave', iface: 'eth3', master: 'bond9' }).code, 'ENODEV');
    const t = run(s, [{ op: 'link-enslave', iface: 'eth3', master: 'bond0' }]);
    const eth3 = t.links.find((l) => l.name === 'eth3')!;
    const bond = t.links.find((l) => l.name === 'bond0')!;
    assert.deepEqual(
      { master: eth3.master, adminUp: eth3.adminUp, mtu: eth3.mtu },
      { master: 'bond0', adminUp: true, mtu: 1500 },
    );
    assert.deepEqual({ mac: bond.mac, operState: bond.operState }, { mac: '02:00:00:00:00:33', operState: 'UP' });
    // Released, the slave is closed and the bond loses its carrier.
    const u = run(t, [{ op: 'link-release', iface: 'eth3' }]);
    assert.deepEqual(
      u.links.filter((l) => l.name !== 'lo').map((l) => [l.name, l.master ?? '-', l.adminUp, l.operState]),
      [
        ['eth2', '-', true, 'UP'],
        ['eth3', '-', false, 'DOWN'],
        ['bond0', '-', true, 'DOWN'],
      ],
    );
  });

  it('link-del removes a link with its addresses, routes, neighbours and sysctls, and releases its slaves', () => {
    const s = run(configured(), [
      { op: 'link-add-bond', iface: 'bond0', mode: '1' },
      { op: 'link-set', iface: 'bond0', up: true },
      { op: 'link-set', iface: 'eth1', up: false },
      { op: 'link-enslave', iface: 'eth1', master: 'bond0' },
      { op: 'addr-add', iface: 'bond0', cidr: '203.0.113.11/24' },
      { op: 'route-replace', to: '198.51.100.128/25', via: '203.0.113.1', dev: 'bond0' },
      { op: 'neigh-replace', iface: 'bond0', address: '203.0.113.1', lladdr: '02:00:00:00:00:03' },
      { op: 'sysctl-set', name: 'net.ipv4.conf.bond0.arp_ignore', value: '1' },
    ]);
    const t = run(s, [{ op: 'link-del', iface: 'bond0' }]);
    assert.ok(!t.links.some((l) => l.name === 'bond0'));
    assert.ok(!t.addresses.some((a) => a.interface === 'bond0'));
    assert.ok(!t.routes.some((r) => r.device === 'bond0'));
    assert.ok(!t.neighbors.some((n) => n.interface === 'bond0'));
    assert.deepEqual(t.sysctl, {});
    assert.equal(t.links.find((l) => l.name === 'eth1')!.master, undefined);
  });

  it('physical and loopback links cannot be deleted; a missing one is ENODEV', () => {
    const notSupported = { code: 'EOPNOTSUPP', message: 'RTNETLINK answers: Operation not supported' };
    assert.deepEqual(fails(configured(), { op: 'link-del', iface: 'eth0' }), notSupported);
    assert.deepEqual(fails(configured(), { op: 'link-del', iface: 'lo' }), notSupported);
    assert.equal(fails(configured(), { op: 'link-del', iface: 'bond9' }).code, 'ENODEV');
  });
});
