import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BatchRenderError,
  batchErrorMessage,
  batchLine,
  failedBatchLine,
  sysctlArgument,
} from '../../src/apply/ip-batch.js';
import { LinuxWriter } from '../../src/apply/writer-linux.js';
import type { KernelOp } from '../../src/plan/ops.js';

describe('ip -batch rendering', () => {
  const cases: Array<[KernelOp, string]> = [
    [{ op: 'link-set', iface: 'eth0', up: true }, 'link set dev eth0 up'],
    [{ op: 'link-set', iface: 'eth0', mtu: 9000, up: false }, 'link set dev eth0 mtu 9000 down'],
    [
      { op: 'link-add-bond', iface: 'bond0', mode: 'active-backup', miimonMs: 100 },
      'link add name bond0 type bond mode active-backup miimon 100',
    ],
    [
      { op: 'link-add-tunnel', iface: 'tun0', mode: 'sit', local: '192.0.2.21', remote: '198.51.100.99', ttl: 64 },
      'link add name tun0 type sit local 192.0.2.21 remote 198.51.100.99 ttl 64',
    ],
    [{ op: 'link-del', iface: 'bond0' }, 'link del dev bond0'],
    [{ op: 'link-enslave', iface: 'eth2', master: 'bond0' }, 'link set dev eth2 master bond0'],
    [{ op: 'link-release', iface: 'eth2' }, 'link set dev eth2 nomaster'],
    [
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.50/24', label: 'eth0:db' },
      'addr add 192.0.2.50/24 brd + dev eth0 label eth0:db',
    ],
    [{ op: 'addr-add', iface: 'eth0', cidr: '192.0.2.50/32' }, 'addr add 192.0.2.50/32 dev eth0'],
    // A /31 (RFC 3021) has no broadcast address; a /30 has one.
    [{ op: 'addr-add', iface: 'eth0', cidr: '192.0.2.50/31' }, 'addr add 192.0.2.50/31 dev eth0'],
    [{ op: 'addr-add', iface: 'eth0', cidr: '192.0.2.50/30' }, 'addr add 192.0.2.50/30 brd + dev eth0'],
    [{ op: 'addr-add', iface: 'eth0', cidr: '2001:db8::50/64', label: 'eth0:x' }, 'addr add 2001:db8::50/64 dev eth0'],
    [{ op: 'addr-del', iface: 'eth0', cidr: '192.0.2.50/24' }, 'addr del 192.0.2.50/24 dev eth0'],
    [
      { op: 'route-replace', to: 'default', via: '192.0.2.1', dev: 'eth0', table: 254 },
      'route replace 0.0.0.0/0 via 192.0.2.1 dev eth0',
    ],
    [
      { op: 'route-replace', to: 'default', via: '2001:db8::1', dev: 'eth0' },
      'route replace ::/0 via 2001:db8::1 dev eth0',
    ],
    [
      {
        op: 'route-replace',
        to: '203.0.113.0/24',
        via: '192.0.2.1',
        dev: 'eth0',
        metric: 10,
        table: 100,
        src: '192.0.2.11',
      },
      'route replace 203.0.113.0/24 via 192.0.2.1 dev eth0 metric 10 table 100 src 192.0.2.11',
    ],
    [{ op: 'route-del', to: '203.0.113.7', dev: 'eth0' }, 'route del 203.0.113.7/32 dev eth0'],
    [
      { op: 'neigh-replace', iface: 'eth0', address: '192.0.2.1', lladdr: '02:00:00:00:00:AA' },
      'neigh replace 192.0.2.1 lladdr 02:00:00:00:00:aa dev eth0 nud permanent',
    ],
    [{ op: 'neigh-del', iface: 'eth0', address: '192.0.2.1' }, 'neigh del 192.0.2.1 dev eth0'],
    [
      {
        op: 'xfrm-policy-update',
        policy: {
          selector: { src: '192.0.2.50/32', dst: '198.51.100.0/24', proto: 'tcp', dport: 5432 },
          dir: 'out',
          action: 'allow',
          priority: 100,
          mark: '0x1/0xff',
          flags: ['localok'],
          templates: [
            { proto: 'esp', mode: 'tunnel', level: 'required', src: '192.0.2.11', dst: '198.51.100.1', reqid: 7 },
          ],
        },
      },
      'xfrm policy update src 192.0.2.50/32 dst 198.51.100.0/24 proto tcp dport 5432 dir out mark 0x1 mask 0xff ' +
        'action allow priority 100 flag localok ' +
        'tmpl src 192.0.2.11 dst 198.51.100.1 proto esp mode tunnel reqid 7 level required',
    ],
    [
      {
        op: 'xfrm-policy-update',
        policy: {
          selector: { src: '192.0.2.0/24', dst: '198.51.100.0/24' },
          dir: 'fwd',
          action: 'block',
          priority: 0,
          templates: [],
        },
      },
      'xfrm policy update src 192.0.2.0/24 dst 198.51.100.0/24 dir fwd action block priority 0',
    ],
    [
      {
        op: 'xfrm-policy-del',
        selector: { src: '192.0.2.0/24', dst: '198.51.100.0/24', proto: 'udp', sport: 500 },
        dir: 'in',
      },
      'xfrm policy delete src 192.0.2.0/24 dst 198.51.100.0/24 proto udp sport 500 dir in',
    ],
  ];
  for (const [op, line] of cases) {
    it(`renders ${op.op} as "${line}"`, () => assert.equal(batchLine(op), line));
  }

  it('renders sysctl ops for sysctl -w, not for ip', () => {
    assert.equal(
      sysctlArgument({ op: 'sysctl-set', name: 'net.ipv4.conf.eth0.promote_secondaries', value: '1' }),
      'net.ipv4.conf.eth0.promote_secondaries=1',
    );
    assert.throws(() => batchLine({ op: 'sysctl-set', name: 'net.ipv4.ip_forward', value: '1' }), BatchRenderError);
    assert.throws(
      () => sysctlArgument({ op: 'sysctl-set', name: 'kernel.core_pattern', value: '|/bin/sh' }),
      /sysctl name/,
    );
    assert.throws(
      () => sysctlArgument({ op: 'sysctl-set', name: 'net.ipv4.ip_forward', value: '1 #' }),
      /sysctl value/,
    );
  });

  const hostile: Array<[string, KernelOp]> = [
    ['a space in an interface name', { op: 'link-set', iface: 'eth0 up', up: false }],
    ['a newline in an interface name', { op: 'addr-add', iface: 'eth0\nlink del dev eth1', cidr: '192.0.2.5/24' }],
    ['a # in a label', { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.5/24', label: 'eth0:#x' }],
    ['a quote in a label', { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.5/24', label: 'eth0:"x' }],
    ['a prefix that is not one', { op: 'addr-del', iface: 'eth0', cidr: '192.0.2.5/24 dev eth1' }],
    ['a gateway that is not an address', { op: 'route-replace', to: 'default', via: '192.0.2.1 onlink', dev: 'eth0' }],
    [
      'a bad link-layer address',
      { op: 'neigh-replace', iface: 'eth0', address: '192.0.2.1', lladdr: '02:00:00:00:00:01 nud' },
    ],
    [
      'an unknown tunnel mode',
      { op: 'link-add-tunnel', iface: 'tun0', mode: 'sit mode x', local: '192.0.2.1', remote: '192.0.2.2' },
    ],
    ['an interface name too long', { op: 'link-del', iface: 'a-very-long-interface' }],
    ['a slash in an interface name', { op: 'link-del', iface: '../eth0' }],
    [
      'an unknown selector protocol',
      { op: 'xfrm-policy-del', selector: { src: '192.0.2.0/24', dst: '198.51.100.0/24', proto: 'tcp\tx' }, dir: 'in' },
    ],
    ['a negative metric', { op: 'route-del', to: '203.0.113.0/24', dev: 'eth0', metric: -1 }],
    ['an unknown op', { op: 'link-flap', iface: 'eth0' } as unknown as KernelOp],
  ];
  for (const [what, op] of hostile) {
    it(`refuses ${what}`, () => assert.throws(() => batchLine(op), BatchRenderError));
  }

  it('renders nothing when any op of a batch is refused, and names the op', () => {
    const r = LinuxWriter.render([
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.5/24' },
      { op: 'addr-add', iface: 'eth0 #', cidr: '192.0.2.6/24' },
    ]);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.index, 1);
  });

  it('maps "Command failed -:N" back to the line and keeps the kernel message', () => {
    const stderr = 'Error: ipv4: Address already assigned.\nCommand failed -:3\n';
    assert.equal(failedBatchLine(stderr), 3);
    assert.equal(batchErrorMessage(stderr), 'Error: ipv4: Address already assigned.');
    assert.equal(failedBatchLine('RTNETLINK answers: No route to host\n'), undefined);
  });
});
