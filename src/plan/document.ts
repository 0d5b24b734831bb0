// The plan as data: a versioned JSON document (docs/plan-format.md). Apply relies on
// it alone, so it carries the desired revision and each node's observed digest to
// detect a stale plan.
import type { Change, Deferral, Note } from '../diff/changes.js';
import type { Refusal } from '../diff/index.js';
import type { PlacementKind } from '../diff/placement.js';
import type { Check } from './checks.js';
import type { KernelOp } from './ops.js';
import type { MirrorObject } from '../diff/objects.js';
import type { IkeStepSpec } from './step-types.js';

export const PLAN_FORMAT_VERSION = 1;

export interface PlanStep {
  id: string;
  node: string;
  description: string;
  changeIds: string[];
  pre: Check[];
  ops: KernelOp[];
  post: Check[];
  deps: string[];
  notes: string[];
  mirror?: { set?: MirrorObject; remove?: string };
  /** A step for the node's charon (no ops): load, initiate, terminate or unload a connection. */
  ike?: IkeStepSpec;
}

export interface PlanWave {
  index: number;
  nodes: string[];
  steps: PlanStep[];
}

export interface PlanDocument {
  formatVersion: typeof PLAN_FORMAT_VERSION;
  /** Digest of everything below: two plans with the same id are the same plan. */
  id: string;
  environment: string;
  /** Present when the plan was made with pruning on (objects tandem did not create may go). */
  prune?: true;
  desiredRevision: { commit?: string; digest: string };
  nodes: Record<string, { driver?: string; observedDigest?: string; error?: string }>;
  summary: {
    create: number;
    update: number;
    delete: number;
    replace: number;
    deferred: number;
    refused: number;
    warnings: number;
    steps: number;
    waves: number;
    checks: number;
  };
  changes: Change[];
  waves: PlanWave[];
  refusals: Refusal[];
  warnings: Refusal[];
  deferrals: Deferral[];
  notes: Note[];
  placements: Array<{
    name: string;
    cidr: string;
    kind: PlacementKind;
    target?: { node: string; iface: string; label?: string };
    holders: Array<{ node: string; iface: string }>;
    reason: string;
  }>;
}

export type PlanOutcome = 'nothing-to-do' | 'changes' | 'refused';

export function planOutcome(plan: PlanDocument): PlanOutcome {
  if (plan.refusals.length > 0) return 'refused';
  // IKE steps (a connection to load, an SA to bring up) come without a change of the kernel.
  return plan.changes.length > 0 || plan.waves.length > 0 ? 'changes' : 'nothing-to-do';
}
