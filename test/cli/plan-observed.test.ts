// `tandem plan --observed DIR` as a real process: a snapshot folder holding a malformed
// file is invalid input (exit 1, every problem named with its file and JSON path), never
// a node silently left out or a crash; the pull-request preview (--base/--head) too.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import type { ObservedNode } from '../../src/observe/model.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const STACK_LINE = /^\s+at .+/m;

describe('tandem plan --observed with malformed snapshots (CLI process)', () => {
  let dir: string;
  let env: Record<string, string>;
  const tandem = (...args: string[]) => execa(process.execPath, [CLI, ...args], { cwd: dir, env, reject: false });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-cli-observed-'));
    await cp(join(PACKAGE_ROOT, 'environments', 'demo'), join(dir, 'demo'), { recursive: true });
    env = { ...process.env, TANDEM_STATE_DIR: join(dir, 'state'), NO_COLOR: '1' };
    const file = join(dir, 'demo', 'observed', 'server1.json');
    const state = JSON.parse(await readFile(file, 'utf8')) as ObservedNode;
    state.addresses[2].cidr = '999.0.0.1/24';
    state.links[1].mac = '02:00:00:zz:00:10';
    state.links[2].name = 'eth 0';
    await writeFile(file, JSON.stringify(state, null, 2));
    await writeFile(join(dir, 'demo', 'observed', 'server2.yaml'), 'node: server2\nlinks: [\n  a: b: c\nnode: again\n');
    await rm(join(dir, 'demo', 'observed', 'server2.json'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const expected = [
    /^demo\/observed\/server1\.json:\d+:\d+: links\[1\]\.mac "02:00:00:zz:00:10" is not a MAC address$/m,
    /^demo\/observed\/server1\.json:\d+:\d+: links\[2\]\.name "eth 0" is not a Linux interface name$/m,
    /^demo\/observed\/server1\.json:\d+:\d+: addresses\[2\]\.cidr "999\.0\.0\.1\/24" is not an IP prefix$/m,
  ];

  for (const format of ['text', 'markdown', 'json']) {
    it(`exits 1 and names every problem (--format ${format})`, async () => {
      const r = await tandem('plan', 'demo', '--observed', 'demo/observed', '--format', format);
      assert.equal(r.exitCode, 1, r.stdout + r.stderr);
      const lines = r.stderr.split('\n');
      for (const line of expected) assert.match(r.stderr, line);
      assert.ok(
        lines.some((l) => /^demo\/observed\/server2\.yaml:\d+:\d+: not valid YAML: .*line \d+/.test(l)),
        r.stderr,
      );
      assert.match(r.stderr, /tandem: the snapshots in demo\/observed are not valid observed state/);
      assert.equal(r.stdout, '', 'no plan is printed');
      assert.doesNotMatch(r.stderr, STACK_LINE);
      assert.doesNotMatch(r.stderr, /internal error/);
    });
  }

  it('exits 1 in the pull-request preview (--base, --head) too', async () => {
    const git = (...args: string[]) => execa('git', args, { cwd: dir });
    await git('init', '--quiet');
    await git('add', 'demo');
    await git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-m', 'demo');
    const r = await tandem('plan', 'demo', '--base', 'HEAD', '--head', 'HEAD', '--observed', 'demo/observed');
    assert.equal(r.exitCode, 1, r.stdout + r.stderr);
    for (const line of expected) assert.match(r.stderr, line);
    assert.doesNotMatch(r.stderr, STACK_LINE);
  });
});
