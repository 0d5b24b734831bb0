import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fails, nodeWith, physical, routes, run } from './helpers.js';

const base = () =>
  run(nodeWith([physical('eth0'), physical('eth1'), physical('eth2', false)]), [
    { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.11/24' },
    { op: 'addr-add', iface: 'eth1', cidr: '198.51.100.11/24' },
    { op: 'addr-add', iface: 'eth0', cidr: '2001:db8::11/64' },
  ]);

describe('sim kernel: routes', () => {
  it('route-replace adds a route through an on-link gateway, in ip route order, protocol boot', () => {
    const s = run(base(), [
      { op: 'route-replace', to: '203.0.113.0/24', via: '192.0.2.1', dev: 'eth0' },
      { op: 'route-replace', to: 'default', via: '192.0.2.1', dev: 'eth0' },
      { op: 'route-replace', to: '203.0.113.5', dev: 'eth1', metric: 10 },
      { op: 'route-replace', to: '2001:db8:5::/64', via: '2001:db8::1', dev: 'eth0' },
    ]);
    assert.deepEqual(routes(s), [
      'default via 192.0.2.1 dev eth0 proto boot metric 0',
      '192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.11 metric 0',
      '198.51.100.0/24 dev eth1 proto kernel scope link src 198.51.100.11 metric 0',
      '203.0.113.0/24 via 192.0.2.1 dev eth0 proto boot metric 0',
      '203.0.113.5/32 dev eth1 proto boot scope link metric 10',
      '2001:db8::/64 dev eth0 proto kernel metric 256',
      '2001:db8:5::/64 via 2001:db8::1 dev eth0 proto boot metric 1024',
    ]);
  });

  it('route-replace replaces the route of the same destination and metric, whatever its device', () => {
    const s = run(base(), [
      { op: 'route-replace', to: '203.0.113.0/24', via: '192.0.2.1', dev: 'eth0' },
      { op: 'route-replace', to: '203.0.113.0/24', via: '198.51.100.1', dev: 'eth1' },
      { op: 'route-replace', to: '203.0.113.0/24', via: '192.0.2.1', dev: 'eth0', metric: 100 },
    ]);
    assert.deepEqual(
      routes(s).filter((r) => r.startsWith('203.')),
      [
        '203.0.113.0/24 via 198.51.100.1 dev eth1 proto boot metric 0',
        '203.0.113.0/24 via 192.0.2.1 dev eth0 proto boot metric 100',
      ],
    );
  });

  it('a gateway outside the connected subnets of the device is refused (ENETUNREACH / EHOSTUNREACH)', () => {
    assert.deepEqual(fails(base(), { op: 'route-replace', to: '203.0.113.0/24', via: '198.51.100.1', dev: 'eth0' }), {
      code: 'ENETUNREACH',
      message: 'Error: Nexthop has invalid gateway.',
    });
    assert.deepEqual(
      fails(base(), { op: 'route-replace', to: '2001:db8:7::/64', via: '2001:db8:99::1', dev: 'eth0' }),
      {
        code: 'EHOSTUNREACH',
        message: 'RTNETLINK answers: No route to host',
      },
    );
    // A scope-link device route makes its destination a valid gateway; link-local IPv6 gateways always are.
    run(base(), [
      { op: 'route-replace', to: '203.0.113.1', dev: 'eth0' },
      { op: 'route-replace', to: '203.0.113.128/25', via: '203.0.113.1', dev: 'eth0' },
      { op: 'route-replace', to: '2001:db8:a::/64', via: 'fe80::1', dev: 'eth0' },
    ]);
  });

  it('the device must exist and be up', () => {
    assert.deepEqual(fails(base(), { op: 'route-replace', to: '203.0.113.0/24', dev: 'eth9' }), {
      code: 'ENODEV',
      message: 'Cannot find device "eth9"',
    });
    assert.deepEqual(fails(base(), { op: 'route-replace', to: '203.0.113.0/24', dev: 'eth2' }), {
      code: 'ENETDOWN',
      message: 'Error: Device for nexthop is not up.',
    });
    assert.equal(
      fails(base(), { op: 'route-replace', to: '203.0.113.0/24', via: '192.0.2.1', dev: 'eth2' }).code,
      'ENETUNREACH',
    );
  });

  it('the preferred source must be a local address; IPv4 prefixes may not have host bits', () => {
    assert.deepEqual(fails(base(), { op: 'route-replace', to: '203.0.113.0/24', dev: 'eth0', src: '203.0.113.99' }), {
      code: 'EINVAL',
      message: 'Error: Invalid prefsrc address.',
    });
    assert.equal(
      fails(base(), { op: 'route-replace', to: '2001:db8:9::/64', dev: 'eth0', src: '2001:db8::77' }).message,
      'Error: Invalid source address.',
    );
    assert.equal(
      fails(base(), { op: 'route-replace', to: '203.0.113.7/24', dev: 'eth0' }).message,
      'Error: Invalid prefix for given prefix length.',
    );
    const s = run(base(), [{ op: 'route-replace', to: '203.0.113.0/24', dev: 'eth0', src: '198.51.100.11' }]);
    assert.equal(s.routes.find((r) => r.to === '203.0.113.0/24')?.src, '198.51.100.11');
  });

  it('route-del removes the matching route; a missing one fails with ESRCH', () => {
    const s = run(base(), [
      { op: 'route-replace', to: '203.0.113.0/24', via: '192.0.2.1', dev: 'eth0' },
      { op: 'route-replace', to: 'default', via: '192.0.2.1', dev: 'eth0', table: 100 },
    ]);
    const missing = { code: 'ESRCH', message: 'RTNETLINK answers: No such process' };
    assert.deepEqual(fails(s, { op: 'route-del', to: '203.0.113.0/24', via: '192.0.2.99', dev: 'eth0' }), missing);
    assert.deepEqual(fails(s, { op: 'route-del', to: '203.0.113.0/24', dev: 'eth1' }), missing);
    assert.deepEqual(fails(s, { op: 'route-del', to: '203.0.113.0/24', dev: 'eth0', metric: 5 }), missing);
    assert.deepEqual(
      fails(s, { op: 'route-del', to: 'default', via: '192.0.2.1', dev: 'eth0' }),
      missing,
      'main table has no default',
    );
    const t = run(s, [
      { op: 'route-del', to: '203.0.113.0/24', dev: 'eth0' },
      { op: 'route-del', to: 'default', via: '192.0.2.1', dev: 'eth0', table: 100 },
    ]);
    assert.deepEqual(t.routes, base().routes);
  });
});
