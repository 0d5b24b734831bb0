// Reconcile status, one file per environment: `$TANDEM_STATE_DIR/status/<env>.json`
// (default `.tandem/status/<env>.json` under the working directory), holding per node
// the last applied and last attempted revision, a condition (Ready / Reconciling /
// Stalled) with reason and time, the last runs, and detected drift. Suspension is a
// flag file beside it, `<env>.suspended`. Both are written atomically (temporary file,
// then rename) so `tandem status` never reads half a file.
//
// The updaters (recordRun, startRun) are pure: they take a status and return the next.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stateDir, type StateLocation } from '../state-dir.js';

export const STATUS_FORMAT_VERSION = 1;
export const HISTORY_LIMIT = 20;

export type ConditionType = 'Ready' | 'Reconciling' | 'Stalled';

export interface Condition {
  type: ConditionType;
  /** A CamelCase word a script can match: Applied, UpToDate, ValidationFailed, PlanRefused... */
  reason: string;
  message: string;
  /** When the condition last changed type or reason. */
  since: string;
  /** When it was last confirmed. */
  updatedAt: string;
}

export type RunResult =
  | 'applied'
  | 'nothing-to-do'
  | 'planned-only'
  | 'invalid'
  | 'refused'
  | 'signature-refused'
  | 'failed'
  | 'stale'
  | 'locked'
  | 'source-failed';

export interface RunRecord {
  revision?: string;
  digest?: string;
  result: RunResult;
  startedAt: string;
  durationMs: number;
  message?: string;
}

export interface RevisionRef {
  commit: string;
  digest?: string;
  at: string;
}

export interface DriftRecord {
  /** pending: planned and not applied (outside the window, refused, failed); repaired: applied since. */
  state: 'pending' | 'repaired';
  /** drift: the node moved away from a revision already applied; otherwise why it was not applied. */
  reason: 'drift' | 'outside-window' | 'not-applied';
  revision: string;
  detectedAt: string;
  repairedAt?: string;
  /** One line per planned change, `+ address 192.0.2.50/24 on eth0`. */
  changes: string[];
}

export interface NodeStatus {
  node: string;
  lastAppliedRevision?: RevisionRef;
  lastAttemptedRevision?: RevisionRef;
  condition: Condition;
  history: RunRecord[];
  drift?: DriftRecord;
}

export interface EnvironmentStatus {
  formatVersion: typeof STATUS_FORMAT_VERSION;
  environment: string;
  source?: { repo: string; ref: string; path: string };
  updatedAt: string;
  nodes: Record<string, NodeStatus>;
}

export type { StateLocation } from '../state-dir.js';

/** `$TANDEM_STATE_DIR`, by default `.tandem` under the working directory. */
export function stateDirOf(loc: StateLocation): string {
  return stateDir(loc);
}

const SAFE_ENV_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,100}$/;

/** The environment's name in state file names: its folder's name, refused when unsafe as a file name. */
export function envNameOf(envPath: string): string {
  const name = envPath.replace(/\\/g, '/').replace(/\/+$/, '').split('/').pop() ?? '';
  if (!SAFE_ENV_NAME.test(name))
    throw new Error(`${JSON.stringify(envPath)} does not end in a usable environment name`);
  return name;
}

export function statusFile(stateDir: string, env: string): string {
  return join(stateDir, 'status', `${env}.json`);
}

export function suspendFile(stateDir: string, env: string): string {
  return join(stateDir, 'status', `${env}.suspended`);
}

async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, text, { mode: 0o644 });
  await rename(tmp, file);
}

async function readJson<T>(file: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return JSON.parse(text) as T;
}

export function emptyStatus(environment: string, now: string): EnvironmentStatus {
  return { formatVersion: STATUS_FORMAT_VERSION, environment, updatedAt: now, nodes: {} };
}

export async function readStatus(stateDir: string, env: string): Promise<EnvironmentStatus | undefined> {
  const status = await readJson<EnvironmentStatus>(statusFile(stateDir, env));
  // Read from disk: any value, whatever the type says.
  const version: unknown = status?.formatVersion;
  if (status && version !== STATUS_FORMAT_VERSION)
    throw new Error(
      `${statusFile(stateDir, env)} has format ${String(version)}, this tandem reads ${STATUS_FORMAT_VERSION}`,
    );
  return status;
}

export async function writeStatus(stateDir: string, status: EnvironmentStatus): Promise<void> {
  await writeAtomic(statusFile(stateDir, status.environment), JSON.stringify(status, null, 2) + '\n');
}

