// A new user's first hour (docs/getting-started.md), with real CLI processes: tandem init,
// validate, plan and apply on sim nodes that have no snapshot (they start with their
// declared hardware), then a lab of network namespaces built from the same environment,
// apply onto it, and tandem import of that lab, which must plan to nothing.
// The lab part needs root and iproute2 and runs under the shared lock in development
// (flock /tmp/tandem-test.lock); it skips with its reason otherwise.
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { probeNamespaces, uniqueSuffix } from '../lab/helpers.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe("a new user's first hour: init, sim, lab, import", () => {
  let root: string;
  let envDir: string;
  const sfx = uniqueSuffix();
  // The cluster name makes the lab's node namespaces (tdm-<node>) unique to this run.
  const name = `nu${sfx}`;
  let labUp = false;

  const tandem = async (...args: string[]): Promise<Run> => {
    const r = await execa(process.execPath, [CLI, ...args], {
      cwd: root,
      reject: false,
      timeout: 120_000,
      env: { ...process.env, TANDEM_STATE_DIR: join(root, 'state') },
    });
    return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
  };
  const show = (r: Run) => `exit ${r.code}\n${r.stdout}\n${r.stderr}`;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'tandem-new-user-'));
    await chmod(root, 0o755);
    envDir = join(root, 'first');
  });
  after(async () => {
    if (labUp) await tandem('lab', 'down', 'first');
    await rm(root, { recursive: true, force: true });
  });

  it('init writes an environment that validates; its sim nodes are built up from their hardware', async () => {
    const init = await tandem('init', 'first', '--name', name);
    assert.equal(init.code, 0, show(init));
    assert.deepEqual((await readdir(envDir)).sort(), ['addresses.yaml', 'cluster.yaml', 'nodes.yaml']);
    // init refuses to write over an environment.
    const again = await tandem('init', 'first', '--name', name);
    assert.equal(again.code, 1, show(again));
    assert.match(again.stderr, /^tandem: init: first already holds addresses\.yaml, cluster\.yaml, nodes\.yaml/);

    const valid = await tandem('validate', 'first');
    assert.equal(valid.code, 0, show(valid));
    assert.match(valid.stdout, /first: valid \(4 documents in 3 files, 0 errors, 0 warnings\)/);

    const plan = await tandem('plan', 'first');
    assert.equal(plan.code, 2, show(plan));
    assert.doesNotMatch(plan.stdout, /cannot create|refused/i);
    assert.match(plan.stdout, /Plan: 3 to create, 0 to update, 0 to delete/);

    const apply = await tandem('apply', 'first', '--yes');
    assert.equal(apply.code, 0, show(apply));
    const rerun = await tandem('plan', 'first');
    assert.equal(rerun.code, 0, show(rerun));
    assert.match(rerun.stdout, /No changes/);

    // Starting over returns each node to its declared hardware: the same plan again.
    const reset = await tandem('sim', 'reset', 'first');
    assert.equal(reset.code, 0, show(reset));
    assert.match(reset.stdout, new RegExp(`^${name}-1: reset to its declared hardware \\(no snapshot; `, 'm'));
    const replan = await tandem('plan', 'first');
    assert.equal(replan.code, 2, show(replan));
    assert.match(replan.stdout, /Plan: 3 to create, 0 to update, 0 to delete/);
    const reapply = await tandem('apply', 'first', '--yes');
    assert.equal(reapply.code, 0, show(reapply));
  });

  it('a command without an environment folder says it uses the demo, or refuses outside this checkout', async () => {
    const r = await tandem('plan');
    assert.equal(r.code, 1, show(r));
    assert.match(r.stderr, /^tandem: plan: no environment folder named, and there is no environments\/demo under /);
    const inCheckout = await execa(process.execPath, [CLI, 'validate'], { cwd: PACKAGE_ROOT, reject: false });
    assert.equal(inCheckout.exitCode, 0, String(inCheckout.stderr));
    assert.equal(
      String(inCheckout.stderr),
      'tandem: no environment folder named: using environments/demo (the demo, on sim nodes)',
    );
    assert.match(String(inCheckout.stdout), /^environments\/demo: valid/);
    // Named, it says nothing more.
    const named = await execa(process.execPath, [CLI, 'validate', 'environments/demo'], { cwd: PACKAGE_ROOT });
    assert.equal(String(named.stderr), '');
  });

  it('lab up, apply onto the namespaces, then tandem import of the lab plans to nothing', async (t) => {
    const support = await probeNamespaces();
    if (!support.ok) return t.skip(support.reason);
    // A lab's segment namespace is named after the segment (tdm-seg-<segment>) on the
    // whole machine: this run's segment gets a name of its own.
    for (const file of ['cluster.yaml', 'nodes.yaml']) {
      const path = join(envDir, file);
      await writeFile(path, (await readFile(path, 'utf8')).replace(/\blan\b/g, `lan${sfx}`));
    }
    const up = await tandem('lab', 'up', 'first');
    labUp = true;
    assert.equal(up.code, 0, show(up));
    const apply = await tandem('apply', 'first', '--lab', '--yes');
    assert.equal(apply.code, 0, show(apply));
    assert.match(apply.stdout, /applied 2 waves, 3 steps/);
    const planLab = await tandem('plan', 'first', '--lab');
    assert.equal(planLab.code, 0, show(planLab));

    const imported = await tandem('import', 'imported', '--from-lab', 'first');
    assert.equal(imported.code, 0, show(imported));
    assert.match(imported.stdout, /^imported: imported 2 nodes \(cluster\.yaml, nodes\.yaml\), valid$/m);
    const nodes = await readFile(join(root, 'imported', 'nodes.yaml'), 'utf8');
    assert.match(nodes, new RegExp(`namespace: tdm-${name}-1\\n`));
    assert.match(nodes, /- 192\.0\.2\.11\/24\n\s+- 192\.0\.2\.50\/24\n/);
    const valid = await tandem('validate', 'imported');
    assert.equal(valid.code, 0, show(valid));
    const plan = await tandem('plan', 'imported');
    assert.equal(plan.code, 0, show(plan));
    assert.match(plan.stdout, /No changes/);

    // Importing again into a folder that holds an environment writes nothing.
    const twice = await tandem('import', 'imported', '--from-lab', 'first');
    assert.equal(twice.code, 1, show(twice));
    assert.match(twice.stderr, /already holds cluster\.yaml, nodes\.yaml/);

    const down = await tandem('lab', 'down', 'first');
    assert.equal(down.code, 0, show(down));
    labUp = false;
    // With the lab gone, import names the nodes it could not observe and writes nothing.
    const gone = await tandem('import', 'again', '--from-lab', 'first');
    assert.equal(gone.code, 1, show(gone));
    assert.match(gone.stderr, /2 of 2 nodes could not be observed; nothing written/);
    assert.deepEqual(
      (await readdir(root)).filter((f) => f === 'again'),
      [],
    );
  });
});
