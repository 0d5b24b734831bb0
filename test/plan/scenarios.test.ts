// One scenario per transition rule: the plan's exact order, its deferrals and its
// refusals, on small environments observed through the sim kernel.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLUSTER, dbAddressDoc } from '../helpers/env.js';
import { observations, observedNode } from '../helpers/observed.js';
import { planFor, stepLines } from '../helpers/plan.js';

const node = (name: string, extra = '') => `apiVersion: tandem/v1
kind: Node
metadata: { name: ${name} }
spec:
  provider: p1
  connection: { transport: sim }
  interfaces:
    - { name: eth0, type: physical, segment: public, addresses: [192.0.2.${name === 's1' ? 11 : 12}/24] }
${extra}`;

const reloc = (active: string, switchback: 'intelligent' | 'automatic' = 'intelligent') =>
  dbAddressDoc(active, switchback);

const env = (active: string, switchback?: 'intelligent' | 'automatic') => ({
  'c.yaml': CLUSTER,
  'n.yaml': `${node('s1')}---\n${node('s2')}`,
  'a.yaml': reloc(active, switchback),
});

describe('switchover of a relocatable address', () => {
  it('removes it on the old node, confirms, checks uniqueness, adds it, sends gratuitous ARP, in that order', () => {
    const s1 = observedNode('s1', {
      links: ['eth0'],
      addresses: { eth0: ['192.0.2.11/24', '192.0.2.50/24'] },
      owned: ['addr:192.0.2.50'],
    });
    const s2 = observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.12/24'] } });
    const plan = planFor(env('s2'), observations(s1, s2));
    assert.deepEqual(plan.refusals, []);
    assert.deepEqual(stepLines(plan), [
      '1:s1:delete address 192.0.2.50/24 on eth0 (relocatable db)',
      '2:s2:create address 192.0.2.50/24 on eth0 (relocatable db)',
    ]);
    const [del] = plan.waves[0].steps;
    const [add] = plan.waves[1].steps;
    assert.deepEqual(del.ops, [{ op: 'addr-del', iface: 'eth0', cidr: '192.0.2.50/24' }]);
    assert.deepEqual(
      del.post.map((c) => c.kind),
      ['confirm-absent'],
    );
    assert.deepEqual(
      add.pre.map((c) => c.kind),
      ['uniqueness'],
    );
    assert.deepEqual(add.ops, [{ op: 'addr-add', iface: 'eth0', cidr: '192.0.2.50/24' }]);
    assert.deepEqual(
      add.post.map((c) => c.kind),
      ['gratuitous-arp', 'health'],
    );
    assert.deepEqual(add.deps, [del.id]);
    assert.equal(plan.placements[0].kind, 'switchover');
  });

  it('is a no-op when the address is already where it should be', () => {
    const s1 = observedNode('s1', { links: ['eth0'], addresses: { eth0: ['192.0.2.11/24', '192.0.2.50/24'] } });
    const s2 = observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.12/24'] } });
    const plan = planFor(env('s1'), observations(s1, s2));
    assert.deepEqual(plan.changes, []);
    assert.equal(plan.waves.length, 0);
  });
});

describe('switchback', () => {
  // Failed over by the HA layer: on s2, but s2's inventory does not say tandem put it there.
  const failedOver = () => [
    observedNode('s1', { links: ['eth0'], addresses: { eth0: ['192.0.2.11/24'] } }),
    observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.12/24', '192.0.2.50/24'] } }),
  ];

  it('intelligent: leaves the address where the HA layer put it and says so', () => {
    const plan = planFor(env('s1', 'intelligent'), observations(...failedOver()));
    assert.deepEqual(plan.changes, []);
    assert.equal(plan.placements[0].kind, 'left-failed-over');
    assert.match(plan.notes.map((n) => n.message).join('\n'), /switchback is intelligent: left there/);
  });

  it('automatic: moves it home when the home node is healthy', () => {
    const plan = planFor(env('s1', 'automatic'), observations(...failedOver()));
    assert.equal(plan.placements[0].kind, 'switchback');
    assert.deepEqual(stepLines(plan), [
      '1:s2:delete address 192.0.2.50/24 on eth0 (relocatable db)',
      '2:s1:create address 192.0.2.50/24 on eth0 (relocatable db)',
    ]);
  });

  it('automatic: leaves it when the home interface is down', () => {
    const [, s2] = failedOver();
    const s1 = observedNode('s1', { links: ['eth0'], addresses: { eth0: ['192.0.2.11/24'] }, down: ['eth0'] });
    const plan = planFor(env('s1', 'automatic'), observations(s1, s2));
    assert.equal(plan.placements[0].kind, 'left-failed-over');
    assert.equal(plan.changes.filter((c) => c.key === 'addr:192.0.2.50').length, 0);
  });
});

