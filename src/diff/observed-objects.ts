// Projects an ObservedNode onto the diff's objects. What the kernel manages by itself
// is left out, so it never shows up as drift: connected routes (proto kernel), IPv6
// link-local and multicast, loopback addresses on lo, routes of the local table. Of a
// connected IPv4 route only its preferred source is kept (a `source` object), and of
// the sysctls the effective promote_secondaries of each interface: the two kernel
// settings that sourceAddress and promoteSecondaries drive.
import type { ObservedNode, ObservedRoute, ObservedXfrmPolicy } from '../observe/model.js';
import { parseCidr } from '../model/ip.js';
import { IPV6_DEFAULT } from './intent.js';
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
  type LinkObject,
  type NodeObject,
} from './objects.js';

const KERNEL_ROUTE_PROTOCOLS = new Set(['kernel', 'ra', 'redirect']);
const LOCAL_TABLE = 255;
const IPV6_DEFAULT_METRIC = 1024;

function linkType(kind: string, name: string): LinkObject['linkType'] {
  if (kind === 'bond') return 'bond';
  if (['sit', 'ipip', 'gre', 'ip6tnl', 'tunnel'].includes(kind)) return 'tunnel';
  if (kind === 'loopback' || name === 'lo') return 'loopback';
  return 'physical';
}

/**
 * Addresses the kernel manages by itself: IPv6 link-local (fe80::/10) and loopback
 * addresses on lo. Observed addresses are canonical text, so a prefix test suffices
 * (this runs for every observed address of every node).
 */
export function isKernelManagedAddress(iface: string, cidr: string): boolean {
  if (/^fe[89ab][0-9a-f]:/i.test(cidr)) return true;
  return iface === 'lo' && (cidr.startsWith('127.') || cidr.startsWith('::1/'));
}

function isKernelManagedRoute(to: string, protocol: string, table: number): boolean {
  if (KERNEL_ROUTE_PROTOCOLS.has(protocol) || table === LOCAL_TABLE) return true;
  if (to === 'default') return false;
  const parsed = parseCidr(to);
  if (!parsed) return true;
  const range = parsed.parsed.range();
  return parsed.family === 6 && (range === 'linkLocal' || range === 'multicast');
}

// Observed states are immutable values (the sim kernel returns new objects, drivers
// build fresh ones), so a node's projection is computed once and shared by the diff,
// the digest and the gate. Callers must not modify the returned map.
const projections = new WeakMap<ObservedNode, ReadonlyMap<string, NodeObject>>();

export function observedObjects(state: ObservedNode): ReadonlyMap<string, NodeObject> {
  let objects = projections.get(state);
  if (!objects) projections.set(state, (objects = project(state)));
  return objects;
}

function routeObject(r: ObservedRoute): NodeObject | undefined {
  if (isKernelManagedRoute(r.to, r.protocol, r.table) || !r.device) return undefined;
  // The kernel gives IPv6 routes metric 1024 when none is asked for.
  const metric = r.family === 6 && r.metric === IPV6_DEFAULT_METRIC ? undefined : r.metric || undefined;
  const to = r.to === 'default' && r.family === 6 ? IPV6_DEFAULT : r.to;
  const key = routeKey(r.table, to, metric);
  return {
    kind: 'route',
    key,
    to,
    dev: r.device,
    table: r.table,
    ...(r.via ? { via: r.via } : {}),
    ...(metric !== undefined ? { metric } : {}),
  };
}

function xfrmObject(p: ObservedXfrmPolicy): NodeObject {
  const key = xfrmKey(p);
  return { kind: 'xfrm', key, policy: p };
}

// The planner walks a node's states batch by batch; most batches leave the routes and
// the IPsec policies alone (the kernel model then keeps the same arrays), so their
// projections are kept per array and a batch does not re-project the whole node. They
// equal the routes, respectively the policies, of observedObjects(state).
const routeProjections = new WeakMap<readonly ObservedRoute[], ReadonlyMap<string, NodeObject>>();
const xfrmProjections = new WeakMap<readonly ObservedXfrmPolicy[], ReadonlyMap<string, NodeObject>>();

/** The routes of observedObjects(state), by key. Callers must not modify the returned map. */
export function observedRoutes(state: ObservedNode): ReadonlyMap<string, NodeObject> {
  let objects = routeProjections.get(state.routes);
  if (!objects) {
    const out = new Map<string, NodeObject>();
    for (const r of state.routes) {
      const o = routeObject(r);
      if (o) out.set(o.key, o);
    }
    routeProjections.set(state.routes, (objects = out));
  }
  return objects;
}

