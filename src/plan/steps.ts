// Changes -> steps. A step is the kernel writes for one change on one node plus the
// checks around them. Its phase orders it among the steps of the same node (links
// before addresses before routes; deletions first, in reverse); cross-node order (a
// move removes the address on the old node before adding it on the new one) is an
// explicit dependency. Pure.
import type { Change } from '../diff/changes.js';
import { CIP_MOVE } from '../diff/cip-intent.js';
import { BELONGS_ELSEWHERE } from '../diff/diff-node.js';
import type { NodeIntent } from '../diff/intent.js';
import {
  describeObject,
  linkKey,
  type AddressObject,
  type LinkObject,
  type MirrorObject,
  type NodeObject,
  type SourceObject,
} from '../diff/objects.js';
import type { DesiredModel } from '../model/desired.js';
import type { Observation } from '../observe/model.js';
import type { KernelOp } from './ops.js';
import { addressChecks, confirmAbsent } from './checks.js';
import { settleCollateral } from './secondaries.js';
import { stepOrder } from './schedule.js';
import type { Step } from './step-types.js';
import { announceSteps } from './announce.js';
import { hostPart } from '../model/ip.js';

// Make before break: what a node gains comes before what it loses, except for an
// address that moves, which must leave before it may arrive elsewhere (TR001). IPsec
// policy arrives before any address and leaves after the addresses (TR002).
export const PHASE = {
  link: 5,
  /** promote_secondaries: before any address of the node goes (tunnels made here: with them). */
  sysctl: 6,
  xfrm: 8,
  routeDelete: 10,
  neighborDelete: 11,
  address: 15,
  /** A tunnel needs its local address; addresses on the tunnel need the tunnel. */
  tunnel: 16,
  tunnelAddress: 17,
  /** A connected route's source goes back to the primary before the address that was it leaves. */
  sourceDelete: 19,
  /** Moves: the address leaves here before it may arrive elsewhere. */
  relocatableDelete: 20,
  addressDelete: 52,
  linkDelete: 53,
  relocatable: 60,
  /** sourceAddress: the connected route takes the address as source once it is here. */
  source: 61,
  xfrmDelete: 62,
  route: 70,
  neighbor: 75,
  mirror: 90,
} as const;

function linkOps(action: Change['action'], before: LinkObject | undefined, after: LinkObject | undefined): KernelOp[] {
  const ops: KernelOp[] = [];
  if (action === 'delete' || action === 'replace') ops.push({ op: 'link-del', iface: before!.name });
  if (!after) return ops;
  if (action === 'create' || action === 'replace') {
    if (after.linkType === 'bond')
      ops.push({
        op: 'link-add-bond',
        iface: after.name,
        mode: after.bond!.mode,
        ...(after.bond?.miimonMs !== undefined ? { miimonMs: after.bond.miimonMs } : {}),
      });
    if (after.linkType === 'tunnel') ops.push({ op: 'link-add-tunnel', iface: after.name, ...after.tunnel! });
  }
  // The bonding driver refuses to enslave a link that is up; it brings the slave up itself.
  if (after.master !== undefined && after.master !== before?.master)
    ops.push(
      { op: 'link-set', iface: after.name, up: false },
      { op: 'link-enslave', iface: after.name, master: after.master },
    );
  if (after.master === undefined && before?.master !== undefined && action === 'update')
    ops.push({ op: 'link-release', iface: after.name });
  const fresh = action !== 'update';
  const set: KernelOp & { op: 'link-set' } = { op: 'link-set', iface: after.name };
  if (fresh || after.mtu !== before?.mtu) if (after.mtu !== undefined) set.mtu = after.mtu;
  if (fresh || after.up !== before?.up) set.up = after.up;
  if (set.mtu !== undefined || set.up !== undefined) ops.push(set);
  return ops;
}

function addrAdd(a: AddressObject): KernelOp {
  return { op: 'addr-add', iface: a.iface, cidr: a.cidr, ...(a.label ? { label: a.label } : {}) };
}

export interface StepContext {
  model: DesiredModel;
  observations: ReadonlyMap<string, Observation>;
  intents: ReadonlyMap<string, NodeIntent>;
}

/**
 * An address change that is part of a move: a relocatable address, one that belongs on
 * another node, or one moving with its CIP failover interface (fleet mode).
 */
