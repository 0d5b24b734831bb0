// IP arithmetic for the rules and the planner, on top of ipaddr.js. Parsing is strict:
// IPv4 only in dotted four-part decimal, IPv6 without zone ids, prefixes in range.
import ipaddr from 'ipaddr.js';
import type { Family } from '../observe/model.js';

export interface ParsedCidr {
  family: Family;
  /** Canonical address text (lower-case, compressed IPv6). */
  address: string;
  prefix: number;
  /** Canonical "address/prefix". */
  cidr: string;
  /** Canonical network prefix "network/prefix". */
  network: string;
  parsed: ipaddr.IPv4 | ipaddr.IPv6;
}

export function parseIp(text: string): { family: Family; address: string; parsed: ipaddr.IPv4 | ipaddr.IPv6 } | null {
  if (typeof text !== 'string') return null;
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) {
    const parsed = ipaddr.IPv4.parse(text);
    return { family: 4, address: parsed.toString(), parsed };
  }
  if (!text.includes('%') && ipaddr.IPv6.isValid(text)) {
    const parsed = ipaddr.IPv6.parse(text);
    if (parsed.isIPv4MappedAddress()) return { family: 6, address: parsed.toString(), parsed };
    return { family: 6, address: parsed.toString(), parsed };
  }
  return null;
}

export function parseCidr(text: string): ParsedCidr | null {
  if (typeof text !== 'string') return null;
  const slash = text.indexOf('/');
  if (slash < 0 || slash !== text.lastIndexOf('/')) return null;
  const ip = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > (ip.family === 4 ? 32 : 128)) return null;
  const networkAddress =
    ip.family === 4
      ? ipaddr.IPv4.networkAddressFromCIDR(`${ip.address}/${prefix}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${ip.address}/${prefix}`);
  return {
    family: ip.family,
    address: ip.address,
    prefix,
    cidr: `${ip.address}/${prefix}`,
    network: `${networkAddress.toString()}/${prefix}`,
    parsed: ip.parsed,
  };
}

export function isValidCidr(text: string): boolean {
  return parseCidr(text) !== null;
}

export function isValidIp(text: string): boolean {
  return parseIp(text) !== null;
}

/** Canonical address/prefix text, or the input unchanged when it does not parse. */
export function canonicalCidr(text: string): string {
  return parseCidr(text)?.cidr ?? text;
}

export function canonicalIp(text: string): string {
  return parseIp(text)?.address ?? text;
}

/** IPv4 network and broadcast addresses of a CIDR (null for IPv6 or prefix >= 31). */
export function ipv4Edges(cidr: ParsedCidr): { network: string; broadcast: string } | null {
  if (cidr.family !== 4 || cidr.prefix >= 31) return null;
  return {
    network: ipaddr.IPv4.networkAddressFromCIDR(cidr.cidr).toString(),
    broadcast: ipaddr.IPv4.broadcastAddressFromCIDR(cidr.cidr).toString(),
  };
}

/** True when address `ip` lies inside the network of `cidr`. */
export function contains(cidr: ParsedCidr, ip: string): boolean {
  const parsed = parseIp(ip);
  if (!parsed || parsed.family !== cidr.family) return false;
  return (parsed.parsed as ipaddr.IPv4).match(cidr.parsed as ipaddr.IPv4, cidr.prefix);
}

/** True when prefix `inner` lies entirely inside prefix `outer`. */
export function prefixWithin(inner: ParsedCidr, outer: ParsedCidr): boolean {
  return inner.family === outer.family && inner.prefix >= outer.prefix && contains(outer, inner.address);
}

/** True when two prefixes share at least one address. */
export function prefixesOverlap(a: ParsedCidr, b: ParsedCidr): boolean {
  return prefixWithin(a, b) || prefixWithin(b, a);
}
