// The sim driver: a simulated node whose state is one JSON file (an ObservedNode) that
// `tandem apply` really changes, so a new user can plan and apply without root or real
// nodes. The kernel's behaviour lives in the pure model (src/sim/kernel.ts); this file
// only reads and writes the state files.
//
// Where the state lives: `$TANDEM_STATE_DIR/sim/<environment folder name>/<node>.json`,
// by default `.tandem/sim/<environment folder name>/<node>.json` under the working
// directory (`tandem sim path ENV_DIR` prints it, `tandem sim reset` starts it over).
// A node without a state file starts from the environment's snapshot
// `ENV_DIR/observed/<node>.json` (or .yaml), else with the hardware its desired state
// declares: `lo` and each physical interface, up, without addresses (a machine just
// cabled), so the first plan builds the rest (docs/snapshot.md).
// Reading never creates a file; the first apply that changes something writes it,
// atomically (temporary file, then rename).
import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { validateEnvironment } from '../../validate/index.js';
import { applyOps, emptyNode } from '../../sim/kernel.js';
import { attachmentsFromModel, SimNetwork, type AddressHolder, type SegmentAttachment } from '../../sim/network.js';
import type { KernelOp } from '../../plan/ops.js';
import type { IkeStepSpec } from '../../plan/step-types.js';
import type { DesiredIkeConnection } from '../../model/ike.js';
import { applySimIke, type SimIkeResult } from '../../sim/ike.js';
import type { NodeDriver } from '../driver.js';
import type { Inventory, Observation, ObservedNode, ObserveError } from '../model.js';
import { isSafeNodeName, readSnapshotFile, SNAPSHOT_EXTENSIONS, writeSnapshotFile } from '../snapshot-io.js';
import { stateDir, type StateLocation } from '../../state-dir.js';

export type SimLocation = StateLocation;

export interface SimDriverOptions extends Partial<SimLocation> {
  envDir: string;
  /** Which node interfaces share a segment; read from the environment when absent and needed. */
  attachments?: readonly SegmentAttachment[];
  now?: () => Date;
}

export interface SimApplyResult {
  /** One entry per op attempted: all of them, or up to and including the one that failed. */
  results: Array<{ index: number; ok: boolean; error?: string; code?: string }>;
  state: ObservedNode;
  /** Whether the state file was written. */
  changed: boolean;
}

/** A state file that cannot be read or written: an operational error of one node. */
export class SimStateError extends Error {
  constructor(readonly error: ObserveError) {
    super(error.message);
  }
}

/** Where a node's state came from: its state file, its snapshot, its declared hardware, or nothing (only lo). */
export type SimStateSource = 'state' | 'snapshot' | 'hardware' | 'empty';

/** The folder holding the sim state of one environment. */
export function simStateDir(envDir: string, loc: SimLocation): string {
  const envName = basename(resolve(loc.cwd, envDir)) || 'root';
  return stateDir(loc, 'sim', envName);
}

export function snapshotDir(envDir: string, loc: SimLocation): string {
  return resolve(loc.cwd, envDir, 'observed');
}

/** The node's initial state: its snapshot in the environment, else its declared hardware. */
export async function initialSimState(
  envDir: string,
  node: string,
  loc: SimLocation,
): Promise<{ state: ObservedNode; source: SimStateSource }> {
  const snap = await readSnapshotFile(snapshotDir(envDir, loc), node);
  if (snap.ok) return { state: { ...snap.state, driver: 'sim' }, source: 'snapshot' };
  if (snap.error.kind !== 'not-found') throw new SimStateError(snap.error);
  const validation = await validateEnvironment(resolve(loc.cwd, envDir));
  const declared = validation.model?.nodeByName.get(node);
  // An invalid environment is reported by validate; the node then has only lo.
  if (!declared) return { state: emptyNode(node), source: 'empty' };
  return { state: hardwareNode(node, declared.doc.spec.interfaces), source: 'hardware' };
}

/**
 * A node with the hardware it declares and nothing configured: lo, and every physical
 * interface up at the default MTU, with a stable locally administered MAC. Bonds and
 * tunnels are software: tandem creates them.
 */