function isMove(c: Change): boolean {
  const o = (c.after ?? c.before) as NodeObject;
  return o.kind === 'address' && (!!o.relocatable || c.reason === BELONGS_ELSEWHERE || c.reason === CIP_MOVE);
}

export function stepForChange(c: Change, ctx: StepContext): Step {
  const subject = (c.after ?? c.before)!;
  const step: Step = {
    id: `${c.node}:${c.key}`,
    node: c.node,
    phase: 0,
    rank: 0,
    description: `${c.action} ${describeObject(subject)}`,
    changeIds: [c.id],
    ops: [],
    pre: [],
    post: [],
    deps: [],
    notes: [],
  };
  switch (subject.kind) {
    case 'link': {
      const after = c.after as LinkObject | undefined;
      step.ops = linkOps(c.action, c.before as LinkObject | undefined, after);
      step.phase = c.action === 'delete' ? PHASE.linkDelete : after?.linkType === 'tunnel' ? PHASE.tunnel : PHASE.link;
      break;
    }
    case 'address': {
      const before = c.before as AddressObject | undefined;
      const after = c.after as AddressObject | undefined;
      if (before) step.ops.push({ op: 'addr-del', iface: before.iface, cidr: before.cidr });
      if (after) step.ops.push(addrAdd(after));
      if (after?.relocatable || (after && isMove(c))) {
        const reloc = after.relocatable ? ctx.model.relocatableByName.get(after.relocatable) : undefined;
        const checks = addressChecks(c.node, after, reloc?.doc, ctx.model.cluster?.doc);
        step.pre.push(...checks.pre);
        step.post.push(...checks.post);
        step.phase = PHASE.relocatable;
        if (after.relocatable) step.relocatable = after.relocatable;
      } else if (after) {
        const link = ctx.intents.get(c.node)?.get(linkKey(after.iface));
        step.phase = link?.kind === 'link' && link.linkType === 'tunnel' ? PHASE.tunnelAddress : PHASE.address;
        // With a node unobserved, nothing proves a new address is not in use there.
        if (after.family === 4 && [...ctx.observations.values()].some((o) => !o.ok))
          step.pre.push(...addressChecks(c.node, after, undefined, ctx.model.cluster?.doc).pre);
      } else {
        step.phase = isMove(c) ? PHASE.relocatableDelete : PHASE.addressDelete;
        step.post.push(confirmAbsent(c.node, before!));
      }
      break;
    }
    case 'route': {
      const r = (c.after ?? c.before)!;
      if (r.kind !== 'route') break;
      step.ops = c.after
        ? [
            {
              op: 'route-replace',
              to: r.to,
              dev: r.dev,
              table: r.table,
              ...(r.via ? { via: r.via } : {}),
              ...(r.metric !== undefined ? { metric: r.metric } : {}),
            },
          ]
        : [
            {
              op: 'route-del',
              to: r.to,
              dev: r.dev,
              table: r.table,
              ...(r.via ? { via: r.via } : {}),
              ...(r.metric !== undefined ? { metric: r.metric } : {}),
            },
          ];
      step.phase = c.after ? PHASE.route : PHASE.routeDelete;
      break;
    }
    case 'neighbor': {
      const n = (c.after ?? c.before)!;
      if (n.kind !== 'neighbor') break;
      step.ops = c.after
        ? [{ op: 'neigh-replace', iface: n.iface, address: n.address, lladdr: n.lladdr }]
        : [{ op: 'neigh-del', iface: n.iface, address: n.address }];
      step.phase = c.after ? PHASE.neighbor : PHASE.neighborDelete;
      break;
    }
    case 'xfrm': {
      const x = (c.after ?? c.before)!;
      if (x.kind !== 'xfrm') break;
      step.ops = c.after
        ? [{ op: 'xfrm-policy-update', policy: x.policy }]
        : [{ op: 'xfrm-policy-del', selector: x.policy.selector, dir: x.policy.dir }];
      step.phase = c.after ? PHASE.xfrm : PHASE.xfrmDelete;
      break;
    }
    case 'sysctl': {
      const s = (c.after ?? c.before)!;
      if (s.kind !== 'sysctl' || !c.after) break;
      step.ops = [{ op: 'sysctl-set', name: s.name, value: s.value }];
      const link = ctx.intents.get(c.node)?.get(linkKey(s.iface));
      const made = c.action === 'create' && link?.kind === 'link' && link.linkType === 'tunnel';
      step.phase = made ? PHASE.tunnel : PHASE.sysctl;
      break;
    }
    case 'source': {
      const after = c.after as SourceObject | undefined;
      const before = c.before as SourceObject | undefined;
      if (after) {
        step.ops = [{ op: 'route-src', iface: after.iface, to: after.to, src: after.src }];
        step.phase = PHASE.source;
      } else if (before?.primary !== undefined) {
        step.ops = [{ op: 'route-src', iface: before.iface, to: before.to, src: before.primary }];
        step.phase = PHASE.sourceDelete;
      }
      break;
    }
    case 'mirror': {
      step.mirror = c.after ? { set: c.after as MirrorObject } : { remove: c.key };
      step.phase = PHASE.mirror;
      break;
    }
  }
  return step;
}

