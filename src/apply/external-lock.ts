// Node locks that live outside the nodes: in fleet mode, the nodes' apply locks in etcd
// (src/fleet/locks.ts implements this interface; apply/ never imports fleet/). They are
// taken in addition to the node's own file lock (node-lock.ts), and before it: every
// tandem configured with etcd takes etcd first, so the file lock is only ever contended by
// a tandem without etcd.
//
// `applyWithExternalLocks` wraps applyPlan: it takes the external lock of every node the
// plan writes (in name order), runs the apply, and releases them in `finally`. A plan with
// nothing to do or a refused plan takes no lock, exactly as applyPlan. A refusal is an
// ApplyResult with outcome 'locked' and the same message shape as the file lock's.
import type { DesiredModel } from '../model/desired.js';
import { planOutcome, type PlanDocument } from '../plan/document.js';
import { AuditLog, auditFile } from './audit.js';
import type { ApplyInput, ApplyResult } from './index.js';
import type { LockHolder } from './node-lock.js';

export type ExternalLockAttempt =
  | {
      ok: true;
      /** Where each lock lives (e.g. "etcd /tandem/c/locks/nodes/n1") and its holder id, for the audit log. */
      held: { node: string; where: string; holderId: string }[];
      /** Releases every lock; resolves with a warning when one was lost during the apply. */
      release(): Promise<string | undefined>;
    }
  | { ok: false; node: string; message: string; hint?: string; holder?: LockHolder };

export interface ExternalNodeLocks {
  /** Takes every node's lock, in the order given, or none. */
  acquire(
    nodes: string[],
    context: { planId: string; model: DesiredModel; envDir: string },
  ): Promise<ExternalLockAttempt>;
  /** Ends what the locks needed (the etcd client's connections); called once the apply is over. */
  close?(): void;
}

/** The nodes a plan writes to: the ones applyPlan locks. */
export function writtenNodes(plan: PlanDocument): string[] {
  return [...new Set(plan.waves.flatMap((w) => w.steps.map((s) => s.node)))].sort();
}

/**
 * Runs `apply(input)` (applyPlan) under the external locks of the nodes the plan writes.
 * The audit events of the locks go where the apply's go (input.auditFile, input.onEvent).
 */
export async function applyWithExternalLocks(
  locks: ExternalNodeLocks | undefined,
  apply: (input: ApplyInput) => Promise<ApplyResult>,
  input: ApplyInput,
): Promise<ApplyResult> {
  try {
    return await lockedApply(locks, apply, input);
  } finally {
    locks?.close?.();
  }
}

async function lockedApply(
  locks: ExternalNodeLocks | undefined,
  apply: (input: ApplyInput) => Promise<ApplyResult>,
  input: ApplyInput,
): Promise<ApplyResult> {
  const { plan } = input;
  const nodes = writtenNodes(plan);
  if (!locks || planOutcome(plan) !== 'changes' || nodes.length === 0) return apply(input);
  const loc = {
    env: input.env ?? input.driverOptions?.env ?? process.env,
    cwd: input.cwd ?? input.driverOptions?.cwd ?? process.cwd(),
  };
  const file = input.auditFile === null ? undefined : (input.auditFile ?? auditFile(loc));
  const log = new AuditLog(file, plan.id, input.onEvent);
  let attempt: ExternalLockAttempt;
  try {
    attempt = await locks.acquire(nodes, { planId: plan.id, model: input.model, envDir: input.envDir });
  } catch (err) {
    attempt = { ok: false, node: nodes[0], message: `cannot take the node locks: ${(err as Error).message}` };
  }
  if (!attempt.ok) {
    log.record({
      event: 'locked',
      node: attempt.node,
      error: attempt.message,
      ...(attempt.holder ? { detail: attempt.holder } : {}),
    });
    await log.flush();
    return {
      outcome: 'locked',
      plan,
      wavesApplied: 0,
      applied: [],
      aborted: [],
      message: `${attempt.message}: nothing was applied${attempt.hint ? ` (${attempt.hint})` : ''}`,
      ...(attempt.holder ? { lockHolder: attempt.holder } : {}),
      events: 1,
      writes: { batches: 0, inventories: 0 },
    };
  }
  for (const h of attempt.held)
    log.record({ event: 'lock', node: h.node, result: 'ok', detail: { lock: h.where, holder: h.holderId } });
  await log.flush();
  const release = async () => {
    const warning = await attempt.release().catch((err: Error) => `releasing the node locks failed: ${err.message}`);
    for (const h of attempt.held) log.record({ event: 'unlock', node: h.node, ...(warning ? { error: warning } : {}) });
    await log.flush();
    return warning;
  };
  let result: ApplyResult;
  try {
    result = await apply(input);
  } catch (err) {
    await release();
    throw err;
  }
  const warning = await release();
  return warning ? { ...result, message: `${result.message} (warning: ${warning})` } : result;
}
