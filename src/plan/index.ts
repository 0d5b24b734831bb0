// plan: desired model + observations -> the plan document. Diff, steps, waves, gate,
// each a pure stage; nothing here touches a node.
import { formatPos, type Diagnostic } from '../diagnostics.js';
import { diffEnvironment, type Refusal } from '../diff/index.js';
import type { FleetOwnership } from '../diff/placement.js';
import type { DesiredModel } from '../model/desired.js';
import type { Observation, ObservedNode } from '../observe/model.js';
import { createHash } from 'node:crypto';
import { observedDigest } from './digest.js';
import { PLAN_FORMAT_VERSION, type PlanDocument } from './document.js';
import { gate } from './gate.js';
import { schedule, ScheduleCycle, type RolloutLimits, type Wave } from './schedule.js';
import type { Step } from './step-types.js';
import { buildSteps } from './steps.js';
import { ikeOrderRefusals, ikePlanSteps } from './ike-plan.js';

export interface PlanInput {
  model: DesiredModel;
  environment: string;
  desiredDigest: string;
  commit?: string;
  observations: ReadonlyMap<string, Observation>;
  prune?: boolean;
  /** Plan only these nodes (moves that need another node are then refused by the gate). */
  nodes?: readonly string[];
  /** Warnings from static validation, carried into the plan. */
  diagnostics?: readonly Diagnostic[];
  /** Fleet mode: etcd ownership decides the relocatable addresses of one node (diff/placement.ts). */
  fleet?: FleetOwnership;
}

export function rolloutLimits(model: DesiredModel): RolloutLimits {
  const groups: string[][] = [];
  const seen = new Set<string>();
  const add = (g: string[]) => {
    // Most groups are a pair: sorted without a Set and a sort per address (issue 14).
    const nodes =
      g.length === 2 ? (g[0] < g[1] ? [g[0], g[1]] : g[1] < g[0] ? [g[1], g[0]] : [g[0]]) : [...new Set(g)].sort();
    const key = nodes.join(',');
    if (nodes.length >= 2 && !seen.has(key)) {
      seen.add(key);
      groups.push(nodes);
    }
  };
  for (const n of model.nodes) for (const i of n.doc.spec.interfaces) if (i.failover) add([n.name, i.failover.node]);
  for (const r of model.relocatables) add(r.doc.spec.placements.map((p) => p.node));
  return { maxNodesPerWave: model.cluster?.doc.spec.rollout?.maxNodesPerWave, groups };
}

function diagnosticAsWarning(d: Diagnostic): Refusal {
  return {
    ruleId: d.ruleId,
    objects: d.objects,
    explanation: `${d.summary}${d.source ? ` (${formatPos(d.source)})` : ''}`,
  };
}

/**
 * With --node, the changes on the selected nodes that need a change elsewhere: an
 * address leaving or arriving whose other end is not selected (TR001), a failover
 * mirror of a selected interface on an unselected partner (TR004).
 */
function couplingRefusals(steps: readonly Step[], only: ReadonlySet<string>): Refusal[] {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const out: Refusal[] = [];
  for (const s of steps) {
    for (const d of s.deps) {
      const dep = byId.get(d);
      if (!dep || only.has(s.node) === only.has(dep.node)) continue;
      const [inside, outside] = only.has(s.node) ? [s, dep] : [dep, s];
      out.push({
        ruleId: 'TR001',
        objects: [inside.id, outside.id],
        step: inside.id,
        explanation:
          `${inside.id} is one half of a move whose other half (${outside.id}) is on ${outside.node}, ` +
          'which this plan does not cover: plan both nodes together',
      });
    }
    const home = s.mirror?.set?.home.node ?? s.mirror?.remove?.slice('mirror:'.length).split('/')[0];
    if (home && only.has(home) && !only.has(s.node)) {
      out.push({
        ruleId: 'TR004',
        objects: [s.id],
        explanation:
          `the change of ${home}'s failover interface must also update its mirror on ${s.node} (${s.id}), ` +
          'which this plan does not cover: plan both nodes together',
      });
    }
  }
  return out;
}

