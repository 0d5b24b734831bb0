// apply: the library entry `tandem apply` and `tandem reconcile` call. A plan goes to the
// nodes wave by wave: every node the plan writes to is locked first; the nodes the plan
// observed are observed again and must match it (else the plan is stale); then per wave,
// its nodes in parallel (bounded by rollout.parallelism), each node runs its part
// (node-wave.ts); a wave that fails anywhere is rolled back on every node it touched,
// to the checkpoint observed before it, and the waves after it are aborted. Locks are
// always released. A plan with nothing to do writes nothing at all.
import type { Change } from '../diff/changes.js';
import type { DesiredModel } from '../model/desired.js';
import type { DriverOptions } from '../observe/drivers/index.js';
import { SshSessions } from '../observe/drivers/linux/ssh-session.js';
import type { Observation, ObservedNode } from '../observe/model.js';
import { planOutcome, type PlanDocument, type PlanStep } from '../plan/document.js';
import { AuditLog, auditFile as defaultAuditFile, type AuditEvent } from './audit.js';
import { nextInventory } from './inventory.js';
import { lockNodes, unlockNodes } from './lock-nodes.js';
import type { LockHolder } from './node-lock.js';
import { runNodeWave, type NodeWaveOutcome } from './node-wave.js';
import { staleReasons } from './plan-file.js';
import type { ProgressSink } from './progress.js';
import { rollbackNodes, type RollbackOutcome } from './rollback-run.js';
import type { WritableNode } from './writable-node.js';
import { writerFor } from './writer.js';
import { mapBounded } from '../bounded.js';
import { restoreDepartures } from './restore-departures.js';
import { goneAddresses, holdersNow, withoutAddress } from './conflict.js';
import { trialGuard } from './trial.js';
import { ikeOrderRefusals } from '../plan/ike-plan.js';

export { readPlanFile, staleReasons, planShapeProblems } from './plan-file.js';
export { auditFile, AuditLog, type AuditEvent } from './audit.js';
export { TerminalProgress, type ProgressSink } from './progress.js';
export type { WritableNode } from './writable-node.js';

export const DEFAULT_PARALLELISM = 4;

export interface ApplyInput {
  plan: PlanDocument;
  model: DesiredModel;
  envDir: string;
  /** How nodes are reached (--lab, time limits, state dir); env and cwd may ride along here too. */
  driverOptions?: DriverOptions & { env?: NodeJS.ProcessEnv; cwd?: string };
  /** Environment and working directory: TANDEM_STATE_DIR (audit log, sim state). */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** The observations the plan was made from, when planned in this run (see staleReasons). */
  observed?: ReadonlyMap<string, Observation>;
  /** For a saved plan: the plan made now from the same desired state, to name what a stale one would do differently. */
  replanned?: PlanDocument;
  /** The desired state's digest now; a different one than the plan's makes the plan stale. */
  desiredDigest?: string;
  /** Audit log file; default `$TANDEM_STATE_DIR/audit.ndjson`; null writes none. */
  auditFile?: string | null;
  onEvent?: (e: AuditEvent) => void;
  progress?: ProgressSink;
  /** Writers by node (tests inject their own); others come from writerFor. */
  writers?: ReadonlyMap<string, WritableNode>;
  now?: () => Date;
  /** apply --confirm: this apply's trial id (trial.ts) and what records it, under the locks, before any write. */
  trial?: {
    id: string;
    begin(
      checkpoints: ReadonlyMap<string, ObservedNode>,
      writerOf: (node: string) => WritableNode,
    ): Promise<string | undefined>;
  };
}

export type ApplyOutcome = 'nothing-to-do' | 'applied' | 'refused' | 'stale' | 'locked' | 'failed';

export interface ApplyResult {
  outcome: ApplyOutcome;
  plan: PlanDocument;
  /** How many waves were applied and kept. */
  wavesApplied: number;
  /** Step ids applied and kept, in order. */
  applied: string[];
  failed?: { wave: number; node: string; step?: string; error: string };
  rolledBack?: { wave: number; nodes: string[]; steps: string[]; incomplete: string[] };
  /** Indexes of the waves not started because an earlier one failed. */
  aborted: number[];
  /** Holder of a lock that stopped the apply. */
  lockHolder?: LockHolder;
  stale?: string[];
  message: string;
  events: number;
  /** Kernel batches and inventory writes made: both zero when nothing was to do. */
  writes: { batches: number; inventories: number };
}

