// What can go wrong talking to etcd, as a kind a caller can act on (not message matching).
//   unreachable  no connection, or it broke (`delivered` false: the request surely never arrived)
//   timeout      no answer in time; the request may or may not have been applied
//   http         an HTTP status without a gRPC status body
//   grpc         etcd refused the request (`code` is the gRPC status code)
//   compacted    a watch asked for revisions etcd has compacted away (`compactRevision`)
//   aborted      the caller's signal ended the request
//   config       the client's own options are unusable (a TLS file cannot be read)
// The contract's four kinds (unreachable, timeout, http, grpc) are kept; the last three
// are additions.

export type EtcdErrorKind = 'unreachable' | 'timeout' | 'http' | 'grpc' | 'compacted' | 'aborted' | 'config';

/** gRPC status codes etcd uses that matter here. */
export const GRPC_NOT_FOUND = 5;
export const GRPC_UNAVAILABLE = 14;

export interface EtcdErrorDetails {
  endpoint: string;
  kind: EtcdErrorKind;
  code?: number;
  status?: number;
  delivered?: boolean;
  retryable?: boolean;
  compactRevision?: number;
}

export class EtcdError extends Error {
  /** The endpoint (origin, e.g. http://127.0.0.1:2379) that failed; '' for a config error. */
  readonly endpoint: string;
  readonly kind: EtcdErrorKind;
  /** gRPC status code (kind 'grpc'). */
  readonly code?: number;
  /** HTTP status (kind 'http'). */
  readonly status?: number;
  /** Whether the request may have reached etcd (and so may have been applied). */
  readonly delivered: boolean;
  /** Whether another member may answer where this one failed (no leader, overloaded). */
  readonly retryable: boolean;
  readonly compactRevision?: number;

  constructor(message: string, d: EtcdErrorDetails) {
    super(message);
    this.name = 'EtcdError';
    this.endpoint = d.endpoint;
    this.kind = d.kind;
    if (d.code !== undefined) this.code = d.code;
    if (d.status !== undefined) this.status = d.status;
    if (d.compactRevision !== undefined) this.compactRevision = d.compactRevision;
    this.delivered = d.delivered ?? (d.kind !== 'config' && d.kind !== 'aborted');
    this.retryable = d.retryable ?? (d.kind === 'unreachable' || d.kind === 'timeout');
  }
}
