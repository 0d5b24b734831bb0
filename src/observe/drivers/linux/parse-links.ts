// Links from `ip -j -d link show`. The kind is the rtnl link kind (linkinfo.info_kind):
// a device without one is "physical", except the loopback device, which is "loopback"
// so it lines up with the desired interface type of the same name.
import { canonicalIp } from '../../../model/ip.js';
import type { ObservedLink } from '../../model.js';
import { guard, jsonArray, Malformed, num, obj, optNum, optStr, str, strings, type Parsed } from './parsed.js';

/** Link kinds whose endpoints are reported as a tunnel. */
const TUNNEL_KINDS = new Set([
  'ipip',
  'sit',
  'gre',
  'gretap',
  'ip6tnl',
  'ip6gre',
  'ip6gretap',
  'vti',
  'vti6',
  'vxlan',
  'geneve',
]);
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

export function parseLinks(text: string): Parsed<ObservedLink[]> {
  return guard('ip -j -d link show', () => jsonArray(text).map(toLink));
}

function toLink(o: Record<string, unknown>, i: number): ObservedLink {
  const name = str(o, 'ifname', `link ${i}`);
  const where = `link ${name}`;
  const flags = strings(o, 'flags');
  const info = obj(o, 'linkinfo');
  const infoKind = info ? optStr(info, 'info_kind') : undefined;
  const linkType = optStr(o, 'link_type');
  const link: ObservedLink = {
    name,
    kind: infoKind ?? (linkType === 'loopback' ? 'loopback' : 'physical'),
    adminUp: flags.includes('UP'),
    operState: optStr(o, 'operstate') ?? 'UNKNOWN',
    mtu: num(o, 'mtu', where),
  };
  const mac = optStr(o, 'address');
  if (mac && MAC.test(mac) && linkType !== 'loopback') link.mac = mac.toLowerCase();
  const master = optStr(o, 'master');
  if (master) link.master = master;
  const data = info ? obj(info, 'info_data') : undefined;
  if (infoKind === 'bond') {
    const mode = data ? optStr(data, 'mode') : undefined;
    if (!mode) throw new Malformed(`${where}: bond without a mode`);
    link.bond = { mode };
  }
  if (infoKind && TUNNEL_KINDS.has(infoKind)) link.tunnel = tunnelOf(infoKind, data ?? {});
  return link;
}

function endpoint(value: string | undefined): string | undefined {
  if (!value || value === 'any') return undefined;
  return canonicalIp(value);
}

function tunnelOf(kind: string, data: Record<string, unknown>): NonNullable<ObservedLink['tunnel']> {
  const tunnel: NonNullable<ObservedLink['tunnel']> = {
    mode: kind === 'ip6tnl' ? (optStr(data, 'proto') ?? kind) : kind,
  };
  const local = endpoint(optStr(data, 'local'));
  const remote = endpoint(optStr(data, 'remote') ?? optStr(data, 'group'));
  if (local) tunnel.local = local;
  if (remote) tunnel.remote = remote;
  // ttl 0 means "inherit from the inner packet": no fixed ttl.
  const ttl = optNum(data, 'ttl');
  if (ttl !== undefined && ttl > 0) tunnel.ttl = ttl;
  return tunnel;
}
