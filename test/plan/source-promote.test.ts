// sourceAddress and promoteSecondaries drive plans: the connected route's preferred
// source follows a relocatable address with sourceAddress, and promote_secondaries is
// set on the interfaces tandem manages, before any address of the node is removed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { observedObjects } from '../../src/diff/observed-objects.js';
import { applyOps } from '../../src/sim/kernel.js';
import { CLUSTER } from '../helpers/env.js';
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

const reloc = (active: string, sourceAddress: boolean) => `apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: db }
spec:
  address: 192.0.2.50/24
  active: ${active}
  sourceAddress: ${sourceAddress}
  placements:
    - { node: s1, interface: eth0, priority: 1 }
    - { node: s2, interface: eth0, priority: 2 }
`;

const PROMOTING_CLUSTER = `${CLUSTER}  defaults:\n    promoteSecondaries: true\n`;

const env = (active: string, opts: { sourceAddress?: boolean; promote?: boolean } = {}) => ({
  'c.yaml': opts.promote ? PROMOTING_CLUSTER : CLUSTER,
  'n.yaml': `${node('s1', 11)}---\n${node('s2', 12)}`,
  'a.yaml': reloc(active, opts.sourceAddress ?? false),
});

const SOURCE_50 = { op: 'route-src', iface: 'eth0', to: '192.0.2.0/24', src: '192.0.2.50' } as const;

/** s1 holds the address (tandem put it there), optionally as the subnet's source. */
const holding = (asSource: boolean) =>
  observedNode('s1', {
    links: ['eth0'],
    addresses: { eth0: ['192.0.2.11/24', '192.0.2.50/24'] },
    owned: ['addr:192.0.2.50'],
    ops: asSource ? [SOURCE_50] : [],
  });
const idle = (sysctl: Record<string, string> = {}) =>
  observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.12/24'] }, sysctl });

