// Coordinator loss (docs/fleet.md, "Coordinator loss"): whom a holding owner pings, and
// the lease session's hold against a real etcd member, the session's client cut off by a
// TCP forwarder (test/helpers/tcp-forwarder.ts) while the test's own client still reaches
// the member: at the deadline a release session ends; a hold session goes on renewing
// the same lease and resumes when a renewal succeeds, ends as lost when etcd answers that
// the lease expired, and ends when the agent drops everything it held.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { partnerCheck, partnerTargets } from '../../src/fleet/agent/coordinator-loss.js';
import { LeaseSession } from '../../src/fleet/agent/session.js';
import { timingProblems, type AgentTiming } from '../../src/fleet/agent/timing.js';
import { EtcdClient } from '../../src/fleet/etcd/client.js';
import { etcdMissing, startEtcdCluster, type EtcdCluster } from '../helpers/etcd-cluster.js';
import { CLUSTER, nodeDoc, validateTexts } from '../helpers/env.js';
import { forwardTo, type Forwarder } from '../helpers/tcp-forwarder.js';

describe('coordinator loss: the partners a holding owner pings', () => {
  const model = validateTexts({
    'c.yaml': CLUSTER,
    's1.yaml': nodeDoc('s1', [
      '{ name: eth0, type: physical, segment: public, addresses: [192.0.2.11/24, "2001:db8:1::11/64"] }',
      '{ name: eth1, type: physical, segment: public }',
    ]),
    's2.yaml': nodeDoc('s2', [
      '{ name: eth0, type: physical, segment: public, addresses: [192.0.2.12/24] }',
      '{ name: eth1, type: physical, segment: public, addresses: [192.0.2.22/24] }',
    ]),
    's3.yaml': nodeDoc('s3', ['{ name: eth0, type: physical, segment: public }']),
    'a.yaml': `apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: db }
spec:
  address: 192.0.2.50/24
  active: s1
  coordinatorLoss: hold
  placements:
    - { node: s1, priority: 1, interface: eth0, backupInterface: eth1 }
    - { node: s2, priority: 2, interface: eth0, backupInterface: eth1 }
    - { node: s3, priority: 3, interface: eth0 }
`,
  }).model!;
  const db = model.relocatableByName.get('db')!;

  it("pings the other placements' addresses on their primary and backup interfaces, of the address's family", () => {
    assert.deepEqual(partnerTargets(model, db, 's1'), ['192.0.2.12', '192.0.2.22']);
    // s2 holding it pings s1 (its IPv6 address is of the other family); s3 has no address to ping.
    assert.deepEqual(partnerTargets(model, db, 's2'), ['192.0.2.11']);
  });

  it('checks the link and presence where the address is held, then one partner answering', () => {
    assert.deepEqual(partnerCheck('s1', 'eth1', db, ['192.0.2.12']), {
      kind: 'health',
      node: 's1',
      iface: 'eth1',
      address: '192.0.2.50',
      link: true,
      ping: { targets: ['192.0.2.12'], broadcast: false, count: 1, timeoutMs: 1000 },
    });
  });
});

const skip = etcdMissing();

