// `tandem apply [ENV_DIR] [--yes] [--plan FILE] [--json] [--lab] [--node N...]`: plans
// (exactly as `tandem plan`), shows the plan, asks for confirmation on a terminal unless
// --yes, and applies it (src/apply/). With --plan FILE, applies a saved plan exactly, or
// refuses it when it is stale. Exit codes: 0 applied or nothing to do, 1 failed / stale /
// locked / invalid / not confirmed, 3 refused.
import { createInterface } from 'node:readline/promises';
import { applyPlan, readPlanFile, TerminalProgress, type ApplyResult } from '../../apply/index.js';
import { staleReasons } from '../../apply/plan-file.js';
import { canonicalJson } from '../../plan/digest.js';
import { renderApplyReport } from '../../apply/report.js';
import { planOutcome, type PlanDocument } from '../../plan/document.js';
import { renderPlanText } from '../../render/plan-text.js';
import { styleFor } from '../../render/style.js';
import { DEFAULT_ENV_DIR } from '../defaults.js';
import { EXIT, ExitError } from '../errors.js';
import type { CliIO } from '../io.js';
import { desiredDigestOf, validateOrExit } from '../prepare.js';
import { makePlan } from './plan.js';
import { applyWithExternalLocks } from '../../apply/external-lock.js';
import { fleetNodeLocks, type EtcdFlags } from '../etcd-options.js';
import { parseTrialDuration, startTrial } from '../trial.js';

export interface ApplyCommandOptions extends EtcdFlags {
  yes?: boolean;
  plan?: string;
  json?: boolean;
  lab?: boolean;
  node?: string[];
  prune?: boolean;
  timeout?: string;
  /** Apply on trial: rolled back after this long unless `tandem confirm` (src/cli/trial.ts). */
  confirm?: string;
}

export function exitCodeForApply(r: ApplyResult): number {
  if (r.outcome === 'applied' || r.outcome === 'nothing-to-do') return EXIT.ok;
  return r.outcome === 'refused' ? EXIT.refused : EXIT.error;
}

async function confirm(io: CliIO, out: NodeJS.WritableStream): Promise<boolean> {
  const rl = createInterface({ input: io.stdin, output: out, terminal: false });
  try {
    const answer = await rl.question('Apply these changes? (yes/no) ');
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}

/**
 * A saved plan is applied only if it is the plan tandem makes now from the same desired
 * state and the same nodes (planning is deterministic): an edited file, or one made with
 * other options, is refused. When something did change, the stale check under the locks
 * says what.
 */
async function checkSavedPlan(
  plan: PlanDocument,
  dir: string,
  driverOptions: { lab: boolean; timeoutMs?: number },
  io: CliIO,
): Promise<PlanDocument | undefined> {
  const selected = Object.keys(plan.nodes);
  const fresh = await makePlan(
    dir,
    {
      format: 'text',
      ...driverOptions,
      nodes: selected,
      prune: plan.prune ?? false,
      commit: plan.desiredRevision.commit,
    },
    io,
  );
  // Compare the whole document, not the id it claims: an edited file keeps its old id.
  if (canonicalJson(fresh.plan) === canonicalJson(plan)) return undefined;
  // Reported as stale by applyPlan, which names what the plan made now changes differently.
  if (staleReasons(plan, fresh.prepared.desiredDigest, fresh.prepared.observations).length > 0) return fresh.plan;
  throw new ExitError(
    `the saved plan ${plan.id} is not what tandem plans from the same desired state and nodes (${fresh.plan.id}): ` +
      'the file was edited or made with other options; nothing was applied, make a new plan',
    EXIT.error,
  );
}

export async function applyCommand(dirArg: string | undefined, opts: ApplyCommandOptions, io: CliIO): Promise<number> {
  // With --json, stdout carries only the NDJSON events; people read stderr.
  const out = opts.json ? io.stderr : io.stdout;
  const timeoutMs = opts.timeout !== undefined ? Number(opts.timeout) : undefined;
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0))
    throw new ExitError(`--timeout must be a positive number of milliseconds, not ${opts.timeout}`, EXIT.error);
  const driverOptions = { lab: opts.lab ?? false, ...(timeoutMs ? { timeoutMs } : {}) };
  // Fleet mode: each node's lock in etcd as well, taken before its file lock (docs/fleet.md).
  const fleetLocks = fleetNodeLocks(opts, io.env, 'apply');
  const trialMs = opts.confirm !== undefined ? parseTrialDuration(opts.confirm) : undefined;
  let texts: ReadonlyMap<string, string>;

  let dir: string;
  let plan: PlanDocument;
  let desiredDigest: string;
  let model;
  let observed;
  let replanned: PlanDocument | undefined;
  if (opts.plan) {
    const read = await readPlanFile(opts.plan);
    if (!read.ok) throw new ExitError(read.message, EXIT.error);
    plan = read.plan;
    dir = dirArg ?? plan.environment ?? DEFAULT_ENV_DIR;
    const validation = await validateOrExit(dir, io);
    model = validation.model;
    desiredDigest = desiredDigestOf(validation);
    texts = validation.env.texts;
    out.write(renderPlanText(plan, styleFor(out, io.env)));
    if (plan.refusals.length === 0) replanned = await checkSavedPlan(plan, dir, driverOptions, io);
  } else {
    dir = dirArg ?? DEFAULT_ENV_DIR;
    const made = await makePlan(dir, { format: 'text', nodes: opts.node, prune: opts.prune, ...driverOptions }, io);
    plan = made.plan;
    model = made.prepared.model;
    desiredDigest = made.prepared.desiredDigest;
    texts = made.prepared.validation.env.texts;
    observed = made.prepared.observations;
    out.write(renderPlanText(plan, styleFor(out, io.env)));
    if (planOutcome(plan) === 'changes' && !opts.yes) {
      if (!io.stdin.isTTY)
        throw new ExitError('not applying: no terminal to confirm on; pass --yes to apply without asking', EXIT.error);
      if (!(await confirm(io, out))) throw new ExitError('apply cancelled: nothing was changed', EXIT.error);
    }
  }

  const trial =
    trialMs === undefined
      ? undefined
      : startTrial({ plan, envDir: dir, texts, durationMs: trialMs, driverOptions, env: io.env, cwd: io.cwd });
  const result = await applyWithExternalLocks(fleetLocks, applyPlan, {
    plan,
    model,
    envDir: dir,
    // The same ssh masters as the plan's observation: one connection per node for the command.
    driverOptions: { ...driverOptions, sessions: io.sessions },
    env: io.env,
    cwd: io.cwd,
    desiredDigest,
    ...(observed ? { observed } : {}),
    ...(replanned ? { replanned } : {}),
    ...(opts.json ? { onEvent: (e) => io.stdout.write(JSON.stringify(e) + '\n') } : {}),
    progress: opts.json ? undefined : TerminalProgress.for(io.stderr),
    ...(trial ? { trial: trial.hook } : {}),
  });
  out.write(renderApplyReport(result));
  if (trial) out.write(`${await trial.finish(result)}\n`);
  return exitCodeForApply(result);
}
