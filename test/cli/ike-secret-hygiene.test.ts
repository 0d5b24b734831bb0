// An IKE connection's pre-shared key never leaves the node's environment variable or
// key file: with a known value in both, every command in every format (validate, plan,
// plan --base/--head, apply, observe, show, reconcile, status) runs as a real process
// and nothing it prints or writes (stdout, stderr, JSON, markdown, the audit log, sim
// state, snapshots, the reconcile status) contains the key or a piece of it.
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import { PACKAGE_ROOT } from '../../src/paths.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const ENV_SECRET = 'IkeEnvSecret-7f3a9c1e5b2d8f4a6c0e';
const FILE_SECRET = 'IkeFileSecret-2b8d4f6a0c3e5a7c9e1b';
const PIECES = [
  ENV_SECRET,
  FILE_SECRET,
  ENV_SECRET.slice(0, 14),
  FILE_SECRET.slice(0, 14),
  'f3a9c1e5b2d8',
  '8d4f6a0c3e5a',
];

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* filesUnder(path);
    else if (e.isFile()) yield path;
  }
}

describe('an IKE pre-shared key is never printed or written (CLI processes)', () => {
  let dir: string;
  let env: Record<string, string>;
  const outputs: Array<{ what: string; text: string }> = [];
  /** Runs tandem and checks its exit code (one of `codes`). */
  const run = async (codes: number[], ...args: string[]) => {
    const r = await execa(process.execPath, [CLI, ...args], { cwd: dir, env, reject: false });
    const text = `${r.stdout}\n${r.stderr}`;
    outputs.push({ what: `tandem ${args.join(' ')}`, text });
    assert.ok(codes.includes(r.exitCode ?? -1), `tandem ${args.join(' ')}: exit ${r.exitCode}\n${text}`);
  };
  const git = (...args: string[]) =>
    execa('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-ike-secret-'));
    await cp(join(PACKAGE_ROOT, 'environments', 'serviceguard'), join(dir, 'sg'), { recursive: true });
    // A second environment whose psk is a key file outside the repository.
    await cp(join(dir, 'sg'), join(dir, 'sgfile'), { recursive: true });
    const keyFile = join(dir, 'keys', 'pkga.psk');
    await mkdir(join(dir, 'keys'));
    await writeFile(keyFile, `${FILE_SECRET}\n`, { mode: 0o600 });
    const ike = await readFile(join(dir, 'sgfile', 'ike.yaml'), 'utf8');
    const withFile = ike.replace('psk: { env: TANDEM_PKGA_PSK }', `psk: { file: ${keyFile} }`);
    assert.notEqual(withFile, ike);
    await writeFile(join(dir, 'sgfile', 'ike.yaml'), withFile);
    env = {
      ...process.env,
      TANDEM_STATE_DIR: join(dir, 'state'),
      NO_COLOR: '1',
      TANDEM_PKGA_PSK: ENV_SECRET,
      TANDEM_PKGA_KEY: ENV_SECRET,
    };
    await git('init', '--quiet', '--initial-branch', 'main');
    await git('add', 'sg', 'sgfile');
    await git('commit', '--quiet', '-m', 'serviceguard with an IKE connection');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  for (const e of ['sg', 'sgfile']) {
    it(`${e}: validate, plan, apply, observe, show in every format exit as they should`, async () => {
      await run([0], 'validate', e);
      await run([0], 'validate', e, '--format', 'json');
      for (const format of ['text', 'markdown', 'json']) await run([2], 'plan', e, '--format', format);
      await run(
        [2],
        'plan',
        e,
        '--base',
        'HEAD',
        '--head',
        'HEAD',
        '--observed',
        `${e}/observed`,
        '--format',
        'markdown',
      );
      await run([0], 'apply', e, '--yes');
      await run([0], 'plan', e, '--format', 'json');
      await run([0], 'observe', e, '--out', join(dir, 'state', `snap-${e}`));
      await run([0], 'show', e);
    });
  }

  it('reconcile and status, text and JSON', async () => {
    await run([0], 'reconcile', 'sg', '--repo', dir, '--once');
    await run([0], 'status', 'sg');
    await run([0], 'status', 'sg', '--format', 'json');
  });

  it('no output and no file tandem wrote contains the key or a piece of it', async () => {
    assert.ok(outputs.length >= 20);
    for (const { what, text } of outputs)
      for (const piece of PIECES) assert.ok(!text.includes(piece), `${what} shows the key:\n${text}`);
    let files = 0;
    for await (const file of filesUnder(join(dir, 'state'))) {
      files++;
      const text = await readFile(file, 'utf8');
      for (const piece of PIECES) assert.ok(!text.includes(piece), `${file} holds the key`);
    }
    // The audit log, sim state, snapshots and the status file are among them.
    assert.ok(files >= 5, `only ${files} files written`);
    const audit = await readFile(join(dir, 'state', 'audit.ndjson'), 'utf8');
    assert.match(audit, /\S/);
    // The control: the search finds the key where it is meant to be.
    const keyFile = await readFile(join(dir, 'keys', 'pkga.psk'), 'utf8');
    assert.ok(PIECES.some((piece) => keyFile.includes(piece)));
  });
});
