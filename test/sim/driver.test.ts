import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { createSimDriver, simStateDir } from '../../src/observe/drivers/sim.js';
import type { ObservedNode } from '../../src/observe/model.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import type { SegmentAttachment } from '../../src/sim/network.js';
import { addrs } from './helpers.js';

const DEMO = join(PACKAGE_ROOT, 'environments', 'demo');
const ATTACH: SegmentAttachment[] = [
  { node: 'server1', iface: 'eth0', segment: 'public' },
  { node: 'server2', iface: 'eth0', segment: 'public' },
];

function collect(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({ write: (c, _e, cb) => (chunks.push(String(c)), cb()) }) as Writable & { text: () => string };
  w.text = () => chunks.join('');
  return w;
}

describe('sim driver', () => {
  let work = '';
  let env = '';
  let stateRoot = '';
  const loc = () => ({ env: { TANDEM_STATE_DIR: stateRoot }, cwd: work });
  const driver = (node: string) =>
    createSimDriver(node, { envDir: env, ...loc(), attachments: ATTACH, now: () => new Date('2025-02-01T10:00:00Z') });
  const snapshot = async (node: string): Promise<ObservedNode> =>
    JSON.parse(await readFile(join(DEMO, 'observed', `${node}.json`), 'utf8')) as ObservedNode;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'tandem-sim-'));
    env = join(work, 'demo');
    stateRoot = join(work, 'state');
    await cp(DEMO, env, { recursive: true });
  });
  after(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it(
    'keeps state under $TANDEM_STATE_DIR/sim/<env folder>, ' +
      'or .tandem/sim/<env folder> under the working directory',
    () => {
      assert.equal(simStateDir(env, loc()), join(stateRoot, 'sim', 'demo'));
      assert.equal(simStateDir('environments/demo', { env: {}, cwd: '/srv/repo' }), '/srv/repo/.tandem/sim/demo');
      assert.equal(driver('server1').stateFile, join(stateRoot, 'sim', 'demo', 'server1.json'));
    },
  );

  it('observes a fresh node from the environment snapshot without writing anything', async () => {
    const o = await driver('server2').observe();
    assert.ok(o.ok);
    const snap = await snapshot('server2');
    assert.deepEqual({ ...o.state, observedAt: '', driver: '' }, { ...snap, observedAt: '', driver: '' });
    assert.equal(o.state.driver, 'sim');
    assert.equal(o.state.observedAt, '2025-02-01T10:00:00.000Z');
    await assert.rejects(stat(driver('server2').stateFile), { code: 'ENOENT' });
  });

  it('applies ops, writes the state file, and observes the result', async () => {
    const d = driver('server2');
    const r = await d.apply([
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.50/24', label: 'eth0:db' },
      { op: 'route-replace', to: 'default', via: '192.0.2.1', dev: 'eth0' },
      { op: 'neigh-replace', iface: 'eth0', address: '192.0.2.1', lladdr: '02:00:00:00:00:01' },
    ]);
    assert.deepEqual(r.results, [
      { index: 0, ok: true },
      { index: 1, ok: true },
      { index: 2, ok: true },
    ]);
    assert.equal(r.changed, true);
    const onDisk = JSON.parse(await readFile(d.stateFile, 'utf8')) as ObservedNode;
    assert.deepEqual(onDisk, r.state);
    const o = await d.observe();
    assert.ok(o.ok);
    assert.deepEqual(addrs(o.state, 'eth0'), ['eth0 192.0.2.12/24', 'eth0 192.0.2.50/24 secondary eth0:db']);
    assert.ok(o.state.routes.some((x) => x.to === 'default' && x.via === '192.0.2.1'));
    assert.equal(o.state.neighbors.length, 1);
  });

  it('stops at a failing op like ip -batch: earlier ops stay applied, the failure names its index', async () => {
    const d = driver('server2');
    const r = await d.apply([
      { op: 'addr-add', iface: 'eth1', cidr: '192.0.2.61/24' },
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.50/24' },
      { op: 'addr-add', iface: 'eth0', cidr: '192.0.2.62/24' },
    ]);
    assert.deepEqual(r.results, [
      { index: 0, ok: true },
      { index: 1, ok: false, error: 'Error: ipv4: Address already assigned.', code: 'EEXIST' },
    ]);
    const o = await d.observe();
    assert.ok(o.ok);
    assert.ok(o.state.addresses.some((a) => a.cidr === '192.0.2.61/24' && a.interface === 'eth1'));
    assert.ok(!o.state.addresses.some((a) => a.cidr === '192.0.2.62/24'));
  });

  it('writes nothing when the ops change nothing', async () => {
    const d = driver('server2');
    const before = await readFile(d.stateFile, 'utf8');
    const mtime = (await stat(d.stateFile)).mtimeMs;
    const r = await d.apply([
      { op: 'link-set', iface: 'eth0', up: true },
      { op: 'neigh-replace', iface: 'eth0', address: '192.0.2.1', lladdr: '02:00:00:00:00:01' },
    ]);
    assert.equal(r.changed, false);
    assert.equal(await readFile(d.stateFile, 'utf8'), before);
    assert.equal((await stat(d.stateFile)).mtimeMs, mtime);
  });

  it('records the inventory', async () => {
    const d = driver('server2');
    await d.writeInventory({
      owned: ['addr/eth0/192.0.2.50/24'],
      lastApply: { revision: 'abc', at: '2025-02-01T10:00:00Z', planId: 'p1' },
    });
    const o = await d.observe();
    assert.ok(o.ok);
    assert.deepEqual(o.state.inventory.owned, ['addr/eth0/192.0.2.50/24']);
  });

  it('simulates the segment: uniqueness check and IPv6 DAD see the other sim nodes', async () => {
    // server1's snapshot has web-b (192.0.2.62) failed over onto it.
    assert.deepEqual(await driver('server2').addressInUse('eth0', '192.0.2.62'), [
      { node: 'server1', iface: 'eth0', cidr: '192.0.2.62/24' },
    ]);
    assert.deepEqual(await driver('server2').addressInUse('eth0', '192.0.2.99'), []);
    await driver('server1').apply([{ op: 'addr-add', iface: 'eth0', cidr: '2001:db8::50/64' }]);
    const r = await driver('server2').apply([{ op: 'addr-add', iface: 'eth0', cidr: '2001:db8::50/64' }]);
    assert.deepEqual(
      addrs(r.state, 'eth0').filter((a) => a.includes('2001')),
      ['eth0 2001:db8::50/64 tentative dadfailed'],
    );
  });

  it('reads the segments from the environment when not given them', async () => {
    const d = createSimDriver('server2', { envDir: env, ...loc() });
    assert.deepEqual(await d.addressInUse('eth0', '192.0.2.62'), [
      { node: 'server1', iface: 'eth0', cidr: '192.0.2.62/24' },
    ]);
  });

  it('reset starts the node over from its snapshot', async () => {
    const d = driver('server2');
    assert.equal(await d.reset(), 'snapshot');
    const o = await d.observe();
    assert.ok(o.ok);
    assert.deepEqual(o.state.addresses, (await snapshot('server2')).addresses);
  });

  it('a node without snapshot starts with lo only; a corrupt state file is a per-node parse error', async () => {
    const o = await driver('server3').observe();
    assert.ok(o.ok);
    assert.deepEqual(
      o.state.links.map((l) => l.name),
      ['lo'],
    );
    await mkdir(simStateDir(env, loc()), { recursive: true });
    await writeFile(join(simStateDir(env, loc()), 'server4.json'), '{ not json');
    const bad = await driver('server4').observe();
    assert.equal(bad.ok, false);
    assert.equal(bad.ok ? '' : bad.error.kind, 'parse');
    const hostile = await driver('../etc').observe();
    assert.equal(hostile.ok, false);
  });

  it('tandem sim path and tandem sim reset', async () => {
    const io = (): CliIO & { out: ReturnType<typeof collect>; err: ReturnType<typeof collect> } => {
      const out = collect();
      const err = collect();
      return {
        stdout: out,
        stderr: err,
        stdin: process.stdin,
        env: { TANDEM_STATE_DIR: stateRoot, NO_COLOR: '1' },
        cwd: work,
        out,
        err,
      };
    };
    const p = io();
    assert.equal(await main(['sim', 'path', 'demo'], p), 0);
    assert.equal(p.out.text(), `${join(stateRoot, 'sim', 'demo')}\n`);

    await driver('server1').apply([{ op: 'addr-del', iface: 'eth0', cidr: '192.0.2.62/24' }]);
    const one = io();
    assert.equal(await main(['sim', 'reset', 'demo', '--node', 'server1'], one), 0);
    assert.match(
      one.out.text(),
      /^server1: reset from its snapshot in demo\/observed -> state\/sim\/demo\/server1\.json\n$/,
    );
    const s1 = await driver('server1').observe();
    assert.ok(s1.ok);
    assert.deepEqual(s1.state.addresses, (await snapshot('server1')).addresses);

    const all = io();
    assert.equal(await main(['sim', 'reset', 'demo'], all), 0);
    assert.deepEqual(
      all.out
        .text()
        .trim()
        .split('\n')
        .map((l) => l.split(':')[0]),
      ['server1', 'server2', 'server4'],
    );
    assert.match(all.out.text(), /server4: reset to an empty node/);
    await assert.rejects(stat(join(simStateDir(env, loc()), 'server4.json')), { code: 'ENOENT' });

    const missing = io();
    assert.equal(await main(['sim', 'reset', 'nowhere'], missing), 1);
    assert.match(missing.err.text(), /nowhere is not an environment folder/);
  });
});
