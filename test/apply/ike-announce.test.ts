// Announce before initiate: in a node's wave, the IKE initiate for an address that just
// arrived goes after the batch and after the gratuitous ARP has started, and does not wait
// out arping's one-second linger; the announcement's outcome still decides the wave. A
// recording writer stands in for the node (the netns test and the bench run real ones).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuditLog } from '../../src/apply/audit.js';
import { ANNOUNCE_LEAD_MS, runNodeWave } from '../../src/apply/node-wave.js';
import type { CheckResult, IkeRunResult, WritableNode } from '../../src/apply/writable-node.js';
import { emptyNode } from '../../src/sim/kernel.js';
import type { Check } from '../../src/plan/checks.js';
import type { PlanStep } from '../../src/plan/document.js';

const GARP_MS = 1000;

function recorder(garpOk = true) {
  const t0 = performance.now();
  const log: Array<[string, number]> = [];
  const at = (what: string) => log.push([what, Math.round(performance.now() - t0)]);
  const writer = {
    node: 'n1',
    kind: 'linux',
    target: 'test',
    stats: { batches: 0, inventoryWrites: 0 },
    state: undefined as never,
    observe: () => {
      const state = emptyNode('n1');
      state.links.push({ name: 'eth0', kind: 'physical', adminUp: true, operState: 'UP', mtu: 1500 });
      state.addresses.push({
        interface: 'eth0',
        family: 4,
        cidr: '192.0.2.98/24',
        secondary: false,
        tentative: false,
        dadfailed: false,
        scope: 'global',
      });
      // The kernel's prefix route of the address, with the address as its source.
      state.routes.push({
        to: '192.0.2.0/24',
        family: 4,
        device: 'eth0',
        protocol: 'kernel',
        table: 254,
        scope: 'link',
        src: '192.0.2.98',
      });
      return Promise.resolve({ node: 'n1', ok: true as const, state });
    },
    apply: (ops: readonly unknown[]) => {
      at('batch');
      return Promise.resolve({ applied: ops.length, commands: [], durationMs: 1 });
    },
    writeInventory: () => Promise.resolve(),
    runCheck: async (c: Check): Promise<CheckResult> => {
      at(`${c.kind} start`);
      if (c.kind === 'gratuitous-arp') await new Promise((r) => setTimeout(r, GARP_MS));
      at(`${c.kind} end`);
      return garpOk || c.kind !== 'gratuitous-arp'
        ? { ok: true, durationMs: 1 }
        : { ok: false, error: 'arping: eth0: No such device', durationMs: 1 };
    },
    runIke: (s: { id: string }): Promise<IkeRunResult> => {
      at(`ike ${s.id}`);
      return Promise.resolve({ ok: true, durationMs: 1 });
    },
  } satisfies WritableNode;
  return { writer, log };
}

const checkpoint = emptyNode('n1');
checkpoint.links.push({ name: 'eth0', kind: 'physical', adminUp: true, operState: 'UP', mtu: 1500 });
const steps: PlanStep[] = [
  {
    id: 'n1:addr:192.0.2.98',
    node: 'n1',
    description: 'create address',
    changeIds: ['c1'],
    pre: [],
    ops: [{ op: 'addr-add', iface: 'eth0', cidr: '192.0.2.98/24' }],
    post: [{ kind: 'gratuitous-arp', node: 'n1', iface: 'eth0', address: '192.0.2.98', count: 3, intervalMs: 200 }],
    deps: [],
    notes: [],
  },
  {
    id: 'n1:ike/c/initiate',
    node: 'n1',
    description: 'initiate',
    changeIds: [],
    pre: [],
    ops: [],
    post: [],
    deps: [],
    notes: [],
    ike: { action: 'initiate', connection: 'c', children: ['c'] },
  },
];

const run = (writer: WritableNode) =>
  runNodeWave({
    writer,
    steps,
    checkpoint,
    wave: 1,
    audit: new AuditLog(undefined, 'p', undefined, () => new Date()),
    aborting: () => false,
    ike: { model: undefined as never, env: {} },
  });

describe('announce before initiate', () => {
  it('initiates after the batch and the start of the announcement, without waiting for its linger', async () => {
    const { writer, log } = recorder();
    const r = await run(writer);
    assert.equal(r.ok, true, JSON.stringify(r.failed));
    const names = log.map(([w]) => w);
    assert.deepEqual(names, ['batch', 'gratuitous-arp start', 'ike n1:ike/c/initiate', 'gratuitous-arp end']);
    const t = Object.fromEntries(log);
    assert.ok(t['ike n1:ike/c/initiate'] - t['gratuitous-arp start'] >= ANNOUNCE_LEAD_MS - 5, JSON.stringify(log));
    assert.ok(t['ike n1:ike/c/initiate'] - t['gratuitous-arp start'] < GARP_MS / 2, JSON.stringify(log));
  });

  it('a failed announcement still fails the wave', async () => {
    const { writer } = recorder(false);
    const r = await run(writer);
    assert.equal(r.ok, false);
    assert.match(r.failed?.error ?? '', /post check failed: arping: eth0: No such device/);
  });
});
