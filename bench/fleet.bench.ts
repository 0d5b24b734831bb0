// Fleet mode's load on etcd: 1,000 agents holding 10,000 owner keys on one 3-member
// loopback etcd cluster. The agents are SIMULATED in this one process (1,000 EtcdClient
// instances, each with its own lease, connections and watch), not 1,000 `tandem agent`
// processes, and they do only an agent's etcd traffic, with the agent's own code for it
// (Ownership: claims with standby keys, views, releases) and its default timing:
//   - each agent renews its lease every 2 s (TTL 10 s), and every 10 s runs a pass's
//     etcd part: reads the owner keys of the addresses it holds or stands by for, and
//     puts its heartbeat;
//   - each agent watches its own standby/<node>/ for deletes;
//   - each address has two placements: its owner and the next agent, which stands by.
// Measured: the steady state's CPU (etcd members and this process, 10 s), and 1,000
// planned switchovers: each owner releases one address (50 releases in flight), and the
// standby agent, woken by its watch and by nothing else, claims it: the time until all
// 1,000 are claimed by their new owners, and each switchover's release-to-claim time.
// The node-side work of a switchover (observe, apply, arping) is not here: that is
// measured on namespace nodes by test/fleet/agent.test.ts.
// Skips (no rows) when etcd is not installed.
import { setMaxListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import { EtcdClient, EtcdError } from '../src/fleet/etcd/client.js';
import { agentKey, nameUnder, standbyPrefix } from '../src/fleet/keys.js';
import { Ownership } from '../src/fleet/agent/ownership.js';
import { DEFAULT_TIMING } from '../src/fleet/agent/timing.js';
import { etcdMissing, startEtcdCluster } from '../test/helpers/etcd-cluster.js';
import type { BenchResult } from './result.js';

const AGENTS = 1000;
const KEYS_PER_AGENT = 10;
const SWITCHOVERS = 1000;
const IN_FLIGHT = 50;
const PASS_MS = 10_000;
const CLUSTER = 'bench';
const TICKS = 100; // USER_HZ on Linux

function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / TICKS;
}

async function pool<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/** What one simulated agent is: its client, lease, ownership, and what it stands by for. */
interface SimAgent {
  node: string;
  client: EtcdClient;
  lease: string;
  ownership: Ownership;
  /** Addresses it is a placement of (owned or standing by). */
  placements: Set<string>;
}