export function planEnvironment(input: PlanInput): PlanDocument {
  const { model, observations } = input;
  const diff = diffEnvironment(model, observations, { prune: input.prune, fleet: input.fleet });
  const only = input.nodes ? new Set(input.nodes) : undefined;
  const keep = <T extends { node?: string }>(xs: T[]) =>
    only ? xs.filter((x) => x.node === undefined || only.has(x.node)) : xs;
  // Steps are built for every node, then cut to the selection, so a change whose other
  // half lies outside it (a move, a failover mirror) is seen and refused, not half-done.
  const kernelSteps = buildSteps(diff.changes, { model, observations, intents: diff.intents });
  const ike = ikePlanSteps(model, observations, kernelSteps);
  const allSteps = [...kernelSteps, ...ike.steps];
  const changes = keep(diff.changes);
  const steps = only ? allSteps.filter((s) => only.has(s.node)) : allSteps;
  const coupling = only ? couplingRefusals(allSteps, only) : [];
  const limits = rolloutLimits(model);
  let waves: Wave[] = [];
  const cycle: Refusal[] = [];
  try {
    waves = schedule(steps, limits);
  } catch (err) {
    if (!(err instanceof ScheduleCycle)) throw err;
    cycle.push({ ruleId: 'TR012', objects: err.steps, explanation: `no safe order exists: ${err.message}` });
  }
  const states = new Map<string, ObservedNode>();
  for (const [node, obs] of observations) if (obs.ok) states.set(node, obs.state);
  const frozen = new Map<string, Set<string>>();
  for (const f of diff.failedOver.values())
    frozen.set(f.home.node, (frozen.get(f.home.node) ?? new Set()).add(f.home.iface));
  const gated = gate({ model, states, intents: diff.intents, changes, waves, limits, frozen });
  const refusals = [
    ...diff.refusals,
    ...coupling,
    ...cycle,
    ...gated.refusals,
    ...ikeOrderRefusals(model, waves, states),
  ];
  const warnings = [
    ...(input.diagnostics ?? []).filter((d) => d.severity === 'warning').map(diagnosticAsWarning),
    ...diff.warnings,
  ];
  const deferrals = keep(diff.deferrals);

  const nodes: PlanDocument['nodes'] = {};
  for (const n of model.nodes) {
    if (only && !only.has(n.name)) continue;
    const obs = observations.get(n.name);
    nodes[n.name] = obs?.ok
      ? { driver: obs.state.driver, observedDigest: observedDigest(obs.state) }
      : { error: obs ? obs.error.message : 'not observed' };
  }
  // One pass over the changes (a busy node has 10,000), not one per action.
  const tally = new Map<string, number>();
  for (const c of changes) tally.set(c.action, (tally.get(c.action) ?? 0) + 1);
  const count = (a: string) => tally.get(a) ?? 0;
  const planWaves = waves.map((w) => ({
    index: w.index,
    nodes: [...new Set(w.steps.map((s) => s.node))],
    steps: w.steps.map((s) => ({
      id: s.id,
      node: s.node,
      description: s.description,
      changeIds: s.changeIds,
      pre: s.pre,
      ops: s.ops,
      post: s.post,
      deps: s.deps,
      notes: s.notes,
      ...(s.mirror ? { mirror: s.mirror } : {}),
      ...(s.ike ? { ike: s.ike } : {}),
    })),
  }));
  const body: Omit<PlanDocument, 'id'> = {
    formatVersion: PLAN_FORMAT_VERSION,
    environment: input.environment,
    ...(input.prune ? { prune: true as const } : {}),
    desiredRevision: { ...(input.commit ? { commit: input.commit } : {}), digest: input.desiredDigest },
    nodes,
    summary: {
      create: count('create'),
      update: count('update'),
      delete: count('delete'),
      replace: count('replace'),
      deferred: deferrals.length,
      refused: refusals.length,
      warnings: warnings.length,
      steps: steps.length,
      waves: waves.length,
      checks: steps.reduce((n, s) => n + s.pre.length + s.post.length, 0),
    },
    changes,
    waves: planWaves,
    refusals,
    warnings,
    deferrals,
    notes: keep([...diff.notes, ...ike.notes]),
    // Addresses already where they should be are the norm; only the others are listed.
    placements: [...diff.decisions.values()]
      .filter((d) => d.kind !== 'in-place')
      .map((d) => ({
        name: d.name,
        cidr: d.cidr,
        kind: d.kind,
        ...(d.target ? { target: d.target } : {}),
        holders: [...d.holders],
        reason: d.reason,
      })),
  };
  // The body is built in a fixed key order, so plain JSON is canonical here.
  const id = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
  return { ...body, id };
}
