// Steps -> waves. A step waits for its dependencies (a wave later) and for the steps of
// its own node that come before it (same wave is fine: a node's steps of one wave run
// as one ordered batch). Then the rollout limits: at most maxNodesPerWave nodes per
// wave, and never every member of a group (a failover pair, the placements of a
// relocatable address) in one wave (TR008). Deterministic: same steps, same waves.
import type { Step } from './step-types.js';
import { byCodePoint } from '../order.js';

export interface Wave {
  index: number;
  steps: Step[];
}

export interface RolloutLimits {
  maxNodesPerWave?: number;
  /** Sets of nodes that must never all change in one wave. */
  groups: string[][];
}

/** Steps that wait on each other: no order exists (the plan is refused, TR012). */
export class ScheduleCycle extends Error {
  constructor(readonly steps: string[]) {
    super(`steps wait on each other: ${steps.slice(0, 5).join(', ')}`);
  }
}

export function stepOrder(a: Step, b: Step): number {
  return a.phase - b.phase || a.rank - b.rank || byCodePoint(a.node, b.node) || byCodePoint(a.id, b.id);
}

function relax(
  ordered: readonly Step[],
  byId: ReadonlyMap<string, Step>,
  lowerBound: ReadonlyMap<string, number>,
  waveOf: Map<string, number>,
): void {
  for (let changed = true, guard = 0; changed; guard++) {
    if (guard > ordered.length + 1) throw new ScheduleCycle(ordered.filter((s) => s.deps.length > 0).map((s) => s.id));
    changed = false;
    const nodeMax = new Map<string, number>();
    for (const s of ordered) {
      let w = Math.max(1, lowerBound.get(s.id) ?? 1, nodeMax.get(s.node) ?? 1);
      for (const d of s.deps) {
        const dw = waveOf.get(d);
        if (dw !== undefined && byId.has(d)) w = Math.max(w, dw + 1);
      }
      if (waveOf.get(s.id) !== w) {
        waveOf.set(s.id, w);
        changed = true;
      }
      nodeMax.set(s.node, Math.max(nodeMax.get(s.node) ?? 1, w));
    }
  }
}

export function schedule(steps: readonly Step[], limits: RolloutLimits): Wave[] {
  const ordered = [...steps].sort(stepOrder);
  const byId = new Map(ordered.map((s) => [s.id, s]));
  const lowerBound = new Map<string, number>();
  const waveOf = new Map<string, number>();
  relax(ordered, byId, lowerBound, waveOf);

  const groupsOf = new Map<string, string[][]>();
  for (const g of limits.groups) {
    if (g.length < 2) continue;
    for (const n of g) groupsOf.set(n, [...(groupsOf.get(n) ?? []), g]);
  }
  const max = limits.maxNodesPerWave ?? Infinity;
  for (let w = 1; ; w++) {
    const inWave = ordered.filter((s) => waveOf.get(s.id) === w);
    if (inWave.length === 0 && ![...waveOf.values()].some((x) => x > w)) break;
    const nodes = [...new Set(inWave.map((s) => s.node))].sort();
    const chosen = new Set<string>();
    const bumped: string[] = [];
    for (const n of nodes) {
      const completesGroup = (groupsOf.get(n) ?? []).some((g) => g.every((m) => m === n || chosen.has(m)));
      if (chosen.size >= max || completesGroup) bumped.push(n);
      else chosen.add(n);
    }
    if (bumped.length === 0) continue;
    const bumpedSet = new Set(bumped);
    for (const s of inWave) if (bumpedSet.has(s.node)) lowerBound.set(s.id, w + 1);
    relax(ordered, byId, lowerBound, waveOf);
  }
  const waves = new Map<number, Step[]>();
  for (const s of ordered) {
    const w = waveOf.get(s.id)!;
    const list = waves.get(w);
    if (list) list.push(s);
    else waves.set(w, [s]);
  }
  return [...waves.keys()]
    .sort((a, b) => a - b)
    .map((w, i) => ({
      index: i + 1,
      steps: waves.get(w)!.sort((a, b) => byCodePoint(a.node, b.node) || stepOrder(a, b)),
    }));
}
