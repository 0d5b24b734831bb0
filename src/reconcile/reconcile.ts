// One reconcile run: fetch, resolve the ref, read the environment at that commit (from
// git objects, no working tree), verify its signature if asked, validate, plan for the
// node(s), apply (inside the maintenance window), record status.
//
// A revision that is invalid, unsigned or refused by the planner is never applied: the
// nodes stay as they were and the status says Stalled with the reason; the next good
// revision recovers. Outside the maintenance window only the plan is made, and what it
// would change is recorded as drift.
import { join } from 'node:path';
import { SshSessions } from '../observe/drivers/linux/ssh-session.js';
import { formatPos, type Diagnostic } from '../diagnostics.js';
import { applyPlan, type ApplyResult, type AuditEvent } from '../apply/index.js';
import { applyWithExternalLocks, type ExternalNodeLocks } from '../apply/external-lock.js';
import { desiredDigestOf } from '../cli/prepare.js';
import { ACTION_SYMBOL } from '../diff/changes.js';
import { describeObject } from '../diff/objects.js';
import { GitSource, GitSourceError } from '../git/source.js';
import { verifyCommit, type VerifyOptions } from '../git/verify.js';
import { loadFromTexts } from '../load/load-environment.js';
import type { DesiredModel } from '../model/desired.js';
import { writerFor } from '../apply/writer.js';
import type { DriverOptions } from '../observe/drivers/index.js';
import { observeNodes } from '../observe/observe-nodes.js';
import { planOutcome, type PlanDocument } from '../plan/document.js';
import { planEnvironment } from '../plan/index.js';
import { validateLoaded } from '../validate/index.js';
import { inWindow, type MaintenanceWindow } from './schedule.js';
import {
  emptyStatus,
  envNameOf,
  readStatus,
  readSuspension,
  recordRun,
  startRun,
  writeStatus,
  type ConditionType,
  type EnvironmentStatus,
  type RunResult,
} from './status.js';
import { writeWorkspace } from './workspace.js';

export interface ReconcileOptions {
  /** Local path or URL of the desired-state repository. */
  repo: string;
  /** Branch, tag or commit to converge on. */
  ref: string;
  /** Path of the environment inside the repository, e.g. environments/demo. */
  envPath: string;
  /** Converge only these nodes (the agent on a node names itself); default every node. */
  nodes?: string[];
  /** tandem's state root (status, cached clones, workspaces, audit log). */
  stateDir: string;
  cwd: string;
  /** Environment of the drivers (TANDEM_STATE_DIR for sim nodes). */
  env: NodeJS.ProcessEnv;
  driverOptions?: Pick<DriverOptions, 'lab' | 'timeoutMs' | 'sessions'>;
  window?: MaintenanceWindow;
  /** Refuse revisions whose commit is not signed by an allowed key. */
  verify?: VerifyOptions;
  prune?: boolean;
  now?: () => Date;
  /** Apply events, passed through to applyPlan (the CLI logs them). */
  onEvent?: (event: AuditEvent) => void;
  /** Fleet mode: the nodes' locks in etcd, taken around each apply (src/apply/external-lock.ts). */
  nodeLocks?: ExternalNodeLocks;
}

export type ReconcileResultKind = RunResult | 'suspended';

export interface ReconcileResult {
  result: ReconcileResultKind;
  env: string;
  revision?: string;
  digest?: string;
  condition?: ConditionType;
  /** The condition's CamelCase reason (ObserveFailed, PlanRefused...), with it. */
  reason?: string;
  message: string;
  /** Whether a retry soon may succeed (fetch failed, node locked, stale plan, apply failed). */
  retryable: boolean;
  plan?: PlanDocument;
  apply?: ApplyResult;
  durationMs: number;
}

interface Verdict {
  result: RunResult;
  type: ConditionType;
  reason: string;
  message: string;
  retryable: boolean;
  applied?: boolean;
}

/** The first error diagnostics, one line each, for a status reason. */
export function diagnosticLines(diagnostics: readonly Diagnostic[], max = 3): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const lines = errors
    .slice(0, max)
    .map((d) => `error[${d.ruleId}] ${d.source ? `${formatPos(d.source)}: ` : ''}${d.summary}`);
  if (errors.length > max) lines.push(`and ${errors.length - max} more error${errors.length - max === 1 ? '' : 's'}`);
  return lines.join('\n');
}

export function changeLines(plan: PlanDocument, node: string): string[] {
  // A connection to load or an SA to bring up is drift of the node's charon, no kernel change.
  const ike = plan.waves.flatMap((w) => w.steps).filter((s) => s.node === node && s.ike);
  return [
    ...plan.changes
      .filter((c) => c.node === node)
      .map((c) => `${ACTION_SYMBOL[c.action]} ${describeObject((c.after ?? c.before)!)}`),
    ...ike.map((s) => `~ ${s.description}`),
  ];
}

