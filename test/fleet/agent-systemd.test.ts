// deploy/systemd/tandem-agent.service, checked by systemd itself where systemd-analyze
// is installed (not in CI's container: those tests skip with that reason): verify accepts
// it without a warning, security rates it as low as the reconcile unit. The static checks
// (what the agent needs, how it is stopped) always run.
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import { PACKAGE_ROOT } from '../../src/paths.js';

const UNIT = 'tandem-agent.service';
const MAX_EXPOSURE = 3.0;

function settings(text: string, name: string): Map<string, string> {
  const out = new Map<string, string>();
  let inside = false;
  for (const line of text.split('\n')) {
    const header = /^\[(.+)\]$/.exec(line.trim());
    if (header) inside = header[1] === name;
    else if (inside && /^[A-Za-z]+=/.test(line))
      out.set(line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1));
  }
  return out;
}

describe('deploy/systemd/tandem-agent.service', () => {
  let skip: string | undefined;
  let dir: string;
  let text: string;
  before(async () => {
    const r = await execa('systemd-analyze', ['--version'], { reject: false }).catch(() => ({ exitCode: 127 }));
    skip = r.exitCode === 0 ? undefined : 'systemd-analyze is not installed (systemd is not in the CI image)';
    text = await readFile(join(PACKAGE_ROOT, 'deploy', 'systemd', UNIT), 'utf8');
    dir = await mkdtemp(join(tmpdir(), 'tandem-agent-unit-'));
    const stand = join(dir, 'tandem');
    await writeFile(stand, '#!/bin/sh\nexit 0\n');
    await chmod(stand, 0o755);
    await writeFile(join(dir, UNIT), text.replaceAll('/usr/local/bin/tandem', stand));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('systemd-analyze verify accepts it without a warning', async (t) => {
    if (skip) return t.skip(skip);
    const r = await execa('systemd-analyze', ['verify', '--man=no', UNIT], { reject: false, cwd: dir, all: true });
    assert.equal(r.exitCode, 0, r.all);
    assert.equal(r.all.trim(), '', 'no warning at all');
  });

  it(`systemd-analyze security rates it at most ${MAX_EXPOSURE}`, async (t) => {
    if (skip) return t.skip(skip);
    const r = await execa('systemd-analyze', ['security', '--offline=true', '--no-pager', UNIT], {
      reject: false,
      cwd: dir,
      all: true,
      env: { SYSTEMD_COLORS: '0' },
    });
    const m = /Overall exposure level for tandem-agent\.service: ([\d.]+) (\w+)/.exec(r.all);
    assert.ok(m, r.all);
    assert.ok(Number(m[1]) <= MAX_EXPOSURE, `exposure ${m[1]} ${m[2]} is over ${MAX_EXPOSURE}`);
  });

  it('runs the agent long-lived, stops it with SIGTERM and waits for its release', () => {
    const s = settings(text, 'Service');
    assert.match(
      s.get('ExecStart') ?? '',
      /^\/usr\/local\/bin\/tandem agent \$\{TANDEM_ENV\} --node \$\{TANDEM_NODE\} /,
    );
    assert.equal(s.get('Type'), 'exec');
    assert.equal(s.get('KillSignal'), 'SIGTERM');
    assert.ok(Number.parseInt(s.get('TimeoutStopSec') ?? '0', 10) >= 30, 'time to remove addresses and revoke');
    assert.equal(s.get('Restart'), 'on-failure');
    assert.equal(s.get('CapabilityBoundingSet'), 'CAP_NET_ADMIN CAP_NET_RAW');
    for (const f of ['AF_NETLINK', 'AF_PACKET', 'AF_INET', 'AF_INET6'])
      assert.ok(s.get('RestrictAddressFamilies')?.split(' ').includes(f), f);
    assert.equal(s.get('ProtectSystem'), 'strict');
  });
});
