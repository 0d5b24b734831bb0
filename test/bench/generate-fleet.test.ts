// The fleet generator feeds the validate (and later the plan) benchmarks; a fleet that
// is not valid would time the early exit instead of the rules, so check it here, small.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateFleet } from '../../bench/generate-fleet.js';
import { loadFromTexts } from '../../src/load/load-environment.js';
import { validateLoaded } from '../../src/validate/index.js';

function validate(files: Map<string, string>) {
  return validateLoaded(loadFromTexts('fleet', new Map([...files].map(([name, text]) => [`fleet/${name}`, text]))));
}

describe('generateFleet', () => {
  it('generates a valid environment without warnings, one file per rack and kind', () => {
    const fleet = generateFleet({ nodes: 41, relocatables: 300, ipsecPolicies: 25, rackSize: 10 });
    const result = validate(fleet.files);
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.ruleId} ${d.summary}`),
      [],
    );
    assert.equal(result.env.documents.length, fleet.documents);
    assert.equal(fleet.documents, 1 + 41 + 300 + 25);
    assert.deepEqual(
      [...fleet.files.keys()].filter((f) => f.startsWith('nodes-')),
      ['nodes-r000.yaml', 'nodes-r001.yaml', 'nodes-r002.yaml', 'nodes-r003.yaml', 'nodes-r004.yaml'],
    );
    const model = result.model!;
    assert.equal(model.nodes.length, 41);
    assert.equal(model.relocatables.length, 300);
    assert.ok(model.relocatables.every((r) => r.doc.spec.placements.length === 2));
    assert.ok(
      model.nodes.some((n) => n.doc.spec.interfaces.some((i) => i.failover)),
      'some failover pairs',
    );
    assert.ok(model.nodes.every((n) => n.doc.spec.interfaces.length === 3));
  });

  it('is deterministic', () => {
    const a = generateFleet({ nodes: 20, relocatables: 50 });
    const b = generateFleet({ nodes: 20, relocatables: 50 });
    assert.deepEqual([...a.files], [...b.files]);
  });

  it('refuses shapes it cannot make valid', () => {
    assert.throws(() => generateFleet({ nodes: 10, relocatables: 5, rackSize: 5 }), /rackSize must be even/);
    assert.throws(() => generateFleet({ nodes: 1, relocatables: 1 }), /at least two nodes/);
  });
});