/** Node names of an environment that did not validate, read from its raw documents. */
function rawNodeNames(documents: readonly { value: unknown }[]): string[] {
  return documents.flatMap((d) => {
    const v = d.value as { kind?: unknown; metadata?: { name?: unknown } } | null;
    return v && v.kind === 'Node' && typeof v.metadata?.name === 'string' ? [v.metadata.name] : [];
  });
}

function applyVerdict(r: ApplyResult): Verdict {
  switch (r.outcome) {
    case 'applied':
      return {
        result: 'applied',
        type: 'Ready',
        reason: 'Applied',
        message: r.message,
        retryable: false,
        applied: true,
      };
    case 'nothing-to-do':
      return {
        result: 'nothing-to-do',
        type: 'Ready',
        reason: 'UpToDate',
        message: r.message,
        retryable: false,
        applied: true,
      };
    case 'refused':
      return { result: 'refused', type: 'Stalled', reason: 'ApplyRefused', message: r.message, retryable: false };
    case 'stale':
      return { result: 'stale', type: 'Reconciling', reason: 'StalePlan', message: r.message, retryable: true };
    case 'locked':
      return { result: 'locked', type: 'Reconciling', reason: 'Locked', message: r.message, retryable: true };
    case 'failed':
      return {
        result: 'failed',
        type: 'Stalled',
        reason: r.rolledBack ? 'ApplyFailedRolledBack' : 'ApplyFailed',
        message: r.message,
        retryable: true,
      };
  }
}

export async function reconcileOnce(o: ReconcileOptions): Promise<ReconcileResult> {
  // One ssh connection per node for the whole run (observe, apply, rollback), closed at its end.
  const own = o.driverOptions?.sessions ? undefined : new SshSessions();
  try {
    return await reconcileRun(own ? { ...o, driverOptions: { ...o.driverOptions, sessions: own } } : o);
  } finally {
    await own?.close();
  }
}

