// The loader over real folders: which files it reads, how it splits documents, and
// how it fails on hostile input (alias bombs, repeated keys, tags, deep nesting, links,
// FIFOs, devices, bytes that are not UTF-8) with exact positions, and the per-file cap.
// The time bounds below catch hangs and explosive growth on a machine that may be busy;
// they are not speed measures (npm run bench is).
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import { capPerFile } from '../../src/diagnostics.js';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { canStartFloat, CORE_SCHEMA_FAST } from '../../src/load/core-schema.js';
import { firstInvalidUtf8 } from '../../src/load/encoding.js';
import { loadEnvironment } from '../../src/load/load-environment.js';
import { excessiveNesting } from '../../src/load/nesting.js';
import { parseYamlFile } from '../../src/load/parse-file.js';
import { validateEnvironment } from '../../src/validate/index.js';
import { CLUSTER } from '../helpers/env.js';

const node = (name: string, address: string) => `apiVersion: tandem/v1
kind: Node
metadata: { name: ${name} }
spec:
  provider: p1
  connection: { transport: sim }
  interfaces:
    - { name: eth0, type: physical, segment: public, addresses: [${address}] }
`;

/** Nine levels of nine aliases: 9^9 (387 million) strings once expanded. */
const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((k, i) => {
    const prev = 'abcdefghi'[i];
    return `${k}: &${k} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
  '',
].join('\n');

let root: string;
async function envDir(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  return dir;
}

describe('loader', () => {
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'tandem-loader-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reads several documents per file, in file order, with their document index', async () => {
    const dir = await envDir('multi', {
      'all.yaml': `${CLUSTER}---\n${node('n1', '192.0.2.11/24')}---\n${node('n2', '192.0.2.12/24')}`,
    });
    const env = await loadEnvironment(dir);
    assert.deepEqual(env.diagnostics, []);
    assert.deepEqual(env.files, [join(dir, 'all.yaml')]);
    assert.deepEqual(
      env.documents.map((d) => [(d.value as { metadata: { name: string } }).metadata.name, d.source.index]),
      [
        ['test', 0],
        ['n1', 1],
        ['n2', 2],
      ],
    );
    const result = await validateEnvironment(dir);
    assert.equal(result.valid, true, JSON.stringify(result.diagnostics));
    assert.deepEqual([...(result.model?.nodeByName.keys() ?? [])], ['n1', 'n2']);
  });

  it('skips empty documents between separators and keeps positions of the later ones', async () => {
    const text = `---\n---\n# only a comment\n---\n${node('n1', '192.0.2.300/24')}---\n`;
    const dir = await envDir('empties', { 'cluster.yaml': CLUSTER, 'nodes.yaml': text });
    const env = await loadEnvironment(dir);
    assert.equal(env.documents.length, 2, 'the Cluster and one Node; empty documents are not documents');
    assert.deepEqual(env.diagnostics, []);
    const result = await validateEnvironment(dir);
    const bad = result.diagnostics.find((d) => d.ruleId === 'ADDR001');
    assert.ok(bad, 'the invalid address in the document after the empty ones is reported');
    // Line 5 is the Node's first line; the address sits on its 8th line.
    assert.deepEqual(bad.source, { file: join(dir, 'nodes.yaml'), line: 12, col: 66 });
  });

  it('reads .yml files as well as .yaml, and nothing else', async () => {
    const dir = await envDir('extensions', {
      'cluster.yml': CLUSTER,
      'nodes.yaml': node('n1', '192.0.2.11/24'),
      'notes.txt': 'kind: [this is not yaml',
      'README.md': '# not an environment file\n',
      'backup.yaml.orig': node('n1', '192.0.2.11/24'),
    });
    const env = await loadEnvironment(dir);
    assert.deepEqual(env.files, [join(dir, 'cluster.yml'), join(dir, 'nodes.yaml')]);
    const result = await validateEnvironment(dir);
    assert.equal(result.valid, true, JSON.stringify(result.diagnostics));
  });

  it('ignores sub-folders (recorded snapshots and the like live there)', async () => {
    const dir = await envDir('subfolders', {
      'cluster.yaml': CLUSTER,
      'nodes.yaml': node('n1', '192.0.2.11/24'),
      'snapshots/nodes.yaml': node('n1', '192.0.2.99/24'),
      'old/broken.yaml': 'a: [',
    });
    const env = await loadEnvironment(dir);
    assert.deepEqual(env.files, [join(dir, 'cluster.yaml'), join(dir, 'nodes.yaml')]);
    const result = await validateEnvironment(dir);
    assert.equal(result.valid, true, 'a duplicate Node/n1 or broken YAML in a sub-folder would have made it invalid');
  });

  it('expands a few aliases (shared route lists) like written-out values', async () => {
    const withAliases = `apiVersion: tandem/v1
kind: Node
metadata: { name: n1 }
spec:
  provider: p1
  connection: { transport: sim }
  interfaces:
    - name: eth0
      type: physical
      segment: public
      addresses: [192.0.2.11/24]
      routes: &routes
        - { to: 203.0.113.0/24, via: 192.0.2.1 }
    - name: eth1
      type: physical
      segment: private
      addresses: [198.51.100.11/24]
      routes: *routes
`;
    const dir = await envDir('aliases', { 'cluster.yaml': CLUSTER, 'nodes.yaml': withAliases });
    const result = await validateEnvironment(dir);
    assert.equal(result.valid, true, JSON.stringify(result.diagnostics));
    const [eth0, eth1] = result.model!.nodes[0].doc.spec.interfaces;
    assert.deepEqual(eth1.routes, [{ to: '203.0.113.0/24', via: '192.0.2.1' }]);
    assert.deepEqual(eth1.routes, eth0.routes);
  });

  it('fails fast on a billion-laughs file with YAML003', async () => {
    const dir = await envDir('bomb', { 'cluster.yaml': CLUSTER, 'bomb.yaml': BILLION_LAUGHS });
    const started = performance.now();
    const result = await validateEnvironment(dir);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 10_000, `took ${elapsed.toFixed(0)} ms`);
    assert.equal(result.valid, false);
    const [d] = result.diagnostics.filter((x) => x.ruleId === 'YAML003');
    assert.ok(d, JSON.stringify(result.diagnostics));
    assert.equal(d.source?.file, join(dir, 'bomb.yaml'));
    assert.match(d.summary, /aliases/);
  });

  it('reports a repeated key as YAML002 at the second occurrence', async () => {
    const text =
      'apiVersion: tandem/v1\nkind: Node\nmetadata: { name: n1 }\nspec:\n' +
      '  provider: p1\n  connection: { transport: sim }\n  provider: p2\n' +
      '  interfaces: []\n';
    const dir = await envDir('dupkey', { 'cluster.yaml': CLUSTER, 'nodes.yaml': text });
    const result = await validateEnvironment(dir);
    const [d] = result.diagnostics.filter((x) => x.ruleId === 'YAML002');
    assert.ok(d, JSON.stringify(result.diagnostics));
    assert.deepEqual(d.source, { file: join(dir, 'nodes.yaml'), line: 7, col: 3 });
    assert.equal(result.valid, false);
  });

  it('reports a missing folder and an empty one as LOAD001, never as an empty desired state', async () => {
    const missing = await loadEnvironment(join(root, 'does-not-exist'));
    assert.equal(missing.diagnostics[0]?.ruleId, 'LOAD001');
    assert.match(missing.diagnostics[0].summary, /ENOENT/);
    const empty = await envDir('empty', { 'README.md': 'nothing here\n' });
    const result = await validateEnvironment(empty);
    assert.equal(result.valid, false);
    assert.deepEqual(
      result.diagnostics.map((d) => d.ruleId),
      ['LOAD001'],
    );
    assert.match(result.diagnostics[0].summary, /no \.yaml or \.yml files/);
  });
});

