import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLUSTER, type Files, expectAt, findingsOf, none, one, validateTexts, nodeDoc } from '../helpers/env.js';

const node = (name: string, ifaces: string[], management?: string) => nodeDoc(name, ifaces, { management });

const eth = (name: string, addresses: string, extra = '') =>
  `{ name: ${name}, type: physical, segment: public, addresses: [${addresses}]${extra} }`;

const reloc = (name: string, address: string, nodes: string[]) => `apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: ${name} }
spec:
  address: ${address}
  active: ${nodes[0]}
  placements:
${nodes.map((n, i) => `    - { node: ${n}, interface: eth0, priority: ${i + 1} }\n`).join('')}`;

const TWO_NODES: Files = {
  'c.yaml': CLUSTER,
  'n1.yaml': node('n1', [eth('eth0', '192.0.2.11/24')]),
  'n2.yaml': node('n2', [eth('eth0', '192.0.2.12/24')]),
};

describe('address rules', () => {
  it('the two-node base passes every ADDR rule', () => {
    const r = validateTexts(TWO_NODES);
    assert.deepEqual(
      r.diagnostics.filter((d) => d.ruleId.startsWith('ADDR')),
      [],
    );
  });

  it('ADDR002 rejects the network address of a static address', () => {
    const files = {
      ...TWO_NODES,
      'n1.yaml': node('n1', [eth('eth0', '192.0.2.11/24'), eth('eth1', '198.51.100.0/24')]),
    };
    const d = one(files, 'ADDR002');
    assert.equal(d.severity, 'error');
    assert.match(
      d.summary,
      /^Node\/n1: interface eth1 address 198\.51\.100\.0\/24 is the network address of 198\.51\.100\.0\/24/,
    );
    assert.deepEqual(d.objects, ['Node/n1', 'n1/eth1']);
    expectAt(d, files, 'n1.yaml', '198.51.100.0/24');
  });

  it('ADDR002 rejects a broadcast management address and a relocatable network address', () => {
    const files = {
      ...TWO_NODES,
      'n1.yaml': node('n1', [eth('eth0', '192.0.2.11/24'), eth('mgmt0', '203.0.113.127/25')], '203.0.113.127/25'),
      'a.yaml': reloc('db', '198.51.100.64/26', ['n1', 'n2']),
    };
    const found = findingsOf(validateTexts(files), 'ADDR002');
    assert.deepEqual(found.map((d) => d.summary).sort(), [
      'Node/n1: interface mgmt0 address 203.0.113.127/25 is the broadcast address of 203.0.113.0/25',
      'Node/n1: management address 203.0.113.127/25 is the broadcast address of 203.0.113.0/25',
      'RelocatableAddress/db: address 198.51.100.64/26 is the network address of 198.51.100.64/26',
    ]);
    const db = found.find((d) => d.objects.includes('RelocatableAddress/db'))!;
    expectAt(db, files, 'a.yaml', 'address: 198.51.100.64/26');
  });

  it('ADDR002 passes /31 and /32 IPv4 addresses and IPv6 subnet-router addresses', () => {
    none(
      { ...TWO_NODES, 'n1.yaml': node('n1', [eth('eth0', '192.0.2.0/31, 198.51.100.255/32, "2001:db8:1::/64"')]) },
      'ADDR002',
    );
  });

  it('ADDR003 reports the second assignment of an address and relates the first', () => {
    const files = { ...TWO_NODES, 'n2.yaml': node('n2', [eth('eth0', '192.0.2.11/24')]) };
    const d = one(files, 'ADDR003');
    assert.equal(d.severity, 'error');
    assert.equal(d.summary, 'Node/n2: interface eth0 address 192.0.2.11 is already assigned to Node/n1 interface eth0');
    assert.deepEqual(d.objects, ['Node/n2', 'n2/eth0', 'Node/n1', 'n1/eth0']);
    expectAt(d, files, 'n2.yaml', '192.0.2.11/24', ['n1.yaml', '192.0.2.11/24']);
  });

  it('ADDR003 compares addresses, not text or prefix: a relocatable equal to a static address is a duplicate', () => {
    const files = { ...TWO_NODES, 'a.yaml': reloc('db', '192.0.2.12/25', ['n1', 'n2']) };
    const d = one(files, 'ADDR003');
    assert.match(
      d.summary,
      /^RelocatableAddress\/db: address 192\.0\.2\.12 is already assigned to Node\/n2 interface eth0/,
    );
    expectAt(d, files, 'a.yaml', 'address:', ['n2.yaml', '192.0.2.12/24']);

    const v6 = {
      ...TWO_NODES,
      'n2.yaml': node('n2', [eth('eth0', '192.0.2.12/24, "2001:db8:1:0::0a/64"')]),
      'a.yaml': reloc('v6', '"2001:DB8:1::A/64"', ['n1', 'n2']),
    };
    assert.match(one(v6, 'ADDR003').summary, /address 2001:db8:1::a is already assigned to Node\/n2 interface eth0/);
  });

  it(
    "ADDR003 passes a management address that is also the node's own interface address, " + 'and node-local addresses',
    () => {
      const lo = '{ name: lo, type: loopback, addresses: [127.0.0.1/8, 192.0.2.100/32] }';
      none(
        {
          'c.yaml': CLUSTER,
          'n1.yaml': node('n1', [lo, eth('eth0', '192.0.2.11/24, "fe80::1/64"')], '192.0.2.11/24'),
          'n2.yaml': node('n2', [lo, eth('eth0', '192.0.2.12/24, "fe80::1/64"')], '192.0.2.12/24'),
        },
        'ADDR003',
      );
    },
  );

  it('ADDR004 rejects a relocatable address in the management subnet of a node it is placed on', () => {
    const files = {
      'c.yaml': CLUSTER,
      'n1.yaml': node('n1', [eth('eth0', '192.0.2.11/24')], '192.0.2.11/24'),
      'n2.yaml': node('n2', [eth('eth0', '192.0.2.12/24')], '203.0.113.12/24'),
      'a.yaml': reloc('db', '192.0.2.50/24', ['n1', 'n2']),
    };
    const d = one(files, 'ADDR004');
    assert.equal(d.severity, 'error');
    assert.equal(
      d.summary,
      'RelocatableAddress/db: 192.0.2.50/24 overlaps the management subnet 192.0.2.0/24 of Node/n1',
    );
    assert.deepEqual(d.objects, ['RelocatableAddress/db', 'Node/n1']);
    expectAt(d, files, 'a.yaml', 'address:', ['n1.yaml', 'management:']);
  });

  it('ADDR004 rejects a relocatable equal to a management address and a wider prefix that covers it', () => {
    const files = {
      'c.yaml': CLUSTER,
      'n1.yaml': node('n1', [eth('eth0', '192.0.2.11/24')], '198.51.100.11/28'),
      'n2.yaml': node('n2', [eth('eth0', '192.0.2.12/24')]),
      'a.yaml': reloc('same', '198.51.100.11/28', ['n1']) + '---\n' + reloc('wide', '198.51.100.200/24', ['n2', 'n1']),
    };
    assert.deepEqual(
      findingsOf(validateTexts(files), 'ADDR004').map((d) => d.summary),
      [
        'RelocatableAddress/same: 198.51.100.11/28 is the management address of Node/n1',
        'RelocatableAddress/wide: 198.51.100.200/24 overlaps the management subnet 198.51.100.0/28 of Node/n1',
      ],
    );
  });

  it('ADDR004 passes a relocatable address off the management subnets of its nodes', () => {
    none(
      {
        'c.yaml': CLUSTER,
        'n1.yaml': node('n1', [eth('eth0', '192.0.2.11/24'), eth('mgmt0', '203.0.113.11/24')], '203.0.113.11/24'),
        'n2.yaml': node('n2', [eth('eth0', '192.0.2.12/24')], '203.0.113.12/24'),
        // n3 is not a placement: its management subnet does not matter to the address.
        'n3.yaml': node('n3', [eth('eth0', '198.51.100.13/24')], '192.0.2.13/24'),
        'a.yaml': reloc('db', '192.0.2.50/24', ['n1', 'n2']),
      },
      'ADDR004',
    );
  });

  it('ADDR005 warns when the management address is on its interface with another prefix', () => {
    const files = {
      'c.yaml': CLUSTER,
      'n1.yaml': node('n1', [eth('eth0', '192.0.2.11/24')], '203.0.113.11/24'),
      'n2.yaml': node('n2', [eth('eth0', '192.0.2.12/24')], '192.0.2.12/25'),
    };
    // Not carried at all (n1) is ADDR008, an error: reported once, not as this warning too.
    const [prefix, ...rest] = findingsOf(validateTexts(files), 'ADDR005');
    assert.deepEqual(rest, []);
    assert.equal(prefix.severity, 'warning');
    assert.equal(prefix.summary, 'Node/n2: management 192.0.2.12/25 is configured on interface eth0 as 192.0.2.12/24');
    assert.deepEqual(prefix.objects, ['Node/n2', 'n2/eth0']);
    expectAt(prefix, files, 'n2.yaml', 'management:');
  });

  it("ADDR008 rejects a management address that none of the node's interfaces carries", () => {
    const files = { ...TWO_NODES, 'n1.yaml': node('n1', [eth('eth0', '192.0.2.11/24')], '203.0.113.11/24') };
    const d = one(files, 'ADDR008');
    assert.equal(d.severity, 'error');
    assert.equal(
      d.summary,
      'Node/n1: management address 203.0.113.11 is not an address of any of its interfaces, ' +
        'so no plan adds or keeps it',
    );
    assert.match(
      d.detail ?? '',
      /^Add 203\.0\.113\.11\/24 to the addresses of the interface that carries it, or change/,
    );
    assert.deepEqual(d.objects, ['Node/n1']);
    expectAt(d, files, 'n1.yaml', 'management:');
  });

  it('ADDR008 compares by IP: another spelling or prefix length of the address is carried', () => {
    const v6 = node('n1', [eth('eth0', '192.0.2.11/24, "2001:db8:1:0:0:0:0:11/64"')], '"2001:db8:1::11/64"');
    none({ ...TWO_NODES, 'n1.yaml': v6 }, 'ADDR008');
    none({ ...TWO_NODES, 'n1.yaml': node('n1', [eth('eth0', '192.0.2.11/24')], '192.0.2.11/25') }, 'ADDR008');
  });

  it("ADDR008 rejects an ssh connection.host address that none of the node's interfaces carries", () => {
    const ssh = (host: string) =>
      node('n1', [eth('eth0', '192.0.2.11/24')]).replace(
        'connection: { transport: sim }',
        `connection: { transport: ssh, host: ${host} }`,
      );
    const files = { ...TWO_NODES, 'n1.yaml': ssh('198.51.100.7') };
    const d = one(files, 'ADDR008');
    assert.equal(
      d.summary,
      'Node/n1: connection.host 198.51.100.7 (the address tandem reaches it by over ssh) ' +
        'is not an address of any of its interfaces, so no plan adds or keeps it',
    );
    assert.match(d.detail ?? '', /or change spec\.connection\.host/);
    expectAt(d, files, 'n1.yaml', 'host: 198.51.100.7');
    // A host name is resolved elsewhere; an address the node carries is fine.
    none({ ...TWO_NODES, 'n1.yaml': ssh('n1.example.net') }, 'ADDR008');
    none({ ...TWO_NODES, 'n1.yaml': ssh('192.0.2.11') }, 'ADDR008');
  });

  it('ADDR009 rejects non-unicast interface and relocatable addresses', () => {
    const bad = [
      '0.0.0.0/0',
      '"::/0"',
      '224.0.0.18/24',
      '"ff02::1/64"',
      '127.0.0.2/8',
      '"::1/128"',
      '255.255.255.255/32',
      '240.0.0.1/24',
      '"::ffff:192.0.2.99/128"',
    ];
    const files = {
      ...TWO_NODES,
      'n1.yaml': node('n1', [eth('eth0', `192.0.2.11/24, ${bad.join(', ')}`)]),
      'a.yaml': reloc('db', '239.1.2.3/24', ['n1', 'n2']),
    };
    const found = findingsOf(validateTexts(files), 'ADDR009');
    assert.deepEqual(
      found.map((d) => d.summary),
      [
        'RelocatableAddress/db: address 239.1.2.3/24 is multicast (224.0.0.0/4), not a unicast host address',
        'Node/n1: interface eth0 address 0.0.0.0/0 is in 0.0.0.0/8 (unspecified), not a unicast host address',
        'Node/n1: interface eth0 address ::/0 is the unspecified address, not a unicast host address',
        'Node/n1: interface eth0 address 224.0.0.18/24 is multicast (224.0.0.0/4), not a unicast host address',
        'Node/n1: interface eth0 address ff02::1/64 is multicast (ff00::/8), not a unicast host address',
        'Node/n1: interface eth0 address 127.0.0.2/8 is loopback (127.0.0.0/8), not a unicast host address',
        'Node/n1: interface eth0 address ::1/128 is the loopback address, not a unicast host address',
        'Node/n1: interface eth0 address 255.255.255.255/32 is the limited broadcast address, ' +
          'not a unicast host address',
        'Node/n1: interface eth0 address 240.0.0.1/24 is class E (240.0.0.0/4, reserved), not a unicast host address',
        'Node/n1: interface eth0 address ::ffff:c000:263/128 is IPv4-mapped (::ffff:0:0/96), ' +
          'not a unicast host address',
      ],
    );
    assert.ok(found.every((d) => d.severity === 'error'));
    expectAt(found[0], files, 'a.yaml', 'address:');
    expectAt(found[3], files, 'n1.yaml', '224.0.0.18/24');
  });

  it('ADDR009 keeps loopback addresses valid on a loopback interface', () => {
    const lo = '{ name: lo, type: loopback, addresses: [127.0.0.1/8, "::1/128", 127.0.0.53/8] }';
    none({ ...TWO_NODES, 'n1.yaml': node('n1', [lo, eth('eth0', '192.0.2.11/24')]) }, 'ADDR009');
  });

  it('ADDR010 rejects a segment subnet with host bits set, naming the network', () => {
    const files = { ...TWO_NODES, 'c.yaml': CLUSTER.replace('198.51.100.0/24', '198.51.100.1/24') };
    const d = one(files, 'ADDR010');
    assert.equal(d.severity, 'error');
    assert.equal(
      d.summary,
      'Cluster/test: segment private subnet 198.51.100.1/24 has host bits set (the network is 198.51.100.0/24)',
    );
    assert.equal(d.detail, 'Write the subnet as 198.51.100.0/24.');
    expectAt(d, files, 'c.yaml', '198.51.100.1/24');
    none(TWO_NODES, 'ADDR010');
  });

  it('ADDR005 passes a management address configured on an interface', () => {
    none(
      {
        ...TWO_NODES,
        'n1.yaml': node('n1', [eth('eth0', '192.0.2.11/24'), eth('mgmt0', '203.0.113.11/24')], '203.0.113.11/24'),
      },
      'ADDR005',
    );
  });

  it('ADDR006 rejects a management address on an interface with failover', () => {
    const fo = ', failover: { node: n2, interface: eth0 }';
    const files = { ...TWO_NODES, 'n1.yaml': node('n1', [eth('eth0', '192.0.2.11/24', fo)], '192.0.2.11/24') };
    const d = one(files, 'ADDR006');
    assert.equal(d.severity, 'error');
    assert.equal(d.summary, 'Node/n1: management address 192.0.2.11 is on interface eth0, which fails over to n2/eth0');
    assert.deepEqual(d.objects, ['Node/n1', 'n1/eth0']);
    expectAt(d, files, 'n1.yaml', 'addresses: [192.0.2.11/24', ['n1.yaml', 'management:']);
  });

  it('ADDR006 passes a management address on an interface without failover', () => {
    const fo = ', failover: { node: n2, interface: eth0 }';
    none(
      {
        ...TWO_NODES,
        'n1.yaml': node('n1', [eth('eth0', '192.0.2.11/24', fo), eth('mgmt0', '203.0.113.11/24')], '203.0.113.11/24'),
      },
      'ADDR006',
    );
  });

  it('ADDR007 rejects a route destination with host bits set', () => {
    const route = (to: string) => `, routes: [{ to: ${to}, via: 192.0.2.1 }]`;
    const files = { ...TWO_NODES, 'n1.yaml': node('n1', [eth('eth0', '192.0.2.11/24', route('203.0.113.5/24'))]) };
    const d = one(files, 'ADDR007');
    assert.equal(d.severity, 'error');
    assert.equal(
      d.summary,
      'Node/n1: route 203.0.113.5/24 on interface eth0 has host bits set (the network is 203.0.113.0/24)',
    );
    assert.deepEqual(d.objects, ['Node/n1', 'n1/eth0']);
    expectAt(d, files, 'n1.yaml', '203.0.113.5/24');
    none(
      {
        ...TWO_NODES,
        'n1.yaml': node('n1', [
          eth('eth0', '192.0.2.11/24', route('203.0.113.0/24')),
          eth('eth1', '198.51.100.1/24', route('default')),
        ]),
      },
      'ADDR007',
    );
  });
});
