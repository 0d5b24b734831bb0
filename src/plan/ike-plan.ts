// IKE connections in the ordinary plan: from what each node's charon has (observed) and
// what the plan does to the addresses, the steps that load, initiate, terminate and
// unload connections, as plan steps with no kernel ops. Their phases put them where
// make-before-break needs them around a move (src/plan/ike-steps.ts): a load before the
// address arrives, an initiate after it arrived and was announced, a terminate or unload
// on the old node after it left. Apply runs a node's loads before its kernel batch and
// its other IKE steps after the batch and its post checks (src/apply/node-wave.ts), so
// the wave a step lands in and its phase say the same thing. ikeOrderRefusals is the gate
// (TR015) over the scheduled waves. Pure.
import type { Note } from '../diff/changes.js';
import type { Refusal } from '../diff/index.js';
import { ikeDrift } from '../diff/ike-drift.js';
import type { DesiredModel } from '../model/desired.js';
import type { DesiredIkeConnection } from '../model/ike.js';
import { canonicalIp, hostPart } from '../model/ip.js';
import type { Observation, ObservedIke, ObservedNode } from '../observe/model.js';
import { byCodePoint } from '../order.js';
import { checkIkeOrder, type IkeAction, type MoveItem } from './ike-steps.js';
import type { KernelOp } from './ops.js';
import type { IkeStepSpec, Step } from './step-types.js';

// Relative to PHASE in steps.ts: loads first of all; terminate/unload right after a
// moving address left (relocatableDelete = 20); initiate right after an address arrived
// (relocatable = 60); unloads of connections no longer desired at the end.
export const IKE_PHASE = { load: 1, leave: 21, initiate: 61, unload: 63 } as const;

/** A sim node has no charon: its state file records connections and SAs, empty at first (src/sim/ike.ts). */
export function observedIke(state: ObservedNode): ObservedIke | undefined {
  return state.ike ?? (state.driver === 'sim' ? { connections: [], sas: [] } : undefined);
}

const ipOf = (address: string) => canonicalIp(address);

function ikeStep(
  node: string,
  connection: string,
  action: IkeAction,
  phase: number,
  text: string,
  children?: string[],
) {
  const step: Step & { ike: IkeStepSpec } = {
    id: `${node}:ike/${connection}/${action}`,
    node,
    phase,
    rank: 0,
    description: text,
    changeIds: [],
    ops: [],
    pre: [],
    post: [],
    deps: [],
    notes: [],
    ike: { action, connection, ...(children ? { children } : {}) },
  };
  return step;
}

/** The step of `node` whose ops add (or delete) `ip`. */
function addressStep(steps: readonly Step[], node: string, ip: string, op: 'addr-add' | 'addr-del'): Step | undefined {
  return steps.find((s) => s.node === node && s.ops.some((o) => o.op === op && hostPart(o.cidr) === ip));
}

export interface IkePlan {
  steps: Step[];
  /** Drift found (a desired connection not loaded, without its SA, or loaded and not desired) and nodes not managed. */
  notes: Note[];
}

