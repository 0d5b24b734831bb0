// Applies a plan to in-memory node states the way apply does on sim nodes: each
// step's ops through the sim kernel, then apply's own inventory update. Calls `afterStep`
// with every intermediate cluster state, for invariant checks.
import assert from 'node:assert/strict';
import type { Observation, ObservedNode } from '../../src/observe/model.js';
import type { PlanDocument } from '../../src/plan/document.js';
import { nextInventory } from '../../src/apply/inventory.js';
import { applyOps } from '../../src/sim/kernel.js';

export function applyToStates(
  plan: PlanDocument,
  states: Map<string, ObservedNode>,
  afterStep?: (states: ReadonlyMap<string, ObservedNode>, stepId: string) => void,
): Map<string, ObservedNode> {
  const next = new Map(states);
  const changes = new Map(plan.changes.map((c) => [c.id, c]));
  for (const wave of plan.waves) {
    for (const step of wave.steps) {
      const before = next.get(step.node);
      assert.ok(before, `no state for ${step.node}`);
      const result = applyOps(before, step.ops);
      assert.ok(result.ok, `step ${step.id} failed in the sim kernel: ${!result.ok ? result.error.message : ''}`);
      next.set(step.node, {
        ...result.state,
        inventory: nextInventory(result.state.inventory, [step], changes, plan, new Date(0)),
      });
      afterStep?.(next, step.id);
    }
  }
  return next;
}

export function asObservations(states: ReadonlyMap<string, ObservedNode>): Map<string, Observation> {
  return new Map([...states].map(([n, s]) => [n, { node: n, ok: true as const, state: s }]));
}
