// CIP interface failover in fleet mode, the pure parts (NonStop CIP manual, seeds
// 000-002): the decisions each end of a failover pair takes (fleet/agent/cip.ts), and one
// node's plan for where the agents put the pair's resources (diff/cip-intent.ts): the
// addresses, static routes and tunnels of the home interface move to the failover
// interface; its neighbors, MTU and dynamic state do not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cipDecision, peerFacts, type CipFacts } from '../../src/fleet/agent/cip.js';
import { whereFor } from '../../src/fleet/agent/cip-step.js';
import { HOLD_DOWN_MS, STARTUP_GRACE_MS } from '../../src/fleet/agent/runtime.js';
import { cipKey, cipPairUnder, cipStandbyKey, FleetKeyError } from '../../src/fleet/keys.js';
import type { CipPlacement } from '../../src/diff/cip-intent.js';
import type { Observation } from '../../src/observe/model.js';
import { planEnvironment } from '../../src/plan/index.js';
import { cipStatusOf, renderCipRows } from '../../src/fleet/status-cip.js';
import type { AgentStatus } from '../../src/fleet/status-types.js';
import { CLUSTER, validateTexts } from '../helpers/env.js';
import { observedNode } from '../helpers/observed.js';

const base: CipFacts = {
  role: 'home',
  stopped: false,
  selfUsable: true,
  holder: 'none',
  peerAlive: true,
  peerUsable: true,
  peerUsableForMs: 0,
};
const decide = (f: Partial<CipFacts>) => cipDecision({ ...base, ...f });

describe('CIP failover decisions', () => {
  it('the home node claims its interface when it has link, and keeps it while it has', () => {
    assert.equal(decide({}).act, 'claim');
    assert.deepEqual(decide({ holder: 'self' }), { act: 'none' });
    assert.deepEqual(decide({ holder: 'other' }), { act: 'none' });
  });

  it('link down on the home interface: released for a live partner with link, kept otherwise', () => {
    const r = decide({ holder: 'self', selfUsable: false });
    assert.equal(r.act, 'release');
    assert.equal(r.act === 'release' && r.why, 'link-down');
    // Moving to a partner that cannot hold it would only lengthen the outage.
    assert.equal(decide({ holder: 'self', selfUsable: false, peerUsable: false }).act, 'none');
    assert.equal(decide({ holder: 'self', selfUsable: false, peerAlive: false }).act, 'none');
    // Not held, no link, partner ready: the home leaves it to the partner.
    assert.equal(decide({ selfUsable: false }).act, 'none');
    // Nobody else can hold it: the home keeps it where it is configured.
    assert.equal(decide({ selfUsable: false, peerUsable: false }).act, 'claim');
  });

  it('ifstop (desired state down) suppresses failover on both ends', () => {
    assert.equal(decide({ holder: 'self', selfUsable: false, stopped: true }).act, 'none');
    assert.equal(decide({ stopped: true, selfUsable: false }).act, 'claim');
    assert.equal(decide({ role: 'partner', stopped: true, peerAlive: false }).act, 'none');
    const back = decide({ role: 'partner', holder: 'self', stopped: true });
    assert.equal(back.act === 'release' && back.why, 'stopped');
  });

  it('the partner claims when the home interface has no link or the home node is gone, with its own link up', () => {
    const partner = { role: 'partner' as const };
    assert.equal(decide({ ...partner }).act, 'none', 'the home is alive with link: it claims');
    const linkDown = decide({ ...partner, peerUsable: false });
    assert.equal(linkDown.act, 'claim');
    assert.match(linkDown.act === 'claim' ? linkDown.why : '', /no link/);
    const dead = decide({ ...partner, peerAlive: false, peerUsable: false });
    assert.match(dead.act === 'claim' ? dead.why : '', /lease ended/);
    assert.equal(decide({ ...partner, peerUsable: false, selfUsable: false }).act, 'none');
    assert.equal(decide({ ...partner, peerUsable: false, holder: 'other' }).act, 'none');
  });

  it('restore: the partner gives it back once the home interface has had link for the hold-down', () => {
    const holding = { role: 'partner' as const, holder: 'self' as const };
    const early = decide({ ...holding, peerUsableForMs: 3000 });
    assert.equal(early.act, 'none');
    assert.equal(early.act === 'none' && early.retryInMs, HOLD_DOWN_MS - 3000 + 100);
    const r = decide({ ...holding, peerUsableForMs: HOLD_DOWN_MS });
    assert.equal(r.act === 'release' && r.why, 'restore');
    // The failover interface lost its link too: back home at once.
    assert.equal(decide({ ...holding, selfUsable: false, peerUsableForMs: 0 }).act, 'release');
    // The home is dead or without link: the partner keeps it.
    assert.deepEqual(decide({ ...holding, peerUsable: false }), { act: 'none' });
    assert.deepEqual(decide({ ...holding, peerAlive: false }), { act: 'none' });
  });

  it('a home that released within the hold-down does not take it back at once (flapping link)', () => {
    const r = decide({ releasedForMs: 2000 });
    assert.equal(r.act, 'none');
    assert.equal(r.act === 'none' && r.retryInMs, HOLD_DOWN_MS - 2000);
    assert.equal(decide({ releasedForMs: HOLD_DOWN_MS }).act, 'claim');
    assert.equal(decide({ releasedForMs: 2000, peerUsable: false }).act, 'claim');
  });

  it('the resources follow the holder; unsure of etcd, the home leaves them as they are', () => {
    assert.equal(whereFor('home', true, 'self', false), 'home');
    assert.equal(whereFor('home', false, 'other', false), 'partner');
    assert.equal(whereFor('home', false, 'none', false), 'partner');
    assert.equal(whereFor('home', false, 'none', true), 'keep');
    assert.equal(whereFor('partner', true, 'self', false), 'partner');
    assert.equal(whereFor('partner', false, 'none', true), 'home');
  });

  it('keys: one per failover interface, its standby key under the other node, hostile names refused', () => {
    assert.equal(cipKey('c', 'clim1', 'eth0.100'), '/tandem/c/cip/clim1/eth0.100');
    assert.equal(cipStandbyKey('c', 'clim2', 'clim1', 'eth1'), '/tandem/c/standby/clim2/cip/clim1/eth1');
    assert.equal(cipPairUnder('c', '/tandem/c/cip/clim1/eth1'), 'clim1/eth1');
    assert.equal(cipPairUnder('c', '/tandem/c/owners/x'), undefined);
    assert.throws(() => cipKey('c', 'clim1', '../x'), FleetKeyError);
  });
});