describe('refusals', () => {
  it('refuses half a move when the plan covers one node only (--node), on either end', () => {
    const s1 = observedNode('s1', {
      links: ['eth0'],
      addresses: { eth0: ['192.0.2.11/24', '192.0.2.50/24'] },
      owned: ['addr:192.0.2.50'],
    });
    const s2 = observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.12/24'] } });
    // Destination only: the gate also sees the address still on s1.
    const arriving = planFor(env('s2'), observations(s1, s2), { nodes: ['s2'] });
    assert.deepEqual([...new Set(arriving.refusals.map((r) => r.ruleId))], ['TR001']);
    assert.match(
      arriving.refusals[0].explanation,
      /one half of a move whose other half \(s1:addr:192\.0\.2\.50\) is on s1/,
    );
    assert.ok(
      arriving.refusals.some((r) => /still active on s1/.test(r.explanation)),
      'the gate refuses it too',
    );
    // Source only: removing it would leave the address on no node.
    const leaving = planFor(env('s2'), observations(s1, s2), { nodes: ['s1'] });
    assert.deepEqual(
      leaving.refusals.map((r) => [r.ruleId, r.step]),
      [['TR001', 's1:addr:192.0.2.50']],
    );
  });

  it('refuses a change to a relocatable address when a placement node cannot be observed', () => {
    const s2 = observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.12/24'] } });
    const plan = planFor(env('s2'), observations({ node: 's1', error: 'connection refused' }, s2));
    assert.deepEqual(
      plan.refusals.map((r) => r.ruleId),
      ['TR010'],
    );
    assert.deepEqual(
      plan.warnings.map((r) => r.ruleId),
      ['TR013'],
    );
  });

  it('refuses a desired physical interface the node does not have', () => {
    const s1 = observedNode('s1', { links: [], addresses: {} });
    const s2 = observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.12/24'] } });
    const plan = planFor(env('s2'), observations(s1, s2));
    assert.ok(plan.refusals.some((r) => r.ruleId === 'TR011' && r.objects.includes('s1/eth0')));
  });
});

describe('primary address with secondaries', () => {
  const files = (addresses: string) => ({
    'c.yaml': CLUSTER,
    'n.yaml': `apiVersion: tandem/v1
kind: Node
metadata: { name: s1 }
spec:
  provider: p1
  connection: { transport: sim }
  interfaces:
    - { name: eth0, type: physical, segment: public, addresses: [${addresses}] }
`,
  });

  it('restores the secondaries the kernel removes with their primary, and says so', () => {
    const s1 = observedNode('s1', {
      links: ['eth0'],
      addresses: { eth0: ['192.0.2.10/24', '192.0.2.20/24', '192.0.2.30/24'] },
      owned: ['addr:192.0.2.10'],
    });
    const plan = planFor(files('192.0.2.20/24, 192.0.2.30/24'), observations(s1));
    assert.deepEqual(plan.refusals, []);
    const [step] = plan.waves[0].steps;
    assert.deepEqual(step.ops, [
      { op: 'addr-del', iface: 'eth0', cidr: '192.0.2.10/24' },
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.20/24' },
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.30/24' },
    ]);
    assert.equal(
      step.notes[0],
      'removing primary 192.0.2.10/24 also removes 192.0.2.20/24, 192.0.2.30/24 (promote_secondaries is off); ' +
        '192.0.2.20/24, 192.0.2.30/24 re-added in the same batch',
    );
  });

  it('needs no restore when promote_secondaries is on', () => {
    const s1 = observedNode('s1', {
      links: ['eth0'],
      addresses: { eth0: ['192.0.2.10/24', '192.0.2.20/24'] },
      owned: ['addr:192.0.2.10'],
      sysctl: { 'net.ipv4.conf.all.promote_secondaries': '1' },
    });
    const plan = planFor(files('192.0.2.20/24'), observations(s1));
    assert.deepEqual(plan.waves[0].steps[0].ops, [{ op: 'addr-del', iface: 'eth0', cidr: '192.0.2.10/24' }]);
    assert.deepEqual(plan.refusals, []);
  });
});

