// The plan's unit of work, shared by the modules that build steps (steps.ts), order
// them (schedule.ts), settle their side effects (secondaries.ts) and check them
// (gate.ts). A module of its own so those modules depend on it, not on each other.
import type { MirrorObject } from '../diff/objects.js';
import type { Check } from './checks.js';
import type { IkeAction } from './ike-steps.js';
import type { KernelOp } from './ops.js';

/** What a plan step asks of the node's charon (src/plan/ike-plan.ts); such a step has no kernel ops. */
export interface IkeStepSpec {
  action: IkeAction;
  connection: string;
  /** For initiate: the children to bring up. */
  children?: string[];
}

export interface Step {
  id: string;
  node: string;
  phase: number;
  /** Orders steps of equal phase on one node (dependsOn depth of relocatable addresses). */
  rank: number;
  description: string;
  changeIds: string[];
  ops: KernelOp[];
  pre: Check[];
  post: Check[];
  /** Steps (usually on other nodes) that must finish in an earlier wave. */
  deps: string[];
  /** Failover mirror to record in the node's inventory (no kernel write). */
  mirror?: { set?: MirrorObject; remove?: string };
  /** Collateral effects the reader must see (secondaries removed and restored). */
  notes: string[];
  /** The RelocatableAddress this step brings up, if any. */
  relocatable?: string;
  ike?: IkeStepSpec;
}