/** A name-to-builder map of folder entries that are not regular files, made in `dir`. */
async function oddEntry(dir: string, name: string, kind: string): Promise<void> {
  const path = join(dir, name);
  switch (kind) {
    case 'link to a file':
      return symlink('cluster.yaml', path);
    case 'dangling link':
      return symlink('no-such-file.yaml', path);
    case 'link loop':
      await symlink(`${name}.other.yaml`, path);
      return symlink(name, `${path}.other.yaml`);
    case 'link to /dev/zero':
      return symlink('/dev/zero', path);
    case 'link to /dev/urandom':
      return symlink('/dev/urandom', path);
    case 'link to a folder':
      await mkdir(join(dir, 'target'), { recursive: true });
      return symlink('target', path);
    case 'folder':
      await mkdir(path);
      return writeFile(join(path, 'inside.yaml'), CLUSTER);
    case 'FIFO':
      await execa('mkfifo', [path]);
      return;
    case 'socket': {
      const server = createServer();
      await new Promise<void>((done) => server.listen(path, done));
      // Closing the server removes the socket file; unref keeps it from holding the test open.
      server.unref();
      return;
    }
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

const NOT_REGULAR: ReadonlyArray<[string, RegExp]> = [
  ['link to a file', /is a symbolic link, not a regular file/],
  ['dangling link', /is a symbolic link, not a regular file/],
  ['link loop', /is a symbolic link, not a regular file/],
  ['link to /dev/zero', /is a symbolic link, not a regular file/],
  ['link to /dev/urandom', /is a symbolic link, not a regular file/],
  ['link to a folder', /is a symbolic link, not a regular file/],
  ['folder', /is a folder, not a regular file/],
  ['FIFO', /is a named pipe \(FIFO\), not a regular file/],
  ['socket', /is a socket, not a regular file/],
];

describe('reading an environment folder: one rule for every reader', () => {
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'tandem-reading-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reads YAML files whose names hold spaces, unicode, quotes and control characters', async () => {
    const names = ['addresses v2.yaml', 'nœuds ☃.yaml', `it's "quoted".yml`, 'tab\there.yaml', '-dash.yaml'];
    const dir = await envDir('odd-names', {
      'cluster.yaml': CLUSTER,
      [names[0]]: node('n1', '192.0.2.11/24'),
      [names[1]]: node('n2', '192.0.2.12/24'),
      [names[2]]: node('n3', '192.0.2.13/24'),
      [names[3]]: node('n4', '192.0.2.14/24'),
      [names[4]]: node('n5', '192.0.2.15/24'),
    });
    const env = await loadEnvironment(dir);
    assert.deepEqual(env.diagnostics, []);
    assert.deepEqual(env.files.map((f) => basename(f)).sort(), ['cluster.yaml', ...names].sort());
    const result = await validateEnvironment(dir);
    assert.equal(result.valid, true, JSON.stringify(result.diagnostics));
    assert.deepEqual([...result.model!.nodeByName.keys()].sort(), ['n1', 'n2', 'n3', 'n4', 'n5']);
  });

  for (const [kind, message] of NOT_REGULAR) {
    it(`refuses a ${kind} named *.yaml with LOAD005 naming it, unread and at once`, async () => {
      const dir = await envDir(`entry-${kind.replace(/\W+/g, '-')}`, { 'cluster.yaml': CLUSTER });
      await oddEntry(dir, 'entry.yaml', kind);
      const started = performance.now();
      const result = await validateEnvironment(dir);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 5000, `took ${elapsed.toFixed(0)} ms`);
      assert.equal(result.valid, false);
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      const d = errors.find((x) => x.source?.file === join(dir, 'entry.yaml'));
      assert.ok(d, JSON.stringify(errors));
      assert.equal(d.ruleId, 'LOAD005');
      assert.match(d.summary, message);
      assert.deepEqual(d.source, { file: join(dir, 'entry.yaml'), line: 1, col: 1 });
      assert.match(d.detail ?? '', /replace it with a regular file/);
      assert.ok(!result.env.texts.has(join(dir, 'entry.yaml')), 'never read');
      assert.ok(result.env.files.includes(join(dir, 'entry.yaml')), 'listed among the files');
    });
  }

  it('refuses a file whose bytes are not UTF-8 at the first bad byte (YAML001), never as U+FFFD', async () => {
    const dir = await envDir('latin1', { 'cluster.yaml': CLUSTER });
    await writeFile(join(dir, 'nodes.yaml'), Buffer.from('kind: Node\nmetadata: { name: "n\xe9ud" }\n', 'latin1'));
    const env = await loadEnvironment(dir);
    assert.deepEqual(
      env.diagnostics.map((d) => [d.ruleId, d.source]),
      [['YAML001', { file: join(dir, 'nodes.yaml'), line: 2, col: 21 }]],
    );
    assert.match(env.diagnostics[0].summary, /byte 0xe9 is not valid UTF-8/);
    assert.equal(firstInvalidUtf8(Buffer.from('ok ☃ ✓', 'utf8')), -1);
    for (const bad of [
      [0xc0, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x98],
    ])
      assert.equal(firstInvalidUtf8(Uint8Array.from([0x61, ...bad])), 1, `overlong, surrogate or cut: ${bad.join()}`);
  });

  it('names what is wrong with the environment path itself (LOAD001), and follows a link to a folder', async () => {
    const dir = await envDir('real', { 'cluster.yaml': CLUSTER, 'nodes.yaml': node('n1', '192.0.2.11/24') });
    const cases: Array<[string, () => Promise<void>, RegExp]> = [
      ['a-file.yaml', () => writeFile(join(root, 'a-file.yaml'), CLUSTER), /is a file, not a directory/],
      ['a-fifo', () => execa('mkfifo', [join(root, 'a-fifo')]).then(() => undefined), /is a named pipe \(FIFO\)/],
      ['dangling', () => symlink('nowhere', join(root, 'dangling')), /a symbolic link whose target does not exist/],
      ['loop', () => symlink('loop', join(root, 'loop')), /ELOOP \(a symbolic link loop\)/],
      ['to-zero', () => symlink('/dev/zero', join(root, 'to-zero')), /is a symbolic link to a device, not a directory/],
      ['missing', () => Promise.resolve(), /ENOENT \(it does not exist\)/],
    ];
    for (const [name, make, message] of cases) {
      await make();
      const started = performance.now();
      const env = await loadEnvironment(join(root, name));
      assert.ok(performance.now() - started < 5000, name);
      assert.deepEqual(
        env.diagnostics.map((d) => [d.ruleId, d.source]),
        [['LOAD001', { file: join(root, name), line: 1, col: 1 }]],
        name,
      );
      assert.match(env.diagnostics[0].summary, message, name);
    }
    await symlink(dir, join(root, 'link-to-real'));
    const result = await validateEnvironment(join(root, 'link-to-real'));
    assert.equal(result.valid, true, JSON.stringify(result.diagnostics));
  });

  it('an entry refused is never "nothing there": a folder holding only a link is LOAD005, not empty', async () => {
    const dir = await envDir('only-link', {});
    await symlink(join(root, 'real', 'cluster.yaml'), join(dir, 'cluster.yaml'));
    const env = await loadEnvironment(dir);
    assert.deepEqual(
      env.diagnostics.map((d) => d.ruleId),
      ['LOAD005'],
    );
  });
});

