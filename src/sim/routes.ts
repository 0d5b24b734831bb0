// Routes of the sim kernel: connected routes that follow addresses, `ip route replace`
// and `ip route del`, with the checks the kernel makes (device up, gateway on-link,
// preferred source local). Only unicast routes are modelled; the local table's
// local/broadcast entries are not (the observed model has no route type).
//
// Representation, matching `ip -j route` after normalisation:
// - `to` is "default" or a canonical network CIDR, host routes included ("203.0.113.5/32");
// - main table is 254; every route carries its metric (IPv4 0 by default, IPv6 256 for
//   connected routes and 1024 by default for added ones), as the linux driver reports;
// - connected routes: protocol "kernel"; IPv4 ones scope "link" with src = the primary;
// - routes added by route-replace: protocol "boot" (what `ip route` installs), IPv4
//   device routes scope "link", gateway routes no scope (global scope is left out).
import type { Family, ObservedRoute } from '../observe/model.js';
import type { KernelOp } from '../plan/ops.js';
import { contains, hostPart, parseCidr, parseIp, type ParsedCidr } from '../model/ip.js';

import type { Draft } from './draft.js';
import { errors, type KernelError } from './errors.js';

export const MAIN_TABLE = 254;
export const V6_CONNECTED_METRIC = 256;
export const V6_DEFAULT_METRIC = 1024;

const sortKeys = new WeakMap<ObservedRoute, string>();

/** Sort key reproducing `ip route` order: family, table, default first, prefix trie order, metric. */
function sortKey(r: ObservedRoute): string {
  let key = sortKeys.get(r);
  if (key === undefined) {
    const table = String(r.table === MAIN_TABLE ? 0 : r.table + 1).padStart(10, '0');
    let dst = '0';
    if (r.to !== 'default') {
      const p = parseCidr(r.to);
      if (p) {
        const bytes = p.parsed
          .toByteArray()
          .map((b) => b.toString(16).padStart(2, '0'))
          .join('');
        // Same network address: longer prefix first, as the fib trie lists them.
        dst = `1${bytes}${String(255 - p.prefix).padStart(3, '0')}`;
      } else {
        dst = `2${r.to}`;
      }
    }
    key = `${r.family}|${table}|${dst}|${String(r.metric ?? 0).padStart(10, '0')}`;
    sortKeys.set(r, key);
  }
  return key;
}

/** Inserts keeping `ip route` order; equal keys keep insertion order. */
export function insertRoute(d: Draft, route: ObservedRoute): void {
  const routes = d.writableRoutes();
  const key = sortKey(route);
  let lo = 0;
  let hi = routes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sortKey(routes[mid]) <= key) lo = mid + 1;
    else hi = mid;
  }
  routes.splice(lo, 0, route);
}

/** Normalises a route destination: "default", or the canonical network of a CIDR or bare address. */
export function parseDestination(
  to: string,
): { to: string; family?: Family; network?: ParsedCidr } | { error: KernelError } {
  if (to === 'default') return { to };
  const cidr = parseCidr(to.includes('/') ? to : `${to}/${parseIp(to)?.family === 6 ? 128 : 32}`);
  if (!cidr) return { error: errors.badPrefix(to) };
  if (cidr.prefix === 0) return { to: 'default', family: cidr.family };
  // IPv4 refuses host bits in a route prefix; IPv6 masks them silently.
  if (cidr.family === 4 && cidr.network !== cidr.cidr)
    return { error: { code: 'EINVAL', message: 'Error: Invalid prefix for given prefix length.' } };
  return { to: cidr.network, family: cidr.family, network: parseCidr(cidr.network)! };
}

const effectiveMetric = (family: Family, metric: number | undefined, fallback: number) =>
  family === 4 ? (metric ?? 0) : (metric ?? fallback);

