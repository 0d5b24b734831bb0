// A node's apply lock, kept in the node's own state folder (node-state.ts) so that every
// tandem that can write the node sees it: two checkouts, an operator and the reconcile
// agent, two machines driving one ssh node. The lock is a JSON file `apply.lock` created
// atomically; of two applies exactly one gets it and the other fails at once naming the
// holder and its id.
//
// A lock is taken over only when its holder is provably gone: a process of *this* host
// (the holder's host name is ours) that no longer runs, checked by pid and, on Linux, by
// the process start time so a recycled pid is not mistaken for the holder. A holder on
// another host, or an unreadable lock, is never taken over: `tandem unlock NODE --holder
// ID` breaks it, and the break is recorded in the node's `lock-breaks.ndjson` and in the
// audit log.
//
// Takers of one stale lock serialise on a guard file (`apply.lock.takeover`, created
// atomically); under it the lock is re-read and removed only if it is still the dead
// holder's, then created again as usual. A guard left by a taker that died mid-way is
// removed once it is older than GUARD_STALE_MS.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import type { NodeStateFiles } from './node-state.js';

export const LOCK_FILE = 'apply.lock';
const GUARD_FILE = 'apply.lock.takeover';
export const LOCK_BREAKS_FILE = 'lock-breaks.ndjson';

export interface LockHolder {
  /** Random id of this holding, asked for by `tandem unlock`. */
  id: string;
  pid: number;
  host: string;
  since: string;
  planId: string;
  /** Who and where: shown when the lock stops someone. */
  user?: string;
  cwd?: string;
  /** The holder process's start time (clock ticks since boot, /proc/PID/stat), when known. */
  startTicks?: number;
}

export interface NodeLock {
  node: string;
  files: NodeStateFiles;
  holder: LockHolder;
}

export type LockOutcome =
  | { ok: true; lock: NodeLock; tookOver?: LockHolder }
  | { ok: false; holder?: LockHolder; message: string; hint?: string };

export function describeHolder(h: LockHolder): string {
  const who = h.user ? `${h.user}, ` : '';
  return `pid ${h.pid} on ${h.host} (${who}since ${h.since}, plan ${h.planId}, holder id ${h.id})`;
}

export function parseHolder(text: string): LockHolder | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (
      typeof v.id === 'string' &&
      typeof v.pid === 'number' &&
      typeof v.host === 'string' &&
      typeof v.since === 'string' &&
      typeof v.planId === 'string'
    )
      return v as LockHolder;
  } catch {
    // an unreadable lock is reported as held by an unknown holder, never taken over
  }
  return undefined;
}

/** Start time of a process of this host in clock ticks since boot, or undefined off Linux. */
export function processStartTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process of this host is alive (EPERM: alive, owned by someone else). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the holder still runs: same pid alive and, when recorded, the same process start time. */
export function holderAlive(h: Pick<LockHolder, 'pid' | 'startTicks'>): boolean {
  if (!pidAlive(h.pid)) return false;
  if (h.startTicks === undefined) return true;
  const now = processStartTicks(h.pid);
  return now === undefined || now === h.startTicks;
}

export interface AcquireOptions {
  planId: string;
  host?: string;
  pid?: number;
  now?: () => Date;
  /** Liveness of a holder of this host (tests pass their own). */
  alive?: (holder: LockHolder) => boolean;
}

export function newHolder(opts: AcquireOptions): LockHolder {
  const pid = opts.pid ?? process.pid;
  const startTicks = pid === process.pid ? processStartTicks(pid) : undefined;
  let user: string | undefined;
  try {
    user = userInfo().username;
  } catch {
    user = undefined;
  }
  return {
    id: randomBytes(6).toString('hex'),
    pid,
    host: opts.host ?? hostname(),
    since: (opts.now?.() ?? new Date()).toISOString(),
    planId: opts.planId,
    ...(user ? { user } : {}),
    cwd: process.cwd(),
    ...(startTicks !== undefined ? { startTicks } : {}),
  };
}

/** The lock file's text for a holder. */
const lockText = (holder: LockHolder) => JSON.stringify(holder) + '\n';

/** How long a taker waits for another taker of the same stale lock. */
const TAKEOVER_WAIT_MS = 2000;
/** A takeover guard older than this belongs to a taker that died mid-way. */
const GUARD_STALE_MS = 10_000;