export function ikePlanSteps(
  model: DesiredModel,
  observations: ReadonlyMap<string, Observation>,
  steps: readonly Step[],
): IkePlan {
  const out: Step[] = [];
  const notes: Note[] = [];
  const nodes = [...observations.keys()].sort(byCodePoint);
  for (const node of nodes) {
    const obs = observations.get(node)!;
    if (!obs.ok) continue;
    const carried = model.ikeConnections.filter((c) => c.nodes.includes(node));
    const ike = observedIke(obs.state);
    if (!ike) {
      if (carried.length > 0)
        notes.push({
          node,
          subject: `IKE connection${carried.length === 1 ? '' : 's'} ${carried.map((c) => c.name).join(', ')}`,
          message:
            "not planned: tandem reaches no charon on this node (it drives the lab's namespace nodes " +
            'and sim nodes, docs/ipsec.md)',
        });
      continue;
    }
    const holdsNow = (c: DesiredIkeConnection) =>
      obs.state.addresses.some((a) => hostPart(a.cidr) === ipOf(c.local.address));
    const arrives = (c: DesiredIkeConnection) => addressStep(steps, node, ipOf(c.local.address), 'addr-add');
    const leaves = (c: DesiredIkeConnection) => addressStep(steps, node, ipOf(c.local.address), 'addr-del');
    const holdsAfter = (c: DesiredIkeConnection) => !!arrives(c) || (holdsNow(c) && !leaves(c));
    const drift = ikeDrift(carried, ike, holdsNow);
    for (const d of drift)
      notes.push({ node, subject: `IKE connection ${d.connection}`, message: `drift: ${d.detail}` });
    const loaded = new Set(ike.connections.map((c) => c.name));
    for (const c of carried) {
      if (!loaded.has(c.name)) out.push(ikeStep(node, c.name, 'load', IKE_PHASE.load, `load IKE connection ${c.name}`));
      const noSa = drift.find((d) => d.connection === c.name && d.kind !== 'not-desired');
      const arrival = arrives(c);
      if (holdsAfter(c) && (arrival || noSa)) {
        const children = c.children.map((ch) => ch.name);
        const why = arrival ? `${c.local.address} arrived` : (noSa?.detail ?? '');
        out.push(
          ikeStep(
            node,
            c.name,
            'initiate',
            IKE_PHASE.initiate,
            `initiate IKE connection ${c.name} (${children.join(', ')}): ${why}`,
            children,
          ),
        );
      }
      // The address leaves: the peer has to rebuild the SA with the adoptive node. A
      // standby placement keeps the connection loaded and drops its SA.
      if (leaves(c) && loaded.has(c.name) && ike.sas.some((s) => s.connection === c.name))
        out.push(
          ikeStep(
            node,
            c.name,
            'terminate',
            IKE_PHASE.leave,
            `terminate the SA of IKE connection ${c.name}: ${c.local.address} leaves ${node}`,
          ),
        );
    }
    const wanted = new Set(carried.map((c) => c.name));
    for (const name of [...loaded].sort(byCodePoint)) {
      if (wanted.has(name)) continue;
      const c = model.ikeConnections.find((x) => x.name === name);
      const phase = c && leaves(c) ? IKE_PHASE.leave : IKE_PHASE.unload;
      out.push(ikeStep(node, name, 'unload', phase, `unload IKE connection ${name}: ${node} no longer carries it`));
    }
  }
  return { steps: out, notes };
}

interface WaveLike {
  steps: ReadonlyArray<{ id: string; node: string; ops: readonly KernelOp[]; ike?: IkeStepSpec }>;
}

/**
 * The gate for the IKE steps (TR015): the waves read in the order apply runs them (per
 * wave, per node: loads, then the kernel batch, then the other IKE steps) and checked by
 * checkIkeOrder from the observed start. Only nodes whose charon is observed count.
 */
export function ikeOrderRefusals(
  model: DesiredModel,
  waves: readonly WaveLike[],
  states: ReadonlyMap<string, ObservedNode>,
): Refusal[] {
  const followed = new Map<string, string>();
  for (const c of model.ikeConnections) {
    if (!c.followsAddress) continue;
    const reloc = model.relocatableByName.get(c.followsAddress);
    if (reloc) followed.set(hostPart(reloc.doc.spec.address), c.followsAddress);
  }
  const loaded = new Map<string, Set<string>>();
  const holders = new Map<string, Set<string>>();
  for (const [node, state] of states) {
    const ike = observedIke(state);
    if (!ike) continue;
    loaded.set(node, new Set(ike.connections.map((c) => c.name)));
    for (const a of state.addresses) {
      const name = followed.get(hostPart(a.cidr));
      if (name) holders.set(name, (holders.get(name) ?? new Set()).add(node));
    }
  }
  const order: MoveItem[] = [];
  for (const w of waves) {
    const byNode = new Map<string, WaveLike['steps'][number][]>();
    for (const s of w.steps) if (loaded.has(s.node)) byNode.set(s.node, [...(byNode.get(s.node) ?? []), s]);
    for (const [node, list] of [...byNode].sort(([a], [b]) => byCodePoint(a, b))) {
      const item = (s: WaveLike['steps'][number]): MoveItem => ({
        kind: 'ike',
        id: s.id,
        node,
        connection: s.ike!.connection,
        action: s.ike!.action,
        description: '',
      });
      for (const s of list) if (s.ike?.action === 'load') order.push(item(s));
      for (const s of list)
        for (const o of s.ops) {
          if (o.op !== 'addr-add' && o.op !== 'addr-del') continue;
          const address = followed.get(hostPart(o.cidr));
          if (address) order.push({ kind: 'address', node, address, action: o.op === 'addr-add' ? 'add' : 'del' });
        }
      for (const s of list) if (s.ike && s.ike.action !== 'load') order.push(item(s));
    }
  }
  return checkIkeOrder(model, order, { loaded, holders }).map((r) => ({
    ruleId: r.ruleId,
    objects: [r.item],
    step: r.item,
    explanation: r.explanation,
  }));
}