describe('YAML: the core schema only', () => {
  const parse = (text: string) => parseYamlFile('f.yaml', text);
  const where = (text: string) => parse(text).diagnostics.map((d) => [d.ruleId, d.source?.line, d.source?.col]);

  it('refuses every tag and every directive but %YAML 1.2 (YAML004), where it is written', () => {
    const cases: Array<[string, string, number, number]> = [
      ['health: !!omap\n  - ping: { list: [192.0.2.1] }\n', '!!omap', 1, 9],
      ['list: !!set\n  ? a\n', '!!set', 1, 7],
      ['key: !!binary aGVsbG8=\n', '!!binary', 1, 6],
      ['at: !!timestamp 2001-12-14\n', '!!timestamp', 1, 5],
      ['a:\n  b: [1, !foo bar]\n', '!foo', 2, 10],
      ['a: !<tag:yaml.org,2002:str> x\n', '!<tag:yaml.org,2002:str>', 1, 4],
      ['a: !!str 1\n', '!!str', 1, 4],
      ['a: ! x\n', '!', 1, 4],
      ['%TAG !e! tag:example.com,2000:\n---\na: 1\n', '%TAG', 1, 1],
      ['%YAML 1.1\n---\non: yes\n', '%YAML', 1, 1],
    ];
    for (const [text, what, line, col] of cases) {
      const { documents, diagnostics } = parse(text);
      assert.deepEqual(documents, [], `${what}: no document is read from the file`);
      const d = diagnostics.find((x) => x.ruleId === 'YAML004');
      assert.ok(d, `${what}: ${JSON.stringify(diagnostics)}`);
      assert.deepEqual([d.source?.line, d.source?.col], [line, col], what);
      assert.ok(d.summary.includes(`${what} is not allowed`), d.summary);
    }
    assert.deepEqual(parse('%YAML 1.2\n---\na: 1\n').diagnostics, []);
    assert.deepEqual(parse('# wow!\na: "hello!"\n').diagnostics, [], 'a ! in a comment or a string is not a tag');
  });

  it("reads every plain scalar, key or value, to what js-yaml's core schema reads (the float prefilter)", () => {
    const written = [
      ...['1', '-1', '+1', '0', '007', '1.5', '-1.5', '+.5', '.5', '5.', '1e3', '1E+3', '-2e-3', '.5e2', '1_000'],
      ...['.inf', '-.inf', '+.INF', '.Inf', '.nan', '.NaN', '.NAN', 'inf', 'nan', 'Infinity', '-Infinity'],
      ...['0x1F', '0o17', '0b101', '-0x1', '~', 'null', 'Null', 'true', 'False', 'TRUE', 'yes', 'e3', '_1'],
      ...['.', '+', '..', '1..2', '1.2.3', '١', '０', '12abc', 'eth0', '2001:db8::1', '192.0.2.1/24'],
    ];
    // Every string of one to four characters over the characters floats, ints and words are made of.
    const alphabet = ['-', '+', '.', '0', '1', '9', 'e', 'E', 'x', 'o', 'b', '_', 'i', 'n', 'f', 'a', 'N', 'I'];
    let words = [''];
    for (let length = 1; length <= 4; length++) {
      words = words.flatMap((w) => alphabet.map((c) => w + c));
      written.push(...words.filter((w) => w !== '-'));
    }
    for (let from = 0; from < written.length; from += 2000) {
      const batch = written.slice(from, from + 2000);
      const text = batch.map((w, i) => `k${i}:\n  ${w}: ${w}\n  list: [${w}]\n`).join('');
      const withCore = (() => {
        try {
          return loadAll(text, null, { schema: CORE_SCHEMA });
        } catch (err) {
          return String(err);
        }
      })();
      const withFast = (() => {
        try {
          return loadAll(text, null, { schema: CORE_SCHEMA_FAST });
        } catch (err) {
          return String(err);
        }
      })();
      assert.deepEqual(withFast, withCore, `scalars ${from}..${from + batch.length}`);
      assert.equal(typeof withCore, 'object', 'the batch parses');
    }
    assert.equal(written.length > 100_000, true);
    assert.equal(written.filter((w) => canStartFloat(w)).length > 1000, true);
  });

  it('refuses keys of one mapping that differ only by type (YAML002 at the second)', () => {
    assert.deepEqual(where('a:\n  1: x\n  "1": y\n'), [['YAML002', 3, 3]]);
    assert.deepEqual(where('{true: 1, "true": 2}\n'), [['YAML002', 1, 11]]);
    assert.deepEqual(where('a: &x 1\nb:\n  null: 1\n  "null": 2\n'), [['YAML002', 4, 3]], 'careful path too');
    assert.deepEqual(where('a: 1\n"a": 2\n'), [['YAML002', 2, 1]]);
    assert.match(parse('a:\n  1: x\n  "1": y\n').diagnostics[0].summary, /the key "1" repeats the key 1 of line 2/);
  });

  it('refuses deep nesting with LOAD007 at the level that goes too deep, fast, never a stack overflow', () => {
    const cases: Array<[string, string, number, number]> = [
      ['10,000 [', '['.repeat(10_000), 1, 64],
      ['10,000 balanced []', `${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 1, 64],
      ['10,000 {a: ', `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`, 1, 253],
      ['3,000 block mappings', `${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}a:\n`).join('')}`, 65, 129],
      ['10,000 compact sequences', `${'- '.repeat(10_000)}x\n`, 1, 129],
      ['a list of lists after a key', `x: ${'['.repeat(10_000)}\n`, 1, 67],
      ['10,000 a: on one line', `${'a: '.repeat(10_000)}1\n`, 1, 0],
    ];
    for (const [what, text, line, col] of cases) {
      const started = performance.now();
      const { documents, diagnostics } = parse(text);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 5000, `${what}: took ${elapsed.toFixed(0)} ms`);
      assert.deepEqual(documents, [], what);
      assert.ok(!JSON.stringify(diagnostics).includes('call stack'), `${what}: ${JSON.stringify(diagnostics)}`);
      if (col === 0) continue; // a syntax error for every `a:`, all positioned; the per-file cap bounds them
      assert.deepEqual(
        diagnostics.map((d) => [d.ruleId, d.source?.line, d.source?.col]),
        [['LOAD007', line, col]],
        what,
      );
    }
  });

  it('counts only real nesting: brackets in comments, strings and block scalars are text', () => {
    const text = [
      '# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
      `quoted: "${'['.repeat(200)}"`,
      `single: '${'{'.repeat(200)}'`,
      `plain: a${'['.repeat(200)}`,
      'block: |',
      `  ${'['.repeat(200)}`,
      `  ${'{'.repeat(200)}`,
      'folded: >-',
      ...Array.from({ length: 100 }, (_, i) => `  ${' '.repeat(i)}- x`),
      `deep: ${'['.repeat(60)}1${']'.repeat(60)}`,
      '',
    ].join('\n');
    assert.equal(excessiveNesting(text), undefined);
    const { documents, diagnostics } = parse(text);
    assert.deepEqual(diagnostics, []);
    assert.equal(documents.length, 1);
  });
});

