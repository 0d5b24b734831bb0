// A wave that fails because an address it was deleting was already gone has met another
// writer: another tandem, the HA layer or a person moved the address while this apply
// ran. The executor then stops without putting that address back anywhere (it would make
// a second holder), rolls back the rest of the wave, re-observes where the address is now,
// and says so. These are the pure parts of that and the one re-observation.
import type { ObservedNode } from '../observe/model.js';
import { hostPart } from '../model/ip.js';
import { mapBounded } from '../bounded.js';
import type { NodeWaveOutcome } from './node-wave.js';
import { isAddressGone } from './return-checks.js';
import type { WritableNode } from './writable-node.js';

export interface GoneAddress {
  node: string;
  cidr: string;
}

/** The addresses a failed wave found already gone when it deleted them. */
export function goneAddresses(outcomes: readonly NodeWaveOutcome[]): GoneAddress[] {
  return outcomes.flatMap((o) => {
    const f = o.failed;
    return f?.op?.op === 'addr-del' && isAddressGone(f.error) ? [{ node: o.node, cidr: f.op.cidr }] : [];
  });
}

/** The checkpoint without an address someone else removed: the rollback must not bring it back. */
export function withoutAddress(state: ObservedNode, cidr: string): ObservedNode {
  return { ...state, addresses: state.addresses.filter((a) => a.cidr !== cidr) };
}

/** Where an address is now, observed afresh on every node given ("b-1", or "no node"). */
export async function holdersNow(
  cidr: string,
  nodes: readonly string[],
  writerOf: (node: string) => WritableNode,
  parallelism: number,
): Promise<string> {
  const ip = hostPart(cidr);
  const seen = await mapBounded(nodes, parallelism, async (node) => {
    const o = await writerOf(node).observe();
    if (!o.ok) return `${node}? (not observable: ${o.error.message})`;
    return o.state.addresses.some((a) => hostPart(a.cidr) === ip) ? node : undefined;
  });
  const on = seen.filter((x): x is string => x !== undefined);
  return on.length ? on.join(', ') : 'no node';
}
