// Content digests: canonical JSON (object keys sorted) hashed with SHA-256, so equal
// content gives an equal digest whatever the key order it was built in.
import { createHash } from 'node:crypto';
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
 * Digest of a node's observed state, leaving out what changes on every observation
 * without the node changing: when it was observed, XFRM counters and policy indexes.
 */
export function observedDigest(state: ObservedNode): string {
  const { observedAt: _ignored, ...rest } = state;
  return digest({ ...rest, xfrmPolicies: rest.xfrmPolicies.map(({ stats: _s, index: _i, ...p }) => p) });
}
