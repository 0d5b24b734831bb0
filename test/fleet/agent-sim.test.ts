// tandem agent on sim nodes: the environment `tandem init` writes (two sim nodes, one
// relocatable address), a real 3-member etcd, one agent per node as a real CLI process
// with its own working directory. The agents share one state folder because that folder
// is the simulated network: `$TANDEM_STATE_DIR/sim/<env>/<node>.json` per node, and the
// uniqueness check asks the other nodes' files (docs/fleet.md, "The agent").
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import { EtcdClient } from '../../src/fleet/etcd/client.js';
import { agentKey, ownerKey } from '../../src/fleet/keys.js';
import { etcdMissing, startEtcdCluster, type EtcdCluster } from '../helpers/etcd-cluster.js';
import { TIMING, waitFor } from './agent-lab.js';

const skip = etcdMissing();
if (skip) console.log(`# agent on sim nodes skipped: ${skip}`);

const CLI = resolve('dist/src/cli/main.js');
const ENV = 'simfleet';
const NODES = [`${ENV}-1`, `${ENV}-2`] as const;
const VIP = '192.0.2.50/24';

interface Running {
  node: string;
  proc: ReturnType<typeof execa>;
  log(): string;
}

describe('tandem agent on sim nodes', { skip }, () => {
  let etcd: EtcdCluster;
  let client: EtcdClient;
  let root: string;
  const running: Running[] = [];
  const envDir = () => join(root, ENV);
  const stateDir = () => join(root, 'state');

  /** The nodes whose sim state holds the address (a file mid-write is read again). */
  const holders = async (): Promise<string[]> => {
    const on: string[] = [];
    for (const node of NODES) {
      const file = join(stateDir(), 'sim', ENV, `${node}.json`);
      for (let attempt = 0; ; attempt++) {
        try {
          const text = await readFile(file, 'utf8').catch(() => '{}');
          const state = JSON.parse(text) as { addresses?: { cidr: string }[] };
          if (state.addresses?.some((a) => a.cidr === VIP)) on.push(node);
          break;
        } catch (err) {
          if (attempt >= 5) throw err;
        }
      }
    }
    return on;
  };
  const owner = async () => {
    const kv = await client.get(ownerKey(ENV, 'service'));
    return kv ? { node: (JSON.parse(kv.value) as { node: string }).node, token: kv.createRevision } : undefined;
  };
  const logs = () => running.map((r) => `--- agent ${r.node}\n${r.log()}`).join('\n');

  async function startAgent(node: string): Promise<Running> {
    const cwd = join(root, `agent-${node}`);
    await mkdir(cwd, { recursive: true });
    const proc = execa(
      process.execPath,
      [
        CLI,
        'agent',
        envDir(),
        '--node',
        node,
        '--etcd',
        etcd.endpoints.join(','),
        '--interval',
        '1s',
        '--grace',
        '2s',
        ...TIMING,
      ],
      {
        cwd,
        env: { ...process.env, TANDEM_STATE_DIR: stateDir(), NO_COLOR: '1' },
        extendEnv: false,
        reject: false,
        all: true,
        forceKillAfterDelay: false,
      },
    );
    let text = '';
    proc.all?.on('data', (d: Buffer) => (text += d.toString()));
    const r = { node, proc, log: () => text };
    running.push(r);
    return r;
  }

  async function stop(r: Running): Promise<number | undefined> {
    r.proc.kill('SIGTERM');
    return (await r.proc).exitCode;
  }

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'tandem-agent-sim-'));
    const init = await execa(process.execPath, [CLI, 'init', ENV], { cwd: root, reject: false, all: true });
    assert.equal(init.exitCode, 0, init.all);
    etcd = await startEtcdCluster({ members: 3, name: 'fc-sim' });
    client = new EtcdClient({ endpoints: etcd.endpoints, requestTimeoutMs: 2000 });
  });
  after(async () => {
    for (const r of running) r.proc.kill('SIGKILL');
    client?.close();
    await etcd?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('the address on the active node only; a switchover by the agents; SIGTERM removes and releases', async () => {
    const addresses = join(envDir(), 'addresses.yaml');
    const yaml = await readFile(addresses, 'utf8');
    assert.match(yaml, new RegExp(`active: ${NODES[0]}\\n`), 'tandem init makes the first node active');
    const first = await startAgent(NODES[0]);
    const second = await startAgent(NODES[1]);

    await waitFor('the address on the first node', 60_000, async () => (await holders()).join() === NODES[0], logs);
    const was = await waitFor('the owner key', 10_000, owner, logs);
    assert.equal(was.node, NODES[0]);
    // Both agents converge: each node gets its static address, and the second node no VIP.
    await waitFor(
      'both agents Ready',
      60_000,
      async () => {
        const kvs = await Promise.all(NODES.map((n) => client.get(agentKey(ENV, n))));
        return kvs.every((kv) => kv && (JSON.parse(kv.value) as { condition: string }).condition === 'Ready');
      },
      logs,
    );
    assert.deepEqual(await holders(), [NODES[0]]);

    // Ownership sampled throughout the switchover: never on both nodes.
    let samples = 0;
    let overlaps = 0;
    const seenOn = new Set<string>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const on = await holders();
        samples++;
        if (on.length > 1) overlaps++;
        for (const n of on) seenOn.add(n);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await writeFile(addresses, yaml.replace(`active: ${NODES[0]}\n`, `active: ${NODES[1]}\n`));
    try {
      await waitFor(
        'the address on the second node only',
        60_000,
        async () => (await holders()).join() === NODES[1],
        logs,
      );
      // One more sample after the address arrived, so the sampler has seen it too.
      const before = samples;
      while (samples < before + 2) await new Promise((r) => setTimeout(r, 20));
    } finally {
      sampling = false;
      await sampler;
    }
    assert.equal(overlaps, 0, `the address was on both nodes in ${overlaps} of ${samples} samples\n${logs()}`);
    assert.ok(samples >= 10, `sampled ${samples} times`);
    assert.deepEqual([...seenOn].sort(), [...NODES]);
    const now = await waitFor('the new owner key', 10_000, owner, logs);
    assert.equal(now.node, NODES[1]);
    assert.ok(now.token > was.token, `a new fencing token (${was.token} -> ${now.token})`);
    assert.match(
      first.log(),
      new RegExp(`released service \\(fencing token ${was.token}, switchover\\): verified gone`),
    );
    assert.match(second.log(), new RegExp(`service: agent-claim \\(fencing token ${now.token}\\)`));

    // tandem show reads the same sim state.
    const show = await execa(process.execPath, [CLI, 'show', envDir(), '--format', 'json'], {
      cwd: root,
      env: { ...process.env, TANDEM_STATE_DIR: stateDir() },
      reject: false,
    });
    assert.equal(show.exitCode, 0, show.stderr);
    const shown = JSON.parse(show.stdout) as { node: string; state?: { addresses: { cidr: string }[] } }[];
    assert.deepEqual(
      shown.filter((o) => o.state?.addresses.some((a) => a.cidr === VIP)).map((o) => o.node),
      [NODES[1]],
    );

    // SIGTERM of the owner: the address is removed, the key released, the lease revoked.
    assert.equal(await stop(second), 0, second.log());
    // The first node may claim it at once as a failover: the second's key is gone, the address off it.
    assert.ok(!(await holders()).includes(NODES[1]));
    const after = await client.get(ownerKey(ENV, 'service'));
    assert.ok(after === undefined || after.createRevision !== now.token, 'owner key released');
    assert.equal(await client.get(agentKey(ENV, NODES[1])), undefined, 'lease revoked');
    assert.match(second.log(), /stopped: removed service, 1 keys released, lease revoked/);
    // The stopped agent's heartbeat went with its lease: the other placement takes the
    // address over as a failover (docs/fleet.md, "Run-time failover").
    await waitFor(
      'the address failed over to the first node',
      40_000,
      async () => (await holders()).join() === NODES[0],
      logs,
    );
    const failedOver = await waitFor('the failover owner key', 10_000, owner, logs);
    assert.equal(failedOver.node, NODES[0]);
    assert.match(first.log(), /service: agent-claim \(fencing token \d+\): no owner; .* \(failover; /);
    assert.equal(await stop(first), 0, first.log());
  });
});
