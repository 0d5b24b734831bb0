// IPSEC007 gives the same answer in every command, wherever tandem runs from: key-file
// paths are judged against the environment's own folder (and the repository above
// environments/), never against the working directory. Run from / (as the systemd unit
// runs reconcile), an absolute key file outside the repository used to be refused as
// "inside the repository (/)" by every command that reads the environment from git.
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import { PACKAGE_ROOT } from '../../src/paths.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

interface Run {
  exitCode: number;
  out: string;
}

describe('IPSEC007 does not depend on the working directory (CLI process)', () => {
  let tmp: string;
  let repo: string;
  const env = join('environments', 'sg');
  let commits: { outside: string; inside: string };

  const tandem = async (cwd: string, state: string, ...args: string[]): Promise<Run> => {
    const r = await execa(process.execPath, [CLI, ...args], {
      cwd,
      reject: false,
      env: { ...process.env, TANDEM_STATE_DIR: join(tmp, 'state', state), NO_COLOR: '1' },
    });
    return { exitCode: r.exitCode ?? -1, out: `${r.stdout}\n${r.stderr}` };
  };
  const git = (...args: string[]) =>
    execa('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo });

  /** Commits the environment with the first policy's key in `file`, returns the commit. */
  async function commitWithKeyFile(file: string, message: string): Promise<string> {
    const path = join(repo, env, 'ipsec.yaml');
    const text = await readFile(join(PACKAGE_ROOT, 'environments', 'serviceguard', 'ipsec.yaml'), 'utf8');
    await writeFile(path, text.replace('keys: { env: TANDEM_PKGA_KEY }', `keys: { file: ${file} }`));
    await git('add', '-A');
    await git('commit', '--quiet', '-m', message);
    return (await git('rev-parse', 'HEAD')).stdout.trim();
  }

  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'tandem-cli-keyfile-'));
    repo = join(tmp, 'repo');
    await mkdir(join(repo, 'environments'), { recursive: true });
    await cp(join(PACKAGE_ROOT, 'environments', 'serviceguard'), join(repo, env), { recursive: true });
    await git('init', '--quiet', '--initial-branch', 'main');
    const inside = await commitWithKeyFile(join(repo, 'secrets', 'pkga.key'), 'key inside');
    const outside = await commitWithKeyFile('/etc/tandem/keys/pkga.key', 'key outside');
    commits = { outside, inside };
  });
  after(() => rm(tmp, { recursive: true, force: true }));

  /** The same commands from the repository and from /, with the environment named as each can. */
  const commands = (rev: string): Array<{ what: string; run: (cwd: string, tag: string) => Promise<Run> }> => [
    {
      what: 'validate',
      run: (cwd, tag) => tandem(cwd, tag, 'validate', cwd === '/' ? join(repo, env) : env),
    },
    {
      what: 'plan --base --head (the pull-request preview)',
      run: (cwd, tag) => {
        const dir = cwd === '/' ? join(repo, env) : env;
        return tandem(
          cwd,
          tag,
          'plan',
          dir,
          '--repo',
          cwd === '/' ? repo : '.',
          '--base',
          rev,
          '--head',
          rev,
          '--observed',
          join(dir, 'observed'),
        );
      },
    },
    {
      what: 'reconcile --once (the systemd unit)',
      run: (cwd, tag) => tandem(cwd, tag, 'reconcile', env, '--repo', repo, '--ref', rev, '--once'),
    },
  ];

  it('a key file outside the repository is accepted from the repository and from /', async () => {
    await git('checkout', '--quiet', commits.outside);
    for (const c of commands(commits.outside)) {
      const fromRepo = await c.run(repo, `${c.what}-repo-outside`);
      const fromRoot = await c.run('/', `${c.what}-root-outside`);
      assert.doesNotMatch(fromRepo.out, /IPSEC007/, `${c.what} from the repository:\n${fromRepo.out}`);
      assert.doesNotMatch(fromRoot.out, /IPSEC007/, `${c.what} from /:\n${fromRoot.out}`);
      assert.notEqual(fromRoot.exitCode, 1, `${c.what} from /:\n${fromRoot.out}`);
      assert.equal(fromRoot.exitCode, fromRepo.exitCode, `${c.what}: exit codes differ\n${fromRoot.out}`);
    }
  });

  it('a key file inside the repository is refused from the repository and from /', async () => {
    await git('checkout', '--quiet', commits.inside);
    const refusal = `key file ${join(repo, 'secrets', 'pkga.key')} lies inside the repository (${repo})`;
    for (const c of commands(commits.inside)) {
      const fromRepo = await c.run(repo, `${c.what}-repo-inside`);
      const fromRoot = await c.run('/', `${c.what}-root-inside`);
      assert.ok(fromRepo.out.includes(refusal), `${c.what} from the repository:\n${fromRepo.out}`);
      assert.ok(fromRoot.out.includes(refusal), `${c.what} from /:\n${fromRoot.out}`);
      assert.equal(fromRoot.exitCode, fromRepo.exitCode, `${c.what}: exit codes differ`);
      assert.notEqual(fromRoot.exitCode, 0);
    }
  });
});
