// The shipped systemd units (deploy/systemd/), checked by systemd itself: `systemd-analyze
// verify` must accept them without a single warning, `systemd-analyze security` must rate
// the service's exposure low, and the timer must have the OnCalendar= that makes its
// Persistent= mean something. systemd-analyze is not in CI's container (systemd is not
// installed there): those tests skip with that reason; the static checks always run.
import assert from 'node:assert/strict';
import { chmod, copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import { PACKAGE_ROOT } from '../../src/paths.js';

const UNITS = join(PACKAGE_ROOT, 'deploy', 'systemd');
const SERVICE = 'tandem-reconcile.service';
const TIMER = 'tandem-reconcile.timer';
/** The exposure the hardened service must stay at or under (it was 6.8 MEDIUM unhardened). */
const MAX_EXPOSURE = 3.0;

async function analyzer(): Promise<string | undefined> {
  const r = await execa('systemd-analyze', ['--version'], { reject: false });
  return r.exitCode === 0 ? undefined : 'systemd-analyze is not installed (systemd is not in the CI image)';
}

/** `key=value` lines of one section of a unit file. */
function section(text: string, name: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let inside = false;
  for (const line of text.split('\n')) {
    const header = /^\[(.+)\]$/.exec(line.trim());
    if (header) inside = header[1] === name;
    else if (inside && /^[A-Za-z]+=/.test(line)) {
      const at = line.indexOf('=');
      const key = line.slice(0, at);
      out.set(key, [...(out.get(key) ?? []), line.slice(at + 1)]);
    }
  }
  return out;
}

describe('deploy/systemd units', () => {
  let skip: string | undefined;
  let dir: string;
  before(async () => {
    skip = await analyzer();
    dir = await mkdtemp(join(tmpdir(), 'tandem-units-'));
    // verify checks that ExecStart's program exists: a copy points it at a stand-in.
    const stand = join(dir, 'tandem');
    await writeFile(stand, '#!/bin/sh\nexit 0\n');
    await chmod(stand, 0o755);
    const service = await readFile(join(UNITS, SERVICE), 'utf8');
    assert.ok(service.includes('ExecStart=/usr/local/bin/tandem '));
    await writeFile(join(dir, SERVICE), service.replaceAll('/usr/local/bin/tandem', stand));
    await copyFile(join(UNITS, TIMER), join(dir, TIMER));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const verify = (files: string[]) =>
    execa('systemd-analyze', ['verify', '--man=no', ...files], { reject: false, cwd: dir, all: true });

  it('systemd-analyze verify accepts both units without a warning', async (t) => {
    if (skip) return t.skip(skip);
    const r = await verify([SERVICE, TIMER]);
    assert.equal(r.exitCode, 0, r.all);
    assert.equal(r.all.trim(), '', 'no warning at all');
  });

  it('the verify check fails on a broken unit (it can fail)', async (t) => {
    if (skip) return t.skip(skip);
    const text = await readFile(join(dir, SERVICE), 'utf8');
    await writeFile(
      join(dir, 'broken.service'),
      text.replace('[Service]', '[Service]\nCapabilityBoundSet=CAP_NET_ADMIN'),
    );
    const r = await verify(['broken.service']);
    assert.match(r.all, /Unknown key 'CapabilityBoundSet'/);
  });

  it(`systemd-analyze security rates the service at most ${MAX_EXPOSURE}`, async (t) => {
    if (skip) return t.skip(skip);
    const r = await execa('systemd-analyze', ['security', '--offline=true', '--no-pager', SERVICE], {
      reject: false,
      cwd: dir,
      all: true,
      env: { SYSTEMD_COLORS: '0' },
    });
    const m = /Overall exposure level for tandem-reconcile\.service: ([\d.]+) (\w+)/.exec(r.all);
    assert.ok(m, r.all);
    assert.ok(Number(m[1]) <= MAX_EXPOSURE, `exposure ${m[1]} ${m[2]} is over ${MAX_EXPOSURE}`);
  });

  it('the service keeps what tandem needs: netlink and packet sockets, two capabilities, state folders', async () => {
    const s = section(await readFile(join(UNITS, SERVICE), 'utf8'), 'Service');
    assert.deepEqual(s.get('CapabilityBoundingSet'), ['CAP_NET_ADMIN CAP_NET_RAW']);
    const families = s.get('RestrictAddressFamilies')?.[0].split(' ') ?? [];
    for (const f of ['AF_NETLINK', 'AF_PACKET', 'AF_INET', 'AF_INET6', 'AF_UNIX']) assert.ok(families.includes(f), f);
    assert.deepEqual(s.get('StateDirectory'), ['tandem']);
    assert.deepEqual(s.get('ProtectSystem'), ['strict']);
    assert.ok(s.get('SystemCallFilter')?.length);
    // tandem writes per-interface sysctls: /proc/sys must stay writable.
    assert.equal(s.get('ProtectKernelTunables'), undefined);
  });

  it('the service starts at boot after the network; the timer has a calendar for Persistent=', async () => {
    const service = await readFile(join(UNITS, SERVICE), 'utf8');
    assert.deepEqual(section(service, 'Unit').get('After'), ['network-online.target']);
    assert.deepEqual(section(service, 'Unit').get('Wants'), ['network-online.target']);
    assert.deepEqual(section(service, 'Install').get('WantedBy'), ['multi-user.target']);
    const timer = section(await readFile(join(UNITS, TIMER), 'utf8'), 'Timer');
    // Persistent= only acts on OnCalendar= timers (systemd.timer(5)).
    if (timer.get('Persistent')?.[0] === 'true')
      assert.ok(timer.get('OnCalendar')?.length, 'Persistent without OnCalendar');
    assert.ok(timer.get('RandomizedDelaySec')?.length);
  });
});
