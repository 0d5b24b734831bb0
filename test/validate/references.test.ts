// What a diagnostic cites is something the user has: a rule's anchor in docs/rules.md,
// a page of docs/, or a source document named in words. Never DESIGN.md, a seed
// number or ../shared (files of the project's authors, not shipped).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { execa } from 'execa';
import { CATALOGUE } from '../../scripts/gen-rules-doc.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

const NOT_SHIPPED = /DESIGN\.md|\bseeds? \d{3}\b|\.\.\/shared/;
const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

describe('references cite what ships', () => {
  it('no rule of the catalogue (static and planner) cites DESIGN.md or a seed number', () => {
    const bad = CATALOGUE.filter((r) => NOT_SHIPPED.test(`${r.reference} ${r.rationale} ${r.title}`)).map(
      (r) => `${r.id}: ${r.reference}`,
    );
    assert.deepEqual(bad, []);
  });

  it('no page of docs/ nor the README cites DESIGN.md or a seed number', () => {
    const pages = [
      'README.md',
      ...readdirSync(join(PACKAGE_ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    const bad: string[] = [];
    for (const page of pages) {
      readFileSync(join(PACKAGE_ROOT, page), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // The architecture page states the rule itself.
          if (NOT_SHIPPED.test(line) && !line.includes('a test fails when it drifts or cites'))
            bad.push(`${page}:${i + 1}: ${line}`);
        });
    }
    assert.deepEqual(bad, []);
  });

  it('validate points each diagnostic at its rule in docs/rules.md, which has that anchor', async () => {
    const dir = join(PACKAGE_ROOT, 'test', 'fixtures', 'invalid', 'failover-to-tunnel');
    const r = await execa(process.execPath, [CLI, 'validate', dir], { reject: false, env: { NO_COLOR: '1' } });
    assert.equal(r.exitCode, 1);
    assert.match(r.stdout, /= rule: docs\/rules\.md#FO003\n/);
    assert.doesNotMatch(r.stdout, NOT_SHIPPED);
    const rules = readFileSync(join(PACKAGE_ROOT, 'docs', 'rules.md'), 'utf8');
    for (const [, id] of r.stdout.matchAll(/docs\/rules\.md#([A-Z0-9]+)/g))
      assert.ok(rules.includes(`<a id="${id}"></a>`), `docs/rules.md has no anchor ${id}`);
  });
});
