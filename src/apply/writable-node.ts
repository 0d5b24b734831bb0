// A node apply can write to: the one interface the wave executor uses, and the types its
// methods return. Implemented for linux nodes (local, netns, ssh: writer-linux.ts) and
// sim nodes (writer-sim.ts); writer.ts picks the implementation for a node. The
// implementations import this module, the factory imports the implementations, so the
// imports go one way.
import type { DesiredModel } from '../model/desired.js';
import type { Check } from '../plan/checks.js';
import type { IkeStepSpec } from '../plan/step-types.js';
import type { KernelOp } from '../plan/ops.js';
import type { Inventory, Observation } from '../observe/model.js';
import type { NodeStateFiles } from './node-state.js';

/** What one batch did. `ip -batch` stops at the first failing line, so ops apply as a prefix. */
export interface BatchResult {
  /** How many ops, from the first, took effect (as far as the process said). */
  applied: number;
  failed?: { index: number; error: string };
  /** The commands run, as argument arrays (for the audit log). */
  commands: string[][];
  durationMs: number;
}

export type CheckResult =
  | { ok: true; note?: string; notApplicable?: boolean; durationMs: number; command?: string[] }
  | { ok: false; error: string; durationMs: number; command?: string[] };

/** Counters of what a writer changed, so "nothing to do" can be proven to write nothing. */
export interface WriteStats {
  batches: number;
  inventoryWrites: number;
}

/** What an IKE step needs besides the step: the model to render from, tandem's environment for `env` key references. */
export interface IkeRunContext {
  model: DesiredModel;
  env: NodeJS.ProcessEnv;
}

export interface IkeRunResult {
  ok: boolean;
  /** charon's reason, never a key. */
  error?: string;
  durationMs: number;
}

export interface WritableNode {
  readonly node: string;
  readonly kind: 'linux' | 'sim';
  /** Where the node is reached, for messages: "netns tdm-a", "ssh 192.0.2.6", "sim". */
  readonly target: string;
  readonly stats: WriteStats;
  /** The node's own state folder, where its apply lock lives (node-state.ts, node-lock.ts). */
  readonly state: NodeStateFiles;
  observe(): Promise<Observation>;
  /** Applies the ops in order in one batch; stops at the first failure. */
  apply(ops: readonly KernelOp[]): Promise<BatchResult>;
  writeInventory(inventory: Inventory): Promise<void>;
  runCheck(check: Check): Promise<CheckResult>;
  /** Carries out a plan step for the node's charon; a node without one (ssh) leaves it out or fails it. */
  runIke?(step: { id: string; ike: IkeStepSpec }, ctx: IkeRunContext): Promise<IkeRunResult>;
}
