// Integration tests of `tandem lab` on real network namespaces (root). Every namespace
// carries a test-unique suffix; `after` and each `finally` remove them even when an
// assertion failed, so no run leaves a namespace behind.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  labDown,
  labUp,
  LabError,
  execaRunner,
  type IpRunner,
  type LabState,
  type LabStatus,
} from '../../src/lab/index.js';
import { validateEnvironment } from '../../src/validate/index.js';
import { worldReadableCli } from '../helpers/world-readable.js';
import {
  addrs,
  hasPing,
  namespacesOf,
  ping,
  probeNamespaces,
  removeBySuffix,
  runCli,
  writeTestEnv,
  type TestEnv,
} from './helpers.js';

const support = await probeNamespaces();
if (!support.ok) console.log(`# lab integration tests skipped: ${support.reason}`);
const pingable = support.ok && (await hasPing());
if (support.ok && !pingable) {
  // CI installs iputils-ping (.ci/run): there, a missing ping is a broken setup, not a skip.
  if (process.env.CI)
    throw new Error('ping is missing although CI installs iputils-ping: the lab reachability checks cannot run');
  console.log('# lab reachability checks skipped: no ping binary (install iputils-ping)');
}

const made: TestEnv[] = [];
async function freshEnv(): Promise<TestEnv> {
  const t = await writeTestEnv();
  made.push(t);
  return t;
}

function allNamespaces(t: TestEnv): string[] {
  return Object.values(t.ns).sort();
}

async function modelOf(t: TestEnv) {
  const v = await validateEnvironment(t.dir);
  assert.ok(v.valid && v.model, v.diagnostics.map((d) => d.summary).join('\n'));
  return v.model;
}

