// `tandem plan` and `tandem graph` as real processes: exit codes 0 / 2 / 3 / 1, the
// saved plan file, and invalid input named at file:line:col without a stack trace.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import { PACKAGE_ROOT } from '../../src/paths.js';
import type { PlanDocument } from '../../src/plan/document.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

describe('tandem plan (CLI process)', () => {
  let dir: string;
  let env: Record<string, string>;
  const tandem = (...args: string[]) => execa(process.execPath, [CLI, ...args], { cwd: dir, env, reject: false });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-cli-plan-'));
    await cp(join(PACKAGE_ROOT, 'environments', 'demo'), join(dir, 'demo'), { recursive: true });
    env = { ...process.env, TANDEM_STATE_DIR: join(dir, 'state'), NO_COLOR: '1' };
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('exits 2 with changes, writes the plan JSON, then 0 once applied', async () => {
    const planned = await tandem('plan', 'demo', '--out', 'plan.json');
    assert.equal(planned.exitCode, 2, planned.stderr);
    assert.match(planned.stdout, /Plan: 4 to create, 0 to update, 1 to delete, 0 to replace\./);
    const saved = JSON.parse(await readFile(join(dir, 'plan.json'), 'utf8')) as PlanDocument;
    assert.equal(saved.formatVersion, 1);
    assert.equal(saved.summary.create, 4);
    const applied = await tandem('apply', '--plan', 'plan.json');
    assert.equal(applied.exitCode, 0, applied.stdout + applied.stderr);
    const again = await tandem('plan', 'demo', '--format', 'json');
    assert.equal(again.exitCode, 0, again.stderr);
    assert.deepEqual((JSON.parse(again.stdout) as PlanDocument).changes, []);
  });

  it('exits 3 when the plan is refused, and 1 on invalid input with file:line:col', async () => {
    const refused = await tandem('plan', 'demo', '--node', 'server2');
    // After the first test the demo is converged; break it so a one-node plan must refuse.
    assert.equal(refused.exitCode, 0, refused.stdout);
    const nodes = join(dir, 'demo', 'addresses.yaml');
    await writeFile(
      nodes,
      (await readFile(nodes, 'utf8')).replace(
        'active: server1\n  switchback: intelligent',
        'active: server2\n  switchback: intelligent',
      ),
    );
    const oneNode = await tandem('plan', 'demo', '--node', 'server2');
    assert.equal(oneNode.exitCode, 3, oneNode.stdout);
    assert.match(oneNode.stdout, /TR001 .*still active on server1/);
    await writeFile(
      nodes,
      (await readFile(nodes, 'utf8')).replace('address: 192.0.2.50/24', 'address: 192.0.2.500/24'),
    );
    const invalid = await tandem('plan', 'demo');
    assert.equal(invalid.exitCode, 1);
    assert.match(invalid.stderr, /error\[ADDR001\] demo\/addresses\.yaml:\d+:\d+:/);
    assert.doesNotMatch(invalid.stderr + invalid.stdout, /\n\s+at /, 'no stack trace');
  });

  it('tandem graph prints a Mermaid flowchart of the environment', async () => {
    const graph = await execa(process.execPath, [CLI, 'graph', join(PACKAGE_ROOT, 'environments', 'cip')], {
      reject: false,
    });
    assert.equal(graph.exitCode, 0, graph.stderr);
    assert.match(graph.stdout, /^flowchart LR/);
    assert.match(graph.stdout, /<-\. failover \.->/);
  });
});
