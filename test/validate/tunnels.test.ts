import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLUSTER, type Files, expectAt, findings, one, validateTexts, nodeDoc } from '../helpers/env.js';

const node = (name: string, ifaces: string[]) => nodeDoc(name, ifaces);

/** eth0 with one address, failing over to `fo` ("node/iface") when given. */
const eth0 = (address: string, fo?: string) =>
  `{ name: eth0, type: physical, segment: public, addresses: [${address}]` +
  `${fo ? `, failover: { node: ${fo.split('/')[0]}, interface: ${fo.split('/')[1]} }` : ''} }`;
const tunnel = (name: string, local: string, extra = '', mode = 'sit', remote = '203.0.113.9') =>
  `{ name: ${name}, type: tunnel, addresses: ["2001:db8:2::1/64"], ` +
  `tunnel: { mode: ${mode}, local: "${local}", remote: "${remote}" }${extra} }`;

// A failover pair n1/eth0 <-> n2/eth0, each node with a differently named tunnel.
const GOOD: Files = {
  'c.yaml': CLUSTER,
  'n1.yaml': node('n1', [eth0('192.0.2.11/24', 'n2/eth0'), tunnel('tun1', '192.0.2.11')]),
  'n2.yaml': node('n2', [eth0('192.0.2.12/24', 'n1/eth0'), tunnel('tun2', '192.0.2.12')]),
};