export async function applyPlan(input: ApplyInput): Promise<ApplyResult> {
  // A caller that does not share its ssh sessions (one connection per node per run) gets
  // the apply's own, closed when the apply ends, whatever happened.
  if (input.driverOptions?.sessions) return applyWith(input);
  const sessions = new SshSessions();
  try {
    return await applyWith({ ...input, driverOptions: { ...input.driverOptions, sessions } });
  } finally {
    await sessions.close();
  }
}

async function applyWith(input: ApplyInput): Promise<ApplyResult> {
  const { plan, model } = input;
  const loc = {
    env: input.env ?? input.driverOptions?.env ?? process.env,
    cwd: input.cwd ?? input.driverOptions?.cwd ?? process.cwd(),
  };
  const now = input.now ?? (() => new Date());
  const auditPath = input.auditFile === null ? undefined : (input.auditFile ?? defaultAuditFile(loc));
  const audit = new AuditLog(auditPath, plan.id, input.onEvent, now);
  const writers = new Map<string, WritableNode>();
  const base = { plan, wavesApplied: 0, applied: [] as string[], aborted: [] as number[] };
  // apply-done is recorded last, after the locks are released; events and writes are counted then.
  const finish: Finish = (r) => Promise.resolve({ ...base, ...r, events: 0, writes: { batches: 0, inventories: 0 } });
  const done = async (r: ApplyResult): Promise<ApplyResult> => {
    audit.record({
      event: 'apply-done',
      result: r.outcome,
      ...(r.outcome === 'applied' || r.outcome === 'nothing-to-do' ? {} : { error: r.message }),
    });
    await audit.flush();
    const stats = [...writers.values()].map((w) => w.stats);
    return {
      ...r,
      events: audit.count,
      writes: {
        batches: stats.reduce((n, s) => n + s.batches, 0),
        inventories: stats.reduce((n, s) => n + s.inventoryWrites, 0),
      },
    };
  };

  audit.record({
    event: 'apply-start',
    detail: { environment: plan.environment, waves: plan.waves.length, steps: plan.summary.steps },
  });
  const outcome = planOutcome(plan);
  if (outcome === 'refused') {
    audit.record({ event: 'refused', error: plan.refusals.map((r) => `${r.ruleId}: ${r.explanation}`).join('; ') });
    return done(
      await finish({
        outcome: 'refused',
        message:
          `the plan is refused (${plan.refusals.length} refusal${plan.refusals.length === 1 ? '' : 's'}): ` +
          'nothing was applied',
      }),
    );
  }
  if (outcome === 'nothing-to-do' || plan.waves.length === 0) {
    audit.record({ event: 'nothing-to-do' });
    return done(
      await finish({
        outcome: 'nothing-to-do',
        message: 'nothing to do: the nodes are as desired; nothing was written',
      }),
    );
  }

  const writerOf = (node: string): WritableNode => {
    let w = writers.get(node) ?? input.writers?.get(node);
    if (!w) {
      const doc = model.nodeByName.get(node)?.doc;
      if (!doc) throw new UnknownNode(node);
      w = writerFor(doc, { ...input.driverOptions, envDir: input.envDir, env: loc.env, cwd: loc.cwd });
    }
    writers.set(node, w);
    return w;
  };
  const written = [...new Set(plan.waves.flatMap((w) => w.steps.map((s) => s.node)))].sort();
  const observedNodes = [
    ...new Set([...written, ...Object.keys(plan.nodes).filter((n) => plan.nodes[n].observedDigest)]),
  ].sort();
  try {
    for (const n of observedNodes) writerOf(n);
  } catch (err) {
    if (!(err instanceof UnknownNode)) throw err;
    return done(
      await finish({
        outcome: 'failed',
        message: `the plan names node ${err.node}, which the environment does not have: nothing was applied`,
      }),
    );
  }

  // The lock lives with the node (its state folder), so every tandem that can write the
  // node sees it, whatever its working directory or state folder.
  const locked = await lockNodes(written, (node) => writerOf(node).state, { planId: plan.id, now }, audit);
  if (!locked.ok) {
    input.progress?.done();
    return done(
      await finish({
        outcome: 'locked',
        message: `${locked.message}: nothing was applied${locked.hint ? ` (${locked.hint})` : ''}`,
        ...(locked.holder ? { lockHolder: locked.holder } : {}),
      }),
    );
  }
  let result: ApplyResult;
  try {
    result = await execute(input, audit, writerOf, observedNodes, base, finish);
  } finally {
    await unlockNodes(locked.locks, audit);
    input.progress?.done();
  }
  return done(result);
}

