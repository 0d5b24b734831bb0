// Standby keys (src/fleet/keys.ts, src/fleet/agent/ownership.ts) against a real 3-member
// etcd on loopback: an owner key is written with one standby key per other placement,
// in one transaction on the owner's lease; a release or the lease's expiry deletes them
// together; a watch on standby/<node>/ (deletes only) wakes exactly the placements of a
// handed-over address and nobody else; placements that change move the standby keys;
// `view` reads only the keys asked for. This is what keeps a 1,000-agent fleet from
// sending every handover to every agent (bench/fleet.bench.ts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EtcdClient, type WatchEvent } from '../../src/fleet/etcd/client.js';
import { ownerKey, standbyKey, standbyPrefix } from '../../src/fleet/keys.js';
import { Ownership } from '../../src/fleet/agent/ownership.js';
import { etcdMissing, startEtcdCluster, type EtcdCluster } from '../helpers/etcd-cluster.js';

const skip = etcdMissing();
if (skip) console.log(`# standby key tests skipped: ${skip}`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function watchDeletes(client: EtcdClient, key: string, exact = false) {
  const ctl = new AbortController();
  const events: WatchEvent[] = [];
  const done = (async () => {
    try {
      for await (const batch of client.watch(key, { signal: ctl.signal, deletesOnly: true, exact }))
        events.push(...batch);
    } catch {
      // Stopped.
    }
  })();
  return {
    events,
    stop: async () => {
      ctl.abort();
      await done;
    },
  };
}

describe('standby keys', { skip }, () => {
  let cluster: EtcdCluster;
  let client: EtcdClient;
  const C = 'standby';

  before(async () => {
    cluster = await startEtcdCluster({ members: 3, name: 'fc-standby' });
    client = new EtcdClient({ endpoints: cluster.endpoints, requestTimeoutMs: 2000 });
  });
  after(async () => {
    client?.close();
    await cluster?.stop();
  });

  it('claim writes them with the owner key; release deletes them together; only the placements are woken', async () => {
    const lease = (await client.leaseGrant(30)).id;
    const a = new Ownership(client, C, 'a', 'agent-a');
    const onB = watchDeletes(client, standbyPrefix(C, 'b'));
    const onC = watchDeletes(client, standbyPrefix(C, 'c'));
    const onD = watchDeletes(client, standbyPrefix(C, 'd'));
    await sleep(300); // watches created
    const won = await a.claim('db', lease, new Date(), ['b', 'c']);
    assert.equal(won.won, true);
    const b = await client.get(standbyKey(C, 'b', 'db'));
    const c = await client.get(standbyKey(C, 'c', 'db'));
    const owner = await client.get(ownerKey(C, 'db'));
    assert.ok(b && c && owner, 'the owner key and both standby keys exist');
    assert.equal(b.createRevision, owner.createRevision, 'written in the owner key transaction');
    assert.equal(b.lease, lease);
    assert.equal((JSON.parse(b.value) as { node: string }).node, 'a');
    assert.equal(await client.get(standbyKey(C, 'a', 'db')), undefined, 'no standby key for the owner itself');

    assert.equal(await a.release('db'), true);
    const deadline = Date.now() + 5000;
    while ((onB.events.length === 0 || onC.events.length === 0) && Date.now() < deadline) await sleep(20);
    await sleep(200);
    await Promise.all([onB.stop(), onC.stop(), onD.stop()]);
    assert.deepEqual(
      onB.events.map((e) => [e.type, e.kv.key]),
      [['DELETE', standbyKey(C, 'b', 'db')]],
      'b is woken by one delete, and sees no put',
    );
    assert.equal(onC.events.length, 1);
    assert.equal(onD.events.length, 0, 'd is no placement of db: not woken');
    assert.equal(onB.events[0].kv.modRevision, (await client.range(ownerKey(C, 'db'))).revision, 'same revision');
    assert.equal(await client.get(standbyKey(C, 'b', 'db')), undefined);
    await client.leaseRevoke(lease);
  });

  it("the owner's lease expiring deletes the owner key and its standby keys, waking the standbys", async () => {
    const lease = (await client.leaseGrant(2)).id;
    const a = new Ownership(client, C, 'a', 'agent-a');
    const onB = watchDeletes(client, standbyPrefix(C, 'b'));
    await sleep(300);
    assert.equal((await a.claim('web', lease, new Date(), ['b'])).won, true);
    const deadline = Date.now() + 8000;
    while (onB.events.length === 0 && Date.now() < deadline) await sleep(50);
    await onB.stop();
    assert.deepEqual(
      onB.events.map((e) => e.kv.key),
      [standbyKey(C, 'b', 'web')],
    );
    assert.equal(await client.get(ownerKey(C, 'web')), undefined);
  });

  it('placements that change move the standby keys, only while the owner key is ours', async () => {
    const lease = (await client.leaseGrant(30)).id;
    const a = new Ownership(client, C, 'a', 'agent-a');
    assert.equal((await a.claim('app', lease, new Date(), ['b'])).won, true);
    assert.equal(await a.keepStandbys('app', ['c', 'd']), true);
    assert.equal(await client.get(standbyKey(C, 'b', 'app')), undefined, 'b is no longer a placement');
    assert.ok(await client.get(standbyKey(C, 'c', 'app')));
    assert.equal((await client.get(standbyKey(C, 'd', 'app')))?.lease, lease);
    // Someone deleted the owner key (an operator): the agent's view shows it lost, and no
    // standby key is written for a key that is not ours.
    await client.delete(ownerKey(C, 'app'));
    assert.equal(await a.keepStandbys('app', ['e']), false);
    assert.equal(await client.get(standbyKey(C, 'e', 'app')), undefined);
    const owners = await a.view(new Set(['app', 'other']), 2);
    assert.deepEqual(a.lostIn(owners), ['app']);
    await client.leaseRevoke(lease);
  });

  it('view reads only the owner keys asked for, across more keys than one transaction holds', async () => {
    const lease = (await client.leaseGrant(30)).id;
    const a = new Ownership(client, C, 'a', 'agent-a');
    for (let i = 0; i < 130; i++) assert.equal((await a.claim(`v${i}`, lease, new Date())).won, true);
    const some = new Set(Array.from({ length: 120 }, (_, i) => `v${i}`).concat(['missing']));
    const owners = await a.view(some, 1000);
    assert.equal(owners.size, 120, 'the 120 that exist, in two transactions');
    assert.ok(!owners.has('v125'), 'a key not asked for is not read');
    assert.equal(owners.get('v7')?.node, 'a');
    await client.leaseRevoke(lease);
  });
});
