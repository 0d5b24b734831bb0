// The run-time decisions of fleet mode (src/fleet/agent/runtime.ts), as pure functions:
// local recovery and the way back, who keeps an address after a failover (switchback
// automatic or intelligent), and who claims an address without an owner, in what order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  claimDecision,
  failoverOrder,
  FAILOVER_STEP_MS,
  HOLD_DOWN_MS,
  ownedInterface,
  ownerKeeps,
  type PeerView,
  type Reloc,
} from '../../src/fleet/agent/runtime.js';
import { HealthTracker } from '../../src/fleet/agent/health.js';
import type { WritableNode } from '../../src/apply/writable-node.js';
import type { Observation } from '../../src/observe/model.js';

const placement = { node: 'a', interface: 'eth0', backupInterface: 'eth1', priority: 1 };

function reloc(active: string, placements: Array<{ node: string; priority: number }>): Reloc {
  return {
    name: 'svc',
    doc: {
      apiVersion: 'tandem/v1',
      kind: 'RelocatableAddress',
      metadata: { name: 'svc' },
      spec: {
        address: '192.0.2.100/24',
        active,
        placements: placements.map((p) => ({ ...p, interface: 'eth0' })),
      },
    },
  } as unknown as Reloc;
}

const peers = (entries: Record<string, PeerView>) => new Map(Object.entries(entries));

describe('local recovery (ownedInterface)', () => {
  it('keeps a healthy primary; moves to a healthy backup when the primary fails; gives up when both fail', () => {
    assert.deepEqual(
      ownedInterface(placement, 'eth0', () => true, 0, 'automatic'),
      { iface: 'eth0', why: 'kept' },
    );
    assert.deepEqual(
      ownedInterface(placement, 'eth0', (i) => i === 'eth1', 0, 'automatic'),
      { iface: 'eth1', why: 'local-recovery' },
    );
    assert.deepEqual(
      ownedInterface(placement, 'eth0', () => false, 0, 'automatic'),
      { why: 'unhealthy' },
    );
    const noBackup = { node: 'a', interface: 'eth0', priority: 1 };
    assert.deepEqual(
      ownedInterface(noBackup, 'eth0', (i) => i === 'eth1', 0, 'automatic'),
      { why: 'unhealthy' },
    );
  });

  it('back to the primary only after the hold-down, and only with switchback automatic', () => {
    const healthy = () => true;
    assert.equal(ownedInterface(placement, 'eth1', healthy, HOLD_DOWN_MS - 1, 'automatic').iface, 'eth1');
    assert.deepEqual(ownedInterface(placement, 'eth1', healthy, HOLD_DOWN_MS, 'automatic'), {
      iface: 'eth0',
      why: 'back-to-primary',
    });
    assert.equal(ownedInterface(placement, 'eth1', healthy, HOLD_DOWN_MS * 10, 'intelligent').iface, 'eth1');
    // The backup fails too while the primary is back: the primary at once, whatever the policy.
    assert.deepEqual(
      ownedInterface(placement, 'eth1', (i) => i === 'eth0', 0, 'intelligent'),
      {
        iface: 'eth0',
        why: 'back-to-primary',
      },
    );
  });
});

describe('switchback (ownerKeeps)', () => {
  const failover = { mode: 'failover' as const, activeAtClaim: 'a' };
  it('a planned owner follows the desired active', () => {
    assert.deepEqual(ownerKeeps('b', 'b', { mode: 'planned', activeAtClaim: 'b' }, 'intelligent', 0), { keep: true });
    assert.deepEqual(ownerKeeps('b', 'a', { mode: 'planned', activeAtClaim: 'b' }, 'intelligent', 0), {
      keep: false,
      why: 'switchover',
    });
  });
  it('a failed-over owner: intelligent keeps it; automatic returns it once home is healthy for the hold-down', () => {
    assert.deepEqual(ownerKeeps('b', 'a', failover, 'intelligent', HOLD_DOWN_MS * 10), {
      keep: true,
      why: 'failed-over',
    });
    assert.equal(ownerKeeps('b', 'a', failover, 'automatic', HOLD_DOWN_MS - 1).keep, true);
    assert.deepEqual(ownerKeeps('b', 'a', failover, 'automatic', HOLD_DOWN_MS), { keep: false, why: 'switchback' });
  });
  it('a plan that changes the desired active moves a failed-over address too', () => {
    assert.deepEqual(ownerKeeps('b', 'c', failover, 'intelligent', 0), { keep: false, why: 'switchover' });
    assert.deepEqual(ownerKeeps('b', 'b', failover, 'intelligent', 0), { keep: true });
  });
});

