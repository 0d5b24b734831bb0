// Apply on trial (`tandem apply --confirm 120s`, like `netplan try` or nmstate's
// checkpoints): before the first write, each node the plan writes gets a trial record in
// its own state folder (node-state.ts): the state observed under the lock (the
// checkpoint), the deadline and who watches it. Unless `tandem confirm` removes the
// records in time, the node is put back to its checkpoint by whoever comes first after
// the deadline: the detached watchdog the CLI started with the trial (src/cli/trial-
// watchdog.ts), or any later apply or reconcile that finds the record overdue and its
// watchdog gone (the agent on the node when the operator's machine lost the node). The
// rollback never depends on the applying process: it may be killed, its ssh session lost.
// While a record is pending, other applies leave the node alone (`pendingTrials`).
import { hostname } from 'node:os';
import type { DesiredModel } from '../model/desired.js';
import type { ObservedNode } from '../observe/model.js';
import type { AuditLog } from './audit.js';
import { mapBounded } from '../bounded.js';
import { NODE_FILES_IN_FLIGHT } from './lock-nodes.js';
import { holderAlive } from './node-lock.js';
import type { NodeStateFiles } from './node-state.js';
import { rollbackNodes, type RollbackOutcome } from './rollback-run.js';
import type { WritableNode } from './writable-node.js';

export const TRIAL_FILE = 'trial.json';
/** How long after its deadline a trial whose watchdog runs elsewhere counts as abandoned. */
export const TRIAL_GRACE_MS = 60_000;

export interface TrialWatchdog {
  host: string;
  pid: number;
  startTicks?: number;
}

export interface TrialRecord {
  /** Random id shared by the records of one trial, and its watchdog's job. */
  id: string;
  planId: string;
  environment?: string;
  startedAt: string;
  deadline: string;
  /** Who applied: shown by confirm, status and a refused apply. */
  by: { host: string; pid: number; user?: string };
  watchdog?: TrialWatchdog;
  /** The node as observed under the apply lock before the first write: what a rollback restores. */
  checkpoint: ObservedNode;
}

export function parseTrial(text: string): TrialRecord | undefined {
  try {
    const v = JSON.parse(text) as Partial<TrialRecord>;
    if (
      typeof v.id === 'string' &&
      typeof v.planId === 'string' &&
      typeof v.deadline === 'string' &&
      Number.isFinite(Date.parse(v.deadline)) &&
      typeof v.checkpoint === 'object' &&
      v.checkpoint !== null &&
      typeof v.checkpoint.node === 'string' &&
      Array.isArray(v.checkpoint.links)
    )
      return v as TrialRecord;
  } catch {
    // reported by readTrial's caller as unreadable
  }
  return undefined;
}

/** The node's pending trial: null when there is none, 'unreadable' for a damaged record. */
export async function readTrial(files: NodeStateFiles): Promise<TrialRecord | null | 'unreadable'> {
  const raw = await files.read(TRIAL_FILE);
  if (raw === null) return null;
  return parseTrial(raw) ?? 'unreadable';
}

/** Records the trial on the node; false when the node already has a trial record. */
export function writeTrial(files: NodeStateFiles, record: TrialRecord): Promise<boolean> {
  return files.create(TRIAL_FILE, JSON.stringify(record) + '\n');
}

/** Removes the node's record if it is still this trial's. */
export async function clearTrial(files: NodeStateFiles, id: string): Promise<boolean> {
  const current = await readTrial(files);
  if (current === null || current === 'unreadable' || current.id !== id) return false;
  await files.remove(TRIAL_FILE);
  return true;
}

/**
 * Whether the trial's watchdog may still do its job: it runs on this host, or it runs on
 * another host and the deadline is less than TRIAL_GRACE_MS behind us.
 */
export function watchdogAlive(record: TrialRecord, now: Date, host = hostname()): boolean {
  const w = record.watchdog;
  if (!w) return false;
  if (w.host === host) return holderAlive(w);
  return now.getTime() < Date.parse(record.deadline) + TRIAL_GRACE_MS;
}

export function describeTrial(node: string, r: TrialRecord, now: Date): string {
  const left = Math.round((Date.parse(r.deadline) - now.getTime()) / 1000);
  const when = left >= 0 ? `rolls back at ${r.deadline} (in ${left} s)` : `was due to roll back at ${r.deadline}`;
  const by = `plan ${r.planId}, applied by pid ${r.by.pid} on ${r.by.host}`;
  return `node ${node} is on trial (${by}): it ${when} unless confirmed`;
}

export type PendingTrial = { node: string; record: TrialRecord | 'unreadable'; overdue: boolean };

/**
 * The trials that stop an apply from writing these nodes: a pending one (tandem confirm,
 * or wait for the rollback), and an overdue one whose watchdog is gone, which the caller
 * rolls back itself (settleOverdue) before anything else.
 */
