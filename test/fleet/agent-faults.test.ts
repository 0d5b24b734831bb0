// tandem agent under faults (root, network namespaces, a real 3-member etcd, agents as
// CLI processes). kill -9 of the owner: nobody removes or adds the address before its
// lease expires, and its key goes at expiry. An owner cut off from etcd removes its
// address before its lease can have expired (self-fencing). SIGSTOP past the TTL: the
// stopped owner cannot fence; what the others do meanwhile is recorded. kill -9 and a
// restart (same state folder, as systemd does) just before the lease ends: the restarted
// agent adopts its node's key and keeps the address, no outage (agent-heartbeat.test.ts
// holds the regression itself).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { canMakeNamespaces, pollOverlap } from '../apply/netns-lab.js';
import { etcdMissing } from '../helpers/etcd-cluster.js';
import {
  holders,
  leaseOf,
  makeBench,
  pinger,
  startAgent,
  startOwnerOnA,
  stopAgent,
  TTL_MS,
  waitFor,
  type Bench,
  Started,
} from './agent-lab.js';

const skip = (await canMakeNamespaces()) ?? etcdMissing();
if (skip) console.log(`# fleet agent fault tests skipped: ${skip}`);

const started = new Started();
const { benches, agents, probes: samplers } = started;
/** Samplers still running when a test fails: stopped in `after`, else they keep the process alive. */
function sample(b: Bench) {
  const p = pollOverlap(b.lab, '192.0.2.100');
  samplers.push(p);
  return p;
}

const ownerRunning = (b: Bench) =>
  startOwnerOnA(b, agents, { a: b.etcd.endpoints.slice(0, 1), b: b.etcd.endpoints.slice(1) });

