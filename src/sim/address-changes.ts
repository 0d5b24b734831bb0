// What a batch changed among a node's addresses, found by comparing the states before
// and after it by identity. The kernel model never modifies an address object: an op
// that changes one puts a new object in its place (draft.ts), and an untouched one is
// carried over as the same object. So an object found in both states is unchanged.
// The planner walks thousands of batches over one node; comparing references from both
// ends leaves only the stretch a batch changed to look at, where a set of the whole node
// per batch made planning quadratic in the node's size.
import type { ObservedAddress, ObservedNode } from '../observe/model.js';

export interface AddressChanges {
  /** Address objects of `before` that `after` no longer has, in `before`'s order. */
  removed: ObservedAddress[];
  /** Address objects of `after` that `before` did not have, in `after`'s order. */
  added: ObservedAddress[];
}

export function addressChanges(before: ObservedNode, after: ObservedNode): AddressChanges {
  const b = before.addresses;
  const a = after.addresses;
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
