// The bad-input sweep: hundreds of environments made by deterministic mutations of the
// shipped ones (a seeded PRNG, so a failure names a case that comes back every run):
// truncated files, flipped bytes, deleted, duplicated and shifted lines, tabs, odd scalar
// values, tags, anchors, aliases, merge keys, directives, deep nesting, renamed and
// deleted files, links, FIFOs and folders with YAML names. Every case runs the real
// loader and validator in-process: no throw, a verdict that matches its errors, every
// error positioned in the environment, under two seconds. A deterministic sample also
// runs through the CLI process (`validate`: exit 0 or 1, no stack trace, bounded output)
// and through `plan` on sim nodes, whose state must not change.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import { mapBounded } from '../../src/bounded.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { validateEnvironment, type ValidationResult } from '../../src/validate/index.js';
import { runCli } from '../git/helpers.js';

const SEED = 20_251_202;
const BASES = ['demo', 'cip', 'serviceguard', 'lab'];
const CASES_PER_BASE = 80;
const CLI_SAMPLE = 30;
const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same cases on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Extra =
  { kind: 'symlink'; name: string; target: string } | { kind: 'fifo'; name: string } | { kind: 'dir'; name: string };

interface Case {
  name: string;
  base: string;
  /** What was done, for the failure message. */
  mutations: string[];
  files: Map<string, Buffer>;
  extras: Extra[];
}

interface Rng {
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
}

const ODD_VALUES = [
  'x'.repeat(100_000),
  '"\\e[2J\\e[31mred"',
  '"\\u202Ereversed"',
  '"nul\\0byte"',
  '999.0.0.1/24',
  '192.0.2.1/33',
  '-1',
  '-99999999999999999999',
  '1e400',
  '.nan',
  '0x1F',
  '~',
  '""',
  '[[1, [2, [3, [4]]]]]',
  '{a: {b: {c: [1, 2]}}}',
  '[]',
  '{}',
  'true',
  '"nœud ☃"',
  `'${"'".repeat(50)}'`,
  '!!binary aGVsbG8=',
  '*nowhere',
];

/** Four levels of eight aliases: 4,096 expansions, past the 100 a document may have. */
const ALIAS_BOMB = ['a: &a [x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b]']
  .concat('d: [*c,*c,*c,*c,*c,*c,*c,*c]', '')
  .join('\n');

const TAGS = ['!!omap', '!!set', '!!binary', '!!timestamp', '!foo', '!!str', '!<tag:example.com:x>'];

const RENAMES = ['addresses v2.yaml', 'nœud ☃.yaml', `q"uote's.yml`, 'ctrl\x1b[2J.yaml', 'renamed.yml', 'dropped.txt'];

