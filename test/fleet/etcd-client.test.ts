// The etcd client (src/fleet/etcd/) against a real 3-member etcd cluster on loopback:
// kv and txn semantics, createIfAbsent under a race, leases (expiry deletes attached keys,
// keepalive keeps them), watches in order and from a start revision, failover when the
// first endpoint's member is killed or hangs, and errors naming the endpoints when no
// member answers. Skips with the reason when etcd is not installed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EtcdClient, EtcdError, type WatchEvent } from '../../src/fleet/etcd/client.js';
import { etcdMissing, startEtcdCluster, type EtcdCluster } from '../helpers/etcd-cluster.js';

const skip = etcdMissing();
if (skip) console.log(`# etcd client tests skipped: ${skip}`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Collects watch batches in the background until `stop()`. */
function collect(client: EtcdClient, prefix: string, startRevision?: number) {
  const controller = new AbortController();
  const events: WatchEvent[] = [];
  let failure: unknown;
  const done = (async () => {
    try {
      const options = { signal: controller.signal, ...(startRevision !== undefined ? { startRevision } : {}) };
      for await (const batch of client.watch(prefix, options)) events.push(...batch);
    } catch (err) {
      failure = err;
    }
  })();
  return {
    events,
    failure: () => failure,
    async until(n: number, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < n && Date.now() < deadline && failure === undefined) await sleep(20);
      return events;
    },
    async stop() {
      controller.abort();
      await done;
    },
  };
}

