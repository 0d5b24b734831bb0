// Addresses from `ip -j addr show` (both families in one dump). Every address the kernel
// reports is kept, link-local and loopback ones included, with its scope: deciding which
// of them tandem manages is the diff's business, not the observer's.
import { canonicalIp, parseIp } from '../../../model/ip.js';
import type { ObservedAddress } from '../../model.js';
import { guard, jsonArray, Malformed, num, optStr, str, type JsonObject, type Parsed } from './parsed.js';

export function parseAddresses(text: string): Parsed<ObservedAddress[]> {
  return guard('ip -j addr show', () => {
    const out: ObservedAddress[] = [];
    for (const [i, link] of jsonArray(text).entries()) {
      const ifname = str(link, 'ifname', `link ${i}`);
      const infos = link.addr_info;
      if (infos === undefined) continue;
      if (!Array.isArray(infos)) throw new Malformed(`link ${ifname}: addr_info is not an array`);
      for (const info of infos as JsonObject[]) {
        const address = toAddress(ifname, info);
        if (address) out.push(address);
      }
    }
    return out;
  });
}

function toAddress(ifname: string, a: JsonObject): ObservedAddress | undefined {
  const familyText = optStr(a, 'family');
  // Other families (mpls, link-layer) carry no IP address tandem could manage.
  if (familyText !== 'inet' && familyText !== 'inet6') return undefined;
  const where = `address on ${ifname}`;
  const local = str(a, 'local', where);
  const prefix = num(a, 'prefixlen', where);
  // canonicalIp plus a range check is the canonical CIDR text without the network
  // computation of parseCidr, which dominated reading 10,000 addresses.
  const ip = parseIp(local);
  const family = familyText === 'inet' ? 4 : 6;
  if (!ip || ip.family !== family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) {
    throw new Malformed(`${where}: ${local}/${prefix} is not an IPv${family} address with prefix`);
  }
  const address: ObservedAddress = {
    interface: ifname,
    family,
    cidr: `${ip.address}/${prefix}`,
    secondary: a.secondary === true,
    tentative: a.tentative === true,
    dadfailed: a.dadfailed === true,
    scope: optStr(a, 'scope') ?? 'global',
  };
  const label = optStr(a, 'label');
  if (label && label !== ifname) address.label = label;
  const peer = optStr(a, 'address');
  if (peer && peer !== local) address.peer = canonicalIp(peer);
  return address;
}
