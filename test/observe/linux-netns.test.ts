// The linux driver against real namespaces: observe, change the namespace with `ip`
// behind tandem's back, observe again and find exactly those changes. Needs root.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLinuxDriver } from '../../src/observe/drivers/linux/driver.js';
import type { ObservedNode } from '../../src/observe/model.js';
import { observeNodes } from '../../src/observe/observe-nodes.js';
import { ip, Namespaces, namespaceExists, netnsUnavailableReason, sysctlIn } from './netns.js';

const unavailable = await netnsUnavailableReason();
if (unavailable) console.log(`# skipping linux netns integration tests: ${unavailable}`);

type Section = 'links' | 'addresses' | 'routes' | 'neighbors' | 'xfrmPolicies';

/** Items present in `b` but not in `a` (and the reverse), compared as JSON. */
function delta<S extends Section>(
  a: ObservedNode,
  b: ObservedNode,
  section: S,
): { added: ObservedNode[S]; removed: ObservedNode[S] } {
  const key = (x: unknown) => JSON.stringify(x, (k, v: unknown) => (k === 'stats' || k === 'index' ? undefined : v));
  const list = (s: ObservedNode) => s[section] as unknown[];
  const before = new Set(list(a).map(key));
  const afterSet = new Set(list(b).map(key));
  return {
    added: list(b).filter((x) => !before.has(key(x))) as ObservedNode[S],
    removed: list(a).filter((x) => !afterSet.has(key(x))) as ObservedNode[S],
  };
}

