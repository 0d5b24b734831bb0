import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/diagnostics.js';
import { CLUSTER, findingsOf, validateTexts, nodeDoc } from '../helpers/env.js';

const node = (name: string, ifaces: string[], provider = 'p1') => nodeDoc(name, ifaces, { provider });

// Interfaces start on line 8 of a node file.
const eth = (name: string, extra = '') => `{ name: ${name}, type: physical, segment: public${extra} }`;
const fo = (n: string, i: string) => `, failover: { node: ${n}, interface: ${i} }`;

const GOOD = {
  'c.yaml': CLUSTER,
  'clim1.yaml': node('clim1', [eth('eth2', `, addresses: [192.0.2.10/24]${fo('clim2', 'eth3')}`)]),
  'clim2.yaml': node('clim2', [eth('eth3', `, addresses: [192.0.2.20/24]${fo('clim1', 'eth2')}`)]),
};

function one(files: Record<string, string>, ruleId: string): Diagnostic {
  const found = findingsOf(validateTexts(files), ruleId);
  assert.equal(found.length, 1, `exactly one ${ruleId} expected, got ${JSON.stringify(found.map((d) => d.summary))}`);
  return found[0];
}

function expectAt(d: Diagnostic, file: string, line: number) {
  assert.equal(d.source?.file, `env/${file}`);
  assert.equal(d.source?.line, line);
}

