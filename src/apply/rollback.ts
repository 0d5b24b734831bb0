// Rollback of a wave on one node: back to the checkpoint (the state observed before the
// wave). The diff machinery computes the way back, with the checkpoint's objects as the
// intent and everything present now treated as tandem's (so what the wave added is
// deleted), and the planner's step builder turns the changes into ops in its usual order
// (deletions first, links before addresses before routes). Pure; applying the ops in one
// batch per node is the executor's job.
import type { Change } from '../diff/changes.js';
import { diffNode } from '../diff/diff-node.js';
import type { DesiredModel } from '../model/desired.js';
import type { ObservedNode } from '../observe/model.js';
import type { KernelOp } from '../plan/ops.js';
import { stepOrder } from '../plan/schedule.js';
import { stepForChange } from '../plan/steps.js';
import { kernelObjects } from './verify.js';

export interface RollbackPlan {
  changes: Change[];
  ops: KernelOp[];
  /** Objects the node cannot get back (a physical interface that disappeared). */
  unrecoverable: string[];
}

export function rollbackOps(model: DesiredModel, checkpoint: ObservedNode, current: ObservedNode): RollbackPlan {
  const node = current.node;
  const intent = kernelObjects(checkpoint);
  const observed = kernelObjects(current);
  const diff = diffNode({
    node,
    intent,
    observed,
    owned: new Set(observed.keys()),
    managedAddresses: new Set(),
    tolerated: new Map(),
    frozenInterfaces: new Map(),
    prune: true,
    reasons: new Map(),
    relocatableNames: new Map(),
  });
  const ctx = {
    model,
    observations: new Map([[node, { node, ok: true as const, state: current }]]),
    intents: new Map([[node, new Map(intent)]]),
  };
  const steps = diff.changes
    .map((c) => ({
      ...stepForChange({ ...c, reason: 'rollback to the checkpoint before the wave' }, ctx),
      pre: [],
      post: [],
    }))
    .sort(stepOrder);
  return { changes: diff.changes, ops: steps.flatMap((s) => s.ops), unrecoverable: diff.missingInterfaces };
}
