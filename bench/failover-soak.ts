// The long randomized failover run (issue 12; not in CI, it takes about an hour for 500
// faults): two namespace nodes with real agents and a real 3-member etcd, one relocatable
// address, a client pinging it every 50 ms. Where the address is comes from two probes
// (failover-probes.ts): the kernel's address events in both namespaces (`ip monitor`,
// every add and delete, timed as it arrives: failover times are measured on them) and a
// sampler reading both nodes every few ms through one long-running `ip -batch` per node
// (test/apply/overlap-sampler.ts; the node it goes to read first: seen on both in one
// sample means on both at once). Faults in random order, always on the node that
// owns the address now:
// - node-death: the agent killed, the address and the link gone, as a dead machine;
// - agent-kill: the agent killed (kill -9), the node and its address left as they are;
// - sigstop: the agent frozen past its lease TTL, then resumed;
// - cable: the owner's cable pulled (health check fails, failover), then plugged back;
// - graceful: the agent stopped (SIGTERM), which hands the address over.
// After each fault the faulted node is brought back (agent restarted, cable plugged) and
// the run waits until the address is on one node and both agents report it healthy.
// Prints and writes (--out FILE) per fault kind: count, time until the address is on the
// other node (p50/p99/max) and the client's outage (longest gap between replies, p50/p99),
// and the number of samples or events that saw the address on two nodes (must be 0).
// Usage: npm run soak -- [--faults 500] [--ttl 5] [--seed N] [--out FILE] [--kinds a,b]
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { execa } from 'execa';
import { agentKey } from '../src/fleet/keys.js';
import { canMakeNamespaces } from '../test/apply/netns-lab.js';
import { OverlapSampler } from '../test/apply/overlap-sampler.js';
import { etcdMissing } from '../test/helpers/etcd-cluster.js';
import {
  holders,
  leaseOf,
  makeBench,
  startAgent,
  VIP,
  waitFor,
  type AgentProc,
  type Bench,
} from '../test/fleet/agent-lab.js';
import { AddressMonitor, other, outageBetween, startPinger, type Pinger, type Side } from './failover-probes.js';

const KINDS = ['node-death', 'agent-kill', 'sigstop', 'cable', 'graceful'] as const;
type Kind = (typeof KINDS)[number];

interface Options {
  faults: number;
  ttlS: number;
  seed: number;
  out?: string;
  kinds: Kind[];
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const kinds = (value('--kinds')?.split(',') ?? [...KINDS]) as Kind[];
  for (const k of kinds)
    if (!KINDS.includes(k)) throw new Error(`--kinds: unknown fault ${k} (one of ${KINDS.join(', ')})`);
  return {
    faults: Number(value('--faults') ?? 500),
    ttlS: Number(value('--ttl') ?? 5),
    seed: Number(value('--seed') ?? Date.now() % 100_000),
    ...(value('--out') ? { out: value('--out') } : {}),
    kinds,
  };
}

/** Mulberry32: a seeded generator, so a run can be repeated with --seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Lease timing for a TTL of `ttlS` seconds that passes the agent's timing rules with three
 * endpoints (docs/fleet.md, "Timing rules"): renew every TTL/10, one retry, 250 ms per request.
 */
