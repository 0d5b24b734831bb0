// Addresses of the sim kernel, as Linux treats them (checked against 6.18):
// - identity: IPv4 (interface, address, prefix) — the same address with another prefix
//   is a different address; IPv6 (interface, address) whatever the prefix;
// - IPv4 primary/secondary: an address is secondary when the interface already has a
//   primary with the same prefix length and network; secondaries list after primaries;
// - deleting a primary deletes the secondaries of its subnet, unless
//   net.ipv4.conf.{all,<iface>}.promote_secondaries is 1: then the first secondary is
//   promoted (moved after the last primary) and the connected route takes it as source;
// - routes with a deleted address as preferred source go with it; deleting the last
//   IPv4 address of an interface flushes every IPv4 route through it;
// - labels (IPv4 only; IPv6 ignores them): at most 15 bytes and, as iproute2 before
//   5.x insisted, starting with the interface name. Newer kernels accept any label;
//   the sim keeps the stricter rule so a plan that passes it passes everywhere.
// - loopback addresses get their prefix route in the local table (type local), which
//   the model does not hold: no connected route for them;
// - IPv6 DAD: the sim completes DAD at once (no tentative state) on an up link, unless
//   the context says another node of the segment holds the address: then the address
//   stays `tentative` + `dadfailed`, as the kernel leaves it. On a down link an IPv6
//   address waits, tentative and without its connected route, for the link to come up.
import type { Family, ObservedAddress } from '../observe/model.js';
import type { KernelOp } from '../plan/ops.js';
import { hostPart, parseCidr, parseIp, type ParsedCidr } from '../model/ip.js';

import { firstSecondary, type Draft } from './draft.js';
import { errors, type KernelError } from './errors.js';
import { addConnectedRoute, connectedV4, connectedV6, removeConnectedRoute } from './routes.js';

/** What the kernel of one node cannot know alone: the other nodes on its segments. */
export interface KernelContext {
  /** True when another node of `iface`'s segment answers for `address` (fails IPv6 DAD). */
  addressInUseElsewhere?(iface: string, address: string): boolean;
}

export function parsedOf(a: ObservedAddress): ParsedCidr | null {
  return parseCidr(a.cidr);
}

export const ipOf = (a: ObservedAddress): string => hostPart(a.cidr);

const sameSubnet = (a: ObservedAddress, c: ParsedCidr): boolean => {
  const p = parsedOf(a);
  return !!p && p.prefix === c.prefix && p.network === c.network;
};

/** net.ipv{4,6}.conf.{all,<iface>}.<name> is set to a positive value. */
export function confFlag(d: Draft, family: Family, iface: string, name: string): boolean {
  const on = (key: string) => Number(d.sysctl[key] ?? '0') > 0;
  const v = family === 4 ? 'ipv4' : 'ipv6';
  return on(`net.${v}.conf.all.${name}`) || on(`net.${v}.conf.${iface}.${name}`);
}

function scopeOf(c: ParsedCidr): string {
  const range = c.parsed.range();
  if (range === 'loopback') return 'host';
  if (c.family === 6 && range === 'linkLocal') return 'link';
  return 'global';
}

/** Whether addresses of this link get a connected route in the main table now. */
function routesNow(d: Draft, iface: string): boolean {
  const link = d.link(iface);
  return !!link && link.adminUp && link.kind !== 'loopback';
}

export function parseAddressArg(text: string): ParsedCidr | null {
  return parseCidr(text.includes('/') ? text : `${text}/${parseIp(text)?.family === 6 ? 128 : 32}`);
}

/** Outcome of IPv6 duplicate address detection for an address about to be usable. */
function runDad(
  d: Draft,
  iface: string,
  address: string,
  ctx: KernelContext,
): { tentative: boolean; dadfailed: boolean } {
  if (d.link(iface)?.kind === 'loopback') return { tentative: false, dadfailed: false };
  const dup = ctx.addressInUseElsewhere?.(iface, address) ?? false;
  return { tentative: dup, dadfailed: dup };
}

export function addrAdd(
  d: Draft,
  op: Extract<KernelOp, { op: 'addr-add' }>,
  ctx: KernelContext,
): KernelError | undefined {
  const link = d.link(op.iface);
  if (!link) return errors.noDevice(op.iface);
  const c = parseAddressArg(op.cidr);
  if (!c) return errors.badPrefix(op.cidr);
  const current = d.addressesOf(op.iface);

  if (c.family === 4) {
    if (op.label !== undefined) {
      if (Buffer.byteLength(op.label) > 15) return errors.policyValidation();
      if (!op.label.startsWith(op.iface)) return errors.labelMismatch(op.iface, op.label);
    }
    if (d.hasAddress(op.iface, 4, c.cidr)) return errors.addrExists(4);
    const secondary = current.v4.some((a) => !a.secondary && sameSubnet(a, c));
    const addr: ObservedAddress = {
      interface: op.iface,
      family: 4,
      cidr: c.cidr,
      secondary,
      tentative: false,
      dadfailed: false,
      scope: scopeOf(c),
    };
    if (op.label !== undefined && op.label !== op.iface) addr.label = op.label;
    d.addAddress(op.iface, addr, secondary ? 'end' : 'before-secondaries');
    if (!secondary && c.prefix < 32 && routesNow(d, op.iface))
      addConnectedRoute(d, connectedV4(op.iface, c.network, c.address));
    return undefined;
  }

  if (d.hasAddress(op.iface, 6, c.address)) return errors.addrExists(6);
  const dad = link.adminUp ? runDad(d, op.iface, c.address, ctx) : { tentative: true, dadfailed: false };
  const addr: ObservedAddress = {
    interface: op.iface,
    family: 6,
    cidr: c.cidr,
    secondary: false,
    ...dad,
    scope: scopeOf(c),
  };
  d.addAddress(op.iface, addr, 'start');
  if (c.prefix < 128 && routesNow(d, op.iface)) addConnectedRoute(d, connectedV6(op.iface, c.network));
  return undefined;
}

