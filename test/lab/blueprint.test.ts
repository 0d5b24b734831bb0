// The lab's blueprint (pure, no root needed): names, kernel mappings, batch lines and
// client addresses computed from the desired state.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildBlueprint, kernelNameProblem, vethBatchLines, type LabBlueprint } from '../../src/lab/blueprint.js';
import { hostsFromTop, parseCidr } from '../../src/model/ip.js';
import { validateEnvironment } from '../../src/validate/index.js';
import { CLUSTER, validateTexts } from '../helpers/env.js';

function blueprintOf(nodes: string, withAddresses = true, extra = ''): LabBlueprint {
  const v = validateTexts({ 'cluster.yaml': CLUSTER, 'nodes.yaml': nodes + extra });
  assert.ok(v.model && v.valid, v.diagnostics.map((d) => `${d.ruleId} ${d.summary}`).join('\n'));
  const r = buildBlueprint(v.model, { withAddresses });
  assert.ok(r.ok, r.ok ? '' : r.problems.join('\n'));
  return r.blueprint;
}

const NODES = `apiVersion: tandem/v1
kind: Node
metadata: { name: n1 }
spec:
  provider: p1
  connection: { transport: sim }
  management: 203.0.113.1/24
  interfaces:
    - { name: mgmt0, type: physical, addresses: [203.0.113.1/24] }
    - { name: eth0, type: physical, segment: public, addresses: [192.0.2.1/24, "2001:db8:1::1/64"] }
    - name: bond0
      type: bond
      segment: private
      addresses: [198.51.100.1/24]
      bond: { mode: active-backup, slaves: [eth2, eth3] }
    - { name: eth2, type: physical, segment: private }
    - { name: eth3, type: physical, segment: private }
    - { name: lo, type: loopback, addresses: [203.0.113.201/32] }
    - { name: lo1, type: loopback, addresses: ["2001:db8:ff::1/128"] }
---
apiVersion: tandem/v1
kind: Node
metadata: { name: n2 }
spec:
  provider: p1
  connection: { transport: netns, namespace: lab-n2 }
  interfaces:
    - name: eth0
      type: physical
      segment: public
      addresses: [192.0.2.2/24]
      routes: [{ to: default, via: 192.0.2.253 }]
`;

const RELOCATABLE = `---
apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: svc }
spec:
  address: 192.0.2.254/24
  active: n1
  placements:
    - { node: n1, priority: 1, interface: eth0 }
    - { node: n2, priority: 2, interface: eth0 }
`;

