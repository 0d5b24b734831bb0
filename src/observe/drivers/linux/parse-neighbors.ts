// Permanent neighbour entries from `ip -j neigh show nud permanent` (ARP and NDP in one
// dump). Entries without a link-layer address (noarp placeholders) are not static
// ARP/NDP entries and are skipped.
import { canonicalIp, parseIp } from '../../../model/ip.js';
import type { ObservedNeighbor } from '../../model.js';
import { guard, jsonArray, Malformed, optStr, str, type Parsed } from './parsed.js';

export function parseNeighbors(text: string): Parsed<ObservedNeighbor[]> {
  return guard('ip -j neigh show nud permanent', () => {
    const out: ObservedNeighbor[] = [];
    for (const [i, o] of jsonArray(text).entries()) {
      const where = `neighbour ${i}`;
      const dst = str(o, 'dst', where);
      const ip = parseIp(dst);
      if (!ip) throw new Malformed(`${where}: "${dst}" is not an IP address`);
      const lladdr = optStr(o, 'lladdr');
      const dev = optStr(o, 'dev');
      if (!lladdr || !dev) continue;
      out.push({ interface: dev, address: canonicalIp(dst), lladdr: lladdr.toLowerCase(), family: ip.family });
    }
    return out;
  });
}
