// What a batch changed among a node's addresses, found by comparing the states before
// and after it by identity. The kernel model never modifies an address object: an op
// that changes one puts a new object in its place (draft.ts), and an untouched one is
// carried over as the same object. So an object found in both states is unchanged.
// The planner walks thousands of batches over one node; comparing references from both
// ends leaves only the stretch a batch changed to look at, where a set of the whole node
// per batch made planning quadratic in the node's size; between two states a Draft made,
// only the interfaces whose lists differ are compared.
import type { ObservedAddress, ObservedNode } from '../observe/model.js';
import { addressTableOf } from './draft.js';

export interface AddressChanges {
  /** Address objects of `before` that `after` no longer has, in `before`'s order. */
  removed: ObservedAddress[];
  /** Address objects of `after` that `before` did not have, in `after`'s order. */
  added: ObservedAddress[];
}

export function addressChanges(before: ObservedNode, after: ObservedNode): AddressChanges {
  if (before === after) return { removed: [], added: [] };
  // States a Draft made share their untouched interfaces' lists: compare only the
  // others, without listing either state's addresses.
  const tb = addressTableOf(before);
  const ta = addressTableOf(after);
  if (tb && ta) {
    const out: AddressChanges = { removed: [], added: [] };
    if (tb === ta) return out;
    for (const [iface, eb] of tb) {
      const ea = ta.get(iface);
      if (ea === eb) continue;
      for (const a of listChanges(eb.v4, ea?.v4 ?? []).removed) out.removed.push(a);
      for (const a of listChanges(eb.v6, ea?.v6 ?? []).removed) out.removed.push(a);
    }
    for (const [iface, ea] of ta) {
      const eb = tb.get(iface);
      if (ea === eb) continue;
      for (const a of listChanges(eb?.v4 ?? [], ea.v4).added) out.added.push(a);
      for (const a of listChanges(eb?.v6 ?? [], ea.v6).added) out.added.push(a);
    }
    return out;
  }
  return listChanges(before.addresses, after.addresses);
}

function listChanges(b: readonly ObservedAddress[], a: readonly ObservedAddress[]): AddressChanges {
  if (a === b) return { removed: [], added: [] };
  const shorter = Math.min(a.length, b.length);
  let head = 0;
  while (head < shorter && a[head] === b[head]) head++;
  let endB = b.length;
  let endA = a.length;
  while (endB > head && endA > head && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  // An object appears once in a state, so one matched at the same place from either
  // end cannot also be in the other state's middle: only the middles differ.
  const midB = b.slice(head, endB);
  const midA = a.slice(head, endA);
  if (midB.length === 0 || midA.length === 0) return { removed: midB, added: midA };
  const inA = new Set(midA);
  const inB = new Set(midB);
  return { removed: midB.filter((x) => !inA.has(x)), added: midA.filter((x) => !inB.has(x)) };
}