/** Offsets where a scalar value starts: after "key: " or "- ", not a collection or a comment. */
function valueOffsets(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?::|^\s*-) +(?=[^\s{[#&*!|>'"-])/gm)) out.push((m.index ?? 0) + m[0].length);
  return out;
}

function lines(text: string): string[] {
  return text.split('\n');
}

/** One mutation of one file's text; returns the new text and what it did. */
const TEXT_MUTATIONS: Array<(text: string, r: Rng) => [string | Buffer, string]> = [
  (t, r) => {
    const at = r.int(t.length);
    return [t.slice(0, at), `truncated at ${at}`];
  },
  (t, r) => {
    const bytes = Buffer.from(t);
    const at = r.int(bytes.length);
    bytes[at] ^= 1 << r.int(8);
    return [bytes, `byte ${at} flipped`];
  },
  (t, r) => {
    const ls = lines(t);
    const at = r.int(ls.length);
    ls.splice(at, 1);
    return [ls.join('\n'), `line ${at + 1} deleted`];
  },
  (t, r) => {
    const ls = lines(t);
    const at = r.int(ls.length);
    ls.splice(at, 0, ls[at]);
    return [ls.join('\n'), `line ${at + 1} duplicated`];
  },
  (t, r) => {
    const ls = lines(t);
    const at = r.int(ls.length);
    const shift = r.pick([-3, -2, -1, 1, 2, 3]);
    ls[at] = shift > 0 ? ' '.repeat(shift) + ls[at] : ls[at].replace(new RegExp(`^ {0,${-shift}}`), '');
    return [ls.join('\n'), `line ${at + 1} shifted by ${shift}`];
  },
  (t, r) => {
    const ls = lines(t);
    const at = r.int(ls.length);
    ls[at] = ls[at].replace(/^ {1,2}/, '\t');
    return [ls.join('\n'), `tab at line ${at + 1}`];
  },
  (t, r) => {
    const offsets = valueOffsets(t);
    if (offsets.length === 0) return [t, 'no scalar to replace'];
    const at = r.pick(offsets);
    const end = t.indexOf('\n', at) < 0 ? t.length : t.indexOf('\n', at);
    const rest = t.slice(at, end);
    const stop = rest.search(/[,}\]]|\s#/);
    const value = r.pick(ODD_VALUES);
    return [t.slice(0, at) + value + t.slice(stop < 0 ? end : at + stop), `scalar at ${at} -> ${value.slice(0, 30)}`];
  },
  (t, r) => {
    const offsets = valueOffsets(t);
    if (offsets.length === 0) return [t, 'no value to tag'];
    const at = r.pick(offsets);
    const tag = r.pick(TAGS);
    return [`${t.slice(0, at)}${tag} ${t.slice(at)}`, `tag ${tag} at ${at}`];
  },
  (t, r) => {
    const offsets = valueOffsets(t);
    if (offsets.length < 2) return [t, 'no values to alias'];
    const a = r.pick(offsets);
    const b = r.pick(offsets);
    const [first, second] = a <= b ? [a, b] : [b, a];
    const end = t.indexOf('\n', second) < 0 ? t.length : t.indexOf('\n', second);
    const text = `${t.slice(0, first)}&anchor ${t.slice(first, second)}*anchor${t.slice(end)}`;
    return [text, `anchor at ${first}, alias at ${second}`];
  },
  (t, r) => {
    const ls = lines(t);
    const keyed = ls.map((l, i) => [l, i] as const).filter(([l]) => /^ +[a-zA-Z]+:/.test(l));
    if (keyed.length === 0) return [t, 'no key for a merge'];
    const [l, i] = r.pick(keyed);
    const indent = /^ */.exec(l)![0];
    ls.splice(i, 0, `${indent}<<: {extra: 1}`);
    return [ls.join('\n'), `merge key at line ${i + 1}`];
  },
  (t) => [`%TAG !e! tag:example.com,2000:\n---\n${t}`, '%TAG directive'],
  (t) => [`%YAML 1.1\n---\n${t}`, '%YAML 1.1 directive'],
  (t, r) => {
    const depth = r.pick([40, 70, 500, 10_000]);
    const open = r.pick(['[', '{a: ']);
    return [`${t}\n---\nx: ${open.repeat(depth)}\n`, `${depth} nested ${open}`];
  },
  (t, r) => {
    const n = r.pick([100, 2000]);
    const keys = Array.from({ length: n }, (_, i) => `  unknown${i}: ${i}\n`).join('');
    return [t.replace(/^spec:\n/m, `spec:\n${keys}`), `${n} unknown fields`];
  },
  (t) => [`${t}\n---\n${ALIAS_BOMB}`, 'alias bomb'],
  (t, r) => {
    const at = r.int(t.length);
    return [`${t.slice(0, at)}\0${t.slice(at)}`, `NUL at ${at}`];
  },
  (t) => [`\ufeff${t}`, 'byte-order mark'],
  (t) => [t.replace(/\n/g, '\r\n'), 'CRLF line ends'],
  (t, r) => {
    const ls = lines(t);
    const at = r.int(ls.length);
    ls.splice(at, 0, `# ${'y'.repeat(200_000)}`);
    return [ls.join('\n'), `a 200,000-character comment at line ${at + 1}`];
  },
  (t, r) => {
    const ls = lines(t);
    const keyed = ls.map((l, i) => [l, i] as const).filter(([l]) => /^ *[a-zA-Z]+:/.test(l));
    if (keyed.length === 0) return [t, 'no key to garble'];
    const [l, i] = r.pick(keyed);
    ls[i] = l.replace(/([a-zA-Z]+):/, '$1\x1b[31m\x07:');
    return [ls.join('\n'), `control characters in the key at line ${i + 1}`];
  },
  (t) => [`${t}\n---\n${t}`, 'every document twice'],
  () => ['', 'emptied'],
  (t, r) => {
    const ls = lines(t);
    const at = r.int(ls.length);
    ls.splice(at, 0, '- - - - [a, {b: [c]}]');
    return [ls.join('\n'), `a nested list inserted at line ${at + 1}`];
  },
];

/** One mutation of the folder: renames, deletions, entries that are not regular files. */
const FOLDER_MUTATIONS: Array<(c: Case, r: Rng) => string> = [
  (c, r) => {
    const from = r.pick([...c.files.keys()]);
    const to = r.pick(RENAMES);
    const text = c.files.get(from)!;
    c.files.delete(from);
    c.files.set(to, text);
    return `${from} renamed to ${JSON.stringify(to)}`;
  },
  (c, r) => {
    const name = r.pick([...c.files.keys()]);
    c.files.delete(name);
    return `${name} deleted`;
  },
  (c, r) => {
    const target = r.pick([...[...c.files.keys()], '/dev/zero', '/dev/urandom', 'missing.yaml', 'link.yaml', '/etc']);
    c.extras.push({ kind: 'symlink', name: 'link.yaml', target });
    return `link.yaml -> ${target}`;
  },
  (c, r) => {
    const name = r.pick([...c.files.keys()]);
    c.extras.push({ kind: 'symlink', name, target: `${name}.real` });
    c.files.set(`${name}.real`, c.files.get(name)!);
    c.files.delete(name);
    return `${name} replaced by a link to a copy`;
  },
  (c) => {
    c.extras.push({ kind: 'fifo', name: 'pipe.yaml' });
    return 'a FIFO named pipe.yaml';
  },
  (c) => {
    c.extras.push({ kind: 'dir', name: 'folder.yml' });
    return 'a folder named folder.yml';
  },
];

async function readBase(base: string): Promise<Map<string, Buffer>> {
  const dir = join(PACKAGE_ROOT, 'environments', base);
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(dir)).sort())
    if (/\.ya?ml$/.test(name)) files.set(name, await readFile(join(dir, name)));
  return files;
}

