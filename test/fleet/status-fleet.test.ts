// `tandem status --fleet` through the real CLI against a real 3-member etcd: owners with
// their fencing tokens and health, agents with heartbeat, revision and condition, node
// locks; addresses nobody owns; exit codes; etcd unreachable. The keys are written as the
// agent writes them (owner records by createIfAbsent on the agent's lease, AgentStatus on
// the same lease).
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import { EtcdClient } from '../../src/fleet/etcd/client.js';
import { acquireNodeLockEtcd } from '../../src/fleet/locks.js';
import { agentKey, ownerKey } from '../../src/fleet/keys.js';
import type { FleetStatus } from '../../src/fleet/status.js';
import type { AgentStatus } from '../../src/fleet/status-types.js';
import { copyEnvironment, type TempEnv } from '../apply/helpers.js';
import { etcdMissing, startEtcdCluster, type EtcdCluster } from '../helpers/etcd-cluster.js';

const skip = etcdMissing();
if (skip) console.log(`# status --fleet tests skipped: ${skip}`);

const CLI = resolve('dist/src/cli/main.js');

function agentStatus(node: string, lease: string, over: Partial<AgentStatus>): AgentStatus {
  return {
    version: 1,
    node,
    agent: `host-${node}:100`,
    pid: 100,
    host: `host-${node}`,
    lease,
    ttlS: 10,
    startedAt: '2026-12-02T10:00:00.000Z',
    heartbeatAt: new Date().toISOString(),
    source: 'environments/demo',
    revision: 'a1b2c3d4e5f6a7b8c9d0',
    condition: 'Ready',
    message: 'converged',
    owned: [],
    ...over,
  };
}

