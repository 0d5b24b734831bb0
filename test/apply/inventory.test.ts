// The inventory written after a wave: what tandem created joins, what it deleted
// leaves, and what the node no longer holds (moved away by the HA layer) is dropped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextInventory } from '../../src/apply/inventory.js';
import type { Change } from '../../src/diff/changes.js';
import type { PlanStep } from '../../src/plan/document.js';
import { observedNode } from '../helpers/observed.js';

const plan = { id: 'p1', desiredRevision: { digest: 'sha256:x' } };
const create = (cidr: string): Change => {
  const key = `addr:${cidr.split('/')[0]}`;
  return {
    id: `s1:${key}`,
    node: 's1',
    key,
    kind: 'address',
    action: 'create',
    after: { kind: 'address', key, iface: 'eth0', cidr, family: 4 },
    reason: 'test',
  };
};
const stepOf = (c: Change): PlanStep => ({
  id: c.id,
  node: 's1',
  description: '',
  changeIds: [c.id],
  pre: [],
  ops: [],
  post: [],
  deps: [],
  notes: [],
});

describe('inventory after a wave', () => {
  it('owns what the wave created and drops claims on objects the node no longer holds', () => {
    const c = create('192.0.2.60/24');
    // The node after the wave: it has .60 (just created) and .11, but not .50, which it
    // owned before and which the HA layer moved to another node.
    const after = observedNode('s1', { links: ['eth0'], addresses: { eth0: ['192.0.2.11/24', '192.0.2.60/24'] } });
    const next = nextInventory(
      { owned: ['addr:192.0.2.11', 'addr:192.0.2.50'] },
      [stepOf(c)],
      new Map([[c.id, c]]),
      plan,
      new Date(0),
      after,
    );
    assert.deepEqual(next.owned, ['addr:192.0.2.11', 'addr:192.0.2.60']);
    assert.deepEqual(next.lastApply, { revision: 'sha256:x', at: new Date(0).toISOString(), planId: 'p1' });
  });
});
