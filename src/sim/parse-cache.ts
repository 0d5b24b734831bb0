// Memoised CIDR parsing for the sim kernel. The planner's safety gate applies tens of
// thousands of ops over a fleet that names the same few thousand prefixes again and
// again; parsing each once keeps a simulated step in the microseconds. Parsed values
// are never modified, so sharing them is safe. The cache is bounded so a long-running
// reconcile loop cannot grow it without limit.
import { parseCidr, type ParsedCidr } from '../model/ip.js';

const MAX_ENTRIES = 200_000;
const cache = new Map<string, ParsedCidr | null>();

export function cachedCidr(text: string): ParsedCidr | null {
  let p = cache.get(text);
  if (p === undefined) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    p = parseCidr(text);
    cache.set(text, p);
  }
  return p;
}
