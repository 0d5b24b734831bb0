// The agent's heartbeat is written as soon as its lease is granted, before the first pass
// reads git or observes the node. Found by the failover soak (bench/failover-soak.ts): a
// restarted agent's old heartbeat goes with its old lease; when the first pass of the
// new one was slow, the standby saw no live agent on the desired active node, claimed the
// address at once, failed its uniqueness check against the address still on that node,
// and the client saw a 4 s outage. The pass is held in its read here, so the test does
// not depend on timing. Real etcd (one member), the demo environment's sim nodes.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Agent } from '../../src/fleet/agent/agent.js';
import { folderSource, type DesiredSource } from '../../src/fleet/agent/desired.js';
import { nodeLocker } from '../../src/fleet/agent/node-lock.js';
import { DEFAULT_TIMING } from '../../src/fleet/agent/timing.js';
import { EtcdClient } from '../../src/fleet/etcd/client.js';
import { agentKey } from '../../src/fleet/keys.js';
import { clusterNameOf } from '../../src/cli/commands/agent.js';
import { etcdMissing, startEtcdCluster, type EtcdCluster } from '../helpers/etcd-cluster.js';
import { waitFor } from './agent-lab.js';

const skip = etcdMissing();
if (skip) console.log(`# agent heartbeat test skipped: ${skip}`);

describe('tandem agent heartbeat', { skip: skip ?? false }, () => {
  let etcd: EtcdCluster | undefined;
  let root: string | undefined;
  const cleanup: Array<() => unknown> = [];
  after(async () => {
    for (const c of cleanup) await c();
    await etcd?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('is in etcd once the lease is granted, while the first pass is still reading the desired state', async () => {
    root = await mkdtemp(join(tmpdir(), 'tandem-agent-beat-'));
    etcd = await startEtcdCluster({ members: 1, name: 'beat' });
    const client = new EtcdClient({ endpoints: etcd.endpoints, requestTimeoutMs: 2000 });
    cleanup.push(() => client.close());
    const real = folderSource('environments/demo');
    let reads = 0;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    cleanup.push(() => release());
    const source: DesiredSource = {
      describe: () => real.describe(),
      async read() {
        reads++;
        // The start reads once; the first pass's read waits until the test lets it go.
        if (reads > 1) await held;
        return real.read();
      },
    };
    const ctl = new AbortController();
    const lines: string[] = [];
    const agent = new Agent({
      node: 'server1',
      client,
      timing: DEFAULT_TIMING,
      source,
      clusterOf: clusterNameOf,
      lockNode: nodeLocker(client, '--etcd URLS'),
      env: { ...process.env, TANDEM_STATE_DIR: join(root, 'state') },
      cwd: root,
      // The start's read counts for an interval: this short, the first pass reads again (and is held there).
      intervalMs: 1,
      graceMs: 2000,
      signal: ctl.signal,
      log: (line) => lines.push(line),
    });
    assert.equal(await agent.start(), undefined, lines.join('\n'));
    const read = await real.read();
    assert.ok(read.ok);
    const key = agentKey(clusterNameOf(read.desired), 'server1');
    const running = agent.run();
    cleanup.push(() => {
      ctl.abort();
      release();
      return running;
    });
    await waitFor('the first pass in its read', 10_000, () => Promise.resolve(reads >= 2));
    const beat = await waitFor(
      'the heartbeat',
      5000,
      () => client.get(key),
      () => lines.join('\n'),
    );
    const status = JSON.parse(beat.value) as { condition: string; message: string; lease: string };
    assert.equal(reads, 2, 'the first pass is still held in its read');
    assert.equal(status.condition, 'Reconciling');
    assert.equal(status.message, 'starting');
    assert.equal(beat.lease, status.lease, 'on the agent’s own lease');
  });
});
