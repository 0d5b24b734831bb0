// Reconcile from a git repository onto real namespace nodes (root): commit A brings the
// relocatable address up on node a, commit B moves it to node b, an invalid commit C
// leaves both namespaces exactly as they were. Skipped, with the reason, where the
// machine cannot make network namespaces.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { reconcileOnce, type ReconcileOptions } from '../../src/reconcile/reconcile.js';
import { readStatus } from '../../src/reconcile/status.js';
import { addressesYaml, canMakeNamespaces, destroyLab, eth0Addresses, makeLab, type Lab } from '../apply/netns-lab.js';
import { makeRepos, type Repos } from '../git/helpers.js';

const skip = await canMakeNamespaces();
if (skip) console.log(`# skipping reconcile onto namespace nodes: ${skip}`);

describe('reconcile onto namespace nodes', { skip }, () => {
  let lab: Lab;
  let repos: Repos;
  let options: ReconcileOptions;
  const ENV = 'environments/netns';
  const VIP = '192.0.2.100/24';

  before(async () => {
    lab = await makeLab({ uniquenessTimeoutMs: 300 });
    repos = await makeRepos('tandem-reconcile-netns-');
    options = {
      repo: `file://${repos.origin}`,
      ref: 'main',
      envPath: ENV,
      stateDir: lab.stateDir,
      cwd: lab.root,
      env: lab.env,
    };
  });
  after(async () => {
    if (lab) await destroyLab(lab);
  });

  const files = async (active: 'a' | 'b') => ({
    [`${ENV}/cluster.yaml`]: await readFile(join(lab.dir, 'cluster.yaml'), 'utf8'),
    [`${ENV}/nodes.yaml`]: await readFile(join(lab.dir, 'nodes.yaml'), 'utf8'),
    [`${ENV}/addresses.yaml`]: addressesYaml(lab, active),
  });

  it('commit A: the address comes up on node a, status Ready', async () => {
    const a = await repos.commit(await files('a'), 'A: svc on a');
    await repos.push();
    const res = await reconcileOnce(options);
    assert.equal(res.result, 'applied', res.message);
    assert.ok((await eth0Addresses(lab.ns.a)).includes(VIP));
    assert.ok(!(await eth0Addresses(lab.ns.b)).includes(VIP));
    const status = (await readStatus(lab.stateDir, 'netns'))!;
    assert.equal(status.nodes[`a-${lab.sfx}`].condition.type, 'Ready');
    assert.equal(status.nodes[`a-${lab.sfx}`].lastAppliedRevision?.commit, a);
  });

  it('commit B: the address moves to node b', async () => {
    await repos.commit(await files('b'), 'B: svc to b');
    await repos.push();
    const res = await reconcileOnce(options);
    assert.equal(res.result, 'applied', res.message);
    assert.ok(!(await eth0Addresses(lab.ns.a)).includes(VIP));
    assert.ok((await eth0Addresses(lab.ns.b)).includes(VIP));
  });

  it('an invalid commit C changes nothing in either namespace and stalls', async () => {
    const before = [await eth0Addresses(lab.ns.a), await eth0Addresses(lab.ns.b)];
    const broken = await files('a');
    broken[`${ENV}/addresses.yaml`] = broken[`${ENV}/addresses.yaml`].replace(
      'address: 192.0.2.100/24',
      'address: 192.0.2.100/33',
    );
    await repos.commit(broken, 'C: invalid prefix');
    await repos.push();
    const res = await reconcileOnce(options);
    assert.equal(res.result, 'invalid');
    assert.deepEqual([await eth0Addresses(lab.ns.a), await eth0Addresses(lab.ns.b)], before);
    assert.equal((await readStatus(lab.stateDir, 'netns'))!.nodes[`b-${lab.sfx}`].condition.type, 'Stalled');
  });
});
