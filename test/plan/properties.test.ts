// Property-based tests over generated small clusters (fast-check):
// - applying the plan to the simulated nodes converges: planning again finds nothing;
// - no intermediate state has an address active on two nodes that was not already;
// - the same inputs give the same plan, byte for byte;
// - an interface pair observed failed over is left alone and mirrored on its partner.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ObservedNode } from '../../src/observe/model.js';
import { CLUSTER } from '../helpers/env.js';
import { observedNode } from '../helpers/observed.js';
import { planFor } from '../helpers/plan.js';
import { applyToStates, asObservations } from '../helpers/simulate.js';

interface Scenario {
  nodes: number;
  relocs: Array<{ placements: number[]; active: number; automatic: boolean; holders: number[]; ownedBy: number[] }>;
  missingStatic: boolean[];
  unmanaged: boolean[];
  ownedExtra: boolean[];
  /** n1/eth1 and n2/eth1 form a failover pair (seed 001), observed in one of three states. */
  pair: 'none' | 'home' | 'failed-over' | 'missing';
}

const scenario: fc.Arbitrary<Scenario> = fc.integer({ min: 2, max: 4 }).chain((nodes) => {
  const nodeIdx = fc.integer({ min: 0, max: nodes - 1 });
  const reloc = fc.uniqueArray(nodeIdx, { minLength: 1, maxLength: nodes }).chain((placements) =>
    fc.record({
      placements: fc.constant(placements),
      active: fc.constantFrom(...placements),
      automatic: fc.boolean(),
      holders: fc.uniqueArray(nodeIdx, { maxLength: 2 }),
      ownedBy: fc.uniqueArray(nodeIdx, { maxLength: 2 }),
    }),
  );
  return fc.record({
    nodes: fc.constant(nodes),
    relocs: fc.array(reloc, { maxLength: 5 }),
    missingStatic: fc.array(fc.boolean(), { minLength: nodes, maxLength: nodes }),
    unmanaged: fc.array(fc.boolean(), { minLength: nodes, maxLength: nodes }),
    ownedExtra: fc.array(fc.boolean(), { minLength: nodes, maxLength: nodes }),
    pair: fc.constantFrom('none', 'home', 'failed-over', 'missing'),
  });
});

const name = (i: number) => `n${i + 1}`;
const staticIp = (i: number) => `192.0.2.${10 + i}/24`;
const relocIp = (j: number) => `192.0.2.${100 + j}/24`;
const privateIp = (i: number) => `198.51.100.${10 + i}/24`;
const partnerOf = (s: Scenario, i: number) => (s.pair !== 'none' && i < 2 ? name(1 - i) : undefined);
const failoverOf = (s: Scenario, i: number) => {
  const partner = partnerOf(s, i);
  return partner ? `, failover: { node: ${partner}, interface: eth1 }` : '';
};

function files(s: Scenario): Record<string, string> {
  const nodes = Array.from(
    { length: s.nodes },
    (_, i) => `apiVersion: tandem/v1
kind: Node
metadata: { name: ${name(i)} }
spec:
  provider: p1
  connection: { transport: sim }
  interfaces:
    - { name: eth0, type: physical, segment: public, addresses: [${staticIp(i)}] }
    - { name: eth1, type: physical, segment: private, addresses: [${privateIp(i)}]${failoverOf(s, i)} }
`,
  ).join('---\n');
  const relocs = s.relocs
    .map(
      (r, j) => `apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: r${j} }
spec:
  address: ${relocIp(j)}
  active: ${name(r.active)}
  switchback: ${r.automatic ? 'automatic' : 'intelligent'}
  placements:
${r.placements.map((p, k) => `    - { node: ${name(p)}, interface: eth0, priority: ${k + 1} }`).join('\n')}
`,
    )
    .join('---\n');
  return { 'c.yaml': CLUSTER, 'n.yaml': nodes, ...(relocs ? { 'a.yaml': relocs } : {}) };
}

function states(s: Scenario): Map<string, ObservedNode> {
  const out = new Map<string, ObservedNode>();
  for (let i = 0; i < s.nodes; i++) {
    const addresses: string[] = [];
    if (!s.missingStatic[i]) addresses.push(staticIp(i));
    s.relocs.forEach((r, j) => r.holders.includes(i) && addresses.push(relocIp(j)));
    if (s.unmanaged[i]) addresses.push(`192.0.2.${200 + i}/24`);
    // n1's private address: at home, failed over to n2/eth1, or nowhere yet.
    const eth1: string[] = [];
    if (!(i === 0 && (s.pair === 'failed-over' || s.pair === 'missing'))) eth1.push(privateIp(i));
    if (i === 1 && s.pair === 'failed-over') eth1.push(privateIp(0));
    const owned = s.relocs.flatMap((r, j) => (r.ownedBy.includes(i) ? [`addr:${relocIp(j).split('/')[0]}`] : []));
    if (s.ownedExtra[i] && s.unmanaged[i]) owned.push(`addr:192.0.2.${200 + i}`);
    out.set(name(i), observedNode(name(i), { links: ['eth0', 'eth1'], addresses: { eth0: addresses, eth1 }, owned }));
  }
  return out;
}

function holdersByIp(all: ReadonlyMap<string, ObservedNode>): Map<string, number> {
  const count = new Map<string, number>();
  for (const st of all.values())
    for (const a of st.addresses) if (a.interface !== 'lo') count.set(a.cidr, (count.get(a.cidr) ?? 0) + 1);
  return count;
}

describe('planner properties', () => {
  it(
    'a plan applied to the simulated nodes converges, ' + 'never puts an address on two nodes, and is deterministic',
    () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const env = files(s);
          const before = states(s);
          const plan = planFor(env, asObservations(before));
          assert.deepEqual(plan.refusals, [], 'generated clusters are all plannable');
          assert.equal(JSON.stringify(planFor(env, asObservations(before))), JSON.stringify(plan), 'deterministic');

          const initial = holdersByIp(before);
          const after = applyToStates(plan, before, (current, stepId) => {
            for (const [cidr, n] of holdersByIp(current)) {
              assert.ok(n <= Math.max(1, initial.get(cidr) ?? 0), `${cidr} on ${n} nodes after step ${stepId}`);
            }
          });
          for (const [cidr, n] of holdersByIp(after)) assert.ok(n <= 1, `${cidr} still on ${n} nodes after the plan`);
          if (s.pair === 'failed-over') {
            // Seed 000: the failed-over interface is left alone, its address stays on the partner.
            assert.ok(
              plan.deferrals.some((d) => d.node === 'n1' && d.ruleId === 'TR003'),
              'n1/eth1 changes are deferred',
            );
            assert.ok(
              after.get('n2')!.addresses.some((a) => a.cidr === privateIp(0)),
              'the partner keeps the failed-over address',
            );
          }
          if (s.pair !== 'none') {
            const mirror = after
              .get('n2')!
              .inventory.mirrors?.find((m) => m.home.node === 'n1' && m.home.iface === 'eth1');
            assert.deepEqual(mirror?.addresses, [privateIp(0)], "n2 holds n1/eth1's mirror");
          }
          const again = planFor(env, asObservations(after));
          assert.deepEqual(
            again.changes.map((c) => c.id),
            [],
            'a second plan after applying the first has nothing to do',
          );
          assert.deepEqual(again.refusals, []);
        }),
        { numRuns: 300, seed: 20261125, includeErrorInReport: true },
      );
    },
  );
});
