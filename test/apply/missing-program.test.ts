// A program tandem needs on a node that is not installed is reported as a missing
// program, named, with its Debian package: never as what the program's exit code would
// mean had it run (`ip netns exec` exits 1 when it cannot start arping, the code
// `arping -D` uses for "a duplicate answered"). The CLI runs as a real process with a
// PATH that has everything of this machine but arping, against real namespaces.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { execa } from 'execa';
import { classifyFailure } from '../../src/observe/drivers/linux/transport.js';
import { canMakeNamespaces, CLI, destroyLab, eth0Addresses, makeLab, type Lab } from './netns-lab.js';

const skip = await canMakeNamespaces();
if (skip) console.log(`# missing-program tests skipped: ${skip}`);

/** A folder of links to every program on PATH except the ones left out. */
async function pathWithout(left: readonly string[]): Promise<string> {
  const bin = await mkdtemp(join(tmpdir(), 'tandem-path-without-'));
  for (const dir of (process.env.PATH ?? '').split(':').filter(Boolean)) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (left.includes(name)) continue;
      await symlink(join(dir, name), join(bin, name)).catch(() => undefined);
    }
  }
  return bin;
}

describe('a missing program', () => {
  it('is named with its package, from ip netns exec, a local ENOENT and a remote shell', () => {
    const netns = classifyFailure(['ip', 'netns', 'exec', 'ns1', 'arping', '-D'], {
      timedOut: false,
      exitCode: 1,
      stderr: 'exec of "arping" failed: No such file or directory\n',
      timeoutMs: 1000,
    });
    assert.equal(netns.kind, 'missing-binary');
    assert.match(netns.message, /^arping is not installed or not on PATH .*apt-get install iputils-arping/);
    const local = classifyFailure(['tcpdump', '-i', 'eth0'], {
      code: 'ENOENT',
      timedOut: false,
      stderr: '',
      timeoutMs: 1000,
    });
    assert.match(local.message, /^tcpdump is not installed .*apt-get install tcpdump/);
    const remote = classifyFailure(['ssh', 'n1', 'ping', '-c', '1'], {
      timedOut: false,
      exitCode: 127,
      stderr: 'bash: line 1: ping: command not found\n',
      timeoutMs: 1000,
    });
    assert.match(remote.message, /^ping is not installed or not on PATH on the node .*iputils-ping/);
  });

  describe('on namespace nodes', { skip: skip ?? false }, () => {
    const cleanup: Array<() => Promise<void>> = [];
    after(async () => {
      for (const c of cleanup) await c();
    });

    it('apply without arping fails naming arping and iputils-arping, not a duplicate address', async () => {
      const l: Lab = await makeLab();
      cleanup.push(() => destroyLab(l));
      const bin = await pathWithout(['arping']);
      cleanup.push(() => rm(bin, { recursive: true, force: true }));
      const r = await execa(process.execPath, [CLI, 'apply', l.dir, '--yes'], {
        cwd: l.root,
        env: { ...l.env, PATH: bin },
        reject: false,
      });
      const out = `${r.stdout}\n${r.stderr}`;
      assert.notEqual(r.exitCode, 0, out);
      assert.match(out, /arping is not installed or not on PATH on this machine/, out);
      assert.match(out, /apt-get install iputils-arping/, out);
      assert.doesNotMatch(out, /another host answered|already in use/, out);
      assert.ok(!(await eth0Addresses(l.ns.a)).includes('192.0.2.100/24'), 'the address did not come up');
    });
  });
});
