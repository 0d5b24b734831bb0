// `tandem validate` as a user runs it: the built CLI as a separate process. Every
// corpus case must exit 1 with its file:line:col in the output and no stack trace;
// JSON output follows docs/validate-json.md; colour only on a TTY without NO_COLOR.
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { worldReadableCli } from '../helpers/world-readable.js';
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
    assert.match(r.stdout, /: valid \(3 documents in 2 files, 0 errors, 1 warning\)/);
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
    assert.match(r.stdout, /^environments\/serviceguard: valid \(8 documents in 5 files, 0 errors, 0 warnings\)$/m);
    assert.equal(r.stderr, '');
  });
});

describe('tandem validate (CLI process) on hostile folders and files', () => {
  let tmp: string;
  let server: Server | undefined;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'tandem-cli-hostile-'));
    // Readable by the unprivileged user of the permission cases below.
    await chmod(tmp, 0o755);
  });
  after(async () => {
    server?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  /** A valid environment plus one hostile entry named entry.yaml, made by `make`. */
  async function envWith(name: string, make: (entry: string) => Promise<unknown>): Promise<string> {
    const dir = join(tmp, name);
    await writeEnv(dir, { 'cluster.yaml': CLUSTER });
    await make(join(dir, 'entry.yaml'));
    return dir;
  }

  /** Exit 1, the error line naming the path at 1:1, no stack trace, and no hang (execa's timeout). */
  function assertRefused(r: Run, ruleId: string, path: string, message: RegExp, what: string): void {
    assert.equal(r.exitCode, 1, `${what}: exit code\n${r.stdout}${r.stderr}`);
    const line = r.stdout.split('\n').find((l) => l.startsWith(`error[${ruleId}] ${path}:1:1: `));
    assert.ok(line, `${what}: no "error[${ruleId}] ${path}:1:1:" line in:\n${r.stdout}`);
    assert.match(line, message, what);
    assertNoCrash(r, what);
  }

  const entries: Array<[string, (entry: string) => Promise<unknown>, RegExp]> = [
    ['link to a file', (e) => symlink('cluster.yaml', e), /is a symbolic link, not a regular file/],
    ['dangling link', (e) => symlink('missing.yaml', e), /is a symbolic link/],
    ['link loop', (e) => symlink('entry.yaml', e), /is a symbolic link/],
    ['link to /dev/zero', (e) => symlink('/dev/zero', e), /is a symbolic link/],
    ['link to /dev/urandom', (e) => symlink('/dev/urandom', e), /is a symbolic link/],
    ['link to a folder', (e) => symlink('/etc', e), /is a symbolic link/],
    ['folder named entry.yaml', (e) => mkdir(e), /is a folder, not a regular file/],
    ['FIFO', (e) => execa('mkfifo', [e]), /is a named pipe \(FIFO\)/],
    [
      'socket',
      (e) => {
        server = createServer();
        return new Promise<void>((done) => server!.listen(e, done));
      },
      /is a socket/,
    ],
  ];
  for (const [what, make, message] of entries) {
    it(`an entry that is a ${what}: LOAD005 naming it, never read, never a hang`, async () => {
      const dir = await envWith(what.replace(/\W+/g, '-'), make);
      const started = performance.now();
      const r = await tandem(['validate', dir]);
      const elapsed = performance.now() - started;
      assertRefused(r, 'LOAD005', join(dir, 'entry.yaml'), message, what);
      assert.ok(elapsed < 10_000, `${what}: took ${elapsed.toFixed(0)} ms`);
    });
  }

  const environmentPaths: Array<[string, (path: string) => Promise<unknown>, RegExp]> = [
    ['a file', (p) => writeFile(p, CLUSTER), /is a file, not a directory/],
    ['a FIFO', (p) => execa('mkfifo', [p]), /is a named pipe \(FIFO\), not a directory/],
    ['a dangling link', (p) => symlink('nowhere', p), /a symbolic link whose target does not exist/],
    ['a link loop', (p) => symlink(basename(p), p), /a symbolic link loop/],
    ['a link to /dev/zero', (p) => symlink('/dev/zero', p), /a symbolic link to a device, not a directory/],
  ];
  for (const [what, make, message] of environmentPaths) {
    it(`an environment path that is ${what}: LOAD001 naming it`, async () => {
      const path = join(tmp, `env-${what.replace(/\W+/g, '-')}`);
      await make(path);
      assertRefused(await tandem(['validate', path]), 'LOAD001', path, message, what);
    });
  }

  const dropToNobody = ['--reuid=65534', '--regid=65534', '--clear-groups'];
  const privileges = process.getuid?.() === 0 ? undefined : 'needs root to run the CLI as an unprivileged user';
  it(
    'an unreadable file (LOAD006) and an unreadable folder (LOAD001), read by an unprivileged user',
    {
      skip: privileges,
    },
    async () => {
      // As root chmod 000 still reads; the CLI runs as nobody (uid 65534) through setpriv.
      const dir = join(tmp, 'unreadable');
      await writeEnv(dir, { 'cluster.yaml': CLUSTER, 'secret.yaml': CLUSTER });
      await chmod(dir, 0o755);
      await chmod(join(dir, 'cluster.yaml'), 0o644);
      await chmod(join(dir, 'secret.yaml'), 0o000);
      // Nobody may not reach this checkout (a clone under a 0700 folder): a copy it can read.
      const copy = await worldReadableCli(PACKAGE_ROOT);
      const asNobody = async (path: string): Promise<Run> => {
        const r = await execa('setpriv', [...dropToNobody, process.execPath, copy.cli, 'validate', path], {
          cwd: copy.dir,
          reject: false,
          timeout: 60_000,
        });
        return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
      };
      const file = await asNobody(dir);
      assertRefused(file, 'LOAD006', join(dir, 'secret.yaml'), /cannot read .*secret\.yaml: EACCES/, 'file');
      await chmod(dir, 0o000);
      const folder = await asNobody(dir);
      await chmod(dir, 0o755);
      assertRefused(folder, 'LOAD001', dir, /cannot read environment .*: EACCES/, 'folder');
    },
  );

  it('10,000 unknown fields in one file: 50 errors and a count, small output, exit 1', async () => {
    const dir = join(tmp, 'unknown-fields');
    const fields = Array.from({ length: 10_000 }, (_, i) => `  unknown${i}: ${i}\n`).join('');
    await writeEnv(dir, {
      'cluster.yaml': CLUSTER,
      'nodes.yaml': nodeDoc('n1', 'n2', 11, 'up').replace('spec:\n', `spec:\n${fields}`),
    });
    const started = performance.now();
    const r = await tandem(['validate', dir]);
    const elapsed = performance.now() - started;
    assert.equal(r.exitCode, 1);
    assertNoCrash(r, 'unknown fields');
    assert.ok(r.stdout.length < 30_000, `${r.stdout.length} bytes of output`);
    assert.equal(r.stdout.match(/^error\[SCHEMA\] /gm)?.length, 50);
    assert.match(r.stdout, /^error\[LOAD008\] .*nodes\.yaml:\d+:3: 9950 more errors in .*nodes\.yaml not shown$/m);
    assert.match(r.stdout, /: invalid \(2 documents in 2 files, 51 errors, 0 warnings\)/);
    // A bound against pathological growth, not a speed measure (that is npm run bench): a fresh
    // process, start-up included, on a machine that may be busy.
    assert.ok(elapsed < 20_000, `took ${elapsed.toFixed(0)} ms`);
  });

  it('control characters in file names and values reach the terminal escaped', async () => {
    const dir = join(tmp, 'control');
    const evil = 'evil\x1b[2J\u202e.yaml';
    await writeEnv(dir, {
      'cluster.yaml': CLUSTER,
      [evil]: 'apiVersion: tandem/v1\nkind: Node\nmetadata: { name: "\\e[31mred" }\nbogus\x1b]0;title\x07: 1\n',
    });
    const r = await tandem(['validate', dir]);
    assert.equal(r.exitCode, 1, r.stdout);
    assertNoCrash(r, 'control characters');
    // eslint-disable-next-line no-control-regex -- no raw control character may reach the terminal
    assert.doesNotMatch(r.stdout + r.stderr, /[\x00-\x08\x0b-\x1f\x7f\u202e]/);
    assert.ok(r.stdout.includes(`${join(dir, 'evil')}\\u001b[2J\\u202e.yaml:`), r.stdout);
    assert.ok(r.stdout.includes('\\u001b]0;title\\u0007'), r.stdout);
  });

  it('a 200,000-character line: the excerpt shows 160 characters around the column, with … marks', async () => {
    const dir = join(tmp, 'long-line');
    const long = `metadata: { name: n1, padding: "${'x'.repeat(200_000)}", colour: blue }`;
    await writeEnv(dir, { 'cluster.yaml': CLUSTER, 'nodes.yaml': `apiVersion: tandem/v1\nkind: Node\n${long}\n` });
    const r = await tandem(['validate', dir]);
    assert.equal(r.exitCode, 1);
    assertNoCrash(r, 'long line');
    const longest = Math.max(...r.stdout.split('\n').map((l) => l.length));
    assert.ok(longest < 400, `an output line of ${longest} characters`);
    assert.match(r.stdout, /^ {2}3 \| …x+", colour: blue }$/m);
  });
});
