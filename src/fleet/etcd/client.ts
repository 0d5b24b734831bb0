// A small typed client for etcd's v3 JSON gateway (etcd 3.4: /v3/kv/*, /v3/lease/*,
// /v3/watch), the one thing fleet mode needs from etcd: keys with revisions, transactions,
// leases and watches. Why our own client and not an npm one: docs/fleet.md.
//
// Contract for fleet-agent (see the brief "etcd-api"), with these additions:
// - EtcdError (errors.ts) has more kinds than the contract's four ('compacted', 'aborted',
//   'config') and says whether a failed request may have been applied (`delivered`).
// - Failover: endpoints are tried in order from the last one that answered. A read, a put,
//   a lease grant, keepalive or revoke, and a single-key delete move on to the next endpoint
//   on any connection error, timeout or "unavailable" answer. A txn moves on only when the
//   request surely never reached a member (connection refused); when it may have been
//   applied it throws (kind 'timeout' or 'unreachable' with delivered = true) and the caller
//   decides. createIfAbsent retries such a txn itself: it recognises its own earlier write
//   by value and lease. When every endpoint fails, the error names each one.
// - leaseKeepAlive answers { ttl: 0 } for an expired or unknown lease; leaseRevoke of an
//   unknown (already expired) lease succeeds.
// - watch() follows the next endpoint by itself when its stream breaks, from the revision
//   after the last event it delivered, so no event is lost or repeated; it throws
//   (an EtcdError) when no endpoint takes the watch, or kind 'compacted' when the start
//   revision is gone. The stream asks for a member with a leader (a member cut off from
//   the majority cancels it, and the watch moves on).
// - txn() results: `kvs` are the kvs of every get op in the branch that ran, in order.
// - Revisions are numbers (int64 strings from etcd; a revision stays far below 2^53);
//   lease ids stay decimal strings.
import { EtcdError, GRPC_NOT_FOUND } from './errors.js';
import { Transport, type EtcdTls } from './transport.js';
import { type RawKv, decodeKv, encodeCompare, encodeOp, prefixEnd, b64, type Compare, type Op } from './wire.js';
import { watchStream, type WatchEvent } from './watch.js';

export { EtcdError } from './errors.js';
export type { EtcdErrorKind } from './errors.js';
export type { EtcdTls } from './transport.js';
export type { Compare, Op, KeyValue } from './wire.js';
export type { WatchEvent } from './watch.js';
import type { KeyValue } from './wire.js';

export interface EtcdClientOptions {
  /** e.g. ["http://127.0.0.1:23791", ...]; failover in order. */
  endpoints: string[];
  /** Per request and endpoint, default 2000. */
  requestTimeoutMs?: number;
  tls?: EtcdTls;
  /** Not applied implicitly; keys.ts builds full keys. */
  prefix?: string;
}

export interface TxnResult {
  succeeded: boolean;
  revision: number;
  responses: unknown[];
  kvs: KeyValue[];
}

type Mode = 'retry-anywhere' | 'retry-undelivered';

const num = (v: unknown): number => (v === undefined ? 0 : Number(v));

/** Reads per transaction in getMany: under etcd's default --max-txn-ops of 128. */
const MAX_TXN_OPS = 100;

