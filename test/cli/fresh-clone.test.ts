// The README's two commands in a fresh clone under a 0700 folder, where a new user
// (a `mktemp -d` clone, anything under /root) meets them. The clone is of this
// repository's HEAD: what is committed, not the work tree.
//
// `npm ci && npm start` runs as written. `npm ci && npm test` would run this file
// again inside the clone (and every other suite twice), so the clone runs `npm ci`,
// then the build and the tests that depend on the folder: the ones that drop to an
// unprivileged user (uid 65534), who cannot enter a 0700 folder.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { execa } from 'execa';
import { PACKAGE_ROOT } from '../../src/paths.js';

const nested = process.env.TANDEM_FRESH_CLONE === '1' ? 'already inside a fresh clone' : undefined;
const noGit = existsSync(join(PACKAGE_ROOT, '.git')) ? undefined : 'not a git checkout: nothing to clone';
const skip = nested ?? noGit;

/** The README's shell block: the commands a new user types first. */
async function readmeCommands(): Promise<string[]> {
  const readme = await readFile(join(PACKAGE_ROOT, 'README.md'), 'utf8');
  const block = /```sh\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'README.md has no ```sh block');
  return block[1]
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');
}

describe('the README in a fresh clone under a 0700 folder', { skip }, () => {
  let top: string | undefined;
  after(async () => {
    if (top) await rm(top, { recursive: true, force: true });
  });

  it('npm ci && npm start applies the demo, a second run has nothing to do; unprivileged tests pass', async () => {
    const commands = await readmeCommands();
    assert.deepEqual(commands.slice(0, 2), ['npm ci && npm start', 'npm ci && npm test']);

    top = await mkdtemp(join(tmpdir(), 'tandem-fresh-clone-'));
    assert.equal((await stat(top)).mode & 0o777, 0o700);
    const clone = join(top, 'tandem');
    await execa('git', ['clone', '--quiet', '--no-hardlinks', PACKAGE_ROOT, clone]);

    // A clean environment: no state folder or lab from the caller's shell leaks in.
    const env = { ...process.env, TANDEM_FRESH_CLONE: '1' } as Record<string, string | undefined>;
    delete env.TANDEM_STATE_DIR;
    // node:test marks its child processes; a marked process refuses to run test files.
    delete env.NODE_TEST_CONTEXT;
    const run = (file: string, args: string[], extra: Record<string, string> = {}) =>
      execa(file, args, {
        cwd: clone,
        env: { ...env, ...extra },
        extendEnv: false,
        reject: false,
        timeout: 600_000,
        all: true,
      });

    const ci = await run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline']);
    assert.equal(ci.exitCode, 0, `npm ci:\n${ci.all}`);

    const start = await run('npm', ['start']);
    assert.equal(start.exitCode, 0, `npm start:\n${start.all}`);
    assert.ok(existsSync(join(clone, '.tandem', 'sim', 'demo')), 'the demo state lives in the clone');
    // The README's "run it twice", without building a second time: the bundle npm start ran.
    const again = await run(process.execPath, [
      join('dist', 'tandem', 'tandem.js'),
      'apply',
      'environments/demo',
      '--yes',
    ]);
    assert.equal(again.exitCode, 0, `the demo, twice:\n${again.all}`);
    assert.match(again.all, /nothing to do/i);

    // The README's two ways to a `tandem` command: npx in the checkout, npm link (here
    // into a private prefix, not this machine's global one).
    const npx = await run('npx', ['--no-install', 'tandem', 'validate', 'environments/demo']);
    assert.equal(npx.exitCode, 0, `npx tandem:\n${npx.all}`);
    assert.match(npx.all, /environments\/demo: valid/);
    const prefix = join(top, 'prefix');
    const link = await run('npm', ['link'], { npm_config_prefix: prefix });
    assert.equal(link.exitCode, 0, `npm link:\n${link.all}`);
    const linked = await execa(join(prefix, 'bin', 'tandem'), ['validate', join(clone, 'environments', 'demo')], {
      cwd: top,
      reject: false,
    });
    assert.equal(linked.exitCode, 0, `${linked.stdout}\n${linked.stderr}`);
    assert.match(String(linked.stdout), /demo: valid/);

    const tests = await run(process.execPath, [
      '--test',
      '--test-concurrency=1',
      '--test-name-pattern=read by an unprivileged user',
      '--test-name-pattern=says in one line that it needs root',
      join('dist', 'test', 'cli', 'validate.test.js'),
      join('dist', 'test', 'lab', 'lab.test.js'),
    ]);
    assert.equal(tests.exitCode, 0, `tests in the clone:\n${tests.all}`);
    // As root both run; otherwise they skip with their reason, which is still a pass.
    if (process.getuid?.() === 0) {
      assert.match(tests.all, /^# pass 2$/m, tests.all);
      assert.match(tests.all, /^# fail 0$/m, tests.all);
    }
  });
});
