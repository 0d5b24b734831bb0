// `tandem apply` as a user runs it: confirmation, --yes, --json, saved plans (--plan),
// refused and stale plans, exit codes.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { AuditEvent } from '../../src/apply/audit.js';
import type { PlanDocument } from '../../src/plan/document.js';
import { copyEnvironment, runCli } from './helpers.js';

const DEMO = resolve('environments/demo');

describe('tandem apply', () => {
  it('refuses to apply without a terminal to confirm on and without --yes', async () => {
    const t = await copyEnvironment(DEMO);
    const r = await runCli(['apply', t.dir], t);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no terminal to confirm on; pass --yes/);
    assert.match(r.stdout, /Plan: 4 to create/);
    const again = await runCli(['plan', t.dir], t);
    assert.equal(again.code, 2, 'nothing was applied');
  });

  it('asks on a terminal and applies only on "yes"', async () => {
    const t = await copyEnvironment(DEMO);
    const no = await runCli(['apply', t.dir], t, 'no\n');
    assert.equal(no.code, 1);
    assert.match(no.stdout, /Apply these changes\? \(yes\/no\)/);
    assert.match(no.stderr, /apply cancelled/);
    assert.equal((await runCli(['plan', t.dir], t)).code, 2);
    const yes = await runCli(['apply', t.dir], t, 'yes\n');
    assert.equal(yes.code, 0, yes.stderr);
    assert.match(yes.stdout, /Applied \(5\):/);
    assert.equal((await runCli(['plan', t.dir], t)).code, 0);
  });

  it('--yes --json streams the audit events as NDJSON on stdout and the report on stderr', async () => {
    const t = await copyEnvironment(DEMO);
    const r = await runCli(['apply', t.dir, '--yes', '--json'], t);
    assert.equal(r.code, 0, r.stderr);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEvent);
    assert.equal(events[0].event, 'apply-start');
    assert.equal(events.at(-1)?.event, 'apply-done');
    assert.ok(events.every((e) => typeof e.time === 'string' && typeof e.planId === 'string'));
    assert.ok(events.some((e) => e.event === 'batch' && e.node === 'server1'));
    assert.match(r.stderr, /applied 2 waves, 5 steps/);
    const second = await runCli(['apply', t.dir, '--yes', '--json'], t);
    assert.equal(second.code, 0);
    const names = second.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as AuditEvent).event);
    assert.deepEqual(names, ['apply-start', 'nothing-to-do', 'apply-done']);
  });

  it('applies a saved plan exactly once: the second time it is stale', async () => {
    const t = await copyEnvironment(DEMO);
    const file = join(t.root, 'plan.json');
    assert.equal((await runCli(['plan', t.dir, '--out', file], t)).code, 2);
    const r = await runCli(['apply', '--plan', file, t.dir], t);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    const again = await runCli(['apply', '--plan', file, t.dir], t);
    assert.equal(again.code, 1);
    assert.match(again.stdout, /the plan is stale, nothing was applied: node server1 changed since the plan was made/);
  });

  it('refuses a saved plan made from another desired state', async () => {
    const t = await copyEnvironment(DEMO);
    const file = join(t.root, 'plan.json');
    await runCli(['plan', t.dir, '--out', file], t);
    const path = join(t.dir, 'addresses.yaml');
    await writeFile(path, (await readFile(path, 'utf8')).replace('switchback: intelligent', 'switchback: automatic'));
    const r = await runCli(['apply', '--plan', file, t.dir], t);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /the desired state changed since the plan was made/);
  });

  it('never applies a refused plan (exit 3)', async () => {
    const t = await copyEnvironment(DEMO);
    const file = join(t.root, 'plan.json');
    await runCli(['plan', t.dir, '--out', file], t);
    const plan = JSON.parse(await readFile(file, 'utf8')) as PlanDocument;
    plan.refusals.push({ ruleId: 'TR001', objects: ['192.0.2.50/24'], explanation: 'would be active on two nodes' });
    await writeFile(file, JSON.stringify(plan));
    const r = await runCli(['apply', '--plan', file, t.dir], t);
    assert.equal(r.code, 3);
    assert.match(r.stdout, /the plan is refused/);
    assert.equal((await runCli(['plan', t.dir], t)).code, 2, 'nothing was applied');
  });

  it('refuses a saved plan whose steps were edited: it is not what tandem plans now', async () => {
    const t = await copyEnvironment(DEMO);
    const file = join(t.root, 'plan.json');
    await runCli(['plan', t.dir, '--out', file], t);
    const plan = JSON.parse(await readFile(file, 'utf8')) as PlanDocument;
    plan.waves[0].steps[0].ops.push({ op: 'addr-del', iface: 'mgmt0', cidr: '203.0.113.11/24' });
    await writeFile(file, JSON.stringify(plan));
    const r = await runCli(['apply', '--plan', file, t.dir], t);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /is not what tandem plans from the same desired state and nodes .* the file was edited/);
    assert.equal((await runCli(['plan', t.dir], t)).code, 2, 'nothing was applied');
  });

  it('names a plan file that is broken or not a plan (exit 1)', async () => {
    const t = await copyEnvironment(DEMO);
    const bad = join(t.root, 'bad.json');
    await writeFile(bad, '{"formatVersion": 1, "waves": [');
    const r1 = await runCli(['apply', '--plan', bad, t.dir], t);
    assert.equal(r1.code, 1);
    assert.match(r1.stderr, new RegExp(`plan file ${bad.replaceAll('/', '\\/')} is not JSON`));
    await writeFile(bad, JSON.stringify({ formatVersion: 9, waves: [{ index: 1, nodes: [], steps: [{ id: 'x' }] }] }));
    const r2 = await runCli(['apply', '--plan', bad, t.dir], t);
    assert.equal(r2.code, 1);
    assert.match(r2.stderr, /is not a tandem plan: formatVersion is 9/);
    const r3 = await runCli(['apply', '--plan', join(t.root, 'missing.json'), t.dir], t);
    assert.equal(r3.code, 1);
    assert.match(r3.stderr, /cannot read plan file .*missing\.json: ENOENT/);
  });
});
