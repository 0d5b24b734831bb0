// Fleet mode's load on etcd: 1,000 agents holding 10,000 owner keys on one 3-member
// loopback etcd cluster. The agents are SIMULATED in this one process (1,000 EtcdClient
// instances, each with its own lease, connection and watch on owners/), not 1,000
// tandem agent processes: the figures are etcd's cost, plus this process's cost of
// speaking for all of them. Measured:
//   - steady state: every agent renews its lease every 2 s (TTL 10 s) and watches
//     owners/ (as `tandem agent` does); CPU of the etcd members and of this process over
//     10 s, in % of one core;
//   - 1,000 ownership handovers: for 1,000 addresses, the owner releases its key
//     (deleteIfCreateRevision) and the next agent creates it (createIfAbsent), 50
//     addresses in flight; the time until every txn is done, and until every one of the
//     1,000 watchers has seen every handover's two events.
// Skips (no rows) when etcd is not installed.
import { setMaxListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import { EtcdClient, EtcdError } from '../src/fleet/etcd/client.js';
import { ownerKey, ownersPrefix } from '../src/fleet/keys.js';
import { etcdMissing, startEtcdCluster } from '../test/helpers/etcd-cluster.js';
import type { BenchResult } from './result.js';

const AGENTS = 1000;
const KEYS_PER_AGENT = 10;
const HANDOVERS = 1000;
const IN_FLIGHT = 50;
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

export async function run(): Promise<BenchResult[]> {
  if (etcdMissing()) {
    process.stderr.write(`fleet bench skipped: ${etcdMissing()}\n`);
    return [];
  }
  const cluster = await startEtcdCluster({ members: 3, name: 'fc-bench', defaultRaftTimings: true });
  const stop = new AbortController();
  setMaxListeners(0, stop.signal); // one signal for the 1,000 watches
  const clients: EtcdClient[] = [];
  try {
    const eps = cluster.endpoints;
    // Agents spread over the members, as agents listing the members in their own order would be.
    for (let i = 0; i < AGENTS; i++)
      clients.push(
        new EtcdClient({ endpoints: [...eps.slice(i % 3), ...eps.slice(0, i % 3)], requestTimeoutMs: 30_000 }),
      );
    const leases: string[] = new Array<string>(AGENTS);
    const setupStart = performance.now();
    await pool([...clients.keys()], IN_FLIGHT, async (i) => {
      leases[i] = (await clients[i].leaseGrant(10)).id;
    });
    const leaseMs = performance.now() - setupStart;
    const renewals = { ok: 0, failed: 0, expired: 0, worstMs: 0, lastError: '' };
    const renewing = clients.map(async (c, i) => {
      await sleep((i * 2000) / AGENTS); // staggered, as independent agents are
      while (!stop.signal.aborted) {
        const t = performance.now();
        try {
          const { ttl } = await c.leaseKeepAlive(leases[i]);
          if (ttl <= 0) renewals.expired += 1;
          else renewals.ok += 1;
          renewals.worstMs = Math.max(renewals.worstMs, performance.now() - t);
        } catch (err) {
          renewals.failed += 1;
          renewals.lastError = (err as Error).message;
        }
        await sleep(2000);
      }
    });
    const tokens = new Map<number, { owner: number; token: number }>();
    const addresses = [...Array(AGENTS * KEYS_PER_AGENT).keys()];
    await pool(addresses, IN_FLIGHT, async (a) => {
      const owner = a % AGENTS;
      const r = await clients[owner].createIfAbsent(
        ownerKey(CLUSTER, `addr${a}`),
        JSON.stringify({ node: `node${owner}`, agent: `sim:${owner}`, since: new Date().toISOString() }),
        leases[owner],
      );
      if (!r.created) throw new Error(`addr${a} was not created`);
      tokens.set(a, { owner, token: r.kv.createRevision });
    });
    const setupMs = performance.now() - setupStart;

    // Every agent watches owners/ from now on and counts what it sees.
    const seen = new Array<number>(AGENTS).fill(0);
    const { revision } = await clients[0].range(ownersPrefix(CLUSTER) + 'none');
    let watchRestarts = 0;
    const watches = clients.map(async (c, i) => {
      // As an agent does: a watch given up on is opened again from the revision after the last event seen.
      let from = revision + 1;
      while (!stop.signal.aborted) {
        try {
          for await (const batch of c.watch(ownersPrefix(CLUSTER), { startRevision: from, signal: stop.signal })) {
            seen[i] += batch.length;
            from = batch[batch.length - 1].kv.modRevision + 1;
          }
        } catch (err) {
          if (stop.signal.aborted || !(err instanceof EtcdError) || err.kind === 'compacted') return;
          watchRestarts += 1;
          await sleep(200);
        }
      }
    });
    await sleep(3000); // watches established, renewals spread out

    process.stderr.write(
      `fleet bench: setup done in ${Math.round(setupMs)} ms; renewals ${JSON.stringify(renewals)}\n`,
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

    // 1,000 handovers: owner releases, the next agent acquires.
    const e1 = etcdCpu();
    const h0 = performance.now();
    let retries = 0;
    let lostLeases = 0;
    let failedHandovers = 0;
    const renewalsBefore = { ...renewals };
    const moved = addresses.slice(0, HANDOVERS);
    await pool(moved, IN_FLIGHT, async (a) => {
      const held = tokens.get(a)!;
      const key = ownerKey(CLUSTER, `addr${a}`);
      const next = (held.owner + 1) % AGENTS;
      const value = JSON.stringify({ node: `node${next}`, agent: `sim:${next}`, since: new Date().toISOString() });
      // As an agent does: a txn whose outcome is unknown (etcd overloaded) is judged by reading the key again.
      for (let attempt = 1; ; attempt++) {
        try {
          const now = await clients[held.owner].get(key);
          if (now?.createRevision === held.token) await clients[held.owner].deleteIfCreateRevision(key, held.token);
          const r = await clients[next].createIfAbsent(key, value, leases[next]);
          if (!r.created && r.kv.value !== value) throw new Error(`acquisition of addr${a}: held by ${r.kv.value}`);
          break;
        } catch (err) {
          if (err instanceof EtcdError && err.kind === 'grpc' && /lease not found/.test(err.message)) {
            lostLeases += 1; // the new owner's lease expired: renewals starved (reported, not hidden)
            break;
          }
          if (!(err instanceof EtcdError)) throw err;
          if (attempt >= 5) {
            failedHandovers += 1;
            break;
          }
          retries += 1;
        }
      }
    });
    const txnMs = performance.now() - h0;
    const want = 2 * HANDOVERS;
    while (seen.some((n) => n < want) && performance.now() - h0 < 60_000) await sleep(20);
    const notifiedMs = performance.now() - h0;
    const handoverEtcd = (100 * (etcdCpu() - e1)) / (notifiedMs / 1000);
    const lagging = seen.filter((n) => n < want).length;

    process.stderr.write(`fleet bench: renewals ${JSON.stringify(renewals)}\n`);
    stop.abort();
    await Promise.allSettled([...watches, ...renewing]);
    const note = `${AGENTS} simulated agents in one process, ${AGENTS * KEYS_PER_AGENT} owner keys, 3 members`;
    return [
      { name: 'fleet setup: 1,000 lease grants (50 in flight)', value: Math.round(leaseMs), unit: 'ms', note },
      {
        name: 'fleet setup: 10,000 owner keys created (createIfAbsent, 50 in flight)',
        value: Math.round(setupMs - leaseMs),
        unit: 'ms',
        note,
      },
      {
        name: 'steady state CPU of the 3 etcd members (500 keepalives/s, 1,000 idle watches)',
        value: Math.round(steadyEtcd),
        unit: '% of a core',
        note,
      },
      {
        name: 'steady state CPU of the process simulating the 1,000 agents',
        value: Math.round(steadySelf),
        unit: '% of a core',
        note,
      },
      {
        name: '1,000 handovers: release + acquire txns done (50 in flight)',
        value: Math.round(txnMs),
        unit: 'ms',
        note:
          `${note}; ${retries} txns retried after etcd timed out; ` +
          `${lostLeases} acquisitions failed: lease expired; ${failedHandovers} given up after 5 tries`,
      },
      {
        name: 'lease renewals during the handovers: failed or found expired (TTL 10 s, every 2 s)',
        value: renewals.failed + renewals.expired - renewalsBefore.failed - renewalsBefore.expired,
        unit: 'renewals',
        note:
          `${renewals.ok - renewalsBefore.ok} succeeded; ` +
          `slowest renewal of the whole run ${Math.round(renewals.worstMs)} ms`,
      },
      {
        name: '1,000 handovers: every watcher has seen all 2,000 events',
        value: Math.round(notifiedMs),
        unit: 'ms',
        note:
          (lagging ? `${lagging} watchers still behind after 60 s` : `${(AGENTS * want).toLocaleString('en')} events`) +
          `; ${watchRestarts} watch streams reopened`,
      },
      { name: 'etcd CPU during the handovers', value: Math.round(handoverEtcd), unit: '% of a core', note },
    ];
  } finally {
    stop.abort();
    for (const c of clients) c.close();
    await cluster.stop();
  }
}
