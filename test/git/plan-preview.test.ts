// The plan-preview workflow's two scripts, run for real: plan-preview.sh plans the
// environments a branch changes (in a temp repository), post-plan-comment.cjs posts
// them as one marked comment, updated (not duplicated) on the next push and split
// when over GitHub's limit. GitHub itself is a fake that records the calls.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
  ownLogin(github: unknown, env: Record<string, string>): Promise<string>;
  postPlanComments(a: {
    github: unknown;
    context: unknown;
    core?: unknown;
    dir: string;
    env?: Record<string, string>;
  }): Promise<number>;
};

interface Comment {
  id: number;
  body: string;
  user: { login: string; id: number; type: string };
}

const ACTIONS_BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

/**
 * GitHub's issue-comment API as a fake: comments in REST shape (with their author), pages
 * of `per_page`, and /user answering 403 for GITHUB_TOKEN as GitHub does for integration
 * tokens (a personal token gets its user). The real API cannot be reached from the tests.
 */
function fakeGithub(opts: { fixture?: Comment[]; as?: Comment['user']; personalToken?: boolean } = {}) {
  const as = opts.as ?? ACTIONS_BOT;
  const store: Comment[] = (
    opts.fixture ?? [{ id: 1, body: 'LGTM, a human comment', user: { login: 'alice', id: 1001, type: 'User' } }]
  ).map((c) => ({ ...c }));
  let next = Math.max(0, ...store.map((c) => c.id)) + 1;
  const calls: string[] = [];
  const own = (id: number) => {
    const c = store.find((x) => x.id === id);
    // GitHub refuses to edit another user's comment (403); the fake records the attempt.
    if (!c || c.user.login !== as.login) calls.push(`FORBIDDEN ${id}`);
    return c;
  };
  const listComments = ({ page = 1, per_page = 30 }: { page?: number; per_page?: number }) =>
    Promise.resolve({
      data: store.slice((page - 1) * per_page, page * per_page).map((c) => ({ ...c, user: { ...c.user } })),
    });
  const github = {
    // Octokit's paginate: every page of the list, concatenated.
    paginate: async (fn: typeof listComments, params: { per_page?: number }) => {
      const all: Comment[] = [];
      for (let page = 1; ; page++) {
        const { data } = await fn({ ...params, page });
        all.push(...data);
        if (data.length < (params.per_page ?? 30)) return all;
      }
    },
    rest: {
      users: {
        getAuthenticated: () =>
          opts.personalToken
            ? Promise.resolve({ data: { login: as.login } })
            : Promise.reject(Object.assign(new Error('Resource not accessible by integration'), { status: 403 })),
      },
      issues: {
        listComments,
        createComment: ({ body }: { body: string }) => {
          calls.push('create');
          store.push({ id: next++, body, user: { ...as } });
          return Promise.resolve();
        },
        updateComment: ({ comment_id, body }: { comment_id: number; body: string }) => {
          calls.push(`update ${comment_id}`);
          const c = own(comment_id);
          if (c) c.body = body;
          return Promise.resolve();
        },
        deleteComment: ({ comment_id }: { comment_id: number }) => {
          calls.push(`delete ${comment_id}`);
          own(comment_id);
          store.splice(
            store.findIndex((c) => c.id === comment_id),
            1,
          );
          return Promise.resolve();
        },
      },
    },
  };
  return { github, store, calls, context: { repo: { owner: 'o', repo: 'r' }, issue: { number: 7 } }, env: {} };
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
      TANDEM: `node ${join(PACKAGE_ROOT, 'dist', 'tandem', 'tandem.js')}`,
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

  it("updates and removes only its own comments, never another author's that starts with the marker", async () => {
    const fixture = JSON.parse(
      await readFile(join(PACKAGE_ROOT, 'test', 'fixtures', 'github', 'pr-comments.json'), 'utf8'),
    ) as Comment[];
    const dir = await mkdtemp(join(tmpdir(), 'tandem-preview-own-'));
    const big = join(dir, 'big');
    const small = join(dir, 'small');
    await mkdir(big);
    await mkdir(small);
    // A body of 3 parts, then of 1: the two parts left over are deleted, and only ours.
    await writeFile(
      join(big, 'pair.md'),
      Array.from({ length: 3000 }, (_, i) => `| row ${i} | ${'x'.repeat(60)} |`).join('\n'),
    );
    await writeFile(join(small, 'pair.md'), '### tandem plan\n\nnothing to do\n');
    const gh = fakeGithub({ fixture });
    const before = fixture.map((c) => ({ ...c }));
    const n = await comments.postPlanComments({ ...gh, dir: big });
    assert.ok(n >= 3);
    assert.deepEqual(
      gh.calls,
      Array<string>(n).fill('create'),
      'the marked comments of mallory and renovate are not ours',
    );
    assert.equal(await comments.postPlanComments({ ...gh, dir: small }), 1);
    const ours = gh.store.filter((c) => c.user.login === ACTIONS_BOT.login);
    assert.equal(ours.length, 1);
    assert.equal(ours[0].body, comments.splitComment('### tandem plan\n\nnothing to do\n')[0]);
    assert.deepEqual(gh.store.slice(0, 3), before, "others' comments untouched");
    assert.ok(!gh.calls.some((c) => c.startsWith('FORBIDDEN')), gh.calls.join(', '));
    assert.deepEqual(gh.calls.slice(n), [
      `update ${2014}`,
      ...Array.from({ length: n - 1 }, (_, i) => `delete ${2015 + i}`),
    ]);
    await rm(dir, { recursive: true, force: true });
  });

  it('finds its identity: TANDEM_COMMENT_AUTHOR, else the token user, else github-actions[bot]', async () => {
    const app = { login: 'tandem-ci[bot]', id: 77, type: 'Bot' };
    const pat = { login: 'netops-ci', id: 78, type: 'User' };
    assert.equal(await comments.ownLogin(fakeGithub().github, {}), 'github-actions[bot]');
    assert.equal(await comments.ownLogin(fakeGithub({ as: pat, personalToken: true }).github, {}), 'netops-ci');
    assert.equal(
      await comments.ownLogin(fakeGithub({ as: app }).github, { TANDEM_COMMENT_AUTHOR: 'tandem-ci[bot]' }),
      'tandem-ci[bot]',
    );
    // Posting as the app: github-actions[bot]'s marked comment is someone else's now.
    const gh = fakeGithub({
      as: app,
      fixture: [{ id: 5, body: `${comments.MARKER}\nold`, user: ACTIONS_BOT }],
    });
    const dir = await mkdtemp(join(tmpdir(), 'tandem-preview-app-'));
    await comments.postPlanComments({ ...gh, dir, env: { TANDEM_COMMENT_AUTHOR: app.login } });
    assert.deepEqual(gh.calls, ['create']);
    assert.equal(gh.store[0].body, `${comments.MARKER}\nold`);
    await rm(dir, { recursive: true, force: true });
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
      TANDEM: `node ${join(PACKAGE_ROOT, 'dist', 'tandem', 'tandem.js')}`,
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