describe('at most 50 diagnostics per file', () => {
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'tandem-cap-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('10,000 unknown fields: the first 50, then one LOAD008 counting the rest, in well under 2 s', async () => {
    const fields = Array.from({ length: 10_000 }, (_, i) => `  unknown${i}: ${i}\n`).join('');
    const text = `${node('n1', '192.0.2.11/24').replace('spec:\n', `spec:\n${fields}`)}`;
    const dir = await envDir('unknown-fields', { 'cluster.yaml': CLUSTER, 'nodes.yaml': text });
    const started = performance.now();
    const result = await validateEnvironment(dir);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 10_000, `took ${elapsed.toFixed(0)} ms`);
    assert.equal(result.diagnostics.length, 51);
    assert.deepEqual(
      result.diagnostics.slice(0, 50).map((d) => [d.ruleId, d.source?.line]),
      Array.from({ length: 50 }, (_, i) => ['SCHEMA', 5 + i]),
    );
    const last = result.diagnostics[50];
    assert.equal(last.ruleId, 'LOAD008');
    assert.equal(last.severity, 'error');
    assert.equal(last.summary, `9950 more errors in ${join(dir, 'nodes.yaml')} not shown`);
    assert.deepEqual(
      last.source,
      { file: join(dir, 'nodes.yaml'), line: 55, col: 3 },
      'where the first one not shown is',
    );
  });

  it('caps each file on its own, and counts what the cap hid across stages', () => {
    const d = (file: string, line: number, severity: 'error' | 'warning' = 'error') => ({
      severity,
      ruleId: 'X001',
      summary: `${file}:${line}`,
      objects: [],
      source: { file, line, col: 1 },
    });
    const many = [...Array.from({ length: 5 }, (_, i) => d('a', i + 1)), d('b', 1), d('a', 9, 'warning')];
    const capped = capPerFile(many, [{ file: 'a', errors: 10, warnings: 0 }], 3);
    assert.deepEqual(
      capped.map((x) => `${x.ruleId} ${x.summary}`),
      [
        'X001 a:1',
        'X001 a:2',
        'X001 a:3',
        'LOAD008 13 more diagnostics (12 errors, 1 warning) in a not shown',
        'X001 b:1',
      ],
    );
    assert.deepEqual(capPerFile(many.slice(0, 3), [], 3), many.slice(0, 3), 'nothing hidden, nothing added');
  });
});