export async function pendingTrials(
  nodes: readonly string[],
  writerOf: (node: string) => WritableNode,
  now: Date,
): Promise<PendingTrial[]> {
  const out: PendingTrial[] = [];
  // One read per node (over ssh a round trip each): all at once, within a bound.
  const records = await mapBounded(nodes, NODE_FILES_IN_FLIGHT, (node) => readTrial(writerOf(node).state));
  for (const [i, node] of nodes.entries()) {
    const record = records[i];
    if (record === null) continue;
    const overdue =
      record !== 'unreadable' && now.getTime() >= Date.parse(record.deadline) && !watchdogAlive(record, now);
    out.push({ node, record, overdue });
  }
  return out;
}

export interface SettleInput {
  id: string;
  nodes: readonly string[];
  model: DesiredModel;
  writerOf: (node: string) => WritableNode;
  audit: AuditLog;
  parallelism: number;
}

export type SettleOutcome = { node: string; ok: true; ops: number } | { node: string; ok: false; error: string };

/**
 * Rolls the trial's nodes back to their checkpoints (the caller holds their locks), puts
 * their inventories back and removes the records. A node whose record is gone was
 * confirmed (or settled by someone else) and is left alone. An address that comes back
 * gets the uniqueness check of an arrival: a node that could not take one back while
 * another node still held it is tried again once the others are done.
 */
export async function settleTrial(input: SettleInput): Promise<SettleOutcome[]> {
  const checkpoints = new Map<string, ObservedNode>();
  for (const node of input.nodes) {
    const record = await readTrial(input.writerOf(node).state);
    if (record !== null && record !== 'unreadable' && record.id === input.id) checkpoints.set(node, record.checkpoint);
  }
  const run = (nodes: string[]) =>
    rollbackNodes({
      model: input.model,
      nodes,
      checkpoints,
      writerOf: input.writerOf,
      audit: input.audit,
      wave: 0,
      parallelism: input.parallelism,
    });
  let outcomes: RollbackOutcome[] = await run([...checkpoints.keys()].sort());
  const again = outcomes.filter((o) => !o.ok).map((o) => o.node);
  if (again.length > 0 && again.length < outcomes.length)
    outcomes = [...outcomes.filter((o) => o.ok), ...(await run(again))];
  const settled: SettleOutcome[] = [];
  for (const o of outcomes) {
    const writer = input.writerOf(o.node);
    if (!o.ok) {
      input.audit.record({ event: 'trial-rollback', node: o.node, result: 'failed', error: o.error });
      settled.push(o);
      continue;
    }
    await writer.writeInventory(checkpoints.get(o.node)!.inventory);
    await clearTrial(writer.state, input.id);
    input.audit.record({
      event: 'trial-rollback',
      node: o.node,
      result: 'ok',
      detail: { trial: input.id, ops: o.ops },
    });
    settled.push(o);
  }
  await input.audit.flush();
  return settled;
}

export interface GuardInput {
  /** The nodes the plan writes to, whose locks the caller holds. */
  nodes: readonly string[];
  /** The apply's own trial (apply --confirm), whose records do not stop it. */
  ownTrial?: string;
  model: DesiredModel;
  writerOf: (node: string) => WritableNode;
  audit: AuditLog;
  parallelism: number;
  now: Date;
}

/**
 * What a pending trial means for an apply about to write (under the nodes' locks): a
 * trial still running stops it ('locked': confirm it or wait for the rollback); an overdue
 * one whose watchdog is gone is rolled back here and now, and the apply stops as stale
 * (its plan was made from the trial's state). Undefined: nothing stands in the way.
 */
export async function trialGuard(
  input: GuardInput,
): Promise<{ outcome: 'locked' | 'stale'; message: string; stale?: string[] } | undefined> {
  const found = (await pendingTrials(input.nodes, input.writerOf, input.now)).filter(
    (p) => p.record === 'unreadable' || p.record.id !== input.ownTrial,
  );
  if (found.length === 0) return undefined;
  const running = found.filter((p) => !p.overdue);
  if (running.length > 0) {
    const why = running.map((p) =>
      p.record === 'unreadable'
        ? `node ${p.node} has an unreadable trial record (${input.writerOf(p.node).state.where}/${TRIAL_FILE}): ` +
          'remove it once you know the node is as it should be'
        : describeTrial(p.node, p.record, input.now),
    );
    for (const p of running) input.audit.record({ event: 'locked', node: p.node, error: 'on trial' });
    return {
      outcome: 'locked',
      message: `${why.join('; ')}: nothing was applied (tandem confirm ENV keeps the trial's changes)`,
    };
  }
  const byId = new Map<string, string[]>();
  for (const p of found)
    if (p.record !== 'unreadable') byId.set(p.record.id, [...(byId.get(p.record.id) ?? []), p.node]);
  const lines: string[] = [];
  for (const [id, nodes] of byId) {
    const settled = await settleTrial({ ...input, id, nodes });
    for (const s of settled)
      lines.push(
        s.ok
          ? `node ${s.node} was on an unconfirmed trial past its deadline, its watchdog gone: ` +
              'rolled back to its state before that apply'
          : `node ${s.node}: the rollback of its overdue trial failed: ${s.error}`,
      );
  }
  return { outcome: 'stale', stale: lines, message: `${lines.join('; ')}; nothing else was applied: plan again` };
}
