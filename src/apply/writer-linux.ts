// The linux writer: a wave's ops for one node go to ONE `ip -batch -` process (lines on
// stdin), run locally, in the node's namespace (`ip -n NS -batch -`) or over ssh, through
// the observe driver's transports. Without -force, ip stops at the first failing line
// and says "Command failed -:N", which maps the failure back to its op. sysctl ops, which
// are not ip commands, go to one `sysctl -w` process (order kept: the ops are cut into
// runs of ip ops and sysctl ops; a plan without sysctl ops is one process).
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Connection } from '../model/generated/desired.js';
import { observeLinux, type LinuxDriverOptions } from '../observe/drivers/linux/driver.js';
import { REPLACE_ATOMIC } from '../observe/drivers/linux/remote-scripts.js';
import {
  DEFAULT_TIMEOUT_MS,
  inventoryPath,
  nodeStateDir,
  transportFor,
  type Transport,
} from '../observe/drivers/linux/transport.js';
import type { Inventory, Observation } from '../observe/model.js';
import type { Check } from '../plan/checks.js';
import type { KernelOp } from '../plan/ops.js';
import { linuxCheck } from './checks.js';
import { batchErrorMessage, BatchRenderError, batchLine, failedBatchLine, sysctlArgument } from './ip-batch.js';
import { localStateFiles, transportStateFiles, type NodeStateFiles } from './node-state.js';
import type { IkeStepSpec } from '../plan/step-types.js';
import { runIkeStep } from './ike.js';
import { nodeCharonPaths } from '../ipsec/charon.js';
import { SecretError } from '../ipsec/load.js';
import { ViciError } from '../ipsec/vici.js';
import { renderNodeConnections } from '../render/swanctl.js';
import type {
  BatchResult,
  CheckResult,
  IkeRunContext,
  IkeRunResult,
  WritableNode,
  WriteStats,
} from './writable-node.js';

/** Extra time a batch gets per line on top of the per-command limit. */
const PER_LINE_MS = 2;

type Segment = { kind: 'ip' | 'sysctl'; start: number; ops: KernelOp[] };

function segments(ops: readonly KernelOp[]): Segment[] {
  const out: Segment[] = [];
  ops.forEach((op, i) => {
    const kind = op.op === 'sysctl-set' ? 'sysctl' : 'ip';
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.ops.push(op);
    else out.push({ kind, start: i, ops: [op] });
  });
  return out;
}

export function describeConnection(connection: Connection): string {
  if (connection.transport === 'netns') return `netns ${connection.namespace}`;
  if (connection.transport === 'ssh') return `ssh ${connection.user ? `${connection.user}@` : ''}${connection.host}`;
  return connection.transport;
}

export class LinuxWriter implements WritableNode {
  readonly kind = 'linux' as const;
  readonly stats: WriteStats = { batches: 0, inventoryWrites: 0 };
  readonly target: string;
  private readonly timeoutMs: number;
  private readonly inventoryRoot: string | undefined;
  /** The node's own state folder: its apply lock lives there, beside the inventory. */
  readonly state: NodeStateFiles;

  constructor(
    readonly node: string,
    private readonly connection: Connection,
    private readonly options: LinuxDriverOptions,
  ) {
    this.target = describeConnection(connection);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.inventoryRoot = options.inventoryRoot;
    const dir = nodeStateDir(connection, this.inventoryRoot);
    this.state =
      connection.transport === 'ssh'
        ? transportStateFiles(
            {
              run: (c, o) => this.transport().run(c, o),
              runScript: (s, a, o) => this.transport().runScript(s, a, o),
              readFile: (p) => this.transport().readFile(p),
            },
            dir,
            `${this.target}:${dir}`,
          )
        : localStateFiles(dir);
  }

  private made: Transport | undefined;

  /** The node's transport: over ssh, a client of the run's master for this node (options.sessions). */
  private transport(): Transport {
    if (this.made) return this.made;
    const made = transportFor(this.connection, {
      timeoutMs: this.timeoutMs,
      inventoryRoot: this.inventoryRoot,
      sessions: this.options.sessions,
      envDir: this.options.envDir,
    });
    if (!made.ok) throw new Error(made.error.message);
    return (this.made = made.transport);
  }

  observe(): Promise<Observation> {
    return observeLinux(this.node, this.connection, this.options);
  }

  /**
   * An IKE step on the node's charon, over its VICI socket. tandem reaches the socket of
   * a namespace node's charon (the lab's, in the node's state folder); other nodes fail
   * the step with that reason. Keys are resolved here: `env` from tandem's environment,
   * `file` through the node's transport.
   */
  async runIke(step: { id: string; ike: IkeStepSpec }, ctx: IkeRunContext): Promise<IkeRunResult> {
    const started = performance.now();
    const result = (ok: boolean, error?: string): IkeRunResult => ({
      ok,
      ...(error ? { error } : {}),
      durationMs: performance.now() - started,
    });
    if (this.connection.transport !== 'netns' || !this.connection.namespace)
      return result(
        false,
        `tandem drives charon only on namespace nodes; ${this.target} has no VICI socket it reaches`,
      );
    const transport = this.transport();
    const readFile = async (path: string) => {
      const r = await transport.readFile(path);
      if (!r.ok) throw new SecretError(`cannot read ${path} on ${this.node}: ${r.error.message}`);
      return r.text;
    };
    try {
      const r = await runIkeStep(
        { kind: 'ike', id: step.id, node: this.node, ...step.ike, description: '' },
        {
          vici: nodeCharonPaths(this.connection.namespace, this.inventoryRoot).vici,
          rendered: renderNodeConnections(ctx.model, this.node),
          secrets: { env: ctx.env, readFile },
        },
      );
      return result(r.ok, r.error);
    } catch (err) {
      if (err instanceof ViciError || err instanceof SecretError) return result(false, err.message);
      throw err;
    }
  }

