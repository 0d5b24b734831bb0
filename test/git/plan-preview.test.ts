// The plan-preview workflow's two scripts, run for real: plan-preview.sh plans the
// environments a branch changes (in a temp repository), post-plan-comment.cjs posts
// them as one marked comment, updated (not duplicated) on the next push and split
// when over GitHub's limit. GitHub itself is a fake that records the calls.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { execa } from 'execa';
import { PACKAGE_ROOT } from '../../src/paths.js';
import type { PlanDocument } from '../../src/plan/document.js';
import { envFiles, git, makeRepos } from './helpers.js';

const require = createRequire(import.meta.url);
const comments = require(join(PACKAGE_ROOT, '.github', 'scripts', 'post-plan-comment.cjs')) as {
  MARKER: string;
  splitComment(body: string, limit?: number): string[];
  postPlanComments(a: { github: unknown; context: unknown; core?: unknown; dir: string }): Promise<number>;
};

function fakeGithub() {
  const store: Array<{ id: number; body: string }> = [];
  let next = 1;
  const calls: string[] = [];
  const github = {
    paginate: (_fn: unknown) => Promise.resolve(store.map((c) => ({ ...c }))),
    rest: {
      issues: {
        listComments: () => undefined,
        createComment: ({ body }: { body: string }) => {
          calls.push('create');
          store.push({ id: next++, body });
          return Promise.resolve();
        },
        updateComment: ({ comment_id, body }: { comment_id: number; body: string }) => {
          calls.push(`update ${comment_id}`);
          store.find((c) => c.id === comment_id)!.body = body;
          return Promise.resolve();
        },
        deleteComment: ({ comment_id }: { comment_id: number }) => {
          calls.push(`delete ${comment_id}`);
          store.splice(
            store.findIndex((c) => c.id === comment_id),
            1,
          );
          return Promise.resolve();
        },
      },
    },
  };
  store.push({ id: next++, body: 'LGTM, a human comment' });
  return { github, store, calls, context: { repo: { owner: 'o', repo: 'r' }, issue: { number: 7 } } };
}

describe('plan-preview workflow scripts', () => {
  it('plans the changed environment and keeps one comment per pull request', async () => {
    const r = await makeRepos('tandem-preview-');
    const base = await r.commit(envFiles(), 'base');
    await git(r.work, ['checkout', '--quiet', '-b', 'pr']);
    await r.commit(envFiles({ active: 'beta' }), 'switch vip');
    const out = join(r.root, 'plan-out');
    const script = join(PACKAGE_ROOT, '.github', 'scripts', 'plan-preview.sh');
    const env = {
      ...process.env,
      TANDEM: `node ${join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js')}`,
      TANDEM_STATE_DIR: r.stateDir,
    };
    const run = await execa('bash', [script, base, out], { cwd: r.work, env, reject: false });
    assert.equal(run.exitCode, 0, run.stderr);
    assert.match(run.stdout, /pair: plan exit code 2/);
    assert.deepEqual((await readdir(out)).filter((f) => !f.endsWith('.err')).sort(), ['pair.md', 'pair.plan.json']);
    const md = await readFile(join(out, 'pair.md'), 'utf8');
    const plan = JSON.parse(await readFile(join(out, 'pair.plan.json'), 'utf8')) as PlanDocument;
    assert.match(md, /\| ~ \| `RelocatableAddress\/vip` \| `spec\.active` \| `"alpha"` \| `"beta"` \|/);
    assert.ok(md.includes(`Plan \`${plan.id}\``), 'the comment and the artifact are the same plan');

    const gh = fakeGithub();
    assert.equal(await comments.postPlanComments({ ...gh, dir: out }), 1);
    assert.equal(await comments.postPlanComments({ ...gh, dir: out }), 1);
    assert.deepEqual(gh.calls, ['create', 'update 2']);
    assert.equal(gh.store.length, 2);
    assert.ok(gh.store[1].body.startsWith(`${comments.MARKER}\n`));
    assert.equal(gh.store[1].body.split(comments.MARKER).length, 2, 'one marker per comment');
    assert.equal(gh.store[0].body, 'LGTM, a human comment');
  });

  it('splits a long body under the limit at line ends and removes parts no longer needed', () => {
    const body = Array.from({ length: 3000 }, (_, i) => `| row ${i} | ${'x'.repeat(60)} |`).join('\n');
    const parts = comments.splitComment(body, 65536);
    assert.ok(parts.length >= 4);
    for (const p of parts) assert.ok(p.length <= 65536 && p.startsWith(comments.MARKER));
    const rows = parts.flatMap((p) => p.split('\n').filter((l) => l.startsWith('| row ')));
    assert.equal(rows.length, 3000, 'no row lost or cut');
    assert.match(parts[1], /_tandem plan, part 2 of \d+_/);
  });

  it('fails the check on an invalid environment, and says why in the comment', async () => {
    const r = await makeRepos('tandem-preview-bad-');
    const base = await r.commit(envFiles(), 'base');
    const files = envFiles();
    await r.commit(
      {
        'environments/pair/addresses.yaml': files['environments/pair/addresses.yaml'].replace(
          'active: alpha',
          'active: nobody',
        ),
      },
      'broken',
    );
    const out = join(r.root, 'plan-out');
    const env = {
      ...process.env,
      TANDEM: `node ${join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js')}`,
      TANDEM_STATE_DIR: r.stateDir,
    };
    const run = await execa('bash', [join(PACKAGE_ROOT, '.github', 'scripts', 'plan-preview.sh'), base, out], {
      cwd: r.work,
      env,
      reject: false,
    });
    assert.equal(run.exitCode, 1);
    const md = await readFile(join(out, 'pair.md'), 'utf8');
    assert.match(md, /### :x: `pair` is not valid/);
    assert.match(md, /environments\/pair\/addresses\.yaml:\d+:\d+/);
  });
});
