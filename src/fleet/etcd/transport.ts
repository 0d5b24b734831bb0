// HTTP(S) requests to etcd's v3 JSON gateway, one endpoint at a time. node:http and
// node:https, not the global fetch: Node 20's fetch cannot take a client certificate
// without adding the `undici` package, and node:https takes `ca`, `cert` and `key` as they
// are. Connections are kept alive per endpoint (an agent renews its lease several times a
// TTL, a status reads a whole prefix).
//
// Errors are EtcdError values with the endpoint in the message and a kind that says what a
// caller may do about it (errors.ts). etcd answers some failures with HTTP 200 or 404 and a
// gRPC status body ({"error","message","code"}); those become kind 'grpc' with the code.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { EtcdError, GRPC_UNAVAILABLE } from './errors.js';

export interface EtcdTls {
  caFile?: string;
  certFile?: string;
  keyFile?: string;
}

function readTlsFile(what: string, path: string | undefined): Buffer | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path);
  } catch (err) {
    throw new EtcdError(`etcd TLS ${what} ${path} cannot be read: ${(err as Error).message}`, {
      endpoint: '',
      kind: 'config',
    });
  }
}

/** Connection codes that mean the request never reached the member. */
const NOT_DELIVERED = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
]);

export class Transport {
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  private readonly httpsAgent: https.Agent | undefined;

  constructor(tls: EtcdTls | undefined) {
    if (tls && (tls.caFile || tls.certFile || tls.keyFile)) {
      if (Boolean(tls.certFile) !== Boolean(tls.keyFile))
        throw new EtcdError('etcd TLS: a client certificate needs both the certificate and its key file', {
          endpoint: '',
          kind: 'config',
        });
      this.httpsAgent = new https.Agent({
        keepAlive: true,
        ca: readTlsFile('CA file', tls.caFile),
        cert: readTlsFile('certificate file', tls.certFile),
        key: readTlsFile('key file', tls.keyFile),
      });
    } else {
      this.httpsAgent = new https.Agent({ keepAlive: true });
    }
  }

  /**
   * Sends one request and resolves with the response once its headers arrive. The timeout
   * covers connecting and the wait for the headers; `signal` ends the request at any time.
   */
  open(
    endpoint: URL,
    path: string,
    body: unknown,
    timeoutMs: number,
    signal?: AbortSignal,
    headers: Record<string, string> = {},
  ): Promise<http.IncomingMessage> {
    const name = endpoint.origin;
    const payload = Buffer.from(JSON.stringify(body));
    const secure = endpoint.protocol === 'https:';
    const options: http.RequestOptions = {
      method: 'POST',
      host: endpoint.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: endpoint.port || (secure ? 443 : 80),
      path: endpoint.pathname.replace(/\/$/, '') + path,
      headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers },
      agent: secure ? this.httpsAgent : this.httpAgent,
    };
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (err: EtcdError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        req.destroy();
        reject(err);
      };
      const req = (secure ? https : http).request(options, (res) => {
        if (settled) return void res.destroy();
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (signal) {
          const onLateAbort = () => res.destroy();
          signal.addEventListener('abort', onLateAbort, { once: true });
          res.once('close', () => signal.removeEventListener('abort', onLateAbort));
        }
        resolve(res);
      });
      const timer = setTimeout(
        () =>
          fail(new EtcdError(`etcd ${name}: no answer within ${timeoutMs} ms`, { endpoint: name, kind: 'timeout' })),
        timeoutMs,
      );
      const onAbort = () => fail(new EtcdError(`etcd ${name}: request aborted`, { endpoint: name, kind: 'aborted' }));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (err: NodeJS.ErrnoException) => {
        const code = err.code ?? '';
        fail(
          new EtcdError(`etcd ${name}: ${!code || err.message.includes(code) ? '' : `${code} `}${err.message}`, {
            endpoint: name,
            kind: 'unreachable',
            delivered: !NOT_DELIVERED.has(code),
          }),
        );
      });
      req.end(payload);
    });
  }

  /** One unary request: the parsed JSON answer, or an EtcdError. */
  async call(endpoint: URL, path: string, body: unknown, timeoutMs: number): Promise<Record<string, unknown>> {
    const name = endpoint.origin;
    const started = Date.now();
    const res = await this.open(endpoint, path, body, timeoutMs);
    const text = await readAll(res, name, Math.max(1, timeoutMs - (Date.now() - started)));
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new EtcdError(`etcd ${name}: HTTP ${res.statusCode} with a body that is not JSON: ${text.slice(0, 200)}`, {
        endpoint: name,
        kind: 'http',
        status: res.statusCode,
      });
    }
    const grpc = grpcError(parsed, name);
    if (grpc) throw grpc;
    if (res.statusCode !== 200 || typeof parsed !== 'object' || parsed === null)
      throw new EtcdError(`etcd ${name}: HTTP ${res.statusCode}: ${text.slice(0, 200)}`, {
        endpoint: name,
        kind: 'http',
        status: res.statusCode,
        retryable: res.statusCode === 503 || res.statusCode === 502,
      });
    return parsed as Record<string, unknown>;
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent?.destroy();
  }
}

/** A gRPC status in a gateway body (unary answers and stream items carry it alike). */
export function grpcError(parsed: unknown, name: string): EtcdError | undefined {
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const o = parsed as { error?: unknown; message?: unknown; code?: unknown };
  const inner = typeof o.error === 'object' && o.error !== null ? (o.error as typeof o) : o;
  if (typeof inner.code !== 'number' || inner.code === 0) return undefined;
  const message = typeof inner.message === 'string' ? inner.message : String(inner.error);
  return new EtcdError(`etcd ${name}: ${message} (gRPC code ${inner.code})`, {
    endpoint: name,
    kind: 'grpc',
    code: inner.code,
    retryable: inner.code === GRPC_UNAVAILABLE,
  });
}

function readAll(res: http.IncomingMessage, name: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      res.destroy();
      reject(
        new EtcdError(`etcd ${name}: answer incomplete after ${timeoutMs} ms`, { endpoint: name, kind: 'timeout' }),
      );
    }, timeoutMs);
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    res.on('error', (err) => {
      clearTimeout(timer);
      reject(new EtcdError(`etcd ${name}: ${err.message}`, { endpoint: name, kind: 'unreachable', delivered: true }));
    });
  });
}
