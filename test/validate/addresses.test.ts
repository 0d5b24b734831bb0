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

  it('ADDR005 warns when the management address is on no interface, or with another prefix', () => {
    const files = {
      'c.yaml': CLUSTER,
      'n1.yaml': node('n1', [eth('eth0', '192.0.2.11/24')], '203.0.113.11/24'),
      'n2.yaml': node('n2', [eth('eth0', '192.0.2.12/24')], '192.0.2.12/25'),
    };
    const found = findingsOf(validateTexts(files), 'ADDR005');
    assert.equal(found.length, 2);
    const [missing, prefix] = found;
    assert.equal(missing.severity, 'warning');
    assert.equal(missing.summary, 'Node/n1: management 203.0.113.11/24 is not configured on any interface of the node');
    assert.deepEqual(missing.objects, ['Node/n1']);
    expectAt(missing, files, 'n1.yaml', 'management:');
    assert.equal(prefix.summary, 'Node/n2: management 192.0.2.12/25 is configured on interface eth0 as 192.0.2.12/24');
    assert.deepEqual(prefix.objects, ['Node/n2', 'n2/eth0']);
    expectAt(prefix, files, 'n2.yaml', 'management:');
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
