// The apply locks of every node a plan writes: taken before anything else, released at
// the end whatever happened. Over ssh a lock is a round trip, so they are not taken one
// node after another: the first node in name order is taken alone, then all the others
// at once. The first node is the tie-breaker of two applies racing for the same nodes:
// only one of them gets it, and the other stops there, so the race has a winner (taking
// them all at once, each could get some and both would stop). A run that finds any node
// locked refuses, and releases every lock it did take.
import { mapBounded } from '../bounded.js';
import type { AuditLog } from './audit.js';
import {
  acquireLock,
  describeHolder,
  LOCK_FILE,
  releaseLock,
  type AcquireOptions,
  type LockHolder,
  type LockOutcome,
  type NodeLock,
} from './node-lock.js';
import type { NodeStateFiles } from './node-state.js';

/**
 * How many nodes' state files (locks, trial records) are read or written at once: each is
 * a process, over ssh on the node's connection. Not the rollout's parallelism, which
 * bounds kernel writes: a rollout of one node at a time still locks its nodes at once.
 */
export const NODE_FILES_IN_FLIGHT = 16;

export type LockNodesOutcome =
  { ok: true; locks: NodeLock[] } | { ok: false; node: string; message: string; hint?: string; holder?: LockHolder };

/** Locks `nodes` (sorted by the caller); on a refusal, the locks taken are released before it returns. */
export async function lockNodes(
  nodes: readonly string[],
  stateOf: (node: string) => NodeStateFiles,
  opts: AcquireOptions,
  audit: AuditLog,
): Promise<LockNodesOutcome> {
  const take = (node: string): Promise<LockOutcome> =>
    acquireLock(node, stateOf(node), opts).catch((err: Error): LockOutcome => ({
      ok: false,
      message: `cannot take the lock of node ${node}: ${err.message}`,
    }));
  const [first, ...rest] = nodes;
  const outcomes: LockOutcome[] = first === undefined ? [] : [await take(first)];
  if (outcomes[0]?.ok) outcomes.push(...(await mapBounded(rest, NODE_FILES_IN_FLIGHT, take)));
  const locks: NodeLock[] = [];
  // Recorded in node order, whichever answered first.
  outcomes.forEach((r, i) => {
    if (!r.ok) return;
    locks.push(r.lock);
    if (r.tookOver)
      audit.record({
        event: 'lock-takeover',
        node: nodes[i],
        detail: { stale: r.tookOver, lock: `${r.lock.files.where}/${LOCK_FILE}` },
        result: `took over the stale lock of ${describeHolder(r.tookOver)} (process gone)`,
      });
    audit.record({
      event: 'lock',
      node: nodes[i],
      result: 'ok',
      detail: { lock: `${r.lock.files.where}/${LOCK_FILE}`, holder: r.lock.holder.id },
    });
  });
  const refusedAt = outcomes.findIndex((r) => !r.ok);
  if (refusedAt < 0) return { ok: true, locks };
  const refused = outcomes[refusedAt] as Extract<LockOutcome, { ok: false }>;
  const node = nodes[refusedAt];
  audit.record({
    event: 'locked',
    node,
    error: refused.message,
    ...(refused.holder ? { detail: refused.holder } : {}),
  });
  await unlockNodes(locks, audit);
  return {
    ok: false,
    node,
    message: refused.message,
    ...(refused.hint ? { hint: refused.hint } : {}),
    ...(refused.holder ? { holder: refused.holder } : {}),
  };
}

/** Releases the locks, all at once (within the bound); a lock that cannot be released is recorded as failed. */
export async function unlockNodes(locks: readonly NodeLock[], audit: AuditLog): Promise<void> {
  const errors = await mapBounded(locks, NODE_FILES_IN_FLIGHT, (l) =>
    releaseLock(l).then(
      () => undefined,
      (err: Error) => err.message,
    ),
  );
  // Recorded in the reverse order of taking, as they were when released one by one.
  for (let i = locks.length - 1; i >= 0; i--)
    audit.record({
      event: 'unlock',
      node: locks[i].node,
      ...(errors[i] ? { result: 'failed', error: errors[i] } : {}),
    });
}
