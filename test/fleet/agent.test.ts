// tandem agent, planned switchover and graceful stop (root, network namespaces, a real
// 3-member etcd, agents as CLI processes reading the desired state from a real git
// repository). A switchover committed to git is carried out by the two agents alone;
// ownership is sampled every ~20 ms and a client pings throughout.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { etcdMissing } from '../helpers/etcd-cluster.js';
import { agentKey, nodeLockKey, ownerKey } from '../../src/fleet/keys.js';
import type { AgentStatus } from '../../src/fleet/status-types.js';
import { CLI, nodeStatePath, pollOverlap } from '../apply/netns-lab.js';
import { canMakeNamespaces } from '../apply/netns-lab.js';
import { holders, makeBench, pinger, startAgent, stopAgent, waitFor, Started } from './agent-lab.js';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';

const skip = (await canMakeNamespaces()) ?? etcdMissing();
if (skip) console.log(`# fleet agent tests skipped: ${skip}`);

const started = new Started();
const { benches, agents } = started;

describe('tandem agent: planned switchover and graceful stop', { skip: skip ?? false }, () => {
  after(() => started.stopAll());

  it('a switchover in git done by the agents alone: one node at a time, pings go on; SIGTERM releases', async () => {
    const b = await makeBench('sw');
    benches.push(b);
    const A = await startAgent(b, 'a');
    const B = await startAgent(b, 'b');
    agents.push(A, B);
    await waitFor('svc on a', 60_000, async () => (await holders(b.lab)).join() === 'a');
    const first = await waitFor('owner key of svc', 10_000, () => b.owner());
    assert.equal(first.node, b.node('a'));

    const poll = pollOverlap(b.lab, '192.0.2.100');
    const ping = pinger(b.lab, '192.0.2.100');
    const logs = () => `--- agent a\n${A.log()}\n--- agent b\n${B.log()}`;
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const committedAt = Date.now();
      await b.commitActive('b');
      await waitFor('svc on b only', 90_000, async () => (await holders(b.lab)).join() === 'b', logs);
      const movedAt = Date.now();
      await new Promise((r) => setTimeout(r, 2000));
      const replies = await ping.stop();
      const seen = await poll.stop();
      assert.equal(seen.overlaps, 0, `the address was on both nodes\n${logs()}`);
      assert.ok(seen.samples >= 20, `ownership sampled ${seen.samples} times`);
      console.log(
        `# switchover: ${movedAt - committedAt} ms from commit to b only; ${seen.samples} samples, ` +
          `${replies.length} ping replies`,
      );
      assert.deepEqual([...seen.seenOn].sort(), ['a', 'b']);
      // Pings answered before the switchover and again after it, from b.
      assert.ok(
        replies.some((t) => t < committedAt),
        `no reply before the switchover (${replies.length} replies)`,
      );
      assert.ok(
        replies.some((t) => t > movedAt),
        `no reply after the switchover (${replies.length} replies)\n${logs()}`,
      );

      const now = await b.owner();
      assert.equal(now?.node, b.node('b'));
      assert.ok(now.token > first.token, 'a new fencing token for the new owner');
      // b's inventory is written once its apply verified the wave: it records the token.
      const inventoryToken = await waitFor(
        'b inventory',
        30_000,
        async () => {
          const text = await readFile(nodeStatePath(b.lab.ns.b, 'inventory.json'), 'utf8').catch(() => '{}');
          return (JSON.parse(text) as { fencing?: Record<string, number> }).fencing?.['addr:192.0.2.100'];
        },
        logs,
      );
      assert.equal(inventoryToken, now.token);
      // In order: a removed and released (verified gone) before b claimed.
      const auditA = await A.audit();
      const auditB = await B.audit();
      const release = auditA.find((e) => e.event === 'agent-release' && e.address === 'svc');
      const claim = auditB.filter((e) => e.event === 'agent-claim' && e.address === 'svc').pop();
      assert.equal(release?.fencing, first.token, logs());
      assert.equal(claim?.fencing, now.token, logs());
      assert.ok(String(release?.time) <= String(claim?.time), 'released before claimed');
      // Every audit line of b's apply about the address carries its fencing token.
      const steps = auditB.filter((e) => e.event === 'step' && String(e.step).endsWith('addr:192.0.2.100'));
      assert.ok(steps.length >= 1 && steps.every((e) => e.fencing === now.token), JSON.stringify(steps));
      // The agents' status under agents/<node>, written at the end of each pass.
      const owned = await waitFor(
        'b status owning svc',
        30_000,
        async () => {
          const kv = await b.client.get(agentKey(b.lab.envName, b.node('b')));
          const st = kv ? (JSON.parse(kv.value) as AgentStatus) : undefined;
          // A status with a measured last pass (not a placeholder duration).
          return st?.owned.length && (st.lastPass?.durationMs ?? 0) > 0
            ? st.owned.map((o) => [o.address, o.token])
            : undefined;
        },
        logs,
      );
      assert.deepEqual(owned, [['svc', now.token]]);

      // SIGTERM: b removes the address, verifies, deletes its key, revokes its lease, exits 0.
      assert.equal(await stopAgent(B), 0, B.log());
      // a may claim it at once as a failover (b's heartbeat went with its lease): b's key is
      // gone, and the address is off b.
      assert.ok(!(await holders(b.lab)).includes('b'));
      const after = await b.client.get(ownerKey(b.lab.envName, 'svc'));
      assert.ok(after === undefined || after.createRevision !== now.token, 'owner key released');
      assert.equal(await b.client.get(agentKey(b.lab.envName, b.node('b'))), undefined, 'lease revoked');
      assert.match(B.log(), /stopped: removed svc, 1 keys released, lease revoked/);
      assert.equal(await stopAgent(A), 0, A.log());
    } finally {
      await ping.stop();
      await poll.stop();
    }
  });

  it("an operator's apply --etcd during the agent's convergence is refused, naming the agent", async () => {
    // A long uniqueness check (arping -D for 4 s) keeps the agent's apply, and its lock, open.
    const b = await makeBench('op', { uniquenessTimeoutMs: 4000 });
    benches.push(b);
    const A = await startAgent(b, 'a');
    agents.push(A);
    const lockKey = nodeLockKey(b.lab.envName, b.node('a'));
    const holder = await waitFor(
      "the agent's node lock",
      60_000,
      async () => (await b.client.get(lockKey))?.value,
      () => A.log(),
    );
    // Another working directory and state folder, the same environment and etcd.
    const root = join(b.lab.root, 'operator');
    await mkdir(root, { recursive: true });
    const op = await execa(process.execPath, [CLI, 'apply', b.lab.dir, '--yes', '--etcd', b.etcd.endpoints.join(',')], {
      cwd: root,
      env: { ...process.env, TANDEM_STATE_DIR: join(root, 'state'), NO_COLOR: '1' },
      reject: false,
      all: true,
    });
    assert.equal(op.exitCode, 1, op.all);
    assert.match(op.all, /locked by another apply: pid \d+ on /, op.all);
    assert.ok(op.all.includes(`pid ${A.proc.pid} `), `the holder named is the agent (pid ${A.proc.pid}):\n${op.all}`);
    assert.match(op.all, /nothing was applied/);
    assert.match(holder, /"role":"agent"/);
    // The agent goes on and converges.
    await waitFor(
      'svc on a',
      60_000,
      async () => (await holders(b.lab)).join() === 'a',
      () => A.log(),
    );
    assert.equal(await stopAgent(A), 0, A.log());
  });
});