describe('tunnel rules', () => {
  it('tunnels on their own static addresses, named apart across the pair, pass every TUN rule', () => {
    const r = validateTexts(GOOD);
    assert.deepEqual(
      r.diagnostics.filter((d) => d.ruleId.startsWith('TUN')),
      [],
    );
  });

  it('TUN001 rejects a tunnel without settings and settings on a non-tunnel', () => {
    const files = {
      ...GOOD,
      'n1.yaml': node('n1', [
        '{ name: eth0, type: physical, addresses: [192.0.2.11/24], ' +
          'tunnel: { mode: sit, local: 192.0.2.11, remote: 203.0.113.9 } }',
        '{ name: tun1, type: tunnel }',
      ]),
    };
    const [stray, missing] = findings(files, 'TUN001');
    assert.equal(stray.severity, 'error');
    assert.equal(stray.summary, 'Node/n1: interface eth0 has tunnel settings but is of type physical');
    assert.deepEqual(stray.objects, ['Node/n1', 'n1/eth0']);
    expectAt(stray, files, 'n1.yaml', 'name: eth0');
    assert.equal(missing.summary, 'Node/n1: tunnel interface tun1 has no tunnel settings');
    expectAt(missing, files, 'n1.yaml', 'name: tun1');
  });

  it('TUN002 rejects a local address that no interface of the node holds', () => {
    const files = { ...GOOD, 'n1.yaml': node('n1', [eth0('192.0.2.11/24', 'n2/eth0'), tunnel('tun1', '192.0.2.12')]) };
    const d = one(files, 'TUN002');
    assert.equal(d.severity, 'error');
    assert.equal(d.summary, 'Node/n1: tunnel tun1 local address 192.0.2.12 is not configured on any interface of n1');
    assert.deepEqual(d.objects, ['Node/n1', 'n1/tun1']);
    expectAt(d, files, 'n1.yaml', 'name: tun1');
  });

  it("TUN002 does not accept the tunnel's own address as its local endpoint, and compares canonical addresses", () => {
    const self = {
      ...GOOD,
      'n1.yaml': node('n1', [
        eth0('192.0.2.11/24'),
        `{ name: tun1, type: tunnel, addresses: ["2001:db8:2::1/64"], ` +
          `tunnel: { mode: ip6tnl, local: "2001:db8:2::1", remote: "2001:db8:3::1" } }`,
      ]),
    };
    assert.equal(findings(self, 'TUN002').length, 1);
    const canonical = {
      ...GOOD,
      'n1.yaml': node('n1', [
        eth0('"2001:db8:1::0011/64"'),
        tunnel('tun1', '2001:DB8:1::11', '', 'ip6tnl', '2001:db8:3::1'),
      ]),
    };
    assert.deepEqual(findings(canonical, 'TUN002'), []);
  });

  it('TUN003 rejects failover on a tunnel', () => {
    const files = {
      ...GOOD,
      'n1.yaml': node('n1', [
        eth0('192.0.2.11/24', 'n2/eth0'),
        tunnel('tun1', '192.0.2.11', ', failover: { node: n2, interface: tun2 }'),
      ]),
    };
    const d = one(files, 'TUN003');
    assert.equal(d.severity, 'error');
    assert.equal(d.summary, 'Node/n1: tunnel tun1 has failover to n2/tun2');
    assert.deepEqual(d.objects, ['Node/n1', 'n1/tun1']);
    expectAt(d, files, 'n1.yaml', 'name: tun1');
  });

  it('TUN004 rejects a tunnel name that exists on the failover node (seed 000)', () => {
    const files = { ...GOOD, 'n2.yaml': node('n2', [eth0('192.0.2.12/24', 'n1/eth0'), tunnel('tun1', '192.0.2.12')]) };
    const found = findings(files, 'TUN004');
    assert.equal(found.length, 2, 'each side of the pair is reported');
    const [d] = found;
    assert.equal(d.severity, 'error');
    assert.equal(d.summary, 'Node/n1: tunnel tun1 follows eth0 to Node/n2, which already has an interface tun1');
    assert.deepEqual(d.objects, ['Node/n1', 'n1/tun1', 'Node/n2', 'n2/tun1']);
    expectAt(d, files, 'n1.yaml', 'name: tun1', ['n2.yaml', 'name: tun1']);
  });

  it(
    'TUN004 also rejects a non-tunnel interface of that name on the failover node, ' + 'and passes without failover',
    () => {
      const clash = {
        ...GOOD,
        'n2.yaml': node('n2', [eth0('192.0.2.12/24', 'n1/eth0'), '{ name: tun1, type: physical }']),
      };
      assert.equal(
        one(clash, 'TUN004').summary,
        'Node/n1: tunnel tun1 follows eth0 to Node/n2, which already has an interface tun1',
      );
      const noFailover = {
        'c.yaml': CLUSTER,
        'n1.yaml': node('n1', [eth0('192.0.2.11/24'), tunnel('tun1', '192.0.2.11')]),
        'n2.yaml': node('n2', [eth0('192.0.2.12/24'), tunnel('tun1', '192.0.2.12')]),
      };
      assert.deepEqual(findings(noFailover, 'TUN004'), []);
    },
  );

  it('TUN005 rejects endpoints of the wrong family for the mode', () => {
    const files = {
      ...GOOD,
      'n1.yaml': node('n1', [
        eth0('192.0.2.11/24', 'n2/eth0'),
        tunnel('tun1', '192.0.2.11', '', 'sit', '2001:db8:3::1'),
      ]),
    };
    const d = one(files, 'TUN005');
    assert.equal(d.severity, 'error');
    assert.equal(d.summary, 'Node/n1: tunnel tun1 (sit) has remote address 2001:db8:3::1, not IPv4');
    assert.deepEqual(d.objects, ['Node/n1', 'n1/tun1']);
    expectAt(d, files, 'n1.yaml', 'name: tun1');
    const v6 = {
      ...GOOD,
      'n1.yaml': node('n1', [
        eth0('192.0.2.11/24, "2001:db8:1::11/64"'),
        tunnel('tun1', '2001:db8:1::11', '', 'ip6tnl', '2001:db8:3::1'),
      ]),
    };
    assert.deepEqual(findings(v6, 'TUN005'), []);
  });

  it("TUN006 warns when two nodes' tunnels of one name fail over onto one node", () => {
    const files = {
      'c.yaml': CLUSTER,
      'n1.yaml': node('n1', [eth0('192.0.2.11/24', 'n3/eth0'), tunnel('tun1', '192.0.2.11')]),
      'n2.yaml': node('n2', [eth0('192.0.2.12/24', 'n3/eth1'), tunnel('tun1', '192.0.2.12')]),
      'n3.yaml': node('n3', [eth0('192.0.2.13/24'), '{ name: eth1, type: physical, segment: public }']),
    };
    const d = one(files, 'TUN006');
    assert.equal(d.severity, 'warning');
    assert.equal(
      d.summary,
      'Node/n2: tunnel tun1 and the tunnel of Node/n1 with the same name both fail over to Node/n3',
    );
    assert.deepEqual(d.objects, ['Node/n2', 'n2/tun1', 'Node/n1', 'n1/tun1', 'Node/n3']);
    expectAt(d, files, 'n2.yaml', 'name: tun1', ['n1.yaml', 'name: tun1']);
    const renamed = {
      ...files,
      'n2.yaml': node('n2', [eth0('192.0.2.12/24', 'n3/eth1'), tunnel('tun2', '192.0.2.12')]),
    };
    assert.deepEqual(findings(renamed, 'TUN006'), []);
  });
});
