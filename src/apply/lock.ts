// Per-node apply locks: `$TANDEM_STATE_DIR/locks/<node>.lock` (default `.tandem/locks`
// under the working directory), a JSON file {pid, host, since, planId} created with
// O_EXCL, so of two applies exactly one gets it and the other fails at once naming the
// holder. The lock is on the machine running tandem, for every transport: two applies
// from this machine never overlap; applies from two different machines to the same ssh
// node are not excluded (docs/apply.md).
//
// A lock whose pid is dead on this host (a killed apply) is stale and taken over: takers
// serialise on a guard file (`<node>.lock.takeover`, O_EXCL), re-read the lock under it,
// remove it only if it is still the dead holder's, and create their own with O_EXCL as
// usual (see takeOver). A guard left by a taker killed mid-way expires after 10 s.
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isSafeNodeName } from '../observe/snapshot-io.js';
import { stateDir } from '../state-dir.js';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  planId: string;
}

export type LockOutcome =
  { ok: true; lock: NodeLock; tookOver?: LockHolder } | { ok: false; holder?: LockHolder; message: string };

export interface NodeLock {
  node: string;
  path: string;
  holder: LockHolder;
}

export function locksDir(loc: { env: NodeJS.ProcessEnv; cwd: string }): string {
  return stateDir(loc, 'locks');
}

export function describeHolder(h: LockHolder): string {
  return `pid ${h.pid} on ${h.host} since ${h.since} (plan ${h.planId})`;
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (
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

async function createExclusive(path: string, holder: LockHolder): Promise<boolean> {
  try {
    const fh = await open(path, 'wx', 0o644);
    try {
      await fh.writeFile(JSON.stringify(holder) + '\n');
    } finally {
      await fh.close();
    }
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

async function readHolder(path: string): Promise<LockHolder | undefined | null> {
  try {
    return parseHolder(await readFile(path, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

const same = (a: LockHolder, b: LockHolder) =>
  a.pid === b.pid && a.host === b.host && a.since === b.since && a.planId === b.planId;

export interface AcquireOptions {
  dir: string;
  planId: string;
  host?: string;
  pid?: number;
  now?: () => Date;
  /** Liveness test, for tests. */
  alive?: (pid: number) => boolean;
}

export async function acquireLock(node: string, opts: AcquireOptions): Promise<LockOutcome> {
  if (!isSafeNodeName(node)) return { ok: false, message: `node name ${JSON.stringify(node)} cannot name a lock file` };
  await mkdir(opts.dir, { recursive: true });
  const path = join(opts.dir, `${node}.lock`);
  const holder: LockHolder = {
    pid: opts.pid ?? process.pid,
    host: opts.host ?? hostname(),
    since: (opts.now?.() ?? new Date()).toISOString(),
    planId: opts.planId,
  };
  const alive = opts.alive ?? pidAlive;
  const locked = (current: LockHolder): LockOutcome => ({
    ok: false,
    holder: current,
    message: `node ${node} is locked by another apply: ${describeHolder(current)} (lock file ${path})`,
  });
  const deadline = Date.now() + TAKEOVER_WAIT_MS;
  for (;;) {
    if (await createExclusive(path, holder)) return { ok: true, lock: { node, path, holder } };
    const current = await readHolder(path);
    if (current === null && Date.now() < deadline) continue; // released in between: try again
    if (current === null)
      return { ok: false, message: `node ${node}: its lock ${path} keeps changing hands; try again` };
    if (!current)
      return {
        ok: false,
        message:
          `node ${node} is locked by ${path}, which is not a readable tandem lock: ` +
          'remove it by hand if no apply runs',
      };
    if (current.host !== holder.host || alive(current.pid)) return locked(current);
    const taken = await takeOver(path, current, holder);
    if (taken === 'ours') return { ok: true, lock: { node, path, holder }, tookOver: current };
    if (taken === 'busy' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
      continue;
    }
    const now = await readHolder(path);
    if (now) return locked(now);
    if (Date.now() >= deadline)
      return {
        ok: false,
        message: `node ${node}: could not take over the stale lock ${path} (another apply is taking it over)`,
      };
  }
}

/** How long a taker waits for another taker of the same stale lock. */
const TAKEOVER_WAIT_MS = 2000;
/** A takeover guard older than this belongs to a taker that died mid-way. */
const GUARD_STALE_MS = 10_000;

/**
 * Replaces the stale lock `dead` with ours. Takers are serialised by a guard file created
 * with O_EXCL; under it the lock is re-read and removed only if it is still the dead
 * holder's. Fresh applies never remove a lock (they only create with O_EXCL), so nothing
 * can replace the dead lock between that read and the removal: exactly one apply ends up
 * holding the node.
 */
async function takeOver(path: string, dead: LockHolder, holder: LockHolder): Promise<'ours' | 'busy' | 'lost'> {
  const guard = `${path}.takeover`;
  let fh;
  try {
    fh = await open(guard, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const age = await stat(guard).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > GUARD_STALE_MS) await rm(guard, { force: true });
    return 'busy';
  }
  try {
    await fh.writeFile(JSON.stringify(holder) + '\n');
    await fh.close();
    const current = await readHolder(path);
    if (current === null) return (await createExclusive(path, holder)) ? 'ours' : 'lost';
    if (!current || !same(current, dead)) return 'lost';
    await rm(path, { force: true });
    return (await createExclusive(path, holder)) ? 'ours' : 'lost';
  } finally {
    await rm(guard, { force: true });
  }
}

/** Removes the lock if it is still ours. */
export async function releaseLock(lock: NodeLock): Promise<void> {
  const current = await readHolder(lock.path);
  if (current && same(current, lock.holder)) await rm(lock.path, { force: true });
}
