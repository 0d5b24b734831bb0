// A watch over the JSON gateway: POST /v3/watch with a create_request, answered by a
// stream of JSON objects, one per line ({"result": {header, created?, events?, canceled?}}).
//
// The stream follows the next endpoint when its member dies or loses its leader (the
// request carries gRPC metadata hasleader=true, so etcd cancels a watch on a member cut
// off from the majority), resuming from the revision after the last event delivered: no
// event is lost or repeated. It gives up, throwing, when every endpoint failed in a row
// without a single event in between.
import type { IncomingMessage } from 'node:http';
import { EtcdError } from './errors.js';
import { grpcError } from './transport.js';
import { b64, decodeKv, prefixEnd, type KeyValue, type RawKv } from './wire.js';

export interface WatchEvent {
  type: 'PUT' | 'DELETE';
  kv: KeyValue;
  prevKv?: KeyValue;
}

interface WatchHost {
  readonly endpoints: URL[];
  openStream(
    path: string,
    body: unknown,
    signal: AbortSignal,
    headers: Record<string, string>,
  ): Promise<{ res: IncomingMessage; endpoint: string; index: number }>;
  noteEndpoint(index: number, good: boolean): void;
}

interface WatchResult {
  header?: { revision?: string };
  created?: boolean;
  canceled?: boolean;
  cancel_reason?: string;
  compact_revision?: string;
  events?: { type?: string; kv: RawKv; prev_kv?: RawKv }[];
}

/** Parsed stream items, one per line; a partial line waits for the next chunk. */
async function* lines(res: IncomingMessage): AsyncGenerator<unknown> {
  let buffer = '';
  for await (const chunk of res as AsyncIterable<Buffer>) {
    buffer += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line) yield JSON.parse(line) as unknown;
    }
  }
  if (buffer.trim()) yield JSON.parse(buffer) as unknown;
}

const HEALTHY_STREAM_MS = 5000;

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

export async function* watchStream(
  host: WatchHost,
  prefix: string,
  options: { startRevision?: number; signal: AbortSignal; exact?: boolean; deletesOnly?: boolean },
): AsyncGenerator<WatchEvent[]> {
  const { signal } = options;
  let next = options.startRevision;
  let failedInARow = 0;
  let lastFailure: EtcdError | undefined;
  while (!signal.aborted) {
    const body = {
      create_request: {
        key: b64(prefix),
        ...(options.exact ? {} : { range_end: prefixEnd(prefix) }),
        prev_kv: true,
        // Fewer events for etcd to encode and send: a watcher woken by deletes needs no puts.
        ...(options.deletesOnly ? { filters: ['NOPUT'] } : {}),
        ...(next !== undefined ? { start_revision: String(next) } : {}),
      },
    };
    let opened: Awaited<ReturnType<WatchHost['openStream']>>;
    try {
      opened = await host.openStream('/v3/watch', body, signal, { 'Grpc-Metadata-hasleader': 'true' });
    } catch (err) {
      if (signal.aborted) return;
      throw err;
    }
    let delivered = false;
    const openedAt = Date.now();
    try {
      for await (const item of lines(opened.res)) {
        const grpc = grpcError(item, opened.endpoint);
        if (grpc) throw grpc;
        const result = (item as { result?: WatchResult }).result;
        if (!result) continue;
        if (result.created && next === undefined) next = Number(result.header?.revision ?? 0) + 1;
        if (result.canceled) {
          if (result.compact_revision && Number(result.compact_revision) > 0)
            throw new EtcdError(
              `etcd ${opened.endpoint}: cannot watch from revision ${next}, compacted up to ${result.compact_revision}`,
              { endpoint: opened.endpoint, kind: 'compacted', compactRevision: Number(result.compact_revision) },
            );
          throw new EtcdError(`etcd ${opened.endpoint}: watch canceled: ${result.cancel_reason ?? 'no reason given'}`, {
            endpoint: opened.endpoint,
            kind: 'grpc',
            retryable: true,
          });
        }
        const events = (result.events ?? []).map((e): WatchEvent => ({
          type: e.type === 'DELETE' ? 'DELETE' : 'PUT',
          kv: decodeKv(e.kv),
          ...(e.prev_kv ? { prevKv: decodeKv(e.prev_kv) } : {}),
        }));
        if (events.length === 0) continue;
        next = Math.max(...events.map((e) => e.kv.modRevision)) + 1;
        if (!delivered) host.noteEndpoint(opened.index, true);
        delivered = true;
        failedInARow = 0;
        yield events;
      }
      lastFailure = new EtcdError(`etcd ${opened.endpoint}: watch stream ended`, {
        endpoint: opened.endpoint,
        kind: 'unreachable',
      });
    } catch (err) {
      if (signal.aborted) return;
      if (err instanceof EtcdError && !err.retryable) throw err;
      lastFailure =
        err instanceof EtcdError
          ? err
          : new EtcdError(`etcd ${opened.endpoint}: watch stream broke: ${(err as Error).message}`, {
              endpoint: opened.endpoint,
              kind: 'unreachable',
            });
    } finally {
      opened.res.destroy();
    }
    if (signal.aborted) return;
    host.noteEndpoint(opened.index, false);
    // A stream that served for a while before it broke is no failure in a row.
    if (Date.now() - openedAt > HEALTHY_STREAM_MS) failedInARow = 0;
    failedInARow += 1;
    if (failedInARow > host.endpoints.length) throw lastFailure;
    await pause(50 * failedInARow, signal);
  }
}
