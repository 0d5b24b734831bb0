// The fleet agent's failover plans (one node observed, etcd ownership deciding) carry
// sourceAddress and promoteSecondaries like any plan: the node that acquires the address
// makes it the subnet's source in the same batch, the node that releases it gives the
// source back to its primary first, and promote_secondaries is set before the removal.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KernelOp } from '../../src/plan/ops.js';
import { planEnvironment } from '../../src/plan/index.js';
import { CLUSTER, dbAddressDoc, nodeDoc, validateTexts } from '../helpers/env.js';
import { observedNode } from '../helpers/observed.js';
import { stepLines } from '../helpers/plan.js';

const files = (active: string) => ({
  'cluster.yaml': `${CLUSTER}  defaults:\n    promoteSecondaries: true\n`,
  'nodes.yaml': [
    nodeDoc('s1', ['{ name: eth0, type: physical, segment: public, addresses: [192.0.2.11/24] }']),
    nodeDoc('s2', ['{ name: eth0, type: physical, segment: public, addresses: [192.0.2.12/24] }']),
  ].join('---\n'),
  'db.yaml': dbAddressDoc(active).replace('  placements:\n', '  sourceAddress: true\n  placements:\n'),
});

function planOne(node: string, held: string[], owned: Map<string, number>, ops: KernelOp[] = []) {
  const v = validateTexts(files('s1'));
  assert.ok(v.valid && v.model);
  const addresses = { eth0: [node === 's1' ? '192.0.2.11/24' : '192.0.2.12/24', ...held] };
  const state = observedNode(node, { links: ['eth0'], addresses, ops });
  return planEnvironment({
    model: v.model,
    environment: 'env',
    desiredDigest: 'sha256:test',
    observations: new Map([[node, { node, ok: true as const, state }]]),
    nodes: [node],
    fleet: { node, owned, graced: new Set() },
  });
}

describe('fleet failover with sourceAddress and promoteSecondaries', () => {
  it('the node that acquires the address makes it the source in the same wave, after the address', () => {
    const plan = planOne('s2', [], new Map([['db', 9]]));
    assert.deepEqual(plan.refusals, []);
    assert.deepEqual(stepLines(plan), [
      '1:s2:update sysctl net.ipv4.conf.eth0.promote_secondaries=1',
      '1:s2:create address 192.0.2.50/24 on eth0 (relocatable db)',
      '1:s2:update source 192.0.2.50 of subnet 192.0.2.0/24 on eth0 (relocatable db)',
    ]);
  });

  it('the node that lost ownership gives the source back to its primary before removing the address', () => {
    const plan = planOne('s1', ['192.0.2.50/24'], new Map(), [
      { op: 'route-src', iface: 'eth0', to: '192.0.2.0/24', src: '192.0.2.50' },
    ]);
    assert.deepEqual(plan.refusals, []);
    assert.deepEqual(stepLines(plan), [
      '1:s1:update sysctl net.ipv4.conf.eth0.promote_secondaries=1',
      '1:s1:delete source 192.0.2.50 of subnet 192.0.2.0/24 on eth0 (relocatable db)',
      '1:s1:delete address 192.0.2.50/24 on eth0 (relocatable db)',
    ]);
    assert.deepEqual(plan.waves[0].steps[1].ops, [
      { op: 'route-src', iface: 'eth0', to: '192.0.2.0/24', src: '192.0.2.11' },
    ]);
  });
});