async function reconcileRun(o: ReconcileOptions): Promise<ReconcileResult> {
  const clock = o.now ?? (() => new Date());
  const started = clock();
  const startedAt = started.toISOString();
  const env = envNameOf(o.envPath);
  const elapsed = () => Math.max(0, clock().getTime() - started.getTime());

  const suspended = await readSuspension(o.stateDir, env);
  if (suspended) {
    return {
      result: 'suspended',
      env,
      message:
        `${env} is suspended since ${suspended.since}${suspended.reason ? ` (${suspended.reason})` : ''}: ` +
        'nothing read or changed',
      retryable: false,
      durationMs: elapsed(),
    };
  }

  let status: EnvironmentStatus = (await readStatus(o.stateDir, env)) ?? emptyStatus(env, startedAt);
  status = { ...status, source: { repo: o.repo, ref: o.ref, path: o.envPath } };
  let nodes = o.nodes?.length ? [...o.nodes] : Object.keys(status.nodes);
  status = startRun(status, nodes, undefined, startedAt);
  await writeStatus(o.stateDir, status);

  let revision: string | undefined;
  // Each is set once, further down, but `finish` (called on the early returns) reads them before: as `const`s
  // there they would throw (temporal dead zone).
  // eslint-disable-next-line prefer-const -- read by `finish` before their one assignment
  let digest: string | undefined, plan: PlanDocument | undefined, applied: ApplyResult | undefined;
  const finish = async (v: Verdict, changesFor?: (node: string) => string[]): Promise<ReconcileResult> => {
    const now = clock().toISOString();
    for (const node of nodes) {
      status = recordRun(
        status,
        {
          node,
          revision,
          digest,
          result: v.result,
          condition: { type: v.type, reason: v.reason, message: v.message },
          applied: v.applied,
          changes: changesFor?.(node),
          startedAt,
          durationMs: elapsed(),
        },
        now,
      );
    }
    await writeStatus(o.stateDir, status);
    return {
      result: v.result,
      env,
      revision,
      digest,
      condition: v.type,
      reason: v.reason,
      message: v.message,
      retryable: v.retryable,
      plan,
      apply: applied,
      durationMs: elapsed(),
    };
  };

  let source: GitSource;
  try {
    source = await GitSource.open(o.repo, { stateDir: o.stateDir, cwd: o.cwd });
    await source.fetch();
    revision = await source.resolve(o.ref);
  } catch (err) {
    if (!(err instanceof GitSourceError)) throw err;
    return finish({
      result: 'source-failed',
      type: 'Stalled',
      reason: 'SourceFailed',
      message: err.message,
      retryable: err.retryable,
    });
  }
  status = startRun(status, nodes, revision, startedAt);
  await writeStatus(o.stateDir, status);

  if (o.verify) {
    const v = await verifyCommit(source, revision, o.verify);
    if (!v.ok)
      return finish({
        result: 'signature-refused',
        type: 'Stalled',
        reason: 'SignatureRefused',
        message: `${v.reason}: not applied`,
        retryable: false,
      });
  }

  let rev;
  try {
    rev = await source.readEnvironment(revision, o.envPath);
  } catch (err) {
    if (!(err instanceof GitSourceError)) throw err;
    return finish({
      result: 'source-failed',
      type: 'Stalled',
      reason: 'SourceFailed',
      message: err.message,
      retryable: err.retryable,
    });
  }
  const loaded = loadFromTexts(rev.envPath, rev.files);
  // A local repository's work tree is where the environment lives on this machine (IPSEC007
  // judges key files against it, whatever the working directory); a remote one has no folder here.
  const validation = validateLoaded(loaded, {
    envDir: source.remote === undefined ? join(source.dir, rev.envPath) : undefined,
  });
  if (!validation.valid || !validation.model) {
    if (nodes.length === 0)
      nodes = rawNodeNames(loaded.documents).filter((n) => !o.nodes?.length || o.nodes.includes(n));
    const message =
      `revision ${revision.slice(0, 12)} is invalid, nothing applied:\n` + diagnosticLines(validation.diagnostics);
    return finish({ result: 'invalid', type: 'Stalled', reason: 'ValidationFailed', message, retryable: false });
  }
  const model: DesiredModel = validation.model;
  digest = desiredDigestOf(validation);
  const known = new Set(model.nodes.map((n) => n.name));
  const unknown = (o.nodes ?? []).filter((n) => !known.has(n));
  if (unknown.length) {
    return finish({
      result: 'invalid',
      type: 'Stalled',
      reason: 'UnknownNode',
      message: `revision ${revision.slice(0, 12)} has no node named ${unknown.join(', ')}`,
      retryable: false,
    });
  }
  nodes = o.nodes?.length ? [...o.nodes] : model.nodes.map((n) => n.name);

  const envDir = await writeWorkspace(o.stateDir, env, rev);
  // The inventory of a node lives on the node (drivers' default), never under this
  // machine's state folder: `tandem apply` and `tandem reconcile` must find the same one.
  const driverOptions = { ...o.driverOptions, envDir };
  // Observed through the writers apply uses: they honour o.env and o.cwd (where sim
  // state lives), so observe and apply always see the same node.
  const drivers = model.nodes.map((n) => writerFor(n.doc, { ...driverOptions, env: o.env, cwd: o.cwd }));
  const observations = new Map(
    (await observeNodes(drivers, { concurrency: model.cluster?.doc.spec.rollout?.parallelism })).map((x) => [
      x.node,
      x,
    ]),
  );
  plan = planEnvironment({
    model,
    environment: o.envPath,
    desiredDigest: digest,
    commit: revision,
    observations,
    prune: o.prune,
    nodes: o.nodes?.length ? o.nodes : undefined,
    diagnostics: validation.diagnostics,
  });
  const p = plan;
  const lines = (node: string) => changeLines(p, node);
  const outcome = planOutcome(plan);
  // A node that cannot be observed refuses the plan too (TR010), but the cause to report
  // is the observation: permissions, a missing namespace, a dead host.
  const unobserved = Object.entries(plan.nodes).filter(([, n]) => n.error);
  if (unobserved.length) {
    const message = `cannot observe ${unobserved.map(([n, i]) => `${n} (${i.error})`).join(', ')}: nothing applied`;
    return finish({ result: 'failed', type: 'Stalled', reason: 'ObserveFailed', message, retryable: true }, lines);
  }
  if (outcome === 'refused') {
    const reasons = plan.refusals.slice(0, 3).map((r) => `${r.ruleId}: ${r.explanation}`);
    return finish(
      {
        result: 'refused',
        type: 'Stalled',
        reason: 'PlanRefused',
        message: `plan for ${revision.slice(0, 12)} refused, nothing applied:\n${reasons.join('\n')}`,
        retryable: false,
      },
      lines,
    );
  }
  if (outcome === 'nothing-to-do') {
    return finish(
      {
        result: 'nothing-to-do',
        type: 'Ready',
        reason: 'UpToDate',
        message: `nodes match ${revision.slice(0, 12)}`,
        retryable: false,
        applied: true,
      },
      lines,
    );
  }
  if (o.window && !inWindow(o.window, started)) {
    const message =
      `${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'} ` +
      `wait for the maintenance window ${o.window.text}`;
    return finish(
      { result: 'planned-only', type: 'Reconciling', reason: 'OutsideWindow', message, retryable: false },
      lines,
    );
  }
  const result = await applyWithExternalLocks(o.nodeLocks, applyPlan, {
    plan,
    model,
    envDir,
    driverOptions,
    env: o.env,
    cwd: o.cwd,
    desiredDigest: digest,
    onEvent: o.onEvent,
  });
  applied = result;
  return finish(applyVerdict(result), lines);
}
