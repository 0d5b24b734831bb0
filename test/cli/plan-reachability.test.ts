// A desired state tandem does not carry out is never reported as done: a management
// address (or ssh connection.host) that no desired interface carries is invalid input
// for `tandem validate` and `tandem plan` (exit 1, ADDR008 at file:line:col), where the
// plan used to keep the address with a note and end "No changes".
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import { PACKAGE_ROOT } from '../../src/paths.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

describe('a management address no interface carries (CLI process)', () => {
  let dir: string;
  let env: Record<string, string>;
  const tandem = (...args: string[]) => execa(process.execPath, [CLI, ...args], { cwd: dir, env, reject: false });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-cli-mgmt-'));
    await cp(join(PACKAGE_ROOT, 'environments', 'demo'), join(dir, 'demo'), { recursive: true });
    env = { ...process.env, TANDEM_STATE_DIR: join(dir, 'state'), NO_COLOR: '1' };
    // Converge first, so the nodes match the desired state before the edit.
    const applied = await tandem('apply', 'demo', '--yes');
    assert.equal(applied.exitCode, 0, applied.stdout + applied.stderr);
    const file = join(dir, 'demo', 'nodes.yaml');
    const text = await readFile(file, 'utf8');
    const edited = text.replace(
      '    - name: mgmt0\n      type: physical\n      addresses: [203.0.113.11/24]\n',
      '    - name: mgmt0\n      type: physical\n',
    );
    assert.notEqual(edited, text);
    await writeFile(file, edited);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('tandem validate: exit 1, ADDR008 at the management field, naming the node and the address', async () => {
    const r = await tandem('validate', 'demo');
    assert.equal(r.exitCode, 1, r.stdout);
    const head = 'error[ADDR008] demo/nodes.yaml:8:15: Node/server1: management address 203.0.113.11 ';
    assert.ok(
      r.stdout.split('\n').some((l) => l.startsWith(head)),
      r.stdout,
    );
    assert.match(r.stdout, /= help: Add 203\.0\.113\.11\/24 to the addresses of the interface that carries it/);
  });

  for (const format of ['text', 'markdown']) {
    it(`tandem plan --format ${format}: exit 1, never "No changes"`, async () => {
      const r = await tandem('plan', 'demo', '--format', format);
      assert.equal(r.exitCode, 1, r.stdout + r.stderr);
      assert.match(r.stderr, /error\[ADDR008\] demo\/nodes\.yaml:8:15: /);
      assert.doesNotMatch(r.stdout, /No changes/);
      assert.equal(r.stdout, '');
    });
  }

  it('an ssh connection.host no interface carries is refused the same way', async () => {
    const file = join(dir, 'demo', 'nodes.yaml');
    const text = (await readFile(file, 'utf8'))
      .replace(
        '    - name: mgmt0\n      type: physical\n',
        '    - name: mgmt0\n      type: physical\n      addresses: [203.0.113.11/24]\n',
      )
      .replace('connection: { transport: sim }', 'connection: { transport: ssh, host: 203.0.113.99 }');
    await writeFile(file, text);
    const r = await tandem('validate', 'demo');
    assert.equal(r.exitCode, 1, r.stdout);
    assert.match(
      r.stdout,
      /^error\[ADDR008\] demo\/nodes\.yaml:7:39: Node\/server1: connection\.host 203\.0\.113\.99 /m,
    );
  });
});