describe('failover rules', () => {
  it('a mutual pair on one provider and segment passes every FO rule', () => {
    const r = validateTexts(GOOD);
    assert.deepEqual(
      r.diagnostics.filter((d) => d.ruleId.startsWith('FO')),
      [],
    );
    assert.equal(r.valid, true);
  });

  it('FO001 rejects failover to the home node', () => {
    const d = one(
      { ...GOOD, 'clim1.yaml': node('clim1', [eth('eth2', fo('clim2', 'eth3')), eth('eth4', fo('clim1', 'eth2'))]) },
      'FO001',
    );
    assert.equal(d.severity, 'error');
    assert.match(d.summary, /Node\/clim1: eth4 fails over to clim1\/eth2, on its own node/);
    assert.deepEqual(d.objects, ['Node/clim1', 'clim1/eth4', 'clim1/eth2']);
    expectAt(d, 'clim1.yaml', 9);
  });

  it('FO002 rejects a missing failover node and a missing failover interface', () => {
    const noNode = one({ ...GOOD, 'clim1.yaml': node('clim1', [eth('eth2', fo('clim9', 'eth3'))]) }, 'FO002');
    assert.match(noNode.summary, /eth2 fails over to clim9\/eth3, but Node\/clim9 is not defined/);
    assert.ok(noNode.objects.includes('Node/clim9'));
    expectAt(noNode, 'clim1.yaml', 8);
    const noIface = one({ ...GOOD, 'clim1.yaml': node('clim1', [eth('eth2', fo('clim2', 'eth7'))]) }, 'FO002');
    assert.match(noIface.summary, /but Node\/clim2 has no interface eth7/);
    assert.equal(noIface.related?.[0].source.file, 'env/clim2.yaml');
  });

  it('FO003 rejects a tunnel or slave as failover interface, and failover on a slave', () => {
    const clim2 = node('clim2', [
      '{ name: bond0, type: bond, bond: { mode: active-backup, slaves: [eth3] } }',
      eth('eth3'),
      '{ name: tun0, type: tunnel, tunnel: { mode: sit, local: 192.0.2.20, remote: 203.0.113.9 } }',
    ]);
    const toTunnel = one(
      { ...GOOD, 'clim1.yaml': node('clim1', [eth('eth2', fo('clim2', 'tun0'))]), 'clim2.yaml': clim2 },
      'FO003',
    );
    assert.match(toTunnel.summary, /eth2 fails over to clim2\/tun0, which is a tunnel interface/);
    assert.equal(toTunnel.related?.[0].source.line, 10);
    expectAt(toTunnel, 'clim1.yaml', 8);
    const toSlave = one(
      { ...GOOD, 'clim1.yaml': node('clim1', [eth('eth2', fo('clim2', 'eth3'))]), 'clim2.yaml': clim2 },
      'FO003',
    );
    assert.match(toSlave.summary, /clim2\/eth3, which is a slave of bond bond0/);
    assert.deepEqual(toSlave.objects, ['Node/clim1', 'clim1/eth2', 'clim2/eth3']);
    const fromLoopback = one(
      {
        ...GOOD,
        'clim1.yaml': node('clim1', [
          '{ name: lo, type: loopback }',
          eth('eth2'),
          `{ name: lo1, type: loopback${fo('clim2', 'eth3')} }`,
        ]),
      },
      'FO003',
    );
    assert.match(fromLoopback.summary, /Node\/clim1: lo1 has failover to clim2\/eth3, but is a loopback interface/);
    assert.deepEqual(fromLoopback.objects, ['Node/clim1', 'clim1/lo1']);
    expectAt(fromLoopback, 'clim1.yaml', 10);
  });

  it('FO003 leaves failover on a slave to BOND006 (one report per mistake)', () => {
    const r = validateTexts({
      ...GOOD,
      'clim1.yaml': node('clim1', [
        '{ name: bond0, type: bond, bond: { mode: active-backup, slaves: [eth2] } }',
        eth('eth2', fo('clim2', 'eth3')),
      ]),
      'clim2.yaml': node('clim2', [eth('eth3')]),
    });
    assert.deepEqual(findingsOf(r, 'FO003'), []);
    assert.equal(findingsOf(r, 'BOND006').length, 1);
  });

  it('FO003 accepts a bond as failover interface', () => {
    const r = validateTexts({
      ...GOOD,
      'clim1.yaml': node('clim1', [eth('eth2', fo('clim2', 'bond0'))]),
      'clim2.yaml': node('clim2', [
        '{ name: bond0, type: bond, segment: public, bond: { mode: active-backup, slaves: [eth3] } }',
        eth('eth3'),
      ]),
    });
    assert.deepEqual(findingsOf(r, 'FO003'), []);
  });

  it('FO004 rejects a pair that does not name each other', () => {
    const d = one(
      {
        ...GOOD,
        'clim2.yaml': node('clim2', [eth('eth3', fo('clim3', 'eth1'))]),
        'clim3.yaml': node('clim3', [eth('eth1')]),
      },
      'FO004',
    );
    assert.equal(d.summary, 'Node/clim1: eth2 fails over to clim2/eth3, but clim2/eth3 fails over to clim3/eth1');
    assert.deepEqual(d.objects, ['Node/clim1', 'clim1/eth2', 'clim2/eth3', 'clim3/eth1']);
    expectAt(d, 'clim1.yaml', 8);
    assert.deepEqual(d.related?.[0].source.file, 'env/clim2.yaml');
    assert.equal(d.related?.[0].source.line, 8);
  });

  it('FO005 rejects an interface targeted twice, at the second one', () => {
    const d = one(
      {
        ...GOOD,
        'clim2.yaml': node('clim2', [eth('eth3')]),
        'clim3.yaml': node('clim3', [eth('eth1', fo('clim2', 'eth3'))]),
      },
      'FO005',
    );
    assert.match(
      d.summary,
      /Node\/clim3: eth1 fails over to clim2\/eth3, which is already the failover target of clim1\/eth2/,
    );
    assert.ok(d.objects.includes('clim1/eth2'));
    expectAt(d, 'clim3.yaml', 8);
    assert.equal(d.related?.[0].source.file, 'env/clim1.yaml');
  });

  it('FO006 rejects failover across providers', () => {
    const d = one({ ...GOOD, 'clim2.yaml': node('clim2', [eth('eth3')], 'p2') }, 'FO006');
    assert.match(d.summary, /clim1 has provider p1 and clim2 has provider p2/);
    expectAt(d, 'clim1.yaml', 5);
    assert.equal(d.related?.[0].source.file, 'env/clim2.yaml');
  });

  it('FO007 warns that a held-down interface does not fail over', () => {
    const d = one(
      { ...GOOD, 'clim1.yaml': node('clim1', [eth('eth2', `, state: down${fo('clim2', 'eth3')}`)]) },
      'FO007',
    );
    assert.equal(d.severity, 'warning');
    assert.match(d.summary, /Node\/clim1: eth2 is held down, so its failover to clim2\/eth3 is suppressed/);
    expectAt(d, 'clim1.yaml', 8);
    assert.equal(findingsOf(validateTexts(GOOD), 'FO007').length, 0);
  });

  it('FO008 warns when the partner is on another segment, also when the segment is inferred from addresses', () => {
    const d = one(
      {
        ...GOOD,
        'clim2.yaml': node('clim2', ['{ name: eth3, type: physical, addresses: [198.51.100.20/24] }']),
      },
      'FO008',
    );
    assert.equal(d.severity, 'warning');
    assert.match(d.summary, /clim1\/eth2 is on segment public and clim2\/eth3 on segment private/);
    expectAt(d, 'clim1.yaml', 8);
  });
});
