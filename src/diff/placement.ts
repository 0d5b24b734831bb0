// Where each relocatable address should be after the plan, from where it is observed,
// where it should be active, who put it there, and its switchback policy
// (seed 004, LifeKeeper switchback types: "intelligent" leaves a failed-over resource
// where it is until an operator moves it; "automatic" brings it home when the
// higher-priority server is back).
import type { DesiredModel, Entry } from '../model/desired.js';
import type { RelocatableAddressDocument } from '../model/generated/desired.js';
import { hostPart, parseCidr } from '../model/ip.js';
import type { Observation } from '../observe/model.js';
import { addressKey } from './objects.js';
import { byCodePoint } from '../order.js';

export type PlacementKind =
  /** Already where it should be. */
  | 'in-place'
  /** On its node, held by the backup interface after local recovery: left there. */
  | 'local-recovery'
  /** Not active anywhere: bring it up on the active node. */
  | 'add'
  /** The desired active node changed (tandem put it elsewhere before): move it. */
  | 'switchover'
  /** Failed over by the HA layer, switchback automatic and the home node healthy: move home. */
  | 'switchback'
  /** Failed over by the HA layer and left there (intelligent, or home not healthy). */
  | 'left-failed-over'
  /** Active where it may not live, or on several nodes: repaired. */
  | 'repair'
  /** A node it may live on cannot be observed and a change is needed: refused. */
  | 'unprovable'
  /** Fleet mode: the planned node owns it in etcd (its owner key), so it goes there. */
  | 'fleet-owned'
  /** Fleet mode: the planned node does not own it in etcd: never added there, removed if held. */
  | 'fleet-not-owned';

export interface PlacementDecision {
  name: string;
  cidr: string;
  kind: PlacementKind;
  /** Where the address ends up; absent only for `unprovable`. */
  target?: { node: string; iface: string; label?: string };
  /** Where it was observed (node and interface). */
  holders: ReadonlyArray<{ node: string; iface: string }>;
  /** One sentence for the plan: why this target. */
  reason: string;
  unobserved: string[];
}

/** The interface exists, is up and has link: an address brought up there is reachable. */
export function interfaceHealthy(obs: Observation | undefined, iface: string): boolean {
  if (!obs?.ok) return false;
  const link = obs.state.links.find((l) => l.name === iface);
  return !!link && link.adminUp && !['DOWN', 'LOWERLAYERDOWN', 'NOTPRESENT'].includes(link.operState);
}

function labelFor(iface: string, label: string | undefined): string | undefined {
  return label ? `${iface}:${label}` : undefined;
}

/** A node and interface an address is observed on. */
type Holder = { node: string; iface: string };

/** Observed facts shared by every decision, indexed once per plan. */
export interface ObservedIndex {
  observations: ReadonlyMap<string, Observation>;
  /** IP (without prefix) -> nodes and interfaces holding it, by node name (lists are shared: never modify one). */
  holdersByIp: Map<string, ReadonlyArray<Holder>>;
  /** Node -> keys in its inventory. */
  ownedByNode: Map<string, Set<string>>;
}

const NO_HOLDERS: ReadonlyArray<{ node: string; iface: string }> = [];

export function indexObservations(observations: ReadonlyMap<string, Observation>): ObservedIndex {
  const holdersByIp = new Map<string, ReadonlyArray<Holder>>();
  const ownedByNode = new Map<string, Set<string>>();
  // An IP held once (nearly all of them) shares the one-holder list of its node and
  // interface: a fleet's tens of thousands of addresses are not each a list and a holder.
  const alone = new Map<string, ReadonlyArray<Holder>>();
  const shared = new Set<ReadonlyArray<Holder>>();
  const several: Holder[][] = [];
  for (const [node, obs] of observations) {
    if (!obs.ok) continue;
    ownedByNode.set(node, new Set(obs.state.inventory.owned));
    alone.clear();
    for (const a of obs.state.addresses) {
      const ip = hostPart(a.cidr);
      const list = holdersByIp.get(ip);
      if (list === undefined) {
        let one = alone.get(a.interface);
        if (one === undefined) {
          alone.set(a.interface, (one = [{ node, iface: a.interface }]));
          shared.add(one);
        }
        holdersByIp.set(ip, one);
      } else if (shared.has(list)) {
        const more = [...list, { node, iface: a.interface }];
        several.push(more);
        holdersByIp.set(ip, more);
      } else (list as Holder[]).push({ node, iface: a.interface });
    }
  }
  for (const list of several) list.sort((a, b) => byCodePoint(a.node, b.node));
  return { observations, holdersByIp, ownedByNode };
}