export function connectedV4(iface: string, network: string, src: string): ObservedRoute {
  return {
    to: network,
    family: 4,
    device: iface,
    protocol: 'kernel',
    table: MAIN_TABLE,
    metric: 0,
    scope: 'link',
    src,
  };
}

export function connectedV6(iface: string, network: string): ObservedRoute {
  return { to: network, family: 6, device: iface, protocol: 'kernel', table: MAIN_TABLE, metric: V6_CONNECTED_METRIC };
}

const isConnected = (r: ObservedRoute, family: Family, iface: string, network: string) =>
  r.protocol === 'kernel' && r.family === family && r.device === iface && r.to === network && r.table === MAIN_TABLE;

export function addConnectedRoute(d: Draft, route: ObservedRoute): void {
  if (d.routes.some((r) => isConnected(r, route.family, route.device!, route.to) && r.src === route.src)) return;
  insertRoute(d, route);
}

export function removeConnectedRoute(d: Draft, family: Family, iface: string, network: string): void {
  d.removeRoutes((r) => isConnected(r, family, iface, network));
}

/** The longest-prefix scope-link IPv4 route covering `ip` in `table`, as fib_check_nh_v4_gw looks it up. */
function onLinkRoute(d: Draft, ip: string, table: number): ObservedRoute | undefined {
  let best: ObservedRoute | undefined;
  let bestPrefix = -1;
  for (const r of d.routes) {
    if (r.family !== 4 || r.table !== table || r.scope !== 'link' || r.to === 'default') continue;
    const net = parseCidr(r.to);
    if (net && net.prefix > bestPrefix && contains(net, ip)) {
      best = r;
      bestPrefix = net.prefix;
    }
  }
  return best;
}

function v6GatewayReachable(d: Draft, gw: string, dev: string, table: number): boolean {
  for (const r of d.routes) {
    if (r.family !== 6 || r.device !== dev || r.via || r.to === 'default') continue;
    if (r.table !== table && r.table !== MAIN_TABLE) continue;
    const net = parseCidr(r.to);
    if (net && contains(net, gw)) return true;
  }
  return false;
}

/** A local address usable as a preferred source: configured on an up link (and past DAD for IPv6). */
function isLocalSource(d: Draft, family: Family, ip: string): boolean {
  for (const a of d.allAddresses()) {
    if (a.family !== family || hostPart(a.cidr) !== ip) continue;
    if (!d.link(a.interface)?.adminUp) continue;
    if (family === 6 && (a.tentative || a.dadfailed)) continue;
    return true;
  }
  return false;
}

const isLinkLocal6 = (ip: string) => {
  const p = parseIp(ip);
  return p?.family === 6 && p.parsed.range() === 'linkLocal';
};

export function routeReplace(d: Draft, op: Extract<KernelOp, { op: 'route-replace' }>): KernelError | undefined {
  const link = d.link(op.dev);
  if (!link) return errors.noDevice(op.dev);
  const dst = parseDestination(op.to);
  if ('error' in dst) return dst.error;
  const via = op.via === undefined ? undefined : parseIp(op.via);
  if (op.via !== undefined && !via) return errors.badAddress(op.via);
  const src = op.src === undefined ? undefined : parseIp(op.src);
  if (op.src !== undefined && !src) return errors.badAddress(op.src);
  const family: Family = dst.family ?? via?.family ?? src?.family ?? 4;
  if (via && via.family !== family) return errors.badAddress(op.via!);
  const table = op.table ?? MAIN_TABLE;

  if (via && family === 4) {
    const nh =
      onLinkRoute(d, via.address, table) ??
      (table !== MAIN_TABLE ? onLinkRoute(d, via.address, MAIN_TABLE) : undefined);
    if (!nh || nh.device !== op.dev) return errors.invalidGateway();
  }
  if (via && family === 6 && !isLinkLocal6(via.address) && !v6GatewayReachable(d, via.address, op.dev, table)) {
    return errors.noRouteToGateway();
  }
  if (!link.adminUp) return errors.nexthopDown(family);
  if (src && (src.family !== family || !isLocalSource(d, family, src.address))) return errors.invalidPrefsrc(family);

  const metric = effectiveMetric(family, op.metric, V6_DEFAULT_METRIC);
  const route: ObservedRoute = {
    to: dst.to,
    family,
    ...(via ? { via: via.address } : {}),
    device: op.dev,
    protocol: 'boot',
    table,
    metric,
  };
  if (family === 4 && !via) route.scope = 'link';
  if (src) route.src = src.address;

  // Replace matches on (table, destination, metric) whatever the device, as the kernel does.
  const routes = d.routes;
  const i = routes.findIndex(
    (r) =>
      r.family === family &&
      r.table === table &&
      r.to === dst.to &&
      effectiveMetric(family, r.metric, V6_DEFAULT_METRIC) === metric,
  );
  if (i >= 0) {
    if (sameRoute(routes[i], route)) return undefined;
    d.writableRoutes()[i] = route;
  } else {
    insertRoute(d, route);
  }
  return undefined;
}

