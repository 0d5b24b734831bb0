// Node locks in etcd (src/fleet/locks.ts) through the real CLI: an operator's
// `tandem apply --etcd` is refused, naming the holder, while another process holds the
// node's lock in etcd from another working directory and state folder; it proceeds once
// the holder's lease is gone, taking and releasing every node's lock in etcd itself.
// `tandem unlock --etcd` breaks a holding by its id only. Sim nodes, a real 3-member etcd.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import type { LockHolder } from '../../src/apply/node-lock.js';
import { EtcdClient, type WatchEvent } from '../../src/fleet/etcd/client.js';
import { nodeLockKey, nodeLocksPrefix } from '../../src/fleet/keys.js';
import { copyEnvironment, type TempEnv } from '../apply/helpers.js';
import { etcdMissing, startEtcdCluster, type EtcdCluster } from '../helpers/etcd-cluster.js';

const skip = etcdMissing();
if (skip) console.log(`# etcd lock tests skipped: ${skip}`);

const CLI = resolve('dist/src/cli/main.js');
const LOCKS = fileURLToPath(new URL('../../src/fleet/locks.js', import.meta.url));
const CLIENT = fileURLToPath(new URL('../../src/fleet/etcd/client.js', import.meta.url));

/** A process of its own, in its own folder, holding a node's lock in etcd on a kept-alive lease. */
const HOLDER_SCRIPT = `
import { EtcdClient } from ${JSON.stringify(CLIENT)};
import { acquireNodeLockEtcd, LeaseKeeper } from ${JSON.stringify(LOCKS)};
const [endpoints, cluster, node] = process.argv.slice(2);
const client = new EtcdClient({ endpoints: endpoints.split(',') });
const keeper = await LeaseKeeper.start(client, 5);
const r = await acquireNodeLockEtcd(client, { cluster, node, lease: keeper.id, planId: 'holder-plan', role: 'agent' });
process.stdout.write(JSON.stringify({ ok: r.ok, lease: keeper.id, holder: r.ok ? r.lock.holder : undefined }) + '\\n');
setInterval(() => {}, 1000);
`;

interface Holder {
  child: ChildProcess;
  lease: string;
  holder: LockHolder;
  cwd: string;
}

