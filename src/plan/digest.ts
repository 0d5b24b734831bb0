// Content digests: canonical JSON (object keys sorted) hashed with SHA-256, so equal
// content gives an equal digest whatever the key order it was built in.
import { createHash } from 'node:crypto';
import { comparable } from '../diff/objects.js';
import { observedObjects } from '../diff/observed-objects.js';
import type { ObservedNode } from '../observe/model.js';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

export function digest(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}

/**
 * Digest of a node's observed state as the planner sees it: the objects the diff
 * compares, the sysctls and the inventory. What changes without the node changing
 * (when it was observed, XFRM counters, an IPv6 address finishing DAD, link-local
 * addresses, operational state, SA byte counts and rekey timers) does not make a saved
 * plan stale.
 */
export function observedDigest(state: ObservedNode): string {
  const objects = [...observedObjects(state).values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // comparable() returns arrays in a fixed order, so plain JSON is canonical for them;
  // sysctls and the inventory come from the node and are canonicalised.
  const hash = createHash('sha256');
  for (const o of objects) hash.update(`${o.key}\t${JSON.stringify(comparable(o))}\n`);
  hash.update(canonicalJson({ node: state.node, sysctl: state.sysctl, inventory: state.inventory }));
  // charon: which connections are loaded and which SAs are up, not their counters or
  // timers (they change every second); nothing when no connection or SA is there.
  const ike = state.ike;
  if (ike && (ike.connections.length > 0 || ike.sas.length > 0))
    hash.update(
      canonicalJson({
        ikeLoaded: ike.connections.map((c) => c.name).sort(),
        ikeUp: ike.sas.map((s) => `${s.connection}:${s.state}`).sort(),
      }),
    );
  return `sha256:${hash.digest('hex')}`;
}