describe('linux driver on a network namespace', { skip: unavailable || false }, () => {
  const spaces = new Namespaces();
  let ns = '';
  let stateDir = '';

  before(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'tandem-state-'));
    ns = await spaces.add('node');
    // No IPv6 duplicate address detection: a link-local address leaving 'tentative' between
    // the two observations is a change nobody made (seen on a busy machine).
    await sysctlIn(ns, 'net.ipv6.conf.default.accept_dad', '0');
    await ip(ns, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0p');
    await ip(ns, 'link', 'set', 'eth0', 'up');
    await ip(ns, 'link', 'set', 'eth0p', 'up');
    await ip(ns, 'addr', 'add', '192.0.2.10/24', 'dev', 'eth0');
    await ip(ns, 'route', 'add', '203.0.113.0/24', 'via', '192.0.2.1');
  });

  after(async () => {
    const left = await spaces.removeAll();
    await rm(stateDir, { recursive: true, force: true });
    assert.deepEqual(left, [], `namespaces left behind: ${left.join(', ')}`);
  });

  it('observes exactly the changes made behind its back', async () => {
    const driver = createLinuxDriver(
      'node1',
      { transport: 'netns', namespace: ns },
      { inventoryRoot: stateDir, sysctls: ['net.ipv4.ip_forward'] },
    );
    const first = await driver.observe();
    assert.ok(first.ok, !first.ok ? first.error.message : '');
    const a = first.state;
    assert.deepEqual(a.inventory, { owned: [] });
    assert.equal(a.sysctl['net.ipv4.conf.eth0.promote_secondaries'], '0');
    assert.ok(a.addresses.some((x) => x.cidr === '192.0.2.10/24' && x.interface === 'eth0' && !x.secondary));

    await ip(ns, 'addr', 'add', '192.0.2.11/24', 'dev', 'eth0', 'label', 'eth0:db');
    await ip(ns, 'route', 'add', '198.51.100.0/24', 'via', '192.0.2.1', 'metric', '7', 'table', '100');
    await ip(ns, 'neigh', 'add', '192.0.2.1', 'lladdr', '02:00:00:00:00:01', 'dev', 'eth0', 'nud', 'permanent');
    await ip(
      ns,
      'xfrm',
      'policy',
      'add',
      'src',
      '192.0.2.10/32',
      'dst',
      '192.0.2.20/32',
      'dir',
      'out',
      'priority',
      '100',
      'tmpl',
      'proto',
      'esp',
      'mode',
      'transport',
    );
    await ip(ns, 'link', 'set', 'eth0', 'mtu', '1400');
    await sysctlIn(ns, 'net.ipv4.conf.eth0.promote_secondaries', '1');
    await mkdir(join(stateDir, 'netns', ns), { recursive: true });
    await writeFile(
      join(stateDir, 'netns', ns, 'inventory.json'),
      JSON.stringify({ owned: ['node1/address/eth0/192.0.2.11/24'] }),
    );

    const second = await driver.observe();
    assert.ok(second.ok, !second.ok ? second.error.message : '');
    const b = second.state;

    assert.deepEqual(delta(a, b, 'addresses'), {
      added: [
        {
          interface: 'eth0',
          family: 4,
          cidr: '192.0.2.11/24',
          secondary: true,
          tentative: false,
          dadfailed: false,
          scope: 'global',
          label: 'eth0:db',
        },
      ],
      removed: [],
    });
    assert.deepEqual(delta(a, b, 'routes'), {
      added: [
        { to: '198.51.100.0/24', family: 4, protocol: 'boot', table: 100, metric: 7, via: '192.0.2.1', device: 'eth0' },
      ],
      removed: [],
    });
    assert.deepEqual(delta(a, b, 'neighbors'), {
      added: [{ interface: 'eth0', address: '192.0.2.1', lladdr: '02:00:00:00:00:01', family: 4 }],
      removed: [],
    });
    const xfrm = delta(a, b, 'xfrmPolicies');
    assert.equal(xfrm.removed.length, 0);
    assert.deepEqual(
      xfrm.added.map((p) => [p.dir, p.priority, p.selector, p.templates]),
      [
        [
          'out',
          100,
          { src: '192.0.2.10/32', dst: '192.0.2.20/32' },
          [{ level: 'required', proto: 'esp', mode: 'transport' }],
        ],
      ],
    );
    const links = delta(a, b, 'links');
    assert.deepEqual(
      links.added.map((l) => [l.name, l.mtu]),
      [['eth0', 1400]],
    );
    assert.deepEqual(
      links.removed.map((l) => [l.name, l.mtu]),
      [['eth0', 1500]],
    );
    const changedSysctls = Object.keys(b.sysctl).filter((k) => a.sysctl[k] !== b.sysctl[k]);
    assert.deepEqual(changedSysctls, ['net.ipv4.conf.eth0.promote_secondaries']);
    assert.equal(b.sysctl['net.ipv4.ip_forward'], '0');
    assert.deepEqual(b.inventory, { owned: ['node1/address/eth0/192.0.2.11/24'] });
  });

  it("reports a missing namespace as that node's error while another node is observed", async () => {
    const missing = spaces.name('missing');
    assert.equal(await namespaceExists(missing), false);
    const [bad, good] = await observeNodes([
      createLinuxDriver('ghost', { transport: 'netns', namespace: missing }, { inventoryRoot: stateDir }),
      createLinuxDriver('node1', { transport: 'netns', namespace: ns }, { inventoryRoot: stateDir }),
    ]);
    assert.equal(bad.ok, false);
    assert.equal(!bad.ok && bad.error.kind, 'namespace-missing');
    assert.deepEqual(!bad.ok && bad.error.command, ['ip', '-n', missing, '-j', '-d', 'link', 'show']);
    assert.ok(good.ok);
  });

  it('reports a corrupt inventory as a parse error naming the file', async () => {
    const file = join(stateDir, 'netns', ns, 'inventory.json');
    await mkdir(join(stateDir, 'netns', ns), { recursive: true });
    await writeFile(file, '{"owned": ');
    const r = await createLinuxDriver(
      'node1',
      { transport: 'netns', namespace: ns },
      { inventoryRoot: stateDir },
    ).observe();
    assert.equal(!r.ok && r.error.kind, 'parse');
    assert.match(!r.ok ? r.error.message : '', new RegExp(`inventory ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});