const clim = (name: string, partner: string | undefined, eth1: string, extra = '') => `apiVersion: tandem/v1
kind: Node
metadata: { name: ${name} }
spec:
  provider: p1
  connection: { transport: sim }
  interfaces:
    - { name: lo, type: loopback, addresses: [10.0.0.${name.slice(-1)}/32] }
    - name: eth1
      type: physical
      segment: public
      addresses: [${eth1}]${partner ? `\n      failover: { node: ${partner}, interface: eth1 }` : ''}${extra}
`;
const C1_EXTRA = `
      routes: [{ to: 203.0.113.0/24, via: 192.0.2.254 }]
      neighbors: [{ address: 192.0.2.253, lladdr: "02:00:00:00:00:fd" }]
    - name: t6
      type: tunnel
      tunnel: { mode: sit, local: 192.0.2.11, remote: 198.51.100.9 }
      addresses: ["2001:db8:9::1/64"]
      routes: [{ to: "2001:db8:f::/48" }]`;
const files = {
  'c.yaml': CLUSTER,
  'n.yaml': [
    clim('c1', 'c2', '192.0.2.11/24, "2001:db8:1::11/64"', C1_EXTRA),
    clim('c2', undefined, '192.0.2.12/24'),
  ].join('---\n'),
};

function planOn(node: 'c1' | 'c2', obs: Parameters<typeof observedNode>[1], cip: CipPlacement) {
  const v = validateTexts(files);
  assert.ok(v.valid && v.model, v.diagnostics.map((d) => `${d.ruleId} ${d.summary}`).join('\n'));
  const o: Observation = { node, ok: true, state: observedNode(node, obs) };
  return planEnvironment({
    model: v.model,
    environment: 'env',
    desiredDigest: 'sha256:test',
    observations: new Map([[node, o]]),
    nodes: [node],
    fleet: { node, owned: new Map(), cip },
  });
}