/**
 * `ip route replace NET dev IF proto kernel scope link src S`: the connected route of an
 * IPv4 subnet with another preferred source (sourceAddress). Replace matches (table,
 * destination, metric 0) as above; the route stays the kernel's (proto kernel), so
 * removing the primary still removes it, and removing S deletes it (fib_sync_down_addr).
 */
export function routeSource(d: Draft, op: Extract<KernelOp, { op: 'route-src' }>): KernelError | undefined {
  const link = d.link(op.iface);
  if (!link) return errors.noDevice(op.iface);
  const dst = parseDestination(op.to);
  if ('error' in dst) return dst.error;
  const src = parseIp(op.src);
  if (!src) return errors.badAddress(op.src);
  if (dst.family !== 4 || src.family !== 4) return errors.invalidPrefsrc(src.family);
  if (!link.adminUp) return errors.nexthopDown(4);
  if (!isLocalSource(d, 4, src.address)) return errors.invalidPrefsrc(4);
  const route = connectedV4(op.iface, dst.to, src.address);
  const i = d.routes.findIndex(
    (r) => r.family === 4 && r.table === MAIN_TABLE && r.to === dst.to && (r.metric ?? 0) === 0,
  );
  if (i < 0) insertRoute(d, route);
  else if (!sameRoute(d.routes[i], route)) d.writableRoutes()[i] = route;
  return undefined;
}

function sameRoute(a: ObservedRoute, b: ObservedRoute): boolean {
  return (
    a.to === b.to &&
    a.family === b.family &&
    a.via === b.via &&
    a.device === b.device &&
    a.protocol === b.protocol &&
    a.table === b.table &&
    a.metric === b.metric &&
    a.scope === b.scope &&
    a.src === b.src
  );
}

export function routeDel(d: Draft, op: Extract<KernelOp, { op: 'route-del' }>): KernelError | undefined {
  if (!d.link(op.dev)) return errors.noDevice(op.dev);
  const dst = parseDestination(op.to);
  if ('error' in dst) return dst.error;
  const via = op.via === undefined ? undefined : parseIp(op.via);
  if (op.via !== undefined && !via) return errors.badAddress(op.via);
  const family: Family = dst.family ?? via?.family ?? 4;
  const table = op.table ?? MAIN_TABLE;
  // Unset fields match anything, as in fib_table_delete / ip6_route_del.
  const i = d.routes.findIndex(
    (r) =>
      r.family === family &&
      r.table === table &&
      r.to === dst.to &&
      r.device === op.dev &&
      (!via || r.via === via.address) &&
      (op.metric === undefined ||
        op.metric === 0 ||
        effectiveMetric(family, r.metric, V6_DEFAULT_METRIC) === op.metric),
  );
  if (i < 0) return errors.noSuchRoute();
  d.writableRoutes().splice(i, 1);
  return undefined;
}
