// Content digests: canonical JSON (object keys sorted) hashed with SHA-256, so equal
// content gives an equal digest whatever the key order it was built in.
import { createHash } from 'node:crypto';
import type { ObservedNode } from '../observe/model.js';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
    }
    return v;
  });
}

export function digest(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}

/**
 * Digest of a node's observed state, leaving out what changes on every observation
 * without the node changing: when it was observed, XFRM counters and policy indexes.
 */
export function observedDigest(state: ObservedNode): string {
  const { observedAt: _ignored, ...rest } = state;
  return digest({ ...rest, xfrmPolicies: rest.xfrmPolicies.map(({ stats: _s, index: _i, ...p }) => p) });
}
