// tandem's fixed sh scripts (src/observe/drivers/linux/remote-scripts.ts), run for real by
// this machine's sh through the local transport: the sequence framing, the exclusive
// create of a lock, the atomic replace of an inventory. Over ssh the same scripts run in
// the node's sh (test/apply/ssh-sequence.test.ts).
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { transportStateFiles } from '../../src/apply/node-state.js';
import {
  CREATE_EXCLUSIVE,
  FIXED_SCRIPTS,
  newBoundary,
  REPLACE_ATOMIC,
  SEQUENCE,
  sequenceArgs,
  unframe,
} from '../../src/observe/drivers/linux/remote-scripts.js';
import { transportFor, type Transport } from '../../src/observe/drivers/linux/transport.js';

function transport(kind: 'local' | 'ssh'): Transport {
  const r = transportFor(kind === 'local' ? { transport: 'local' } : { transport: 'ssh', host: '192.0.2.1' }, {
    timeoutMs: 5000,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.transport;
}

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'tandem-scripts-'));
  dirs.push(d);
  return d;
}

describe('the fixed sh scripts', () => {
  after(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('hold nothing a login shell reads inside single quotes: no quote, backslash, ! or newline', () => {
    for (const s of FIXED_SCRIPTS) assert.doesNotMatch(s.text, /['\\!\n]/, s.name);
  });

  it('sequence: each command gets back its own output, stderr and status, framed in one process', async () => {
    const t = transport('local');
    const commands = [
      ['printf', 'no final newline'],
      ['sh', '-c', 'echo out; echo err >&2; exit 3'],
      ['grep', '-q', 'x', '/dev/null'],
      ['printf', 'two\\nlines\\n'],
      ['true'],
    ];
    const boundary = newBoundary();
    const r = await t.runScript(SEQUENCE, sequenceArgs(boundary, commands));
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    const out = unframe(r.stdout, boundary);
    const err = unframe(r.stderr ?? '', boundary);
    assert.deepEqual(
      out.map((s) => [s.text, s.status]),
      [
        ['no final newline', 0],
        ['out\n', 3],
        ['', 1],
        ['two\nlines\n', 0],
        ['', 0],
      ],
    );
    assert.deepEqual(
      err.map((s) => s.text),
      ['', 'err\n', '', '', ''],
    );
  });

  it('sequence: a stream cut short gives the sections that were complete', () => {
    const b = 'tandem-b';
    assert.deepEqual(unframe(`one\n${b} 0\ntwo\n${b} 1\nthr`, b), [
      { text: 'one', status: 0 },
      { text: 'two', status: 1 },
    ]);
    assert.deepEqual(unframe(`one\n${b} `, b), []);
  });

  it('create-exclusive: created once, complete; a second create finds it; no temporary file is left', async () => {
    const d = join(await tempDir(), 'state');
    const t = transport('local');
    const first = await t.runScript(CREATE_EXCLUSIVE, [d, 'apply.lock', 'apply.lock.1.tmp'], {
      input: 'one\n',
      okExitCodes: [1],
    });
    assert.ok(first.ok && first.exitCode === 0);
    const second = await t.runScript(CREATE_EXCLUSIVE, [d, 'apply.lock', 'apply.lock.2.tmp'], {
      input: 'two\n',
      okExitCodes: [1],
    });
    assert.ok(second.ok && second.exitCode === 1);
    assert.equal(await readFile(join(d, 'apply.lock'), 'utf8'), 'one\n');
    assert.deepEqual(await readdir(d), ['apply.lock']);
  });

  it('create-exclusive: a folder that cannot be made is a failure (2), not a lock held by someone', async () => {
    const root = await tempDir();
    await writeFile(join(root, 'file'), '');
    const r = await transport('local').runScript(CREATE_EXCLUSIVE, [join(root, 'file', 'sub'), 'x', 'x.tmp'], {
      input: 'x',
      okExitCodes: [1],
    });
    assert.ok(!r.ok && r.exitCode === 2, JSON.stringify(r));
  });

  it('replace-atomic: makes the folder, replaces the file, leaves no temporary file', async () => {
    const d = join(await tempDir(), 'deep', 'state');
    const t = transport('local');
    for (const text of ['{"v":1}\n', '{"v":2}\n']) {
      const r = await t.runScript(REPLACE_ATOMIC, [d, 'inventory.json', 'inventory.json.tmp'], { input: text });
      assert.ok(r.ok, r.ok ? '' : r.error.message);
      assert.equal(await readFile(join(d, 'inventory.json'), 'utf8'), text);
    }
    assert.deepEqual(await readdir(d), ['inventory.json']);
  });

  it("a node's state files through a transport: a lock made and released in one process each", async () => {
    const d = join(await tempDir(), 'node');
    const files = transportStateFiles(transport('local'), d, `local:${d}`);
    assert.equal(await files.create('apply.lock', 'mine\n'), true);
    assert.equal(await files.create('apply.lock', 'theirs\n'), false);
    assert.equal(await files.read('apply.lock'), 'mine\n');
    assert.equal(await files.removeIfSame('apply.lock', 'theirs\n'), false, 'not ours: left alone');
    assert.equal(await files.read('apply.lock'), 'mine\n');
    assert.equal(await files.removeIfSame('apply.lock', 'mine\n'), true);
    assert.equal(await files.read('apply.lock'), null);
    assert.equal(await files.removeIfSame('apply.lock', 'mine\n'), false, 'gone already');
    assert.deepEqual(await readdir(d), []);
  });

  it('over ssh only the fixed scripts pass quoted; any other quoted word is refused before ssh starts', async () => {
    const r = await transport('ssh').run(['sh', '-c', "'id'"]);
    assert.ok(!r.ok && /refusing to send/.test(r.error.message));
    assert.deepEqual(
      transport('ssh')
        .argv(['sh', '-c', `'${SEQUENCE.text}'`])
        .slice(-3),
      ['sh', '-c', `'${SEQUENCE.text}'`],
    );
  });
});
