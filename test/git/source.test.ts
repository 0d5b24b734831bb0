// Reading an environment at a revision from a real repository: from a clone in place,
// from a URL through the bare cache, at old and new commits, without touching the
// clone's working tree or index; and the same documents as the working tree, by the one
// rule of src/load/entries.ts (odd names read, links, folders and submodules refused).
import assert from 'node:assert/strict';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { GitSource, GitSourceError, cacheDirFor, checkEnvPath } from '../../src/git/source.js';
import { isUnread, type EnvironmentFile } from '../../src/load/entries.js';
import { loadEnvironment, loadFromTexts, type LoadedEnvironment } from '../../src/load/load-environment.js';
import type { ObservedNode } from '../../src/observe/model.js';
import { reconcileOnce, type ReconcileOptions } from '../../src/reconcile/reconcile.js';
import { validateLoaded } from '../../src/validate/index.js';
import { envFiles, git, makeRepos, runCli } from './helpers.js';

/** The text of a YAML entry the source read (a Buffer); fails the test for an entry it refused. */
function textOf(file: EnvironmentFile | undefined): string {
  assert.ok(file !== undefined && !isUnread(file), `not read: ${JSON.stringify(file)}`);
  return typeof file === 'string' ? file : Buffer.from(file).toString('utf8');
}

async function rejectsKind(p: Promise<unknown>, kind: string) {
  await assert.rejects(p, (err: unknown) => err instanceof GitSourceError && err.kind === kind);
}

describe('git source', () => {
  it('reads an environment at two revisions of a clone without touching its working tree', async () => {
    const r = await makeRepos();
    const a = await r.commit(envFiles({ active: 'alpha' }), 'A');
    const b = await r.commit(envFiles({ active: 'beta' }), 'B');
    // A dirty working tree: a modified tracked file and an untracked file.
    await writeFile(join(r.work, 'environments/pair/addresses.yaml'), 'local edit\n');
    await writeFile(join(r.work, 'untracked.txt'), 'x\n');
    const before = await git(r.work, ['status', '--porcelain']);
    const indexBefore = await readFile(join(r.work, '.git', 'index'));

    const source = await GitSource.open(r.work, { stateDir: r.stateDir });
    const atA = await source.readEnvironment(a, 'environments/pair');
    const atB = await source.readEnvironment('main', 'environments/pair/');
    assert.equal(atA.commit, a);
    assert.equal(atB.commit, b);
    assert.deepEqual([...atA.files.keys()].sort(), [
      'environments/pair/addresses.yaml',
      'environments/pair/cluster.yaml',
      'environments/pair/nodes.yaml',
    ]);
    assert.match(textOf(atA.files.get('environments/pair/addresses.yaml')), /active: alpha/);
    assert.match(textOf(atB.files.get('environments/pair/addresses.yaml')), /active: beta/);
    assert.deepEqual([...atA.snapshots.keys()].sort(), ['alpha.json', 'beta.json']);
    assert.equal((JSON.parse(atA.snapshots.get('alpha.json')!) as ObservedNode).node, 'alpha');
    assert.equal(await source.resolve('HEAD~1'), a);

    assert.equal(await git(r.work, ['status', '--porcelain']), before);
    assert.deepEqual(await readFile(join(r.work, '.git', 'index')), indexBefore);
    assert.equal(await readFile(join(r.work, 'environments/pair/addresses.yaml'), 'utf8'), 'local edit\n');

    const validation = validateLoaded(loadFromTexts(atA.envPath, atA.files));
    assert.equal(validation.valid, true, validation.diagnostics.map((d) => d.summary).join('\n'));
  });

  it('clones a URL bare into the state folder and fetches new commits', async () => {
    const r = await makeRepos();
    const a = await r.commit(envFiles(), 'A');
    await r.push();
    const url = `file://${r.origin}`;
    const source = await GitSource.open(url, { stateDir: r.stateDir });
    assert.equal(source.dir, cacheDirFor(url, r.stateDir));
    assert.equal((await git(source.dir, ['rev-parse', '--is-bare-repository'])).trim(), 'true');
    await source.fetch();
    assert.equal(await source.resolve('main'), a);

    const b = await r.commit(envFiles({ active: 'beta' }), 'B');
    await r.push();
    assert.equal(await source.resolve('main'), a, 'not fetched yet');
    const again = await GitSource.open(url, { stateDir: r.stateDir });
    await again.fetch();
    assert.equal(await again.resolve('main'), b);
    assert.match(
      textOf((await again.readEnvironment('main', 'environments/pair')).files.get('environments/pair/addresses.yaml')),
      /active: beta/,
    );
  });

  it('never follows a symbolic link (it is reported, not read) and refuses hostile revisions and paths', async () => {
    const r = await makeRepos();
    await r.commit(envFiles(), 'A');
    await symlink('/etc/passwd', join(r.work, 'environments/pair/evil.yaml'));
    const c = await r.commit({}, 'symlink');
    const source = await GitSource.open(r.work, { stateDir: r.stateDir });
    const env = await source.readEnvironment(c, 'environments/pair');
    assert.deepEqual(env.files.get('environments/pair/evil.yaml'), { unread: 'symlink' });
    assert.equal(env.files.size, 4);
    const loaded = loadFromTexts(env.envPath, env.files);
    assert.ok(!loaded.texts.has('environments/pair/evil.yaml'), 'the link target is never read');
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.ruleId, d.source?.file]),
      [['LOAD005', 'environments/pair/evil.yaml']],
    );

    await rejectsKind(source.resolve('--output=/tmp/x'), 'bad-argument');
    await rejectsKind(source.resolve('no-such-branch'), 'unknown-revision');
    await rejectsKind(source.readEnvironment('main', 'environments/missing'), 'environment-not-found');
    assert.throws(() => checkEnvPath('../outside'), GitSourceError);
    assert.throws(() => checkEnvPath('/etc'), GitSourceError);
    assert.equal(checkEnvPath('./environments//pair/'), 'environments/pair');
    await rejectsKind(GitSource.open(join(r.root, 'nope'), { stateDir: r.stateDir }), 'not-a-repository');
  });
});

