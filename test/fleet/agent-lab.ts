// The fleet agent's test bench: a real 3-member etcd (test/helpers/etcd-cluster.ts), two
// namespace nodes and a client (test/apply/netns-lab.ts), the desired state in a real git
// repository (a bare origin and a clone), and the agents as real CLI processes, each with
// its own working directory and state folder.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { EtcdClient } from '../../src/fleet/etcd/client.js';
import { ownerKey } from '../../src/fleet/keys.js';
import { startEtcdCluster } from '../helpers/etcd-cluster.js';
import { addressesYaml, CLI, destroyLab, eth0Addresses, makeLab, type Lab } from '../apply/netns-lab.js';
import { makeRepos, type Repos } from '../git/helpers.js';

export const VIP = '192.0.2.100/24';
/** Lease timing of the test agents: generous, the test machine is shared and loaded. */
export const TIMING = ['--ttl', '10', '--renew', '1', '--retries', '1', '--request-timeout', '1000'];
export const TTL_MS = 10_000;

export type Cluster = Awaited<ReturnType<typeof startEtcdCluster>>;

export interface Bench {
  lab: Lab;
  etcd: Cluster;
  repos: Repos;
  envPath: string;
  client: EtcdClient;
  node: (x: 'a' | 'b') => string;
  commitActive(x: 'a' | 'b'): Promise<void>;
  owner(): Promise<{ node: string; token: number; lease?: string } | undefined>;
  close(): Promise<void>;
}

export interface BenchSpec {
  uniquenessTimeoutMs?: number;
  /** Node a gets eth1 on the segment, cabled (test/apply/netns-lab.ts). */
  backupA?: boolean;
  /** Rewrites the RelocatableAddress document committed (a policy, a backup interface). */
  addresses?: (yaml: string) => string;
}

export async function makeBench(name: string, spec: BenchSpec = {}): Promise<Bench> {
  const lab = await makeLab({ uniquenessTimeoutMs: spec.uniquenessTimeoutMs ?? 300, backupA: spec.backupA ?? false });
  let etcd: Cluster | undefined;
  try {
    etcd = await startEtcdCluster({ members: 3, name: `${name}-${lab.sfx}` });
  } catch (err) {
    await destroyLab(lab);
    throw err;
  }
  const repos = await makeRepos(`tandem-fleet-${name}-`);
  const envPath = `environments/fleet-${lab.sfx}`;
  const client = new EtcdClient({ endpoints: etcd.endpoints, requestTimeoutMs: 2000 });
  const files = async (active: 'a' | 'b') => ({
    [`${envPath}/cluster.yaml`]: await readFile(join(lab.dir, 'cluster.yaml'), 'utf8'),
    [`${envPath}/nodes.yaml`]: await readFile(join(lab.dir, 'nodes.yaml'), 'utf8'),
    [`${envPath}/addresses.yaml`]: (spec.addresses ?? ((y: string) => y))(addressesYaml(lab, active)),
  });
  const bench: Bench = {
    lab,
    etcd,
    repos,
    envPath,
    client,
    node: (x) => `${x}-${lab.sfx}`,
    async commitActive(x) {
      await repos.commit(await files(x), `svc active on ${x}`);
      await repos.push();
    },
    async owner() {
      const kv = await client.get(ownerKey(lab.envName, 'svc'));
      if (!kv) return undefined;
      const v = JSON.parse(kv.value) as { node: string };
      return { node: v.node, token: kv.createRevision, lease: kv.lease };
    },
    async close() {
      client.close();
      await etcd.stop().catch(() => undefined);
      await destroyLab(lab);
    },
  };
  await bench.commitActive('a');
  return bench;
}

export interface AgentProc {
  proc: ResultPromise;
  node: string;
  /** Its working folder (the state folder is inside). */
  root: string;
  stateDir: string;
  log(): string;
  /** Audit lines of this agent's state folder. */
  audit(): Promise<Array<Record<string, unknown>>>;
}