export function parseEndpoints(endpoints: string[]): URL[] {
  if (endpoints.length === 0) throw new EtcdError('etcd: no endpoints given', { endpoint: '', kind: 'config' });
  return endpoints.map((e) => {
    let url: URL;
    try {
      url = new URL(e);
    } catch {
      throw new EtcdError(`etcd endpoint ${JSON.stringify(e)} is not a URL (http://host:port or https://host:port)`, {
        endpoint: e,
        kind: 'config',
      });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new EtcdError(`etcd endpoint ${e}: only http:// and https:// are supported`, {
        endpoint: e,
        kind: 'config',
      });
    return url;
  });
}

export class EtcdClient {
  readonly endpoints: URL[];
  readonly requestTimeoutMs: number;
  readonly prefix: string | undefined;
  private readonly transport: Transport;
  /** Index of the endpoint that answered last: the first one tried next time. */
  private current = 0;

  constructor(options: EtcdClientOptions) {
    this.endpoints = parseEndpoints(options.endpoints);
    this.requestTimeoutMs = options.requestTimeoutMs ?? 2000;
    this.prefix = options.prefix;
    this.transport = new Transport(options.tls);
  }

  /** The endpoint that answered last (where the next request goes first). */
  get activeEndpoint(): string {
    return this.endpoints[this.current].origin;
  }

  /**
   * Tries each endpoint in turn, starting from the last one that answered, until `attempt`
   * succeeds; an error that is not retryable (or, in `retry-undelivered` mode, one that may
   * have reached etcd) ends the round at once.
   */
  private async onSomeEndpoint<T>(mode: Mode, attempt: (endpoint: URL, index: number) => Promise<T>): Promise<T> {
    const failures: EtcdError[] = [];
    const n = this.endpoints.length;
    const first = this.current;
    for (let i = 0; i < n; i++) {
      const index = (first + i) % n;
      try {
        return await attempt(this.endpoints[index], index);
      } catch (err) {
        if (!(err instanceof EtcdError) || !err.retryable) throw err;
        if (mode === 'retry-undelivered' && err.delivered) throw err;
        failures.push(err);
      }
    }
    throw allFailed(failures);
  }

  private request(path: string, body: unknown, mode: Mode): Promise<Record<string, unknown>> {
    return this.onSomeEndpoint(mode, async (endpoint, index) => {
      const answer = await this.transport.call(endpoint, path, body, this.requestTimeoutMs);
      this.current = index;
      return answer;
    });
  }

  /** Opens a watch stream on the first endpoint that takes it (used by watch.ts). */
  openStream(path: string, body: unknown, signal: AbortSignal, headers: Record<string, string>) {
    return this.onSomeEndpoint('retry-anywhere', async (endpoint, index) => {
      const res = await this.transport.open(endpoint, path, body, this.requestTimeoutMs, signal, headers);
      return { res, endpoint: endpoint.origin, index };
    });
  }

  /** Remembers an endpoint that served a watch well, and moves past one that failed. */
  noteEndpoint(index: number, good: boolean): void {
    if (good) this.current = index;
    else if (this.current === index) this.current = (index + 1) % this.endpoints.length;
  }

  async get(key: string): Promise<KeyValue | undefined> {
    const r = await this.request('/v3/kv/range', { key: b64(key) }, 'retry-anywhere');
    const kvs = (r.kvs as RawKv[] | undefined) ?? [];
    return kvs.length > 0 ? decodeKv(kvs[0]) : undefined;
  }

  async range(prefix: string): Promise<{ kvs: KeyValue[]; revision: number }> {
    const r = await this.request('/v3/kv/range', { key: b64(prefix), range_end: prefixEnd(prefix) }, 'retry-anywhere');
    const kvs = (r.kvs as RawKv[] | undefined) ?? [];
    return { kvs: kvs.map(decodeKv), revision: headerRevision(r) };
  }

  async put(key: string, value: string, options: { lease?: string } = {}): Promise<{ revision: number }> {
    const body = { key: b64(key), value: b64(value), ...(options.lease ? { lease: options.lease } : {}) };
    return { revision: headerRevision(await this.request('/v3/kv/put', body, 'retry-anywhere')) };
  }

  async delete(key: string): Promise<{ deleted: number; revision: number }> {
    const r = await this.request('/v3/kv/deleterange', { key: b64(key) }, 'retry-anywhere');
    return { deleted: num(r.deleted), revision: headerRevision(r) };
  }

  async txn(request: { compare: Compare[]; success: Op[]; failure?: Op[] }): Promise<TxnResult> {
    const body = {
      compare: request.compare.map(encodeCompare),
      success: request.success.map(encodeOp),
      failure: (request.failure ?? []).map(encodeOp),
    };
    const r = await this.request('/v3/kv/txn', body, 'retry-undelivered');
    const responses = (r.responses as Record<string, unknown>[] | undefined) ?? [];
    const kvs: KeyValue[] = [];
    for (const resp of responses) {
      const range = resp.response_range as { kvs?: RawKv[] } | undefined;
      if (range?.kvs) kvs.push(...range.kvs.map(decodeKv));
    }
    return { succeeded: r.succeeded === true, revision: headerRevision(r), responses, kvs };
  }

  /**
   * Creates `key` only while absent (create revision 0), attached to `lease`; `also` are
   * written in the same transaction, only when the key is created.
   */
  async createIfAbsent(
    key: string,
    value: string,
    lease: string,
    also: readonly Op[] = [],
  ): Promise<{ created: boolean; kv: KeyValue }> {
    const attempt = () =>
      this.txn({
        compare: [{ key, target: 'CREATE', result: 'EQUAL', createRevision: 0 }],
        success: [{ put: { key, value, lease } }, ...also, { get: { key } }],
        failure: [{ get: { key } }],
      });
    let result: TxnResult;
    let retried = false;
    try {
      result = await attempt();
    } catch (err) {
      // The first try may have been applied: once more, and our own write counts as created.
      if (!(err instanceof EtcdError) || !err.retryable) throw err;
      result = await attempt();
      retried = true;
    }
    const kv = result.kvs[0];
    if (!kv)
      throw new EtcdError(`etcd: the key ${key} vanished within its own transaction`, {
        endpoint: this.activeEndpoint,
        kind: 'grpc',
      });
    const ours = result.succeeded || (retried && kv.value === value && kv.lease === lease);
    return { created: ours, kv };
  }

  /**
   * Deletes `key` only while it still has this create revision (our fencing token); `also`
   * run in the same transaction, only then.
   */
  async deleteIfCreateRevision(key: string, createRevision: number, also: readonly Op[] = []): Promise<boolean> {
    const r = await this.txn({
      compare: [{ key, target: 'CREATE', result: 'EQUAL', createRevision }],
      success: [{ delete: { key } }, ...also],
    });
    return r.succeeded;
  }

  /**
   * Several keys, read in transactions of at most `MAX_TXN_OPS` reads each (etcd's default
   * --max-txn-ops is 128; each transaction reads at one revision). Absent keys are absent
   * from the map.
   */
  async getMany(keys: readonly string[]): Promise<Map<string, KeyValue>> {
    const out = new Map<string, KeyValue>();
    for (let i = 0; i < keys.length; i += MAX_TXN_OPS) {
      const chunk = keys.slice(i, i + MAX_TXN_OPS);
      const r = await this.txn({ compare: [], success: chunk.map((key) => ({ get: { key } })) });
      for (const kv of r.kvs) out.set(kv.key, kv);
    }
    return out;
  }

  async leaseGrant(ttlSeconds: number): Promise<{ id: string; ttl: number }> {
    const r = await this.request('/v3/lease/grant', { TTL: String(ttlSeconds) }, 'retry-anywhere');
    if (typeof r.error === 'string' && r.error)
      throw new EtcdError(`etcd: lease grant refused: ${r.error}`, { endpoint: this.activeEndpoint, kind: 'grpc' });
    return { id: String(r.ID), ttl: num(r.TTL) };
  }

  /** Renews a lease once. { ttl: 0 } when the lease has expired or never existed. */
  async leaseKeepAlive(id: string): Promise<{ ttl: number }> {
    const r = await this.request('/v3/lease/keepalive', { ID: id }, 'retry-anywhere');
    const result = (r.result as { TTL?: string } | undefined) ?? {};
    return { ttl: num(result.TTL) };
  }

  async leaseRevoke(id: string): Promise<void> {
    try {
      await this.request('/v3/lease/revoke', { ID: id }, 'retry-anywhere');
    } catch (err) {
      if (err instanceof EtcdError && err.kind === 'grpc' && err.code === GRPC_NOT_FOUND) return;
      throw err;
    }
  }

  /** The lease's remaining TTL in seconds (-1 when it has expired or never existed). */
  async leaseTimeToLive(id: string): Promise<{ ttl: number; grantedTtl: number }> {
    const r = await this.request('/v3/lease/timetolive', { ID: id }, 'retry-anywhere');
    return { ttl: num(r.TTL), grantedTtl: num(r.grantedTTL) };
  }

  /** Events under `prefix` (or of the one key `prefix` with `exact`); `deletesOnly` filters out puts in etcd. */
  watch(
    prefix: string,
    options: { startRevision?: number; signal: AbortSignal; exact?: boolean; deletesOnly?: boolean },
  ): AsyncIterable<WatchEvent[]> {
    return watchStream(this, prefix, options);
  }

  close(): void {
    this.transport.close();
  }
}

function headerRevision(r: Record<string, unknown>): number {
  const header = r.header as { revision?: string } | undefined;
  return num(header?.revision);
}

function allFailed(failures: EtcdError[]): EtcdError {
  if (failures.length === 1) return failures[0];
  const kind = failures.every((f) => f.kind === 'unreachable') ? 'unreachable' : 'timeout';
  const detail = failures.map((f) => f.message.replace(/^etcd /, '')).join('; ');
  return new EtcdError(`etcd: no endpoint answered: ${detail}`, {
    endpoint: failures.map((f) => f.endpoint).join(','),
    kind,
    delivered: failures.some((f) => f.delivered),
  });
}