describe('sourceAddress', () => {
  it('gives the subnet route the address as source where it arrives, after the address, in the same wave', () => {
    const plan = planFor(env('s2', { sourceAddress: true }), observations(holding(false), idle()));
    assert.deepEqual(plan.refusals, []);
    assert.deepEqual(stepLines(plan), [
      '1:s1:delete address 192.0.2.50/24 on eth0 (relocatable db)',
      '2:s2:create address 192.0.2.50/24 on eth0 (relocatable db)',
      '2:s2:update source 192.0.2.50 of subnet 192.0.2.0/24 on eth0 (relocatable db)',
    ]);
    const source = plan.waves[1].steps[1];
    assert.deepEqual(source.ops, [SOURCE_50]);
  });

  it('puts the primary back as source before the address leaves, in the same batch', () => {
    const plan = planFor(env('s2', { sourceAddress: true }), observations(holding(true), idle()));
    assert.deepEqual(plan.refusals, []);
    const wave1 = plan.waves[0].steps;
    assert.deepEqual(
      wave1.map((s) => s.description),
      [
        'delete source 192.0.2.50 of subnet 192.0.2.0/24 on eth0 (relocatable db)',
        'delete address 192.0.2.50/24 on eth0 (relocatable db)',
      ],
    );
    assert.deepEqual(wave1[0].ops, [{ op: 'route-src', iface: 'eth0', to: '192.0.2.0/24', src: '192.0.2.11' }]);
  });

  it('without the restore the kernel model loses the subnet route with the address (what the step prevents)', () => {
    const s1 = holding(true);
    const gone = applyOps(s1, [{ op: 'addr-del', iface: 'eth0', cidr: '192.0.2.50/24' }]);
    assert.ok(gone.ok);
    assert.equal(
      gone.state.routes.some((r) => r.to === '192.0.2.0/24'),
      false,
    );
    const kept = applyOps(s1, [
      { op: 'route-src', iface: 'eth0', to: '192.0.2.0/24', src: '192.0.2.11' },
      { op: 'addr-del', iface: 'eth0', cidr: '192.0.2.50/24' },
    ]);
    assert.ok(kept.ok);
    assert.deepEqual(
      kept.state.routes.filter((r) => r.to === '192.0.2.0/24').map((r) => [r.protocol, r.scope, r.src]),
      [['kernel', 'link', '192.0.2.11']],
    );
  });

  it('repairs drift: the address is here but the route prefers the primary', () => {
    const plan = planFor(env('s1', { sourceAddress: true }), observations(holding(false), idle()));
    assert.deepEqual(stepLines(plan), [
      '1:s1:update source 192.0.2.50 of subnet 192.0.2.0/24 on eth0 (relocatable db)',
    ]);
  });

  it('is a no-op once the route prefers the address', () => {
    const plan = planFor(env('s1', { sourceAddress: true }), observations(holding(true), idle()));
    assert.deepEqual(plan.changes, []);
  });

  it('turned off while the address stays: the primary becomes the source again', () => {
    const plan = planFor(env('s1', { sourceAddress: false }), observations(holding(true), idle()));
    assert.deepEqual(stepLines(plan), [
      '1:s1:delete source 192.0.2.50 of subnet 192.0.2.0/24 on eth0 (relocatable db)',
    ]);
    assert.deepEqual(plan.waves[0].steps[0].ops, [
      { op: 'route-src', iface: 'eth0', to: '192.0.2.0/24', src: '192.0.2.11' },
    ]);
  });

  it('leaves alone a source the administrator chose for an address tandem does not manage', () => {
    const s1 = observedNode('s1', {
      links: ['eth0'],
      addresses: { eth0: ['192.0.2.11/24', '192.0.2.77/24'] },
      ops: [{ op: 'route-src', iface: 'eth0', to: '192.0.2.0/24', src: '192.0.2.77' }],
    });
    const plan = planFor(env('s2'), observations(s1, idle()));
    assert.equal(
      plan.changes.some((c) => c.kind === 'source'),
      false,
    );
  });

  it('a source that is the primary address already (own subnet) needs nothing after the address arrives', () => {
    const s2 = observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.50/24'] } });
    assert.equal(observedObjects(s2).get('source:eth0:192.0.2.0/24')?.kind, 'source');
    const plan = planFor(
      env('s2', { sourceAddress: true }),
      observations(observedNode('s1', { links: ['eth0'], addresses: { eth0: ['192.0.2.11/24'] } }), s2),
    );
    assert.equal(
      plan.changes.some((c) => c.kind === 'source'),
      false,
    );
  });
});