export async function startAgent(
  b: Bench,
  x: 'a' | 'b',
  /** `restartOf`: the same working and state folders as that (stopped) agent, as a service restart. */
  opts: { endpoints?: string[]; extra?: string[]; restartOf?: AgentProc } = {},
): Promise<AgentProc> {
  const root = opts.restartOf?.root ?? join(b.lab.root, `agent-${x}-${Math.random().toString(36).slice(2, 6)}`);
  const stateDir = join(root, 'state');
  await mkdir(root, { recursive: true });
  const args = [
    CLI,
    'agent',
    b.envPath,
    '--node',
    b.node(x),
    '--etcd',
    (opts.endpoints ?? b.etcd.endpoints).join(','),
    '--repo',
    `file://${b.repos.origin}`,
    '--ref',
    'main',
    '--interval',
    '1s',
    '--grace',
    '2s',
    ...TIMING,
    ...(opts.extra ?? []),
  ];
  const proc = execa(process.execPath, args, {
    cwd: root,
    env: { ...process.env, TANDEM_STATE_DIR: stateDir, NO_COLOR: '1' },
    extendEnv: false,
    reject: false,
    all: true,
    // The graceful stop takes seconds on a loaded machine: never SIGKILL it behind the test's back.
    forceKillAfterDelay: false,
  });
  let text = '';
  proc.all?.on('data', (d: Buffer) => (text += d.toString()));
  return {
    proc,
    node: b.node(x),
    root,
    stateDir,
    log: () => text,
    async audit() {
      const raw = await readFile(join(stateDir, 'audit.ndjson'), 'utf8').catch(() => '');
      return raw
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    },
  };
}

/** The lease the agent was granted last, from its log ("lease N granted"). */
export function leaseOf(a: AgentProc): string | undefined {
  return Array.from(a.log().matchAll(/lease (\d+) granted/g), (m) => m[1]).at(-1);
}

export async function holders(l: Lab): Promise<string[]> {
  const on: string[] = [];
  if ((await eth0Addresses(l.ns.a)).includes(VIP)) on.push('a');
  if ((await eth0Addresses(l.ns.b)).includes(VIP)) on.push('b');
  return on;
}

export async function waitFor<T>(
  what: string,
  ms: number,
  probe: () => Promise<T | undefined | false>,
  explain?: () => string,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}\n${explain?.() ?? ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A client pinging the address every 100 ms: replies counted by time. */
export function pinger(l: Lab, ip: string): { stop: () => Promise<number[]> } {
  const p = execa('ip', ['netns', 'exec', l.ns.client, 'ping', '-n', '-D', '-i', '0.1', '-W', '1', ip], {
    reject: false,
    buffer: true,
  });
  let result: Promise<number[]> | undefined;
  return {
    stop() {
      result ??= (async () => {
        p.kill('SIGINT');
        const r = await p;
        return String(r.stdout)
          .split('\n')
          .filter((line) => line.includes('bytes from'))
          .map((line) => Number(/^\[(\d+\.\d+)\]/.exec(line)?.[1] ?? 0) * 1000);
      })();
      return result;
    },
  };
}

export async function stopAgent(a: AgentProc, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | undefined> {
  a.proc.kill(signal);
  const r = await a.proc;
  return r.exitCode;
}

/**
 * Agents on a and b (pushed to `agents`, so the test's `after` can kill them), the address
 * on a and its owner key naming a. `endpoints` gives each agent its own etcd members.
 */
export async function startOwnerOnA(
  b: Bench,
  agents: AgentProc[],
  endpoints: { a?: string[]; b?: string[] } = {},
): Promise<{ A: AgentProc; B: AgentProc; token: number }> {
  const A = await startAgent(b, 'a', endpoints.a ? { endpoints: endpoints.a } : {});
  const B = await startAgent(b, 'b', endpoints.b ? { endpoints: endpoints.b } : {});
  agents.push(A, B);
  await waitFor('svc on a', 60_000, async () => (await holders(b.lab)).join() === 'a');
  const owner = await waitFor('owner key', 10_000, () => b.owner());
  if (owner.node !== b.node('a')) throw new Error(`the owner key names ${owner.node}, not ${b.node('a')}`);
  return { A, B, token: owner.token };
}

/**
 * What a fleet test file starts, stopped by its `after` whatever a test did, so a failed
 * test leaves no agent, probe, etcd member or namespace behind: probes (samplers, pingers,
 * watchers) first, then the agents (a stopped one is continued to be killed), then what
 * `closers` holds (TCP forwarders), then the benches.
 */
export class Started {
  readonly benches: Bench[] = [];
  readonly agents: AgentProc[] = [];
  readonly probes: Array<{ stop: () => Promise<unknown> }> = [];
  readonly closers: Array<{ close: () => Promise<unknown> }> = [];

  async stopAll(): Promise<void> {
    for (const p of this.probes) await p.stop();
    for (const a of this.agents) {
      a.proc.kill('SIGCONT');
      a.proc.kill('SIGKILL');
    }
    for (const c of this.closers) await c.close();
    for (const b of this.benches) await b.close();
  }
}
