// Agents restarted around faults (root, network namespaces, a real 3-member etcd, agents as
// CLI processes), two defects the failover soak found (bench/failover-soak.ts):
// - a standby restarted a few seconds before the owner dies took the dead owner for an
//   agent still starting and let it "claim first": the failover waited FAILOVER_STEP_MS more;
// - kill -9 and a restart of an agent holding an address as a failover: its old key
//   expired, the desired active node claimed it, and the address went home after the
//   grace, even under switchback intelligent. The restarted agent now adopts its node's key.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { execa } from 'execa';
import { agentKey } from '../../src/fleet/keys.js';
import { FAILOVER_STEP_MS } from '../../src/fleet/agent/runtime.js';
import { canMakeNamespaces, pollOverlap } from '../apply/netns-lab.js';
import { etcdMissing } from '../helpers/etcd-cluster.js';
import {
  holders,
  leaseOf,
  makeBench,
  startAgent,
  startOwnerOnA,
  stopAgent,
  TTL_MS,
  VIP,
  waitFor,
  type AgentProc,
  type Bench,
  Started,
} from './agent-lab.js';

const skip = (await canMakeNamespaces()) ?? etcdMissing();
if (skip) console.log(`# fleet agent restart tests skipped: ${skip}`);

const started = new Started();
const { benches, agents, probes: samplers } = started;

/** The agent's first pass is done: its heartbeat, on its own lease, reports one. */
async function passed(b: Bench, a: AgentProc): Promise<void> {
  await waitFor(`a pass of ${a.node}`, 30_000, async () => {
    const kv = await b.client.get(agentKey(b.lab.envName, a.node));
    if (!kv || !leaseOf(a)) return false;
    const beat = JSON.parse(kv.value) as { lease?: string; lastPass?: unknown };
    return beat.lease === leaseOf(a) && !!beat.lastPass;
  });
}

describe('tandem agents restarted around faults', { skip: skip ?? false }, () => {
  after(() => started.stopAll());

  it('a standby restarted just before the owner dies claims as soon as the owner key goes', async () => {
    const b = await makeBench('rsb');
    benches.push(b);
    const { A, B, token } = await startOwnerOnA(b, agents);
    assert.equal(await stopAgent(B), 0, B.log());
    const B2 = await startAgent(b, 'b');
    agents.push(B2);
    await passed(b, B2);
    // a dies as a machine does: agent gone, address and link with it.
    A.proc.kill('SIGKILL');
    await A.proc;
    await execa('ip', ['-n', b.lab.ns.a, 'addr', 'del', VIP, 'dev', 'eth0']);
    await execa('ip', ['-n', b.lab.cable.a.namespace, 'link', 'set', b.lab.cable.a.peer, 'down']);
    const goneAt = await waitFor('the dead owner key gone', TTL_MS + 15_000, async () =>
      (await b.owner())?.token === token ? false : Date.now(),
    );
    await waitFor(
      'svc on b',
      30_000,
      async () => (await holders(b.lab)).join() === 'b',
      () => B2.log(),
    );
    const claim = (await B2.audit()).find((e) => e.event === 'agent-claim');
    assert.ok(claim, B2.log());
    const after = Date.parse(String(claim.time)) - goneAt;
    const reason = (claim.detail as { reason: string }).reason;
    console.log(`# restarted standby: claimed ${after} ms after the owner key went: ${reason}`);
    assert.match(reason, /has no live agent/, B2.log());
    // Before the fix: a counted as "starting", so b waited FAILOVER_STEP_MS for it to claim first.
    assert.ok(after < FAILOVER_STEP_MS, `claimed ${after} ms after the key went\n${B2.log()}`);
    assert.equal(await stopAgent(B2), 0, B2.log());
  });

  it('kill -9 and restart of a failover holder: it adopts its key, the address stays', async () => {
    const b = await makeBench('rfo');
    benches.push(b);
    const { A, B, token } = await startOwnerOnA(b, agents);
    // a stopped: b takes the address over as a failover; a back: switchback intelligent keeps it on b.
    assert.equal(await stopAgent(A), 0, A.log());
    await waitFor(
      'svc on b',
      30_000,
      async () => (await holders(b.lab)).join() === 'b',
      () => B.log(),
    );
    const A2 = await startAgent(b, 'a');
    agents.push(A2);
    await passed(b, A2);
    const held = await waitFor('b owns svc', 10_000, async () => {
      const o = await b.owner();
      return o?.node === b.node('b') && o.token !== token ? o : false;
    });
    const poll = pollOverlap(b.lab, '192.0.2.100');
    samplers.push(poll);
    B.proc.kill('SIGKILL');
    await B.proc;
    const B2 = await startAgent(b, 'b', { restartOf: B });
    agents.push(B2);
    const adopted = await waitFor('the key on the new lease', TTL_MS + 5_000, async () => {
      const o = await b.owner();
      return o?.lease === leaseOf(B2) ? o : false;
    });
    // Past the old lease's end, and a pass of each agent after it.
    await new Promise((r) => setTimeout(r, TTL_MS + 3_000));
    const seen = await poll.stop();
    const logs = `--- a\n${A2.log()}\n--- b (restarted)\n${B2.log()}`;
    assert.equal(adopted.token, held.token, `a new fencing token\n${logs}`);
    assert.deepEqual(await b.owner(), adopted, logs);
    assert.deepEqual([...seen.seenOn], ['b'], logs);
    assert.equal(seen.overlaps, 0, logs);
    const adopt = (await B2.audit()).find((e) => e.event === 'agent-adopt');
    assert.equal(adopt?.fencing, held.token, logs);
    assert.ok(!(await A2.audit()).some((e) => e.event === 'agent-claim'), `a claimed\n${logs}`);
    assert.equal(await stopAgent(B2), 0, B2.log());
    assert.equal(await stopAgent(A2), 0, A2.log());
  });
});
