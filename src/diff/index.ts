// diff: desired model + observations -> per-node changes, deferrals, notes, and the
// refusals that are already certain before any step is ordered. Pure.
import type { DesiredModel } from '../model/desired.js';
import { parseCidr } from '../model/ip.js';
import type { Observation } from '../observe/model.js';
import type { Change, Deferral, Note } from './changes.js';
import { diffNode } from './diff-node.js';
import { applyCipPlacement, CIP_MOVE } from './cip-intent.js';
import { detectFailedOver, type FailoverStates } from './failover-state.js';
import { buildIntent, type NodeIntent } from './intent.js';
import { addressKey, routeKey, MAIN_TABLE } from './objects.js';
import { observedObjects } from './observed-objects.js';
import {
  decideFleetPlacement,
  decidePlacements,
  indexObservations,
  interfaceHealthy,
  type FleetOwnership,
  type PlacementDecision,
} from './placement.js';
import { routeDestination } from './intent.js';
import { byCodePoint } from '../order.js';

export interface Refusal {
  ruleId: string;
  objects: string[];
  /** Step id, when a step of the plan breaks the rule. */
  step?: string;
  explanation: string;
}

export interface EnvironmentDiff {
  changes: Change[];
  deferrals: Deferral[];
  notes: Note[];
  refusals: Refusal[];
  warnings: Refusal[];
  decisions: Map<string, PlacementDecision>;
  intents: Map<string, NodeIntent>;
  failedOver: FailoverStates;
}

export interface DiffOptions {
  prune?: boolean;
  /** Fleet mode: etcd ownership decides where relocatable addresses go (placement.ts). */
  fleet?: FleetOwnership;
}

