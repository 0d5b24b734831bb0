// `tandem apply --confirm` on real network namespaces (root), through the built CLI as a
// process: a switchover confirmed in time stays; one not confirmed is rolled back at the
// deadline by the detached watchdog; an applying CLI killed with SIGKILL mid-apply is
// rolled back all the same, with the address never on both nodes; a pending trial keeps
// other applies off the node. Skips with the reason where namespaces cannot be made.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { execa } from 'execa';
import { LOCK_FILE } from '../../src/apply/node-lock.js';
import { TRIAL_FILE, type TrialRecord } from '../../src/apply/trial.js';
import { pidAlive } from '../../src/apply/node-lock.js';
import {
  addressesYaml,
  canMakeNamespaces,
  CLI,
  destroyLab,
  eth0Addresses,
  makeLab,
  nodeStatePath,
  pollOverlap,
  type Lab,
  type LabSpec,
} from './netns-lab.js';

const skip = await canMakeNamespaces();
if (skip) console.log(`# apply --confirm integration tests skipped: ${skip}`);

const labs: Lab[] = [];
const VIP = '192.0.2.100/24';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const has = async (ns: string, cidr: string) => (await eth0Addresses(ns)).includes(cidr);

async function lab(spec?: LabSpec) {
  const l = await makeLab(spec);
  labs.push(l);
  const cli = (args: string[]) => execa(process.execPath, [CLI, ...args], { cwd: l.root, env: l.env, reject: false });
  const converged = await cli(['apply', l.dir, '--yes']);
  assert.equal(converged.exitCode, 0, `${converged.stdout}${converged.stderr}`);
  assert.ok(await has(l.ns.a, VIP));
  // The change on trial: the address moves from a to b.
  await writeFile(join(l.dir, 'addresses.yaml'), addressesYaml(l, 'b'));
  return { l, cli };
}

/** Watchdogs seen, stopped after the tests so a failed test leaves no process behind. */
const watchdogs = new Set<number>();

async function trialOf(ns: string): Promise<TrialRecord | null> {
  try {
    const record = JSON.parse(await readFile(nodeStatePath(ns, TRIAL_FILE), 'utf8')) as TrialRecord;
    if (record.watchdog) watchdogs.add(record.watchdog.pid);
    return record;
  } catch {
    return null;
  }
}

/** Waits until the trial's deadline has passed and its watchdog is done (or the limit). */
async function waitForWatchdog(record: TrialRecord, limitMs = 30_000): Promise<void> {
  const until = Date.parse(record.deadline) + limitMs;
  while (Date.now() < Date.parse(record.deadline)) await sleep(200);
  while (record.watchdog && pidAlive(record.watchdog.pid) && Date.now() < until) await sleep(200);
}

