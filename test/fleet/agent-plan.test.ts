// The pure parts of the agent: the lease timing rule (Patroni's: the renew loop and its
// retries fit inside the TTL) and fleet placement (an address is on the planned node iff
// that node owns its key in etcd), planned for one node observed alone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Observation } from '../../src/observe/model.js';
import { planEnvironment } from '../../src/plan/index.js';
import { execa } from 'execa';
import { Grace } from '../../src/fleet/agent/grace.js';
import { CLI } from '../apply/netns-lab.js';
import { DEFAULT_TIMING, fenceStartMs, renewLoopMs, timingProblems } from '../../src/fleet/agent/timing.js';
import { CLUSTER, dbAddressDoc, nodeDoc, validateTexts } from '../helpers/env.js';
import { observedNode } from '../helpers/observed.js';
import { stepLines } from '../helpers/plan.js';

describe('agent lease timing', () => {
  it('accepts the defaults, with one endpoint and with three', () => {
    assert.deepEqual(timingProblems(DEFAULT_TIMING), []);
    assert.deepEqual(timingProblems({ ...DEFAULT_TIMING, endpoints: 3 }), []);
  });

  it('refuses a renew loop whose retries do not fit before self-fencing must start, saying what to change', () => {
    const t = { ...DEFAULT_TIMING, ttlS: 5, renewMs: 2000, retries: 2, requestTimeoutMs: 1000, endpoints: 3 };
    assert.equal(renewLoopMs(t), 2000 + 3 * 3000);
    assert.equal(fenceStartMs(t), 5000 - 1000 - 2000);
    const [p] = timingProblems(t);
    assert.match(p, /does not fit inside the TTL: renew 2 s \+ 3 attempts × 3 s .* = 11 s/);
    assert.match(p, /raise --ttl, or lower --renew, --retries or --request-timeout/);
    // The same loop fits a longer TTL.
    assert.deepEqual(timingProblems({ ...t, ttlS: 14 }), []);
  });

  it('refuses values out of range', () => {
    assert.match(timingProblems({ ...DEFAULT_TIMING, ttlS: 1 })[0], /whole number of seconds from 2/);
    assert.match(timingProblems({ ...DEFAULT_TIMING, ttlS: 2.5 })[0], /whole number of seconds/);
    assert.match(timingProblems({ ...DEFAULT_TIMING, retries: -1 })[0], /retries must be/);
    assert.match(timingProblems({ ...DEFAULT_TIMING, renewMs: 10 })[0], /renew at most every 0.1 s/);
  });
});

const files = (active: string) => ({
  'cluster.yaml': CLUSTER,
  'nodes.yaml': [
    nodeDoc('s1', ['{ name: eth0, type: physical, segment: public, addresses: [192.0.2.11/24] }']),
    nodeDoc('s2', ['{ name: eth0, type: physical, segment: public, addresses: [192.0.2.12/24] }']),
  ].join('---\n'),
  'db.yaml': dbAddressDoc(active),
});

function planOne(active: string, node: string, held: string[], owned: Map<string, number>, graced?: Set<string>) {
  const v = validateTexts(files(active));
  assert.ok(v.valid && v.model);
  const addresses = { eth0: [node === 's1' ? '192.0.2.11/24' : '192.0.2.12/24', ...held] };
  const obs: Observation = { node, ok: true, state: observedNode(node, { links: ['eth0'], addresses }) };
  // Only the agent's own node is observed: the other placement is unknown to it.
  return planEnvironment({
    model: v.model,
    environment: 'env',
    desiredDigest: 'sha256:test',
    observations: new Map([[node, obs]]),
    nodes: [node],
    fleet: { node, owned, graced },
  });
}

describe('fleet placement: etcd ownership decides, for the one node observed', () => {
  it('adds an owned address with the uniqueness check, though the other placement is not observed', () => {
    const plan = planOne('s1', 's1', [], new Map([['db', 7]]));
    assert.deepEqual(plan.refusals, []);
    assert.deepEqual(stepLines(plan), ['1:s1:create address 192.0.2.50/24 on eth0 (relocatable db)']);
    const step = plan.waves[0].steps[0];
    assert.ok(
      step.pre.some((c) => c.kind === 'uniqueness'),
      JSON.stringify(step.pre),
    );
    assert.match(plan.placements[0].reason, /owned by s1 in etcd \(fencing token 7\)/);
  });

  it('never adds an address the node does not own, even where it is the desired active node', () => {
    const plan = planOne('s1', 's1', [], new Map());
    assert.deepEqual(stepLines(plan), []);
    assert.deepEqual(plan.refusals, []);
  });

  it('removes an address it holds without owning, once the grace is over, and keeps it during the grace', () => {
    assert.deepEqual(stepLines(planOne('s2', 's1', ['192.0.2.50/24'], new Map())), [
      '1:s1:delete address 192.0.2.50/24 on eth0 (relocatable db)',
    ]);
    assert.deepEqual(stepLines(planOne('s2', 's1', ['192.0.2.50/24'], new Map(), new Set(['db']))), []);
  });

  it('an owned address in place is nothing to do, whatever the desired active node says', () => {
    const plan = planOne('s2', 's1', ['192.0.2.50/24'], new Map([['db', 3]]));
    assert.deepEqual(stepLines(plan), []);
    assert.deepEqual(plan.refusals, []);
  });
});

describe('agent grace for addresses held without owning', () => {
  it('announces each once, keeps it for the grace, then lets it go; starts over when it stops being held', () => {
    let now = 0;
    const told: string[] = [];
    const g = new Grace(
      2000,
      (n) => told.push(n),
      () => now,
    );
    assert.deepEqual([...g.graced(['svc'])], ['svc']);
    now = 1999;
    assert.deepEqual([...g.graced(['svc'])], ['svc']);
    now = 2000;
    assert.deepEqual([...g.graced(['svc'])], []);
    assert.deepEqual(told, ['svc']);
    assert.deepEqual([...g.graced([])], []);
    assert.deepEqual([...g.graced(['svc'])], ['svc']);
    assert.deepEqual(told, ['svc', 'svc']);
  });
});

describe('tandem agent: bad input exits 1 before touching anything', () => {
  const run = (args: string[]) =>
    execa(process.execPath, [CLI, 'agent', 'environments/demo', '--node', 'server1', ...args], {
      reject: false,
      all: true,
      env: { ...process.env, TANDEM_ETCD: '' },
    });

  it('without etcd endpoints', async () => {
    const r = await run([]);
    assert.equal(r.exitCode, 1, r.all);
    assert.match(r.all, /--etcd URLS \(or TANDEM_ETCD\) is required/);
  });

  it('with a lease timing whose renew loop does not fit the TTL, naming the numbers', async () => {
    const r = await run(['--etcd', 'http://127.0.0.1:9', '--ttl', '4', '--renew', '2', '--retries', '3']);
    assert.equal(r.exitCode, 1, r.all);
    assert.match(r.all, /lease timing refused:\n.*does not fit inside the TTL/);
    assert.doesNotMatch(r.all, /\n\s+at /, 'no stack trace');
  });

  it('with a node the environment does not have', async () => {
    const r = await run(['--etcd', 'http://127.0.0.1:9', '--node', 'nosuch']);
    assert.equal(r.exitCode, 1, r.all);
    assert.match(r.all, /has no node named nosuch/);
  });
});
