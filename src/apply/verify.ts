// Verification after a wave: the node is observed again and compared with what the wave
// should have produced, which is the sim kernel's applyOps over the state observed before
// the wave (the checkpoint). Both sides go through the diff's projection
// (observedObjects) and equality (sameObject), so what the diff ignores is ignored here
// too: tentative flags of IPv6 addresses, link-local addresses, connected and other
// kernel routes, operational state, counters. Failover mirrors live in the inventory,
// which apply writes after verification, so they are not compared.
import { describeObject, sameObject, type NodeObject } from '../diff/objects.js';
import { observedObjects } from '../diff/observed-objects.js';
import type { ObservedNode } from '../observe/model.js';
import type { KernelOp } from '../plan/ops.js';
import { applyOps } from '../sim/kernel.js';

export interface Mismatch {
  key: string;
  expected?: string;
  observed?: string;
}

/** The node's objects without the failover mirrors (those live in the inventory, not the kernel). */
export function kernelObjects(state: ObservedNode): ReadonlyMap<string, NodeObject> {
  // observedObjects' map is shared (memoised per state): copied only when there is a mirror to leave out.
  const objects = observedObjects(state);
  for (const o of objects.values())
    if (o.kind === 'mirror') return new Map([...objects].filter(([, x]) => x.kind !== 'mirror'));
  return objects;
}

/** Objects present on one side only or different on both, sorted by key. */
export function compareStates(expected: ObservedNode, observed: ObservedNode): Mismatch[] {
  const want = kernelObjects(expected);
  const have = kernelObjects(observed);
  const out: Mismatch[] = [];
  // One pass over each side; only the mismatches are sorted (a 10,000-address node's
  // verification sorted 20,000 keys to find none).
  for (const [key, w] of want) {
    const h = have.get(key);
    if (h && sameObject(w, h)) continue;
    out.push({ key, expected: describeObject(w), ...(h ? { observed: describeObject(h) } : {}) });
  }
  for (const [key, h] of have) if (!want.has(key)) out.push({ key, observed: describeObject(h) });
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export type Verification = { ok: true } | { ok: false; mismatches: Mismatch[]; message: string };

export function describeMismatch(m: Mismatch): string {
  if (m.expected && m.observed) return `${m.key}: expected ${m.expected}, found ${m.observed}`;
  if (m.expected) return `${m.key}: expected ${m.expected}, missing`;
  return `${m.key}: unexpected ${m.observed}`;
}

/** Whether `observed` is what `ops` make of `checkpoint`. */
export function verifyWave(checkpoint: ObservedNode, ops: readonly KernelOp[], observed: ObservedNode): Verification {
  const expected = applyOps(checkpoint, ops);
  if (!expected.ok) {
    return {
      ok: false,
      mismatches: [],
      message:
        `the kernel model rejects op ${expected.index + 1} (${expected.error.message}) ` +
        'although the node accepted it: the result cannot be verified',
    };
  }
  const mismatches = compareStates(expected.state, observed);
  if (mismatches.length === 0) return { ok: true };
  const shown = mismatches.slice(0, 5).map(describeMismatch);
  const more = mismatches.length > shown.length ? `; and ${mismatches.length - shown.length} more` : '';
  return {
    ok: false,
    mismatches,
    message: `the node is not as the wave should have left it: ${shown.join('; ')}${more}`,
  };
}
