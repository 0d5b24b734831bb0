import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planShapeProblems, staleReasons } from '../../src/apply/plan-file.js';
import type { Observation, ObservedNode } from '../../src/observe/model.js';
import { observedDigest } from '../../src/plan/digest.js';
import type { PlanDocument } from '../../src/plan/document.js';
import { observedNode } from '../helpers/observed.js';

const base = () => observedNode('n1', { links: ['eth0'], addresses: { eth0: ['192.0.2.11/24', '2001:db8::11/64'] } });
const obs = (state: ObservedNode): Map<string, Observation> =>
  new Map([[state.node, { node: state.node, ok: true, state }]]);

function planOf(state: ObservedNode): PlanDocument {
  return {
    formatVersion: 1,
    id: 'abc',
    environment: 'env',
    desiredRevision: { digest: 'sha256:d1' },
    nodes: { n1: { driver: 'sim', observedDigest: observedDigest(state) }, n2: { error: 'unreachable' } },
    summary: {
      create: 0,
      update: 0,
      delete: 1,
      replace: 0,
      deferred: 0,
      refused: 0,
      warnings: 0,
      steps: 1,
      waves: 1,
      checks: 0,
    },
    changes: [
      {
        id: 'n1:addr:192.0.2.11',
        node: 'n1',
        key: 'addr:192.0.2.11',
        kind: 'address',
        action: 'delete',
        before: { kind: 'address', key: 'addr:192.0.2.11', iface: 'eth0', cidr: '192.0.2.11/24', family: 4 },
        reason: 'x',
      },
    ],
    waves: [],
    refusals: [],
    warnings: [],
    deferrals: [],
    notes: [],
    placements: [],
  };
}

describe('stale plans', () => {
  it('is fresh when nothing changed, whenever it was observed', () => {
    const s = base();
    assert.deepEqual(staleReasons(planOf(s), 'sha256:d1', obs({ ...s, observedAt: '2031-01-01T00:00:00.000Z' })), []);
  });

  it('names the driver when a plan made on namespaces (--lab) is applied to sim nodes, and back', () => {
    const s = base();
    const plan = planOf({ ...s, driver: 'linux' });
    plan.nodes.n1 = { driver: 'linux', observedDigest: observedDigest({ ...s, driver: 'linux' }) };
    const gone = s.addresses.filter((a) => a.cidr !== '192.0.2.11/24');
    const now = { ...s, driver: 'sim', addresses: gone };
    const [reason] = staleReasons(plan, 'sha256:d1', obs(now));
    assert.match(reason, /^node n1 was observed through the linux driver when the plan was made, through sim now/);
    assert.match(reason, /made with --lab; apply it with --lab/);
    const back = planOf(s);
    const [other] = staleReasons(back, 'sha256:d1', obs({ ...s, driver: 'linux', addresses: gone }));
    assert.match(other, /made without --lab; apply it without/);
  });

  it('a saved plan names what a plan made now does differently on the node', () => {
    const s = base();
    const saved = planOf(s);
    const v6 = s.addresses.find((a) => a.cidr === '2001:db8::11/64')!;
    const now = { ...s, addresses: s.addresses.filter((a) => a !== v6) };
    const replanned = planOf(now);
    replanned.changes = [
      ...replanned.changes,
      {
        id: 'n1:addr:2001:db8::11',
        node: 'n1',
        key: 'addr:2001:db8::11',
        kind: 'address',
        action: 'create',
        after: { kind: 'address', key: 'addr:2001:db8::11', iface: 'eth0', cidr: '2001:db8::11/64', family: 6 },
        reason: 'x',
      },
    ];
    const [reason] = staleReasons(saved, 'sha256:d1', obs(now), undefined, replanned);
    assert.equal(
      reason,
      'node n1 changed since the plan was made: a plan made now also has to create address 2001:db8::11/64 on eth0',
    );
    const [without] = staleReasons(saved, 'sha256:d1', obs(now));
    assert.match(without, /none of the objects the plan changes moved, but others did/);
  });

  it('is stale when the desired state changed', () => {
    const s = base();
    assert.match(staleReasons(planOf(s), 'sha256:d2', obs(s))[0], /the desired state changed since the plan was made/);
  });

  it('is stale when a node changed, naming the planned object that changed', () => {
    const s = base();
    const now = { ...s, addresses: s.addresses.filter((a) => a.cidr !== '192.0.2.11/24') };
    assert.deepEqual(staleReasons(planOf(s), undefined, obs(now)), [
      'node n1 changed since the plan was made: address 192.0.2.11/24 on eth0 is gone',
    ]);
  });

  it('is stale when a node it observed cannot be observed now', () => {
    const s = base();
    const now = new Map<string, Observation>([
      ['n1', { node: 'n1', ok: false, error: { kind: 'unreachable', message: 'ssh: no route' } }],
    ]);
    assert.deepEqual(staleReasons(planOf(s), undefined, now), ['node n1 cannot be observed now: ssh: no route']);
  });

  it('ignores what the kernel changes by itself, even for a saved plan (digests cover what the diff compares)', () => {
    const s = base();
    const settled: ObservedNode = {
      ...s,
      links: s.links.map((l) => ({ ...l, operState: 'LOWERLAYERDOWN' })),
      addresses: [
        ...s.addresses.map((a) => (a.family === 6 ? { ...a, tentative: !a.tentative } : a)),
        {
          interface: 'eth0',
          family: 6,
          cidr: 'fe80::1/64',
          secondary: false,
          tentative: false,
          dadfailed: false,
          scope: 'link',
        },
      ],
    };
    assert.equal(observedDigest(settled), observedDigest(s));
    assert.deepEqual(staleReasons(planOf(s), undefined, obs(settled)), [], 'a saved plan is not stale');
    assert.deepEqual(staleReasons(planOf(s), undefined, obs(settled), obs(s)), []);
    const inventory = { ...settled, inventory: { owned: ['addr:192.0.2.11'] } };
    assert.match(staleReasons(planOf(s), undefined, obs(inventory), obs(s))[0], /inventory changed/);
  });

  it('checks the shape of a saved plan', () => {
    assert.deepEqual(planShapeProblems(planOf(base())), []);
    assert.deepEqual(planShapeProblems([]), ['not a JSON object']);
    const broken = {
      ...planOf(base()),
      waves: [
        {
          index: 1,
          nodes: [],
          steps: [{ id: 's', node: 'n1', ops: [{ iface: 'eth0' }], pre: [{}], post: [], changeIds: [] }],
        },
      ],
    };
    assert.deepEqual(planShapeProblems(broken), [
      'waves[0].steps[0].ops[0] has no op',
      'waves[0].steps[0]: check 0 has no kind',
    ]);
  });
});
