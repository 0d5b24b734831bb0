// `tandem plan --base` on a repository with a branch: the markdown the plan-preview
// workflow posts, checked against the plan JSON of the same revision range.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { PlanDocument } from '../../src/plan/document.js';
import { PLAN_COMMENT_MARKER } from '../../src/render/plan-markdown.js';
import { joinRegExp } from '../helpers/regex.js';
import { envFiles, git, makeRepos, runCli, type Repos } from './helpers.js';

const ENV = 'environments/pair';
let r: Repos;
let base: string;
let head: string;

/** The per-node rows of the comment's summary table: node -> [create, update, delete, replace, deferred]. */
function tableCounts(md: string): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const m of md.matchAll(/^\| ([a-z0-9-]+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|/gm))
    rows.set(m[1], m.slice(2, 7).map(Number));
  return rows;
}

describe('tandem plan --base', () => {
  before(async () => {
    r = await makeRepos('tandem-plan-base-');
    base = await r.commit(envFiles({ active: 'alpha' }), 'base');
    await git(r.work, ['checkout', '--quiet', '-b', 'move']);
    head = await r.commit(envFiles({ active: 'beta', extraAddress: true }), 'move vip to beta, add vip2');
    await git(r.work, ['checkout', '--quiet', 'main']);
  });

  it('renders the desired-state changes and a plan whose counts match the plan JSON', async () => {
    const observed = join(r.work, ENV, 'observed');
    const args = ['plan', join(r.work, ENV), '--base', 'main', '--head', 'move', '--observed', observed];
    const md = await runCli([...args, '--format', 'markdown'], { stateDir: r.stateDir });
    const json = await runCli([...args, '--format', 'json'], { stateDir: r.stateDir });
    assert.equal(md.code, 2, md.stderr);
    assert.equal(json.code, 2, json.stderr);
    const plan = JSON.parse(json.stdout) as PlanDocument;
    assert.equal(plan.desiredRevision.commit, head);

    assert.ok(md.stdout.startsWith(`${PLAN_COMMENT_MARKER}\n`));
    assert.match(
      md.stdout,
      joinRegExp(
        /#### Desired state changes\n\n`[0-9a-f]{12}` → `[0-9a-f]{12}`: /,
        /\*\*1 added, 0 removed, 1 changed \(1 field\)\*\*/,
      ),
    );
    assert.match(md.stdout, /\| \+ \| `RelocatableAddress\/vip2` \| _added in addresses\.yaml_ \|/);
    assert.match(md.stdout, /\| ~ \| `RelocatableAddress\/vip` \| `spec\.active` \| `"alpha"` \| `"beta"` \|/);
    assert.ok(md.stdout.includes(`commit \`${head.slice(0, 12)}\``));

    const rows = tableCounts(md.stdout);
    assert.deepEqual([...rows.keys()].sort(), Object.keys(plan.nodes).sort());
    for (const [node, counts] of rows) {
      const cs = plan.changes.filter((c) => c.node === node);
      const n = (a: string) => cs.filter((c) => c.action === a).length;
      assert.deepEqual(
        counts,
        [n('create'), n('update'), n('delete'), n('replace'), plan.deferrals.filter((d) => d.node === node).length],
        node,
      );
    }
    const total = [...rows.values()].reduce((s, c) => s + c[0] + c[1] + c[2] + c[3], 0);
    assert.equal(total, plan.changes.length);
    assert.ok(
      plan.changes.some(
        (c) => c.node === 'beta' && c.action === 'create' && JSON.stringify(c.after).includes('192.0.2.50'),
      ),
    );
  });

  it('plans the working tree against the base without --head, finding the repository from the folder', async () => {
    await git(r.work, ['checkout', '--quiet', 'move']);
    const before = await git(r.work, ['status', '--porcelain']);
    const out = await runCli(['plan', ENV, '--base', base, '--observed', join(r.work, ENV, 'observed')], {
      stateDir: r.stateDir,
      cwd: r.work,
    });
    assert.equal(out.code, 2, out.stderr);
    assert.match(
      out.stdout,
      /^Desired state changes \([0-9a-f]{12} → working tree\): 1 added, 0 removed, 1 changed \(1 field\)\n/,
    );
    assert.match(out.stdout, /spec\.active: "alpha" → "beta"/);
    assert.equal(await git(r.work, ['status', '--porcelain']), before);
    const json = await runCli(
      ['plan', ENV, '--base', base, '--observed', join(r.work, ENV, 'observed'), '--format', 'json'],
      { stateDir: r.stateDir, cwd: r.work },
    );
    assert.equal((JSON.parse(json.stdout) as PlanDocument).desiredRevision.commit, undefined);
    await git(r.work, ['checkout', '--quiet', 'main']);
  });

  it('refuses an invalid head with its diagnostics, and an unknown base', async () => {
    const files = envFiles();
    await git(r.work, ['checkout', '--quiet', '-b', 'broken']);
    await r.commit(
      { [`${ENV}/addresses.yaml`]: files[`${ENV}/addresses.yaml`].replace('active: alpha', 'active: gamma') },
      'broken',
    );
    await git(r.work, ['checkout', '--quiet', 'main']);
    const out = await runCli(
      ['plan', join(r.work, ENV), '--base', 'main', '--head', 'broken', '--observed', join(r.work, ENV, 'observed')],
      { stateDir: r.stateDir },
    );
    assert.equal(out.code, 1);
    assert.match(out.stderr, /environments\/pair\/addresses\.yaml:\d+:\d+/);
    assert.match(out.stderr, /is not valid: nothing was planned or changed/);
    const unknown = await runCli(
      ['plan', join(r.work, ENV), '--base', 'nope', '--observed', join(r.work, ENV, 'observed')],
      { stateDir: r.stateDir },
    );
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no commit named "nope"/);
  });
});