const ENV = 'environments/pair';

/** Documents as [file relative to the environment, index in the file, value]: comparable across readers. */
function documentsOf(env: LoadedEnvironment): Array<[string, number, unknown]> {
  return env.documents
    .map((d): [string, number, unknown] => [relative(env.dir, d.source.file), d.source.index, d.value])
    .sort(([a, i], [b, j]) => (a < b ? -1 : a > b ? 1 : i - j));
}

/** Errors as [rule id, path relative to the environment]. */
function refusalsOf(env: LoadedEnvironment): string[] {
  return env.diagnostics.map((d) => `${d.ruleId} ${relative(env.dir, d.source?.file ?? '')}`).sort();
}

describe('the working tree and a git revision read the same environment', () => {
  it('the same documents from odd names, and the same refusals of links, folders and submodules', async () => {
    const r = await makeRepos('tandem-same-docs-');
    const files = envFiles();
    const [alpha, beta] = files[`${ENV}/nodes.yaml`].split('---\n').filter(Boolean);
    const odd: Record<string, string | null> = {
      ...files,
      [`${ENV}/nodes.yaml`]: null,
      [`${ENV}/addresses.yaml`]: null,
      [`${ENV}/addresses v2.yaml`]: files[`${ENV}/addresses.yaml`],
      [`${ENV}/nœuds ☃.yaml`]: alpha,
      [`${ENV}/it's "quoted".yml`]: beta,
      [`${ENV}/-leading dash.yaml`]: '# only a comment\n',
    };
    const a = await r.commit(odd, 'A: odd file names');
    const source = await GitSource.open(r.work, { stateDir: r.stateDir });

    const tree = await loadEnvironment(join(r.work, ENV));
    const atA = await source.readEnvironment(a, ENV);
    const revision = loadFromTexts(join(r.work, ENV), new Map([...atA.files].map(([k, v]) => [join(r.work, k), v])));
    assert.deepEqual(tree.diagnostics, []);
    assert.deepEqual(revision.diagnostics, []);
    assert.equal(tree.documents.length, 4, 'the Cluster, two Nodes and the address');
    assert.deepEqual(documentsOf(revision), documentsOf(tree));
    assert.equal(validateLoaded(loadFromTexts(atA.envPath, atA.files)).valid, true);

    // Entries that are not regular files: a link (to a file, to /dev/zero), a folder, a submodule.
    await symlink('cluster.yaml', join(r.work, ENV, 'link.yaml'));
    await symlink('/dev/zero', join(r.work, ENV, 'zero.yaml'));
    await mkdir(join(r.work, ENV, 'folder.yaml'));
    await writeFile(join(r.work, ENV, 'folder.yaml', 'inside.txt'), 'x\n');
    await mkdir(join(r.work, ENV, 'sub.yaml'));
    await git(r.work, ['update-index', '--add', '--cacheinfo', `160000,${a},${ENV}/sub.yaml`]);
    const b = await r.commit({}, 'B: entries that are not regular files');
    assert.match(await git(r.work, ['ls-tree', b, `${ENV}/`]), /^160000 commit .*\tenvironments\/pair\/sub\.yaml$/m);

    const tree2 = await loadEnvironment(join(r.work, ENV));
    const atB = await source.readEnvironment(b, ENV);
    const revision2 = loadFromTexts(join(r.work, ENV), new Map([...atB.files].map(([k, v]) => [join(r.work, k), v])));
    const refused = ['LOAD005 folder.yaml', 'LOAD005 link.yaml', 'LOAD005 sub.yaml', 'LOAD005 zero.yaml'];
    assert.deepEqual(refusalsOf(tree2), refused);
    assert.deepEqual(refusalsOf(revision2), refused);
    assert.deepEqual(documentsOf(revision2), documentsOf(tree2));
    assert.deepEqual(documentsOf(tree2), documentsOf(tree), 'nothing else changed');
    assert.match(revision2.diagnostics.find((d) => d.summary.includes('sub.yaml'))!.summary, /a git submodule/);
    assert.equal(validateLoaded(loadFromTexts(atB.envPath, atB.files)).valid, false);
  });

  it('plan --base: a renamed file is no change; a link in the head is refused, nothing planned', async () => {
    const r = await makeRepos('tandem-preview-');
    const files = envFiles({ active: 'alpha' });
    await r.commit(files, 'base');
    await git(r.work, ['checkout', '--quiet', '-b', 'rename']);
    await r.commit(
      { [`${ENV}/addresses.yaml`]: null, [`${ENV}/addresses v2.yaml`]: files[`${ENV}/addresses.yaml`] },
      'rename addresses.yaml',
    );
    await git(r.work, ['checkout', '--quiet', '-b', 'link']);
    await rm(join(r.work, ENV, 'addresses v2.yaml'));
    await writeFile(join(r.work, ENV, 'real-addresses.txt'), files[`${ENV}/addresses.yaml`]);
    await symlink('real-addresses.txt', join(r.work, ENV, 'addresses v2.yaml'));
    await r.commit({}, 'the addresses behind a symbolic link');
    await git(r.work, ['checkout', '--quiet', 'main']);
    const plan = (head: string) =>
      runCli(['plan', join(r.work, ENV), '--base', 'main', '--head', head, '--format', 'markdown'], {
        stateDir: r.stateDir,
      });

    const renamed = await plan('rename');
    assert.match(renamed.stdout, /: \*\*no document changed\*\*/, renamed.stdout + renamed.stderr);
    const linked = await plan('link');
    assert.equal(linked.code, 1, linked.stdout);
    assert.match(linked.stderr, /error\[LOAD005\] environments\/pair\/addresses v2\.yaml:1:1: .*symbolic link/);
    assert.match(linked.stderr, /is not valid: nothing was planned or changed/);
  });

  it('reconcile: a file renamed to "addresses v2.yaml" changes nothing; a link in its place is refused', async () => {
    const r = await makeRepos('tandem-rename-');
    process.env.TANDEM_STATE_DIR = r.stateDir;
    const options: ReconcileOptions = {
      repo: `file://${r.origin}`,
      ref: 'main',
      envPath: ENV,
      stateDir: r.stateDir,
      cwd: r.root,
      env: process.env,
    };
    const simFile = (node: string) => join(r.stateDir, 'sim', 'pair', `${node}.json`);
    const hasVip = async (node: string) =>
      (JSON.parse(await readFile(simFile(node), 'utf8')) as ObservedNode).addresses.some(
        (x) => x.cidr === '192.0.2.50/24',
      );
    const files = envFiles({ active: 'alpha' });
    await r.commit(files, 'A: vip on alpha');
    await r.push();
    assert.equal((await reconcileOnce(options)).result, 'applied');
    assert.equal(await hasVip('alpha'), true);

    await r.commit(
      { [`${ENV}/addresses.yaml`]: null, [`${ENV}/addresses v2.yaml`]: files[`${ENV}/addresses.yaml`] },
      'B: rename addresses.yaml',
    );
    await r.push();
    const renamed = await reconcileOnce(options);
    assert.equal(renamed.result, 'nothing-to-do', renamed.message);
    assert.equal(await hasVip('alpha'), true, 'the address is still wanted, and still there');

    const before = await readFile(simFile('alpha'));
    await rm(join(r.work, ENV, 'addresses v2.yaml'));
    await writeFile(join(r.work, ENV, 'real-addresses.txt'), files[`${ENV}/addresses.yaml`]);
    await symlink('real-addresses.txt', join(r.work, ENV, 'addresses v2.yaml'));
    await r.commit({}, 'C: the addresses behind a symbolic link');
    await r.push();
    const linked = await reconcileOnce(options);
    assert.equal(linked.result, 'invalid');
    assert.match(linked.message, /error\[LOAD005\] environments\/pair\/addresses v2\.yaml:1:1: .*symbolic link/);
    assert.deepEqual(await readFile(simFile('alpha')), before, 'nothing written to the node');
  });
});
