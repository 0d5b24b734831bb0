// Unmanaged objects (found on a node, not created by tandem, not desired) are named one
// by one with how to adopt or prune each, in the plan's text, markdown and JSON.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_UNMANAGED_NAMED } from '../../src/diff/diff-node.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { CLUSTER } from '../helpers/env.js';
import { observations, observedNode } from '../helpers/observed.js';
import { planFor } from '../helpers/plan.js';

const NODE = `apiVersion: tandem/v1
kind: Node
metadata: { name: s1 }
spec:
  provider: p1
  connection: { transport: sim }
  interfaces:
    - { name: eth0, type: physical, segment: public, addresses: [192.0.2.11/24] }
`;

describe('unmanaged objects', () => {
  it('are named with how to adopt or prune each, in text, markdown and JSON', () => {
    const s1 = observedNode('s1', { links: ['eth0'], addresses: { eth0: ['192.0.2.11/24', '192.0.2.77/24'] } });
    const plan = planFor({ 'c.yaml': CLUSTER, 'n.yaml': NODE }, observations(s1));
    const note = plan.notes.find((n) => n.subject === 'unmanaged address 192.0.2.77/24 on eth0');
    assert.ok(note, JSON.stringify(plan.notes));
    assert.equal(note.node, 's1');
    assert.match(note.message, /To adopt it: add 192\.0\.2\.77\/24 to the addresses of eth0 in Node\/s1\./);
    assert.match(note.message, /To remove it: tandem apply --prune/);
    assert.match(renderPlanText(plan), /s1: unmanaged address 192\.0\.2\.77\/24 on eth0: .*To adopt it/);
    assert.match(renderPlanMarkdown(plan), /unmanaged address 192\.0\.2\.77\/24 on eth0/);
    const json = JSON.parse(JSON.stringify(plan)) as typeof plan;
    assert.ok(json.notes.some((n) => n.subject.includes('192.0.2.77/24') && n.message.includes('--prune')));
  });

  it('past the limit per node, the rest are counted in one note', () => {
    const extra = Array.from({ length: MAX_UNMANAGED_NAMED + 3 }, (_, i) => `192.0.2.${100 + i}/24`);
    const s1 = observedNode('s1', { links: ['eth0'], addresses: { eth0: ['192.0.2.11/24', ...extra] } });
    const plan = planFor({ 'c.yaml': CLUSTER, 'n.yaml': NODE }, observations(s1));
    assert.equal(plan.notes.filter((n) => n.subject.startsWith('unmanaged address')).length, MAX_UNMANAGED_NAMED);
    assert.ok(plan.notes.some((n) => n.subject === '3 more unmanaged objects'));
  });
});
