// The JSON gateway's encoding: keys and values in base64, int64 as decimal strings, enum
// names as strings. Pure functions; client.ts does the requests.

export interface KeyValue {
  /** utf-8 (base64 is handled here). */
  key: string;
  value: string;
  createRevision: number;
  modRevision: number;
  version: number;
  /** Lease id as a decimal string; absent when the key has no lease. */
  lease?: string;
}

export type Compare =
  | { key: string; target: 'CREATE'; result: 'EQUAL' | 'GREATER' | 'LESS' | 'NOT_EQUAL'; createRevision: number }
  | { key: string; target: 'MOD'; result: 'EQUAL' | 'GREATER' | 'LESS' | 'NOT_EQUAL'; modRevision: number }
  | { key: string; target: 'VALUE'; result: 'EQUAL' | 'NOT_EQUAL'; value: string }
  | { key: string; target: 'LEASE'; result: 'EQUAL' | 'NOT_EQUAL'; lease: string };

export type Op =
  | { put: { key: string; value: string; lease?: string } }
  | { get: { key: string; prefix?: boolean } }
  | { delete: { key: string; prefix?: boolean } };

export interface RawKv {
  key?: string;
  value?: string;
  create_revision?: string;
  mod_revision?: string;
  version?: string;
  lease?: string;
}

export const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const unb64 = (s: string | undefined): string => (s ? Buffer.from(s, 'base64').toString('utf8') : '');

/** The range end that makes a range request cover every key starting with `prefix`. */
export function prefixEnd(prefix: string): string {
  const bytes = Buffer.from(prefix, 'utf8');
  for (let i = bytes.length - 1; i >= 0; i--) {
    if (bytes[i] < 0xff) {
      const end = Buffer.from(bytes.subarray(0, i + 1));
      end[i] += 1;
      return end.toString('base64');
    }
  }
  // Only 0xff bytes (or empty): every key from here on, etcd's "\0" range end.
  return Buffer.from([0]).toString('base64');
}

export function decodeKv(raw: RawKv): KeyValue {
  return {
    key: unb64(raw.key),
    value: unb64(raw.value),
    createRevision: Number(raw.create_revision ?? 0),
    modRevision: Number(raw.mod_revision ?? 0),
    version: Number(raw.version ?? 0),
    ...(raw.lease && raw.lease !== '0' ? { lease: raw.lease } : {}),
  };
}

export function encodeCompare(c: Compare): Record<string, string> {
  const base = { key: b64(c.key), target: c.target, result: c.result };
  switch (c.target) {
    case 'CREATE':
      return { ...base, create_revision: String(c.createRevision) };
    case 'MOD':
      return { ...base, mod_revision: String(c.modRevision) };
    case 'VALUE':
      return { ...base, value: b64(c.value) };
    case 'LEASE':
      return { ...base, lease: c.lease };
  }
}

export function encodeOp(op: Op): Record<string, Record<string, string | boolean>> {
  if ('put' in op)
    return {
      request_put: { key: b64(op.put.key), value: b64(op.put.value), ...(op.put.lease ? { lease: op.put.lease } : {}) },
    };
  if ('get' in op)
    return { request_range: { key: b64(op.get.key), ...(op.get.prefix ? { range_end: prefixEnd(op.get.key) } : {}) } };
  return {
    request_delete_range: {
      key: b64(op.delete.key),
      ...(op.delete.prefix ? { range_end: prefixEnd(op.delete.key) } : {}),
    },
  };
}