export interface Suspension {
  since: string;
  reason?: string;
}

export async function readSuspension(stateDir: string, env: string): Promise<Suspension | undefined> {
  return readJson<Suspension>(suspendFile(stateDir, env));
}

export async function suspend(stateDir: string, env: string, s: Suspension): Promise<void> {
  await writeAtomic(suspendFile(stateDir, env), JSON.stringify(s) + '\n');
}

/** Removes the flag; returns whether the environment was suspended. */
export async function resume(stateDir: string, env: string): Promise<boolean> {
  const was = (await readSuspension(stateDir, env)) !== undefined;
  await rm(suspendFile(stateDir, env), { force: true });
  return was;
}

function setCondition(
  prev: Condition | undefined,
  type: ConditionType,
  reason: string,
  message: string,
  now: string,
): Condition {
  const same = prev && prev.type === type && prev.reason === reason;
  return { type, reason, message, since: same ? prev.since : now, updatedAt: now };
}

function nodeOf(status: EnvironmentStatus, node: string, now: string): NodeStatus {
  return (
    status.nodes[node] ?? {
      node,
      condition: { type: 'Reconciling', reason: 'FirstRun', message: 'not reconciled yet', since: now, updatedAt: now },
      history: [],
    }
  );
}

/** Marks nodes as Reconciling a revision, before anything is read or changed. */
export function startRun(
  status: EnvironmentStatus,
  nodes: readonly string[],
  revision: string | undefined,
  now: string,
): EnvironmentStatus {
  const next: EnvironmentStatus = { ...status, updatedAt: now, nodes: { ...status.nodes } };
  for (const node of nodes) {
    const prev = nodeOf(status, node, now);
    next.nodes[node] = {
      ...prev,
      lastAttemptedRevision: revision ? { commit: revision, at: now } : prev.lastAttemptedRevision,
      condition: setCondition(
        prev.condition,
        'Reconciling',
        'Progressing',
        revision ? `reconciling ${revision.slice(0, 12)}` : 'reading the repository',
        now,
      ),
    };
  }
  return next;
}

export interface NodeOutcome {
  node: string;
  revision?: string;
  digest?: string;
  result: RunResult;
  condition: { type: ConditionType; reason: string; message: string };
  /** Set when the desired state is now on the node (Ready). */
  applied?: boolean;
  /** Changes planned for the node (one line each) and whether they were applied. */
  changes?: string[];
  startedAt: string;
  durationMs: number;
}

/** Records one run's outcome for one node: condition, revisions, history and drift. */
export function recordRun(status: EnvironmentStatus, o: NodeOutcome, now: string): EnvironmentStatus {
  const prev = nodeOf(status, o.node, now);
  const node: NodeStatus = {
    ...prev,
    condition: setCondition(prev.condition, o.condition.type, o.condition.reason, o.condition.message, now),
    history: [
      {
        revision: o.revision,
        digest: o.digest,
        result: o.result,
        startedAt: o.startedAt,
        durationMs: o.durationMs,
        message: o.condition.message,
      },
      ...prev.history,
    ].slice(0, HISTORY_LIMIT),
  };
  if (o.revision) node.lastAttemptedRevision = { commit: o.revision, digest: o.digest, at: now };
  const changes = o.changes ?? [];
  if (o.applied && o.revision) {
    const sameDesired = prev.lastAppliedRevision?.digest !== undefined && prev.lastAppliedRevision.digest === o.digest;
    if (changes.length > 0 && sameDesired)
      node.drift = {
        state: 'repaired',
        reason: 'drift',
        revision: o.revision,
        detectedAt: now,
        repairedAt: now,
        changes,
      };
    else if (prev.drift?.state === 'pending') node.drift = { ...prev.drift, state: 'repaired', repairedAt: now };
    node.lastAppliedRevision = { commit: o.revision, digest: o.digest, at: now };
  } else if (changes.length > 0 && o.revision) {
    const reason = o.result === 'planned-only' ? 'outside-window' : 'not-applied';
    const sameDrift =
      prev.drift?.state === 'pending' &&
      prev.drift.revision === o.revision &&
      JSON.stringify(prev.drift.changes) === JSON.stringify(changes);
    node.drift = {
      state: 'pending',
      reason,
      revision: o.revision,
      detectedAt: sameDrift ? prev.drift!.detectedAt : now,
      changes,
    };
  }
  return { ...status, updatedAt: now, nodes: { ...status.nodes, [o.node]: node } };
}
