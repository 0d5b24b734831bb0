import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLUSTER, type Files, expectAt, findings, none, one, validateTexts, nodeDoc } from '../helpers/env.js';

const node = (name: string, ifaces: string[]) => nodeDoc(name, ifaces);

/** A physical interface; `extra` is more flow-map fields, e.g. "segment: public". */
const eth = (name: string, extra = '') => `{ name: ${name}, type: physical${extra ? `, ${extra}` : ''} }`;

/** Placements as "node iface [backup]"; the first one is active. */
const reloc = (name: string, address: string, placements: string[]) => `apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: ${name} }
spec:
  address: ${address}
  active: ${placements[0].split(' ')[0]}
  placements:
${placements
  .map((p, i) => {
    const [n, iface, backup] = p.split(' ');
    return (
      `    - { node: ${n}, interface: ${iface}, priority: ` +
      `${i + 1}${backup ? `, backupInterface: ${backup}` : ''} }\n`
    );
  })
  .join('')}`;

// n1: eth0 carries 192.0.2.0/24; eth1 is cabled to the same segment without an address.
const BASE: Files = {
  'c.yaml': CLUSTER,
  'n1.yaml': node('n1', [eth('eth0', 'segment: public, addresses: [192.0.2.11/24]'), eth('eth1', 'segment: public')]),
  'n2.yaml': node('n2', [eth('eth0', 'segment: public, addresses: [192.0.2.12/24]')]),
};