/** The IPsec policies of observedObjects(state), by key. Callers must not modify the returned map. */
export function observedXfrmPolicies(state: ObservedNode): ReadonlyMap<string, NodeObject> {
  let objects = xfrmProjections.get(state.xfrmPolicies);
  if (!objects) {
    const out = new Map<string, NodeObject>();
    for (const p of state.xfrmPolicies) {
      const o = xfrmObject(p);
      out.set(o.key, o);
    }
    xfrmProjections.set(state.xfrmPolicies, (objects = out));
  }
  return objects;
}

const on = (value: string | undefined) => Number(value ?? '0') > 0;

/** Every interface's effective promote_secondaries (its own value or `all`), loopback excluded. */
function promoteSecondariesObjects(state: ObservedNode): NodeObject[] {
  const all = on(state.sysctl['net.ipv4.conf.all.promote_secondaries']);
  const out: NodeObject[] = [];
  for (const l of state.links) {
    if (linkType(l.kind, l.name) === 'loopback') continue;
    const name = promoteSecondariesName(l.name);
    out.push({
      kind: 'sysctl',
      key: sysctlKey(name),
      name,
      iface: l.name,
      value: all || on(state.sysctl[name]) ? '1' : '0',
    });
  }
  return out;
}

/** The preferred source of each connected IPv4 route, with the primary address the kernel would give it. */
function sourceObjects(state: ObservedNode): NodeObject[] {
  const connected = state.routes.filter(
    (r) =>
      r.family === 4 &&
      r.protocol === 'kernel' &&
      r.table === MAIN_TABLE &&
      r.scope === 'link' &&
      r.device !== undefined &&
      r.src !== undefined &&
      r.to !== 'default',
  );
  if (connected.length === 0) return [];
  const primaries = new Map<string, string>();
  for (const a of state.addresses) {
    if (a.family !== 4 || a.secondary) continue;
    const c = parseCidr(a.cidr);
    const at = c ? `${a.interface}|${c.network}` : undefined;
    if (c && at && !primaries.has(at)) primaries.set(at, c.address);
  }
  return connected.map((r) => {
    const primary = primaries.get(`${r.device}|${r.to}`);
    return {
      kind: 'source',
      key: sourceKey(r.device!, r.to),
      iface: r.device!,
      to: r.to,
      src: r.src!,
      ...(primary !== undefined ? { primary } : {}),
    };
  });
}

function project(state: ObservedNode): Map<string, NodeObject> {
  const out = new Map<string, NodeObject>();
  for (const l of state.links) {
    const o: LinkObject = {
      kind: 'link',
      key: linkKey(l.name),
      name: l.name,
      linkType: linkType(l.kind, l.name),
      up: l.adminUp,
      mtu: l.mtu,
    };
    if (l.master) o.master = l.master;
    if (l.bond) o.bond = { mode: l.bond.mode };
    if (l.tunnel?.local && l.tunnel.remote)
      o.tunnel = { mode: l.tunnel.mode, local: l.tunnel.local, remote: l.tunnel.remote, ttl: l.tunnel.ttl };
    out.set(o.key, o);
  }
  for (const a of state.addresses) {
    if (isKernelManagedAddress(a.interface, a.cidr)) continue;
    const key = addressKey(a.cidr);
    // Built field by field, not spread: a node's thousands of addresses each pass here.
    const o: AddressObject = { kind: 'address', key, iface: a.interface, cidr: a.cidr, family: a.family };
    if (a.label) o.label = a.label;
    out.set(key, o);
  }
  for (const r of state.routes) {
    const o = routeObject(r);
    if (o) out.set(o.key, o);
  }
  for (const n of state.neighbors) {
    const key = neighborKey(n.interface, n.address);
    out.set(key, { kind: 'neighbor', key, iface: n.interface, address: n.address, lladdr: n.lladdr.toLowerCase() });
  }
  for (const p of state.xfrmPolicies) {
    const o = xfrmObject(p);
    out.set(o.key, o);
  }
  for (const o of promoteSecondariesObjects(state)) out.set(o.key, o);
  for (const o of sourceObjects(state)) out.set(o.key, o);
  for (const m of state.inventory.mirrors ?? []) {
    const key = mirrorKey(m.home.node, m.home.iface);
    out.set(key, {
      kind: 'mirror',
      key,
      home: m.home,
      partnerIface: m.partnerIface,
      addresses: m.addresses,
      routes: m.routes,
    });
  }
  return out;
}
