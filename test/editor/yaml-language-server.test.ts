// The schema works in editors for every document: yaml-language-server (what VS Code's
// YAML extension and most editors run) validates each document of the shipped
// multi-document files against schema/tandem.schema.json through its modeline, reports
// nothing on the shipped files, and reports a typo in any document (the 2nd node of
// nodes.yaml too) and an address out of range, which a custom `format` alone let pass.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { YamlLanguageServer } from '../helpers/yaml-ls.js';

const MODELINE = '# yaml-language-server: $schema=../../schema/tandem.schema.json';

async function shippedFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const env of (await readdir(join(root, 'environments'))).sort()) {
    const files = await readdir(join(root, 'environments', env)).catch(() => [] as string[]);
    for (const f of files.sort()) if (/\.ya?ml$/.test(f)) out.push(join(root, 'environments', env, f));
  }
  return out;
}

/** 1-based line numbers where each document's content starts (after `---` and its modeline). */
function documentStarts(text: string): number[] {
  const lines = text.split('\n');
  const starts = [1];
  lines.forEach((l, i) => {
    if (l.trimEnd() === '---') starts.push(i + 2);
  });
  return starts;
}

describe('yaml-language-server on the shipped environments', () => {
  let ls: YamlLanguageServer;
  let copy: string;
  before(async () => {
    // A copy with the same layout (environments/ENV/ beside schema/), to break files in.
    copy = await mkdtemp(join(tmpdir(), 'tandem-yaml-ls-'));
    await cp(join(PACKAGE_ROOT, 'environments'), join(copy, 'environments'), { recursive: true });
    await cp(join(PACKAGE_ROOT, 'schema'), join(copy, 'schema'), { recursive: true });
    ls = await YamlLanguageServer.start(copy);
  });
  after(async () => {
    await ls?.stop();
    await rm(copy, { recursive: true, force: true });
  });

  it('every document of every shipped file names the schema (a modeline per document)', async () => {
    for (const file of await shippedFiles(PACKAGE_ROOT)) {
      const text = await readFile(file, 'utf8');
      const lines = text.split('\n');
      assert.equal(lines[0], MODELINE, `${file}: first line`);
      lines.forEach((l, i) => {
        if (l.trimEnd() === '---') assert.equal(lines[i + 1], MODELINE, `${file}:${i + 2}: the document after ---`);
      });
    }
  });

  it('reports no problem on any shipped file', async () => {
    const files = await shippedFiles(copy);
    assert.ok(files.length >= 10, `${files.length} files`);
    const found = await ls.diagnose(files);
    const problems = [...found].flatMap(([f, ds]) => ds.map((d) => `${f}:${d.line}: ${d.message}`));
    assert.deepEqual(problems, []);
  });

  it('checks every document: an unknown field in each document of each file is reported in that document', async () => {
    const files = await shippedFiles(copy);
    const expected = new Map<string, number[]>();
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const starts = documentStarts(text);
      // Insert an unknown top-level field as the first content line of every document.
      const lines = text.split('\n');
      for (const start of [...starts].reverse()) {
        const at = lines[start - 1] === MODELINE ? start : start - 1;
        lines.splice(at, 0, 'bogusField: 1');
      }
      await writeFile(file, lines.join('\n'));
      const broken = lines.map((l, i) => (l === 'bogusField: 1' ? i + 1 : 0)).filter(Boolean);
      expected.set(file, broken);
    }
    const found = await ls.diagnose(files);
    let documents = 0;
    for (const [file, lines] of expected) {
      documents += lines.length;
      const reported = (found.get(file) ?? []).filter((d) => /bogusField/.test(d.message)).map((d) => d.line);
      assert.deepEqual(
        reported.sort((a, b) => a - b),
        lines,
        `${file}: ${JSON.stringify(found.get(file))}`,
      );
    }
    assert.ok(documents >= 20, `${documents} documents checked`);
    for (const file of files) await cp(file.replace(copy, PACKAGE_ROOT), file);
  });

  it('reports a typo in the second node of nodes.yaml, and 10.20.0.300/24', async () => {
    const file = join(copy, 'environments', 'demo', 'nodes.yaml');
    const text = await readFile(file, 'utf8');
    const second = text.indexOf('\n---\n');
    assert.ok(second > 0);
    const broken =
      text.slice(0, second) +
      text
        .slice(second)
        .replace('      type: physical', '      tpye: physical')
        .replace('192.0.2.12/24', '10.20.0.300/24');
    await writeFile(file, broken);
    try {
      const found = (await ls.diagnose([file])).get(file) ?? [];
      const lineOf = (needle: string) => broken.slice(0, broken.indexOf(needle)).split('\n').length;
      const secondStart = broken.slice(0, second).split('\n').length + 1;
      const typo = found.find((d) => /tpye/.test(d.message));
      assert.ok(typo, JSON.stringify(found));
      assert.equal(typo.line, lineOf('tpye: physical'));
      assert.ok(typo.line > secondStart, 'in the second document');
      const cidr = found.find((d) => d.line === lineOf('10.20.0.300/24'));
      assert.ok(cidr, JSON.stringify(found));
      assert.match(cidr.message, /is not an address with prefix length/);
    } finally {
      await cp(join(PACKAGE_ROOT, 'environments', 'demo', 'nodes.yaml'), file);
    }
  });
});