describe('coordinator loss: the lease session holds past the deadline', { skip: skip ?? false }, () => {
  let etcd: EtcdCluster;
  let direct: EtcdClient;
  const forwarders: Forwarder[] = [];
  const sessions: LeaseSession[] = [];
  const clients: EtcdClient[] = [];
  // Fencing starts 1.5 s after the last renewal: TTL 3 s − safety 1 s − fencing 0.5 s.
  const timing: AgentTiming = {
    ttlS: 3,
    renewMs: 200,
    retries: 0,
    requestTimeoutMs: 300,
    endpoints: 1,
    safetyMs: 1000,
    fenceBudgetMs: 500,
  };

  before(async () => {
    etcd = await startEtcdCluster({ members: 1, name: 'coordloss' });
    direct = new EtcdClient({ endpoints: etcd.endpoints, requestTimeoutMs: 2000 });
  });
  after(async () => {
    for (const s of sessions) s.dispose();
    for (const c of clients) c.close();
    for (const f of forwarders) await f.close();
    direct?.close();
    await etcd?.stop();
  });

  async function session(
    hold: 'release' | 'hold' | 'hold-nothing',
    duringFence: (fwd: Forwarder, s: () => LeaseSession) => Promise<void> = () => Promise.resolve(),
  ) {
    assert.deepEqual(timingProblems(timing), []);
    const fwd = await forwardTo(etcd.endpoints);
    forwarders.push(fwd);
    const client = new EtcdClient({ endpoints: fwd.urls, requestTimeoutMs: timing.requestTimeoutMs });
    clients.push(client);
    const fences: Array<{ at: string; ms: number }> = [];
    const resumed: number[] = [];
    const s = await LeaseSession.grant(client, timing, {
      fence: async (_reason, at) => {
        fences.push({ at, ms: performance.now() - s.lastRenewal });
        await duringFence(fwd, () => s);
        return hold === 'hold' && at === 'deadline';
      },
      mayHold: () => hold !== 'release',
      resumed: (ms) => resumed.push(ms),
      log: () => undefined,
    });
    sessions.push(s);
    return { s, fwd, fences, resumed };
  }

  const until = async (what: string, ms: number, ok: () => boolean) => {
    const end = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('release: fences at the deadline and ends; renewing stops', async () => {
    const { s, fwd, fences } = await session('release');
    fwd.cut();
    assert.equal(await s.done, 'fenced');
    assert.deepEqual(
      fences.map((f) => f.at),
      ['deadline'],
    );
    assert.ok(fences[0].ms >= 1400 && fences[0].ms < 2000, `fenced ${fences[0].ms} ms after the last renewal`);
    fwd.restore();
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(s.ended, 'fenced');
    assert.equal(s.holding, false);
  });

  it('hold: keeps renewing the same lease past the deadline and resumes, the lease never lost', async () => {
    const { s, fwd, fences, resumed } = await session('hold');
    fwd.cut();
    await until('holding', 3000, () => s.holding);
    assert.equal(s.ended, undefined);
    assert.equal(s.healthy, false);
    // Past the TTL on the session's clock; the member, still renewing nothing, keeps the lease until it expires.
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(s.holding, true);
    fwd.restore();
    await until('a renewal', 3000, () => resumed.length === 1);
    assert.equal(s.holding, false);
    assert.equal(s.healthy, true);
    assert.equal(s.ended, undefined);
    assert.ok(resumed[0] >= 700, `held ${resumed[0]} ms`);
    assert.ok((await direct.leaseTimeToLive(s.id)).ttl > 0, 'the lease is alive');
    assert.deepEqual(
      fences.map((f) => f.at),
      ['deadline'],
    );
    // A second loss fences again at the deadline.
    fwd.cut();
    await until('holding again', 3000, () => s.holding);
    assert.equal(fences.length, 2);
    fwd.restore();
    await until('a renewal', 3000, () => resumed.length === 2);
    await s.close(true);
  });

  it('hold: etcd answers that the lease expired: fenced as lost', async () => {
    const { s, fwd, fences } = await session('hold');
    fwd.cut();
    await until('holding', 3000, () => s.holding);
    await direct.leaseRevoke(s.id);
    fwd.restore();
    assert.equal(await s.done, 'lost');
    assert.deepEqual(
      fences.map((f) => f.at),
      ['deadline', 'lost'],
    );
    assert.equal(s.holding, false);
  });

  it('hold: the agent dropped what it held (endHold), or the fence kept nothing: the session ends', async () => {
    const a = await session('hold');
    a.fwd.cut();
    await until('holding', 3000, () => a.s.holding);
    a.s.endHold();
    assert.equal(await a.s.done, 'fenced');
    const b = await session('hold-nothing');
    b.fwd.cut();
    assert.equal(await b.s.done, 'fenced');
    assert.equal(b.s.holding, false);
  });

  it('a renewal succeeding during the fence: with something held the session goes on, else it ends', async () => {
    const renewedDuringFence = async (fwd: Forwarder, s: () => LeaseSession) => {
      const before = s().lastRenewal;
      fwd.restore();
      await until('a renewal during the fence', 3000, () => s().lastRenewal !== before);
    };
    const a = await session('hold', renewedDuringFence);
    a.fwd.cut();
    await until('the fence', 3000, () => a.fences.length === 1);
    await until('resumed', 3000, () => a.resumed.length === 1);
    assert.equal(a.s.ended, undefined);
    assert.equal(a.s.holding, false);
    assert.equal(a.s.healthy, true);
    await a.s.close(true);
    const b = await session('hold-nothing', renewedDuringFence);
    b.fwd.cut();
    assert.equal(await b.s.done, 'fenced');
    assert.deepEqual(b.resumed, []);
  });
});