function makeCases(bases: Map<string, Map<string, Buffer>>): Case[] {
  const random = prng(SEED);
  const r: Rng = {
    int: (n) => Math.floor(random() * Math.max(1, n)),
    pick: (list) => list[Math.floor(random() * list.length)],
  };
  const cases: Case[] = [];
  for (const [base, files] of bases) {
    for (let i = 0; i < CASES_PER_BASE; i++) {
      const c: Case = { name: `${base}-${i}`, base, mutations: [], files: new Map(files), extras: [] };
      const count = r.int(10) < 7 ? 1 : 2;
      for (let k = 0; k < count; k++) {
        if (r.int(6) === 0) {
          c.mutations.push(r.pick(FOLDER_MUTATIONS)(c, r));
        } else {
          const names = [...c.files.keys()];
          if (names.length === 0) continue;
          const file = r.pick(names);
          const [text, what] = r.pick(TEXT_MUTATIONS)(c.files.get(file)!.toString('utf8'), r);
          c.files.set(file, Buffer.from(text));
          c.mutations.push(`${file}: ${what}`);
        }
      }
      cases.push(c);
    }
  }
  return cases;
}

/** Writes a case as an environment folder (and, for plan, its base's recorded snapshots). */
async function materialize(c: Case, dir: string, opts: { sim?: boolean; observed?: boolean } = {}): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, bytes] of c.files) {
    // Sim nodes for plan: the lab's netns nodes become sim nodes, the rest already are.
    const text = opts.sim
      ? Buffer.from(
          bytes.toString('latin1').replace(/transport: netns, namespace: [\w-]+/g, 'transport: sim'),
          'latin1',
        )
      : bytes;
    await writeFile(join(dir, name), text);
  }
  for (const extra of c.extras) {
    const path = join(dir, extra.name);
    if (extra.kind === 'symlink') await symlink(extra.target, path);
    else if (extra.kind === 'fifo') await execa('mkfifo', [path]);
    else await mkdir(path, { recursive: true });
  }
  if (opts.observed) {
    const from = join(PACKAGE_ROOT, 'environments', c.base, 'observed');
    const names = await readdir(from).catch(() => [] as string[]);
    await mkdir(join(dir, 'observed'), { recursive: true });
    for (const name of names) await writeFile(join(dir, 'observed', name), await readFile(join(from, name)));
  }
}