describe('tandem status --fleet', { skip }, () => {
  let cluster: EtcdCluster;
  let client: EtcdClient;
  let t: TempEnv;
  const run = (args: string[]) =>
    execa(process.execPath, [CLI, 'status', '--fleet', ...args], { cwd: t.root, env: t.env, reject: false });

  before(async () => {
    cluster = await startEtcdCluster({ members: 3, name: 'fc-status' });
    client = new EtcdClient({ endpoints: cluster.endpoints });
    t = await copyEnvironment(resolve('environments/demo'));
  });
  after(async () => {
    client?.close();
    await cluster?.stop();
  });

  it('shows every address owner with token, since and health, every agent, and the node locks', async () => {
    const etcd = cluster.endpoints.join(',');
    const l1 = await client.leaseGrant(60);
    const l2 = await client.leaseGrant(60);
    const since = '2026-12-02T11:00:00.000Z';
    const db = await client.createIfAbsent(
      ownerKey('demo', 'databaseip'),
      JSON.stringify({ node: 'server1', agent: 'host-server1:100', since }),
      l1.id,
    );
    const wa = await client.createIfAbsent(
      ownerKey('demo', 'web-a'),
      JSON.stringify({ node: 'server2', agent: 'host-server2:100', since }),
      l2.id,
    );
    const health = { ok: false, checkedAt: since, detail: 'ping 192.0.2.1 unanswered' };
    const heldText =
      'held without coordinator from 2026-12-02T10:59:50.000Z for 8.0 s; ' +
      'etcd answered again and the lease is still ours: kept';
    await client.put(
      agentKey('demo', 'server1'),
      JSON.stringify(
        agentStatus('server1', l1.id, { owned: [{ address: 'databaseip', cidr: '192.0.2.50/24', token: 0, since }] }),
      ),
      { lease: l1.id },
    );
    await client.put(
      agentKey('demo', 'server2'),
      JSON.stringify(
        agentStatus('server2', l2.id, {
          condition: 'Reconciling',
          message: 'waiting for the rollout slot of pair web',
          owned: [
            {
              address: 'web-a',
              cidr: '192.0.2.60/24',
              token: wa.kv.createRevision,
              since,
              health,
              coordinatorLoss: 'hold',
              lastTransition: { event: 'agent-hold-end', reason: heldText, at: since },
            },
          ],
        }),
      ),
      { lease: l2.id },
    );
    const lock = await acquireNodeLockEtcd(client, { cluster: 'demo', node: 'server2', lease: l2.id, planId: 'p1' });
    assert.ok(lock.ok);

    const json = await run(['--etcd', etcd, t.dir, '--format', 'json']);
    assert.equal(json.exitCode, 2, json.stderr); // web-b has no owner, server2 is Reconciling
    const [s] = (JSON.parse(json.stdout) as { clusters: FleetStatus[] }).clusters;
    assert.equal(s.cluster, 'demo');
    assert.deepEqual(
      s.addresses.map((a) => [a.address, a.owner?.node, a.owner?.token, a.owner?.health]),
      [
        ['databaseip', 'server1', db.kv.createRevision, undefined],
        ['web-a', 'server2', wa.kv.createRevision, 'failing: ping 192.0.2.1 unanswered'],
        ['web-b', undefined, undefined, undefined],
      ],
    );
    assert.equal(s.addresses[0].owner?.since, since);
    assert.equal(s.addresses[1].owner?.coordinatorLoss, 'hold');
    assert.equal(s.addresses[1].owner?.hold?.reason, heldText);
    assert.deepEqual(
      s.agents.map((a) => [a.node, a.condition, a.revision, a.owned]),
      [
        ['server1', 'Ready', 'a1b2c3d4e5f6a7b8c9d0', 1],
        ['server2', 'Reconciling', 'a1b2c3d4e5f6a7b8c9d0', 1],
      ],
    );
    assert.ok(s.agents[0].heartbeatAgeMs! >= 0 && s.agents[0].heartbeatAgeMs! < 60_000);
    assert.equal(s.locks[0].node, 'server2');
    assert.equal(s.locks[0].holder?.planId, 'p1');

    const text = await run(['--etcd', etcd, t.dir]);
    assert.equal(text.exitCode, 2, text.stderr);
    assert.match(text.stdout, /^cluster demo \(etcd revision \d+/);
    assert.match(text.stdout, new RegExp(`databaseip +server1 +${db.kv.createRevision} +${since} +-\\n`));
    assert.match(text.stdout, /web-b +- +- +- +no owner/);
    assert.ok(
      text.stdout.includes(`failing: ping 192.0.2.1 unanswered; on etcd loss: hold; ${heldText} (${since})\n`),
      text.stdout,
    );
    assert.match(text.stdout, /server2 +Reconciling +\d+\.\ds ago +a1b2c3d4e5f6 +1 +waiting for the rollout slot/);
    assert.match(text.stdout, /node locks:\n {2}server2: apply pid \d+ on .* plan p1, holder id /);

    // Every address owned, every agent Ready: 0. One agent Stalled: 3.
    await client.createIfAbsent(
      ownerKey('demo', 'web-b'),
      JSON.stringify({ node: 'server2', agent: 'host-server2:100', since }),
      l2.id,
    );
    await client.put(agentKey('demo', 'server2'), JSON.stringify(agentStatus('server2', l2.id, {})), { lease: l2.id });
    assert.equal((await run(['--etcd', etcd, t.dir])).exitCode, 0);
    const stalled = agentStatus('server1', l1.id, { condition: 'Stalled', message: 'apply failed' });
    await client.put(agentKey('demo', 'server1'), JSON.stringify(stalled), { lease: l1.id });
    assert.equal((await run(['--etcd', etcd, t.dir])).exitCode, 3);

    // Without ENV: every cluster in etcd, by name. Agents gone with their lease: nothing owned.
    const all = await run(['--etcd', etcd, '--format', 'json']);
    assert.deepEqual(
      (JSON.parse(all.stdout) as { clusters: FleetStatus[] }).clusters.map((c) => c.cluster),
      ['demo'],
    );
    await client.leaseRevoke(l1.id);
    await client.leaseRevoke(l2.id);
    const gone = await run(['--etcd', etcd, 'demo']);
    assert.equal(gone.exitCode, 1);
    assert.match(gone.stdout, /agents:\n {2}\(none: no agent holds a lease in this cluster\)/);
  });

  it('etcd unreachable: exit 1 naming the endpoints; no --etcd: says what to give', async () => {
    const r = await run(['--etcd', 'http://127.0.0.1:9', t.dir]);
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, /cannot read the fleet status: etcd http:\/\/127\.0\.0\.1:9: connect ECONNREFUSED/);
    const env = { ...t.env };
    delete env.TANDEM_ETCD;
    const none = await execa(process.execPath, [CLI, 'status', '--fleet', t.dir], { cwd: t.root, env, reject: false });
    assert.equal(none.exitCode, 1);
    assert.match(none.stderr, /give --etcd URLS \(or set TANDEM_ETCD\)/);
  });
});
