// CIP interface failover in fleet mode (NonStop CIP manual): where the resources of each
// failover interface are, as the agents decided it through etcd, applied to one node's
// intent. What migrates: the interface's IPv4 and IPv6 addresses, its static routes, and
// the IPv6-over-IPv4 tunnels whose local address is one of its addresses (each with its
// own addresses and routes, under the same name on the failover node). What does not:
// the link itself, its MTU and permanent neighbor entries, dynamic routes, IPsec (the
// same on both nodes already, rule-checked), TCP connections. Pure.
import type { DesiredModel } from '../model/desired.js';
import type { Interface } from '../model/generated/desired.js';
import { parseCidr, parseIp } from '../model/ip.js';
import type { NodeIntent } from './intent.js';
import { interfaceObjects } from './intent.js';
import type { NodeObject } from './objects.js';
import type { CipPlacement } from './placement.js';

export type { CipPlacement, CipWhere } from './placement.js';

/**
 * The reason of an address change that moves it with its failover interface: the plan
 * treats it as a move (steps.ts), checked unused on the segment before it is added and
 * announced after (gratuitous ARP, IPv6 DAD), as a relocatable address is.
 */
export const CIP_MOVE = 'moves with its failover interface (NonStop CIP manual)';

export interface CipPair {
  /** `homeNode/homeIface`. */
  key: string;
  home: { node: string; iface: string };
  partner: { node: string; iface: string };
  stopped: boolean;
}

/** Every interface with failover in the model: one pair each. */
export function cipPairs(model: DesiredModel): CipPair[] {
  const out: CipPair[] = [];
  for (const n of model.nodes)
    for (const i of n.doc.spec.interfaces)
      if (i.failover)
        out.push({
          key: `${n.name}/${i.name}`,
          home: { node: n.name, iface: i.name },
          partner: { node: i.failover.node, iface: i.failover.interface },
          stopped: i.state === 'down',
        });
  return out;
}

/**
 * The tunnels that follow a home interface: those of its node whose local address is one
 * of the interface's addresses (NonStop CIP manual: "IPv6-over-IPv4 tunnel interfaces ...
 * follow the interface containing their configured local address").
 */
export function tunnelsOf(model: DesiredModel, node: string, iface: Interface): Interface[] {
  const mine = new Set((iface.addresses ?? []).map((a) => parseCidr(a)?.address));
  const spec = model.nodeByName.get(node)?.doc.spec;
  return (spec?.interfaces ?? []).filter((t) => t.tunnel && mine.has(parseIp(t.tunnel.local)?.address));
}

/** The objects that migrate with a home interface, as they are on the home node. */
export function migratingObjects(model: DesiredModel, node: string, iface: Interface): NodeObject[] {
  const own = interfaceObjects(iface, new Map()).filter((o) => o.kind === 'address' || o.kind === 'route');
  const tunnels = tunnelsOf(model, node, iface).flatMap((t) =>
    interfaceObjects(t, new Map()).filter((o) => o.kind !== 'neighbor'),
  );
  return [...own, ...tunnels];
}

/** The same objects on the partner: the home interface's resources on its failover interface. */
function onPartner(objects: readonly NodeObject[], homeIface: string, partnerIface: string): NodeObject[] {
  return objects.map((o) => {
    if (o.kind === 'address' && o.iface === homeIface) return { ...o, iface: partnerIface };
    if (o.kind === 'route' && o.dev === homeIface) return { ...o, dev: partnerIface };
    return o;
  });
}

export interface CipIntentResult {
  /** Interfaces of this node whose changes wait (`keep`): interface -> why. */
  frozen: Map<string, string>;
  /** Object keys on this node left as they are (`keep` on the partner): key -> why. */
  tolerated: Map<string, string>;
  /** Hosted objects whose key the partner already uses for its own configuration. */
  conflicts: string[];
  /** Address keys placed by the failover (added or removed here as a move, CIP_MOVE). */
  moving: string[];
}

/** Rewrites `intent` (this node's) for the CIP placement the agent decided. */
export function applyCipPlacement(
  model: DesiredModel,
  node: string,
  intent: NodeIntent,
  placement: CipPlacement,
): CipIntentResult {
  const out: CipIntentResult = { frozen: new Map(), tolerated: new Map(), conflicts: [], moving: [] };
  for (const pair of cipPairs(model)) {
    if (pair.home.node !== node && pair.partner.node !== node) continue;
    const where = placement.get(pair.key) ?? 'keep';
    const iface = model.interfaceByKey.get(pair.key)?.iface;
    if (!iface) continue;
    const objects = migratingObjects(model, pair.home.node, iface);
    if (where !== 'keep') for (const o of objects) if (o.kind === 'address') out.moving.push(o.key);
    if (pair.home.node === node) {
      if (where === 'partner') for (const o of objects) intent.delete(o.key);
      if (where === 'keep') {
        const why = `the failover of ${pair.key} is not known (etcd not read): left as it is`;
        out.frozen.set(iface.name, why);
        for (const t of tunnelsOf(model, node, iface)) out.frozen.set(t.name, why);
      }
      continue;
    }
    const hosted = onPartner(objects, pair.home.iface, pair.partner.iface);
    if (where === 'partner') {
      for (const o of hosted) {
        if (intent.has(o.key)) out.conflicts.push(`${node}:${o.key}`);
        else intent.set(o.key, o);
      }
    } else if (where === 'keep') {
      const why = `held for ${pair.key} if failed over here; etcd not read: left as it is`;
      for (const o of hosted) if (!intent.has(o.key)) out.tolerated.set(o.key, why);
    }
  }
  return out;
}
