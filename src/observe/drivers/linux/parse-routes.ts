// Routes from `ip -N -j -4 route show table all` and the same with -6. Numeric output
// (-N) keeps table, protocol, scope and type independent of the node's
// /etc/iproute2 name files; the names are restored here from the kernel's fixed numbers.
//
// Kept: every unicast route of every table except the kernel's local table (255), plus
// blackhole, unreachable, prohibit and throw routes. Dropped: the local table (local,
// broadcast and anycast entries the kernel derives from addresses), multicast routes,
// IPv6 link-local prefix routes (fe80::/10) and cached clones. Kernel prefix routes of
// configured addresses (protocol kernel) are kept: they show which subnets are
// connected. Normalised: dst "default" or canonical CIDR (host routes get /32 or /128),
// table as a number (main = 254), metric as a number (IPv4 without one = 0), scope only
// when not global, protocol by name (boot when absent, the iproute2 convention).
import { canonicalIp, parseCidr } from '../../../model/ip.js';
import type { Family, ObservedRoute } from '../../model.js';
import { guard, jsonArray, Malformed, obj, optNum, optStr, strings, type JsonObject, type Parsed } from './parsed.js';

export const TABLE_MAIN = 254;
export const TABLE_LOCAL = 255;

/** rtnetlink route protocols (include/uapi/linux/rtnetlink.h). */
const PROTOCOLS: Record<string, string> = {
  0: 'unspec',
  1: 'redirect',
  2: 'kernel',
  3: 'boot',
  4: 'static',
  8: 'gated',
  9: 'ra',
  10: 'mrt',
  11: 'zebra',
  12: 'bird',
  13: 'dnrouted',
  14: 'xorp',
  15: 'ntk',
  16: 'dhcp',
  17: 'mrouted',
  18: 'keepalived',
  42: 'babel',
  99: 'openr',
  186: 'bgp',
  187: 'isis',
  188: 'ospf',
  189: 'rip',
  192: 'eigrp',
};
const SCOPES: Record<string, string> = { 0: 'global', 200: 'site', 253: 'link', 254: 'host', 255: 'nowhere' };
const TYPES: Record<string, string> = {
  1: 'unicast',
  2: 'local',
  3: 'broadcast',
  4: 'anycast',
  5: 'multicast',
  6: 'blackhole',
  7: 'unreachable',
  8: 'prohibit',
  9: 'throw',
  10: 'nat',
  11: 'xresolve',
};
const TABLES: Record<string, number> = { default: 253, main: TABLE_MAIN, local: TABLE_LOCAL };
const KEPT_TYPES = new Set(['unicast', 'blackhole', 'unreachable', 'prohibit', 'throw']);

const named = (map: Record<string, string>, value: string) => map[value] ?? value;

export function parseRoutes(text: string, family: Family): Parsed<ObservedRoute[]> {
  return guard(`ip -N -j -${family} route show table all`, () => {
    const out: ObservedRoute[] = [];
    for (const [i, o] of jsonArray(text).entries()) {
      const route = toRoute(o, family, i);
      if (route) out.push(route);
    }
    return out;
  });
}

function tableOf(o: JsonObject, where: string): number {
  const t = optStr(o, 'table') ?? (typeof o.table === 'number' ? String(o.table) : undefined);
  if (t === undefined) return TABLE_MAIN;
  if (/^\d+$/.test(t)) return Number(t);
  const known = TABLES[t];
  if (known === undefined) throw new Malformed(`${where}: table "${t}" is neither a number nor a well-known name`);
  return known;
}

/** The destination, and whether it is IPv6 link-local or multicast noise. */
function destination(dst: string, family: Family, where: string): { to: string; noise: boolean } {
  if (dst === 'default') return { to: 'default', noise: false };
  const withPrefix = dst.includes('/') ? dst : `${dst}/${family === 4 ? 32 : 128}`;
  const parsed = parseCidr(withPrefix);
  if (!parsed || parsed.family !== family)
    throw new Malformed(`${where}: destination "${dst}" is not an IPv${family} prefix`);
  if (parsed.prefix === 0) return { to: 'default', noise: false };
  const range = family === 6 ? parsed.parsed.range() : undefined;
  return { to: parsed.cidr, noise: range === 'linkLocal' || range === 'multicast' };
}

/** The gateway: `gateway` normally, or a `via` object for a route through the other family. */
function gatewayOf(o: JsonObject): string | undefined {
  const gw = optStr(o, 'gateway');
  if (gw) return canonicalIp(gw);
  const via = obj(o, 'via');
  const host = via ? optStr(via, 'host') : undefined;
  return host ? canonicalIp(host) : undefined;
}

function toRoute(o: JsonObject, family: Family, i: number): ObservedRoute | undefined {
  const where = `route ${i}`;
  const type = named(TYPES, optStr(o, 'type') ?? '1');
  if (!KEPT_TYPES.has(type)) return undefined;
  const table = tableOf(o, where);
  if (table === TABLE_LOCAL) return undefined;
  if (strings(o, 'flags').includes('cache')) return undefined;
  const dst = optStr(o, 'dst');
  if (!dst) throw new Malformed(`${where}: no destination`);
  const { to, noise } = destination(dst, family, where);
  if (noise) return undefined;
  const route: ObservedRoute = {
    to,
    family,
    protocol: named(PROTOCOLS, optStr(o, 'protocol') ?? '3'),
    table,
    metric: optNum(o, 'metric') ?? 0,
  };
  if (type !== 'unicast') route.type = type;
  const via = gatewayOf(o);
  if (via) route.via = via;
  const dev = optStr(o, 'dev');
  if (dev) route.device = dev;
  const scope = named(SCOPES, optStr(o, 'scope') ?? '0');
  if (scope !== 'global') route.scope = scope;
  const src = optStr(o, 'prefsrc');
  if (src) route.src = canonicalIp(src);
  if (strings(o, 'flags').includes('onlink')) route.onlink = true;
  if (Array.isArray(o.nexthops)) {
    route.nexthops = (o.nexthops as JsonObject[]).map((nh) => {
      const hop: { via?: string; device?: string; weight?: number } = {};
      const gw = gatewayOf(nh);
      if (gw) hop.via = gw;
      const d = optStr(nh, 'dev');
      if (d) hop.device = d;
      const weight = optNum(nh, 'weight');
      if (weight !== undefined) hop.weight = weight;
      return hop;
    });
  }
  return route;
}