export function diffEnvironment(
  model: DesiredModel,
  observations: ReadonlyMap<string, Observation>,
  options: DiffOptions = {},
): EnvironmentDiff {
  const index = indexObservations(observations);
  const fleet = options.fleet;
  const decisions = fleet
    ? new Map(model.relocatables.map((r) => [r.name, decideFleetPlacement(r, index, fleet)]))
    : decidePlacements(model, index);
  const intents = buildIntent(model, decisions);
  const failedOver = detectFailedOver(model, observations);
  // Fleet mode: the agents decide in etcd where a pair's resources are (cip-intent.ts); a
  // partner observed alone holding them is not proof that they are failed over.
  for (const key of fleet?.cip?.keys() ?? []) failedOver.delete(key);
  const prune = options.prune ?? model.cluster?.doc.spec.prune ?? false;
  const out: EnvironmentDiff = {
    changes: [],
    deferrals: [],
    notes: [],
    refusals: [],
    warnings: [],
    decisions,
    intents,
    failedOver,
  };

  // Each decision's address key computed once and shared by the sets and maps below: a
  // fleet's tens of thousands would otherwise be held as several equal strings each.
  const managedAddresses = new Set<string>();
  const reasons = new Map<string, string>();
  const relocatableNames = new Map<string, string>();
  for (const s of model.staticAddresses) managedAddresses.add(addressKey(s.cidr.cidr));
  for (const d of decisions.values()) {
    const key = addressKey(d.cidr);
    managedAddresses.add(key);
    if (d.kind !== 'in-place') reasons.set(key, d.reason);
    relocatableNames.set(key, d.name);
  }

  // Failed-over interfaces: frozen on the home node, their resources tolerated on the partner.
  const frozen = new Map<string, Map<string, string>>();
  const tolerated = new Map<string, Map<string, string>>();
  const mapOf = (m: Map<string, Map<string, string>>, k: string) => m.get(k) ?? m.set(k, new Map()).get(k)!;
  for (const f of failedOver.values()) {
    const why =
      `${f.home.node}/${f.home.iface} is failed over to ${f.partner.node}/${f.partner.iface}: ` +
      'changes wait until it is restored (NonStop CIP manual)';
    mapOf(frozen, f.home.node).set(f.home.iface, why);
    const held =
      `held for ${f.home.node}/${f.home.iface}, which is failed over here ` +
      '(NonStop CIP manual: addresses and static routes migrate)';
    const partner = mapOf(tolerated, f.partner.node);
    for (const a of f.addresses) partner.set(addressKey(a), held);
    const iface = model.interfaceByKey.get(`${f.home.node}/${f.home.iface}`)?.iface;
    for (const r of iface?.routes ?? [])
      partner.set(routeKey(r.table ?? MAIN_TABLE, routeDestination(r.to, r.via), r.metric), held);
  }
  const cipMoving: string[] = [];
  if (fleet?.cip) {
    const intent = intents.get(fleet.node) ?? intents.set(fleet.node, new Map()).get(fleet.node)!;
    const cip = applyCipPlacement(model, fleet.node, intent, fleet.cip);
    for (const [iface, why] of cip.frozen) mapOf(frozen, fleet.node).set(iface, why);
    for (const [key, why] of cip.tolerated) mapOf(tolerated, fleet.node).set(key, why);
    cipMoving.push(...cip.moving);
    for (const c of cip.conflicts)
      out.notes.push({
        node: fleet.node,
        subject: c,
        message: 'not hosted for the failed-over interface: this node uses the same route or address itself',
      });
  }
  for (const d of decisions.values()) {
    if (d.kind === 'unprovable') {
      out.refusals.push({
        ruleId: 'TR010',
        objects: [`RelocatableAddress/${d.name}`, ...d.unobserved],
        explanation: `RelocatableAddress/${d.name} (${d.cidr}): ${d.reason}`,
      });
    } else if (
      (d.kind === 'switchover' || d.kind === 'repair') &&
      d.target &&
      d.holders.length > 0 &&
      !d.holders.some((h) => h.node === d.target!.node) &&
      !interfaceHealthy(observations.get(d.target.node), d.target.iface)
    ) {
      // Taking a working address away to a dead link is an outage, not a move (TR014).
      out.refusals.push({
        ruleId: 'TR014',
        objects: [`RelocatableAddress/${d.name}`, `${d.target.node}/${d.target.iface}`],
        explanation:
          `RelocatableAddress/${d.name} (${d.cidr}) would move from ${d.holders.map((h) => h.node).join(', ')} ` +
          `to ${d.target.node}/${d.target.iface}, which is down or has no link: ` +
          'it would leave a working node for a dead link',
      });
    } else if (d.kind === 'left-failed-over' || d.kind === 'local-recovery' || d.kind === 'switchback') {
      out.notes.push({ node: d.target?.node, subject: `RelocatableAddress/${d.name}`, message: d.reason });
    }
  }

  for (const key of cipMoving) reasons.set(key, CIP_MOVE);

  for (const node of model.nodes) {
    const obs = observations.get(node.name);
    if (!obs?.ok) {
      out.warnings.push({
        ruleId: 'TR013',
        objects: [`Node/${node.name}`],
        explanation:
          `Node/${node.name} could not be observed (${obs ? obs.error.message : 'no observation'}): ` +
          'nothing is planned for it',
      });
      continue;
    }
    const management = node.doc.spec.management ? parseCidr(node.doc.spec.management) : null;
    const diff = diffNode({
      node: node.name,
      intent: intents.get(node.name) ?? new Map(),
      observed: observedObjects(obs.state),
      owned: new Set(obs.state.inventory.owned),
      managedAddresses,
      tolerated: tolerated.get(node.name) ?? new Map(),
      frozenInterfaces: frozen.get(node.name) ?? new Map(),
      managementKey: management ? addressKey(management.cidr) : undefined,
      prune,
      reasons,
      relocatableNames,
    });
    out.changes.push(...diff.changes);
    out.deferrals.push(...diff.deferrals);
    out.notes.push(...diff.notes);
    for (const name of diff.missingInterfaces) {
      out.refusals.push({
        ruleId: 'TR011',
        objects: [`${node.name}/${name}`],
        explanation:
          `Node/${node.name} has no interface ${name}: ` + 'tandem cannot create a physical or loopback interface',
      });
    }
  }

  // A change to an interface with failover must reach its partner (the mirror); an
  // unobservable partner would keep a stale mirror (seed 000).
  const changedIfaces = new Set(out.changes.map((c) => `${c.node}/${ifaceOfChange(c)}`));
  for (const node of model.nodes) {
    for (const iface of node.doc.spec.interfaces) {
      if (!iface.failover || !changedIfaces.has(`${node.name}/${iface.name}`)) continue;
      // Fleet mode: the partner's own agent keeps its mirror, from the same desired state.
      if (fleet) continue;
      if (!observations.get(iface.failover.node)?.ok) {
        out.refusals.push({
          ruleId: 'TR004',
          objects: [`${node.name}/${iface.name}`, `${iface.failover.node}/${iface.failover.interface}`],
          explanation:
            `${node.name}/${iface.name} changes, but its failover node ${iface.failover.node} cannot be observed: ` +
            'its mirror would be stale and failover would silently stop working',
        });
      }
    }
  }
  out.changes.sort((a, b) => byCodePoint(a.node, b.node) || byCodePoint(a.key, b.key));
  out.deferrals.sort((a, b) => byCodePoint(a.node, b.node) || byCodePoint(a.key, b.key));
  return out;
}

function ifaceOfChange(c: Change): string | undefined {
  const o = c.after ?? c.before;
  if (!o) return undefined;
  if (o.kind === 'link') return o.name;
  if (o.kind === 'address' || o.kind === 'neighbor') return o.iface;
  if (o.kind === 'route') return o.dev;
  return undefined;
}