/** Every file under a folder with a hash of its contents: "unchanged" means the same listing. */
async function fingerprint(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const name of (await readdir(d).catch(() => [] as string[])).sort()) {
      const path = join(d, name);
      if ((await stat(path)).isDirectory()) await walk(path);
      else
        out.push(
          `${path} ${createHash('sha256')
            .update(await readFile(path))
            .digest('hex')}`,
        );
    }
  };
  await walk(dir);
  return out;
}

function checkResult(c: Case, dir: string, result: ValidationResult): void {
  const what = `${c.name} (${c.mutations.join('; ')})`;
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  assert.equal(result.valid, errors.length === 0, `${what}: the verdict does not match the errors`);
  for (const d of result.diagnostics) {
    const src = d.source;
    assert.ok(src, `${what}: ${d.ruleId} has no source: ${d.summary}`);
    assert.ok(src.file === dir || src.file.startsWith(`${dir}/`), `${what}: ${d.ruleId} names ${src.file}`);
    assert.ok(Number.isInteger(src.line) && src.line >= 1, `${what}: ${d.ruleId} line ${src.line}`);
    assert.ok(Number.isInteger(src.col) && src.col >= 1, `${what}: ${d.ruleId} col ${src.col}`);
    assert.doesNotMatch(d.summary, /call stack|RangeError|TypeError|undefined is not/, `${what}: ${d.summary}`);
  }
}