type Target = NonNullable<PlacementDecision['target']>;

/** Per index: the home target and in-place reason of each node, interface and label, shared by its decisions. */
const homes = new WeakMap<ObservedIndex, Map<string, { home: Target; inPlace: string }>>();

/** Decisions are read, never modified: the addresses active on one interface share its target and reason. */
function homeOf(
  index: ObservedIndex,
  active: { node: string; interface: string; label?: string },
): { home: Target; inPlace: string } {
  let byPlace = homes.get(index);
  if (!byPlace) homes.set(index, (byPlace = new Map<string, { home: Target; inPlace: string }>()));
  const place = `${active.node}\n${active.interface}\n${active.label ?? ''}`;
  let found = byPlace.get(place);
  if (!found) {
    const home = { node: active.node, iface: active.interface, label: labelFor(active.interface, active.label) };
    byPlace.set(place, (found = { home, inPlace: `active on ${active.node} as desired` }));
  }
  return found;
}

function placementOn<P extends { node: string }>(placements: readonly P[], node: string): P | undefined {
  for (const p of placements) if (p.node === node) return p;
  return undefined;
}

export function decidePlacement(entry: Entry<RelocatableAddressDocument>, index: ObservedIndex): PlacementDecision {
  const { observations } = index;
  const spec = entry.doc.spec;
  const cidr = parseCidr(spec.address)!.cidr;
  const placements = spec.placements;
  const active = placementOn(placements, spec.active)!;
  const unobserved: string[] = [];
  for (const p of placements) if (!observations.get(p.node)?.ok) unobserved.push(p.node);
  const holders = index.holdersByIp.get(hostPart(cidr)) ?? NO_HOLDERS;
  const { home, inPlace } = homeOf(index, active);
  // The common case, checked first and built without closures or spreads (a fleet
  // decides tens of thousands of them per plan): exactly where it should be.
  if (holders.length === 1 && holders[0].node === active.node && holders[0].iface === active.interface)
    return { name: entry.name, cidr, holders, unobserved, kind: 'in-place', target: home, reason: inPlace };
  const key = addressKey(cidr);
  const base = { name: entry.name, cidr, holders, unobserved };
  const at = (node: string, iface: string, label?: string) => ({ node, iface, label: labelFor(iface, label) });

  const decided = (kind: PlacementKind, target: PlacementDecision['target'], reason: string): PlacementDecision => {
    const needsChange = !(kind === 'in-place' || kind === 'local-recovery' || kind === 'left-failed-over');
    if (needsChange && unobserved.length > 0) {
      return {
        ...base,
        kind: 'unprovable',
        reason: `${reason}, but ${unobserved.join(', ')} cannot be observed, so the address could be active there too`,
      };
    }
    return { ...base, kind, target, reason };
  };

  if (holders.length === 0) return decided('add', home, `not active anywhere; bring it up on ${active.node} (active)`);
  if (holders.length === 1) {
    const [h] = holders;
    const placement = placementOn(placements, h.node);
    if (!placement)
      return decided(
        'repair',
        home,
        `active on ${h.node}, which is not one of its placements; move it to ${active.node}`,
      );
    if (h.node === active.node) {
      if (h.iface === active.interface) return decided('in-place', home, `active on ${active.node} as desired`);
      if (h.iface === active.backupInterface)
        return decided(
          'local-recovery',
          at(h.node, h.iface, active.label),
          `on ${h.node}'s backup interface ${h.iface} after local recovery; left there`,
        );
      return decided('repair', home, `on ${h.node} but on ${h.iface} instead of ${active.interface}`);
    }
    // On another allowed placement: did tandem put it there (a switchover in the
    // desired state) or did the HA layer fail it over?
    const placedByTandem = index.ownedByNode.get(h.node)?.has(key) ?? false;
    const iface =
      h.iface === placement.interface || h.iface === placement.backupInterface ? h.iface : placement.interface;
    if (placedByTandem)
      return decided('switchover', home, `active changed from ${h.node} to ${active.node}: switchover`);
    if (spec.switchback === 'automatic') {
      if (interfaceHealthy(observations.get(active.node), active.interface)) {
        return decided(
          'switchback',
          home,
          `failed over to ${h.node}; switchback is automatic and ${active.node} is healthy: move it home`,
        );
      }
      return decided(
        'left-failed-over',
        at(h.node, iface, placement.label),
        `failed over to ${h.node}; switchback is automatic but ${active.node} is not healthy: left on ${h.node}`,
      );
    }
    return decided(
      'left-failed-over',
      at(h.node, iface, placement.label),
      `failed over to ${h.node}; switchback is intelligent: left there until an operator moves it`,
    );
  }
  return decided(
    'repair',
    home,
    `active on ${holders.length} nodes (${holders.map((h) => h.node).join(', ')}); keep it only on ${active.node}`,
  );
}