describe('tandem lab (network namespaces)', { skip: support.ok ? false : support.reason }, () => {
  after(async () => {
    for (const t of made) {
      await removeBySuffix(t);
      await rm(join(t.dir, '..'), { recursive: true, force: true });
    }
  });

  it(
    'builds nodes, bridges and clients with their addresses, ' + 'reaches across segments, and tears down to nothing',
    async () => {
      const t = await freshEnv();
      try {
        const up = await runCli(['lab', 'up', t.dir, '--with-addresses'], t);
        assert.equal(up.code, 0, up.stderr);
        assert.match(up.stdout, /bond0: bond mapped to veth \(no bonding in this kernel\)/);
        assert.match(up.stdout, /lo1: loopback mapped to veth/);
        assert.match(up.stdout, /tun0: tunnel mapped to veth/);
        assert.deepEqual((await namespacesOf(t)).sort(), allNamespaces(t));

        const a = new Map((await addrs(t.ns.a)).map((l) => [l.ifname, l]));
        assert.deepEqual([...a.keys()].sort(), ['bond0', 'eth0', 'eth2', 'eth3', 'lo', 'lo1', 'mgmt0', 'tun0']);
        const v4 = (name: string) =>
          a
            .get(name)!
            .addr_info.filter((x) => x.family === 'inet')
            .map((x) => `${x.local}/${x.prefixlen}`);
        assert.deepEqual(v4('eth0'), ['192.0.2.21/24']);
        assert.deepEqual(v4('bond0'), ['198.51.100.21/24']);
        assert.deepEqual(v4('mgmt0'), ['203.0.113.21/24']);
        assert.deepEqual(v4('eth2'), []);
        assert.equal(a.get('eth2')!.master, undefined, 'bond slaves are not enslaved');
        assert.ok(a.get('lo1')!.addr_info.some((x) => x.local === '2001:db8:ff::21'));
        assert.ok(a.get('tun0')!.addr_info.some((x) => x.local === '2001:db8:2::21'));
        assert.ok(a.get('lo')!.flags.includes('UP'));
        for (const name of ['eth0', 'bond0', 'mgmt0']) assert.ok(a.get(name)!.flags.includes('UP'), `${name} is up`);

        const cliA = (await addrs(t.ns.cliA)).find((l) => l.ifname === 'eth0')!;
        assert.deepEqual(
          cliA.addr_info.filter((x) => x.family === 'inet').map((x) => `${x.local}/${x.prefixlen}`),
          ['192.0.2.253/24'],
          'the relocatable .254 is skipped',
        );

        if (pingable) {
          assert.ok(await ping(t.ns.a, '192.0.2.22'), 'node a reaches node b across segment pa');
          assert.ok(await ping(t.ns.b, '198.51.100.21'), 'node b reaches the bond of node a across segment pb');
          assert.ok(await ping(t.ns.a, '203.0.113.22'), 'management hub joins the mgmt interfaces');
          assert.ok(await ping(t.ns.cliA, '192.0.2.22'), 'client of pa reaches node b');
          assert.ok(await ping(t.ns.cliB, '198.51.100.21'), 'client of pb reaches node a');
          assert.equal(await ping(t.ns.cliA, '198.51.100.22'), false, 'segments are separate networks');
        }

        const status = await runCli(['lab', 'status', t.dir, '--format', 'json'], t);
        assert.equal(status.code, 0, status.stderr);
        const parsed = JSON.parse(status.stdout) as LabStatus;
        assert.equal(parsed.state?.complete, true);
        assert.deepEqual(
          parsed.namespaces
            .filter((n) => n.exists)
            .map((n) => n.name)
            .sort(),
          allNamespaces(t),
        );

        const again = await runCli(['lab', 'up', t.dir], t);
        assert.equal(again.code, 1);
        assert.match(again.stderr, /is already up/);
        assert.equal(again.stderr.trim().split('\n').length, 1);
        assert.deepEqual((await namespacesOf(t)).sort(), allNamespaces(t), 'a refused second up changes nothing');

        const down = await runCli(['lab', 'down', t.dir], t);
        assert.equal(down.code, 0, down.stderr);
        assert.deepEqual(await namespacesOf(t), []);
        assert.equal(existsSync(join(t.stateDir, 'lab', `${t.env}.json`)), false);
      } finally {
        await removeBySuffix(t);
      }
    },
  );

  it('by default wires the nodes and sets only the management addresses', async () => {
    const t = await freshEnv();
    try {
      const up = await runCli(['lab', 'up', t.dir], t);
      assert.equal(up.code, 0, up.stderr);
      assert.match(up.stdout, /static addresses are left for `tandem apply`/);
      const b = new Map((await addrs(t.ns.b)).map((l) => [l.ifname, l]));
      const inet = (name: string) =>
        b
          .get(name)!
          .addr_info.filter((x) => x.family === 'inet')
          .map((x) => x.local);
      assert.deepEqual(inet('mgmt0'), ['203.0.113.22']);
      assert.deepEqual(inet('eth0'), []);
      assert.deepEqual(inet('eth2'), []);
      if (pingable) assert.ok(await ping(t.ns.b, '203.0.113.21'), 'management addresses reach each other');
      assert.equal((await runCli(['lab', 'down', t.dir], t)).code, 0);
      assert.deepEqual(await namespacesOf(t), []);
    } finally {
      await removeBySuffix(t);
    }
  });

  it('refuses to build over a namespace it did not create, and lab down leaves that namespace alone', async () => {
    const t = await freshEnv();
    const { execa } = await import('execa');
    try {
      await execa('ip', ['netns', 'add', t.ns.segB]);
      const up = await runCli(['lab', 'up', t.dir], t);
      assert.equal(up.code, 1);
      assert.match(up.stderr, new RegExp(`${t.ns.segB} \\(segment pb-${t.sfx}\\) was not created by a tandem lab`));
      assert.deepEqual(await namespacesOf(t), [t.ns.segB], 'nothing was created');
      const down = await runCli(['lab', 'down', t.dir], t);
      assert.equal(down.code, 0);
      assert.match(down.stdout, /no lab recorded/);
      assert.deepEqual(await namespacesOf(t), [t.ns.segB], 'the foreign namespace survives lab down');
    } finally {
      await removeBySuffix(t);
    }
  });

  it('rolls back by itself when a step fails midway', async () => {
    const t = await freshEnv();
    try {
      const failing: IpRunner = {
        async ip(args, input) {
          // The node b configuration batch fails as if the kernel refused its first line.
          if (args[0] === '-n' && args[1] === t.ns.b)
            return { exitCode: 1, stdout: '', stderr: 'Error: injected.\nCommand failed -:1\n', failedLine: 1 };
          return execaRunner.ip(args, input);
        },
      };
      const location = { env: { TANDEM_STATE_DIR: t.stateDir }, cwd: process.cwd() };
      await assert.rejects(
        labUp({ model: await modelOf(t), envDir: t.dir, withAddresses: true, location, runner: failing }),
        (err: unknown) => {
          assert.ok(err instanceof LabError);
          assert.equal(err.kind, 'kernel');
          assert.match(err.message, new RegExp(`configuring ${t.ns.b} at "link set dev lo up": Error: injected\\.`));
          assert.match(err.message, /rolled back: nothing of the lab is left/);
          return true;
        },
      );
      assert.deepEqual(await namespacesOf(t), []);
      assert.equal(existsSync(join(t.stateDir, 'lab', `${t.env}.json`)), false);
    } finally {
      await removeBySuffix(t);
    }
  });

  it('after a crash midway, lab down removes everything the state file records', async () => {
    const t = await freshEnv();
    try {
      // The process "dies" once the veths exist: every later ip call, the rollback's
      // included, fails, as if the process had been killed there.
      let calls = 0;
      const dying: IpRunner = {
        async ip(args, input) {
          if (args.includes('-batch') && ++calls > 2) throw new Error('killed');
          return execaRunner.ip(args, input);
        },
      };
      const location = { env: { TANDEM_STATE_DIR: t.stateDir }, cwd: process.cwd() };
      await assert.rejects(
        labUp({ model: await modelOf(t), envDir: t.dir, withAddresses: false, location, runner: dying }),
        /rollback failed; .* run `tandem lab down/,
      );
      assert.deepEqual((await namespacesOf(t)).sort(), allNamespaces(t), 'the crash left the namespaces');
      const status = await runCli(['lab', 'status', t.dir], t);
      assert.match(status.stdout, /lab up did not finish/);
      const down = await labDown({ env: t.env, location });
      assert.deepEqual(down.removed.sort(), allNamespaces(t));
      assert.deepEqual(await namespacesOf(t), []);
      assert.equal(existsSync(join(t.stateDir, 'lab', `${t.env}.json`)), false);
    } finally {
      await removeBySuffix(t);
    }
  });

  it('a crash during namespace creation leaves pending records that lab down still removes', async () => {
    const t = await freshEnv();
    try {
      // The kernel creates the namespaces, then the process dies before recording it.
      let dead = false;
      const dying: IpRunner = {
        async ip(args, input) {
          if (dead) throw new Error('killed');
          if (args[0] === '-batch') {
            await execaRunner.ip(args, input);
            dead = true;
            throw new Error('killed right after the kernel created the namespaces');
          }
          return execaRunner.ip(args, input);
        },
      };
      const location = { env: { TANDEM_STATE_DIR: t.stateDir }, cwd: process.cwd() };
      await assert.rejects(
        labUp({ model: await modelOf(t), envDir: t.dir, withAddresses: false, location, runner: dying }),
      );
      assert.deepEqual((await namespacesOf(t)).sort(), allNamespaces(t));
      const recorded = JSON.parse(await readFile(join(t.stateDir, 'lab', `${t.env}.json`), 'utf8')) as LabState;
      assert.deepEqual(new Set(recorded.namespaces.map((n) => n.status)), new Set(['pending']));
      assert.equal((await runCli(['lab', 'down', t.dir], t)).code, 0);
      assert.deepEqual(await namespacesOf(t), []);
    } finally {
      await removeBySuffix(t);
    }
  });

  it('says in one line that it needs root, creating nothing', async () => {
    const t = await freshEnv();
    const { execa } = await import('execa');
    // The unprivileged user may not reach this checkout (a clone under a 0700 folder).
    const { cli, dir } = await worldReadableCli();
    const env = { ...process.env, TANDEM_STATE_DIR: t.stateDir };
    try {
      for (const drop of [
        ['--reuid=65534', '--regid=65534', '--clear-groups'],
        ['--inh-caps=-all', '--bounding-set=-all'],
      ]) {
        const r = await execa('setpriv', [...drop, process.execPath, cli, 'lab', 'up', t.dir], {
          reject: false,
          env,
          cwd: dir,
        });
        assert.equal(r.exitCode, 1, `${drop.join(' ')}: ${r.stderr}`);
        const lines = String(r.stderr).trim().split('\n');
        assert.equal(lines.length, 1, String(r.stderr));
        assert.match(lines[0], /^tandem: lab: the lab needs root/);
        assert.deepEqual(await namespacesOf(t), []);
        assert.equal(existsSync(join(t.stateDir, 'lab', `${t.env}.json`)), false);
      }
    } finally {
      await removeBySuffix(t);
    }
  });

  it('says in one line that iproute2 is missing', async () => {
    const t = await freshEnv();
    const { execa } = await import('execa');
    const cli = join(process.cwd(), 'dist', 'src', 'cli', 'main.js');
    const r = await execa(process.execPath, [cli, 'lab', 'up', t.dir], {
      reject: false,
      env: { ...process.env, PATH: join(t.stateDir, 'no-bin'), TANDEM_STATE_DIR: t.stateDir },
    });
    assert.equal(r.exitCode, 1);
    assert.match(String(r.stderr).trim(), /^tandem: lab: the lab needs iproute2: the `ip` command was not found/);
    assert.equal(String(r.stderr).trim().split('\n').length, 1);
    assert.deepEqual(await namespacesOf(t), []);
  });
});
