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

/** Node's codes for a member certificate that the CA file given did not sign. */
const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

/** TLS alerts a member started with --client-cert-auth sends when it refuses our certificate. */
const CLIENT_CERT_REFUSED = new Set([
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
]);

/**
 * What a failed TLS handshake means for the user, in one line. OpenSSL's own text for a
 * refused client certificate is a multi-line internal trace ("SSL routines:ssl3_read_bytes:
 * ... SSL alert number 42") that says neither which side refused nor what to give.
 */
export function connectionFailure(err: NodeJS.ErrnoException, tls: EtcdTls | undefined): string {
  const code = err.code ?? '';
  const text = err.message.trim();
  if (UNTRUSTED.has(code))
    return tls?.caFile
      ? `its certificate is not trusted: the CA file ${tls.caFile} (--etcd-ca) did not sign it (${text})`
      : `its certificate is not trusted: give the CA that signed it with --etcd-ca or TANDEM_ETCD_CA (${text})`;
  if (CLIENT_CERT_REFUSED.has(code)) {
    const alert = /alert ([a-z ]+?)(?::|$)/.exec(text)?.[1] ?? code;
    return tls?.certFile
      ? `the member refused the client certificate ${tls.certFile} (TLS alert: ${alert}): ` +
          `it must be signed by a CA in the members' --trusted-ca-file`
      : `the member requires a client certificate (TLS alert: ${alert}): ` +
          `give --etcd-cert and --etcd-key, or TANDEM_ETCD_CERT and TANDEM_ETCD_KEY`;
  }
  return `${!code || text.includes(code) ? '' : `${code} `}${text}`;
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
  private readonly tls: EtcdTls | undefined;

  constructor(tls: EtcdTls | undefined) {
    this.tls = tls;
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
        fail(
          new EtcdError(`etcd ${name}: ${connectionFailure(err, this.tls)}`, {
            endpoint: name,
            kind: 'unreachable',
            delivered: !NOT_DELIVERED.has(err.code ?? ''),
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
