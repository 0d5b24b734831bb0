import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/diagnostics.js';
import { CLUSTER, type Files, findings, lineOf, one, validateTexts, nodeDoc } from '../helpers/env.js';

const node = (name: string, ifaces: string[]) => nodeDoc(name, ifaces);

const eth = (name: string, extra = '') => `{ name: ${name}, type: physical, segment: public${extra} }`;
const bond = (name: string, slaves: string, extra = '') =>
  `{ name: ${name}, type: bond, segment: public, addresses: [192.0.2.10/24], ` +
  `bond: { mode: active-backup, slaves: [${slaves}] }${extra} }`;

/** Asserts the finding's source is at `needle` in n1.yaml, and its first related place at `related`. */
function expectAt(d: Diagnostic, files: Files, needle: string, related?: string) {
  assert.equal(d.source?.file, 'env/n1.yaml');
  assert.equal(d.source?.line, lineOf(files['n1.yaml'], needle));
  if (related) assert.equal(d.related?.[0].source.line, lineOf(files['n1.yaml'], related));
}

const withNode = (ifaces: string[]): Files => ({ 'c.yaml': CLUSTER, 'n1.yaml': node('n1', ifaces) });

const GOOD = withNode([eth('eth1'), eth('eth2'), bond('bond0', 'eth1, eth2')]);

