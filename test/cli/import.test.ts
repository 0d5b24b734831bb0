// tandem import without root: the environment written from observed states (a bond,
// a tunnel, a down interface with its own MTU, static routes, neighbours, and what is
// not imported) validates and plans to nothing against those same states, read as a
// snapshot folder by a real CLI process. The lab path is in new-user.test.ts.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import { ExitError } from '../../src/cli/errors.js';
import { parseNodeSpec } from '../../src/cli/commands/import.js';
import { initFiles } from '../../src/cli/commands/init.js';
import { buildImportedEnvironment } from '../../src/cli/import-env.js';
import { emptyNode } from '../../src/sim/kernel.js';
import type { ObservedAddress, ObservedNode } from '../../src/observe/model.js';
import { writeSnapshotFile } from '../../src/observe/snapshot-io.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { validateEnvironment } from '../../src/validate/index.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

function address(iface: string, cidr: string, extra: Partial<ObservedAddress> = {}): ObservedAddress {
  return {
    interface: iface,
    family: cidr.includes(':') ? 6 : 4,
    cidr,
    secondary: false,
    tentative: false,
    dadfailed: false,
    scope: 'global',
    ...extra,
  };
}

function router(): ObservedNode {
  const n = emptyNode('edge1', 'linux');
  const link = (name: string, kind: string, extra: object = {}) => ({
    name,
    kind,
    adminUp: true,
    operState: 'UP',
    mtu: 1500,
    ...extra,
  });
  n.links.push(
    link('eth0', 'physical', { mac: '02:00:00:00:01:00', master: 'bond0' }),
    link('eth1', 'physical', { mac: '02:00:00:00:01:01', master: 'bond0' }),
    link('bond0', 'bond', { bond: { mode: 'active-backup' } }),
    link('eth2', 'veth', { adminUp: false, operState: 'DOWN', mtu: 9000 }),
    link('gre1', 'gre', { mtu: 1476, tunnel: { mode: 'gre', local: '192.0.2.11', remote: '198.51.100.7', ttl: 64 } }),
    link('br0', 'bridge'),
  );
  n.addresses.push(
    address('bond0', '192.0.2.11/24'),
    address('bond0', '192.0.2.50/24', { secondary: true }),
    address('bond0', 'fe80::1/64', { family: 6, scope: 'link' }),
    address('eth2', '2001:db8:1::11/64'),
    address('gre1', '10.255.0.1/30'),
  );
  n.routes.push(
    {
      to: '192.0.2.0/24',
      family: 4,
      device: 'bond0',
      protocol: 'kernel',
      table: 254,
      scope: 'link',
      src: '192.0.2.11',
    },
    { to: 'default', family: 4, via: '192.0.2.1', device: 'bond0', protocol: 'boot', table: 254 },
    { to: '10.9.0.0/16', family: 4, via: '192.0.2.9', device: 'bond0', protocol: 'static', table: 100 },
  );
  n.neighbors.push({ interface: 'bond0', address: '192.0.2.1', lladdr: '02:00:00:00:00:01', family: 4 });
  return n;
}

describe('tandem import (observed states to an environment)', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'tandem-import-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes what the node has, notes what it leaves out, validates and plans to nothing', async () => {
    const state = router();
    const result = buildImportedEnvironment('edge', [{ state, connection: { transport: 'local' } }]);
    assert.deepEqual(result.notes, [
      'edge1: route 10.9.0.0/16 on bond0 (table 100) is not imported',
      'edge1: interface br0 (bridge) is not imported: tandem does not manage it',
    ]);
    const nodes = result.files['nodes.yaml'];
    assert.match(
      nodes,
      /- name: bond0\n\s+type: bond\n\s+bond:\n\s+mode: active-backup\n\s+slaves:\n\s+- eth0\n\s+- eth1\n/,
    );
    assert.match(
      nodes,
      /slaves:\n(.*\n){2}\s+segment: net1\n\s+addresses:\n\s+- 192\.0\.2\.11\/24\n\s+- 192\.0\.2\.50\/24\n/,
    );
    assert.match(nodes, /routes:\n\s+- to: default\n\s+via: 192\.0\.2\.1\n\s+neighbors:\n/);
    assert.match(nodes, /- name: eth2\n\s+type: physical\n\s+state: down\n\s+mtu: 9000\n\s+segment: net2\n/);
    // A tunnel's subnet is not a cabled segment.
    assert.match(nodes, /ttl: 64\n\s+addresses:\n\s+- 10\.255\.0\.1\/30\n$/);
    assert.match(nodes, /mode: gre\n\s+local: 192\.0\.2\.11\n\s+remote: 198\.51\.100\.7\n\s+ttl: 64\n/);
    assert.doesNotMatch(nodes, /fe80::|192\.0\.2\.0\/24|10\.9\.0\.0/);

    const env = join(root, 'edge');
    await mkdir(env);
    for (const [file, text] of Object.entries(result.files)) await writeFile(join(env, file), text);
    const v = await validateEnvironment(env);
    assert.ok(v.valid, v.diagnostics.map((d) => d.summary).join('\n'));

    const observed = join(root, 'observed');
    await writeSnapshotFile(observed, state, 'json');
    const plan = await execa(process.execPath, [CLI, 'plan', env, '--observed', observed], { reject: false });
    assert.equal(plan.exitCode, 0, `${plan.stdout}\n${plan.stderr}`);
    assert.match(String(plan.stdout), /No changes/);
  });

  it('every document that init and import write names the schema, so an editor checks each one', () => {
    const modeline = '# yaml-language-server: $schema=../schema.json\n';
    const two = [emptyNode('a'), emptyNode('b')].map((state) => ({
      state,
      connection: { transport: 'local' as const },
    }));
    const files = {
      ...buildImportedEnvironment('edge', two, modeline).files,
      ...Object.fromEntries(Object.entries(initFiles('lab', '../schema.json')).map(([f, t]) => [`init/${f}`, t])),
    };
    for (const [file, text] of Object.entries(files)) {
      const documents = text.split(/^---\n/m);
      documents.forEach((d, i) => assert.ok(d.startsWith(modeline), `${file}, document ${i + 1}`));
    }
  });

  it('--node specs: local, netns, ssh with user, IPv6 host and port; anything else is refused by name', () => {
    assert.deepEqual(parseNodeSpec('a=local'), { name: 'a', connection: { transport: 'local' } });
    assert.deepEqual(parseNodeSpec('b=netns:red'), { name: 'b', connection: { transport: 'netns', namespace: 'red' } });
    assert.deepEqual(parseNodeSpec('c=ssh:ops@[2001:db8::5]:2222'), {
      name: 'c',
      connection: { transport: 'ssh', host: '2001:db8::5', user: 'ops', port: 2222 },
    });
    assert.deepEqual(parseNodeSpec('d=ssh:host1'), { name: 'd', connection: { transport: 'ssh', host: 'host1' } });
    for (const bad of ['local', 'A=local', 'a=telnet:x', 'a=netns:$(x)', 'a=ssh:ro ot@h', 'a=ssh:h:70000']) {
      assert.throws(() => parseNodeSpec(bad), ExitError, bad);
    }
  });

  it('without nodes to observe, or with both ways, it says what to pass and writes nothing', async () => {
    for (const args of [[], ['--from-lab', 'x', '--node', 'a=local']]) {
      const r = await execa(process.execPath, [CLI, 'import', join(root, 'none'), ...args], { reject: false });
      assert.equal(r.exitCode, 1);
      assert.match(String(r.stderr), /^tandem: import: name the nodes to observe: either --from-lab/);
    }
  });
});
