// The watchdog of one trial (`tandem apply --confirm`): started detached by the applying
// CLI (src/cli/trial.ts) with the path of its job file, it sleeps until the deadline,
// then takes the lock of each node of the trial (waiting while the apply still holds
// it, taking it over when the apply died) and rolls back every node whose trial record
// is still there (apply/trial.ts settleTrial). `tandem confirm` removes the records and
// ends it. It ignores SIGHUP: a closed terminal or ssh session is exactly what it is for.
import { appendFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { acquireLock, releaseLock, type NodeLock } from '../apply/node-lock.js';
import { auditFile, AuditLog } from '../apply/audit.js';
import { readTrial, settleTrial } from '../apply/trial.js';
import type { WritableNode } from '../apply/writable-node.js';
import { writerFor } from '../apply/writer.js';
import { DEFAULT_PARALLELISM } from '../apply/index.js';
import { isEntryPoint } from '../entry-point.js';
import { loadFromTexts } from '../load/load-environment.js';
import { SshSessions } from '../observe/drivers/linux/ssh-session.js';
import { validateLoaded } from '../validate/index.js';
import type { TrialJob } from './trial.js';

/** How long after the deadline the watchdog keeps trying to get a node's lock. */
const LOCK_PATIENCE_MS = 15 * 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
let logFile: string | undefined;
/** One line to the trial's log file (the watchdog has no terminal): `<state>/trials/<id>.log`. */
const log = (line: string) => {
  if (logFile) appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`, { mode: 0o600 });
};

export async function runWatchdog(jobFile: string): Promise<number> {
  const job = JSON.parse(await readFile(jobFile, 'utf8')) as TrialJob;
  log(`trial ${job.id} of plan ${job.planId}: nodes ${job.nodes.join(', ')}, deadline ${job.deadline}`);
  await sleep(Date.parse(job.deadline) - Date.now());
  const v = validateLoaded(loadFromTexts(job.envDir, new Map(job.texts)));
  if (!v.model) {
    log(`the environment recorded with the trial does not validate any more: ${v.diagnostics[0]?.summary}`);
    return 1;
  }
  const model = v.model;
  const loc = { env: process.env, cwd: process.cwd() };
  const audit = new AuditLog(auditFile(loc), job.planId);
  const sessions = new SshSessions();
  const writers = new Map<string, WritableNode>();
  const writerOf = (node: string): WritableNode => {
    let w = writers.get(node);
    if (!w) {
      w = writerFor(model.nodeByName.get(node)!.doc, { ...job.driverOptions, envDir: job.envDir, ...loc, sessions });
      writers.set(node, w);
    }
    return w;
  };
  const locks: NodeLock[] = [];
  try {
    const pending: string[] = [];
    for (const node of job.nodes) {
      const record = await readTrial(writerOf(node).state).catch(() => 'unreadable' as const);
      if (record !== null && record !== 'unreadable' && record.id === job.id) pending.push(node);
    }
    if (pending.length === 0) {
      log('confirmed: nothing to roll back');
      return 0;
    }
    const giveUp = Date.now() + LOCK_PATIENCE_MS;
    for (const node of pending) {
      for (;;) {
        const r = await acquireLock(node, writerOf(node).state, { planId: `trial-rollback ${job.id}` }).catch(
          (err: Error) => ({ ok: false as const, message: err.message }),
        );
        if (r.ok) {
          locks.push(r.lock);
          break;
        }
        if (Date.now() > giveUp) {
          log(`gave up waiting for the lock of ${node}: ${r.message}`);
          return 1;
        }
        await sleep(500);
      }
    }
    const settled = await settleTrial({
      id: job.id,
      nodes: pending,
      model,
      writerOf,
      audit,
      parallelism: model.cluster?.doc.spec.rollout?.parallelism ?? DEFAULT_PARALLELISM,
    });
    for (const s of settled)
      log(s.ok ? `${s.node}: rolled back (${s.ops} ops)` : `${s.node}: rollback FAILED: ${s.error}`);
    return settled.every((s) => s.ok) ? 0 : 1;
  } finally {
    for (const l of locks) await releaseLock(l).catch(() => undefined);
    await audit.flush();
    await sessions.close();
    await rm(jobFile, { force: true });
  }
}

if (isEntryPoint(import.meta.url)) {
  process.on('SIGHUP', () => undefined);
  logFile = process.argv[3];
  void runWatchdog(process.argv[2]).then(
    (code) => (process.exitCode = code),
    (err: Error) => {
      log(`watchdog failed: ${err.stack ?? err.message}`);
      process.exitCode = 1;
    },
  );
}