export function decidePlacements(model: DesiredModel, index: ObservedIndex): Map<string, PlacementDecision> {
  return new Map(model.relocatables.map((r) => [r.name, decidePlacement(r, index)]));
}

/**
 * Fleet mode (docs/fleet.md, "The agent"): an agent plans only its own node, and etcd's
 * owner keys decide, not the other nodes' observations: the address is on `node` iff
 * `node` owns its key. `graced` are addresses held without owning, inside the grace the
 * agent announced: left where they are until it ends.
 */
/**
 * Where a failover interface's resources go, seen from one node: on the home interface
 * (`home`), on the partner's failover interface (`partner`), or `keep`: the agent could
 * not read etcd, so nothing of it changes on this node (neither added nor removed).
 */
export type CipWhere = 'home' | 'partner' | 'keep';

/** `homeNode/homeIface` -> where its resources go, for the pairs this node is home or partner of. */
export type CipPlacement = ReadonlyMap<string, CipWhere>;

export interface FleetOwnership {
  node: string;
  /** Relocatable names `node` owns in etcd -> fencing token (the owner key's create revision). */
  owned: ReadonlyMap<string, number>;
  graced?: ReadonlySet<string>;
  /** Owned name -> the interface it goes on (the agent's local recovery); else where it is, or the placement's. */
  ifaces?: ReadonlyMap<string, string>;
  /** CIP failover interfaces: where each one's resources go, as the agents decided in etcd (cip-intent.ts). */
  cip?: CipPlacement;
}

export function decideFleetPlacement(
  entry: Entry<RelocatableAddressDocument>,
  index: ObservedIndex,
  fleet: FleetOwnership,
): PlacementDecision {
  const spec = entry.doc.spec;
  const cidr = parseCidr(spec.address)!.cidr;
  const holders = index.holdersByIp.get(hostPart(cidr)) ?? NO_HOLDERS;
  const base = { name: entry.name, cidr, holders, unobserved: [] };
  const placement = spec.placements.find((p) => p.node === fleet.node);
  const here = holders.filter((h) => h.node === fleet.node);
  const token = fleet.owned.get(entry.name);
  if (placement && token !== undefined) {
    const kept = here.find((h) => h.iface === placement.interface || h.iface === placement.backupInterface);
    const iface = fleet.ifaces?.get(entry.name) ?? kept?.iface ?? placement.interface;
    const target = { node: fleet.node, iface, label: labelFor(iface, placement.label) };
    const owned = `owned by ${fleet.node} in etcd (fencing token ${token})`;
    if (here.length === 1 && here[0].iface === iface) return { ...base, kind: 'in-place', target, reason: owned };
    if (here.length === 1 && kept && iface === placement.backupInterface)
      return { ...base, kind: 'local-recovery', target, reason: `${owned}: local recovery to ${iface}` };
    return { ...base, kind: 'fleet-owned', target, reason: `${owned}: bring it up on ${fleet.node}/${iface}` };
  }
  if (placement && here.length === 1 && fleet.graced?.has(entry.name)) {
    const target = { node: fleet.node, iface: here[0].iface, label: labelFor(here[0].iface, placement.label) };
    const reason = `held by ${fleet.node} without owning it in etcd: left until the announced grace ends`;
    return { ...base, kind: 'fleet-not-owned', target, reason };
  }
  const reason = `${fleet.node} does not own it in etcd` + (here.length ? ': removed from it' : ': never added there');
  return { ...base, kind: 'fleet-not-owned', reason };
}
