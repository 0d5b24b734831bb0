// docs/rules.md is generated from the rule catalogue; this fails when a rule changed
// and nobody ran `npm run gen:docs`, and guards the id scheme the docs rely on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CATALOGUE, renderRulesDoc, RULES_DOC_PATH } from '../../scripts/gen-rules-doc.js';
import { defineRule } from '../../src/validate/rules/rule.js';

describe('rules documentation', () => {
  it('docs/rules.md is what gen:docs renders from the catalogue (static and transition rules)', () => {
    assert.equal(
      readFileSync(RULES_DOC_PATH, 'utf8'),
      renderRulesDoc(),
      'docs/rules.md is stale: run npm run gen:docs',
    );
  });

  it('every rule id is unique and well formed', () => {
    const seen = new Set<string>();
    for (const rule of CATALOGUE) {
      assert.match(rule.id, /^[A-Z]+\d{3}$|^SCHEMA$/, `rule id ${rule.id}`);
      assert.ok(!seen.has(rule.id), `rule id ${rule.id} is defined twice`);
      seen.add(rule.id);
    }
  });

  it('every rule says what, why and where from, and lands in the document once', () => {
    const doc = renderRulesDoc();
    for (const rule of CATALOGUE) {
      for (const field of ['title', 'rationale', 'reference'] as const)
        assert.ok(rule[field].trim().length > 0, `${rule.id} has no ${field}`);
      assert.equal(doc.split(`<a id="${rule.id}"></a>`).length - 1, 1, `${rule.id} appears once in the document`);
    }
  });

  it('escapes table syntax in rule text and shows how a rule is enforced', () => {
    const doc = renderRulesDoc([
      defineRule({
        id: 'TEST001',
        severity: 'warning',
        title: "a | b and '<if>:<label>'",
        rationale: 'line one\nline two',
        reference: 'seed 001',
        check: () => [],
      }),
      defineRule({
        id: 'YAML001',
        severity: 'error',
        enforcedBy: 'loader',
        title: 't',
        rationale: 'r',
        reference: 's',
      }),
    ]);
    assert.ok(doc.includes("| a \\| b and '&lt;if&gt;:&lt;label&gt;' | line one line two | seed 001 |"), doc);
    assert.match(doc, /`TEST001` \| warning \| rule \|/);
    assert.match(doc, /`YAML001` \| error \| loader \|/);
    assert.ok(doc.indexOf('## YAML input') < doc.indexOf('## TEST rules'), 'known families come first');
    assert.match(doc, /lists 2 rules: 1 error .* and 1 warning /);
  });
});
