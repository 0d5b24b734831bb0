// The bad-input corpus (test/fixtures/invalid/<case>/, see its README): every case is
// refused, with the expected rule id at exactly the expected file:line:col and a
// message that says what is wrong. Runs in-process; test/cli/validate.test.ts runs the
// same corpus through the real CLI.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MAX_FILE_BYTES } from '../../src/load/load-environment.js';
import { validateEnvironment } from '../../src/validate/index.js';
import { CLUSTER } from '../helpers/env.js';
import { CORPUS_DIR, expectedFile, listCorpus } from '../helpers/corpus.js';

const cases = listCorpus();

describe('bad-input corpus', () => {
  it('holds at least 45 cases, each with a well-formed expect.json', () => {
    assert.ok(cases.length >= 45, `only ${cases.length} cases in ${CORPUS_DIR}`);
    for (const c of cases) {
      assert.match(c.expect.ruleId, /^[A-Z]+\d{3}$|^SCHEMA$/, c.name);
      assert.ok(c.expect.line >= 1 && c.expect.col >= 1, c.name);
      assert.ok(c.expect.message.length > 0, c.name);
    }
  });

  for (const c of cases) {
    it(`${c.name}: ${c.expect.about ?? c.expect.ruleId}`, async () => {
      const result = await validateEnvironment(c.dir);
      assert.equal(result.valid, false, `${c.name} was accepted`);
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      const want = { file: expectedFile(c), line: c.expect.line, col: c.expect.col };
      const hit = errors.find((d) => d.ruleId === c.expect.ruleId && d.source?.file === want.file && d.source.line === want.line && d.source.col === want.col);
      const shown = errors.map((d) => `${d.ruleId} ${d.source ? `${d.source.file}:${d.source.line}:${d.source.col}` : '-'} ${d.summary}`).join('\n');
      assert.ok(hit, `expected ${c.expect.ruleId} at ${want.file}:${want.line}:${want.col}; got:\n${shown}`);
      const text = `${hit.summary}\n${hit.detail ?? ''}`;
      assert.ok(text.includes(c.expect.message), `message of ${c.expect.ruleId} lacks "${c.expect.message}":\n${text}`);
    });
  }

  it('file-over-size-limit: a file over the limit is refused unread with LOAD002', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-corpus-big-'));
    try {
      await writeFile(join(dir, 'cluster.yaml'), CLUSTER);
      // A comment line repeated past the limit: valid YAML, so only the size can refuse it.
      const line = `# ${'x'.repeat(1021)}\n`;
      await writeFile(join(dir, 'huge.yaml'), line.repeat(Math.ceil(MAX_FILE_BYTES / line.length) + 1));
      const started = performance.now();
      const result = await validateEnvironment(dir);
      assert.ok(performance.now() - started < 2000, 'a refused file is not parsed');
      assert.equal(result.valid, false);
      const [d] = result.diagnostics.filter((x) => x.ruleId === 'LOAD002');
      assert.ok(d, JSON.stringify(result.diagnostics));
      assert.deepEqual(d.source, { file: join(dir, 'huge.yaml'), line: 1, col: 1 });
      assert.match(d.summary, new RegExp(`over the ${MAX_FILE_BYTES}-byte limit`));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
