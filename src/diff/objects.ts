// The per-node objects that desired and observed state are compared on. Both sides
// are projected onto this one shape, keyed by a stable identity, so the diff is a
// key-by-key comparison and the plan can say "address 192.0.2.50/24 on eth0".
import type { ObservedXfrmPolicy } from '../observe/model.js';
import { hostPart } from '../model/ip.js';

export interface LinkObject {
  kind: 'link';
  key: string;
  name: string;
  /** Desired interface type; for observed links the kernel kind mapped onto these. */
  linkType: 'physical' | 'bond' | 'tunnel' | 'loopback';
  up: boolean;
  mtu?: number;
  master?: string;
  bond?: { mode: string; miimonMs?: number };
  tunnel?: { mode: string; local: string; remote: string; ttl?: number };
}

export interface AddressObject {
  kind: 'address';
  key: string;
  iface: string;
  /** Canonical address/prefix. */
  cidr: string;
  label?: string;
  family: 4 | 6;
  /** Name of the RelocatableAddress this is, when it is one. */
  relocatable?: string;
}

export interface RouteObject {
  kind: 'route';
  key: string;
  to: string;
  via?: string;
  dev: string;
  metric?: number;
  table: number;
}

export interface NeighborObject {
  kind: 'neighbor';
  key: string;
  iface: string;
  address: string;
  lladdr: string;
}

export interface XfrmObject {
  kind: 'xfrm';
  key: string;
  policy: ObservedXfrmPolicy;
  /** IPsecPolicy document it comes from (desired side only). */
  source?: string;
}

/**
 * What a failover node must know about an interface it backs up: the CIP "mirror"
 * (seed 001: interface configuration is copied to the failover CLIM). Kept in the
 * partner's inventory; a change to the home interface must reach it (seed 000).
 */
export interface MirrorObject {
  kind: 'mirror';
  key: string;
  home: { node: string; iface: string };
  partnerIface: string;
  addresses: string[];
  routes: string[];
}

/**
 * net.ipv4.conf.<iface>.promote_secondaries as the kernel applies it: on when the
 * interface's own value or `all` is positive (Cluster defaults.promoteSecondaries).
 */
export interface SysctlObject {
  kind: 'sysctl';
  key: string;
  /** The sysctl name, e.g. net.ipv4.conf.eth0.promote_secondaries ('.' in an interface name written '/'). */
  name: string;
  iface: string;
  value: string;
}

/**
 * The preferred source of an IPv4 subnet's connected route (proto kernel, scope link):
 * the interface's primary address unless a relocatable address with sourceAddress
 * holds the subnet (LifeKeeper's source address setting).
 */
export interface SourceObject {
  kind: 'source';
  key: string;
  iface: string;
  /** The subnet: the route's destination. */
  to: string;
  src: string;
  /** Observed side: the interface's primary address of the subnet, the src the kernel gives the route. */
  primary?: string;
  /** Desired side: the RelocatableAddress whose sourceAddress asks for this. */
  relocatable?: string;
}

export type NodeObject =
  LinkObject | AddressObject | RouteObject | NeighborObject | XfrmObject | MirrorObject | SysctlObject | SourceObject;
export type ObjectKind = NodeObject['kind'];

export const MAIN_TABLE = 254;

export const linkKey = (name: string) => `link:${name}`;
/** An address is identified by its IP alone: one node never holds an IP twice. */
export const addressKey = (cidr: string) => `addr:${hostPart(cidr)}`;
export const routeKey = (table: number, to: string, metric: number | undefined) =>
  `route:${table}:${to}:${metric ?? 0}`;
export const neighborKey = (iface: string, address: string) => `neigh:${iface}:${address}`;
export const xfrmKey = (p: ObservedXfrmPolicy) =>
  `xfrm:${p.dir}:${p.selector.src}>${p.selector.dst}:` +
  `${p.selector.proto ?? 'any'}:${p.selector.sport ?? 0}:${p.selector.dport ?? 0}`;
export const mirrorKey = (node: string, iface: string) => `mirror:${node}/${iface}`;
export const sysctlKey = (name: string) => `sysctl:${name}`;
export const sourceKey = (iface: string, to: string) => `source:${iface}:${to}`;
/** The per-interface promote_secondaries sysctl; a '.' in an interface name is written '/' there. */
export const promoteSecondariesName = (iface: string) =>
  `net.ipv4.conf.${iface.replaceAll('.', '/')}.promote_secondaries`;

