// A node apply can write to: the one interface the wave executor uses, implemented for
// linux nodes (local, netns, ssh: writer-linux.ts) and sim nodes (writer-sim.ts). The
// selection mirrors driverFor (src/observe/drivers/index.ts), so a node is written
// through the same path it was observed through: --lab first, then the transport.
import type { NodeDocument } from '../model/generated/desired.js';
import type { Check } from '../plan/checks.js';
import type { KernelOp } from '../plan/ops.js';
import type { Inventory, Observation } from '../observe/model.js';
import type { DriverOptions } from '../observe/drivers/index.js';
import { labNamespace } from '../lab/naming.js';
import { createLinuxWriter } from './writer-linux.js';
import { createSimWriter } from './writer-sim.js';

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

export interface WritableNode {
  readonly node: string;
  readonly kind: 'linux' | 'sim';
  /** Where the node is reached, for messages: "netns tdm-a", "ssh 192.0.2.6", "sim". */
  readonly target: string;
  readonly stats: WriteStats;
  observe(): Promise<Observation>;
  /** Applies the ops in order in one batch; stops at the first failure. */
  apply(ops: readonly KernelOp[]): Promise<BatchResult>;
  writeInventory(inventory: Inventory): Promise<void>;
  runCheck(check: Check): Promise<CheckResult>;
}

export interface WriterOptions extends DriverOptions {
  envDir: string;
}

export function writerFor(node: Pick<NodeDocument, 'metadata' | 'spec'>, options: WriterOptions): WritableNode {
  const name = node.metadata.name;
  const linux = {
    timeoutMs: options.timeoutMs,
    inventoryRoot: options.inventoryRoot,
    sysctls: Object.keys(node.spec.sysctl ?? {}),
  };
  if (options.lab) return createLinuxWriter(name, { transport: 'netns', namespace: labNamespace(node) }, linux);
  const connection = node.spec.connection;
  if (connection.transport === 'sim')
    return createSimWriter(name, { envDir: options.envDir, env: options.env, cwd: options.cwd });
  return createLinuxWriter(name, connection, linux);
}
