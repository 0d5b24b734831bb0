// The etcd options shared by the commands that work with or without fleet mode (apply,
// reconcile, unlock, status --fleet): --etcd URLS (or TANDEM_ETCD) and the TLS files
// (--etcd-ca, --etcd-cert, --etcd-key, or TANDEM_ETCD_CA / _CERT / _KEY). Without
// endpoints, no client: tandem works as before (docs/fleet.md).
import type { ExternalNodeLocks } from '../apply/external-lock.js';
import { etcdNodeLocks } from '../fleet/locks.js';
import { EtcdClient, EtcdError } from '../fleet/etcd/client.js';
import { EXIT, ExitError } from './errors.js';
import type { EtcdFlags } from './etcd-flags.js';

export type { EtcdFlags } from './etcd-flags.js';

/** The endpoints given, or an empty list (fleet mode off). */
export function etcdEndpoints(flags: EtcdFlags, env: NodeJS.ProcessEnv): string[] {
  return (flags.etcd ?? env.TANDEM_ETCD ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A client when endpoints are given; bad options exit 1 with what to fix. */
export function etcdClientFor(flags: EtcdFlags, env: NodeJS.ProcessEnv): EtcdClient | undefined {
  const endpoints = etcdEndpoints(flags, env);
  if (endpoints.length === 0) return undefined;
  const caFile = flags.etcdCa ?? env.TANDEM_ETCD_CA;
  const certFile = flags.etcdCert ?? env.TANDEM_ETCD_CERT;
  const keyFile = flags.etcdKey ?? env.TANDEM_ETCD_KEY;
  try {
    return new EtcdClient({
      endpoints,
      tls: { ...(caFile ? { caFile } : {}), ...(certFile ? { certFile } : {}), ...(keyFile ? { keyFile } : {}) },
    });
  } catch (err) {
    if (err instanceof EtcdError) throw new ExitError(err.message, EXIT.error);
    throw err;
  }
}

/** How a user reaches the same etcd again, for hints in messages. */
export function etcdHint(flags: EtcdFlags, env: NodeJS.ProcessEnv): string {
  return flags.etcd ? `--etcd ${flags.etcd}` : env.TANDEM_ETCD ? '(with TANDEM_ETCD set)' : '--etcd URLS';
}

/** Fleet mode's node locks for a one-shot command, or undefined without etcd endpoints. */
export function fleetNodeLocks(
  flags: EtcdFlags,
  env: NodeJS.ProcessEnv,
  role: 'apply' | 'reconcile',
): ExternalNodeLocks | undefined {
  const client = etcdClientFor(flags, env);
  if (!client) return undefined;
  return { ...etcdNodeLocks(client, { role, etcdHint: etcdHint(flags, env) }), close: () => client.close() };
}