/** The attributes that matter for equality (key and provenance excluded). */
export function comparable(o: NodeObject): unknown {
  switch (o.kind) {
    case 'link':
      return [
        o.linkType,
        o.up,
        o.mtu ?? null,
        o.master ?? null,
        o.bond?.mode ?? null,
        o.tunnel ? [o.tunnel.mode, o.tunnel.local, o.tunnel.remote] : null,
      ];
    case 'address':
      return [o.iface, o.cidr, o.label ?? null];
    case 'route':
      return [o.to, o.via ?? null, o.dev, o.metric ?? null, o.table];
    case 'neighbor':
      return [o.iface, o.address, o.lladdr.toLowerCase()];
    case 'xfrm':
      return [
        o.policy.dir,
        o.policy.action,
        o.policy.priority,
        o.policy.selector,
        o.policy.templates.map((t) => [t.proto, t.mode, t.level, t.src ?? null, t.dst ?? null]),
      ];
    case 'mirror':
      return [o.partnerIface, o.addresses, o.routes];
    case 'sysctl':
      return [o.name, o.value];
    case 'source':
      return [o.iface, o.to, o.src];
  }
}

const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Equality on what `comparable` lists, written out: the diff calls it for every object of every node. */
export function sameObject(a: NodeObject, b: NodeObject): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'link': {
      const o = b as LinkObject;
      return (
        a.linkType === o.linkType &&
        a.up === o.up &&
        a.mtu === o.mtu &&
        a.master === o.master &&
        a.bond?.mode === o.bond?.mode &&
        a.tunnel?.mode === o.tunnel?.mode &&
        a.tunnel?.local === o.tunnel?.local &&
        a.tunnel?.remote === o.tunnel?.remote
      );
    }
    case 'address': {
      const o = b as AddressObject;
      return a.iface === o.iface && a.cidr === o.cidr && a.label === o.label;
    }
    case 'route': {
      const o = b as RouteObject;
      return a.to === o.to && a.via === o.via && a.dev === o.dev && a.metric === o.metric && a.table === o.table;
    }
    case 'neighbor': {
      const o = b as NeighborObject;
      return a.iface === o.iface && a.address === o.address && a.lladdr.toLowerCase() === o.lladdr.toLowerCase();
    }
    case 'sysctl': {
      const o = b as SysctlObject;
      return a.name === o.name && a.value === o.value;
    }
    case 'source': {
      const o = b as SourceObject;
      return a.iface === o.iface && a.to === o.to && a.src === o.src;
    }
    case 'xfrm':
    case 'mirror':
      return sameValue(comparable(a), comparable(b));
  }
}

/** A short human description used in plans: "address 192.0.2.50/24 on eth0". */
export function describeObject(o: NodeObject): string {
  switch (o.kind) {
    case 'link':
      return `link ${o.name}`;
    case 'address':
      return `address ${o.cidr} on ${o.label ?? o.iface}${o.relocatable ? ` (relocatable ${o.relocatable})` : ''}`;
    case 'route':
      return (
        `route ${o.to}${o.via ? ` via ${o.via}` : ''} dev ${o.dev}` +
        `${o.table !== MAIN_TABLE ? ` table ${o.table}` : ''}${o.metric !== undefined ? ` metric ${o.metric}` : ''}`
      );
    case 'neighbor':
      return `neighbour ${o.address} lladdr ${o.lladdr} on ${o.iface}`;
    case 'xfrm':
      return (
        `ipsec policy ${o.policy.dir} ${o.policy.selector.src} -> ${o.policy.selector.dst}` +
        (o.source ? ` (${o.source})` : '')
      );
    case 'mirror':
      return `failover mirror of ${o.home.node}/${o.home.iface} on ${o.partnerIface}`;
    case 'sysctl':
      return `sysctl ${o.name}=${o.value}`;
    case 'source':
      return (
        `source ${o.src} of subnet ${o.to} on ${o.iface}` + (o.relocatable ? ` (relocatable ${o.relocatable})` : '')
      );
  }
}
