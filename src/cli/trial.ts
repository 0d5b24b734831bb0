// The CLI side of `tandem apply --confirm DURATION` and `tandem confirm` (the trial
// itself: src/apply/trial.ts). Starting a trial, under the nodes' locks and before any
// write: a job file for the watchdog in this machine's state folder (the environment's
// texts as validated, so an edit during the trial cannot change what the rollback means),
// the watchdog started detached in its own session (it outlives this process, its
// terminal and its ssh session), then one trial record per written node. An apply that
// does not end applied takes its records back and stops the watchdog.
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { execa } from 'execa';
import type { ApplyInput, ApplyResult } from '../apply/index.js';
import { processStartTicks } from '../apply/node-lock.js';
import { clearTrial, writeTrial, type TrialRecord, type TrialWatchdog } from '../apply/trial.js';
import type { WritableNode } from '../apply/writable-node.js';
import type { PlanDocument } from '../plan/document.js';
import { parseDuration } from '../reconcile/schedule.js';
import { stateDir } from '../state-dir.js';
import { EXIT, ExitError } from './errors.js';

/** The shortest trial: the apply's own verification must fit in it. */
const MIN_TRIAL_MS = 5_000;
const MAX_TRIAL_MS = 24 * 3600_000;

export interface TrialJob {
  id: string;
  planId: string;
  deadline: string;
  /** Absolute environment folder, and its YAML texts as this apply validated them. */
  envDir: string;
  texts: Array<[string, string]>;
  nodes: string[];
  driverOptions: { lab: boolean; timeoutMs?: number };
}

export function parseTrialDuration(text: string): number {
  let ms: number;
  try {
    ms = parseDuration(text);
  } catch (err) {
    throw new ExitError(`--confirm: ${(err as Error).message}`, EXIT.error);
  }
  if (ms < MIN_TRIAL_MS || ms > MAX_TRIAL_MS)
    throw new ExitError(`--confirm ${text}: the trial must last between 5s and 24h`, EXIT.error);
  return ms;
}

export function trialJobFile(loc: { env: NodeJS.ProcessEnv; cwd: string }, id: string): string {
  return stateDir(loc, 'trials', `${id}.json`);
}

const WATCHDOG = fileURLToPath(new URL('./trial-watchdog.js', import.meta.url));

export interface Trial {
  hook: NonNullable<ApplyInput['trial']>;
  /** After applyPlan: keeps the trial when applied, else takes it back. A sentence for the user. */
  finish(result: ApplyResult): Promise<string>;
}

export function startTrial(args: {
  plan: PlanDocument;
  envDir: string;
  texts: ReadonlyMap<string, string>;
  durationMs: number;
  driverOptions: { lab: boolean; timeoutMs?: number };
  env: NodeJS.ProcessEnv;
  cwd: string;
  now?: () => Date;
}): Trial {
  const id = randomBytes(6).toString('hex');
  const loc = { env: args.env, cwd: args.cwd };
  const jobFile = trialJobFile(loc, id);
  const written = [...new Set(args.plan.waves.flatMap((w) => w.steps.map((s) => s.node)))].sort();
  const recorded: WritableNode[] = [];
  let watchdog: TrialWatchdog | undefined;
  let deadline: Date | undefined;

  const stopWatchdog = () => {
    if (!watchdog) return;
    try {
      process.kill(watchdog.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };

  const hook: Trial['hook'] = {
    id,
    async begin(checkpoints, writerOf) {
      deadline = new Date((args.now?.() ?? new Date()).getTime() + args.durationMs);
      const job: TrialJob = {
        id,
        planId: args.plan.id,
        deadline: deadline.toISOString(),
        envDir: resolve(args.cwd, args.envDir),
        texts: [...args.texts],
        nodes: written,
        driverOptions: args.driverOptions,
      };
      await mkdir(stateDir(loc, 'trials'), { recursive: true, mode: 0o700 });
      await writeFile(jobFile, JSON.stringify(job) + '\n', { mode: 0o600 });
      watchdog = spawnWatchdog(jobFile, stateDir(loc, 'trials', `${id}.log`), args.env, args.cwd);
      let user: string | undefined;
      try {
        user = userInfo().username;
      } catch {
        user = undefined;
      }
      for (const node of written) {
        const checkpoint = checkpoints.get(node);
        if (!checkpoint) return `node ${node} has no observed state to record as the trial's checkpoint`;
        const record: TrialRecord = {
          id,
          planId: args.plan.id,
          ...(args.plan.environment ? { environment: args.plan.environment } : {}),
          startedAt: new Date().toISOString(),
          deadline: job.deadline,
          by: { host: hostname(), pid: process.pid, ...(user ? { user } : {}) },
          watchdog,
          checkpoint,
        };
        const w = writerOf(node);
        if (!(await writeTrial(w.state, record))) return `node ${node} already has a trial record`;
        recorded.push(w);
      }
      return undefined;
    },
  };

  return {
    hook,
    async finish(result) {
      if (result.outcome === 'applied' && deadline)
        return (
          `on trial until ${deadline.toISOString()}: run tandem confirm ${args.envDir}` +
          `${args.driverOptions.lab ? ' --lab' : ''} before then to keep the changes, or ` +
          `${written.join(', ')} go back to their state before this apply ` +
          `(watchdog pid ${watchdog?.pid}, trial ${id})`
        );
      // Not applied (nothing to do, refused, stale, locked, failed and rolled back): no trial.
      for (const w of recorded) await clearTrial(w.state, id).catch(() => false);
      stopWatchdog();
      await rm(jobFile, { force: true });
      return result.outcome === 'nothing-to-do' ? 'nothing applied: no trial to confirm' : 'no trial was started';
    },
  };
}

/**
 * Starts the watchdog in its own session with no pipe to this process (it writes its own
 * log): it outlives this process, its terminal and its ssh session.
 */
function spawnWatchdog(jobFile: string, log: string, env: NodeJS.ProcessEnv, cwd: string): TrialWatchdog {
  const child = execa(process.execPath, [WATCHDOG, jobFile, log], {
    detached: true,
    cleanup: false,
    stdio: 'ignore',
    env,
    extendEnv: false,
    cwd,
    reject: false,
  });
  child.unref();
  // Its end is none of this process's business.
  void child.catch(() => undefined);
  const pid = child.pid;
  if (pid === undefined) throw new ExitError('could not start the trial watchdog: nothing was applied', EXIT.error);
  const startTicks = processStartTicks(pid);
  return { host: hostname(), pid, ...(startTicks !== undefined ? { startTicks } : {}) };
}