describe('claims by priority (claimDecision)', () => {
  const r = reloc('a', [
    { node: 'c', priority: 3 },
    { node: 'a', priority: 1 },
    { node: 'b', priority: 2 },
  ]);
  it('failover order: the desired active first, then by priority', () => {
    assert.deepEqual(
      failoverOrder(
        reloc('c', [
          { node: 'a', priority: 1 },
          { node: 'b', priority: 2 },
          { node: 'c', priority: 3 },
        ]),
      ).map((p) => p.node),
      ['c', 'a', 'b'],
    );
  });
  it('the desired active claims at once when healthy, never when not', () => {
    assert.deepEqual(claimDecision(r, 'a', true, peers({}), 0), { claim: true, mode: 'planned' });
    assert.equal(claimDecision(r, 'a', false, peers({}), 60_000).claim, false);
  });
  it('a standby claims at once when everything ahead is dead or unhealthy', () => {
    const dead = { alive: false, healthy: false };
    const sick = { alive: true, healthy: false };
    assert.deepEqual(claimDecision(r, 'b', true, peers({ a: dead, c: dead }), 0), { claim: true, mode: 'failover' });
    assert.deepEqual(claimDecision(r, 'c', true, peers({ a: sick, b: dead }), 0), { claim: true, mode: 'failover' });
  });
  it('a standby waits one step per live, healthy placement ahead of it', () => {
    const ok = { alive: true, healthy: true };
    const first = claimDecision(r, 'c', true, peers({ a: ok, b: ok }), 0);
    assert.equal(first.claim, false);
    assert.equal(!first.claim && first.retryInMs, 2 * FAILOVER_STEP_MS);
    const later = claimDecision(r, 'c', true, peers({ a: ok, b: ok }), FAILOVER_STEP_MS);
    assert.equal(!later.claim && later.retryInMs, FAILOVER_STEP_MS);
    assert.equal(claimDecision(r, 'c', true, peers({ a: ok, b: ok }), 2 * FAILOVER_STEP_MS).claim, true);
    assert.equal(claimDecision(r, 'b', false, peers({ a: { alive: false, healthy: false } }), 60_000).claim, false);
  });
});

describe('health checks of owned addresses (HealthTracker)', () => {
  const obs = (operState: string) =>
    ({
      ok: true,
      state: { links: [{ name: 'eth0', adminUp: true, operState }], addresses: [] },
    }) as unknown as Observation;
  const counting = () => {
    const calls: unknown[] = [];
    const writer = {
      runCheck: (c: unknown) => {
        calls.push(c);
        return Promise.resolve({ ok: false, error: 'no ping-list target answered', durationMs: 1 });
      },
    } as unknown as WritableNode;
    return { calls, writer };
  };

  it('a link-only check is read from the observation: no process per address', async () => {
    const { calls, writer } = counting();
    const r = reloc('a', [{ node: 'a', priority: 1 }]);
    const up = await new HealthTracker().check(writer, obs('UP'), r, undefined, 'a', 'eth0', 0);
    assert.equal(up?.ok, true);
    const down = await new HealthTracker().check(writer, obs('LOWERLAYERDOWN'), r, undefined, 'a', 'eth0', 0);
    assert.equal(down?.ok, false);
    assert.match(String(down?.detail), /eth0 is down or has no carrier/);
    assert.equal(calls.length, 0);
  });

  it('a ping list runs the check on the node, once per interval', async () => {
    const { calls, writer } = counting();
    const r = reloc('a', [{ node: 'a', priority: 1 }]);
    (r.doc.spec as { health?: unknown }).health = { ping: { list: ['192.0.2.254'] }, intervalSeconds: 2 };
    const t = new HealthTracker();
    const first = await t.check(writer, obs('UP'), r, undefined, 'a', 'eth0', 0);
    assert.equal(first?.ok, false);
    await t.check(writer, obs('UP'), r, undefined, 'a', 'eth0', 1999);
    assert.equal(calls.length, 1, 'not again within the interval');
    await t.check(writer, obs('UP'), r, undefined, 'a', 'eth0', 2000);
    assert.equal(calls.length, 2);
  });
});
