// `tandem validate` as a user runs it: the built CLI as a separate process. Every
// corpus case must exit 1 with its file:line:col in the output and no stack trace;
// JSON output follows docs/validate-json.md; colour only on a TTY without NO_COLOR.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { expectedFile, listCorpus } from '../helpers/corpus.js';
import { CLUSTER } from '../helpers/env.js';
import { mapBounded } from '../../src/bounded.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
// eslint-disable-next-line no-control-regex -- an ANSI escape starts with ESC: matching it is the point
const ANSI = /\x1b\[/;
const STACK_LINE = /^\s+at .+/m;

/** The output of `tandem validate --format json` (docs/validate-json.md). */
interface ValidateJson {
  formatVersion: number;
  valid: boolean;
  environments: Array<{
    dir: string;
    valid: boolean;
    files: string[];
    documents: number;
    errors: number;
    warnings: number;
    diagnostics: Diagnostic[];
  }>;
}

interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}

async function tandem(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const r = await execa(process.execPath, [CLI, ...args], { cwd: PACKAGE_ROOT, reject: false, env, timeout: 60_000 });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

function assertNoCrash(r: Run, what: string): void {
  for (const [name, text] of [
    ['stdout', r.stdout],
    ['stderr', r.stderr],
  ] as const) {
    assert.doesNotMatch(text, STACK_LINE, `${what}: stack trace on ${name}:\n${text}`);
    assert.doesNotMatch(text, /internal error/i, `${what}: internal error on ${name}:\n${text}`);
  }
}

const corpus = listCorpus();

describe('tandem validate (CLI process) on the bad-input corpus', () => {
  const runs = new Map<string, Run>();
  before(async () => {
    const results = await mapBounded(corpus, 4, (c) => tandem(['validate', c.relDir]));
    corpus.forEach((c, i) => runs.set(c.name, results[i]));
  });

  for (const c of corpus) {
    it(`${c.name}: exit 1 at ${c.expect.file}:${c.expect.line}:${c.expect.col}`, () => {
      const r = runs.get(c.name)!;
      assert.equal(r.exitCode, 1, `exit code\n${r.stdout}${r.stderr}`);
      const where = `${expectedFile(c, c.relDir)}:${c.expect.line}:${c.expect.col}`;
      const line = r.stdout.split('\n').find((l) => l.includes(`error[${c.expect.ruleId}] ${where}: `));
      assert.ok(line, `no "error[${c.expect.ruleId}] ${where}:" line in:\n${r.stdout}`);
      assert.match(r.stdout, new RegExp(`${escape(c.relDir)}: invalid \\(`));
      assertNoCrash(r, c.name);
    });
  }
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('tandem validate (CLI process)', () => {
  let tmp: string;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'tandem-cli-'));
  });
  after(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('--format json on a valid environment: exit 0 and the documented fields', async () => {
    const r = await tandem(['validate', '--format', 'json', 'environments/demo']);
    assert.equal(r.exitCode, 0, r.stdout + r.stderr);
    const out = JSON.parse(r.stdout) as ValidateJson;
    assert.deepEqual(Object.keys(out).sort(), ['environments', 'formatVersion', 'valid']);
    assert.equal(out.formatVersion, 1);
    assert.equal(out.valid, true);
    const [env] = out.environments;
    assert.equal(env.dir, 'environments/demo');
    assert.equal(env.valid, true);
    assert.deepEqual(env.files, [
      'environments/demo/addresses.yaml',
      'environments/demo/cluster.yaml',
      'environments/demo/nodes.yaml',
    ]);
    assert.equal(env.documents, 6);
    assert.equal(env.errors, 0);
    assert.equal(env.warnings, env.diagnostics.length);
    assert.equal(r.stderr, '');
  });

  it('--format json on an invalid environment: exit 1, diagnostics with rule id and position', async () => {
    const c = corpus.find((x) => x.name === 'failover-to-tunnel')!;
    const r = await tandem(['validate', '--format', 'json', c.relDir]);
    assert.equal(r.exitCode, 1);
    const out = JSON.parse(r.stdout) as ValidateJson;
    assert.equal(out.valid, false);
    const [env] = out.environments;
    assert.equal(env.valid, false);
    assert.ok(env.errors >= 1);
    const d = env.diagnostics.find((x) => x.ruleId === c.expect.ruleId);
    assert.ok(d, JSON.stringify(env.diagnostics));
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.source, { file: expectedFile(c, c.relDir), line: c.expect.line, col: c.expect.col });
    assert.ok(d.summary.includes(c.expect.message));
    assert.equal(typeof d.detail, 'string');
    assert.ok(Array.isArray(d.objects) && d.objects.includes('n1/eth2'), JSON.stringify(d.objects));
    assert.equal(typeof d.reference, 'string');
    assert.ok(Array.isArray(d.related) && d.related[0].source.file.endsWith('nodes.yaml'));
  });

  it('every field of the JSON output is documented in docs/validate-json.md', async () => {
    const doc = await readFile(join(PACKAGE_ROOT, 'docs', 'validate-json.md'), 'utf8');
    // First column of the field tables: | `name` | type | meaning |, padded to the widest name.
    const documented = new Set([...doc.matchAll(/^\| `([A-Za-z]+)` +\|/gm)].map((m) => m[1]));
    const c = corpus.find((x) => x.name === 'failover-to-tunnel')!;
    const out = JSON.parse(
      (await tandem(['validate', '--format', 'json', 'environments/demo', c.relDir])).stdout,
    ) as ValidateJson;
    const keys = new Set<string>(Object.keys(out));
    for (const env of out.environments) {
      Object.keys(env).forEach((k) => keys.add(k));
      for (const d of env.diagnostics) {
        Object.keys(d).forEach((k) => keys.add(k));
        Object.keys(d.source ?? {}).forEach((k) => keys.add(`source.${k}`));
      }
    }
    for (const key of keys) {
      const name = key.replace(/^source\./, '');
      if (key.startsWith('source.')) assert.match(doc, new RegExp(`\`${name}\``), `source field ${name} undocumented`);
      else assert.ok(documented.has(name), `field ${name} is not documented in docs/validate-json.md`);
    }
    assert.ok(keys.has('related') && keys.has('reference'), 'the sample covers the optional fields');
  });

  it('several environments: one verdict each, exit 1 if any is invalid', async () => {
    const bad = corpus.find((x) => x.name === 'duplicate-priorities')!;
    const r = await tandem(['validate', '--format', 'json', 'environments/demo', bad.relDir]);
    assert.equal(r.exitCode, 1);
    const out = JSON.parse(r.stdout) as ValidateJson;
    assert.deepEqual(
      out.environments.map((e) => e.valid),
      [true, false],
    );
    assert.equal(out.valid, false);
  });

  it('exit 0 on a valid environment with warnings, the warnings printed', async () => {
    const dir = join(tmp, 'warnings');
    await writeEnv(dir, {
      'cluster.yaml': CLUSTER,
      'nodes.yaml': nodeDoc('n1', 'n2', 11, 'down') + '---\n' + nodeDoc('n2', 'n1', 12, 'up'),
    });
    const r = await tandem(['validate', dir]);
    assert.equal(r.exitCode, 0, r.stdout);
    assert.match(
      r.stdout,
      new RegExp(`warning\\[FO007\\] ${escape(join(dir, 'nodes.yaml'))}:\\d+:\\d+: Node/n1: eth0 is held down`),
    );
    assert.match(r.stdout, /: valid \(3 documents in 2 files, 0 errors, 1 warnings\)/);
  });

  it('non-TTY output has no ANSI escapes, with or without NO_COLOR', async () => {
    const bad = corpus.find((x) => x.name === 'cidr-octet-300')!;
    for (const env of [{}, { NO_COLOR: '1' }] as Array<Record<string, string>>) {
      const r = await tandem(['validate', bad.relDir], env);
      assert.equal(r.exitCode, 1);
      assert.match(r.stdout, /error\[ADDR001\]/);
      assert.doesNotMatch(r.stdout + r.stderr, ANSI);
    }
  });

  it('a missing directory: exit 1 and a message naming it, no stack trace', async () => {
    const r = await tandem(['validate', 'environments/does-not-exist']);
    assert.equal(r.exitCode, 1);
    assert.match(
      r.stdout,
      /error\[LOAD001\] environments\/does-not-exist:1:1: cannot read environment environments\/does-not-exist: ENOENT/,
    );
    assert.match(r.stdout, /environments\/does-not-exist: invalid/);
    assertNoCrash(r, 'missing directory');
  });

  it('an unknown --format is a usage error with exit 1', async () => {
    const r = await tandem(['validate', '--format', 'xml', 'environments/demo']);
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, /xml/);
    assertNoCrash(r, 'bad format');
  });
});

