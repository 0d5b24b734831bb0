// The bad-input corpus (test/fixtures/invalid/<case>/, see its README): every case is
// refused, with the expected rule id at exactly the expected file:line:col and a
// message that says what is wrong. Runs in-process; test/cli/validate.test.ts runs the
// same corpus through the real CLI.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadFromTexts, MAX_FILE_BYTES } from '../../src/load/load-environment.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { validateEnvironment, validateLoaded } from '../../src/validate/index.js';
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
      const hit = errors.find(
        (d) =>
          d.ruleId === c.expect.ruleId &&
          d.source?.file === want.file &&
          d.source.line === want.line &&
          d.source.col === want.col,
      );
      const shown = errors
        .map((d) => `${d.ruleId} ${d.source ? `${d.source.file}:${d.source.line}:${d.source.col}` : '-'} ${d.summary}`)
        .join('\n');
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

// The shipped environments are valid, and each shows what it claims: breaking the
// property it demonstrates is caught by the rule that guards it.
describe('shipped environments', () => {
  async function shipped(name: string): Promise<Map<string, string>> {
    const dir = join(PACKAGE_ROOT, 'environments', name);
    const texts = new Map<string, string>();
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort()) {
      const text = await readFile(join(dir, file), 'utf8');
      assert.ok(
        text.startsWith('# yaml-language-server: $schema=../../schema/tandem.schema.json\n'),
        `${name}/${file} lacks the schema comment`,
      );
      texts.set(`environments/${name}/${file}`, text);
    }
    return texts;
  }

  function mutate(texts: Map<string, string>, file: string, from: string, to: string): Map<string, string> {
    const key = [...texts.keys()].find((k) => k.endsWith(`/${file}`))!;
    const text = texts.get(key)!;
    assert.ok(text.includes(from), `${file} contains ${from}`);
    return new Map(texts).set(key, text.replace(from, to));
  }

  const rulesOf = (texts: Map<string, string>, dir: string) =>
    validateLoaded(loadFromTexts(dir, texts))
      .diagnostics.filter((d) => d.severity === 'error')
      .map((d) => d.ruleId);

  for (const name of ['demo', 'cip', 'serviceguard']) {
    it(`${name} is valid without warnings`, async () => {
      const result = validateLoaded(loadFromTexts(`environments/${name}`, await shipped(name)));
      assert.deepEqual(
        result.diagnostics.map((d) => `${d.ruleId} ${d.summary}`),
        [],
      );
      assert.equal(result.valid, true);
    });
  }

  it('cip: failover pairs, bonds and tunnels are checked', async () => {
    const cip = await shipped('cip');
    const dir = 'environments/cip';
    assert.ok(
      rulesOf(
        mutate(
          cip,
          'clims-1-2.yaml',
          'failover: { node: clim1, interface: eth1 }',
          'failover: { node: clim1, interface: eth2 }',
        ),
        dir,
      ).includes('FO004'),
    );
    assert.ok(rulesOf(mutate(cip, 'clims-1-2.yaml', '- name: tun2', '- name: tun1'), dir).includes('TUN004'));
    assert.ok(
      rulesOf(
        mutate(
          cip,
          'clims-1-2.yaml',
          '{ name: eth2, type: physical, segment: lan-b }',
          '{ name: eth2, type: physical, segment: lan-b, addresses: [192.0.2.90/26] }',
        ),
        dir,
      ).includes('BOND004'),
    );
    assert.ok(
      rulesOf(
        mutate(
          cip,
          'clims-3-4.yaml',
          'provider: p1\n  connection: { transport: sim }\n  management: 203.0.113.24/24',
          'provider: p2\n  connection: { transport: sim }\n  management: 203.0.113.24/24',
        ),
        dir,
      ).includes('FO006'),
    );
  });

  it('serviceguard: the package policy must be on both nodes', async () => {
    const sg = await shipped('serviceguard');
    const dir = 'environments/serviceguard';
    const onlyNode1 = mutate(
      sg,
      'ipsec.yaml',
      'priority: 100\n  appliesTo: { relocatableAddress: pkga }',
      'priority: 100\n  appliesTo: { nodes: [node1] }',
    );
    assert.ok(rulesOf(onlyNode1, dir).includes('IPSEC004'));
    assert.ok(
      rulesOf(
        mutate(sg, 'ipsec.yaml', 'keys: { env: TANDEM_PKGA_KEY }', 'keys: { file: keys/pkga.key }'),
        dir,
      ).includes('IPSEC007'),
    );
  });
});
