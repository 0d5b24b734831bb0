// `tandem agent ENV --node N --etcd URLS [--lab] [--repo URL --ref BRANCH] [--ttl S]
// [--renew S] [--retries N] [--request-timeout MS] [--interval D] [--grace D]`: the
// fleet-mode agent of one node (docs/fleet.md, "The agent"). Runs until SIGTERM/SIGINT,
// then releases what it owns and exits 0. Bad flags or an unusable environment exit 1
// before anything is touched.
import { EtcdClient, EtcdError } from '../../fleet/etcd/client.js';
import { Agent } from '../../fleet/agent/agent.js';
import { fleetClusterName } from '../../fleet/keys.js';
import { folderSource, gitSource, type Desired } from '../../fleet/agent/desired.js';
import { nodeLocker } from '../../fleet/agent/node-lock.js';
import { DEFAULT_TIMING, timingProblems, type AgentTiming } from '../../fleet/agent/timing.js';
import { envNameOf, stateDirOf } from '../../reconcile/status.js';
import { parseDuration } from '../../reconcile/schedule.js';
import { EXIT, ExitError } from '../errors.js';
import type { CliIO } from '../io.js';
import { etcdEndpoints, etcdHint, type EtcdFlags } from '../etcd-options.js';

export interface AgentCommandOptions extends EtcdFlags {
  node: string;
  repo?: string;
  ref: string;
  lab?: boolean;
  ttl?: string;
  renew?: string;
  retries?: string;
  requestTimeout?: string;
  interval: string;
  grace: string;
}

function num(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || text.trim() === '') throw new ExitError(`--${flag} ${text}: not a number`, EXIT.error);
  return n;
}

function duration(flag: string, text: string): number {
  try {
    return parseDuration(text);
  } catch (err) {
    throw new ExitError(`--${flag}: ${(err as Error).message}`, EXIT.error);
  }
}

/** The cluster's key prefix, named as every tandem names it (fleet/keys.ts). */
export function clusterNameOf(d: Pick<Desired, 'model' | 'environment'>): string {
  return fleetClusterName(d.model.cluster?.doc.metadata.name, d.environment);
}

export async function agentCommand(envPath: string, opts: AgentCommandOptions, io: CliIO): Promise<number> {
  const urls = etcdEndpoints(opts, io.env);
  if (urls.length === 0)
    throw new ExitError('--etcd URLS (or TANDEM_ETCD) is required: the etcd endpoints', EXIT.error);
  const timing: AgentTiming = {
    ...DEFAULT_TIMING,
    ttlS: num('ttl', opts.ttl, DEFAULT_TIMING.ttlS),
    renewMs: num('renew', opts.renew, DEFAULT_TIMING.renewMs / 1000) * 1000,
    retries: num('retries', opts.retries, DEFAULT_TIMING.retries),
    requestTimeoutMs: num('request-timeout', opts.requestTimeout, DEFAULT_TIMING.requestTimeoutMs),
    endpoints: urls.length,
  };
  const problems = timingProblems(timing);
  if (problems.length) throw new ExitError(`lease timing refused:\n  ${problems.join('\n  ')}`, EXIT.error);
  const intervalMs = duration('interval', opts.interval);
  const graceMs = duration('grace', opts.grace);
  if (opts.ref !== 'HEAD' && !opts.repo) throw new ExitError('--ref needs --repo', EXIT.error);
  let client: EtcdClient;
  try {
    const caFile = opts.etcdCa ?? io.env.TANDEM_ETCD_CA;
    const certFile = opts.etcdCert ?? io.env.TANDEM_ETCD_CERT;
    const keyFile = opts.etcdKey ?? io.env.TANDEM_ETCD_KEY;
    client = new EtcdClient({
      endpoints: urls,
      requestTimeoutMs: timing.requestTimeoutMs,
      tls: { ...(caFile ? { caFile } : {}), ...(certFile ? { certFile } : {}), ...(keyFile ? { keyFile } : {}) },
    });
  } catch (err) {
    if (err instanceof EtcdError) throw new ExitError(err.message, EXIT.error);
    throw err;
  }
  const stateDir = stateDirOf(io);
  if (opts.repo) {
    try {
      envNameOf(envPath);
    } catch (err) {
      throw new ExitError(`${(err as Error).message}: name the environment folder, e.g. environments/demo`);
    }
  }
  const source = opts.repo
    ? gitSource({ repo: opts.repo, ref: opts.ref, envPath, stateDir, cwd: io.cwd })
    : folderSource(envPath);
  const stop = new AbortController();
  const log = (line: string) => io.stderr.write(`${new Date().toISOString()} tandem agent ${opts.node}: ${line}\n`);
  const agent = new Agent({
    node: opts.node,
    client,
    timing,
    source,
    clusterOf: clusterNameOf,
    lockNode: nodeLocker(client, etcdHint(opts, io.env)),
    lab: opts.lab,
    env: io.env,
    cwd: io.cwd,
    intervalMs,
    graceMs,
    signal: stop.signal,
    log,
  });
  const problem = await agent.start();
  if (problem) {
    client.close();
    throw new ExitError(`${problem}\nnothing was changed`, EXIT.error);
  }
  const onSignal = (sig: NodeJS.Signals) => {
    if (stop.signal.aborted) return;
    log(`${sig} received: removing owned addresses, releasing keys, revoking the lease`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await agent.run();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    client.close();
  }
}