export function addrDel(d: Draft, op: Extract<KernelOp, { op: 'addr-del' }>): KernelError | undefined {
  if (!d.link(op.iface)) return errors.noDevice(op.iface);
  const c = parseAddressArg(op.cidr);
  if (!c) return errors.badPrefix(op.cidr);
  const current = d.addressesOf(op.iface);

  if (c.family === 6) {
    const i = current.v6.findIndex((a) => a.cidr === c.cidr);
    if (i < 0) return errors.addrNotFound(6);
    const list = d.writableAddressesOf(op.iface).v6;
    list.splice(i, 1);
    if (!list.some((a) => sameSubnet(a, c))) removeConnectedRoute(d, 6, op.iface, c.network);
    forgetSource(d, 6, c.address);
    return undefined;
  }

  const i = current.v4.findIndex((a) => a.cidr === c.cidr);
  if (i < 0) return errors.addrNotFound(4);
  const victim = current.v4[i];
  const list = d.writableAddressesOf(op.iface).v4;
  list.splice(i, 1);
  const gone: ObservedAddress[] = [victim];
  if (!victim.secondary) {
    removeConnectedRoute(d, 4, op.iface, c.network);
    const promote = confFlag(d, 4, op.iface, 'promote_secondaries');
    let promoted: ObservedAddress | undefined;
    for (let j = 0; j < list.length;) {
      const a = list[j];
      if (!a.secondary || !sameSubnet(a, c) || promoted) {
        j++;
        continue;
      }
      list.splice(j, 1);
      if (promote) promoted = { ...a, secondary: false };
      else gone.push(a);
    }
    if (promoted) {
      list.splice(firstSecondary(list), 0, promoted);
      if (c.prefix < 32 && routesNow(d, op.iface))
        addConnectedRoute(d, connectedV4(op.iface, c.network, ipOf(promoted)));
    }
  }
  for (const a of gone) forgetSource(d, 4, ipOf(a));
  if (list.length === 0) d.removeRoutes((r) => r.family === 4 && r.device === op.iface);
  return undefined;
}

/**
 * Routes preferring a source address that no interface holds any more: IPv4 deletes
 * them (fib_sync_down_addr), IPv6 only clears the preferred source (rt6_remove_prefsrc).
 */
function forgetSource(d: Draft, family: Family, ip: string): void {
  // Routes are few and rarely carry a source: look there before scanning every address.
  if (!d.routes.some((r) => r.family === family && r.src === ip)) return;
  for (const a of d.allAddresses()) if (a.family === family && ipOf(a) === ip) return;
  if (family === 4) {
    d.removeRoutes((r) => r.family === 4 && r.src === ip);
    return;
  }
  const routes = d.writableRoutes();
  for (let j = 0; j < routes.length; j++) {
    if (routes[j].family === 6 && routes[j].src === ip) {
      const { src: _dropped, ...rest } = routes[j];
      routes[j] = rest;
    }
  }
}

/** Link came up: IPv4 connected routes return, pending IPv6 addresses run DAD and get theirs. */
export function linkUpAddresses(d: Draft, iface: string, ctx: KernelContext): void {
  const routes = routesNow(d, iface);
  const current = d.addressesOf(iface);
  for (const a of current.v4) {
    const p = parsedOf(a);
    if (routes && p && !a.secondary && p.prefix < 32) addConnectedRoute(d, connectedV4(iface, p.network, p.address));
  }
  if (current.v6.length === 0) return;
  if (current.v6.some((a) => a.tentative)) {
    const list = d.writableAddressesOf(iface).v6;
    for (let j = 0; j < list.length; j++) {
      if (list[j].tentative) list[j] = { ...list[j], ...runDad(d, iface, ipOf(list[j]), ctx) };
    }
  }
  if (!routes) return;
  for (const a of d.addressesOf(iface).v6) {
    const p = parsedOf(a);
    if (p && p.prefix < 128) addConnectedRoute(d, connectedV6(iface, p.network));
  }
}

/** Link went down: IPv6 addresses are dropped unless keep_addr_on_down, then they wait for DAD again. */
export function linkDownAddresses(d: Draft, iface: string): void {
  const current = d.addressesOf(iface);
  if (current.v6.length === 0) return;
  const list = d.writableAddressesOf(iface).v6;
  if (confFlag(d, 6, iface, 'keep_addr_on_down')) {
    for (let j = 0; j < list.length; j++) if (!list[j].tentative) list[j] = { ...list[j], tentative: true };
  } else {
    list.length = 0;
  }
}

/** IPv6 is switched off on a link whose MTU drops under 1280: its addresses and routes go. */
export function disableIpv6(d: Draft, iface: string): void {
  if (d.addressesOf(iface).v6.length > 0) d.writableAddressesOf(iface).v6.length = 0;
  d.removeRoutes((r) => r.family === 6 && r.device === iface);
}