function timingFlags(ttlS: number): string[] {
  return ['--ttl', String(ttlS), '--renew', String(ttlS / 10), '--retries', '1', '--request-timeout', '250'];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The agent's audit lines since `t0`, each with its offset from `t0`: where a slow failover spent its time. */
async function auditSince(a: AgentProc, t0: number): Promise<string> {
  const lines = (await a.audit()).filter((e) => typeof e.time === 'string' && Date.parse(e.time) >= t0);
  return [
    `--- audit of ${a.node} since the fault`,
    ...lines.map((e) => {
      const { time, agent: _agent, node: _node, ...rest } = e;
      return `+${Date.parse(time as string) - t0} ms ${JSON.stringify(rest)}`;
    }),
  ].join('\n');
}

const setCable = (b: Bench, x: Side, up: boolean) =>
  execa('ip', ['-n', b.lab.cable[x].namespace, 'link', 'set', b.lab.cable[x].peer, up ? 'up' : 'down']);

interface FaultResult {
  kind: Kind;
  on: Side;
  /** From the fault until the address was on the other node (absent when it stayed or came back). */
  failoverMs?: number;
  outageMs: number;
  overlaps: number;
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function reportOf(
  o: Options,
  results: FaultResult[],
  sampler: OverlapSampler | undefined,
  monitor: AddressMonitor | undefined,
  load: number[],
) {
  const summary = KINDS.filter((k) => results.some((r) => r.kind === k)).map((kind) => {
    const of = results.filter((r) => r.kind === kind);
    const fo = of.flatMap((r) => (r.failoverMs !== undefined ? [r.failoverMs] : [])).sort((x, y) => x - y);
    const out = of.map((r) => r.outageMs).sort((x, y) => x - y);
    return {
      kind,
      faults: of.length,
      failoverP50Ms: quantile(fo, 0.5),
      failoverP99Ms: quantile(fo, 0.99),
      failoverMaxMs: fo.at(-1) ?? NaN,
      outageP50Ms: quantile(out, 0.5),
      outageP99Ms: quantile(out, 0.99),
      overlaps: of.reduce((n, r) => n + r.overlaps, 0),
    };
  });
  return {
    date: new Date().toISOString(),
    ttlS: o.ttlS,
    seed: o.seed,
    faults: results.length,
    samples: sampler?.samples ?? 0,
    samplesPerSecond: sampler?.rate() ?? 0,
    addressEvents: monitor?.events ?? 0,
    overlaps: (sampler?.overlaps ?? 0) + (monitor?.overlaps ?? 0),
    load,
    summary,
    results,
  };
}

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  const skip = (await canMakeNamespaces()) ?? etcdMissing();
  if (skip) {
    process.stderr.write(`failover soak cannot run here: ${skip}\n`);
    return 1;
  }
  const rand = random(o.seed);
  const load = [loadavg()[0]];
  const b = await makeBench('soak', { uniquenessTimeoutMs: 300 });
  const agents = new Map<Side, AgentProc>();
  const frozen = new Set<Side>();
  const start = async (x: Side) => {
    const a = await startAgent(b, x, { extra: timingFlags(o.ttlS) });
    agents.set(x, a);
    return a;
  };
  const stopAll = async () => {
    for (const [x, a] of agents) {
      if (frozen.has(x)) a.proc.kill('SIGCONT');
      a.proc.kill('SIGKILL');
    }
    await Promise.all([...agents.values()].map((a) => a.proc));
  };
  let sampler: OverlapSampler | undefined;
  let monitor: AddressMonitor | undefined;
  let pinger: Pinger | undefined;
  // Interrupted: the agents, probes, etcd and namespaces go too, as at the end of a run.
  process.on('SIGINT', () => {
    void (async () => {
      await sampler?.stop();
      await monitor?.stop();
      await pinger?.stop();
      await stopAll();
      await b.close();
      process.exit(130);
    })();
  });
  const results: FaultResult[] = [];
  const agentLogs = () =>
    [...agents].map(([x, a]) => `--- ${x}\n${a.log().split('\n').slice(-20).join('\n')}`).join('\n');
  try {
    await start('a');
    await start('b');
    await waitFor('svc on a', 60_000, async () => (await holders(b.lab)).join() === 'a', agentLogs);
    sampler = new OverlapSampler(b.lab.ns, VIP.split('/')[0]);
    monitor = new AddressMonitor(b, { a: true, b: false });
    pinger = startPinger(b);
    const healthyEverywhere = async () => {
      const on = await holders(b.lab);
      if (on.length !== 1) return false;
      const owner = await b.owner();
      if (owner?.node !== b.node(on[0] as Side)) return false;
      const lastLease = (x: Side) => leaseOf(agents.get(x)!);
      // Owned by the agent running now: a key a killed agent left on its old lease would
      // expire soon after, and the next fault would measure what was left of that TTL.
      if (owner.lease !== lastLease(on[0] as Side)) return false;
      for (const x of ['a', 'b'] as const) {
        // The heartbeat of the agent running now, not one a killed agent left on its lease.
        const lease = lastLease(x);
        const kv = await b.client.get(agentKey(b.lab.envName, b.node(x)));
        if (!kv || !lease) return false;
        const beat = JSON.parse(kv.value) as { condition?: string; unhealthy?: string[]; lease?: string };
        if (beat.lease !== lease || beat.unhealthy?.length) return false;
        // The other placement may wait for the owner to release (switchback intelligent): Reconciling.
        if (x === on[0] && beat.condition !== 'Ready') return false;
      }
      return on[0] as Side;
    };
    const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
    for (let i = 0; i < o.faults; i++) {
      const owner = await waitFor('one owner, both agents healthy', 120_000, healthyEverywhere, agentLogs);
      await sleep(300 + rand() * 1200);
      const kind = o.kinds[Math.floor(rand() * o.kinds.length)];
      const target = other(owner);
      sampler.first = target;
      const overlapsBefore = sampler.overlaps + monitor.overlaps;
      const events = monitor;
      const agent = agents.get(owner)!;
      const t0 = Date.now();
      let arrived: number | undefined;
      const arrival = (ms: number) =>
        waitFor(
          `svc on ${target} after ${kind}`,
          ms,
          // Timed to the kernel's event: the sampler's period and its `ip` processes are not in it.
          () => Promise.resolve<number | false>(events.arrivedOn(target, t0) ?? false),
          agentLogs,
        );
      switch (kind) {
        case 'node-death':
          agent.proc.kill('SIGKILL');
          await execa('ip', ['-n', b.lab.ns[owner], 'addr', 'del', VIP, 'dev', 'eth0'], { reject: false });
          await setCable(b, owner, false);
          arrived = await arrival(o.ttlS * 1000 + 30_000);
          await setCable(b, owner, true);
          await agent.proc;
          await start(owner);
          break;
        case 'agent-kill':
          agent.proc.kill('SIGKILL');
          await agent.proc;
          await sleep(1000);
          await start(owner);
          break;
        case 'sigstop':
          agent.proc.kill('SIGSTOP');
          frozen.add(owner);
          await sleep(o.ttlS * 1000 + 2000);
          agent.proc.kill('SIGCONT');
          frozen.delete(owner);
          break;
        case 'cable':
          await setCable(b, owner, false);
          arrived = await arrival(60_000);
          await setCable(b, owner, true);
          break;
        case 'graceful':
          agent.proc.kill('SIGTERM');
          arrived = await arrival(60_000);
          await agent.proc;
          await start(owner);
          break;
      }
      await waitFor(`one owner, both agents healthy after ${kind} on ${owner}`, 120_000, healthyEverywhere, agentLogs);
      const settled = Date.now();
      await sleep(200);
      const r: FaultResult = {
        kind,
        on: owner,
        ...(arrived !== undefined ? { failoverMs: arrived - t0 } : {}),
        outageMs: outageBetween(pinger.replies, t0, settled),
        overlaps: sampler.overlaps + monitor.overlaps - overlapsBefore,
      };
      results.push(r);
      // A fault slower than twice the TTL, or a failover past the TTL + 1.5 s: show what the agents did.
      if (r.outageMs > 2 * o.ttlS * 1000 || (r.failoverMs ?? 0) > o.ttlS * 1000 + 1500)
        process.stderr.write(`${agentLogs()}\n${await auditSince(agents.get(target)!, t0)}\n`);
      log(
        `fault ${i + 1}/${o.faults} ${kind} on ${owner}: ` +
          `${r.failoverMs !== undefined ? `on ${target} after ${r.failoverMs} ms, ` : ''}outage ${r.outageMs} ms, ` +
          `${r.overlaps} overlaps`,
      );
      if (i % 25 === 24) load.push(loadavg()[0]);
      // Written after every fault, so a run stopped early still leaves its figures.
      if (o.out) writeFileSync(o.out, JSON.stringify(reportOf(o, results, sampler, monitor, load), null, 2) + '\n');
    }
  } finally {
    await sampler?.stop();
    await monitor?.stop();
    await pinger?.stop();
    await stopAll();
    await b.close();
  }
  load.push(loadavg()[0]);
  const report = reportOf(o, results, sampler, monitor, load);
  if (o.out) writeFileSync(o.out, JSON.stringify(report, null, 2) + '\n');
  const summary = report.summary;
  const cell = (v: number) => (Number.isNaN(v) ? '-' : String(v));
  process.stdout.write(
    `${results.length} faults, TTL ${o.ttlS} s, seed ${o.seed}, ${report.samples} ownership samples, ` +
      `${report.samplesPerSecond}/s, ${report.addressEvents} address events, ${report.overlaps} on two nodes; ` +
      `load ${load.map((l) => l.toFixed(1)).join(' → ')}\n` +
      'kind         faults  failover p50/p99/max ms  outage p50/p99 ms  overlaps\n' +
      summary
        .map(
          (s) =>
            `${s.kind.padEnd(12)} ${String(s.faults).padStart(6)}  ` +
            `${`${cell(s.failoverP50Ms)}/${cell(s.failoverP99Ms)}/${cell(s.failoverMaxMs)}`.padStart(23)}  ` +
            `${`${cell(s.outageP50Ms)}/${cell(s.outageP99Ms)}`.padStart(17)}  ${String(s.overlaps).padStart(8)}`,
        )
        .join('\n') +
      '\n',
  );
  return report.overlaps === 0 ? 0 : 1;
}

process.exitCode = await main().catch((err: Error) => {
  process.stderr.write(`failover soak failed: ${err.stack ?? err.message}\n`);
  return 1;
});