const C1_HOME = {
  links: ['lo', 'eth1'],
  addresses: { lo: ['10.0.0.1/32'], eth1: ['192.0.2.11/24', '2001:db8:1::11/64'] },
  ops: [
    { op: 'route-replace' as const, to: '203.0.113.0/24', via: '192.0.2.254', dev: 'eth1', table: 254 },
    { op: 'neigh-replace' as const, iface: 'eth1', address: '192.0.2.253', lladdr: '02:00:00:00:00:fd' },
    {
      op: 'link-add-tunnel' as const,
      iface: 't6',
      mode: 'sit' as const,
      local: '192.0.2.11',
      remote: '198.51.100.9',
    },
    { op: 'link-set' as const, iface: 't6', up: true },
    { op: 'addr-add' as const, iface: 't6', cidr: '2001:db8:9::1/64' },
    { op: 'route-replace' as const, to: '2001:db8:f::/48', dev: 't6', table: 254 },
  ],
  owned: ['route:254:203.0.113.0/24:0', 'link:t6', 'route:254:2001:db8:f::/48:0'],
};
const C2_PLAIN = { links: ['lo', 'eth1'], addresses: { lo: ['10.0.0.2/32'], eth1: ['192.0.2.12/24'] } };
const lines = (p: ReturnType<typeof planOn>) => p.changes.map((c) => `${c.action} ${c.key}`).sort();

describe('CIP: the peer of a pair as its heartbeat shows it', () => {
  const pair = 'a/eth0';
  const passed = { condition: 'Ready' as const, lastPass: { result: 'nothing-to-do', at: '', durationMs: 1 } };
  const withLink = (usable: boolean): Partial<AgentStatus> => ({
    ...passed,
    cip: [{ pair, role: 'home', iface: 'eth0', usable }],
  });

  it('reports the home interface as its heartbeat does', () => {
    assert.deepEqual(peerFacts(withLink(true), true, pair, 'partner', false, 0), { alive: true, usable: true });
    assert.deepEqual(peerFacts(withLink(false), true, pair, 'partner', false, 0), { alive: true, usable: false });
    assert.deepEqual(peerFacts(undefined, false, pair, 'partner', false, 0), { alive: false, usable: false });
    assert.deepEqual(peerFacts({ ...withLink(true), condition: 'Fenced' }, true, pair, 'partner', false, 0), {
      alive: true,
      usable: false,
    });
  });

  it('a heartbeat from before the first pass is a peer starting, not a link down (regression)', () => {
    // Written at the lease grant: no pass, no links reported. Taken for "no link", the
    // partner took a live home's interface at start-up (test/fleet/agent-cip.test.ts).
    const starting: Partial<AgentStatus> = { condition: 'Reconciling', message: 'starting' };
    assert.deepEqual(peerFacts(starting, true, pair, 'partner', false, 0), { alive: true, usable: true });
    assert.equal(decide({ role: 'partner', peerUsable: true }).act, 'none', 'so the partner does not claim');
    // Not for ever: past the start-up grace a peer that never passes is taken at its word.
    assert.equal(peerFacts(starting, true, pair, 'partner', false, STARTUP_GRACE_MS).usable, false);
  });
});