describe('tandem validate colour (in-process, simulated terminal)', () => {
  const bad = corpus.find((x) => x.name === 'cidr-octet-300')!;

  async function runOnTty(env: NodeJS.ProcessEnv): Promise<string> {
    const stdout = Object.assign(new PassThrough(), { isTTY: true });
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    let text = '';
    stdout.on('data', (chunk) => (text += String(chunk)));
    const io: CliIO = { stdout, stderr, stdin: new PassThrough(), env, cwd: PACKAGE_ROOT };
    const code = await main(['validate', bad.dir], io);
    assert.equal(code, 1);
    return text;
  }

  it('colours a TTY', async () => {
    assert.match(await runOnTty({}), ANSI);
  });

  it('honours NO_COLOR on a TTY', async () => {
    const text = await runOnTty({ NO_COLOR: '1' });
    assert.match(text, /error\[ADDR001\]/);
    assert.doesNotMatch(text, ANSI);
  });
});

function nodeDoc(name: string, peer: string, host: number, state: 'up' | 'down'): string {
  return `apiVersion: tandem/v1
kind: Node
metadata: { name: ${name} }
spec:
  provider: p1
  connection: { transport: sim }
  interfaces:
    - name: eth0
      type: physical
      segment: public
      state: ${state}
      addresses: [192.0.2.${host}/24]
      failover: { node: ${peer}, interface: eth0 }
`;
}

async function writeEnv(dir: string, files: Record<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}

describe('tandem validate (CLI process) on the shipped environments', () => {
  it('environments/cip and environments/serviceguard: exit 0, zero errors and zero warnings', async () => {
    const r = await tandem(['validate', 'environments/cip', 'environments/serviceguard']);
    assert.equal(r.exitCode, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^environments\/cip: valid \(5 documents in 3 files, 0 errors, 0 warnings\)$/m);
    assert.match(r.stdout, /^environments\/serviceguard: valid \(7 documents in 4 files, 0 errors, 0 warnings\)$/m);
    assert.equal(r.stderr, '');
  });
});
