// `tandem lab` paths that need neither root nor iproute2: an invalid environment is
// refused with its diagnostics before anything touches the kernel, and down/status on
// an environment without a recorded lab say so.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli, type TestEnv } from './helpers.js';

const roots: string[] = [];
after(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

async function envWith(nodes: string): Promise<TestEnv> {
  const root = await mkdtemp(join(tmpdir(), 'tandem-lab-cli-'));
  roots.push(root);
  await writeFile(
    join(root, 'cluster.yaml'),
    'apiVersion: tandem/v1\nkind: Cluster\nmetadata: { name: broken }\nspec:\n' +
      '  segments: [{ name: public, subnets: [192.0.2.0/24] }]\n',
  );
  await writeFile(join(root, 'nodes.yaml'), nodes);
  const none = { a: '', b: '', segA: '', segB: '', cliA: '', cliB: '', mgmt: '' };
  return { dir: root, stateDir: join(root, 'state'), sfx: 'unused', env: 'broken', nodeA: '', nodeB: '', ns: none };
}

describe('tandem lab without a kernel', () => {
  it('refuses an invalid environment with its diagnostics and exit 1', async () => {
    const t = await envWith(
      'apiVersion: tandem/v1\nkind: Node\nmetadata: { name: n1 }\nspec:\n' +
        '  provider: p1\n  connection: { transport: sim }\n  interfaces:\n' +
        '    - { name: "eth 0", type: physical }\n',
    );
    const r = await runCli(['lab', 'up', t.dir], t);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /error\[NAME002\] .*nodes\.yaml:8:/);
    assert.match(r.stderr, /tandem: lab up refused: .* is not a valid environment\n$/);
    assert.equal(r.stdout, '');
  });

  it('lab down and lab status report an environment with no recorded lab', async () => {
    const t = await envWith('');
    const down = await runCli(['lab', 'down', t.dir], t);
    assert.equal(down.code, 0);
    assert.equal(
      down.stdout,
      `lab broken: no lab recorded (${join(t.stateDir, 'lab', 'broken.json')} does not exist), nothing removed\n`,
    );
    const status = await runCli(['lab', 'status', t.dir], t);
    assert.equal(status.code, 0);
    assert.match(status.stdout, /^lab broken: not up/);
  });
});