describe('apply --confirm on network namespaces', { skip: skip ?? false }, () => {
  after(async () => {
    for (const pid of watchdogs) if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
    for (const l of labs) await destroyLab(l);
  });

  it('keeps the change when tandem confirm comes in time; meanwhile other applies leave the nodes alone', async () => {
    const { l, cli } = await lab();
    const applied = await cli(['apply', l.dir, '--yes', '--confirm', '25s']);
    assert.equal(applied.exitCode, 0, `${applied.stdout}${applied.stderr}`);
    assert.match(applied.stdout, /on trial until .*: run tandem confirm /);
    assert.ok(await has(l.ns.b, VIP));
    const record = await trialOf(l.ns.b);
    assert.ok(record, 'the trial is recorded with the node');
    assert.ok((await trialOf(l.ns.a))?.id === record.id, 'every written node has the same trial');
    assert.ok(record.watchdog && pidAlive(record.watchdog.pid), 'the watchdog runs');

    // Another apply (an operator, the agent) is refused while the trial is pending.
    await writeFile(join(l.dir, 'addresses.yaml'), addressesYaml(l, 'a'));
    const other = await cli(['apply', l.dir, '--yes']);
    assert.equal(other.exitCode, 1, other.stdout);
    assert.match(`${other.stdout}${other.stderr}`, /is on trial \(plan .*\): it rolls back at/);
    await writeFile(join(l.dir, 'addresses.yaml'), addressesYaml(l, 'b'));
    assert.ok(await has(l.ns.b, VIP), 'the refused apply wrote nothing');

    const confirmed = await cli(['confirm', l.dir]);
    assert.equal(confirmed.exitCode, 0, `${confirmed.stdout}${confirmed.stderr}`);
    assert.match(confirmed.stdout, /confirmed: a-\w+, b-\w+ keep the changes of plan/);
    assert.equal(await trialOf(l.ns.a), null);
    assert.equal(await trialOf(l.ns.b), null);
    await waitForWatchdog(record);
    await sleep(1000);
    assert.ok(!pidAlive(record.watchdog.pid), 'confirm stopped the watchdog');
    assert.ok(await has(l.ns.b, VIP), 'past the deadline the change is still there');
    assert.ok(!(await has(l.ns.a, VIP)));
    const again = await cli(['confirm', l.dir]);
    assert.equal(again.exitCode, 1);
    assert.match(again.stdout, /no trial to confirm/);
    const plan = await cli(['plan', l.dir]);
    assert.equal(plan.exitCode, 0, `nothing left to do: ${plan.stdout}`);
  });

  it('rolls back at the deadline without tandem confirm, and confirm is then too late', async () => {
    const { l, cli } = await lab();
    const applied = await cli(['apply', l.dir, '--yes', '--confirm', '8s']);
    assert.equal(applied.exitCode, 0, `${applied.stdout}${applied.stderr}`);
    assert.ok(await has(l.ns.b, VIP));
    assert.ok(!(await has(l.ns.a, VIP)));
    const record = (await trialOf(l.ns.b))!;
    const poll = pollOverlap(l, '192.0.2.100');
    let seen;
    try {
      await waitForWatchdog(record);
    } finally {
      seen = await poll.stop();
    }
    assert.equal(seen.overlaps, 0, 'the address was on both nodes at once');
    assert.ok(await has(l.ns.a, VIP), 'back on a');
    assert.ok(!(await has(l.ns.b, VIP)), 'gone from b');
    assert.equal(await trialOf(l.ns.a), null);
    assert.equal(await trialOf(l.ns.b), null);
    const audit = await readFile(join(l.stateDir, 'audit.ndjson'), 'utf8');
    assert.equal((audit.match(/"event":"trial-rollback","node":"[ab]-\w+","result":"ok"/g) ?? []).length, 2, audit);
    const late = await cli(['confirm', l.dir]);
    assert.equal(late.exitCode, 1);
    // The environment still wants b: a new plan moves it again.
    const plan = await cli(['plan', l.dir]);
    assert.equal(plan.exitCode, 2, plan.stdout);
  });

  it('rolls back at the deadline after the applying CLI is killed with SIGKILL mid-apply', async () => {
    // Wave 2's uniqueness check on b waits 3 s: time to kill the CLI between the waves.
    const { l, cli } = await lab({ uniquenessTimeoutMs: 3000 });
    const poll = pollOverlap(l, '192.0.2.100');
    let seen;
    let record: TrialRecord | null = null;
    try {
      const victim = cli(['apply', l.dir, '--yes', '--confirm', '8s']);
      const limit = Date.now() + 15_000;
      while ((await has(l.ns.a, VIP)) && Date.now() < limit) await sleep(20);
      assert.ok(!(await has(l.ns.a, VIP)), 'wave 1 took the address off a');
      victim.kill('SIGKILL');
      assert.equal((await victim).signal, 'SIGKILL');
      record = await trialOf(l.ns.a);
      assert.ok(record?.watchdog, 'the trial was recorded before the first write');
      const lock = JSON.parse(await readFile(nodeStatePath(l.ns.b, LOCK_FILE), 'utf8')) as { pid: number };
      assert.equal(lock.pid, victim.pid, 'the killed apply left its lock behind');
      await waitForWatchdog(record);
    } finally {
      seen = await poll.stop();
    }
    assert.equal(seen.overlaps, 0, 'the address was on both nodes at once');
    assert.ok(await has(l.ns.a, VIP), 'a has the address again, as before the apply');
    assert.ok(!(await has(l.ns.b, VIP)));
    assert.equal(await trialOf(l.ns.a), null);
    assert.equal(await trialOf(l.ns.b), null);
    await assert.rejects(readFile(nodeStatePath(l.ns.b, LOCK_FILE), 'utf8'), 'the watchdog released the locks');
    const log = await readFile(join(l.stateDir, 'trials', `${record.id}.log`), 'utf8');
    assert.match(log, /a-\w+: rolled back/);
  });
});