describe('ownership', () => {
  it('never deletes an address tandem did not create unless pruning, and deletes what it created', () => {
    const files = { 'c.yaml': CLUSTER, 'n.yaml': node('s1') };
    const s1 = observedNode('s1', {
      links: ['eth0'],
      addresses: { eth0: ['192.0.2.11/24', '192.0.2.77/24', '192.0.2.78/24'] },
      owned: ['addr:192.0.2.78'],
    });
    const plan = planFor(files, observations(s1));
    assert.deepEqual(
      plan.changes.map((c) => `${c.action} ${c.key}`),
      ['delete addr:192.0.2.78'],
    );
    assert.match(plan.notes.map((n) => n.subject).join(), /unmanaged address 192\.0\.2\.77\/24 on eth0/);
    const pruned = planFor(files, observations(s1), { prune: true });
    assert.deepEqual(
      pruned.changes.map((c) => `${c.action} ${c.key}`),
      ['delete addr:192.0.2.77', 'delete addr:192.0.2.78'],
    );
  });

  it('gives the same plan, byte for byte, for the same inputs', () => {
    const s1 = observedNode('s1', {
      links: ['eth0'],
      addresses: { eth0: ['192.0.2.11/24', '192.0.2.50/24'] },
      owned: ['addr:192.0.2.50'],
    });
    const s2 = observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.12/24'] } });
    const a = JSON.stringify(planFor(env('s2'), observations(s1, s2)));
    const b = JSON.stringify(planFor(env('s2'), observations(s1, s2)));
    assert.equal(a, b);
  });
});

describe('static addresses that move between nodes', () => {
  it('swapping two static addresses removes both, then adds both, with uniqueness checks', () => {
    const files = (a: string, b: string) => ({
      'c.yaml': CLUSTER,
      'n.yaml': [
        `apiVersion: tandem/v1\nkind: Node\nmetadata: { name: s1 }\nspec:\n` +
          `  provider: p1\n  connection: { transport: sim }\n  interfaces:\n` +
          `    - { name: eth0, type: physical, segment: public, addresses: [192.0.2.10/24, ${a}] }\n`,
        `apiVersion: tandem/v1\nkind: Node\nmetadata: { name: s2 }\nspec:\n` +
          `  provider: p1\n  connection: { transport: sim }\n  interfaces:\n` +
          `    - { name: eth0, type: physical, segment: public, addresses: [192.0.2.20/24, ${b}] }\n`,
      ].join('---\n'),
    });
    const s1 = observedNode('s1', { links: ['eth0'], addresses: { eth0: ['192.0.2.10/24', '192.0.2.11/24'] } });
    const s2 = observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.20/24', '192.0.2.12/24'] } });
    const plan = planFor(files('192.0.2.12/24', '192.0.2.11/24'), observations(s1, s2));
    assert.deepEqual(plan.refusals, []);
    assert.deepEqual(stepLines(plan), [
      '1:s1:delete address 192.0.2.11/24 on eth0',
      '1:s2:delete address 192.0.2.12/24 on eth0',
      '2:s1:create address 192.0.2.12/24 on eth0',
      '2:s2:create address 192.0.2.11/24 on eth0',
    ]);
    assert.deepEqual(
      plan.waves[1].steps[0].pre.map((c) => c.kind),
      ['uniqueness'],
    );
  });

  it('refuses a management address change that would remove it under another prefix (TR005)', () => {
    const files = {
      'c.yaml': CLUSTER,
      'n.yaml':
        `apiVersion: tandem/v1\nkind: Node\nmetadata: { name: s1 }\nspec:\n` +
        `  provider: p1\n  connection: { transport: sim }\n` +
        `  management: 203.0.113.12/25\n  interfaces:\n` +
        `    - { name: mgmt0, type: physical, addresses: [203.0.113.12/25] }\n`,
    };
    const s1 = observedNode('s1', { links: ['mgmt0'], addresses: { mgmt0: ['203.0.113.12/24'] } });
    const plan = planFor(files, observations(s1));
    assert.ok(
      plan.refusals.some((r) => r.ruleId === 'TR005'),
      JSON.stringify(plan.refusals),
    );
  });
});

