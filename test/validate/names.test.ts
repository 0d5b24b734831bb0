import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLUSTER, findingsOf, validateTexts } from '../helpers/env.js';

const node = (ifaces: string) => `apiVersion: tandem/v1
kind: Node
metadata: { name: n1 }
spec:
  provider: p1
  connection: { transport: sim }
  interfaces:
${ifaces}`;

describe('names rules', () => {
  it('NAME001 reports an interface defined twice, at the second definition', () => {
    const r = validateTexts({
      'c.yaml': CLUSTER,
      'n.yaml': node('    - { name: eth0, type: physical }\n    - { name: eth0, type: physical }\n'),
    });
    const [d] = findingsOf(r, 'NAME001');
    assert.ok(d, 'NAME001 expected');
    assert.deepEqual(d.source, { file: 'env/n.yaml', line: 9, col: 15 });
    assert.equal(d.related?.[0].source.line, 8);
    assert.match(d.summary, /n1: interface eth0 is defined twice/);
    assert.equal(r.valid, false);
  });

  it('NAME001 passes distinct names', () => {
    const r = validateTexts({
      'c.yaml': CLUSTER,
      'n.yaml': node('    - { name: eth0, type: physical }\n    - { name: eth1, type: physical }\n'),
    });
    assert.deepEqual(findingsOf(r, 'NAME001'), []);
  });

  it('NAME002 (schema) rejects a 16-byte interface name with its position', () => {
    const r = validateTexts({
      'c.yaml': CLUSTER,
      'n.yaml': node('    - { name: abcdefghijklmnop, type: physical }\n'),
    });
    const [d] = findingsOf(r, 'NAME002');
    assert.ok(d);
    assert.deepEqual(d.source, { file: 'env/n.yaml', line: 8, col: 15 });
  });

  it('NAME003 rejects a label that makes the alias longer than 15 bytes', () => {
    const reloc = (label: string) => `apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: a1 }
spec:
  address: 192.0.2.50/24
  active: n1
  placements:
    - { node: n1, interface: eth0, priority: 1, label: ${label} }
`;
    const n = node('    - { name: eth0, type: physical, segment: public, addresses: [192.0.2.10/24] }\n');
    const bad = validateTexts({ 'c.yaml': CLUSTER, 'n.yaml': n, 'a.yaml': reloc('verylonglabel') });
    const [d] = findingsOf(bad, 'NAME003');
    assert.ok(d);
    assert.match(d.summary, /eth0:verylonglabel/);
    assert.equal(d.source?.line, 8);
    const good = validateTexts({ 'c.yaml': CLUSTER, 'n.yaml': n, 'a.yaml': reloc('db') });
    assert.deepEqual(findingsOf(good, 'NAME003'), []);
  });
});