export async function acquireLock(node: string, files: NodeStateFiles, opts: AcquireOptions): Promise<LockOutcome> {
  const holder = newHolder(opts);
  const text = lockText(holder);
  const alive = opts.alive ?? holderAlive;
  const where = `${files.where}/${LOCK_FILE}`;
  const locked = (current: LockHolder): LockOutcome => ({
    ok: false,
    holder: current,
    message: `node ${node} is locked by another apply: ${describeHolder(current)} (lock ${where})`,
    hint: `if that apply is gone for good: tandem unlock ${node} --holder ${current.id}`,
  });
  const deadline = Date.now() + TAKEOVER_WAIT_MS;
  for (;;) {
    if (await files.create(LOCK_FILE, text)) return { ok: true, lock: { node, files, holder } };
    const raw = await files.read(LOCK_FILE);
    if (raw === null && Date.now() < deadline) continue; // released in between: try again
    if (raw === null) return { ok: false, message: `node ${node}: its lock ${where} keeps changing hands; try again` };
    const current = parseHolder(raw);
    if (!current)
      return {
        ok: false,
        message: `node ${node} is locked by ${where}, which is not a readable tandem lock`,
        hint: `if no apply runs: tandem unlock ${node} --force`,
      };
    if (current.host !== holder.host || alive(current)) return locked(current);
    const taken = await takeOver(files, current, text);
    if (taken === 'ours') return { ok: true, lock: { node, files, holder }, tookOver: current };
    if (taken === 'busy' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
      continue;
    }
    const now = await files.read(LOCK_FILE);
    const nowHolder = now === null ? undefined : parseHolder(now);
    if (nowHolder) return locked(nowHolder);
    if (Date.now() >= deadline)
      return { ok: false, message: `node ${node}: could not take over the stale lock ${where} (another apply is)` };
  }
}

/** When a takeover guard was made; an unreadable guard counts as infinitely old. */
function guardSince(text: string): number {
  try {
    const since = Number((JSON.parse(text) as { since?: unknown }).since);
    return Number.isFinite(since) ? since : 0;
  } catch {
    return 0;
  }
}

const sameHolder = (text: string | null, h: LockHolder) => (text === null ? false : parseHolder(text)?.id === h.id);

async function takeOver(files: NodeStateFiles, dead: LockHolder, text: string): Promise<'ours' | 'busy' | 'lost'> {
  const guard = JSON.stringify({ since: Date.now() });
  if (!(await files.create(GUARD_FILE, guard))) {
    const current = await files.read(GUARD_FILE);
    if (current === null) return 'busy'; // released in between: try again
    if (Date.now() - guardSince(current) > GUARD_STALE_MS) await files.remove(GUARD_FILE);
    return 'busy';
  }
  try {
    const current = await files.read(LOCK_FILE);
    if (current !== null && !sameHolder(current, dead)) return 'lost';
    if (current !== null) await files.remove(LOCK_FILE);
    return (await files.create(LOCK_FILE, text)) ? 'ours' : 'lost';
  } finally {
    await files.remove(GUARD_FILE);
  }
}

/** Removes the lock if it is still ours: exactly the text we wrote (one round trip over ssh). */
export async function releaseLock(lock: NodeLock): Promise<void> {
  await lock.files.removeIfSame(LOCK_FILE, lockText(lock.holder));
}

/** The holder of a node's lock: null when unlocked, undefined when the lock is unreadable. */
export async function readLock(files: NodeStateFiles): Promise<LockHolder | null | undefined> {
  const raw = await files.read(LOCK_FILE);
  return raw === null ? null : parseHolder(raw);
}

export type BreakOutcome =
  | { ok: true; broken: LockHolder | 'unreadable' }
  | { ok: false; reason: 'not-locked' | 'other-holder'; holder?: LockHolder };

/**
 * Breaks a node's lock for `tandem unlock`: only the holding named by its id (or, with
 * force, an unreadable lock), recorded in the node's lock-breaks.ndjson with who broke it.
 */
export async function breakLock(
  files: NodeStateFiles,
  wanted: { holderId?: string; forceUnreadable?: boolean },
  by: { user?: string; host: string; pid: number; reason?: string; at: Date },
): Promise<BreakOutcome> {
  const raw = await files.read(LOCK_FILE);
  if (raw === null) return { ok: false, reason: 'not-locked' };
  const holder = parseHolder(raw);
  if (holder ? holder.id !== wanted.holderId : !wanted.forceUnreadable)
    return { ok: false, reason: 'other-holder', ...(holder ? { holder } : {}) };
  await files.append(
    LOCK_BREAKS_FILE,
    JSON.stringify({ at: by.at.toISOString(), broken: holder ?? raw.slice(0, 500), by }),
  );
  await files.remove(LOCK_FILE);
  return { ok: true, broken: holder ?? 'unreadable' };
}
