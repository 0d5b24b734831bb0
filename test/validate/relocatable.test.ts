import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/diagnostics.js';
import { CLUSTER, findingsOf, one as oneFinding, type Files, validateTexts, nodeDoc } from '../helpers/env.js';

const node = (name: string, n: number, ifaces: string[]) => nodeDoc(name, ifaces, { management: `203.0.113.1${n}/24` });

// Interfaces start on line 9: eth0, eth1, eth2, bond0, eth3.
const NODES = {
  'c.yaml': CLUSTER,
  'server1.yaml': node('server1', 1, [
    '{ name: eth0, type: physical, segment: public, addresses: [192.0.2.11/24] }',
    '{ name: eth1, type: physical, segment: public }',
    '{ name: eth2, type: physical, segment: private, addresses: [198.51.100.11/24] }',
    '{ name: bond0, type: bond, segment: private, bond: { mode: active-backup, slaves: [eth3] } }',
    '{ name: eth3, type: physical }',
  ]),
  'server2.yaml': node('server2', 2, [
    '{ name: eth0, type: physical, segment: public, addresses: [192.0.2.12/24] }',
    '{ name: eth1, type: physical, segment: public }',
    '{ name: eth2, type: physical, segment: private, addresses: [198.51.100.12/24] }',
  ]),
};

interface Spec {
  address?: string;
  active?: string;
  placements?: string[];
  extra?: string[];
}

// spec starts on line 5: address (5), active (6), placements (7), the placements (8, 9, ...), extra after them.
const reloc = (name: string, s: Spec = {}) => `apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: ${name} }
spec:
  address: ${s.address ?? '192.0.2.50/24'}
  active: ${s.active ?? 'server1'}
  placements:
${(
  s.placements ?? [
    '{ node: server1, priority: 1, interface: eth0, backupInterface: eth1 }',
    '{ node: server2, priority: 10, interface: eth0 }',
  ]
)
  .map((p) => `    - ${p}\n`)
  .join('')}${(s.extra ?? []).map((l) => `  ${l}\n`).join('')}`;

function run(files: Record<string, string>) {
  return validateTexts({ ...NODES, ...files });
}

const one = (files: Files, ruleId: string): Diagnostic => oneFinding({ ...NODES, ...files }, ruleId);

function expectAt(d: Diagnostic, file: string, line: number, severity = 'error') {
  assert.equal(d.severity, severity);
  assert.equal(d.source?.file, `env/${file}`);
  assert.equal(d.source?.line, line);
}

