// CIP interface failover by the agents (src/fleet/agent/cip.ts, cip-step.ts; NonStop CIP
// manual): root, two namespace nodes, a real 3-member etcd, agents as CLI processes. Node
// a's eth0 fails over to b's eth0. Its cable pulled: its IPv4 and IPv6 addresses and its
// static route move to b's eth0; plugged back: they return home after the hold-down. A
// client pings the IPv4 address throughout; both nodes are sampled every ~20 ms: the
// address is never on both. (Tunnels move too, but this kernel may lack sit: they are
// covered by test/fleet/cip.test.ts.)
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { execa } from 'execa';
import type { EtcdClient } from '../../src/fleet/etcd/client.js';
import { agentKey, cipKey } from '../../src/fleet/keys.js';
import type { AgentStatus } from '../../src/fleet/status-types.js';
import { HOLD_DOWN_MS } from '../../src/fleet/agent/runtime.js';
import { canMakeNamespaces, CLI, eth0Addresses, type Lab } from '../apply/netns-lab.js';
import { etcdMissing } from '../helpers/etcd-cluster.js';
import {
  makeBench,
  pinger,
  startAgent,
  stopAgent,
  TTL_MS,
  waitFor,
  type AgentProc,
  type Bench,
  Started,
} from './agent-lab.js';

const skip = (await canMakeNamespaces()) ?? etcdMissing();
if (skip) console.log(`# fleet CIP failover tests skipped: ${skip}`);

const started = new Started();
const { benches, agents, probes: stoppers } = started;

const HOME_V4 = '192.0.2.11/24';
const HOME_V6 = '2001:db8:a::11/64';
const ROUTE = '198.51.100.0/24';

/** a's eth0 with failover to b's eth0, a static route, and a loopback address so a never ends up empty. */
function nodesYaml(l: Lab): string {
  return `apiVersion: tandem/v1
kind: Node
metadata: { name: a-${l.sfx} }
spec:
  provider: p1
  connection: { transport: netns, namespace: ${l.ns.a} }
  interfaces:
    - { name: lo, type: loopback, addresses: [10.255.0.11/32] }
    - name: eth0
      type: physical
      segment: ap-${l.sfx}
      addresses: [${HOME_V4}, "${HOME_V6}"]
      routes: [{ to: ${ROUTE}, via: 192.0.2.254 }]
      failover: { node: b-${l.sfx}, interface: eth0 }
---
apiVersion: tandem/v1
kind: Node
metadata: { name: b-${l.sfx} }
spec:
  provider: p1
  connection: { transport: netns, namespace: ${l.ns.b} }
  interfaces:
    - { name: eth0, type: physical, segment: ap-${l.sfx}, addresses: [192.0.2.12/24] }
`;
}

async function commitCip(b: Bench): Promise<void> {
  await b.repos.commit(
    {
      [`${b.envPath}/cluster.yaml`]: await readFile(join(b.lab.dir, 'cluster.yaml'), 'utf8'),
      [`${b.envPath}/nodes.yaml`]: nodesYaml(b.lab),
      [`${b.envPath}/addresses.yaml`]: null,
    },
    'a/eth0 fails over to b/eth0',
  );
  await b.repos.push();
}

/** What node x holds of a's eth0: its addresses on eth0, and the static route. */
async function resources(l: Lab, x: 'a' | 'b'): Promise<string[]> {
  const on = (await eth0Addresses(l.ns[x])).filter((a) => a === HOME_V4 || a === HOME_V6);
  const r = await execa('ip', ['-n', l.ns[x], 'route', 'show', ROUTE], { reject: false });
  return [...on, ...(String(r.stdout).includes('dev eth0') ? [`route ${ROUTE}`] : [])].sort();
}
const ALL = [HOME_V6, HOME_V4, `route ${ROUTE}`].sort();