export async function run(): Promise<BenchResult[]> {
  if (etcdMissing()) {
    process.stderr.write(`fleet bench skipped: ${etcdMissing()}\n`);
    return [];
  }
  const cluster = await startEtcdCluster({ members: 3, name: 'fc-bench', defaultRaftTimings: true });
  const stop = new AbortController();
  setMaxListeners(0, stop.signal); // one signal for the 1,000 watches
  const agents: SimAgent[] = [];
  try {
    const eps = cluster.endpoints;
    const ttl = DEFAULT_TIMING.ttlS;
    const leaseStart = performance.now();
    for (let i = 0; i < AGENTS; i++) {
      // Agents spread over the members, as agents listing the members in their own order would be.
      const client = new EtcdClient({
        endpoints: [...eps.slice(i % 3), ...eps.slice(0, i % 3)],
        requestTimeoutMs: 30_000,
      });
      const node = `node${i}`;
      agents.push({
        node,
        client,
        lease: '',
        ownership: new Ownership(client, CLUSTER, node, `sim:${i}`),
        placements: new Set(),
      });
    }
    await pool(agents, IN_FLIGHT, async (a) => {
      a.lease = (await a.client.leaseGrant(ttl)).id;
    });
    const leaseMs = performance.now() - leaseStart;
    const renewals = { ok: 0, failed: 0, expired: 0, worstMs: 0 };
    const renewing = agents.map(async (a, i) => {
      await sleep((i * DEFAULT_TIMING.renewMs) / AGENTS); // staggered, as independent agents are
      while (!stop.signal.aborted) {
        const t = performance.now();
        try {
          const { ttl: left } = await a.client.leaseKeepAlive(a.lease);
          if (left <= 0) renewals.expired += 1;
          else renewals.ok += 1;
          renewals.worstMs = Math.max(renewals.worstMs, performance.now() - t);
        } catch {
          renewals.failed += 1;
        }
        await sleep(DEFAULT_TIMING.renewMs);
      }
    });

    // 10,000 addresses: address k is owned by agent k % 1,000, the next agent stands by.
    const claimStart = performance.now();
    const addresses = [...Array(AGENTS * KEYS_PER_AGENT).keys()];
    const next = (i: number) => (i + 1) % AGENTS;
    await pool(addresses, IN_FLIGHT, async (k) => {
      const owner = agents[k % AGENTS];
      const standby = agents[next(k % AGENTS)];
      owner.placements.add(`addr${k}`);
      standby.placements.add(`addr${k}`);
      const r = await owner.ownership.claim(`addr${k}`, owner.lease, new Date(), [standby.node]);
      if (!r.won) throw new Error(`addr${k} was not claimed`);
    });
    const claimMs = performance.now() - claimStart;

    // Each agent's passes: read the owner keys it holds or stands by for, put its heartbeat.
    let passes = 0;
    let passFailures = 0;
    const passing = agents.map(async (a, i) => {
      await sleep((i * PASS_MS) / AGENTS);
      while (!stop.signal.aborted) {
        try {
          await a.ownership.view(a.placements, AGENTS * KEYS_PER_AGENT);
          await a.client.put(agentKey(CLUSTER, a.node), JSON.stringify({ condition: 'Ready', at: Date.now() }), {
            lease: a.lease,
          });
          passes += 1;
        } catch {
          passFailures += 1;
        }
        await sleep(PASS_MS);
      }
    });

    // Each agent watches its standby keys; a delete wakes it, and it claims the address
    // (standing by for it now: the old owner), as an agent's pass does.
    const releasedAt = new Map<string, number>();
    const claimedAfter: number[] = [];
    let lostRaces = 0;
    let allClaimed: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allClaimed = resolve));
    const watches = agents.map(async (a, i) => {
      const prefix = standbyPrefix(CLUSTER, a.node);
      while (!stop.signal.aborted) {
        try {
          for await (const batch of a.client.watch(prefix, { signal: stop.signal, deletesOnly: true })) {
            for (const e of batch) {
              const name = nameUnder(prefix, e.kv.key);
              const since = name ? releasedAt.get(name) : undefined;
              if (!name || since === undefined) continue; // not a planned release of this bench
              const previous = agents[(i + AGENTS - 1) % AGENTS];
              const r = await a.ownership.claim(name, a.lease, new Date(), [previous.node]);
              if (!r.won) {
                lostRaces += 1;
                continue;
              }
              claimedAfter.push(performance.now() - since);
              if (claimedAfter.length === SWITCHOVERS) allClaimed();
            }
          }
        } catch (err) {
          if (stop.signal.aborted || !(err instanceof EtcdError)) return;
          await sleep(200);
        }
      }
    });
    await sleep(PASS_MS + 2000); // watches established, passes and renewals spread out

    process.stderr.write(
      `fleet bench: ${Math.round(claimMs)} ms to claim; renewals ${JSON.stringify(renewals)}; ${passes} passes\n`,
    );
    const pids = cluster.pids();
    const etcdCpu = () => pids.reduce((n, p) => n + cpuSeconds(p), 0);
    const e0 = etcdCpu();
    const p0 = process.cpuUsage();
    const t0 = performance.now();
    await sleep(10_000);
    const steadyS = (performance.now() - t0) / 1000;
    const steadyEtcd = (100 * (etcdCpu() - e0)) / steadyS;
    const pu = process.cpuUsage(p0);
    const steadySelf = (100 * (pu.user + pu.system)) / 1e6 / steadyS;

    // 1,000 planned switchovers: the owner releases; the standby's watch does the rest.
    const renewalsBefore = { ...renewals };
    const e1 = etcdCpu();
    const h0 = performance.now();
    const moved = addresses.slice(0, SWITCHOVERS);
    let failedReleases = 0;
    await pool(moved, IN_FLIGHT, async (k) => {
      const owner = agents[k % AGENTS];
      const name = `addr${k}`;
      releasedAt.set(name, performance.now());
      if (!(await owner.ownership.release(name).catch(() => false))) failedReleases += 1;
    });
    const releasedMs = performance.now() - h0;
    await Promise.race([done, sleep(120_000)]);
    const switchMs = performance.now() - h0;
    const switchEtcd = (100 * (etcdCpu() - e1)) / (switchMs / 1000);
    const sorted = [...claimedAfter].sort((x, y) => x - y);
    process.stderr.write(`fleet bench: renewals ${JSON.stringify(renewals)}\n`);
    stop.abort();
    await Promise.allSettled([...watches, ...renewing, ...passing]);

    const note =
      `${AGENTS} simulated agents in one process (etcd traffic only), ` +
      `${(AGENTS * KEYS_PER_AGENT).toLocaleString('en')} owner keys with one standby key each, 3 members`;
    const slowest = Math.round(renewals.worstMs);
    const renewalNote = `${renewals.ok - renewalsBefore.ok} succeeded; slowest of the run ${slowest} ms`;
    return [
      { name: 'fleet setup: 1,000 lease grants (50 in flight)', value: Math.round(leaseMs), unit: 'ms', note },
      {
        name: 'fleet setup: 10,000 owner keys claimed with their standby keys (50 in flight)',
        value: Math.round(claimMs),
        unit: 'ms',
        note,
      },
      {
        name: 'steady state CPU of the 3 etcd members (500 renewals/s, 100 passes/s, 1,000 watches)',
        value: Math.round(steadyEtcd),
        unit: '% of a core',
        note: `${note}; ${passes} passes, ${passFailures} failed`,
      },
      {
        name: 'steady state CPU of the process simulating the 1,000 agents',
        value: Math.round(steadySelf),
        unit: '% of a core',
        note,
      },
      {
        name: '1,000 planned switchovers: until every address is claimed by its new owner',
        value: Math.round(switchMs),
        unit: 'ms',
        note:
          `${note}; releases done after ${Math.round(releasedMs)} ms; ` +
          `${claimedAfter.length} claimed, ${lostRaces} claims lost, ${failedReleases} releases failed`,
      },
      {
        name: 'one switchover, release to claim by the woken standby: p50 / p99',
        value: sorted.length ? Math.round(percentile(sorted, 0.5)) : -1,
        unit: 'ms (p50)',
        note: sorted.length
          ? `p99 ${Math.round(percentile(sorted, 0.99))} ms, max ${Math.round(sorted.at(-1)!)} ms`
          : 'none',
      },
      {
        name: 'lease renewals during the switchovers: failed or found expired (TTL 10 s, every 2 s)',
        value: renewals.failed + renewals.expired - renewalsBefore.failed - renewalsBefore.expired,
        unit: 'renewals',
        note: renewalNote,
      },
      { name: 'etcd CPU during the switchovers', value: Math.round(switchEtcd), unit: '% of a core', note },
    ];
  } finally {
    stop.abort();
    for (const a of agents) a.client.close();
    await cluster.stop();
  }
}
