// The desired objects of every node: what its kernel should hold after the plan. Static
// configuration comes straight from the Node documents; relocatable addresses go where
// the placement decisions put them; IPsec policies go to every node they apply to;
// failover mirrors go to the partner of every interface with failover.
import type { DesiredModel } from '../model/desired.js';
import type { IPsecPolicyDocument, Interface } from '../model/generated/desired.js';
import { parseCidr, parseIp } from '../model/ip.js';
import type { ObservedXfrmPolicy } from '../observe/model.js';
import {
  addressKey,
  linkKey,
  MAIN_TABLE,
  mirrorKey,
  neighborKey,
  promoteSecondariesName,
  routeKey,
  sourceKey,
  sysctlKey,
  xfrmKey,
  type AddressObject,
  type NodeObject,
} from './objects.js';
import type { PlacementDecision } from './placement.js';

export type NodeIntent = Map<string, NodeObject>;

/**
 * Route destination as the diff compares it: the network prefix, 'default' for the
 * IPv4 default route and '::/0' for the IPv6 one (the two are different routes; a
 * `default` with an IPv6 gateway is the IPv6 one).
 */
export function routeDestination(to: string, via?: string): string {
  if (to === 'default') return via !== undefined && parseIp(via)?.family === 6 ? IPV6_DEFAULT : to;
  const withPrefix = to.includes('/') ? to : `${to}/${parseIp(to)?.family === 6 ? 128 : 32}`;
  return parseCidr(withPrefix)?.network ?? to;
}

export const IPV6_DEFAULT = '::/0';

function routeTexts(iface: Interface): string[] {
  return (iface.routes ?? []).map(
    (r) => `${routeDestination(r.to, r.via)}${r.via ? ` via ${parseIp(r.via)?.address ?? r.via}` : ''}`,
  );
}

export function interfaceObjects(iface: Interface, slaveOf: ReadonlyMap<string, string>): NodeObject[] {
  const out: NodeObject[] = [];
  const linkType = iface.type;
  out.push({
    kind: 'link',
    key: linkKey(iface.name),
    name: iface.name,
    linkType,
    up: iface.state !== 'down',
    ...(iface.mtu !== undefined ? { mtu: iface.mtu } : {}),
    ...(slaveOf.has(iface.name) ? { master: slaveOf.get(iface.name) } : {}),
    ...(iface.bond
      ? {
          bond: {
            mode: iface.bond.mode,
            ...(iface.bond.miimonMs !== undefined ? { miimonMs: iface.bond.miimonMs } : {}),
          },
        }
      : {}),
    ...(iface.tunnel
      ? {
          tunnel: {
            mode: iface.tunnel.mode,
            local: parseIp(iface.tunnel.local)!.address,
            remote: parseIp(iface.tunnel.remote)!.address,
            ...(iface.tunnel.ttl ? { ttl: iface.tunnel.ttl } : {}),
          },
        }
      : {}),
  });
  for (const text of iface.addresses ?? []) {
    const c = parseCidr(text)!;
    out.push({ kind: 'address', key: addressKey(c.cidr), iface: iface.name, cidr: c.cidr, family: c.family });
  }
  for (const r of iface.routes ?? []) {
    const to = routeDestination(r.to, r.via);
    const table = r.table ?? MAIN_TABLE;
    out.push({
      kind: 'route',
      key: routeKey(table, to, r.metric),
      to,
      dev: iface.name,
      table,
      ...(r.via ? { via: parseIp(r.via)!.address } : {}),
      ...(r.metric !== undefined ? { metric: r.metric } : {}),
    });
  }
  for (const n of iface.neighbors ?? []) {
    const address = parseIp(n.address)!.address;
    out.push({
      kind: 'neighbor',
      key: neighborKey(iface.name, address),
      iface: iface.name,
      address,
      lladdr: n.lladdr.toLowerCase(),
    });
  }
  return out;
}

/**
 * The XFRM policies of an IPsecPolicy: one per direction, each with the selector as
 * written (as `ip xfrm policy` takes it: an `in` policy names the remote side as its
 * source).
 */
