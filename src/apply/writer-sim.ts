// The sim writer: a sim node applies a batch through the sim driver (one state file
// rewrite per batch, only when something changed), with ip -batch's semantics: ops up to
// the first failure stay applied.
import { SimDriver, SimStateError } from '../observe/drivers/sim.js';
import type { Inventory, Observation } from '../observe/model.js';
import type { Check } from '../plan/checks.js';
import type { KernelOp } from '../plan/ops.js';
import { dirname } from 'node:path';
import { simCheck } from './checks.js';
import { localStateFiles, type NodeStateFiles } from './node-state.js';
import type { IkeStepSpec } from '../plan/step-types.js';
import type {
  BatchResult,
  CheckResult,
  IkeRunContext,
  IkeRunResult,
  WritableNode,
  WriteStats,
} from './writable-node.js';

export interface SimWriterOptions {
  envDir: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export class SimWriter implements WritableNode {
  readonly kind = 'sim' as const;
  readonly target = 'sim';
  readonly stats: WriteStats = { batches: 0, inventoryWrites: 0 };
  readonly driver: SimDriver;
  /** The sim node's own state: beside its state file, `<node>.apply.lock` and so on. */
  readonly state: NodeStateFiles;

  constructor(
    readonly node: string,
    options: SimWriterOptions,
  ) {
    this.driver = new SimDriver(node, {
      envDir: options.envDir,
      ...(options.env ? { env: options.env } : {}),
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    this.state = localStateFiles(dirname(this.driver.stateFile), `${node}.`);
  }

  observe(): Promise<Observation> {
    return this.driver.observe();
  }

  async apply(ops: readonly KernelOp[]): Promise<BatchResult> {
    const started = performance.now();
    const commands = [['sim-apply', this.driver.stateFile, `${ops.length} ops`]];
    if (ops.length === 0) return { applied: 0, commands: [], durationMs: 0 };
    this.stats.batches++;
    try {
      const r = await this.driver.apply(ops);
      const failed = r.results.find((x) => !x.ok);
      return {
        applied: failed ? failed.index : ops.length,
        ...(failed
          ? {
              failed: {
                index: failed.index,
                error: `${failed.code ? `${failed.code}: ` : ''}${failed.error ?? 'rejected'}`,
              },
            }
          : {}),
        commands,
        durationMs: performance.now() - started,
      };
    } catch (err) {
      if (!(err instanceof SimStateError)) throw err;
      return {
        applied: 0,
        failed: { index: 0, error: err.message },
        commands,
        durationMs: performance.now() - started,
      };
    }
  }

  async writeInventory(inventory: Inventory): Promise<void> {
    this.stats.inventoryWrites++;
    await this.driver.writeInventory(inventory);
  }

  runCheck(check: Check): Promise<CheckResult> {
    return simCheck(this.driver, check);
  }

  async runIke(step: { id: string; ike: IkeStepSpec }, ctx: IkeRunContext): Promise<IkeRunResult> {
    const started = performance.now();
    try {
      const conn = ctx.model.ikeConnections.find((c) => c.name === step.ike.connection);
      const r = await this.driver.applyIke(step.ike, conn);
      return { ok: r.ok, ...(r.ok ? {} : { error: r.error }), durationMs: performance.now() - started };
    } catch (err) {
      if (!(err instanceof SimStateError)) throw err;
      return { ok: false, error: err.message, durationMs: performance.now() - started };
    }
  }
}

export function createSimWriter(node: string, options: SimWriterOptions): SimWriter {
  return new SimWriter(node, options);
}
