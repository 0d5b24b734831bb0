// sourceAddress and promoteSecondaries on real network namespaces (root): apply sets
// promote_secondaries on the managed interfaces, gives the subnet's connected route the
// relocatable address as source where it is, gives it back to the primary before the
// address leaves (the route stays: the kernel would otherwise delete it with the
// address), the kernel then really picks the address as source, and verification reads
// both back with a real `ip route show` and /proc/sys. Skips with the reason where
// namespaces cannot be made; always cleans up.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { execa } from 'execa';
import { applyPlan } from '../../src/apply/index.js';
import { makePlan } from '../../src/cli/commands/plan.js';
import type { CliIO } from '../../src/cli/io.js';
import { observeLinux } from '../../src/observe/drivers/linux/driver.js';
import { Capture } from './helpers.js';
import { addressesYaml, canMakeNamespaces, destroyLab, makeLab, type Lab } from './netns-lab.js';

const skip = await canMakeNamespaces();
if (skip) console.log(`# sourceAddress/promoteSecondaries namespace tests skipped: ${skip}`);

const labs: Lab[] = [];

async function planAndApply(l: Lab) {
  const io: CliIO = { stdout: new Capture(), stderr: new Capture(), stdin: process.stdin, env: l.env, cwd: l.root };
  const { plan, prepared } = await makePlan(l.dir, { format: 'text', inventoryRoot: l.stateDir }, io);
  assert.equal(plan.refusals.length, 0, JSON.stringify(plan.refusals));
  const result = await applyPlan({
    plan,
    model: prepared.model,
    envDir: l.dir,
    driverOptions: { inventoryRoot: l.stateDir },
    env: l.env,
    cwd: l.root,
    desiredDigest: prepared.desiredDigest,
    observed: prepared.observations,
  });
  return { plan, result };
}

/** The subnet's routes on eth0 as `ip -j route` shows them: protocol, scope, prefsrc. */
async function subnetRoutes(ns: string): Promise<Array<[string, string, string]>> {
  const r = await execa('ip', ['-n', ns, '-j', 'route', 'show', 'table', 'main', '192.0.2.0/24', 'dev', 'eth0']);
  return (JSON.parse(String(r.stdout)) as Array<{ protocol?: string; scope?: string; prefsrc?: string }>).map((x) => [
    x.protocol ?? '',
    x.scope ?? '',
    x.prefsrc ?? '',
  ]);
}

/** The source the kernel picks for traffic to `ip` (ip route get). */
async function sourceFor(ns: string, ip: string): Promise<string | undefined> {
  const r = await execa('ip', ['-n', ns, '-j', 'route', 'get', ip]);
  return (JSON.parse(String(r.stdout)) as Array<{ prefsrc?: string }>)[0]?.prefsrc;
}

const promote = async (ns: string) =>
  (await execa('ip', ['netns', 'exec', ns, 'cat', '/proc/sys/net/ipv4/conf/eth0/promote_secondaries'])).stdout.trim();

const withSourceAddress = (l: Lab, active: 'a' | 'b') =>
  addressesYaml(l, active).replace('  switchback: intelligent\n', '  switchback: intelligent\n  sourceAddress: true\n');

describe('sourceAddress and promoteSecondaries on network namespaces', { skip: skip ?? false }, () => {
  after(async () => {
    for (const l of labs) await destroyLab(l);
  });

  it('sets both, moves the source with the address, keeps the subnet route, and re-applies nothing', async () => {
    const l = await makeLab({ active: 'a' });
    labs.push(l);
    const cluster = join(l.dir, 'cluster.yaml');
    await writeFile(
      cluster,
      (await readFile(cluster, 'utf8')).replace('  defaults:\n', '  defaults:\n    promoteSecondaries: true\n'),
    );
    await writeFile(join(l.dir, 'addresses.yaml'), withSourceAddress(l, 'a'));
    assert.equal(await promote(l.ns.a), '0', 'a fresh namespace starts with promote_secondaries off');

    const first = await planAndApply(l);
    assert.equal(first.result.outcome, 'applied', first.result.message);
    const descriptions = first.plan.waves.flatMap((w) => w.steps.map((s) => `${s.node}:${s.description}`));
    assert.ok(descriptions.includes(`a-${l.sfx}:update sysctl net.ipv4.conf.eth0.promote_secondaries=1`));
    assert.ok(
      descriptions.includes(`a-${l.sfx}:update source 192.0.2.100 of subnet 192.0.2.0/24 on eth0 (relocatable svc)`),
      descriptions.join('\n'),
    );
    assert.equal(await promote(l.ns.a), '1');
    assert.equal(await promote(l.ns.b), '1');
    assert.deepEqual(await subnetRoutes(l.ns.a), [['kernel', 'link', '192.0.2.100']]);
    assert.equal(await sourceFor(l.ns.a, '192.0.2.254'), '192.0.2.100', 'the kernel picks the address as source');
    // The linux driver reads the same back: one sysctl process per node, the route's src.
    const seen = await observeLinux(`a-${l.sfx}`, { transport: 'netns', namespace: l.ns.a }, {});
    assert.ok(seen.ok);
    assert.equal(seen.state.sysctl['net.ipv4.conf.eth0.promote_secondaries'], '1');
    assert.equal(seen.state.routes.find((r) => r.to === '192.0.2.0/24')?.src, '192.0.2.100');

    await writeFile(join(l.dir, 'addresses.yaml'), withSourceAddress(l, 'b'));
    const moved = await planAndApply(l);
    assert.equal(moved.result.outcome, 'applied', moved.result.message);
    const wave1 = moved.plan.waves[0];
    assert.deepEqual(
      wave1.steps.map((s) => s.description),
      [
        'delete source 192.0.2.100 of subnet 192.0.2.0/24 on eth0 (relocatable svc)',
        'delete address 192.0.2.100/24 on eth0:svc (relocatable svc)',
      ],
    );
    // Back to the primary, and the route is still there: without the step first, the
    // kernel deletes the subnet route together with its preferred source.
    assert.deepEqual(await subnetRoutes(l.ns.a), [['kernel', 'link', '192.0.2.11']]);
    assert.equal(await sourceFor(l.ns.a, '192.0.2.254'), '192.0.2.11');
    assert.deepEqual(await subnetRoutes(l.ns.b), [['kernel', 'link', '192.0.2.100']]);
    assert.equal(await sourceFor(l.ns.b, '192.0.2.254'), '192.0.2.100');

    const again = await planAndApply(l);
    assert.deepEqual(again.plan.changes, []);
    assert.equal(again.result.outcome, 'nothing-to-do', again.result.message);
  });
});
