// Content digests: canonical JSON (object keys sorted) hashed with SHA-256, so equal
// content gives an equal digest whatever the key order it was built in.
import { createHash } from 'node:crypto';

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

/** Digest of a node's observed state, ignoring when it was observed. */
export function observedDigest(state: { observedAt?: string }): string {
  const { observedAt: _ignored, ...rest } = state;
  return digest(rest);
}
