// Run-time failover by the agents (src/fleet/agent/runtime.ts, runtime-step.ts; seed 004,
// LifeKeeper IP Recovery Kit): root, two namespace nodes, a real 3-member etcd, agents as
// CLI processes, a client pinging the address, ownership sampled every ~20 ms.
// - The owner's link fails (no backup interface): it releases the address for the healthy
//   standby, which claims it as a failover; with switchback intelligent it stays there
//   after the link is back; switched to automatic, it goes home after the hold-down.
// - The owner node dies (agent killed, its address and link gone): the standby claims the
//   address when the owner's lease expires.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { execa } from 'execa';
import { canMakeNamespaces } from '../apply/netns-lab.js';
import { addressesYaml, type Lab } from '../apply/netns-lab.js';
import { OverlapSampler } from '../apply/overlap-sampler.js';
import { etcdMissing } from '../helpers/etcd-cluster.js';
import { HOLD_DOWN_MS } from '../../src/fleet/agent/runtime.js';
import {
  holders,
  makeBench,
  pinger,
  startOwnerOnA,
  stopAgent,
  TTL_MS,
  VIP,
  waitFor,
  type Bench,
  Started,
} from './agent-lab.js';

const skip = (await canMakeNamespaces()) ?? etcdMissing();
if (skip) console.log(`# fleet runtime failover tests skipped: ${skip}`);

const started = new Started();
const { benches, agents, probes: samplers } = started;

/** Both nodes read every few ms, `first` (where the address is going) before the other. */
function sample(l: Lab, first: 'a' | 'b') {
  const sampler = new OverlapSampler(l.ns, VIP.split('/')[0]);
  sampler.first = first;
  const s = {
    stop: async () => {
      const r = await sampler.stop();
      return { samples: r.samples, overlaps: r.overlaps, seen: sampler.history };
    },
  };
  samplers.push(s);
  return s;
}

/** The longest gap between two ping replies (ms): the outage the client saw. */
function outage(replies: number[]): number {
  let worst = 0;
  for (let i = 1; i < replies.length; i++) worst = Math.max(worst, replies[i] - replies[i - 1]);
  return Math.round(worst);
}

/** Pulls (or plugs back) the node's cable: the far end of its veth, which tandem does not manage, goes down. */
const setLink = (l: Lab, x: 'a' | 'b', up: boolean) =>
  execa('ip', ['-n', l.cable[x].namespace, 'link', 'set', l.cable[x].peer, up ? 'up' : 'down']);

async function commitSwitchback(b: Bench, mode: 'automatic' | 'intelligent') {
  const dir = b.lab.dir;
  const text = addressesYaml(b.lab, 'a').replace('switchback: intelligent', `switchback: ${mode}`);
  await b.repos.commit(
    {
      [`${b.envPath}/cluster.yaml`]: await readFile(join(dir, 'cluster.yaml'), 'utf8'),
      [`${b.envPath}/nodes.yaml`]: await readFile(join(dir, 'nodes.yaml'), 'utf8'),
      [`${b.envPath}/addresses.yaml`]: text,
    },
    `switchback ${mode}`,
  );
  await b.repos.push();
}

const running = (b: Bench) => startOwnerOnA(b, agents);

