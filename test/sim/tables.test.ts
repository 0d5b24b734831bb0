import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ObservedXfrmPolicy } from '../../src/observe/model.js';
import { fails, nodeWith, physical, run } from './helpers.js';

const policy = (over: Partial<ObservedXfrmPolicy> = {}): ObservedXfrmPolicy => ({
  selector: { src: '192.0.2.50/32', dst: '198.51.100.0/24' },
  dir: 'out',
  action: 'allow',
  priority: 100,
  templates: [{ proto: 'esp', mode: 'transport', level: 'required' }],
  ...over,
});

describe('sim kernel: neighbours, xfrm policies, sysctls', () => {
  it('neigh-replace creates a permanent entry, then updates it; neigh-del of a missing one fails', () => {
    const s = run(nodeWith([physical('eth0')]), [
      { op: 'neigh-replace', iface: 'eth0', address: '192.0.2.1', lladdr: '02:00:00:AB:00:01' },
      { op: 'neigh-replace', iface: 'eth0', address: '2001:db8::1', lladdr: '02:00:00:00:00:06' },
    ]);
    assert.deepEqual(s.neighbors, [
      { interface: 'eth0', address: '192.0.2.1', lladdr: '02:00:00:ab:00:01', family: 4 },
      { interface: 'eth0', address: '2001:db8::1', lladdr: '02:00:00:00:00:06', family: 6 },
    ]);
    const t = run(s, [{ op: 'neigh-replace', iface: 'eth0', address: '192.0.2.1', lladdr: '02:00:00:00:00:09' }]);
    assert.deepEqual(
      t.neighbors.map((n) => n.lladdr),
      ['02:00:00:00:00:09', '02:00:00:00:00:06'],
    );
    assert.deepEqual(fails(t, { op: 'neigh-del', iface: 'eth0', address: '192.0.2.99' }), {
      code: 'ENOENT',
      message: 'RTNETLINK answers: No such file or directory',
    });
    assert.equal(
      fails(t, { op: 'neigh-replace', iface: 'eth0', address: '192.0.2.2', lladdr: '02:00:00:zz:00:01' }).message,
      '"zz" is invalid lladdr.',
    );
    assert.equal(
      fails(t, { op: 'neigh-replace', iface: 'eth9', address: '192.0.2.2', lladdr: '02:00:00:00:00:01' }).code,
      'ENODEV',
    );
    assert.deepEqual(
      run(t, [{ op: 'neigh-del', iface: 'eth0', address: '192.0.2.1' }]).neighbors.map((n) => n.address),
      ['2001:db8::1'],
    );
  });

  it('xfrm-policy-update adds, or replaces by selector and direction keeping the index', () => {
    const s = run(nodeWith([physical('eth0')]), [
      { op: 'xfrm-policy-update', policy: policy() },
      {
        op: 'xfrm-policy-update',
        policy: policy({ dir: 'in', selector: { src: '198.51.100.0/24', dst: '192.0.2.50/32' } }),
      },
    ]);
    assert.deepEqual(
      s.xfrmPolicies.map((p) => [p.dir, p.index]),
      [
        ['out', 1],
        ['in', 8],
      ],
    );
    // Same selector written differently (bare address), other priority and action: a replacement.
    const t = run(s, [
      {
        op: 'xfrm-policy-update',
        policy: policy({
          selector: { src: '192.0.2.50', dst: '198.51.100.0/24' },
          action: 'block',
          priority: 5,
          templates: [],
        }),
      },
    ]);
    assert.equal(t.xfrmPolicies.length, 2);
    assert.deepEqual(t.xfrmPolicies[0], {
      selector: { src: '192.0.2.50/32', dst: '198.51.100.0/24' },
      dir: 'out',
      action: 'block',
      priority: 5,
      templates: [],
      index: 1,
    });
    // Another direction is another policy.
    assert.equal(run(t, [{ op: 'xfrm-policy-update', policy: policy({ dir: 'fwd' }) }]).xfrmPolicies.length, 3);
  });

  it('xfrm-policy-del removes by selector and direction; a missing one fails with ENOENT', () => {
    const s = run(nodeWith([physical('eth0')]), [{ op: 'xfrm-policy-update', policy: policy() }]);
    assert.deepEqual(fails(s, { op: 'xfrm-policy-del', selector: policy().selector, dir: 'in' }), {
      code: 'ENOENT',
      message: 'RTNETLINK answers: No such file or directory',
    });
    assert.deepEqual(run(s, [{ op: 'xfrm-policy-del', selector: policy().selector, dir: 'out' }]).xfrmPolicies, []);
    assert.equal(
      fails(s, {
        op: 'xfrm-policy-update',
        policy: policy({ selector: { src: '192.0.2.0/24', dst: '2001:db8::/64' } }),
      }).code,
      'EINVAL',
    );
  });

  it('sysctl-set sets the value; per-interface keys need the interface', () => {
    const s = run(nodeWith([physical('eth0')]), [
      { op: 'sysctl-set', name: 'net.ipv4.conf.all.promote_secondaries', value: '1' },
      { op: 'sysctl-set', name: 'net.ipv4.conf.eth0.arp_announce', value: ' 2 ' },
    ]);
    assert.deepEqual(s.sysctl, {
      'net.ipv4.conf.all.promote_secondaries': '1',
      'net.ipv4.conf.eth0.arp_announce': '2',
    });
    assert.deepEqual(fails(s, { op: 'sysctl-set', name: 'net.ipv4.conf.eth9.arp_announce', value: '2' }), {
      code: 'ENOENT',
      message: 'sysctl: cannot stat /proc/sys/net/ipv4/conf/eth9/arp_announce: No such file or directory',
    });
    assert.equal(fails(s, { op: 'sysctl-set', name: 'kernel.panic', value: '1' }).code, 'EINVAL');
  });
});