describe('bad-input sweep over the shipped environments', () => {
  let tmp: string;
  let cases: Case[] = [];
  const results = new Map<string, ValidationResult>();
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'tandem-sweep-'));
    const bases = new Map<string, Map<string, Buffer>>();
    for (const base of BASES) bases.set(base, await readBase(base));
    cases = makeCases(bases);
  });
  after(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('the shipped environments themselves are valid (the sweep starts from good input)', async () => {
    for (const base of BASES) {
      const result = await validateEnvironment(join(PACKAGE_ROOT, 'environments', base));
      assert.equal(result.valid, true, `${base}: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
    }
  });

  it(`${BASES.length * CASES_PER_BASE} mutated environments: no throw, the right verdict, positions`, async () => {
    assert.ok(cases.length >= 300, `${cases.length} cases`);
    const slowest = { ms: 0, name: '' };
    for (const c of cases) {
      const dir = join(tmp, 'cases', c.name);
      await materialize(c, dir);
      const started = performance.now();
      let result: ValidationResult;
      try {
        result = await validateEnvironment(dir);
      } catch (err) {
        assert.fail(`${c.name} (${c.mutations.join('; ')}) threw: ${(err as Error).stack}`);
      }
      const ms = performance.now() - started;
      if (ms > slowest.ms) Object.assign(slowest, { ms, name: c.name });
      assert.ok(ms < 2000, `${c.name} (${c.mutations.join('; ')}) took ${ms.toFixed(0)} ms`);
      checkResult(c, dir, result);
      results.set(c.name, result);
    }
    const invalid = [...results.values()].filter((r) => !r.valid).length;
    // Most mutations break something; a sweep that finds everything valid mutates nothing.
    assert.ok(invalid > cases.length / 2, `only ${invalid} of ${cases.length} cases invalid`);
    assert.ok(invalid < cases.length, 'some mutations (a comment, a BOM, CRLF) leave the environment valid');
    console.log(
      `# sweep: ${cases.length} cases, ${invalid} invalid, slowest ${slowest.name} ${slowest.ms.toFixed(0)} ms`,
    );
    // TANDEM_SWEEP_LIST=1 lists every case with its verdict, to review what the mutations made.
    if (process.env.TANDEM_SWEEP_LIST)
      for (const c of cases)
        console.log(`# ${results.get(c.name)!.valid ? 'valid' : 'invalid'} ${c.name}: ${c.mutations.join('; ')}`);
  });

  it(`a sample of ${CLI_SAMPLE} through the CLI process: validate exits 0 or 1, no stack trace`, async () => {
    const step = Math.floor(cases.length / CLI_SAMPLE);
    const sample = cases.filter((_, i) => i % step === 0).slice(0, CLI_SAMPLE);
    const runs = await mapBounded(sample, 3, (c) =>
      execa(process.execPath, [CLI, 'validate', join(tmp, 'cases', c.name)], {
        cwd: PACKAGE_ROOT,
        reject: false,
        timeout: 30_000,
        env: { NO_COLOR: '1' },
      }),
    );
    sample.forEach((c, i) => {
      const r = runs[i];
      const what = `${c.name} (${c.mutations.join('; ')})`;
      const out = `${String(r.stdout)}${String(r.stderr)}`;
      assert.ok(r.exitCode === 0 || r.exitCode === 1, `${what}: exit ${r.exitCode}\n${out.slice(0, 2000)}`);
      assert.equal(r.exitCode === 0, results.get(c.name)!.valid, `${what}: the CLI and the library disagree`);
      assert.doesNotMatch(out, /^ {4}at /m, `${what}: stack trace\n${out.slice(0, 2000)}`);
      assert.ok(Buffer.byteLength(out) < 100_000, `${what}: ${Buffer.byteLength(out)} bytes of output`);
    });
  });

  it(`the same sample through plan on sim nodes: nothing written to any node`, async () => {
    const step = Math.floor(cases.length / CLI_SAMPLE);
    const sample = cases.filter((_, i) => i % step === 0).slice(0, CLI_SAMPLE);
    let invalid = 0;
    let protectedCases = 0;
    for (const c of sample) {
      const what = `${c.name} (${c.mutations.join('; ')})`;
      const stateDir = join(tmp, 'state', c.name);
      // The sim nodes start from the unmutated base under the same folder name, so there is state to protect.
      const pristine = { ...c, files: await readBase(c.base), extras: [] };
      await materialize(pristine, join(tmp, 'pristine', c.name), { sim: true, observed: true });
      const reset = await runCli(['sim', 'reset', join(tmp, 'pristine', c.name)], { stateDir });
      assert.equal(reset.code, 0, `${what}: sim reset\n${reset.stderr}`);
      // The lab records no snapshots: its sim nodes start empty, and must stay so.
      const before = await fingerprint(stateDir);
      if (before.length > 0) protectedCases++;

      const dir = join(tmp, 'plan', c.name);
      await materialize(c, dir, { sim: true, observed: true });
      const valid = (await validateEnvironment(dir)).valid;
      const r = await runCli(['plan', dir], { stateDir });
      const out = r.stdout + r.stderr;
      assert.doesNotMatch(out, /^ {4}at /m, `${what}: stack trace\n${out.slice(0, 2000)}`);
      if (!valid) {
        invalid++;
        assert.equal(r.code, 1, `${what}: plan of an invalid environment\n${out.slice(0, 2000)}`);
      } else {
        assert.ok([0, 1, 2, 3].includes(r.code), `${what}: plan exit ${r.code}`);
      }
      // plan only observes: no node's state changes, valid or not.
      assert.deepEqual(await fingerprint(stateDir), before, `${what}: sim state changed`);
    }
    assert.ok(invalid > 0, 'the sample holds invalid cases');
    assert.ok(protectedCases >= CLI_SAMPLE / 2, `only ${protectedCases} cases had sim state to protect`);
  });
});