export function xfrmPolicies(doc: IPsecPolicyDocument): ObservedXfrmPolicy[] {
  const s = doc.spec;
  const proto = s.selector.protocol && s.selector.protocol !== 'any' ? s.selector.protocol : undefined;
  const selector: ObservedXfrmPolicy['selector'] = {
    src: parseCidr(s.selector.source)!.network,
    dst: parseCidr(s.selector.destination)!.network,
    ...(proto ? { proto } : {}),
    ...(s.selector.sourcePort !== undefined ? { sport: s.selector.sourcePort } : {}),
    ...(s.selector.destinationPort !== undefined ? { dport: s.selector.destinationPort } : {}),
  };
  const templates: ObservedXfrmPolicy['templates'] =
    s.action === 'protect'
      ? [
          {
            proto: s.protocol ?? 'esp',
            mode: s.mode ?? 'transport',
            level: s.level ?? 'required',
            ...(s.mode === 'tunnel' && s.tunnel
              ? { src: parseIp(s.tunnel.source)!.address, dst: parseIp(s.tunnel.destination)!.address }
              : {}),
          },
        ]
      : [];
  return s.directions.map((dir) => ({
    selector,
    dir,
    action: s.action === 'block' ? 'block' : 'allow',
    priority: s.priority ?? 0,
    templates,
  }));
}

/** Nodes an IPsecPolicy is installed on: its nodes, and every placement of its address. */
export function policyNodes(model: DesiredModel, doc: IPsecPolicyDocument): string[] {
  const nodes = new Set(doc.spec.appliesTo.nodes ?? []);
  const reloc = doc.spec.appliesTo.relocatableAddress;
  if (reloc) for (const p of model.relocatableByName.get(reloc)?.doc.spec.placements ?? []) nodes.add(p.node);
  return [...nodes].sort();
}

export function buildIntent(
  model: DesiredModel,
  decisions: ReadonlyMap<string, PlacementDecision>,
): Map<string, NodeIntent> {
  const intents = new Map<string, NodeIntent>();
  const intentOf = (node: string): NodeIntent => {
    let m = intents.get(node);
    if (!m) intents.set(node, (m = new Map<string, NodeObject>()));
    return m;
  };
  // promoteSecondaries is set per interface tandem manages (those the Node documents
  // declare), never through `all`/`default`: interfaces tandem does not manage keep
  // whatever the node's administrator chose. An `all` already on counts as on.
  const promote = model.cluster?.doc.spec.defaults?.promoteSecondaries === true;
  for (const node of model.nodes) {
    const intent = intentOf(node.name);
    if (promote)
      for (const iface of node.doc.spec.interfaces) {
        if (iface.type === 'loopback') continue;
        const name = promoteSecondariesName(iface.name);
        intent.set(sysctlKey(name), { kind: 'sysctl', key: sysctlKey(name), name, iface: iface.name, value: '1' });
      }
    const slaveOf = new Map<string, string>();
    for (const i of node.doc.spec.interfaces) for (const s of i.bond?.slaves ?? []) slaveOf.set(s, i.name);
    for (const iface of node.doc.spec.interfaces) {
      for (const o of interfaceObjects(iface, slaveOf)) intent.set(o.key, o);
      if (iface.failover) {
        const key = mirrorKey(node.name, iface.name);
        intentOf(iface.failover.node).set(key, {
          kind: 'mirror',
          key,
          home: { node: node.name, iface: iface.name },
          partnerIface: iface.failover.interface,
          addresses: (iface.addresses ?? []).map((a) => parseCidr(a)!.cidr),
          routes: routeTexts(iface),
        });
      }
    }
  }
  for (const d of decisions.values()) {
    if (!d.target) continue;
    // Decisions hold canonical CIDRs: only IPv6 ones have a colon (no parse for the family).
    const family = d.cidr.includes(':') ? 6 : 4;
    const key = addressKey(d.cidr);
    const address: AddressObject = {
      kind: 'address',
      key,
      iface: d.target.iface,
      cidr: d.cidr,
      family,
      relocatable: d.name,
    };
    if (d.target.label) address.label = d.target.label;
    intentOf(d.target.node).set(key, address);
    // sourceAddress: while the address is here, its subnet's connected route prefers it
    // as source (IPv4: an IPv6 prefix route carries no source of its own).
    if (family === 4 && model.relocatableByName.get(d.name)?.doc.spec.sourceAddress === true) {
      const c = parseCidr(d.cidr)!;
      if (c.prefix < 32) {
        const source = sourceKey(d.target.iface, c.network);
        intentOf(d.target.node).set(source, {
          kind: 'source',
          key: source,
          iface: d.target.iface,
          to: c.network,
          src: c.address,
          relocatable: d.name,
        });
      }
    }
  }
  for (const p of model.ipsecPolicies) {
    const policies = xfrmPolicies(p.doc);
    for (const node of policyNodes(model, p.doc)) {
      for (const policy of policies)
        intentOf(node).set(xfrmKey(policy), { kind: 'xfrm', key: xfrmKey(policy), policy, source: p.name });
    }
  }
  return intents;
}