describe('tandem agent: run-time failover', { skip: skip ?? false }, () => {
  after(() => started.stopAll());

  it("the owner's cable is pulled: failover to the standby; intelligent stays, automatic goes home", async () => {
    const b = await makeBench('rtl');
    benches.push(b);
    const { A, B, token } = await running(b);
    let audits = '';
    const logs = () => `--- a\n${A.log()}\n--- b\n${B.log()}\n${audits}`;
    const dump = setInterval(() => {
      void A.audit().then((x) => (audits = x.map((e) => JSON.stringify(e).slice(0, 400)).join('\n')));
    }, 2000);
    samplers.push({ stop: () => Promise.resolve(clearInterval(dump)) });
    const ping = pinger(b.lab, '192.0.2.100');
    samplers.push(ping);
    const toB = sample(b.lab, 'b');
    await new Promise((r) => setTimeout(r, 1000));
    await setLink(b.lab, 'a', false);
    const cutAt = Date.now();
    const onB = await waitFor(
      'svc on b',
      60_000,
      async () => ((await holders(b.lab)).join() === 'b' ? Date.now() : false),
      logs,
    );
    const owner = await waitFor('b owns svc', 10_000, async () => {
      const o = await b.owner();
      return o?.node === b.node('b') ? o : false;
    });
    await new Promise((r) => setTimeout(r, 1500));
    const away = await toB.stop();
    const replies = await ping.stop();
    console.log(
      `# link down on the owner: on b ${onB - cutAt} ms after the cut; ` +
        `client outage ${outage(replies.filter((t) => t > cutAt - 2000))} ms; ` +
        `${away.samples} samples, seen ${away.seen.join(' > ')}`,
    );
    assert.equal(away.overlaps, 0, logs());
    assert.ok(owner.token > token, 'a new, higher fencing token');
    const aAudit = await A.audit();
    const released = aAudit.find((e) => e.event === 'agent-failover-release');
    assert.ok(released, logs());
    assert.equal(
      (aAudit.find((e) => e.event === 'agent-release' && e.fencing === token)?.detail as { reason: string }).reason,
      'unhealthy',
    );
    const claim = (await B.audit()).find((e) => e.event === 'agent-claim' && e.fencing === owner.token);
    assert.match(String((claim?.detail as { reason?: string })?.reason), /failover/, logs());
    assert.ok(
      replies.some((t) => t > onB),
      'the client reaches the address on b',
    );

    // The link comes back: switchback intelligent leaves it on b.
    await setLink(b.lab, 'a', true);
    await new Promise((r) => setTimeout(r, HOLD_DOWN_MS + 5000));
    assert.deepEqual(await holders(b.lab), ['b'], `intelligent switchback moved it\n${logs()}`);
    assert.match(A.log(), /waiting for its owner/);

    // Automatic: home after a has been healthy for the hold-down, never on both.
    const home = sample(b.lab, 'a');
    const switchedAt = Date.now();
    await commitSwitchback(b, 'automatic');
    const onA = await waitFor(
      'svc home on a',
      60_000,
      async () => ((await holders(b.lab)).join() === 'a' ? Date.now() : false),
      logs,
    );
    const back = await home.stop();
    console.log(`# automatic switchback: home ${onA - switchedAt} ms after the commit; seen ${back.seen.join(' > ')}`);
    assert.equal(back.overlaps, 0, logs());
    assert.ok(
      (await B.audit()).some((e) => e.event === 'agent-switchback'),
      logs(),
    );
    assert.equal((await b.owner())?.node, b.node('a'));
    assert.equal(await stopAgent(B), 0, B.log());
    assert.equal(await stopAgent(A), 0, A.log());
  });

  it('the owner node dies: the standby claims the address when the lease expires', async () => {
    const b = await makeBench('rtk');
    benches.push(b);
    const { A, B, token } = await running(b);
    const logs = () => `--- a\n${A.log()}\n--- b\n${B.log()}`;
    const ping = pinger(b.lab, '192.0.2.100');
    samplers.push(ping);
    await new Promise((r) => setTimeout(r, 1000));
    // The node dies: its agent, its address and its link at once.
    A.proc.kill('SIGKILL');
    const diedAt = Date.now();
    await execa('ip', ['-n', b.lab.ns.a, 'addr', 'del', VIP, 'dev', 'eth0']);
    await setLink(b.lab, 'a', false);
    const onB = await waitFor(
      'svc on b',
      TTL_MS + 30_000,
      async () => ((await holders(b.lab)).join() === 'b' ? Date.now() : false),
      logs,
    );
    const owner = await b.owner();
    await new Promise((r) => setTimeout(r, 1000));
    const replies = await ping.stop();
    console.log(
      `# owner node died: on b ${onB - diedAt} ms after (TTL ${TTL_MS} ms); client outage ${outage(replies)} ms`,
    );
    assert.equal(owner?.node, b.node('b'));
    assert.ok(owner.token > token);
    assert.ok(onB - diedAt >= TTL_MS - 1500, 'nobody took it before the lease expired');
    assert.ok(
      replies.some((t) => t > onB),
      'the client reaches the address on b',
    );
    assert.equal(await stopAgent(B), 0, B.log());
  });
});
