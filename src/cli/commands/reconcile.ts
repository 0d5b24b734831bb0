// `tandem reconcile ENV --repo URL|PATH [--ref REF] [--node N] [--interval 5m]
// [--jitter 30s] [--once] [--window SPEC] [--verify-signatures]`: converge the nodes on
// a branch of the desired-state repository, once or on an interval, recording status.
import { resolve } from 'node:path';
import { ExitError, EXIT } from '../errors.js';
import type { CliIO } from '../io.js';
import { runReconcile } from '../../reconcile/loop.js';
import { reconcileOnce, type ReconcileOptions, type ReconcileResult } from '../../reconcile/reconcile.js';
import { formatDuration, parseDuration, parseWindow, type MaintenanceWindow } from '../../reconcile/schedule.js';
import { stateDirOf, envNameOf } from '../../reconcile/status.js';
import { fleetNodeLocks, type EtcdFlags } from '../etcd-options.js';

export interface ReconcileCommandOptions extends EtcdFlags {
  repo: string;
  ref: string;
  node?: string[];
  interval: string;
  jitter: string;
  retry: string;
  once?: boolean;
  window?: string;
  verifySignatures?: boolean;
  allowedSigners?: string;
  lab?: boolean;
  prune?: boolean;
  format: 'text' | 'json';
}

/** Exit code of a single run: 0 converged or suspended, 2 changes held for the window, 3 refused, 1 failed. */
export function exitCodeOfRun(r: ReconcileResult): number {
  switch (r.result) {
    case 'applied':
    case 'nothing-to-do':
    case 'suspended':
      return EXIT.ok;
    case 'planned-only':
      return EXIT.changes;
    case 'invalid':
    case 'refused':
    case 'signature-refused':
      return EXIT.refused;
    default:
      return EXIT.error;
  }
}

function parseOr<T>(what: string, text: string, parse: (s: string) => T): T {
  try {
    return parse(text);
  } catch (err) {
    throw new ExitError(`--${what}: ${(err as Error).message}`, EXIT.error);
  }
}

function describeRun(r: ReconcileResult, nextInMs: number | undefined): string {
  const at = r.revision ? `@${r.revision.slice(0, 12)}` : '';
  const lines = r.message.split('\n');
  const condition = r.condition ? ` (${[r.condition, r.reason].filter(Boolean).join(', ')})` : '';
  const head =
    `${new Date().toISOString()} ${r.env}${at} ${r.result}${condition} ` +
    `in ${formatDuration(r.durationMs)}: ${lines[0]}`;
  const next = nextInMs === undefined ? '' : `\n  next run in ${formatDuration(nextInMs)}`;
  return [head, ...lines.slice(1).map((l) => `  ${l}`)].join('\n') + next + '\n';
}

function runJson(r: ReconcileResult, nextInMs: number | undefined): string {
  const { plan, apply, ...rest } = r;
  const applied = apply
    ? {
        outcome: apply.outcome,
        wavesApplied: apply.wavesApplied,
        failed: apply.failed,
        rolledBack: apply.rolledBack,
        aborted: apply.aborted,
      }
    : undefined;
  return JSON.stringify({ ...rest, planId: plan?.id, summary: plan?.summary, apply: applied, nextInMs }) + '\n';
}

export async function reconcileCommand(envPath: string, opts: ReconcileCommandOptions, io: CliIO): Promise<number> {
  const intervalMs = parseOr('interval', opts.interval, parseDuration);
  const jitterMs = parseOr('jitter', opts.jitter, parseDuration);
  const retryBaseMs = parseOr('retry', opts.retry, parseDuration);
  if (intervalMs < 1000) throw new ExitError('--interval must be at least 1s', EXIT.error);
  const window: MaintenanceWindow | undefined = opts.window ? parseOr('window', opts.window, parseWindow) : undefined;
  if (opts.allowedSigners && !opts.verifySignatures)
    throw new ExitError('--allowed-signers needs --verify-signatures', EXIT.error);
  // The environment's name becomes a file name in the state folder: refuse a bad one here.
  try {
    envNameOf(envPath);
  } catch (err) {
    throw new ExitError(`${(err as Error).message}: name the environment folder, e.g. environments/demo`, EXIT.error);
  }
  const options: ReconcileOptions = {
    repo: opts.repo,
    ref: opts.ref,
    envPath,
    nodes: opts.node,
    stateDir: stateDirOf(io),
    cwd: io.cwd,
    env: io.env,
    driverOptions: { lab: opts.lab },
    window,
    verify: opts.verifySignatures
      ? { allowedSignersFile: opts.allowedSigners ? resolve(io.cwd, opts.allowedSigners) : undefined }
      : undefined,
    prune: opts.prune,
  };
  // Fleet mode: each node's lock in etcd as well, around each run's apply (docs/fleet.md).
  const nodeLocks = fleetNodeLocks(opts, io.env, 'reconcile');
  if (nodeLocks) options.nodeLocks = nodeLocks;
  const report = (r: ReconcileResult, next: number | undefined) =>
    io.stdout.write(opts.format === 'json' ? runJson(r, next) : describeRun(r, next));
  if (opts.once) {
    const r = await reconcileOnce(options);
    report(r, undefined);
    return exitCodeOfRun(r);
  }
  const stop = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => {
    if (stop.signal.aborted) return;
    io.stderr.write(`tandem reconcile: ${sig} received, stopping after the current run\n`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await runReconcile(options, { intervalMs, jitterMs, retryBaseMs, signal: stop.signal, onRun: report });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return EXIT.ok;
}