describe('CIP failover in one node’s plan (fleet mode)', () => {
  it('failed over, on the home node: its addresses, static routes and tunnel go; neighbors and link stay', () => {
    const plan = planOn('c1', C1_HOME, new Map([['c1/eth1', 'partner']]));
    assert.deepEqual(plan.refusals, []);
    assert.deepEqual(lines(plan), [
      'delete addr:192.0.2.11',
      'delete addr:2001:db8:1::11',
      'delete addr:2001:db8:9::1',
      'delete link:t6',
      'delete route:254:2001:db8:f::/48:0',
      'delete route:254:203.0.113.0/24:0',
    ]);
  });

  it('held at home: nothing to do; unknown (etcd not read): nothing either way, the changes wait', () => {
    assert.deepEqual(lines(planOn('c1', C1_HOME, new Map([['c1/eth1', 'home']]))), []);
    const bare = { links: ['lo', 'eth1'], addresses: { lo: ['10.0.0.1/32'] } };
    const unknown = planOn('c1', bare, new Map([['c1/eth1', 'keep']]));
    assert.deepEqual(lines(unknown), []);
    assert.ok(unknown.deferrals.some((d) => d.key === 'addr:192.0.2.11' && /not known/.test(d.reason)));
  });

  it('failed over, on the partner: home addresses and routes on the failover interface, the tunnel by name', () => {
    const plan = planOn('c2', C2_PLAIN, new Map([['c1/eth1', 'partner']]));
    assert.deepEqual(plan.refusals, []);
    assert.deepEqual(lines(plan), [
      'create addr:192.0.2.11',
      'create addr:2001:db8:1::11',
      'create addr:2001:db8:9::1',
      'create link:t6',
      'create mirror:c1/eth1',
      'create route:254:2001:db8:f::/48:0',
      'create route:254:203.0.113.0/24:0',
    ]);
    const after = (key: string) => plan.changes.find((c) => c.key === key)?.after as unknown as Record<string, unknown>;
    assert.equal(after('addr:192.0.2.11').iface, 'eth1');
    assert.equal(after('route:254:203.0.113.0/24:0').dev, 'eth1');
    assert.equal(after('route:254:2001:db8:f::/48:0').dev, 't6');
    assert.deepEqual(after('link:t6').tunnel, { mode: 'sit', local: '192.0.2.11', remote: '198.51.100.9' });
    assert.ok(!plan.changes.some((c) => c.key.startsWith('neigh:')), 'neighbors do not migrate');
    // Arriving like a relocatable address: checked unused first, announced after.
    const step = (cidr: string) =>
      plan.waves.flatMap((w) => w.steps).find((x) => x.ops.some((o) => o.op === 'addr-add' && o.cidr === cidr))!;
    assert.deepEqual(
      step('192.0.2.11/24').pre.map((c) => c.kind),
      ['uniqueness'],
    );
    assert.ok(step('192.0.2.11/24').post.some((c) => c.kind === 'gratuitous-arp'));
    assert.ok(step('2001:db8:1::11/64').post.some((c) => c.kind === 'dad-wait'));
  });

  it('restored, on the partner: what it hosted goes; unknown: it is left in place', () => {
    const hosting = {
      links: ['lo', 'eth1'],
      addresses: { lo: ['10.0.0.2/32'], eth1: ['192.0.2.12/24', '192.0.2.11/24', '2001:db8:1::11/64'] },
      ops: [{ op: 'route-replace' as const, to: '203.0.113.0/24', via: '192.0.2.254', dev: 'eth1', table: 254 }],
      owned: ['route:254:203.0.113.0/24:0'],
      mirrors: [
        {
          home: { node: 'c1', iface: 'eth1' },
          partnerIface: 'eth1',
          addresses: ['192.0.2.11/24', '2001:db8:1::11/64'],
          routes: ['203.0.113.0/24 via 192.0.2.254'],
        },
      ],
    };
    const back = planOn('c2', hosting, new Map([['c1/eth1', 'home']]));
    assert.deepEqual(back.refusals, []);
    assert.deepEqual(lines(back), [
      'delete addr:192.0.2.11',
      'delete addr:2001:db8:1::11',
      'delete route:254:203.0.113.0/24:0',
    ]);
    assert.deepEqual(lines(planOn('c2', hosting, new Map([['c1/eth1', 'keep']]))), []);
  });
});

describe('CIP failover in status --fleet', () => {
  const kv = (key: string, value: string, createRevision: number) => ({
    key,
    value,
    createRevision,
    modRevision: createRevision,
    version: 1,
  });
  const transition = (at: string, event: string) => ({ event, reason: 'why', at });
  const agents = new Map<string, Partial<AgentStatus>>([
    [
      'c1',
      {
        cip: [
          {
            pair: 'c1/eth1',
            role: 'home',
            iface: 'eth1',
            usable: false,
            lastTransition: transition('T1', 'agent-cip-release'),
          },
        ],
      },
    ],
    [
      'c2',
      {
        cip: [
          {
            pair: 'c1/eth1',
            role: 'partner',
            iface: 'eth1',
            usable: true,
            lastTransition: transition('T2', 'agent-cip-claim'),
          },
          { pair: 'c3/eth0', role: 'partner', iface: 'eth0', usable: true },
        ],
      },
    ],
  ]);

  it('names the holder, its role and token, both links and the latest transition; an unheld pair shows as such', () => {
    const value = JSON.stringify({ node: 'c2', agent: 'h:1', since: 'S', role: 'partner', reason: 'r' });
    const rows = cipStatusOf('c', [kv('/tandem/c/cip/c1/eth1', value, 42), kv('/tandem/c/owners/x', '{}', 7)], agents);
    assert.deepEqual(
      rows.map((r) => [r.pair, r.holder?.node, r.holder?.token, r.lastTransition?.event]),
      [
        ['c1/eth1', 'c2', 42, 'agent-cip-claim'],
        ['c3/eth0', undefined, undefined, undefined],
      ],
    );
    assert.deepEqual(rows[0].links, { 'c1/eth1': false, 'c2/eth1': true });
    const text = renderCipRows(rows).map((r) => r.join(' | '));
    assert.equal(
      text[1],
      'c1/eth1 | c2 (partner) | 42 | S | c1/eth1 DOWN, c2/eth1 up | agent-cip-claim on c2 at T2: why',
    );
    assert.equal(text[2], 'c3/eth0 | nobody | - | - | c2/eth0 up | -');
  });
});