describe('tandem agent under faults', { skip: skip ?? false }, () => {
  after(() => started.stopAll());

  it('kill -9 of the owner: nobody removes or adds the address until its lease expires', async () => {
    const b = await makeBench('k9');
    benches.push(b);
    const { A, B, token } = await ownerRunning(b);
    // The desired active node moves to b at the moment a dies: b wants the address but must wait.
    const poll = sample(b);
    A.proc.kill('SIGKILL');
    const killedAt = Date.now();
    await A.proc;
    await b.commitActive('b');
    const goneAt = await waitFor('owner key gone', TTL_MS + 15_000, async () =>
      (await b.owner())?.token === token ? false : Date.now(),
    );
    const afterExpiry = await b.owner();
    // Until the key went, the address stayed on a only: b neither removed it nor added it.
    const seen = await poll.stop();
    assert.equal(seen.overlaps, 0, B.log());
    assert.deepEqual([...seen.seenOn], ['a'], B.log());
    const waited = goneAt - killedAt;
    console.log(
      `# kill -9: owner key gone ${waited} ms after the kill (TTL ${TTL_MS} ms); then ${JSON.stringify(afterExpiry)}`,
    );
    assert.ok(waited >= TTL_MS - 1500, `the key went after ${waited} ms, before the TTL`);
    assert.ok(waited <= TTL_MS + 10_000, `the key went only after ${waited} ms`);
    const claims = (await B.audit()).filter((e) => e.event === 'agent-claim');
    for (const c of claims)
      assert.ok(Date.parse(String(c.time)) >= goneAt - 1000, `b claimed before expiry: ${String(c.time)}`);
    // After expiry b may win the key, but the dead owner's address is still on a: b's
    // uniqueness check (arping -D) must keep it from adding a duplicate.
    const poll2 = sample(b);
    await new Promise((r) => setTimeout(r, 8000));
    const seen2 = await poll2.stop();
    assert.equal(seen2.overlaps, 0, `after expiry, the address was on both nodes\n${B.log()}`);
    console.log(
      `# kill -9, 8 s after expiry: held by ${[...seen2.seenOn].join(',')}; b said: ${B.log()
        .split('\n')
        .filter((l) => /won|uniqueness|failed/.test(l))
        .slice(0, 3)
        .join(' | ')}`,
    );
    assert.equal(await stopAgent(B), 0, B.log());
  });

  it('kill -9 of the owner, restarted before its lease runs out: the address stays on a, no outage', async () => {
    const b = await makeBench('k9r');
    benches.push(b);
    const { A, B, token } = await ownerRunning(b);
    const lease = (await b.owner())!.lease!;
    const poll = sample(b);
    const ping = pinger(b.lab, '192.0.2.100');
    samplers.push(ping);
    A.proc.kill('SIGKILL');
    await A.proc;
    // Restarted late, with at most 1 s of the old lease left: the new agent must be seen
    // alive before the old heartbeat goes with the old lease, or b takes a for dead and claims.
    await waitFor('the old lease near its end', TTL_MS + 5000, async () => {
      const left = await b.client.leaseTimeToLive(lease).catch(() => ({ ttl: -1 }));
      return left.ttl <= 1;
    });
    const A2 = await startAgent(b, 'a', { endpoints: b.etcd.endpoints.slice(0, 1), restartOf: A });
    agents.push(A2);
    // The restarted agent adopts its node's key (same fencing token, its own lease), or, when
    // the old lease ended before its first pass, claims it anew as the desired active node.
    let lastOwner: Awaited<ReturnType<Bench['owner']>>;
    const owner = await waitFor(
      'the owner key on the new lease',
      TTL_MS + 15_000,
      async () => {
        const o = await b.owner();
        lastOwner = o;
        return o && o.lease === leaseOf(A2) ? o : false;
      },
      () => `owner ${JSON.stringify(lastOwner)}\n--- a (restarted)\n${A2.log()}\n--- b\n${B.log()}`,
    );
    await new Promise((r) => setTimeout(r, 4000));
    const seen = await poll.stop();
    const replies = await ping.stop();
    let gap = 0;
    for (let i = 1; i < replies.length; i++) gap = Math.max(gap, replies[i] - replies[i - 1]);
    const logs = `--- a (restarted)\n${A2.log()}\n--- b\n${B.log()}`;
    console.log(
      `# kill -9, restarted: new owner ${owner.node}; seen on ${[...seen.seenOn].join(',')}; outage ${gap} ms`,
    );
    assert.equal(owner.node, b.node('a'), logs);
    assert.deepEqual(await b.owner(), owner, `the key did not last past the old lease\n${logs}`);
    console.log(`# kill -9, restarted: ${owner.token === token ? 'adopted the key' : 'claimed a new key'}`);
    assert.deepEqual([...seen.seenOn], ['a'], logs);
    assert.equal(seen.overlaps, 0, logs);
    assert.ok(gap < 1500, `the client saw a ${gap} ms outage\n${logs}`);
    assert.ok(!(await B.audit()).some((e) => e.event === 'agent-claim'), `b claimed\n${logs}`);
    assert.equal(await stopAgent(A2), 0, A2.log());
    assert.equal(await stopAgent(B), 0, B.log());
  });

  it('an owner cut off from etcd removes its address before its lease can have expired (self-fencing)', async () => {
    const b = await makeBench('cut');
    benches.push(b);
    const { A, B, token } = await ownerRunning(b);
    // a talks to member 0 only: killing it cuts a off; the cluster keeps its majority.
    await b.etcd.killMember(0);
    const cutAt = Date.now();
    const removedAt = await waitFor('svc removed from a', TTL_MS + 5000, async () =>
      (await holders(b.lab)).includes('a') ? false : Date.now(),
    );
    const expiredAt = await waitFor('owner key expired', TTL_MS + 15_000, async () =>
      (await b.owner())?.token === token ? false : Date.now(),
    );
    console.log(
      `# cut off: a removed svc ${removedAt - cutAt} ms after the cut, ` +
        `its key expired ${expiredAt - cutAt} ms after it`,
    );
    assert.ok(removedAt < expiredAt, 'the address was removed before the lease expired');
    assert.ok(removedAt - cutAt < TTL_MS, `removed ${removedAt - cutAt} ms after the cut: not within the TTL`);
    const fence = await waitFor('the fence audit line', 20_000, async () =>
      (await A.audit()).find((e) => e.event === 'agent-fence'),
    );
    assert.equal(fence.result, 'ok', A.log());
    // The agent's own clock: removed before the deadline, which lies before the lease's expiry.
    const t = fence.detail as { lastRenewalAt: string; deadline: string; removedAt: string };
    const removedIn = Date.parse(t.removedAt) - Date.parse(t.lastRenewalAt);
    console.log(
      `# cut off: removed ${removedIn} ms after the last renewal; deadline ${t.deadline}, removed ${t.removedAt}`,
    );
    assert.ok(Date.parse(t.removedAt) < Date.parse(t.deadline), JSON.stringify(t));
    assert.ok(removedIn < TTL_MS, `removed ${removedIn} ms after the last renewal`);
    assert.deepEqual((fence.detail as { fencing: Record<string, number> }).fencing, { svc: token });
    assert.match(A.log(), /self-fencing/);
    assert.equal(await stopAgent(A), 0, A.log());
    assert.equal(await stopAgent(B), 0, B.log());
  });

  it('SIGSTOP of the owner past the TTL: nobody else adds the address while the stopped one has it', async () => {
    const b = await makeBench('stop');
    benches.push(b);
    const { A, B, token } = await ownerRunning(b);
    const poll = sample(b);
    A.proc.kill('SIGSTOP');
    const stoppedAt = Date.now();
    await b.commitActive('b');
    const expiredAt = await waitFor('owner key expired', TTL_MS + 15_000, async () =>
      (await b.owner())?.token === token ? false : Date.now(),
    );
    // Past the TTL, b may own the key, but the address is still on the stopped a.
    await new Promise((r) => setTimeout(r, 5000));
    const whileStopped = await holders(b.lab);
    A.proc.kill('SIGCONT');
    const contAt = Date.now();
    // Resumed, a finds its lease gone and removes the address; then b can add it.
    const onB = await waitFor('svc on b only', 60_000, async () =>
      (await holders(b.lab)).join() === 'b' ? Date.now() : false,
    );
    const seen = await poll.stop();
    console.log(
      `# SIGSTOP: key expired ${expiredAt - stoppedAt} ms after the stop; while stopped the address was on ` +
        `${whileStopped.join(',') || 'no node'}; after SIGCONT on b only in ${onB - contAt} ms`,
    );
    assert.equal(seen.overlaps, 0, `${A.log()}\n${B.log()}`);
    assert.deepEqual(whileStopped, ['a'], 'while a was stopped, nobody else added the address');
    assert.match(A.log(), /expired|self-fencing/);
    assert.equal(await stopAgent(B), 0, B.log());
    assert.equal(await stopAgent(A), 0, A.log());
  });
});