describe('default routes of both families', () => {
  it('an IPv6 default route is not the IPv4 one: each is compared and planned on its own', () => {
    const files = {
      'c.yaml': CLUSTER,
      'n.yaml':
        `apiVersion: tandem/v1\nkind: Node\nmetadata: { name: s1 }\nspec:\n` +
        `  provider: p1\n  connection: { transport: sim }\n  interfaces:\n` +
        `    - name: eth0\n      type: physical\n      segment: public\n` +
        `      addresses: [192.0.2.11/24, "2001:db8:1::11/64"]\n` +
        `      routes: [{ to: default, via: 192.0.2.1 }, { to: default, via: "2001:db8:1::1" }]\n`,
    };
    const bare = observedNode('s1', { links: ['eth0'], addresses: { eth0: ['192.0.2.11/24', '2001:db8:1::11/64'] } });
    const plan = planFor(files, observations(bare));
    assert.deepEqual(plan.refusals, []);
    assert.deepEqual(
      plan.changes.map((c) => `${c.action} ${c.key}`),
      ['create route:254:::/0:0', 'create route:254:default:0'],
    );
    // Only the IPv6 one present (unmanaged): the IPv4 one is still created, nothing refused.
    const v6only = observedNode('s1', {
      links: ['eth0'],
      addresses: { eth0: ['192.0.2.11/24', '2001:db8:1::11/64'] },
      ops: [{ op: 'route-replace', to: '::/0', via: '2001:db8:1::1', dev: 'eth0' }],
    });
    const again = planFor(files, observations(v6only));
    assert.deepEqual(again.refusals, []);
    assert.deepEqual(
      again.changes.map((c) => `${c.action} ${c.key}`),
      ['create route:254:default:0'],
    );
  });
});

describe('routes the kernel flushes as a side effect', () => {
  it('re-adds a static route flushed when the last address of its link is replaced', () => {
    const files = (prefix: number) => ({
      'c.yaml': CLUSTER,
      'n.yaml':
        `apiVersion: tandem/v1\nkind: Node\nmetadata: { name: s1 }\nspec:\n` +
        `  provider: p1\n  connection: { transport: sim }\n  interfaces:\n` +
        `    - name: eth2\n      type: physical\n      segment: private\n` +
        `      addresses: [198.51.100.11/${prefix}]\n` +
        `      routes: [{ to: 203.0.113.0/24, via: 198.51.100.1 }]\n`,
    });
    const s1 = observedNode('s1', {
      links: ['eth2'],
      addresses: { eth2: ['198.51.100.11/24'] },
      ops: [{ op: 'route-replace', to: '203.0.113.0/24', via: '198.51.100.1', dev: 'eth2' }],
      owned: ['addr:198.51.100.11', 'route:254:203.0.113.0/24:0'],
    });
    assert.deepEqual(planFor(files(24), observations(s1)).changes, [], 'converged to start with');
    const plan = planFor(files(25), observations(s1));
    assert.deepEqual(plan.refusals, [], JSON.stringify(plan.refusals));
    const [step] = plan.waves[0].steps;
    assert.deepEqual(step.ops, [
      { op: 'addr-del', iface: 'eth2', cidr: '198.51.100.11/24' },
      { op: 'addr-add', iface: 'eth2', cidr: '198.51.100.11/25' },
      { op: 'route-replace', to: '203.0.113.0/24', dev: 'eth2', table: 254, via: '198.51.100.1' },
    ]);
    assert.match(
      step.notes.join('\n'),
      /the kernel also flushes route 203\.0\.113\.0\/24 via 198\.51\.100\.1 dev eth2/,
    );
  });
});

