import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  classifyFailure,
  inventoryPath,
  nodeStateDir,
  isSafeRemoteWord,
  transportFor,
  type Transport,
} from '../../src/observe/drivers/linux/transport.js';
import type { Connection } from '../../src/model/generated/desired.js';

const opts = { timeoutMs: 5000, inventoryRoot: '/var/lib/tandem' };
function make(connection: Connection, timeoutMs = opts.timeoutMs): Transport {
  const r = transportFor(connection, { ...opts, timeoutMs });
  if (!r.ok) throw new Error(r.error.message);
  return r.transport;
}
const sshAvailable = ['/usr/bin/ssh', '/bin/ssh'].some((p) => existsSync(p));

describe('transports build argument arrays', () => {
  it('local runs the command as is', () => {
    assert.deepEqual(make({ transport: 'local' }).argv(['ip', '-j', 'addr', 'show']), ['ip', '-j', 'addr', 'show']);
  });

  it('netns uses ip -n for ip and ip netns exec for anything else', () => {
    const t = make({ transport: 'netns', namespace: 'tdmt-a' });
    assert.deepEqual(t.argv(['ip', '-j', 'addr', 'show']), ['ip', '-n', 'tdmt-a', '-j', 'addr', 'show']);
    assert.deepEqual(t.argv(['grep', '-r', '.']), ['ip', 'netns', 'exec', 'tdmt-a', 'grep', '-r', '.']);
  });

  it('ssh: batch mode, connect timeout, host keys, keep-alives, identity, port, -- before the remote words', () => {
    const t = make({
      transport: 'ssh',
      host: '192.0.2.6',
      user: 'tandem',
      port: 2222,
      identityFile: '/etc/tandem/id',
      connectTimeoutSeconds: 3,
    });
    assert.deepEqual(t.argv(['ip', '-j', 'link', 'show']), [
      'ssh',
      '-o',
      'BatchMode=yes',
      '-o',
      'ConnectTimeout=3',
      '-o',
      'StrictHostKeyChecking=yes',
      '-o',
      'ServerAliveInterval=5',
      '-o',
      'ServerAliveCountMax=3',
      '-i',
      '/etc/tandem/id',
      '-p',
      '2222',
      'tandem@192.0.2.6',
      '--',
      'ip',
      '-j',
      'link',
      'show',
    ]);
    const lax = make({ transport: 'ssh', host: 'lab1', strictHostKeyChecking: false });
    assert.deepEqual(lax.argv(['true']), [
      'ssh',
      '-o',
      'BatchMode=yes',
      '-o',
      'ConnectTimeout=10',
      '-o',
      'StrictHostKeyChecking=no',
      '-o',
      'ServerAliveInterval=5',
      '-o',
      'ServerAliveCountMax=3',
      'lab1',
      '--',
      'true',
    ]);
  });

  it('refuses unusable connections before running anything', () => {
    for (const c of [
      { transport: 'netns', namespace: '../etc' },
      { transport: 'netns' },
      { transport: 'ssh', host: '-oProxyCommand=x' },
      { transport: 'ssh', host: 'h', user: 'a b' },
      { transport: 'ssh', host: 'h', identityFile: '-F/tmp/x' },
      { transport: 'sim' },
    ] as Connection[]) {
      const r = transportFor(c, opts);
      assert.equal(r.ok, false, JSON.stringify(c));
    }
  });

  it('accepts only shell-inert words for a remote shell', () => {
    for (const w of [
      'ip',
      '-j',
      '--include=promote_secondaries',
      '/proc/sys/net/ipv4/conf',
      '.',
      'tdm-a_b.c',
      '192.0.2.1/24',
    ])
      assert.ok(isSafeRemoteWord(w), w);
    for (const w of [
      '',
      'a b',
      '$(id)',
      '`id`',
      'a;b',
      'a|b',
      'a&b',
      '>x',
      '*',
      'a?',
      '~root',
      '=ls',
      "it's",
      '"x"',
      'a\nb',
      '{a,b}',
      '!x',
      '#x',
      'a\\b',
    ]) {
      assert.equal(isSafeRemoteWord(w), false, JSON.stringify(w));
    }
  });

  it('refuses to send an unsafe word over ssh, without starting ssh', async () => {
    const t = make({ transport: 'ssh', host: '192.0.2.6' });
    const r = await t.run(['cat', '/var/lib/tandem/x; reboot']);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.error.kind, 'command-failed');
    assert.match(!r.ok ? r.error.message : '', /refusing to send/);
  });

  it('keeps a netns node state on this machine, per namespace, in /run (as long-lived as the namespace)', () => {
    assert.equal(inventoryPath({ transport: 'netns', namespace: 'tdm-a' }), '/run/tandem/netns/tdm-a/inventory.json');
    assert.equal(nodeStateDir({ transport: 'netns', namespace: 'tdm-a' }, '/tmp/t'), '/tmp/t/netns/tdm-a');
    assert.equal(nodeStateDir({ transport: 'local' }), '/var/lib/tandem');
    assert.equal(inventoryPath({ transport: 'ssh', host: 'h' }), '/var/lib/tandem/inventory.json');
  });
});