export function hardwareNode(node: string, interfaces: ReadonlyArray<{ name: string; type: string }>): ObservedNode {
  const state = emptyNode(node);
  const names = new Set(state.links.map((l) => l.name));
  for (const iface of interfaces) {
    if (iface.type !== 'physical' || names.has(iface.name)) continue;
    names.add(iface.name);
    state.links.push({
      name: iface.name,
      kind: 'physical',
      adminUp: true,
      operState: 'UP',
      mtu: 1500,
      mac: stableMac(`${node}/${iface.name}`),
    });
  }
  return state;
}

function stableMac(key: string): string {
  const bytes = createHash('sha256').update(key).digest().subarray(0, 6);
  // Locally administered, unicast: the first byte's two low bits are 1 and 0.
  bytes[0] = (bytes[0] | 0x02) & 0xfe;
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** The node's current state: its state file, else its initial state. */
export async function loadSimState(
  envDir: string,
  node: string,
  loc: SimLocation,
): Promise<{ state: ObservedNode; source: SimStateSource }> {
  if (!isSafeNodeName(node))
    throw new SimStateError({
      kind: 'not-found',
      message: `node name ${JSON.stringify(node)} cannot name a sim state file`,
    });
  const current = await readSnapshotFile(simStateDir(envDir, loc), node);
  if (current.ok) return { state: { ...current.state, driver: 'sim' }, source: 'state' };
  if (current.error.kind !== 'not-found') throw new SimStateError(current.error);
  return initialSimState(envDir, node, loc);
}

async function saveSimState(envDir: string, state: ObservedNode, loc: SimLocation): Promise<string> {
  try {
    return await writeSnapshotFile(simStateDir(envDir, loc), state, 'json');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SimStateError({
      kind: code === 'EACCES' ? 'permission' : 'command-failed',
      message: `cannot write sim state of ${state.node}: ${code ?? (err as Error).message}`,
    });
  }
}

export class SimDriver implements NodeDriver {
  readonly kind = 'sim';
  private readonly loc: SimLocation;
  private attachments?: Promise<readonly SegmentAttachment[]>;

  constructor(
    readonly node: string,
    private readonly options: SimDriverOptions,
  ) {
    this.loc = { env: options.env ?? process.env, cwd: options.cwd ?? process.cwd() };
    if (options.attachments) this.attachments = Promise.resolve(options.attachments);
  }

  get stateFile(): string {
    return join(simStateDir(this.options.envDir, this.loc), `${this.node}.json`);
  }

  private now(): string {
    return (this.options.now ?? (() => new Date()))().toISOString();
  }

  async observe(): Promise<Observation> {
    try {
      const { state } = await loadSimState(this.options.envDir, this.node, this.loc);
      return { node: this.node, ok: true, state: { ...state, observedAt: this.now() } };
    } catch (err) {
      if (err instanceof SimStateError) return { node: this.node, ok: false, error: err.error };
      throw err;
    }
  }

  /** Applies ops in order, stopping at the first failure; the ops before it stay applied, as with `ip -batch`. */
  async apply(ops: readonly KernelOp[]): Promise<SimApplyResult> {
    const { state } = await loadSimState(this.options.envDir, this.node, this.loc);
    const ctx = needsNetwork(ops) ? (await this.network(state)).contextFor(this.node) : {};
    const r = applyOps(state, ops, ctx);
    const attempted = r.ok ? ops.length : r.index + 1;
    const results: SimApplyResult['results'] = [];
    for (let index = 0; index < attempted; index++) {
      if (!r.ok && index === r.index) results.push({ index, ok: false, error: r.error.message, code: r.error.code });
      else results.push({ index, ok: true });
    }
    if (!r.changed) return { results, state: r.state, changed: false };
    const next = { ...r.state, driver: 'sim', observedAt: this.now() };
    await saveSimState(this.options.envDir, next, this.loc);
    return { results, state: next, changed: true };
  }

  /** Carries out an IKE step on the node's recorded charon (src/sim/ike.ts); writes the state file. */
  async applyIke(step: IkeStepSpec, connection: DesiredIkeConnection | undefined): Promise<SimIkeResult> {
    const { state } = await loadSimState(this.options.envDir, this.node, this.loc);
    const r = applySimIke(state, step, connection);
    if (r.ok) await saveSimState(this.options.envDir, { ...r.state, driver: 'sim', observedAt: this.now() }, this.loc);
    return r;
  }

  /** Records what tandem owns on this node; writes only when it differs. */
  async writeInventory(inventory: Inventory): Promise<void> {
    const { state } = await loadSimState(this.options.envDir, this.node, this.loc);
    if (JSON.stringify(state.inventory) === JSON.stringify(inventory)) return;
    await saveSimState(this.options.envDir, { ...state, inventory: structuredClone(inventory) }, this.loc);
  }

  /**
   * The uniqueness check of a simulated segment (what `arping -D` is on a real one):
   * the interfaces of other nodes on `iface`'s segment answering for `address`.
   */
  async addressInUse(iface: string, address: string): Promise<AddressHolder[]> {
    const { state } = await loadSimState(this.options.envDir, this.node, this.loc);
    return (await this.network(state)).inUseElsewhere(this.node, iface, address);
  }

  /** Starts the node over from its initial state. */
  async reset(): Promise<SimStateSource> {
    const { state, source } = await initialSimState(this.options.envDir, this.node, this.loc);
    await saveSimState(this.options.envDir, { ...state, observedAt: this.now() }, this.loc);
    return source;
  }

  private async network(self: ObservedNode): Promise<SimNetwork> {
    if (!this.attachments) this.attachments = readAttachments(this.options.envDir, this.loc);
    const attachments = await this.attachments;
    const peers = [...new Set(attachments.map((a) => a.node))].filter((n) => n !== this.node);
    const states: ObservedNode[] = [self];
    for (const peer of peers) {
      try {
        states.push((await loadSimState(this.options.envDir, peer, this.loc)).state);
      } catch (err) {
        // An unreadable peer answers nothing on the segment; its own observe reports the error.
        if (!(err instanceof SimStateError)) throw err;
      }
    }
    return new SimNetwork(attachments, states);
  }
}

/** Only DAD (an IPv6 address becoming usable) needs to know the other nodes. */
function needsNetwork(ops: readonly KernelOp[]): boolean {
  return ops.some(
    (op) =>
      (op.op === 'addr-add' && op.cidr.includes(':')) ||
      (op.op === 'link-set' && op.up === true) ||
      op.op === 'link-enslave',
  );
}

async function readAttachments(envDir: string, loc: SimLocation): Promise<readonly SegmentAttachment[]> {
  const validation = await validateEnvironment(resolve(loc.cwd, envDir));
  return validation.model ? attachmentsFromModel(validation.model) : [];
}

export function createSimDriver(node: string, options: SimDriverOptions): SimDriver {
  return new SimDriver(node, options);
}

/**
 * Starts an environment's sim nodes over: removes their state files and writes fresh
 * ones from the snapshots. With `nodes`, only those. Returns each node touched and
 * where its state now comes from.
 */
export async function resetSimEnvironment(
  envDir: string,
  loc: SimLocation,
  nodes?: readonly string[],
): Promise<Array<{ node: string; source: SimStateSource; file?: string }>> {
  const stateDir = simStateDir(envDir, loc);
  const targets = nodes
    ? [...nodes]
    : [...new Set([...(await nodeFiles(stateDir)), ...(await nodeFiles(snapshotDir(envDir, loc)))])].sort();
  const out: Array<{ node: string; source: SimStateSource; file?: string }> = [];
  for (const node of targets) {
    if (!isSafeNodeName(node))
      throw new SimStateError({
        kind: 'not-found',
        message: `node name ${JSON.stringify(node)} cannot name a sim state file`,
      });
    for (const ext of SNAPSHOT_EXTENSIONS) await rm(join(stateDir, `${node}.${ext}`), { force: true });
    const { state, source } = await initialSimState(envDir, node, loc);
    // A node without a snapshot needs no file: it starts from its hardware on its next use anyway.
    const file = source === 'snapshot' ? await saveSimState(envDir, state, loc) : undefined;
    out.push({ node, source, file });
  }
  return out;
}

/** Node names of the state or snapshot files in a folder (none when it does not exist). */
async function nodeFiles(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const names = entries.flatMap((e) => {
    const m = /^(.+)\.(json|yaml|yml)$/.exec(e);
    return m && isSafeNodeName(m[1]) ? [m[1]] : [];
  });
  return [...new Set(names)];
}
