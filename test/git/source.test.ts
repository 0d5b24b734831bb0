// Reading an environment at a revision from a real repository: from a clone in place,
// from a URL through the bare cache, at old and new commits, without touching the
// clone's working tree or index.
import assert from 'node:assert/strict';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { GitSource, GitSourceError, cacheDirFor, checkEnvPath } from '../../src/git/source.js';
import { loadFromTexts } from '../../src/load/load-environment.js';
import type { ObservedNode } from '../../src/observe/model.js';
import { validateLoaded } from '../../src/validate/index.js';
import { envFiles, git, makeRepos } from './helpers.js';

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
    assert.match(atA.files.get('environments/pair/addresses.yaml')!, /active: alpha/);
    assert.match(atB.files.get('environments/pair/addresses.yaml')!, /active: beta/);
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
      (await again.readEnvironment('main', 'environments/pair')).files.get('environments/pair/addresses.yaml')!,
      /active: beta/,
    );
  });

  it('skips symbolic links and refuses hostile revisions and paths', async () => {
    const r = await makeRepos();
    await r.commit(envFiles(), 'A');
    await symlink('/etc/passwd', join(r.work, 'environments/pair/evil.yaml'));
    const c = await r.commit({}, 'symlink');
    const source = await GitSource.open(r.work, { stateDir: r.stateDir });
    const env = await source.readEnvironment(c, 'environments/pair');
    assert.equal(env.files.has('environments/pair/evil.yaml'), false);
    assert.equal(env.files.size, 3);

    await rejectsKind(source.resolve('--output=/tmp/x'), 'bad-argument');
    await rejectsKind(source.resolve('no-such-branch'), 'unknown-revision');
    await rejectsKind(source.readEnvironment('main', 'environments/missing'), 'environment-not-found');
    assert.throws(() => checkEnvPath('../outside'), GitSourceError);
    assert.throws(() => checkEnvPath('/etc'), GitSourceError);
    assert.equal(checkEnvPath('./environments//pair/'), 'environments/pair');
    await rejectsKind(GitSource.open(join(r.root, 'nope'), { stateDir: r.stateDir }), 'not-a-repository');
  });
});
