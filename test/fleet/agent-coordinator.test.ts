// The agents under coordinator faults and network faults (docs/fleet.md, "Coordinator
// loss" and "Run-time failover"): root, two namespace nodes, a real 3-member etcd, agents
// as CLI processes, a client pinging the address every 100 ms, and where the address is
// sampled every ~20 ms on every interface of both nodes. Each test asserts no sample saw
// the address on two nodes and reports the client's longest gap between replies (the
// outage) with t.diagnostic.
//
// One agent is cut off from etcd by a TCP forwarder in the test process
// (test/helpers/tcp-forwarder.ts): that agent is given the forwarder's URLs for the three
// members, the other agent and the test talk to the members directly, and `cut` resets
// every connection through it. The agent's node stays on the network.
// The ping list is made unreachable for the owner only, by an `unreachable` route to the
// target in the owner's namespace (the standby, pinging the same target, still reaches it).
import assert from 'node:assert/strict';
import { after, describe, it, type TestContext } from 'node:test';
import { execa } from 'execa';
import { canMakeNamespaces, type Lab } from '../apply/netns-lab.js';
import { agentKey } from '../../src/fleet/keys.js';
import { etcdMissing } from '../helpers/etcd-cluster.js';
import { forwardTo } from '../helpers/tcp-forwarder.js';
import {
  makeBench,
  pinger,
  startAgent,
  stopAgent,
  TTL_MS,
  waitFor,
  type AgentProc,
  type Bench,
  type BenchSpec,
  Started,
} from './agent-lab.js';

const skip = (await canMakeNamespaces()) ?? etcdMissing();
if (skip) console.log(`# coordinator fault tests skipped: ${skip}`);

const IP = '192.0.2.100';
const started = new Started();
const { benches, agents, probes: watchers, closers: forwarders } = started;

const hold = (yaml: string) =>
  yaml.replace('  switchback: intelligent\n', '  switchback: intelligent\n  coordinatorLoss: hold\n');

/** The interfaces of namespace `ns` holding the address. */
async function ifacesWith(ns: string): Promise<string[]> {
  const r = await execa('ip', ['-n', ns, '-j', 'addr', 'show'], { reject: false });
  if (r.exitCode !== 0) return [];
  const links = JSON.parse(String(r.stdout)) as Array<{ ifname: string; addr_info: Array<{ local: string }> }>;
  return links.filter((l) => l.addr_info.some((a) => a.local === IP)).map((l) => l.ifname);
}

async function where(l: Lab): Promise<string> {
  const b = await ifacesWith(l.ns.b);
  const a = await ifacesWith(l.ns.a);
  return [...a.map((i) => `a:${i}`), ...b.map((i) => `b:${i}`)].join('+') || '-';
}

/**
 * Samples where the address is (b read before a: a move goes from a to b, so seeing it
 * on b and then still on a means both at once) and runs the client's pings.
 */