class UnknownNode extends Error {
  constructor(readonly node: string) {
    super(`unknown node ${node}`);
  }
}

type Finish = (
  r: Omit<ApplyResult, 'events' | 'writes' | 'plan' | 'wavesApplied' | 'applied' | 'aborted'> & Partial<ApplyResult>,
) => Promise<ApplyResult>;

async function execute(
  input: ApplyInput,
  audit: AuditLog,
  writerOf: (node: string) => WritableNode,
  observedNodes: string[],
  base: { wavesApplied: number; applied: string[]; aborted: number[] },
  finish: Finish,
): Promise<ApplyResult> {
  const { plan, model } = input;
  const now = input.now ?? (() => new Date());
  const parallelism = model.cluster?.doc.spec.rollout?.parallelism ?? DEFAULT_PARALLELISM;
  const written = [...new Set(plan.waves.flatMap((w) => w.steps.map((s) => s.node)))].sort();
  const held = await trialGuard({
    nodes: written,
    ownTrial: input.trial?.id,
    model,
    writerOf,
    audit,
    parallelism,
    now: now(),
  });
  if (held) return finish(held);

  // Under the locks: the nodes must still be what the plan was made from.
  const observations = new Map<string, Observation>(
    (await mapBounded(observedNodes, parallelism, (n) => writerOf(n).observe())).map((o) => [o.node, o]),
  );
  const stale = staleReasons(plan, input.desiredDigest, observations, input.observed, input.replanned);
  if (stale.length) {
    audit.record({ event: 'stale', error: stale.join('; ') });
    return finish({ outcome: 'stale', stale, message: `the plan is stale, nothing was applied: ${stale.join('; ')}` });
  }
  const states = new Map<string, ObservedNode>();
  for (const [n, o] of observations) if (o.ok) states.set(n, o.state);
  // A saved plan is applied as it is written: its IKE steps must still be in an order
  // that keeps the address's traffic protected (TR015), whatever edited the file.
  const ikeOrder = ikeOrderRefusals(model, plan.waves, states);
  if (ikeOrder.length) {
    audit.record({ event: 'refused', error: ikeOrder.map((r) => `${r.ruleId}: ${r.explanation}`).join('; ') });
    return finish({
      outcome: 'refused',
      message:
        "the plan's IKE steps are out of order, nothing was applied: " + ikeOrder.map((r) => r.explanation).join('; '),
    });
  }
  const changes = new Map<string, Change>(plan.changes.map((c) => [c.id, c]));
  const total = plan.waves.length;
  const refusedTrial = await input.trial?.begin(states, writerOf);
  if (refusedTrial) return finish({ outcome: 'failed', message: `${refusedTrial}: nothing was applied` });

  for (const [wi, wave] of plan.waves.entries()) {
    audit.record({ event: 'wave-start', wave: wave.index, detail: { nodes: wave.nodes, steps: wave.steps.length } });
    const byNode = new Map<string, PlanStep[]>();
    for (const s of wave.steps) {
      const list = byNode.get(s.node);
      if (list) list.push(s);
      else byNode.set(s.node, [s]);
    }
    const nodes = [...byNode.keys()];
    let aborting = false;
    const outcomes = await mapBounded(nodes, parallelism, async (node): Promise<NodeWaveOutcome> => {
      const checkpoint = states.get(node);
      if (!checkpoint)
        return {
          node,
          ok: false,
          touched: false,
          applied: [],
          failed: { error: `node ${node} has no observed state to start from` },
        };
      const r = await runNodeWave({
        writer: writerOf(node),
        steps: byNode.get(node)!,
        checkpoint,
        wave: wave.index,
        audit,
        aborting: () => aborting,
        ike: { model, env: input.env ?? input.driverOptions?.env ?? process.env },
        progress: input.progress
          ? (text) => input.progress!.update(`wave ${wave.index}/${total} · ${text}`)
          : undefined,
      });
      if (!r.ok) aborting = true;
      return r;
    });

    const failure = outcomes.find((o) => !o.ok);
    if (!failure) {
      for (const o of outcomes) {
        const w = writerOf(o.node);
        const state = o.observed!;
        const inventory = nextInventory(state.inventory, byNode.get(o.node)!, changes, plan, now(), state);
        try {
          await w.writeInventory(inventory);
          audit.record({
            event: 'inventory',
            node: o.node,
            wave: wave.index,
            result: 'ok',
            detail: { owned: inventory.owned.length },
          });
        } catch (err) {
          const error = (err as Error).message;
          audit.record({ event: 'inventory', node: o.node, wave: wave.index, result: 'failed', error });
          base.applied.push(...outcomes.flatMap((x) => x.applied));
          base.wavesApplied++;
          base.aborted.push(...plan.waves.slice(wi + 1).map((w) => w.index));
          for (const a of base.aborted) audit.record({ event: 'wave-aborted', wave: a });
          return finish({
            outcome: 'failed',
            failed: { wave: wave.index, node: o.node, error: `inventory not recorded: ${error}` },
            message:
              `wave ${wave.index} was applied and verified, but the inventory of ${o.node} ` +
              `could not be written (${error}); the remaining waves were not started`,
          });
        }
        states.set(o.node, { ...state, inventory });
      }
      base.applied.push(...outcomes.flatMap((o) => o.applied));
      base.wavesApplied++;
      audit.record({ event: 'wave-done', wave: wave.index, result: 'ok' });
      // A wave boundary is where a crash is read from: make it durable.
      await audit.flush();
      continue;
    }

    // The wave failed: back to the checkpoint on every node it wrote to, except for an
    // address someone else removed meanwhile (found gone when deleted): never restored.
    const gone = goneAddresses(outcomes);
    for (const g of gone) states.set(g.node, withoutAddress(states.get(g.node)!, g.cidr));
    const touched = outcomes.filter((o) => o.touched).map((o) => o.node);
    const rolled: RollbackOutcome[] = await rollbackNodes({
      model,
      nodes: touched,
      checkpoints: states,
      writerOf,
      audit,
      wave: wave.index,
      parallelism,
    });
    const incomplete = rolled.filter((r) => !r.ok).map((r) => `${r.node}: ${r.error}`);
    base.aborted.push(...plan.waves.slice(wi + 1).map((w) => w.index));
    for (const a of base.aborted) audit.record({ event: 'wave-aborted', wave: a });
    const rolledSteps = outcomes.filter((o) => o.touched).flatMap((o) => o.applied);
    // Only once the failed wave is fully undone, and only when no other writer is at
    // work: an address still on its new node must not be put back on its old one too.
    const restored =
      incomplete.length || gone.length
        ? []
        : await restoreDepartures({
            plan,
            failedWave: wi,
            nodes: outcomes.map((o) => o.node),
            changes,
            states,
            writerOf,
            audit,
            model,
          });
    const moved: string[] = [];
    for (const g of gone) {
      const now = await holdersNow(g.cidr, observedNodes, writerOf, parallelism);
      audit.record({ event: 'conflict', node: g.node, wave: wave.index, detail: { cidr: g.cidr, now } });
      moved.push(`${g.cidr} was already gone from ${g.node} (now on ${now})`);
    }
    const back = restored.map((r) => `${r.cidr} on ${r.node}${r.ok ? '' : ` (FAILED: ${r.error})`}`);
    const where = failure.failed?.step ? `step ${failure.failed.step}` : `node ${failure.node}`;
    return finish({
      outcome: 'failed',
      failed: {
        wave: wave.index,
        node: failure.node,
        ...(failure.failed?.step ? { step: failure.failed.step } : {}),
        error: failure.failed?.error ?? 'failed',
      },
      rolledBack: { wave: wave.index, nodes: touched, steps: rolledSteps, incomplete },
      message:
        (moved.length
          ? `another writer changed the nodes while this apply ran: ${moved.join('; ')}; ` +
            'tandem stopped without putting it back; plan again. '
          : '') +
        `wave ${wave.index} failed at ${where} on ${failure.node}: ${failure.failed?.error ?? 'failed'}; ` +
        (touched.length
          ? `rolled back ${touched.join(', ')} to the state before wave ${wave.index}` +
            (incomplete.length ? ` (INCOMPLETE: ${incomplete.join('; ')})` : '')
          : 'nothing of the wave had been written') +
        (back.length ? `; moving addresses put back where they came from: ${back.join(', ')}` : '') +
        (base.aborted.length ? `; waves ${base.aborted.join(', ')} aborted` : ''),
    });
  }
  return finish({
    outcome: 'applied',
    message:
      `applied ${base.wavesApplied} wave${base.wavesApplied === 1 ? '' : 's'}, ` +
      `${base.applied.length} step${base.applied.length === 1 ? '' : 's'}`,
  });
}