async function startHolder(endpoints: string[], cluster: string, node: string): Promise<Holder> {
  const cwd = await mkdtemp(join(tmpdir(), 'tandem-fc-holder-'));
  const script = join(cwd, 'holder.mjs');
  await writeFile(script, HOLDER_SCRIPT);
  const child = spawn(process.execPath, [script, endpoints.join(','), cluster, node], {
    cwd,
    env: { ...process.env, TANDEM_STATE_DIR: join(cwd, 'state') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((res, rej) => {
    createInterface({ input: child.stdout }).once('line', res);
    child.once('exit', (code) => rej(new Error(`holder exited with ${code}`)));
  });
  const parsed = JSON.parse(line) as { ok: boolean; lease: string; holder: LockHolder };
  assert.equal(parsed.ok, true, 'the holder got the lock');
  return { child, lease: parsed.lease, holder: parsed.holder, cwd };
}

function cli(args: string[], t: TempEnv) {
  return execa(process.execPath, [CLI, ...args], { cwd: t.root, env: t.env, reject: false, all: true });
}

describe('node locks in etcd through the CLI', { skip }, () => {
  let cluster: EtcdCluster;
  let client: EtcdClient;
  const holders: Holder[] = [];
  before(async () => {
    cluster = await startEtcdCluster({ members: 3, name: 'fc-locks' });
    client = new EtcdClient({ endpoints: cluster.endpoints });
  });
  after(async () => {
    for (const h of holders) h.child.kill('SIGKILL');
    client?.close();
    await cluster?.stop();
  });

  it('apply --etcd is refused naming the holder from another folder; once its lease is gone it applies', async () => {
    const t = await copyEnvironment(resolve('environments/demo'));
    const etcd = cluster.endpoints.join(',');
    const h = await startHolder(cluster.endpoints, 'demo', 'server1');
    holders.push(h);
    assert.notEqual(h.cwd, t.root);
    assert.equal(h.holder.cwd, h.cwd);

    const refused = await cli(['apply', t.dir, '--yes', '--etcd', etcd], t);
    assert.equal(refused.exitCode, 1, refused.all);
    const user = h.holder.user ? `${h.holder.user}, ` : '';
    const who =
      `pid ${h.child.pid} on ${hostname()} ` +
      `(${user}since ${h.holder.since}, plan holder-plan, holder id ${h.holder.id})`;
    assert.ok(
      refused.all.includes(
        `node server1 is locked by another apply: ${who} ` +
          '(lock etcd /tandem/demo/locks/nodes/server1): nothing was applied',
      ),
      refused.all,
    );
    assert.match(refused.all, new RegExp(`tandem unlock server1 --holder ${h.holder.id} --etcd `));
    assert.equal((await cli(['plan', t.dir], t)).exitCode, 2, 'nothing was applied');
    assert.equal((await client.get(nodeLockKey('demo', 'server1')))?.value, JSON.stringify(h.holder));
    assert.equal(await client.get(nodeLockKey('demo', 'server2')), undefined, 'no lock left behind by the refusal');

    // The apply takes and releases each node's lock in etcd, as itself.
    const { revision } = await client.range(nodeLocksPrefix('demo'));
    await client.leaseRevoke(h.lease);
    const applied = await cli(['apply', t.dir, '--yes', '--etcd', etcd], t);
    assert.equal(applied.exitCode, 0, applied.all);
    assert.match(applied.all, /Applied \(5\):/);
    const events: WatchEvent[] = [];
    const stop = new AbortController();
    for await (const batch of client.watch(nodeLocksPrefix('demo'), {
      startRevision: revision + 1,
      signal: stop.signal,
    })) {
      events.push(...batch);
      if (events.length >= 5) stop.abort();
    }
    const seen = events.map((e) => [e.type, e.kv.key.slice(nodeLocksPrefix('demo').length)]);
    assert.deepEqual(seen, [
      ['DELETE', 'server1'], // the holder's lease revoked
      ['PUT', 'server1'],
      ['PUT', 'server2'],
      ['DELETE', 'server1'],
      ['DELETE', 'server2'],
    ]);
    const taken = JSON.parse(events[1].kv.value) as LockHolder & { role: string };
    assert.equal(taken.role, 'apply');
    assert.equal(taken.cwd, t.root);
    assert.notEqual(taken.pid, h.child.pid);
    assert.equal((await client.range(nodeLocksPrefix('demo'))).kvs.length, 0);
  });

  it('tandem unlock --etcd breaks the holding named by its id, and only that one', async () => {
    const t = await copyEnvironment(resolve('environments/demo'));
    const etcd = cluster.endpoints.join(',');
    const h = await startHolder(cluster.endpoints, 'demo', 'server2');
    holders.push(h);
    const wrong = await cli(['unlock', 'server2', t.dir, '--holder', 'not-the-id', '--etcd', etcd], t);
    assert.equal(wrong.exitCode, 1, wrong.all);
    assert.match(wrong.all, new RegExp(`held in etcd \\(/tandem/demo/locks/nodes/server2\\) by pid ${h.child.pid}`));
    assert.ok(await client.get(nodeLockKey('demo', 'server2')), 'still held');
    const right = await cli(['unlock', 'server2', t.dir, '--holder', h.holder.id, '--etcd', etcd], t);
    assert.equal(right.exitCode, 0, right.all);
    assert.match(
      right.all,
      new RegExp(`broke pid ${h.child.pid} .*holder id ${h.holder.id}.* \\(etcd /tandem/demo/locks/nodes/server2\\)`),
    );
    assert.equal(await client.get(nodeLockKey('demo', 'server2')), undefined);
    const applied = await cli(['apply', t.dir, '--yes', '--etcd', etcd], t);
    assert.equal(applied.exitCode, 0, applied.all);
  });

  it('without etcd reachable, apply --etcd refuses before writing anything, naming the endpoints', async () => {
    const t = await copyEnvironment(resolve('environments/demo'));
    const dead = 'http://127.0.0.1:9,http://127.0.0.1:7';
    const r = await cli(['apply', t.dir, '--yes', '--etcd', dead], t);
    assert.equal(r.exitCode, 1, r.all);
    assert.match(r.all, /cannot take the lock of node server1 in etcd: .*127\.0\.0\.1:9.*127\.0\.0\.1:7/);
    assert.match(r.all, /nothing was applied/);
    assert.equal((await cli(['plan', t.dir], t)).exitCode, 2, 'nothing was applied');
  });
});
