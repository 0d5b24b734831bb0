// Regression of issue 9: an address found on two nodes is repaired down to one, and the
// node that keeps it announces it (gratuitous ARP) after the other let go, so clients
// that cached the other node's MAC follow (seed 004: an ARP after every change of who
// answers for an address).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLUSTER, dbAddressDoc } from '../helpers/env.js';
import { observations, observedNode } from '../helpers/observed.js';
import { planFor, stepLines } from '../helpers/plan.js';

const node = (name: string, host: number) => `apiVersion: tandem/v1
kind: Node
metadata: { name: ${name} }
spec:
  provider: p1
  connection: { transport: sim }
  interfaces:
    - { name: eth0, type: physical, segment: public, addresses: [192.0.2.${host}/24] }
`;

const env = {
  'c.yaml': CLUSTER,
  'n.yaml': `${node('s1', 11)}---\n${node('s2', 12)}`,
  'a.yaml': dbAddressDoc('s1', 'intelligent'),
};

describe('an address on two nodes', () => {
  it('is removed from the one that should not hold it, then announced by the one that keeps it', () => {
    const s1 = observedNode('s1', { links: ['eth0'], addresses: { eth0: ['192.0.2.11/24', '192.0.2.50/24'] } });
    const s2 = observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.12/24', '192.0.2.50/24'] } });
    const plan = planFor(env, observations(s1, s2));
    assert.deepEqual(plan.refusals, []);
    assert.deepEqual(stepLines(plan), [
      '1:s2:delete address 192.0.2.50/24 on eth0 (relocatable db)',
      '2:s1:announce 192.0.2.50 on eth0 (gratuitous ARP): s2 no longer answers for it',
    ]);
    const announce = plan.waves[1].steps[0];
    assert.deepEqual(announce.ops, [], 'no kernel write on the keeper');
    assert.deepEqual(announce.deps, [plan.waves[0].steps[0].id]);
    assert.deepEqual(
      announce.post.map((c) => c.kind),
      ['gratuitous-arp'],
    );
  });

  it('announces nothing when nobody keeps the address, or when it simply moves (the arrival announces)', () => {
    const s1 = observedNode('s1', {
      links: ['eth0'],
      addresses: { eth0: ['192.0.2.11/24', '192.0.2.50/24'] },
      owned: ['addr:192.0.2.50'],
    });
    const s2 = observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.12/24'] } });
    const moved = planFor({ ...env, 'a.yaml': dbAddressDoc('s2', 'intelligent') }, observations(s1, s2));
    assert.ok(!stepLines(moved).some((l) => l.includes('announce')), stepLines(moved).join('\n'));
    const arrival = moved.waves.at(-1)!.steps[0];
    assert.ok(
      arrival.post.some((c) => c.kind === 'gratuitous-arp'),
      'the arrival itself is announced',
    );
  });
});