describe('lab blueprint', () => {
  it('names one namespace per node, a bridge and a client per segment, and a management hub', () => {
    const bp = blueprintOf(NODES);
    assert.deepEqual(
      bp.namespaces.map((n) => `${n.role}:${n.name}`),
      [
        'node:tdm-n1',
        'node:lab-n2',
        'segment:tdm-seg-public',
        'client:tdm-cli-public',
        'segment:tdm-seg-private',
        'client:tdm-cli-private',
        'mgmt:tdm-mgmt-test',
      ],
    );
  });

  it('gives veth peers short, unique, stable names and puts each where it belongs', () => {
    const bp = blueprintOf(NODES);
    assert.deepEqual(bp, blueprintOf(NODES), 'deterministic');
    for (const v of bp.veths) assert.match(v.peer, /^tv[0-9a-f]{12}$/);
    const perNamespace = new Map<string, string[]>();
    for (const v of bp.veths) perNamespace.set(v.peerNamespace, [...(perNamespace.get(v.peerNamespace) ?? []), v.peer]);
    for (const peers of perNamespace.values()) assert.equal(new Set(peers).size, peers.length);
    const where = (ns: string, name: string) => bp.veths.find((v) => v.namespace === ns && v.name === name);
    assert.deepEqual(
      bp.veths
        .filter((v) => v.namespace === 'tdm-n1')
        .map((v) => `${v.name}>${v.peerNamespace}${v.bridged ? '' : ' parked'}`),
      [
        'mgmt0>tdm-mgmt-test',
        'eth0>tdm-seg-public',
        'bond0>tdm-seg-private',
        'eth2>tdm-seg-private',
        'eth3>tdm-seg-private',
        'lo1>tdm-mgmt-test parked',
      ],
      'lo is the namespace loopback, never a veth',
    );
    assert.equal(where('tdm-cli-public', 'eth0')?.peerNamespace, 'tdm-seg-public');
    assert.equal(
      vethBatchLines(bp)[0],
      `link add name mgmt0 netns tdm-n1 type veth peer name ${where('tdm-n1', 'mgmt0')!.peer} netns tdm-mgmt-test`,
    );
  });

  it('maps bond and loopback onto veths and says so, without enslaving the slaves', () => {
    const bp = blueprintOf(NODES);
    assert.deepEqual(
      bp.mappings.map((m) => `${m.node} ${m.iface}: ${m.note}`),
      [
        'n1 bond0: bond mapped to veth (no bonding in this kernel)',
        'n1 lo1: loopback mapped to veth with a parked peer (no dummy devices in this kernel)',
      ],
    );
    const lines = bp.batches.find((b) => b.namespace === 'tdm-n1')!.lines;
    assert.ok(!lines.some((l) => l.includes('master')), 'no slave is enslaved in the node');
    const seg = bp.batches.find((b) => b.namespace === 'tdm-seg-private')!.lines;
    assert.deepEqual(seg.slice(0, 2), ['link add name br0 type bridge', 'link set dev br0 up']);
    assert.equal(seg.filter((l) => l.endsWith('master br0')).length, 4, 'bond0, eth2, eth3 and the client');
    const mgmt = bp.batches.find((b) => b.namespace === 'tdm-mgmt-test')!.lines;
    const parked = bp.veths.find((v) => v.name === 'lo1')!.peer;
    assert.ok(mgmt.includes(`link set dev ${parked} up`) && !mgmt.includes(`link set dev ${parked} master br0`));
  });

  it('adds only management addresses by default and every static address with --with-addresses', () => {
    const wiring = blueprintOf(NODES, false).batches.find((b) => b.namespace === 'tdm-n1')!.lines;
    assert.deepEqual(
      wiring.filter((l) => l.startsWith('address')),
      ['address add 203.0.113.1/24 dev mgmt0'],
    );
    assert.equal(wiring[0], 'link set dev lo up');
    const full = blueprintOf(NODES, true).batches.find((b) => b.namespace === 'tdm-n1')!.lines;
    assert.deepEqual(
      full.filter((l) => l.startsWith('address')),
      [
        'address add 203.0.113.1/24 dev mgmt0',
        'address add 192.0.2.1/24 dev eth0',
        'address add 2001:db8:1::1/64 dev eth0',
        'address add 198.51.100.1/24 dev bond0',
        'address add 203.0.113.201/32 dev lo',
        'address add 2001:db8:ff::1/128 dev lo1',
      ],
    );
    assert.ok(
      full.indexOf('address add 192.0.2.1/24 dev eth0') < full.indexOf('link set dev eth0 up'),
      'addresses before link up',
    );
  });

  it('gives each client the highest free address of its first subnet', () => {
    const bp = blueprintOf(NODES, true, RELOCATABLE);
    assert.deepEqual(
      bp.clients.map((c) => `${c.namespace} ${c.address}`),
      ['tdm-cli-public 192.0.2.252/24', 'tdm-cli-private 198.51.100.254/24'],
      '.254 is a relocatable address and .253 a gateway',
    );
    assert.deepEqual(hostsFromTop(parseCidr('192.0.2.0/24')!, 2), ['192.0.2.254', '192.0.2.253']);
    assert.deepEqual(hostsFromTop(parseCidr('192.0.2.8/31')!, 5), ['192.0.2.9', '192.0.2.8']);
    assert.deepEqual(hostsFromTop(parseCidr('2001:db8:1::/64')!, 1), ['2001:db8:1:0:ffff:ffff:ffff:ffff']);
  });

  it('notes a management address that no interface carries (an environment validate refuses with ADDR008)', () => {
    const nodes = NODES.replace('management: 203.0.113.1/24', 'management: 203.0.113.9/24');
    const v = validateTexts({ 'cluster.yaml': CLUSTER, 'nodes.yaml': nodes });
    assert.deepEqual(
      v.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId),
      ['ADDR008'],
    );
    assert.ok(v.model);
    const r = buildBlueprint(v.model, { withAddresses: false });
    assert.ok(r.ok);
    assert.ok(
      r.blueprint.notes.includes(
        'n1: management address 203.0.113.9/24 is on none of its interfaces; the lab does not configure it',
      ),
    );
  });

  it('refuses a node whose namespace would be a segment namespace', () => {
    const v = validateTexts({
      'cluster.yaml': CLUSTER,
      'nodes.yaml': `apiVersion: tandem/v1
kind: Node
metadata: { name: seg-public }
spec:
  provider: p1
  connection: { transport: sim }
  interfaces: [{ name: eth0, type: physical, segment: public }]
`,
    });
    assert.ok(v.model);
    const r = buildBlueprint(v.model, { withAddresses: false });
    assert.equal(r.ok, false);
    assert.deepEqual(r.ok ? [] : r.problems, [
      'namespace tdm-seg-public would stand for both node seg-public and segment public; rename one of them',
    ]);
  });

  it('accepts only names that cannot be read as options or split in a batch line', () => {
    assert.equal(kernelNameProblem('eth0', 'interface'), null);
    assert.equal(kernelNameProblem('tdm-seg-public', 'namespace'), null);
    for (const bad of ['-force', '..', '.', 'a b', 'abcdefghijklmnop', ''])
      assert.notEqual(kernelNameProblem(bad, 'interface'), null, bad);
    for (const bad of ['-n', '..', 'a/b', 'x y']) assert.notEqual(kernelNameProblem(bad, 'namespace'), null, bad);
  });

  it('builds the shipped demo environment', async () => {
    const v = await validateEnvironment('environments/demo');
    assert.ok(v.model);
    const r = buildBlueprint(v.model, { withAddresses: false });
    assert.ok(r.ok);
    assert.deepEqual(
      r.blueprint.clients.map((c) => c.address),
      ['192.0.2.254/24', '198.51.100.254/24'],
    );
  });
});
