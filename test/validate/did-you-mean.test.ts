// "Did you mean" beyond field names: enum values, kinds, node, interface, segment and
// address names; one tab is one error; counts are in the right number.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { execa } from 'execa';
import { closest } from '../../src/validate/suggest.js';
import { count } from '../../src/words.js';
import { CLUSTER, one, validateTexts } from '../helpers/env.js';

const CLI = join(process.cwd(), 'dist', 'src', 'cli', 'main.js');

const NODES = `apiVersion: tandem/v1
kind: Node
metadata: { name: server1 }
spec:
  provider: p1
  connection: { transport: sim }
  interfaces:
    - { name: eth0, type: physical, segment: public, addresses: [192.0.2.11/24] }
    - { name: eth1, type: physical, segment: private, addresses: [198.51.100.11/24] }
---
apiVersion: tandem/v1
kind: Node
metadata: { name: server2 }
spec:
  provider: p2
  connection: { transport: sim }
  interfaces:
    - { name: eth0, type: physical, segment: public, addresses: [192.0.2.12/24] }
`;

const reloc = (node: string, iface: string, active = 'server1') => `apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: svc }
spec:
  address: 192.0.2.50/24
  active: ${active}
  placements:
    - { node: ${node}, priority: 1, interface: ${iface} }
    - { node: server2, priority: 2, interface: eth0 }
`;

describe('did you mean', () => {
  it('finds the close word and nothing for a word far from all', () => {
    assert.equal(closest('sever1', ['server1', 'server2']), 'server1');
    assert.equal(closest('ethO', ['eth0', 'eth1']), 'eth0');
    assert.equal(closest('database', ['eth0', 'eth1']), undefined);
    assert.equal(closest('x'.repeat(100_000), ['x']), undefined, 'a huge value is not searched');
  });

  it('suggests a node name for a misspelt placement node', () => {
    const d = one({ 'cluster.yaml': CLUSTER, 'nodes.yaml': NODES, 'a.yaml': reloc('sever1', 'eth0') }, 'RA001');
    assert.match(d.detail ?? '', /^Did you mean 'server1'\?/);
  });

  it('suggests an interface of that node for a misspelt interface', () => {
    const d = one({ 'cluster.yaml': CLUSTER, 'nodes.yaml': NODES, 'a.yaml': reloc('server1', 'eht1') }, 'RA001');
    assert.match(d.detail ?? '', /^Did you mean 'eth1'\?/);
  });

  it('suggests a placement node for a misspelt active node', () => {
    const r = validateTexts({
      'cluster.yaml': CLUSTER,
      'nodes.yaml': NODES,
      'a.yaml': reloc('server1', 'eth0', 'server-2'),
    });
    const d = r.diagnostics.find((x) => x.summary.includes('active node server-2'));
    assert.ok(d, JSON.stringify(r.diagnostics.map((x) => x.summary)));
    assert.match(d.detail ?? '', /^Did you mean 'server2'\?/);
  });

  it('suggests a segment of the Cluster for a misspelt segment', () => {
    const d = one(
      { 'cluster.yaml': CLUSTER, 'nodes.yaml': NODES.replace('segment: private', 'segment: privat') },
      'SEL004',
    );
    assert.match(d.detail ?? '', /^Did you mean 'private'\?/);
  });

  it('suggests an enum value and a kind', () => {
    const r = validateTexts({
      'cluster.yaml': CLUSTER,
      'nodes.yaml': NODES.replace('type: physical', 'type: phyiscal'),
    });
    const e = r.diagnostics.find((d) => d.summary.includes("'phyiscal'"));
    assert.ok(e, JSON.stringify(r.diagnostics.map((d) => d.summary)));
    assert.match(e.detail ?? '', /^Did you mean 'physical'\? Use one of/);
    const k = validateTexts({ 'cluster.yaml': CLUSTER, 'nodes.yaml': NODES.replace('kind: Node', 'kind: Nod') });
    const d = k.diagnostics.find((x) => x.summary.includes("unknown kind 'Nod'"));
    assert.ok(d, JSON.stringify(k.diagnostics.map((x) => x.summary)));
    assert.match(d.detail ?? '', /^Did you mean 'Node'\? kind must be one of/);
  });

  it('says nothing when no name is close', () => {
    const d = one({ 'cluster.yaml': CLUSTER, 'nodes.yaml': NODES, 'a.yaml': reloc('database', 'eth0') }, 'RA001');
    assert.doesNotMatch(d.detail ?? '', /Did you mean/);
  });

  it('counts in the right number', () => {
    assert.equal(count(1, 'error'), '1 error');
    assert.equal(count(2, 'error'), '2 errors');
    assert.equal(count(0, 'xfrm policy', 'xfrm policies'), '0 xfrm policies');
  });
});

describe('tandem validate (CLI process): one tab, one error', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('reports a tab used as indentation once, not the parse errors after it, as "1 error"', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-tab-'));
    dirs.push(dir);
    await writeFile(join(dir, 'cluster.yaml'), CLUSTER);
    const tabbed = NODES.replace(
      '    - { name: eth1, type: physical, segment: private, addresses: [198.51.100.11/24] }',
      '    - name: eth1\n\ttype: physical\n      segment: private\n',
    );
    await writeFile(join(dir, 'nodes.yaml'), tabbed);
    const r = await execa(process.execPath, [CLI, 'validate', dir], { reject: false, env: { NO_COLOR: '1' } });
    assert.equal(r.exitCode, 1);
    const errors = r.stdout.match(/^error\[/gm) ?? [];
    assert.equal(errors.length, 1, r.stdout);
    assert.match(r.stdout, /error\[YAML001\] .*nodes\.yaml:10:1: Tabs are not allowed as indentation/);
    assert.match(r.stdout, /invalid \(2 documents in 2 files, 1 error, 0 warnings\)/);
  });
});
