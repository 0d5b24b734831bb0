// The shipped demo snapshots must look like what a kernel would show, or the first
// plan of a new user would chase phantom drift.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ObservedNode } from '../../src/observe/model.js';
import { checkObservedNode } from '../../src/observe/snapshot-io.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import type { KernelOp } from '../../src/plan/ops.js';
import { applyOps } from '../../src/sim/kernel.js';

const read = async (node: string): Promise<ObservedNode> =>
  JSON.parse(
    await readFile(join(PACKAGE_ROOT, 'environments', 'demo', 'observed', `${node}.json`), 'utf8'),
  ) as ObservedNode;

describe('demo snapshots', () => {
  for (const node of ['server1', 'server2']) {
    it(`${node}: the kernel rebuilds the same addresses and connected routes from scratch`, async () => {
      const snap = await read(node);
      assert.equal(checkObservedNode(snap, node), null);
      const bare = { ...snap, addresses: [], routes: [], neighbors: [] };
      const ops: KernelOp[] = [
        ...snap.addresses.map((a): KernelOp => ({
          op: 'addr-add',
          iface: a.interface,
          cidr: a.cidr,
          ...(a.label ? { label: a.label } : {}),
        })),
        ...snap.routes
          .filter((r) => r.protocol !== 'kernel')
          .map((r): KernelOp => ({ op: 'route-replace', to: r.to, via: r.via, dev: r.device!, metric: r.metric })),
        ...snap.neighbors.map((n): KernelOp => ({
          op: 'neigh-replace',
          iface: n.interface,
          address: n.address,
          lladdr: n.lladdr,
        })),
      ];
      const r = applyOps(bare, ops);
      assert.ok(r.ok, r.ok ? '' : r.error.message);
      assert.deepEqual(r.state.addresses, snap.addresses);
      assert.deepEqual(r.state.routes, snap.routes);
      assert.deepEqual(r.state.neighbors, snap.neighbors);
    });
  }

  it('carries the drift the demo plan repairs', async () => {
    const [s1, s2] = [await read('server1'), await read('server2')];
    const has = (s: ObservedNode, cidr: string) => s.addresses.some((a) => a.cidr === cidr);
    assert.ok(!has(s1, '192.0.2.50/24') && !has(s2, '192.0.2.50/24'), 'databaseip absent everywhere');
    assert.ok(has(s1, '192.0.2.62/24') && !has(s2, '192.0.2.62/24'), 'web-b failed over to server1');
    assert.ok(has(s1, '198.51.100.99/24') && s1.inventory.owned.length === 0, 'an address tandem does not own');
    assert.ok(s1.routes.some((r) => r.to === 'default') && !s2.routes.some((r) => r.to === 'default'));
    assert.equal(s2.neighbors.length, 0);
  });
});