describe('etcd client against a 3-member cluster', { skip }, () => {
  let cluster: EtcdCluster;
  const clients: EtcdClient[] = [];
  const client = (endpoints = cluster.endpoints, requestTimeoutMs = 1000) => {
    const c = new EtcdClient({ endpoints, requestTimeoutMs });
    clients.push(c);
    return c;
  };

  before(async () => {
    cluster = await startEtcdCluster({ members: 3, name: 'fc-client' });
  });
  after(async () => {
    for (const c of clients) c.close();
    await cluster?.stop();
  });

  it('puts, gets, ranges a prefix (and no sibling prefix), deletes, with growing revisions', async () => {
    const c = client();
    const r1 = await c.put('/t/kv/a', 'one');
    const r2 = await c.put('/t/kv/b', 'twö ✓');
    await c.put('/t/kvx', 'sibling');
    assert.ok(r2.revision > r1.revision);
    const a = await c.get('/t/kv/a');
    assert.deepEqual(a, {
      key: '/t/kv/a',
      value: 'one',
      createRevision: r1.revision,
      modRevision: r1.revision,
      version: 1,
    });
    assert.equal(await c.get('/t/kv/none'), undefined);
    const r3 = await c.put('/t/kv/a', 'uno');
    const again = await c.get('/t/kv/a');
    assert.equal(again?.createRevision, r1.revision);
    assert.equal(again?.modRevision, r3.revision);
    assert.equal(again?.version, 2);
    const range = await c.range('/t/kv/');
    assert.deepEqual(
      range.kvs.map((kv) => [kv.key, kv.value]),
      [
        ['/t/kv/a', 'uno'],
        ['/t/kv/b', 'twö ✓'],
      ],
    );
    assert.ok(range.revision >= r3.revision);
    assert.equal((await c.delete('/t/kv/a')).deleted, 1);
    assert.equal((await c.delete('/t/kv/a')).deleted, 0);
    assert.deepEqual(
      (await c.range('/t/kv/')).kvs.map((kv) => kv.key),
      ['/t/kv/b'],
    );
  });

  it('txn: compares on create and mod revision, value and lease pick the branch; gets report kvs', async () => {
    const c = client();
    const { revision } = await c.put('/t/txn/k', 'v1');
    const lease = await c.leaseGrant(30);
    await c.put('/t/txn/leased', 'x', { lease: lease.id });
    const hit = await c.txn({
      compare: [
        { key: '/t/txn/k', target: 'MOD', result: 'EQUAL', modRevision: revision },
        { key: '/t/txn/k', target: 'VALUE', result: 'EQUAL', value: 'v1' },
        { key: '/t/txn/leased', target: 'LEASE', result: 'EQUAL', lease: lease.id },
        { key: '/t/txn/absent', target: 'CREATE', result: 'EQUAL', createRevision: 0 },
      ],
      success: [{ put: { key: '/t/txn/k', value: 'v2' } }, { get: { key: '/t/txn/', prefix: true } }],
      failure: [{ get: { key: '/t/txn/k' } }],
    });
    assert.equal(hit.succeeded, true);
    assert.deepEqual(
      hit.kvs.map((kv) => [kv.key, kv.value]),
      [
        ['/t/txn/k', 'v2'],
        ['/t/txn/leased', 'x'],
      ],
    );
    assert.equal(hit.kvs[1].lease, lease.id);
    const miss = await c.txn({
      compare: [{ key: '/t/txn/k', target: 'MOD', result: 'EQUAL', modRevision: revision }],
      success: [{ delete: { key: '/t/txn/k' } }],
      failure: [{ get: { key: '/t/txn/k' } }],
    });
    assert.equal(miss.succeeded, false);
    assert.equal(miss.kvs[0].value, 'v2');
    assert.equal((await c.get('/t/txn/k'))?.value, 'v2', 'the failed compare deleted nothing');
    await c.leaseRevoke(lease.id);
  });

  it('createIfAbsent: of two clients racing for one key exactly one wins, every round', async () => {
    const [e0, e1, e2] = cluster.endpoints;
    const a = client([e0, e1, e2]);
    const b = client([e2, e1, e0]);
    const leaseA = await a.leaseGrant(30);
    const leaseB = await b.leaseGrant(30);
    for (let round = 0; round < 25; round++) {
      const key = `/t/race/${round}`;
      const [ra, rb] = await Promise.all([
        a.createIfAbsent(key, `a${round}`, leaseA.id),
        b.createIfAbsent(key, `b${round}`, leaseB.id),
      ]);
      assert.equal(Number(ra.created) + Number(rb.created), 1, `round ${round}: exactly one creates`);
      const winner = ra.created ? ra : rb;
      assert.deepEqual(ra.kv, rb.kv, 'the loser sees the winner’s key');
      assert.equal(winner.kv.value, ra.created ? `a${round}` : `b${round}`);
      assert.equal(winner.kv.lease, ra.created ? leaseA.id : leaseB.id);
    }
    const token = (await a.get('/t/race/0'))!.createRevision;
    assert.equal(await a.deleteIfCreateRevision('/t/race/0', token + 1000), false, 'a wrong token deletes nothing');
    assert.ok(await a.get('/t/race/0'));
    assert.equal(await a.deleteIfCreateRevision('/t/race/0', token), true);
    assert.equal(await a.get('/t/race/0'), undefined);
    const recreated = await b.createIfAbsent('/t/race/0', 'again', leaseB.id);
    assert.equal(recreated.created, true);
    assert.ok(recreated.kv.createRevision > token, 'a new holder gets a new fencing token');
    await a.leaseRevoke(leaseA.id);
    await b.leaseRevoke(leaseB.id);
  });

  it('an unrenewed lease expires with its keys; keepalive keeps them; revoke ends it at once', async () => {
    const c = client();
    const kept = await c.leaseGrant(2);
    const lapsed = await c.leaseGrant(2);
    assert.ok(kept.ttl >= 2);
    await c.put('/t/lease/kept', 'k', { lease: kept.id });
    await c.createIfAbsent('/t/lease/lapsed', 'l', lapsed.id);
    const until = Date.now() + 4500;
    while (Date.now() < until) {
      const { ttl } = await c.leaseKeepAlive(kept.id);
      assert.ok(ttl > 0);
      await sleep(500);
    }
    assert.equal((await c.get('/t/lease/kept'))?.value, 'k', 'renewed: still there after twice its TTL');
    assert.equal(await c.get('/t/lease/lapsed'), undefined, 'not renewed: gone with its lease');
    assert.deepEqual(await c.leaseKeepAlive(lapsed.id), { ttl: 0 });
    assert.equal((await c.leaseTimeToLive(lapsed.id)).ttl, -1);
    await c.leaseRevoke(kept.id);
    assert.equal(await c.get('/t/lease/kept'), undefined, 'revoked: gone at once');
    await c.leaseRevoke(kept.id); // an already revoked lease is no error
  });

  it('watch: events in order with prev values, from a start revision, then live', async () => {
    const c = client();
    const first = await c.put('/t/watch/a', '1');
    await c.put('/t/watch/b', '2');
    await c.put('/t/watch/a', '3');
    await c.put('/t/watchers', 'not under the prefix');
    await c.delete('/t/watch/b');
    const w = collect(c, '/t/watch/', first.revision);
    await w.until(4);
    await c.put('/t/watch/c', '4');
    const lease = await c.leaseGrant(30);
    await c.put('/t/watch/d', '5', { lease: lease.id });
    await c.leaseRevoke(lease.id);
    const events = await w.until(7);
    await w.stop();
    assert.equal(w.failure(), undefined);
    assert.deepEqual(
      events.map((e) => [e.type, e.kv.key, e.kv.value]),
      [
        ['PUT', '/t/watch/a', '1'],
        ['PUT', '/t/watch/b', '2'],
        ['PUT', '/t/watch/a', '3'],
        ['DELETE', '/t/watch/b', ''],
        ['PUT', '/t/watch/c', '4'],
        ['PUT', '/t/watch/d', '5'],
        ['DELETE', '/t/watch/d', ''],
      ],
    );
    assert.equal(events[2].prevKv?.value, '1');
    assert.equal(events[3].prevKv?.value, '2');
    const revisions = events.map((e) => e.kv.modRevision);
    assert.deepEqual(
      [...revisions].sort((x, y) => x - y),
      revisions,
      'in revision order',
    );
  });

  it('a hanging first member: the request moves on after the timeout; alone it is a timeout', async () => {
    cluster.pauseMember(2);
    try {
      const [e0, e1, e2] = cluster.endpoints;
      const c = client([e2, e0, e1], 500);
      const started = Date.now();
      await c.put('/t/hang/a', 'x');
      assert.ok(Date.now() - started < 1500, 'one timeout, then the next member');
      assert.notEqual(c.activeEndpoint, new URL(e2).origin);
      const started2 = Date.now();
      await c.get('/t/hang/a');
      assert.ok(Date.now() - started2 < 400, 'the answering member is remembered');
      const only = client([e2], 300);
      await assert.rejects(only.get('/t/hang/a'), (err: EtcdError) => {
        assert.equal(err.kind, 'timeout');
        assert.equal(err.endpoint, new URL(e2).origin);
        assert.match(err.message, new RegExp(`${new URL(e2).origin.replace(/\./g, '\\.')}: no answer within 300 ms`));
        return true;
      });
    } finally {
      cluster.resumeMember(2);
    }
  });

  it('fails over when the first member is killed; a watch on it resumes elsewhere without loss', async () => {
    const c = client();
    const base = await c.put('/t/failover/0', '0');
    const w = collect(c, '/t/failover/', base.revision);
    await w.until(1);
    await cluster.killMember(0);
    for (let i = 1; i <= 5; i++) await c.put(`/t/failover/${i}`, String(i));
    assert.notEqual(c.activeEndpoint, new URL(cluster.endpoints[0]).origin);
    const events = await w.until(6, 8000);
    await w.stop();
    assert.equal(w.failure(), undefined);
    assert.deepEqual(
      events.map((e) => e.kv.value),
      ['0', '1', '2', '3', '4', '5'],
      'every event once, in order',
    );
    await cluster.restartMember(0);
  });

  it('when no member answers, the error names every endpoint', async () => {
    const c = client(cluster.endpoints, 500);
    await c.put('/t/down/a', 'x');
    for (let i = 0; i < 3; i++) await cluster.killMember(i);
    await assert.rejects(c.get('/t/down/a'), (err: EtcdError) => {
      assert.ok(err instanceof EtcdError);
      assert.equal(err.kind, 'unreachable');
      for (const e of cluster.endpoints) assert.ok(err.message.includes(new URL(e).origin), err.message);
      assert.equal(err.endpoint, cluster.endpoints.map((e) => new URL(e).origin).join(','));
      return true;
    });
    await assert.rejects(
      (async () => {
        for await (const _ of c.watch('/t/down/', { signal: AbortSignal.timeout(5000) })) void _;
      })(),
      (err: EtcdError) => err.kind === 'unreachable' && err.message.includes('no endpoint answered'),
    );
  });
});
