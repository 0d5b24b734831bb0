// After a relocatable address moves, how long until the first ESP-protected reply: the
// move lab of test/ipsec/move-lab.ts (tandem's lab with a charon per node, an IKE peer in
// the client namespace), the address moved a <-> b MOVES times in the order tandem plans
// (src/plan/ike-steps.ts: the connection already loaded on both placements; address off
// the old node, onto the new one with a gratuitous ARP, initiate there, terminate the old
// node's SA). Measured from the start of the address's removal to the first ping reply
// through the tunnel from the peer (a ping every 50 ms). Target: p95 under 1 s.
// Needs root, charon and iproute2; elsewhere it reports itself skipped.
import { execa } from 'execa';
import { moveOrder, type IkeNodeView } from '../src/plan/ike-steps.js';
import { cannotRunCharon } from '../test/ipsec/ipsec-lab.js';
import {
  destroyMoveLab,
  GW_INNER,
  makeMoveLab,
  NODE_INNER,
  runOrder,
  viciOf,
  type MoveLab,
} from '../test/ipsec/move-lab.js';
import { observeCharon } from '../src/ipsec/observed.js';
import type { BenchResult } from './result.js';

const MOVES = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function firstReply(l: MoveLab, since: number, limitMs = 5000): Promise<number> {
  for (;;) {
    const r = await execa(
      'ip',
      ['netns', 'exec', l.client, 'ping', '-c', '1', '-W', '0.05', '-I', GW_INNER, NODE_INNER],
      { reject: false },
    );
    if (r.exitCode === 0) return performance.now() - since;
    if (performance.now() - since > limitMs) throw new Error(`no ESP-protected reply within ${limitMs} ms`);
  }
}

export async function run(): Promise<BenchResult[]> {
  const skip = await cannotRunCharon();
  if (skip) return [{ name: 'address move to first ESP reply', value: 0, unit: 'skipped', note: skip }];
  const l = await makeMoveLab('b');
  try {
    const a = l.nodes.a;
    const b = l.nodes.b;
    await runOrder(l, [{ kind: 'address', node: a, address: 'svc', action: 'add' }]);
    for (const n of [a, b])
      await runOrder(l, [
        { kind: 'ike', id: `${n}:ike/svc-gw/load`, node: n, connection: 'svc-gw', action: 'load', description: '' },
      ]);
    await runOrder(l, [
      {
        kind: 'ike',
        id: `${a}:ike/svc-gw/initiate`,
        node: a,
        connection: 'svc-gw',
        action: 'initiate',
        children: ['net'],
        description: '',
      },
    ]);
    const times: number[] = [];
    let holder = a;
    for (let i = 0; i < MOVES; i++) {
      const to = holder === a ? b : a;
      const views = new Map<string, IkeNodeView>();
      for (const n of [a, b]) {
        const o = await observeCharon(viciOf(l, n));
        views.set(n, { loaded: new Set(o.connections.map((c) => c.name)), established: new Set() });
      }
      const order = moveOrder(l.model, { address: 'svc', from: holder, to }, views);
      const initiateAt = order.findIndex((it) => it.kind === 'ike' && it.action === 'initiate');
      const started = performance.now();
      await runOrder(l, order, async (it) => {
        if (it === order[initiateAt]) times.push(await firstReply(l, started));
      });
      holder = to;
    }
    times.sort((x, y) => x - y);
    const note = `${MOVES} moves, address ops by ip (not a whole tandem apply), kernel-libipsec`;
    return [
      { name: 'address move to first ESP reply p50', value: Math.round(percentile(times, 50)), unit: 'ms', note },
      { name: 'address move to first ESP reply p95', value: Math.round(percentile(times, 95)), unit: 'ms', note },
      { name: 'address move to first ESP reply max', value: Math.round(times[times.length - 1]), unit: 'ms' },
    ];
  } finally {
    await destroyMoveLab(l);
  }
}