describe('interface selection rules', () => {
  it('the base with a relocatable address on eth0 (backup eth1) passes every SEL rule', () => {
    const r = validateTexts({ ...BASE, 'a.yaml': reloc('db', '192.0.2.50/24', ['n1 eth0 eth1', 'n2 eth0']) });
    assert.deepEqual(
      r.diagnostics.filter((d) => d.ruleId.startsWith('SEL')),
      [],
    );
  });

  it('SEL001 rejects a placement on another interface than the one holding the subnet', () => {
    const files = { ...BASE, 'a.yaml': reloc('db', '192.0.2.50/24', ['n2 eth0', 'n1 eth1']) };
    const d = one(files, 'SEL001');
    assert.equal(d.severity, 'error');
    assert.equal(
      d.summary,
      'RelocatableAddress/db: placement on Node/n1 uses interface eth1, but ' +
        '192.0.2.0/24 is on interface eth0 there (192.0.2.11/24)',
    );
    assert.deepEqual(d.objects, ['RelocatableAddress/db', 'Node/n1', 'n1/eth1', 'n1/eth0']);
    expectAt(d, files, 'a.yaml', 'node: n1', ['n1.yaml', '192.0.2.11/24']);
  });

  it('SEL001 compares overlapping subnets, not equal text: a /32 inside the subnet counts', () => {
    const d = one({ ...BASE, 'a.yaml': reloc('db', '192.0.2.50/32', ['n1 eth1']) }, 'SEL001');
    assert.match(d.summary, /uses interface eth1, but 192\.0\.2\.50\/32 is on interface eth0/);
  });

  it('SEL001 passes the holding interface, other subnets, and ignores loopback addresses', () => {
    const lo = '{ name: lo, type: loopback, addresses: [192.0.2.100/32] }';
    none({ ...BASE, 'a.yaml': reloc('db', '192.0.2.50/24', ['n1 eth0 eth1']) }, 'SEL001');
    none({ ...BASE, 'a.yaml': reloc('db', '198.51.100.50/24', ['n1 eth1']) }, 'SEL001');
    none(
      {
        ...BASE,
        'n2.yaml': node('n2', [lo, eth('eth0', 'segment: public')]),
        'a.yaml': reloc('db', '192.0.2.50/24', ['n2 eth0']),
      },
      'SEL001',
    );
  });

  it('SEL002 warns about two prefix lengths for one subnet on one interface', () => {
    const files = {
      ...BASE,
      'n2.yaml': node('n2', [eth('eth0', 'segment: public, addresses: [192.0.2.12/24, 192.0.2.13/25]')]),
    };
    const d = one(files, 'SEL002');
    assert.equal(d.severity, 'warning');
    assert.equal(
      d.summary,
      'Node/n2: interface eth0 carries 192.0.2.13/25 and 192.0.2.12/24 on one subnet with different prefix lengths',
    );
    assert.deepEqual(d.objects, ['Node/n2', 'n2/eth0']);
    expectAt(d, files, 'n2.yaml', '192.0.2.13/25', ['n2.yaml', '192.0.2.12/24']);
  });

  it('SEL002 counts relocatable addresses placed on the interface, primary or backup', () => {
    const files = { ...BASE, 'a.yaml': reloc('db', '192.0.2.50/26', ['n1 eth0']) };
    const d = one(files, 'SEL002');
    assert.equal(
      d.summary,
      'Node/n1: interface eth0 carries 192.0.2.50/26 (RelocatableAddress/db) and ' +
        '192.0.2.11/24 on one subnet with different prefix lengths',
    );
    assert.deepEqual(d.objects, ['Node/n1', 'n1/eth0', 'RelocatableAddress/db']);
    expectAt(d, files, 'a.yaml', 'address:', ['n1.yaml', '192.0.2.11/24']);
    const backup = findings(
      {
        ...BASE,
        'n1.yaml': node('n1', [
          eth('eth0', 'segment: public'),
          eth('eth1', 'segment: public, addresses: [192.0.2.21/25]'),
        ]),
        'a.yaml': reloc('db', '192.0.2.50/24', ['n1 eth0 eth1']),
      },
      'SEL002',
    );
    assert.deepEqual(
      backup.map((f) => f.objects[1]),
      ['n1/eth1'],
    );
  });

  it('SEL002 passes one prefix length per subnet', () => {
    none(
      {
        ...BASE,
        'n2.yaml': node('n2', [
          eth('eth0', 'segment: public, addresses: [192.0.2.12/24, 192.0.2.13/24, 198.51.100.1/25]'),
        ]),
        'a.yaml': reloc('db', '192.0.2.50/24', ['n2 eth0']),
      },
      'SEL002',
    );
  });

  it('SEL003 warns about two interfaces on one subnet without failover (seed 002)', () => {
    const files = {
      ...BASE,
      'n1.yaml': node('n1', [
        eth('eth2', 'segment: public, addresses: [192.0.2.11/24]'),
        eth('eth3', 'segment: public, addresses: [192.0.2.21/24]'),
      ]),
    };
    const d = one(files, 'SEL003');
    assert.equal(d.severity, 'warning');
    assert.equal(d.summary, 'Node/n1: interfaces eth2 and eth3 are both on 192.0.2.0/24 without failover');
    assert.deepEqual(d.objects, ['Node/n1', 'n1/eth2', 'n1/eth3']);
    expectAt(d, files, 'n1.yaml', '192.0.2.21/24', ['n1.yaml', '192.0.2.11/24']);
  });

  it('SEL003 warns when only one of the two has failover', () => {
    const fo = (i: string) => `, failover: { node: n2, interface: ${i} }`;
    const files = {
      ...BASE,
      'n1.yaml': node('n1', [
        eth('eth2', `segment: public, addresses: [192.0.2.11/24]${fo('eth0')}`),
        eth('eth3', 'segment: public, addresses: [192.0.2.21/24]'),
      ]),
    };
    assert.equal(findings(files, 'SEL003').length, 1);
  });

  it('SEL003 passes when both interfaces fail over or one is held down', () => {
    const fo = (i: string) => `, failover: { node: n2, interface: ${i} }`;
    none(
      {
        ...BASE,
        'n1.yaml': node('n1', [
          eth('eth2', `segment: public, addresses: [192.0.2.11/24]${fo('eth0')}`),
          eth('eth3', `segment: public, addresses: [192.0.2.21/24]${fo('eth1')}`),
        ]),
      },
      'SEL003',
    );
    none(
      {
        ...BASE,
        'n1.yaml': node('n1', [
          eth('eth2', 'segment: public, addresses: [192.0.2.11/24]'),
          eth('eth3', 'segment: public, state: down, addresses: [192.0.2.21/24]'),
        ]),
      },
      'SEL003',
    );
  });

  it('SEL004 rejects a segment the Cluster does not define', () => {
    const files = { ...BASE, 'n2.yaml': node('n2', [eth('eth0', 'segment: dmz, addresses: [192.0.2.12/24]')]) };
    const d = one(files, 'SEL004');
    assert.equal(d.severity, 'error');
    assert.equal(d.summary, 'Node/n2: interface eth0 names segment dmz, which the Cluster does not define');
    assert.match(d.detail ?? '', /public, private/);
    assert.deepEqual(d.objects, ['Node/n2', 'n2/eth0', 'Segment/dmz']);
    expectAt(d, files, 'n2.yaml', 'segment: dmz', ['c.yaml', '- { name: public']);
    none(BASE, 'SEL004');
  });

  it("SEL005 warns about a static address outside its segment's subnets", () => {
    const files = { ...BASE, 'n2.yaml': node('n2', [eth('eth0', 'segment: private, addresses: [192.0.2.12/24]')]) };
    const d = one(files, 'SEL005');
    assert.equal(d.severity, 'warning');
    assert.equal(
      d.summary,
      'Node/n2: interface eth0 address 192.0.2.12/24 is not within segment private (198.51.100.0/24)',
    );
    assert.deepEqual(d.objects, ['Node/n2', 'n2/eth0', 'Segment/private']);
    expectAt(d, files, 'n2.yaml', '192.0.2.12/24');
  });

  it('SEL005 warns about a prefix wider than the segment subnet, and passes addresses inside it', () => {
    assert.equal(
      findings(
        { ...BASE, 'n2.yaml': node('n2', [eth('eth0', 'segment: public, addresses: [192.0.2.12/23]')]) },
        'SEL005',
      ).length,
      1,
    );
    none(
      {
        ...BASE,
        'n2.yaml': node('n2', [
          eth('eth0', 'segment: public, addresses: [192.0.2.12/24, 192.0.2.13/28, "2001:db8:1::12/64"]'),
          eth('eth9', 'addresses: [203.0.113.1/24]'),
        ]),
      },
      'SEL005',
    );
  });

  it('SEL006 warns about a placement interface without a segment (the address within some segment subnet)', () => {
    const files = {
      ...BASE,
      'n2.yaml': node('n2', [eth('eth0', 'segment: public, addresses: [192.0.2.12/24]'), eth('eth5')]),
      'a.yaml': reloc('db', '198.51.100.50/24', ['n2 eth5']),
    };
    const found = findings(files, 'SEL006');
    assert.deepEqual(
      found.map((d) => d.summary),
      ['RelocatableAddress/db: placement interface n2/eth5 has no segment'],
    );
    assert.equal(found[0].severity, 'warning');
    assert.deepEqual(found[0].objects, ['RelocatableAddress/db', 'Node/n2', 'n2/eth5']);
    expectAt(found[0], files, 'a.yaml', 'interface: eth5', ['n2.yaml', 'name: eth5']);
    none(files, 'SEL008');
  });

  it('SEL008 rejects a relocatable address outside the subnets of its segment, or of every segment', () => {
    const files = {
      ...BASE,
      'n2.yaml': node('n2', [
        eth('eth0', 'segment: public, addresses: [192.0.2.12/24]'),
        eth('eth5'),
        eth('eth6', 'segment: private'),
      ]),
      'a.yaml':
        reloc('db', '203.0.113.50/24', ['n2 eth5']) + '---\n' + reloc('web', '192.0.2.60/24', ['n2 eth0', 'n2 eth6']),
    };
    const found = findings(files, 'SEL008');
    assert.deepEqual(
      found.map((d) => d.summary),
      [
        'RelocatableAddress/db: 203.0.113.50/24 is not within any segment subnet of the cluster ' +
          '(placed on n2/eth5, which has no segment)',
        'RelocatableAddress/web: 192.0.2.60/24 is not within segment private (198.51.100.0/24) of n2/eth6',
      ],
    );
    assert.ok(found.every((d) => d.severity === 'error'));
    assert.deepEqual(found[0].objects, ['RelocatableAddress/db', 'Node/n2', 'n2/eth5']);
    expectAt(found[0], files, 'a.yaml', 'interface: eth5', ['a.yaml', 'address: 203.0.113.50/24']);
    expectAt(found[1], files, 'a.yaml', 'interface: eth6');
    // Outside every subnet, the missing segment is not reported a second time as a warning.
    none(files, 'SEL006');
  });

  it('SEL006 and SEL008 pass a placement on an interface whose segment carries the address', () => {
    none({ ...BASE, 'a.yaml': reloc('db', '192.0.2.50/24', ['n1 eth0', 'n2 eth0']) }, 'SEL006');
    none({ ...BASE, 'a.yaml': reloc('db', '192.0.2.50/24', ['n1 eth0', 'n2 eth0']) }, 'SEL008');
  });

  it('SEL007 rejects relocatable addresses of one subnet on two interfaces of one node', () => {
    const files = {
      ...BASE,
      'a.yaml':
        reloc('a', '203.0.113.10/24', ['n1 eth0', 'n2 eth0']) +
        '---\n' +
        reloc('b', '203.0.113.20/24', ['n2 eth0', 'n1 eth1']),
    };
    const d = one(files, 'SEL007');
    assert.equal(d.severity, 'error');
    assert.equal(
      d.summary,
      'RelocatableAddress/b: placement on Node/n1 uses interface eth1, but ' +
        'RelocatableAddress/a of the same subnet uses eth0 there',
    );
    assert.deepEqual(d.objects, ['RelocatableAddress/b', 'RelocatableAddress/a', 'Node/n1', 'n1/eth1', 'n1/eth0']);
    expectAt(d, files, 'a.yaml', 'node: n1, interface: eth1', ['a.yaml', 'node: n1, interface: eth0']);
  });

  it(
    'SEL007 passes addresses of one subnet on one interface, ' + 'and leaves subnets with a static address to SEL001',
    () => {
      none(
        {
          ...BASE,
          'a.yaml':
            reloc('a', '203.0.113.10/24', ['n1 eth0']) +
            '---\n' +
            reloc('b', '203.0.113.20/24', ['n2 eth0', 'n1 eth0']),
        },
        'SEL007',
      );
      const files = {
        ...BASE,
        'a.yaml': reloc('a', '192.0.2.50/24', ['n1 eth0']) + '---\n' + reloc('b', '192.0.2.60/24', ['n1 eth1']),
      };
      none(files, 'SEL007');
      assert.equal(findings(files, 'SEL001').length, 1);
    },
  );

  // The rules index one entry per subnet and interface (issue 14: a node with thousands of
  // addresses in one subnet was a quadratic scan); the findings are the same as comparing
  // every pair: the first address of the subnet is the one named.
  it('many addresses of one subnet on one interface: each rule reports once, naming the first address', () => {
    const many = Array.from({ length: 40 }, (_, i) => `192.0.2.${i + 11}/24`);
    const files: Files = {
      'c.yaml': CLUSTER,
      'n1.yaml': node('n1', [
        eth('eth0', `segment: public, addresses: [${[...many, '192.0.2.100/25'].join(', ')}]`),
        eth('eth1', 'segment: public, addresses: [192.0.2.200/24, 192.0.2.201/24]'),
        eth('eth2', 'segment: private'),
        eth('eth3', 'segment: private'),
      ]),
      'r1.yaml': reloc('r1', '198.51.100.10/24', ['n1 eth2']),
      'r2.yaml': reloc('r2', '198.51.100.11/24', ['n1 eth2']),
      'r3.yaml': reloc('r3', '198.51.100.12/24', ['n1 eth2']),
      'r4.yaml': reloc('r4', '198.51.100.13/24', ['n1 eth3']),
    };
    const sel002 = findings(files, 'SEL002');
    assert.deepEqual(
      sel002.map((d) => d.summary),
      ['Node/n1: interface eth0 carries 192.0.2.100/25 and 192.0.2.11/24 on one subnet with different prefix lengths'],
    );
    expectAt(sel002[0], files, 'n1.yaml', '192.0.2.100/25', ['n1.yaml', '192.0.2.11/24']);
    const sel003 = findings(files, 'SEL003');
    assert.deepEqual(
      sel003.map((d) => d.summary),
      ['Node/n1: interfaces eth0 and eth1 are both on 192.0.2.0/24 without failover'],
    );
    assert.equal(sel003[0].related?.[0].note, '192.0.2.11/24 on eth0');
    const sel007 = findings(files, 'SEL007').map((d) => d.summary);
    assert.deepEqual(sel007, [
      'RelocatableAddress/r4: placement on Node/n1 uses interface eth3, ' +
        'but RelocatableAddress/r1 of the same subnet uses eth2 there',
    ]);
  });
});
