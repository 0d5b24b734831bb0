// `tandem observe --out` then `tandem show --observed` as real processes, on a node that
// is a real network namespace. Needs root.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import type { ObservedNode } from '../../src/observe/model.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { ip, Namespaces, netnsUnavailableReason } from './netns.js';

const unavailable = await netnsUnavailableReason();
if (unavailable) console.log(`# skipping tandem observe/show process tests: ${unavailable}`);

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const tandem = (...args: string[]) =>
  execa(process.execPath, [CLI, ...args], { reject: false, env: { NO_COLOR: '1' } });

describe('tandem observe and show', { skip: unavailable || false }, () => {
  const spaces = new Namespaces();
  let work = '';
  let env = '';
  let ns = '';

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'tandem-cli-observe-'));
    env = join(work, 'env');
    ns = await spaces.add('cli');
    await ip(ns, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0p');
    await ip(ns, 'link', 'set', 'eth0', 'up');
    await ip(ns, 'addr', 'add', '192.0.2.31/24', 'dev', 'eth0');
    await execa('mkdir', ['-p', env]);
    await writeFile(
      join(env, 'env.yaml'),
      `apiVersion: tandem/v1
kind: Cluster
metadata: { name: clitest }
spec:
  segments: [{ name: public, subnets: [192.0.2.0/24] }]
---
apiVersion: tandem/v1
kind: Node
metadata: { name: n1 }
spec:
  provider: p1
  connection: { transport: netns, namespace: ${ns} }
  interfaces: [{ name: eth0, type: physical, segment: public, addresses: [192.0.2.31/24] }]
---
apiVersion: tandem/v1
kind: Node
metadata: { name: n2 }
spec:
  provider: p1
  connection: { transport: netns, namespace: ${spaces.name('absent')} }
  interfaces: [{ name: eth0, type: physical, segment: public, addresses: [192.0.2.32/24] }]
`,
    );
  });

  after(async () => {
    const left = await spaces.removeAll();
    await rm(work, { recursive: true, force: true });
    assert.deepEqual(left, []);
  });

  it('records a snapshot and shows it back without reaching the node', async () => {
    const out = join(work, 'snap');
    const observed = await tandem('observe', env, '--node', 'n1', '--out', out);
    assert.equal(observed.exitCode, 0, String(observed.stderr));
    assert.match(String(observed.stdout), /n1: \d+ links?, \d+ address(es)?,/);
    const saved = JSON.parse(await readFile(join(out, 'n1.json'), 'utf8')) as ObservedNode;
    assert.equal(saved.node, 'n1');
    assert.equal(saved.driver, 'linux');

    // The namespace's state changes; the snapshot must still show the recorded one.
    await ip(ns, 'addr', 'add', '192.0.2.99/24', 'dev', 'eth0');
    const shown = await tandem('show', env, '--node', 'n1', '--observed', out);
    assert.equal(shown.exitCode, 0, String(shown.stderr));
    assert.match(String(shown.stdout), /node n1 {2}snapshot, observed /);
    assert.match(String(shown.stdout), /eth0 +192\.0\.2\.31\/24 +global/);
    assert.doesNotMatch(String(shown.stdout), /192\.0\.2\.99/);

    const live = await tandem('show', env, '--node', 'n1', '--format', 'json');
    assert.equal(live.exitCode, 0);
    // An observation of a node that answered (src/observe/model.ts, Observation).
    const [obs] = JSON.parse(String(live.stdout)) as Array<{ state: ObservedNode }>;
    assert.ok(obs.state.addresses.some((a) => a.cidr === '192.0.2.99/24'));
  });

  it('reports the failing node, still records the other, and exits 1', async () => {
    const out = join(work, 'snap-all');
    const r = await tandem('observe', env, '--out', out, '--format', 'yaml');
    assert.equal(r.exitCode, 1);
    assert.match(
      String(r.stderr),
      new RegExp(`n2: namespace-missing: Cannot open network namespace "${spaces.name('absent')}"`),
    );
    assert.match(String(r.stdout), /observed 1 of 2 node\(s\)/);
    const shown = await tandem('show', env, '--observed', out);
    assert.equal(shown.exitCode, 1);
    assert.match(String(shown.stdout), /node n2 {2}error \(not-found\)\n {2}no snapshot for node n2 in .*snap-all/);
    assert.match(String(shown.stdout), /node n1 {2}snapshot/);
  });
});