describe('promoteSecondaries', () => {
  it('sets promote_secondaries on the managed interfaces before the node removes any address', () => {
    const plan = planFor(env('s2', { promote: true }), observations(holding(false), idle()));
    assert.deepEqual(plan.refusals, []);
    assert.deepEqual(stepLines(plan), [
      '1:s1:update sysctl net.ipv4.conf.eth0.promote_secondaries=1',
      '1:s1:delete address 192.0.2.50/24 on eth0 (relocatable db)',
      // never both placements in one wave (TR008): s2's setting waits for wave 2
      '2:s2:update sysctl net.ipv4.conf.eth0.promote_secondaries=1',
      '2:s2:create address 192.0.2.50/24 on eth0 (relocatable db)',
    ]);
    assert.deepEqual(plan.waves[0].steps[0].ops, [
      { op: 'sysctl-set', name: 'net.ipv4.conf.eth0.promote_secondaries', value: '1' },
    ]);
  });

  it('counts `all` as on, and an interface already on: nothing to do', () => {
    const s1 = observedNode('s1', {
      links: ['eth0'],
      addresses: { eth0: ['192.0.2.11/24'] },
      sysctl: { 'net.ipv4.conf.all.promote_secondaries': '1' },
    });
    const s2 = idle({ 'net.ipv4.conf.eth0.promote_secondaries': '1' });
    const plan = planFor(env('s1', { promote: true }), observations(s1, s2));
    assert.deepEqual(
      plan.changes.map((c) => c.id),
      ['s1:addr:192.0.2.50'],
    );
  });

  it('false or absent: a sysctl the node has is left as it is', () => {
    const s2 = idle({ 'net.ipv4.conf.eth0.promote_secondaries': '1' });
    const plan = planFor(env('s2'), observations(holding(false), s2));
    assert.equal(
      plan.changes.some((c) => c.kind === 'sysctl'),
      false,
    );
  });

  // The node's primary 192.0.2.11 is replaced by .13 while the relocatable .50 (a
  // secondary of the subnet) stays. Off, the kernel deletes .50 with the primary and the
  // plan re-adds it; once the plan turns promote_secondaries on first, .50 is promoted
  // and nothing needs re-adding: the planner reads the value the node will have.
  const numbered = (sysctl: Record<string, string> = {}) =>
    observedNode('s1', {
      links: ['eth0'],
      addresses: { eth0: ['192.0.2.11/24', '192.0.2.50/24'] },
      owned: ['addr:192.0.2.11', 'addr:192.0.2.50'],
      sysctl,
    });
  const renumbered = (promote: boolean) => ({
    ...env('s1', { promote }),
    'n.yaml': `${node('s1', 13)}---\n${node('s2', 12)}`,
  });

  it('observed off and not asked for: removing the primary re-adds the secondaries (TR007)', () => {
    const plan = planFor(renumbered(false), observations(numbered(), idle()));
    const del = plan.waves.flatMap((w) => w.steps).find((s) => s.description.startsWith('delete address 192.0.2.11'));
    assert.ok(del);
    assert.match(
      del.notes.join(' '),
      /also removes 192\.0\.2\.50\/24, 192\.0\.2\.13\/24 \(promote_secondaries is off\)/,
    );
    assert.ok(del.ops.some((op) => op.op === 'addr-add' && op.cidr === '192.0.2.50/24'));
  });

  it('set earlier in the same plan: the primary goes, the secondary is promoted, nothing re-added', () => {
    const plan = planFor(renumbered(true), observations(numbered(), idle()));
    assert.deepEqual(plan.refusals, []);
    const steps = plan.waves.flatMap((w) => w.steps).filter((s) => s.node === 's1');
    const del = steps.find((s) => s.description.startsWith('delete address 192.0.2.11'));
    assert.ok(del);
    assert.deepEqual(del.notes, []);
    assert.deepEqual(del.ops, [{ op: 'addr-del', iface: 'eth0', cidr: '192.0.2.11/24' }]);
    assert.ok(steps.indexOf(steps.find((s) => s.description.includes('promote_secondaries=1'))!) < steps.indexOf(del));
  });

  it('observed on without being asked: the planner trusts the node and re-adds nothing', () => {
    const s1 = numbered({ 'net.ipv4.conf.eth0.promote_secondaries': '1' });
    const plan = planFor(renumbered(false), observations(s1, idle()));
    const del = plan.waves.flatMap((w) => w.steps).find((s) => s.description.startsWith('delete address 192.0.2.11'));
    assert.ok(del);
    assert.deepEqual(del.notes, []);
  });
});

describe('promote_secondaries of a link the plan creates', () => {
  it('the sim kernel gives a new link the `default` value, as the kernel does', () => {
    const s = observedNode('s1', {
      links: ['eth0'],
      sysctl: { 'net.ipv4.conf.default.promote_secondaries': '1' },
      ops: [{ op: 'link-add-bond', iface: 'bond0', mode: 'active-backup' }],
    });
    assert.equal(s.sysctl['net.ipv4.conf.bond0.promote_secondaries'], '1');
    assert.equal(observedObjects(s).get('sysctl:net.ipv4.conf.bond0.promote_secondaries')?.kind, 'sysctl');
    assert.equal(s.sysctl['net.ipv4.conf.eth0.promote_secondaries'], undefined);
  });
});