describe('bond rules', () => {
  it('a bond of two bare physical slaves passes every BOND rule', () => {
    const r = validateTexts(GOOD);
    assert.deepEqual(
      r.diagnostics.filter((d) => d.ruleId.startsWith('BOND')),
      [],
    );
    assert.equal(r.valid, true);
  });

  it('BOND001 rejects a bond without settings and settings on a non-bond', () => {
    const files = withNode([
      '{ name: bond0, type: bond }',
      '{ name: eth1, type: physical, bond: { mode: active-backup, slaves: [eth2] } }',
      eth('eth2'),
    ]);
    const [missing, stray] = findings(files, 'BOND001');
    assert.equal(missing.severity, 'error');
    assert.equal(missing.summary, 'Node/n1: bond interface bond0 has no bond settings');
    assert.deepEqual(missing.objects, ['Node/n1', 'n1/bond0']);
    expectAt(missing, files, 'name: bond0');
    assert.equal(stray.summary, 'Node/n1: interface eth1 has bond settings but is of type physical');
    assert.deepEqual(stray.objects, ['Node/n1', 'n1/eth1']);
    expectAt(stray, files, 'name: eth1');
  });

  it('BOND002 rejects a slave that is not an interface of the node', () => {
    const files = { ...withNode([eth('eth1'), bond('bond0', 'eth1, eth9')]), 'n2.yaml': node('n2', [eth('eth9')]) };
    const d = one(files, 'BOND002');
    assert.equal(d.severity, 'error');
    assert.equal(d.summary, 'Node/n1: bond bond0 enslaves eth9, which is not an interface of the node');
    assert.deepEqual(d.objects, ['Node/n1', 'n1/bond0', 'n1/eth9']);
    expectAt(d, files, 'eth9');
  });

  it('BOND003 rejects a slave that is not physical', () => {
    const files = withNode(['{ name: lo, type: loopback }', eth('eth1'), bond('bond0', 'eth1, lo')]);
    const d = one(files, 'BOND003');
    assert.equal(d.severity, 'error');
    assert.equal(d.summary, 'Node/n1: bond bond0 enslaves lo, which is a loopback interface');
    assert.deepEqual(d.objects, ['Node/n1', 'n1/bond0', 'n1/lo']);
    expectAt(d, files, 'slaves: [eth1, lo]', 'name: lo');
  });

  it('BOND004 rejects a slave with addresses, routes or neighbours', () => {
    const files = withNode([
      eth('eth1', ', addresses: [192.0.2.11/24], routes: [{ to: default, via: 192.0.2.1 }]'),
      eth('eth2', ', neighbors: [{ address: 192.0.2.1, lladdr: "02:00:00:00:00:01" }]'),
      bond('bond0', 'eth1, eth2'),
    ]);
    const found = findings(files, 'BOND004');
    assert.deepEqual(
      found.map((d) => d.summary),
      [
        'Node/n1: interface eth1 is a slave of bond0 but has addresses and routes',
        'Node/n1: interface eth2 is a slave of bond0 but has neighbors',
      ],
    );
    assert.equal(found[0].severity, 'error');
    assert.deepEqual(found[0].objects, ['Node/n1', 'n1/bond0', 'n1/eth1']);
    expectAt(found[0], files, 'name: eth1', 'slaves: [eth1');
    expectAt(found[1], files, 'name: eth2');
  });

  it('BOND005 rejects a slave of two bonds, or listed twice', () => {
    const files = withNode([
      eth('eth1'),
      eth('eth2'),
      bond('bond0', 'eth1, eth2'),
      '{ name: bond1, type: bond, bond: { mode: active-backup, slaves: [eth2, eth2] } }',
    ]);
    const found = findings(files, 'BOND005');
    assert.deepEqual(
      found.map((d) => d.summary),
      ['Node/n1: interface eth2 is a slave of both bond0 and bond1', 'Node/n1: bond bond1 lists slave eth2 twice'],
    );
    assert.equal(found[0].severity, 'error');
    assert.deepEqual(found[0].objects, ['Node/n1', 'n1/bond1', 'n1/eth2', 'n1/bond0']);
    expectAt(found[0], files, 'name: bond1', 'name: bond0');
  });

  it('BOND006 rejects a slave with failover of its own', () => {
    const files = {
      ...withNode([eth('eth1', ', failover: { node: n2, interface: eth1 }'), eth('eth2'), bond('bond0', 'eth1, eth2')]),
      'n2.yaml': node('n2', [eth('eth1')]),
    };
    const d = one(files, 'BOND006');
    assert.equal(d.severity, 'error');
    assert.equal(d.summary, 'Node/n1: interface eth1 is a slave of bond0 but has failover to n2/eth1');
    assert.deepEqual(d.objects, ['Node/n1', 'n1/bond0', 'n1/eth1']);
    expectAt(d, files, 'name: eth1', 'slaves:');
  });

  it('BOND006 passes failover configured on the bond', () => {
    const files = {
      ...withNode([
        eth('eth1'),
        eth('eth2'),
        bond('bond0', 'eth1, eth2', ', failover: { node: n2, interface: bond0 }'),
      ]),
      'n2.yaml': node('n2', [eth('eth1'), bond('bond0', 'eth1')]),
    };
    assert.deepEqual(findings(files, 'BOND006'), []);
  });

  it('BOND007 warns about slaves on another segment than the bond, or than each other', () => {
    const files = withNode([
      eth('eth1'),
      '{ name: eth2, type: physical, segment: private }',
      bond('bond0', 'eth1, eth2'),
    ]);
    const d = one(files, 'BOND007');
    assert.equal(d.severity, 'warning');
    assert.equal(d.summary, 'Node/n1: slave eth2 is on segment private, but bond bond0 is on public');
    assert.deepEqual(d.objects, ['Node/n1', 'n1/bond0', 'n1/eth2']);
    expectAt(d, files, 'segment: private', 'name: bond0');

    const noBondSegment = withNode([
      eth('eth1'),
      '{ name: eth2, type: physical, segment: private }',
      '{ name: bond0, type: bond, bond: { mode: active-backup, slaves: [eth1, eth2] } }',
    ]);
    assert.equal(
      one(noBondSegment, 'BOND007').summary,
      'Node/n1: slaves eth1 and eth2 of bond bond0 are on different segments (public, private)',
    );
  });

  it("BOND007 passes slaves on the bond's segment or without one", () => {
    assert.deepEqual(
      findings(withNode([eth('eth1'), '{ name: eth2, type: physical }', bond('bond0', 'eth1, eth2')]), 'BOND007'),
      [],
    );
  });
});