  /** The ip -batch lines of the ops, or the first op that cannot be rendered. */
  static render(ops: readonly KernelOp[]): { ok: true; lines: string[] } | { ok: false; index: number; error: string } {
    const lines: string[] = [];
    for (let i = 0; i < ops.length; i++) {
      try {
        lines.push(ops[i].op === 'sysctl-set' ? '' : batchLine(ops[i]));
      } catch (err) {
        if (err instanceof BatchRenderError) return { ok: false, index: i, error: err.message };
        throw err;
      }
    }
    return { ok: true, lines };
  }

  async apply(ops: readonly KernelOp[]): Promise<BatchResult> {
    const started = performance.now();
    const commands: string[][] = [];
    const done = (applied: number, failed?: BatchResult['failed']): BatchResult => ({
      applied,
      ...(failed ? { failed } : {}),
      commands,
      durationMs: performance.now() - started,
    });
    if (ops.length === 0) return done(0);
    // Everything is rendered and checked before the first process starts.
    const rendered = LinuxWriter.render(ops);
    if (!rendered.ok) return done(0, { index: rendered.index, error: rendered.error });
    let transport: Transport;
    try {
      transport = this.transport();
    } catch (err) {
      return done(0, { index: 0, error: (err as Error).message });
    }
    this.stats.batches++;
    for (const seg of segments(ops)) {
      const r =
        seg.kind === 'ip'
          ? await this.runIp(transport, rendered.lines.slice(seg.start, seg.start + seg.ops.length), commands)
          : await this.runSysctl(transport, seg.ops, commands);
      if (r.failedAt !== undefined)
        return done(seg.start + r.failedAt, { index: seg.start + r.failedAt, error: r.error ?? 'failed' });
    }
    return done(ops.length);
  }

  private async runIp(
    t: Transport,
    lines: string[],
    commands: string[][],
  ): Promise<{ failedAt?: number; error?: string }> {
    const command = ['ip', '-batch', '-'];
    commands.push(t.argv(command));
    const timeoutMs = this.timeoutMs + PER_LINE_MS * lines.length;
    const r = await t.run(command, { input: lines.join('\n') + '\n', timeoutMs });
    if (r.ok) return {};
    const stderr = r.stderr ?? '';
    const line = failedBatchLine(stderr);
    if (line !== undefined && line >= 1 && line <= lines.length)
      return { failedAt: line - 1, error: batchErrorMessage(stderr) };
    // The process failed as a whole (not started, timed out, ssh down): how far it got
    // is unknown, so the failure is put on the first line; rollback works from the
    // observed state, never from this count. The error kind leads the message
    // (connection-lost, timeout, unreachable, host-key, permission).
    return { failedAt: 0, error: `${r.error.kind}: ${r.error.message}` };
  }

  private async runSysctl(
    t: Transport,
    ops: KernelOp[],
    commands: string[][],
  ): Promise<{ failedAt?: number; error?: string }> {
    const args = ops.map((op) => sysctlArgument(op as Extract<KernelOp, { op: 'sysctl-set' }>));
    const command = ['sysctl', '-q', '-w', ...args];
    commands.push(t.argv(command));
    const r = await t.run(command);
    if (r.ok) return {};
    const stderr = r.stderr ?? '';
    // sysctl names the key it could not write (as a /proc/sys path or dotted).
    const at = ops.findIndex((op) => {
      const name = (op as { name: string }).name;
      return stderr.includes(name) || stderr.includes(name.replaceAll('.', '/'));
    });
    return {
      failedAt: Math.max(0, at),
      error:
        r.error.kind === 'command-failed'
          ? stderr.trim().split('\n').pop() || r.error.message
          : `${r.error.kind}: ${r.error.message}`,
    };
  }

  async writeInventory(inventory: Inventory): Promise<void> {
    const path = inventoryPath(this.connection, this.inventoryRoot);
    const text = JSON.stringify(inventory, null, 2) + '\n';
    this.stats.inventoryWrites++;
    if (this.connection.transport !== 'ssh') {
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.tmp-${process.pid}`;
      await writeFile(tmp, text, { mode: 0o644 });
      await rename(tmp, path);
      return;
    }
    // One remote process: mkdir, write a temporary file, rename it over the inventory.
    const r = await this.transport().runScript(
      REPLACE_ATOMIC,
      [dirname(path), basename(path), `${basename(path)}.tmp`],
      {
        input: text,
      },
    );
    if (!r.ok) throw new Error(`cannot write the inventory of ${this.node}: ${r.error.message}`);
  }

  async runCheck(check: Check): Promise<CheckResult> {
    let transport: Transport;
    const started = performance.now();
    try {
      transport = this.transport();
    } catch (err) {
      return { ok: false, error: (err as Error).message, durationMs: performance.now() - started };
    }
    return linuxCheck(transport, check);
  }
}

export function createLinuxWriter(node: string, connection: Connection, options: LinuxDriverOptions = {}): LinuxWriter {
  return new LinuxWriter(node, connection, options);
}