/** Depth of each relocatable address in the dependsOn graph (validated acyclic). */
function dependencyRanks(model: DesiredModel): Map<string, number> {
  const ranks = new Map<string, number>();
  const rank = (name: string, seen: Set<string>): number => {
    const known = ranks.get(name);
    if (known !== undefined) return known;
    if (seen.has(name)) return 0;
    seen.add(name);
    const deps = model.relocatableByName.get(name)?.doc.spec.dependsOn ?? [];
    const r = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((d) => rank(d, seen)));
    ranks.set(name, r);
    return r;
  };
  // Most addresses depend on nothing: ranked 0 without a walk (and its Set) each.
  for (const r of model.relocatables)
    if (!ranks.has(r.name)) {
      if ((r.doc.spec.dependsOn ?? []).length === 0) ranks.set(r.name, 0);
      else rank(r.name, new Set());
    }
  return ranks;
}

export function buildSteps(changes: readonly Change[], ctx: StepContext): Step[] {
  const steps = changes.map((c) => stepForChange(c, ctx));
  const ranks = dependencyRanks(ctx.model);
  // An address arriving on one node waits for its removal everywhere else (TR001).
  const removals = new Map<string, Step[]>();
  for (const s of steps) {
    for (const op of s.ops) {
      if (op.op !== 'addr-del') continue;
      const ip = hostPart(op.cidr);
      removals.set(ip, [...(removals.get(ip) ?? []), s]);
    }
  }
  const changeById = new Map(changes.map((c) => [c.id, c]));
  for (const s of steps) {
    for (const op of s.ops) {
      if (op.op !== 'addr-add') continue;
      const ip = hostPart(op.cidr);
      const leaving = (removals.get(ip) ?? []).filter((r) => r.node !== s.node);
      for (const r of leaving) if (!s.deps.includes(r.id)) s.deps.push(r.id);
      // A static address moving between nodes arrives like a relocatable one: after it
      // left (not with the node's own additions, which come before its departures),
      // checked unused on the segment, announced.
      const after = changeById.get(s.changeIds[0])?.after;
      if (leaving.length && s.phase === PHASE.address && after?.kind === 'address') {
        const checks = addressChecks(s.node, after, undefined, ctx.model.cluster?.doc);
        s.phase = PHASE.relocatable;
        s.pre.push(...checks.pre);
        s.post.push(...checks.post);
      }
    }
    if (s.relocatable) s.rank = ranks.get(s.relocatable) ?? 0;
  }
  // A node that keeps an address others give up tells the segment (gratuitous ARP).
  steps.push(...announceSteps(steps, ctx, PHASE.relocatable));
  // Walk each node's steps in the order they will run, through the sim kernel, to see
  // what the kernel removes on its own (secondaries with their primary).
  const byNode = new Map<string, Step[]>();
  for (const s of steps) {
    const list = byNode.get(s.node);
    if (list) list.push(s);
    else byNode.set(s.node, [s]);
  }
  for (const [node, list] of byNode) {
    const obs = ctx.observations.get(node);
    const deleted = new Set(changes.filter((c) => c.node === node && c.action !== 'create').map((c) => c.key));
    if (obs?.ok) settleCollateral(obs.state, list.sort(stepOrder), ctx.intents.get(node), deleted);
  }
  return steps;
}