describe('process failures become error kinds', () => {
  it('a missing binary', async () => {
    const r = await make({ transport: 'local' }).run(['tandem-test-no-such-binary', '-j']);
    assert.equal(r.ok, false);
    assert.deepEqual(!r.ok && r.error.kind, 'missing-binary');
    assert.deepEqual(!r.ok && r.error.command, ['tandem-test-no-such-binary', '-j']);
  });

  it('a timeout', async () => {
    const r = await make({ transport: 'local' }, 100).run(['sleep', '5']);
    assert.equal(!r.ok && r.error.kind, 'timeout');
    assert.match(!r.ok ? r.error.message : '', /within 100 ms/);
  });

  it('a non-zero exit with its last stderr line, and accepted exit codes', async () => {
    const t = make({ transport: 'local' });
    const r = await t.run(['ls', '/tandem-test-no-such-dir']);
    assert.equal(!r.ok && r.error.kind, 'command-failed');
    assert.match(!r.ok ? r.error.message : '', /^exit 2: .*No such file or directory/);
    const grep = await t.run(['grep', '-s', 'x', '/tandem-test-no-such-file'], { okExitCodes: [2] });
    assert.equal(grep.ok, true);
  });

  it('classifies namespace, permission and remote missing-binary messages', () => {
    const base = { timedOut: false, timeoutMs: 1 };
    assert.equal(
      classifyFailure(['ip'], {
        ...base,
        exitCode: 1,
        stderr: 'Cannot open network namespace "x": No such file or directory\n',
      }).kind,
      'namespace-missing',
    );
    assert.equal(
      classifyFailure(['ip'], { ...base, exitCode: 2, stderr: 'RTNETLINK answers: Operation not permitted\n' }).kind,
      'permission',
    );
    assert.equal(
      classifyFailure(['ip'], {
        ...base,
        exitCode: 1,
        stderr: 'Cannot open network namespace "x": Permission denied\n',
      }).kind,
      'permission',
    );
    assert.equal(
      classifyFailure(['ssh'], { ...base, exitCode: 127, stderr: 'bash: ip: command not found\n' }).kind,
      'missing-binary',
    );
    assert.equal(classifyFailure(['ip'], { ...base, code: 'EACCES', stderr: '' }).kind, 'permission');
  });

  it('an unreachable ssh host', { skip: !sshAvailable && 'ssh is not installed' }, async () => {
    // Port 1 on the loopback address refuses connections at once.
    const t = make({ transport: 'ssh', host: '127.0.0.1', port: 1, connectTimeoutSeconds: 2 });
    const r = await t.run(['ip', '-j', 'link', 'show']);
    assert.equal(!r.ok && r.error.kind, 'unreachable');
    assert.match(!r.ok ? r.error.message : '', /ssh to 127\.0\.0\.1: .*(refused|Connection)/);
  });
});