describe('a node that cannot be observed', () => {
  it('new static IPv4 addresses elsewhere are checked unused before they come up', () => {
    const files = { 'c.yaml': CLUSTER, 'n.yaml': `${node('s1')}---\n${node('s2')}` };
    const s1 = observedNode('s1', { links: ['eth0'], addresses: {} });
    const plan = planFor(files, observations(s1, { node: 's2', error: 'ssh: connect timed out' }));
    const [step] = plan.waves[0].steps.filter((s) => s.ops.some((o) => o.op === 'addr-add'));
    assert.deepEqual(
      step.pre.map((c) => c.kind),
      ['uniqueness'],
    );
    const allSeen = planFor(
      files,
      observations(s1, observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.12/24'] } })),
    );
    assert.deepEqual(allSeen.waves[0].steps[0].pre, [], 'no check needed when every node was observed');
  });
});

describe('moving onto a dead link', () => {
  it('refuses a switchover to an interface that is down (TR014), and allows it once it is up', () => {
    const s1 = observedNode('s1', {
      links: ['eth0'],
      addresses: { eth0: ['192.0.2.11/24', '192.0.2.50/24'] },
      owned: ['addr:192.0.2.50'],
    });
    const down = observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.12/24'] }, down: ['eth0'] });
    const plan = planFor(env('s2'), observations(s1, down));
    assert.deepEqual(
      plan.refusals.map((r) => r.ruleId),
      ['TR014'],
    );
    assert.match(plan.refusals[0].explanation, /would move from s1 to s2\/eth0, which is down or has no link/);
    const up = observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.12/24'] } });
    assert.deepEqual(planFor(env('s2'), observations(s1, up)).refusals, []);
  });
});

describe('rollout groups and IPsec order', () => {
  it('never changes every placement of a relocatable address in one wave (TR008)', () => {
    // Each node also gets a new static address: both nodes change, in separate waves.
    const withExtra = (n: string, ip: string) =>
      node(n).replace(/addresses: \[(192\.0\.2\.\d+\/24)\]/, `addresses: [$1, ${ip}]`);
    const files = {
      'c.yaml': CLUSTER,
      'n.yaml': `${withExtra('s1', '192.0.2.21/24')}---\n${withExtra('s2', '192.0.2.22/24')}`,
      'a.yaml': reloc('s1'),
    };
    const s1 = observedNode('s1', { links: ['eth0'], addresses: { eth0: ['192.0.2.11/24', '192.0.2.50/24'] } });
    const s2 = observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.12/24'] } });
    const plan = planFor(files, observations(s1, s2));
    assert.deepEqual(plan.refusals, []);
    assert.ok(
      plan.changes.some((c) => c.node === 's1') && plan.changes.some((c) => c.node === 's2'),
      'both nodes change',
    );
    assert.deepEqual(
      plan.waves.map((w) => w.nodes),
      [['s1'], ['s2']],
    );
  });

  it(
    'a switchover brings the IPsec policy to the new node before the address, ' +
      'in a later wave than the removal (TR002)',
    () => {
      const files = {
        ...env('s2'),
        'p.yaml':
          `apiVersion: tandem/v1\nkind: IPsecPolicy\nmetadata: { name: db-out }\nspec:\n` +
          `  selector: { source: 192.0.2.50/32, destination: 198.51.100.0/24 }\n` +
          `  directions: [out]\n  action: protect\n  protocol: esp\n  mode: transport\n` +
          `  appliesTo: { relocatableAddress: db }\n  keys: { env: DB_KEY }\n`,
      };
      const policy = {
        op: 'xfrm-policy-update' as const,
        policy: {
          selector: { src: '192.0.2.50/32', dst: '198.51.100.0/24' },
          dir: 'out' as const,
          action: 'allow' as const,
          priority: 0,
          templates: [{ proto: 'esp' as const, mode: 'transport' as const, level: 'required' as const }],
        },
      };
      const s1 = observedNode('s1', {
        links: ['eth0'],
        addresses: { eth0: ['192.0.2.11/24', '192.0.2.50/24'] },
        owned: ['addr:192.0.2.50'],
        ops: [policy],
      });
      const s2 = observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.12/24'] } });
      const plan = planFor(files, observations(s1, s2));
      assert.deepEqual(plan.refusals, []);
      assert.deepEqual(stepLines(plan), [
        '1:s1:delete address 192.0.2.50/24 on eth0 (relocatable db)',
        '2:s2:create ipsec policy out 192.0.2.50/32 -> 198.51.100.0/24 (db-out)',
        '2:s2:create address 192.0.2.50/24 on eth0 (relocatable db)',
      ]);
    },
  );
});