/** Samples b then a every ~20 ms: the home IPv4 address seen on both in one sample is a double. */
function sampleOwnership(l: Lab) {
  let running = true;
  let samples = 0;
  let doubles = 0;
  const seen: string[] = [];
  const has = async (x: 'a' | 'b') => (await eth0Addresses(l.ns[x])).includes(HOME_V4);
  const loop = (async () => {
    while (running) {
      const onB = await has('b');
      const onA = await has('a');
      samples++;
      const now = [onA ? 'a' : '', onB ? 'b' : ''].filter(Boolean).join('+') || '-';
      if (seen.at(-1) !== now) seen.push(now);
      if (onA && onB) doubles++;
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const s = {
    stop: async () => {
      running = false;
      await loop;
      return { samples, doubles, seen };
    },
  };
  stoppers.push(s);
  return s;
}

/** The longest gap between two ping replies around `from` (ms): the outage the client saw. */
function longestGap(replies: number[], from: number): number {
  const r = replies.filter((t) => t >= from - 2000);
  assert.ok(
    r.some((t) => t > from + 500),
    `no ping reply after the fault (${replies.length} replies in all)`,
  );
  let worst = 0;
  for (let i = 1; i < r.length; i++) worst = Math.max(worst, r[i] - r[i - 1]);
  return Math.round(worst);
}

const setCable = (l: Lab, x: 'a' | 'b', up: boolean) =>
  execa('ip', ['-n', l.cable[x].namespace, 'link', 'set', l.cable[x].peer, up ? 'up' : 'down']);

async function cipHolder(client: EtcdClient, b: Bench): Promise<{ node: string; token: number } | undefined> {
  const kv = await client.get(cipKey(b.lab.envName, b.node('a'), 'eth0'));
  return kv ? { node: (JSON.parse(kv.value) as { node: string }).node, token: kv.createRevision } : undefined;
}

/** A bench with a/eth0 failing over to b/eth0, both agents Ready, a holding its interface. */
async function startPair(): Promise<{
  b: Bench;
  A: AgentProc;
  B: AgentProc;
  home: { token: number };
  logs: () => string;
}> {
  // IPv6 DAD takes about a second here: the DAD wait gets 2 s (arping -D still stops after 2 probes).
  const b = await makeBench('cip', { uniquenessTimeoutMs: 2000 });
  benches.push(b);
  await commitCip(b);
  const A = await startAgent(b, 'a');
  const B = await startAgent(b, 'b');
  agents.push(A, B);
  const logs = () => `--- a\n${A.log()}\n--- b\n${B.log()}`;
  await waitFor(
    'a/eth0 configured at home',
    60_000,
    async () => (await resources(b.lab, 'a')).join() === ALL.join(),
    logs,
  );
  const home = await waitFor(
    'a holds the CIP key',
    20_000,
    async () => {
      const h = await cipHolder(b.client, b);
      return h?.node === b.node('a') ? h : false;
    },
    logs,
  );
  // Both agents converged: a holds its interface, b publishes its failover interface's link.
  const status = async (x: 'a' | 'b') => {
    const kv = await b.client.get(agentKey(b.lab.envName, b.node(x)));
    return kv ? (JSON.parse(kv.value) as Partial<AgentStatus>) : undefined;
  };
  await waitFor(
    'both agents Ready, a holding a/eth0, b reporting its eth0 usable',
    60_000,
    async () => {
      const [sa, sb] = [await status('a'), await status('b')];
      return (
        sa?.condition === 'Ready' &&
        sb?.condition === 'Ready' &&
        sa.cip?.some((c) => c.role === 'home' && c.held?.token === home.token) &&
        sb.cip?.some((c) => c.role === 'partner' && c.usable)
      );
    },
    logs,
  );
  assert.deepEqual(await resources(b.lab, 'a'), ALL, logs());
  return { b, A, B, home, logs };
}

describe('tandem agent: CIP interface failover', { skip: skip ?? false }, () => {
  after(() => started.stopAll());

  it("the home interface's cable is pulled: addresses and route move to the partner, and back on restore", async () => {
    const { b, A, B, home, logs } = await startPair();

    const ping = pinger(b.lab, '192.0.2.11');
    stoppers.push(ping);
    const own = sampleOwnership(b.lab);
    await new Promise((r) => setTimeout(r, 1000));
    await setCable(b.lab, 'a', false);
    const cutAt = Date.now();
    const onB = await waitFor(
      'the home resources on b',
      60_000,
      async () => ((await resources(b.lab, 'b')).join() === ALL.join() ? Date.now() : false),
      logs,
    );
    assert.deepEqual(await resources(b.lab, 'a'), [], 'nothing of it left on a');
    const partner = await cipHolder(b.client, b);
    assert.equal(partner?.node, b.node('b'), logs());
    assert.ok(partner.token > home.token, 'a new, higher fencing token');
    await new Promise((r) => setTimeout(r, 1500));
    const failoverGap = longestGap(await ping.stop(), cutAt);
    // status --fleet names the holder, its token and the last transition.
    const st = await execa(
      process.execPath,
      [CLI, 'status', '--fleet', '--etcd', b.etcd.endpoints.join(','), b.lab.envName],
      {
        reject: false,
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    const line =
      String(st.stdout)
        .split('\n')
        .find((l) => l.includes(`${b.node('a')}/eth0`)) ?? String(st.stdout);
    assert.match(line, new RegExp(`${b.node('b')} \\(partner\\)\\s+${partner.token}`), String(st.stdout));
    assert.match(line, /a-\S+\/eth0 DOWN/);
    assert.match(line, /agent-cip-claim on b-\S+ at .*: partner: the home interface has no link/);

    // The cable back: home after the hold-down, break before make.
    const ping2 = pinger(b.lab, '192.0.2.11');
    stoppers.push(ping2);
    await setCable(b.lab, 'a', true);
    const plugAt = Date.now();
    const onA = await waitFor(
      'the resources back home',
      HOLD_DOWN_MS + 60_000,
      async () =>
        (await resources(b.lab, 'a')).join() === ALL.join() && (await resources(b.lab, 'b')).length === 0
          ? Date.now()
          : false,
      logs,
    );
    await new Promise((r) => setTimeout(r, 1500));
    const restoreGap = longestGap(await ping2.stop(), plugAt);
    const o = await own.stop();
    console.log(
      `# CIP failover: on b ${onB - cutAt} ms after the cable was pulled, client outage ${failoverGap} ms; ` +
        `home ${onA - plugAt} ms after it was plugged back (hold-down ${HOLD_DOWN_MS / 1000} s), ` +
        `client outage ${restoreGap} ms; ${o.samples} samples, seen ${o.seen.join(' > ')}`,
    );
    assert.equal(o.doubles, 0, `the address was on both nodes\n${logs()}`);
    assert.ok(onA - plugAt >= HOLD_DOWN_MS, 'not home before the hold-down');
    const back = await cipHolder(b.client, b);
    assert.equal(back?.node, b.node('a'));
    assert.ok(back.token > partner.token);

    // The transitions are audited with their fencing tokens.
    const aAudit = await A.audit();
    const bAudit = await B.audit();
    if (process.env.CIP_DEBUG)
      await writeFile(
        process.env.CIP_DEBUG,
        [...aAudit, ...bAudit]
          .sort((x, y) => String(x.time).localeCompare(String(y.time)))
          .map((e) => JSON.stringify(e).slice(0, 300))
          .join('\n') + `\ncut ${new Date(cutAt).toISOString()} plug ${new Date(plugAt).toISOString()}\n${logs()}`,
      );
    const ev = (list: Array<Record<string, unknown>>, event: string, token: number) =>
      list.find((e) => e.event === event && e.fencing === token);
    assert.match(
      String((ev(aAudit, 'agent-cip-release', home.token)?.detail as { reason: string })?.reason),
      /link-down/,
    );
    assert.match(
      String((ev(bAudit, 'agent-cip-claim', partner.token)?.detail as { reason: string })?.reason),
      /no link/,
    );
    assert.match(
      String((ev(bAudit, 'agent-cip-release', partner.token)?.detail as { reason: string })?.reason),
      /restore/,
    );
    assert.ok(ev(aAudit, 'agent-cip-claim', back.token), logs());
    assert.equal(await stopAgent(B), 0, B.log());
    assert.equal(await stopAgent(A), 0, A.log());
  });
  it('the home node dies: the partner takes over when its lease ends, not while the home still answers', async () => {
    const { b, A, B, logs } = await startPair();
    // The agent dies, its node does not: a's addresses still answer, b must not take them.
    A.proc.kill('SIGKILL');
    await waitFor('a/eth0 key expired', TTL_MS + 20_000, async () => !(await cipHolder(b.client, b)), logs);
    await waitFor('b declines', 10_000, () => Promise.resolve(/still answers on the segment/.test(B.log())), logs);
    assert.deepEqual(await resources(b.lab, 'b'), [], logs());
    // Now the node dies: its addresses and its link go.
    const ping = pinger(b.lab, '192.0.2.11');
    stoppers.push(ping);
    await execa('ip', ['-n', b.lab.ns.a, 'addr', 'flush', 'dev', 'eth0', 'scope', 'global']);
    await setCable(b.lab, 'a', false);
    const diedAt = Date.now();
    const onB = await waitFor(
      'the home resources on b',
      30_000,
      async () => ((await resources(b.lab, 'b')).join() === ALL.join() ? Date.now() : false),
      logs,
    );
    await new Promise((r) => setTimeout(r, 1500));
    const gap = longestGap(await ping.stop(), diedAt);
    const claim = (await B.audit()).find((e) => e.event === 'agent-cip-claim');
    assert.match(String((claim?.detail as { reason?: string })?.reason), /lease ended/, logs());
    console.log(
      `# CIP failover, home node dead (lease already ended): on b ${onB - diedAt} ms, client outage ${gap} ms`,
    );
    // A graceful stop of the partner gives the interface up: its resources removed, the key released.
    assert.equal(await stopAgent(B), 0, B.log());
    assert.deepEqual(await resources(b.lab, 'b'), [], B.log());
    assert.equal(await cipHolder(b.client, b), undefined);
  });
});