function watch(l: Lab) {
  let running = true;
  let samples = 0;
  let overlaps = 0;
  const seen: string[] = [];
  const ping = pinger(l, IP);
  const startedAt = Date.now();
  const loop = (async () => {
    while (running) {
      const b = (await ifacesWith(l.ns.b)).length > 0;
      const a = await ifacesWith(l.ns.a);
      samples++;
      if (a.length && b) overlaps++;
      const now = [...a.map((i) => `a:${i}`), ...(b ? ['b'] : [])].join('+') || '-';
      if (seen.at(-1) !== now) seen.push(now);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const w = {
    async stop() {
      running = false;
      await loop;
      const stoppedAt = Date.now();
      const replies = await ping.stop();
      // From the start and to the end too: pings never answered are an outage as well (the
      // first gap includes starting ping in the client's namespace).
      const times = [startedAt, ...replies, stoppedAt];
      let outageMs = 0;
      for (let i = 1; i < times.length; i++) outageMs = Math.max(outageMs, times[i] - times[i - 1]);
      return { samples, overlaps, seen, replies: replies.length, outageMs: Math.round(outageMs) };
    },
  };
  watchers.push(w);
  return w;
}

async function bench(name: string, spec: BenchSpec = {}) {
  const b = await makeBench(name, spec);
  benches.push(b);
  return b;
}

/** Agents on a and b (a through `aEndpoints` when given), the address on a, owned by a. */
async function ownerOnA(b: Bench, aEndpoints?: string[]) {
  const A = await startAgent(b, 'a', aEndpoints ? { endpoints: aEndpoints } : {});
  agents.push(A);
  const B = await startAgent(b, 'b');
  agents.push(B);
  await waitFor('svc on a only', 60_000, async () => (await where(b.lab)) === 'a:eth0');
  const owner = await waitFor('owner key', 10_000, () => b.owner());
  assert.equal(owner.node, b.node('a'));
  // The add's checks (GARP, the ping list) done: faults hit a settled owner, not its apply.
  await waitFor(
    'a Ready',
    30_000,
    async () => {
      const kv = await b.client.get(agentKey(b.lab.envName, b.node('a')));
      return kv !== undefined && (JSON.parse(kv.value) as { condition?: string }).condition === 'Ready';
    },
    () => logs(A, B),
  );
  return { A, B, token: owner.token };
}

const logs = (...xs: AgentProc[]) => xs.map((x) => `--- ${x.node}\n${x.log()}`).join('\n');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function report(t: TestContext, fault: string, r: Awaited<ReturnType<ReturnType<typeof watch>['stop']>>) {
  t.diagnostic(
    `${fault}: outage ${r.outageMs} ms (longest gap between ping replies, 100 ms interval), ` +
      `${r.replies} replies, ${r.samples} samples, ${r.overlaps} on two nodes, seen ${r.seen.join(' > ')}`,
  );
}

describe('tandem agent: coordinator and network faults', { skip: skip ?? false }, () => {
  after(() => started.stopAll());

  it('one etcd member killed, the majority kept: nothing moves, no outage', async (t) => {
    const b = await bench('mk');
    const { A, B, token } = await ownerOnA(b);
    const w = watch(b.lab);
    await sleep(1000);
    await b.etcd.killMember(0);
    await sleep(TTL_MS + 2000);
    const r = await w.stop();
    report(t, 'etcd member killed', r);
    assert.equal(r.overlaps, 0, logs(A, B));
    assert.deepEqual(r.seen, ['a:eth0'], logs(A, B));
    assert.equal((await b.owner())?.token, token, 'the owner key is the same');
    assert.ok(r.outageMs < 1000, `outage ${r.outageMs} ms`);
    assert.doesNotMatch(A.log(), /self-fencing/);
    await b.etcd.restartMember(0);
    assert.equal(await stopAgent(A), 0, A.log());
    assert.equal(await stopAgent(B), 0, B.log());
  });

  it('etcd majority lost, policy release: down everywhere before the TTL ends, back after', async (t) => {
    const b = await bench('mlr');
    const { A, B } = await ownerOnA(b);
    const w = watch(b.lab);
    await sleep(1000);
    await b.etcd.killMember(1);
    await b.etcd.killMember(2);
    const lostAt = Date.now();
    const goneAt = await waitFor('svc gone from a', TTL_MS + 5000, async () =>
      (await where(b.lab)) === '-' ? Date.now() : false,
    );
    t.diagnostic(`majority lost, release: removed from a ${goneAt - lostAt} ms after the loss (TTL ${TTL_MS} ms)`);
    assert.ok(goneAt - lostAt < TTL_MS, `removed ${goneAt - lostAt} ms after the loss`);
    await sleep(2000);
    assert.equal(await where(b.lab), '-', 'nobody holds it while etcd has no majority');
    await b.etcd.restartMember(1);
    await b.etcd.restartMember(2);
    const backAt = Date.now();
    const servedAt = await waitFor('svc back on a', 60_000, async () =>
      (await where(b.lab)) === 'a:eth0' ? Date.now() : false,
    );
    await sleep(1000);
    const r = await w.stop();
    report(t, 'etcd majority lost (release)', r);
    t.diagnostic(`majority back: svc on a again ${servedAt - backAt} ms after the majority returned`);
    assert.equal(r.overlaps, 0, logs(A, B));
    assert.match(A.log(), /self-fencing/);
    assert.equal(await stopAgent(A), 0, A.log());
    assert.equal(await stopAgent(B), 0, B.log());
  });

  it('etcd majority lost, policy hold: the owner keeps serving; majority back, it is still the owner', async (t) => {
    const b = await bench('mlh', { addresses: hold });
    const { A, B, token } = await ownerOnA(b);
    const w = watch(b.lab);
    await sleep(1000);
    await b.etcd.killMember(1);
    await b.etcd.killMember(2);
    await waitFor(
      'the hold',
      TTL_MS + 5000,
      async () => (await A.audit()).find((e) => e.event === 'agent-hold'),
      () => logs(A, B),
    );
    await sleep(TTL_MS);
    assert.equal(await where(b.lab), 'a:eth0', 'held through the loss, past the TTL');
    await b.etcd.restartMember(1);
    await b.etcd.restartMember(2);
    const end = await waitFor('the hold ended', 60_000, async () =>
      (await A.audit()).find((e) => e.event === 'agent-hold-end'),
    );
    await sleep(3000);
    const r = await w.stop();
    report(t, 'etcd majority lost (hold)', r);
    assert.equal(r.overlaps, 0, logs(A, B));
    assert.deepEqual(r.seen, ['a:eth0'], logs(A, B));
    assert.match(String((end.detail as { reason: string }).reason), /lease is still ours: kept/, A.log());
    assert.equal((await b.owner())?.token, token, 'the same owner key, fencing token unchanged');
    assert.ok(r.outageMs < 1000, `outage ${r.outageMs} ms`);
    assert.equal(await stopAgent(A), 0, A.log());
    assert.equal(await stopAgent(B), 0, B.log());
  });

  it('the owner cut off from etcd, policy release: it fences, the standby takes over after the TTL', async (t) => {
    const b = await bench('cor');
    const fwd = await forwardTo(b.etcd.endpoints);
    forwarders.push(fwd);
    const { A, B, token } = await ownerOnA(b, fwd.urls);
    const w = watch(b.lab);
    await sleep(1000);
    fwd.cut();
    const cutAt = Date.now();
    const onB = await waitFor('svc on b', TTL_MS + 30_000, async () =>
      (await where(b.lab)) === 'b:eth0' ? Date.now() : false,
    );
    const owner = await b.owner();
    await sleep(1000);
    const r = await w.stop();
    report(t, 'owner cut off from etcd (release)', r);
    t.diagnostic(`cut off, release: on b ${onB - cutAt} ms after the cut`);
    assert.equal(r.overlaps, 0, logs(A, B));
    assert.equal(owner?.node, b.node('b'));
    assert.ok(owner.token > token);
    assert.match(A.log(), /self-fencing/);
    fwd.restore();
    assert.equal(await stopAgent(B), 0, B.log());
    assert.equal(await stopAgent(A), 0, A.log());
  });

  it('the owner cut off from etcd, policy hold: kept; the standby wins the key but does not add it', async (t) => {
    const b = await bench('coh', { addresses: hold });
    const fwd = await forwardTo(b.etcd.endpoints);
    forwarders.push(fwd);
    const { A, B, token } = await ownerOnA(b, fwd.urls);
    const w = watch(b.lab);
    await sleep(1000);
    fwd.cut();
    const cutAt = Date.now();
    const won = await waitFor('the standby owns the key', TTL_MS + 20_000, async () => {
      const o = await b.owner();
      return o && o.node === b.node('b') ? { ...o, at: Date.now() } : false;
    });
    assert.ok(won.token > token);
    // The standby owns the key for 8 s: its uniqueness check must keep it from adding the held address.
    await sleep(8000);
    assert.equal(await where(b.lab), 'a:eth0', logs(A, B));
    const tries = (await B.audit()).filter(
      (e) => Date.parse(String(e.time)) >= won.at && e.event === 'agent-converge' && e.result !== 'applied',
    );
    t.diagnostic(
      `cut off, hold: b won the key ${won.at - cutAt} ms after the cut; ` +
        `its passes refused to add in the next 8 s: ${tries.length}`,
    );
    assert.ok(tries.length >= 1, `the standby tried and failed\n${B.log()}`);
    assert.match(B.log(), /192\.0\.2\.100 is already in use on eth0's segment: another host answered arping -D/);
    assert.ok(tries.length <= 12, `no tight loop: ${tries.length} failed passes in 8 s`);
    fwd.restore();
    const restoredAt = Date.now();
    const onB = await waitFor('svc on b', 60_000, async () => ((await where(b.lab)) === 'b:eth0' ? Date.now() : false));
    await sleep(1000);
    const r = await w.stop();
    report(t, 'owner cut off from etcd (hold)', r);
    t.diagnostic(`cut off, hold: reconnected, on b ${onB - restoredAt} ms later`);
    assert.equal(r.overlaps, 0, logs(A, B));
    const audit = await A.audit();
    assert.ok(
      audit.some((e) => e.event === 'agent-hold'),
      A.log(),
    );
    assert.ok(
      audit.some((e) => e.event === 'agent-hold-end' && /removing it/.test(JSON.stringify(e.detail))),
      A.log(),
    );
    assert.equal(await stopAgent(B), 0, B.log());
    assert.equal(await stopAgent(A), 0, A.log());
  });
  it('the ping list unreachable from the owner: released, the standby reaching its own takes over', async (t) => {
    const b = await bench('pl');
    const { A, B, token } = await ownerOnA(b);
    const w = watch(b.lab);
    await sleep(1000);
    await execa('ip', ['-n', b.lab.ns.a, 'route', 'add', 'unreachable', '192.0.2.254/32']);
    const cutAt = Date.now();
    const onB = await waitFor(
      'svc on b',
      60_000,
      async () => ((await where(b.lab)) === 'b:eth0' ? Date.now() : false),
      () => logs(A, B),
    );
    await sleep(1000);
    const r = await w.stop();
    report(t, 'ping list unreachable', r);
    t.diagnostic(`ping list unreachable: on b ${onB - cutAt} ms after the route went`);
    assert.equal(r.overlaps, 0, logs(A, B));
    const owner = await b.owner();
    assert.equal(owner?.node, b.node('b'));
    assert.ok(owner.token > token);
    const release = (await A.audit()).find((e) => e.event === 'agent-failover-release');
    assert.match(JSON.stringify(release?.detail), /ping/, A.log());
    await execa('ip', ['-n', b.lab.ns.a, 'route', 'del', 'unreachable', '192.0.2.254/32'], { reject: false });
    assert.equal(await stopAgent(B), 0, B.log());
    assert.equal(await stopAgent(A), 0, A.log());
  });

  it('the ping list unreachable from the active node at start: its add fails, the standby serves', async (t) => {
    const b = await bench('pla');
    // Before any agent runs: a's first add fails its health check and is rolled back.
    await execa('ip', ['-n', b.lab.ns.a, 'route', 'add', 'unreachable', '192.0.2.254/32']);
    const w = watch(b.lab);
    const A = await startAgent(b, 'a');
    agents.push(A);
    const B = await startAgent(b, 'b');
    agents.push(B);
    const startedAt = Date.now();
    const onB = await waitFor(
      'svc on b',
      90_000,
      async () => ((await where(b.lab)) === 'b:eth0' ? Date.now() : false),
      () => logs(A, B),
    );
    await sleep(3000);
    const r = await w.stop();
    report(t, 'ping list unreachable at the first add', r);
    t.diagnostic(`ping list unreachable at the first add: served by b ${onB - startedAt} ms after the agents started`);
    assert.equal(r.overlaps, 0, logs(A, B));
    assert.equal(await where(b.lab), 'b:eth0', 'a does not take it back while its ping list is unreachable');
    const release = (await A.audit()).find((e) => e.event === 'agent-failover-release');
    assert.match(JSON.stringify(release?.detail), /no ping-list target answered/, A.log());
    await execa('ip', ['-n', b.lab.ns.a, 'route', 'del', 'unreachable', '192.0.2.254/32'], { reject: false });
    assert.equal(await stopAgent(B), 0, B.log());
    assert.equal(await stopAgent(A), 0, A.log());
  });

  it("local recovery: primary's cable pulled, to the backup interface; the backup's too, to the standby", async (t) => {
    const b = await bench('lr', {
      backupA: true,
      addresses: (y) => y.replace(/(node: a-[a-z0-9]+, priority: 1, interface: eth0)/, '$1, backupInterface: eth1'),
    });
    const { A, B, token } = await ownerOnA(b);
    const pull = (c: { namespace: string; peer: string }) =>
      execa('ip', ['-n', c.namespace, 'link', 'set', c.peer, 'down']);
    const w = watch(b.lab);
    await sleep(1000);
    await pull(b.lab.cable.a);
    const pulledAt = Date.now();
    const onBackup = await waitFor(
      'svc on a:eth1',
      60_000,
      async () => ((await where(b.lab)) === 'a:eth1' ? Date.now() : false),
      () => logs(A, B),
    );
    await sleep(1500);
    const local = await w.stop();
    report(t, 'primary link down (local recovery)', local);
    t.diagnostic(`local recovery: on a:eth1 ${onBackup - pulledAt} ms after the primary's cable was pulled`);
    assert.equal(local.overlaps, 0, logs(A, B));
    assert.equal((await b.owner())?.token, token, 'ownership kept through local recovery');
    assert.ok(
      (await A.audit()).some((e) => e.event === 'agent-local-recovery'),
      A.log(),
    );
    const w2 = watch(b.lab);
    await sleep(1000);
    await pull(b.lab.cableA1!);
    const pulled2At = Date.now();
    const onB = await waitFor(
      'svc on b',
      60_000,
      async () => ((await where(b.lab)) === 'b:eth0' ? Date.now() : false),
      () => logs(A, B),
    );
    await sleep(1000);
    const r = await w2.stop();
    report(t, 'primary and backup links down (failover)', r);
    t.diagnostic(`backup down too: on b ${onB - pulled2At} ms after the backup's cable was pulled`);
    for (const line of A.log()
      .split('\n')
      .filter((x) => /svc: agent-/.test(x)))
      t.diagnostic(line);
    assert.equal(r.overlaps, 0, logs(A, B));
    assert.equal((await b.owner())?.node, b.node('b'));
    assert.equal(await stopAgent(B), 0, B.log());
    assert.equal(await stopAgent(A), 0, A.log());
  });
});
