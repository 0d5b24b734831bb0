// The round trips tandem saves over ssh, against a real sshd in a namespace node (root;
// skips without namespaces or openssh-server): several commands in one remote process
// (Transport.runEach) give each command the outcome it gets when run on its own, and the
// lock and inventory writes are one remote process each, in the node's own sh. All of it
// on one connection.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { transportStateFiles } from '../../src/apply/node-state.js';
import type { Connection } from '../../src/model/generated/desired.js';
import { REPLACE_ATOMIC } from '../../src/observe/drivers/linux/remote-scripts.js';
import { SshSessions } from '../../src/observe/drivers/linux/ssh-session.js';
import { transportFor, type EachCommand, type Transport } from '../../src/observe/drivers/linux/transport.js';
import { canMakeNamespaces } from './netns-lab.js';
import { acceptedConnections, canRunSshd, destroySshLab, makeSshLab, SSH_PORT, type SshLab } from './ssh-lab.js';

const skip = (await canMakeNamespaces()) ?? (await canRunSshd());
if (skip) console.log(`# ssh sequence tests skipped: ${skip}`);

function sshTransport(l: SshLab, sessions: SshSessions): Transport {
  const connection = {
    transport: 'ssh',
    host: l.nodes.a.address,
    port: SSH_PORT,
    user: 'root',
    identityFile: l.key,
    knownHosts: l.knownHosts,
    connectTimeoutSeconds: 3,
  } as Connection;
  const r = transportFor(connection, { timeoutMs: 10_000, sessions });
  if (!r.ok) throw new Error(r.error.message);
  return r.transport;
}

function local(): Transport {
  const r = transportFor({ transport: 'local' }, { timeoutMs: 10_000 });
  if (!r.ok) throw new Error(r.error.message);
  return r.transport;
}

describe('ssh: one remote process for several commands and for each file write', { skip: skip ?? false }, () => {
  let l: SshLab | undefined;
  const sessions = new SshSessions();
  after(async () => {
    await sessions.close();
    if (l) await destroySshLab(l);
  });

  it('runEach over ssh: every command its own output, status and error kind, as run alone', async () => {
    l = await makeSshLab();
    const before = await acceptedConnections(l.nodes.a);
    const t = sshTransport(l, sessions);
    const commands: EachCommand[] = [
      { command: ['printf', 'no-final-newline'] },
      { command: ['grep', '-q', 'x', '/dev/null'], okExitCodes: [1] },
      { command: ['grep', 'x', '/nonexistent-tandem/file'] },
      { command: ['cat', '/nonexistent-tandem/inventory.json'] },
      { command: ['tandem-no-such-program', '-x'] },
      { command: ['echo', 'last', 'one'] },
    ];
    const remote = await t.runEach(commands);
    const alone = await local().runEach(commands);
    assert.equal(remote.length, commands.length);
    const shape = (r: (typeof remote)[number]) =>
      r.ok
        ? { ok: true, stdout: r.stdout, exitCode: r.exitCode }
        : {
            ok: false,
            kind: r.error.kind,
            // A program that does not exist: no status here (ENOENT), 127 from a shell.
            exitCode: r.error.kind === 'missing-binary' ? 'none' : r.exitCode,
            stderr: r.error.kind === 'missing-binary' ? 'any' : (r.stderr ?? '').replace(/^\S+: /, ''),
          };
    assert.deepEqual(remote.map(shape), alone.map(shape));
    const missing = remote[4];
    assert.ok(
      !missing.ok && /tandem-no-such-program is not installed or not on PATH on the node/.test(missing.error.message),
    );
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await acceptedConnections(l.nodes.a)) - before, 1, 'one connection for all of it');
  });

  it("the lock and inventory writes run in the node's sh, one process each", async () => {
    assert.ok(l, 'the lab of the test before');
    const t = sshTransport(l, sessions);
    const remoteDir = '/var/lib/tandem/sequence-test';
    const hereDir = join(l.nodes.a.dir, 'var-lib-tandem', 'sequence-test');
    const files = transportStateFiles(t, remoteDir, `ssh:${remoteDir}`);
    assert.equal(await files.create('apply.lock', 'mine\n'), true);
    assert.equal(await files.create('apply.lock', 'theirs\n'), false);
    assert.equal(await readFile(join(hereDir, 'apply.lock'), 'utf8'), 'mine\n');
    assert.equal(await files.removeIfSame('apply.lock', 'theirs\n'), false);
    assert.equal(await files.removeIfSame('apply.lock', 'mine\n'), true);
    const written = await t.runScript(REPLACE_ATOMIC, [remoteDir, 'inventory.json', 'inventory.json.tmp'], {
      input: '{"owned":[]}\n',
    });
    assert.ok(written.ok, written.ok ? '' : written.error.message);
    assert.equal(await readFile(join(hereDir, 'inventory.json'), 'utf8'), '{"owned":[]}\n');
    assert.deepEqual(await readdir(hereDir), ['inventory.json'], 'no temporary file left');
    assert.deepEqual([...sessions.connections().values()], [1], 'still the one connection');
  });
});