describe('relocatable address rules', () => {
  it('a well-formed address with a backup interface and ping list passes every RA rule', () => {
    const r = run({
      'a.yaml': reloc('db', {
        extra: ['sourceAddress: true', 'health: { ping: { list: [192.0.2.1], broadcast: false } }'],
      }),
      'b.yaml': reloc('app', {
        address: '198.51.100.60/24',
        placements: [
          '{ node: server1, priority: 1, interface: eth2 }',
          '{ node: server2, priority: 2, interface: eth2 }',
        ],
        extra: ['sourceAddress: true', 'dependsOn: [db]'],
      }),
    });
    assert.deepEqual(
      r.diagnostics.filter((d) => d.ruleId.startsWith('RA')),
      [],
    );
  });

  it('RA001 rejects an undefined node, an undefined interface and a slave backup interface', () => {
    const noNode = one(
      {
        'a.yaml': reloc('db', {
          placements: [
            '{ node: server1, priority: 1, interface: eth0 }',
            '{ node: server9, priority: 2, interface: eth0 }',
          ],
        }),
      },
      'RA001',
    );
    assert.match(noNode.summary, /RelocatableAddress\/db: placement on Node\/server9, which is not defined/);
    expectAt(noNode, 'a.yaml', 9);
    const noIface = one(
      {
        'a.yaml': reloc('db', {
          placements: [
            '{ node: server1, priority: 1, interface: eth0 }',
            '{ node: server2, priority: 2, interface: eth7 }',
          ],
        }),
      },
      'RA001',
    );
    assert.match(noIface.summary, /interface server2\/eth7 is not defined on Node\/server2/);
    assert.deepEqual(noIface.objects, ['RelocatableAddress/db', 'Node/server2', 'server2/eth7']);
    const slave = one(
      {
        'a.yaml': reloc('db', {
          placements: ['{ node: server1, priority: 1, interface: eth2, backupInterface: eth3 }'],
          address: '198.51.100.50/24',
        }),
      },
      'RA001',
    );
    assert.match(slave.summary, /backup interface server1\/eth3 is a slave of bond bond0/);
    expectAt(slave, 'a.yaml', 8);
    assert.deepEqual(slave.related?.[0].source, { file: 'env/server1.yaml', line: 13, col: 15 });
  });

  it('RA002 rejects two placements with one priority', () => {
    const d = one(
      {
        'a.yaml': reloc('db', {
          placements: [
            '{ node: server1, priority: 5, interface: eth0 }',
            '{ node: server2, priority: 5, interface: eth0 }',
          ],
        }),
      },
      'RA002',
    );
    assert.match(d.summary, /placements on server2 and server1 both have priority 5/);
    assert.deepEqual(d.objects, ['RelocatableAddress/db', 'Node/server2', 'Node/server1']);
    expectAt(d, 'a.yaml', 9);
    assert.equal(d.related?.[0].source.line, 8);
  });

  it('RA003 rejects an active node without a placement', () => {
    const d = one(
      { 'a.yaml': reloc('db', { active: 'server2', placements: ['{ node: server1, priority: 1, interface: eth0 }'] }) },
      'RA003',
    );
    assert.match(d.summary, /active node server2 is not one of its placements \(server1\)/);
    expectAt(d, 'a.yaml', 6);
  });

  it('RA004 rejects a node placed twice', () => {
    const d = one(
      {
        'a.yaml': reloc('db', {
          placements: [
            '{ node: server1, priority: 1, interface: eth0 }',
            '{ node: server1, priority: 2, interface: eth1 }',
          ],
        }),
      },
      'RA004',
    );
    assert.match(d.summary, /Node\/server1 has two placements/);
    expectAt(d, 'a.yaml', 9);
  });

  it('RA005 rejects a backup equal to the primary and a backup on another segment', () => {
    const same = one(
      {
        'a.yaml': reloc('db', {
          placements: ['{ node: server1, priority: 1, interface: eth0, backupInterface: eth0 }'],
        }),
      },
      'RA005',
    );
    assert.match(same.summary, /backup interface server1\/eth0 is the primary interface itself/);
    expectAt(same, 'a.yaml', 8);
    const other = one(
      {
        'a.yaml': reloc('db', {
          placements: ['{ node: server1, priority: 1, interface: eth0, backupInterface: eth2 }'],
        }),
      },
      'RA005',
    );
    assert.equal(
      other.summary,
      'RelocatableAddress/db: primary interface server1/eth0 is on segment public, but ' +
        'backup interface server1/eth2 is on segment private',
    );
    assert.deepEqual(other.objects, ['RelocatableAddress/db', 'server1/eth0', 'server1/eth2']);
    assert.equal(other.related?.[1].source.line, 11);
  });

  it('RA006 rejects a backup interface shared by two addresses on one node', () => {
    const d = one(
      {
        'a.yaml': reloc('db'),
        'b.yaml': reloc('web', {
          address: '192.0.2.51/24',
          placements: ['{ node: server1, priority: 1, interface: eth0, backupInterface: eth1 }'],
        }),
      },
      'RA006',
    );
    assert.match(
      d.summary,
      /RelocatableAddress\/web: backup interface server1\/eth1 already backs RelocatableAddress\/db/,
    );
    expectAt(d, 'b.yaml', 8);
    assert.equal(d.related?.[0].source.file, 'env/a.yaml');
  });

  it('RA007 rejects two source addresses for one subnet on one node, and accepts them on different subnets', () => {
    const d = one(
      {
        'a.yaml': reloc('db', { extra: ['sourceAddress: true'] }),
        'b.yaml': reloc('web', {
          address: '192.0.2.51/24',
          placements: ['{ node: server2, priority: 1, interface: eth0 }'],
          active: 'server2',
          extra: ['sourceAddress: true'],
        }),
      },
      'RA007',
    );
    assert.match(
      d.summary,
      /RelocatableAddress\/web and RelocatableAddress\/db are both the source address of 192\.0\.2\.0\/24 on server2/,
    );
    expectAt(d, 'b.yaml', 9);
    const ok = run({
      'a.yaml': reloc('db', { extra: ['sourceAddress: true'] }),
      'b.yaml': reloc('web', {
        address: '198.51.100.51/24',
        placements: ['{ node: server2, priority: 1, interface: eth2 }'],
        active: 'server2',
        extra: ['sourceAddress: true'],
      }),
    });
    assert.deepEqual(findingsOf(ok, 'RA007'), []);
  });

  it("RA008 rejects ping targets of the wrong family or on the cluster's own nodes, and IPv6 broadcast ping", () => {
    const r = run({
      'a.yaml': reloc('db', {
        extra: ['health:', '  ping:', '    list: [192.0.2.1, "2001:db8::1", 192.0.2.12, 203.0.113.11]'],
      }),
    });
    const found = findingsOf(r, 'RA008');
    assert.deepEqual(
      found.map((d) => d.summary).sort(),
      [
        'RelocatableAddress/db: ping-list address 2001:db8::1 is IPv6, but 192.0.2.50/24 is IPv4',
        'RelocatableAddress/db: ping-list address 192.0.2.12 is an address of server2/eth0',
        'RelocatableAddress/db: ping-list address 203.0.113.11 is the management address of server1',
      ].sort(),
    );
    for (const d of found) expectAt(d, 'a.yaml', 12);
    const own = found.find((d) => d.summary.includes('server2/eth0'));
    assert.deepEqual(own?.related?.[0].source, { file: 'env/server2.yaml', line: 9, col: 66 });
    const v6 = one(
      { 'a.yaml': reloc('db', { address: '"2001:db8:1::50/64"', extra: ['health: { ping: { broadcast: true } }'] }) },
      'RA008',
    );
    assert.match(v6.summary, /broadcast ping for IPv6 address 2001:db8:1::50\/64/);
    expectAt(v6, 'a.yaml', 10);
  });

  it('RA008 checks a ping list inherited from the cluster defaults', () => {
    const cluster = `${CLUSTER}  defaults:\n    health: { ping: { list: [192.0.2.11] } }\n`;
    const r = run({ 'c.yaml': cluster, 'a.yaml': reloc('db', { address: '"2001:db8:1::50/64"' }) });
    const found = findingsOf(r, 'RA008');
    assert.deepEqual(
      found.map((d) => [d.source?.file, d.source?.line, d.summary]),
      [
        ['env/a.yaml', 5, 'RelocatableAddress/db: ping-list address 192.0.2.11 is IPv4, but 2001:db8:1::50/64 is IPv6'],
        ['env/c.yaml', 9, 'Cluster/test: ping-list address 192.0.2.11 is an address of server1/eth0'],
      ],
    );
  });

  it('RA012 refuses coordinatorLoss hold with the uniqueness check disabled, on the address or by the defaults', () => {
    const own = one(
      { 'a.yaml': reloc('db', { extra: ['coordinatorLoss: hold', 'uniquenessCheck: { enabled: false }'] }) },
      'RA012',
    );
    assert.match(own.summary, /RelocatableAddress\/db: coordinatorLoss hold with the uniqueness check disabled/);
    expectAt(own, 'a.yaml', 10);
    const inherited = `${CLUSTER}  defaults:\n    coordinatorLoss: hold\n    uniquenessCheck: { enabled: false }\n`;
    const both = one({ 'c.yaml': inherited, 'a.yaml': reloc('db') }, 'RA012');
    expectAt(both, 'a.yaml', 5);
    assert.deepEqual(
      both.related?.map((r) => [r.source.file, r.source.line]),
      [
        ['env/c.yaml', 9],
        ['env/c.yaml', 10],
      ],
    );
    // hold with the check on (the default), and release with it off, are both fine.
    const held = run({ 'a.yaml': reloc('db', { extra: ['coordinatorLoss: hold'] }) });
    assert.deepEqual(findingsOf(held, 'RA012'), []);
    const released = run({
      'a.yaml': reloc('db', { extra: ['coordinatorLoss: release', 'uniquenessCheck: { enabled: false }'] }),
    });
    assert.deepEqual(findingsOf(released, 'RA012'), []);
    const overridden = run({
      'c.yaml': inherited,
      'a.yaml': reloc('db', { extra: ['uniquenessCheck: { enabled: true }'] }),
    });
    assert.deepEqual(findingsOf(overridden, 'RA012'), []);
  });

  it('RA009 rejects an undefined dependency and reports the path of a cycle', () => {
    const missing = one({ 'a.yaml': reloc('db', { extra: ['dependsOn: [nfs]'] }) }, 'RA009');
    assert.match(missing.summary, /depends on RelocatableAddress\/nfs, which is not defined/);
    expectAt(missing, 'a.yaml', 10);
    const cycle = one(
      {
        'a.yaml': reloc('db', { extra: ['dependsOn: [web]'] }),
        'b.yaml': reloc('web', {
          address: '192.0.2.51/24',
          placements: [
            '{ node: server1, priority: 1, interface: eth0 }',
            '{ node: server2, priority: 10, interface: eth0 }',
          ],
          extra: ['dependsOn: [nfs]'],
        }),
        'c2.yaml': reloc('nfs', {
          address: '192.0.2.52/24',
          placements: [
            '{ node: server1, priority: 1, interface: eth0 }',
            '{ node: server2, priority: 10, interface: eth0 }',
          ],
          extra: ['dependsOn: [db]'],
        }),
      },
      'RA009',
    );
    assert.equal(cycle.summary, 'RelocatableAddress/nfs: dependsOn forms a cycle db -> web -> nfs -> db');
    assert.deepEqual(cycle.objects, ['RelocatableAddress/db', 'RelocatableAddress/web', 'RelocatableAddress/nfs']);
    expectAt(cycle, 'c2.yaml', 10);
    assert.deepEqual(
      cycle.related?.map((x) => x.source.file),
      ['env/a.yaml', 'env/b.yaml'],
    );
    const self = one({ 'a.yaml': reloc('db', { extra: ['dependsOn: [db]'] }) }, 'RA009');
    assert.match(self.summary, /cycle db -> db/);
  });

  it('RA010 rejects a dependency that cannot live on every node of the dependent address', () => {
    const d = one(
      {
        'a.yaml': reloc('db', { extra: ['dependsOn: [nfs]'] }),
        'b.yaml': reloc('nfs', {
          address: '192.0.2.52/24',
          placements: ['{ node: server1, priority: 1, interface: eth0 }'],
        }),
      },
      'RA010',
    );
    assert.equal(
      d.summary,
      'RelocatableAddress/db: depends on RelocatableAddress/nfs, which has no placement on server2',
    );
    assert.ok(d.objects.includes('Node/server2'));
    expectAt(d, 'a.yaml', 10);
    assert.equal(d.related?.[0].source.file, 'env/b.yaml');
  });

  it('RA011 rejects an address active on another node than its dependency', () => {
    const d = one(
      {
        'a.yaml': reloc('db', { extra: ['dependsOn: [nfs]'] }),
        'b.yaml': reloc('nfs', { address: '192.0.2.52/24', active: 'server2' }),
      },
      'RA011',
    );
    assert.match(
      d.summary,
      /RelocatableAddress\/db is active on server1, but its dependency RelocatableAddress\/nfs is active on server2/,
    );
    expectAt(d, 'a.yaml', 6);
    assert.equal(d.related?.[0].source.line, 6);
  });
});
