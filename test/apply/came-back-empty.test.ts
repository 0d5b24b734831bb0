// A node that came back empty (src/apply/came-back-empty.ts), and `tandem status ENV_DIR`
// reporting it on real namespace nodes: applied, then "rebooted" by flushing the
// namespace's addresses (the kernel loses them, the inventory stays), then applied again.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { execa } from 'execa';
import { cameBackEmpty, describeEmpty, parseBootTime } from '../../src/apply/came-back-empty.js';
import { kernelObjects } from '../../src/apply/verify.js';
import { observedNode } from '../helpers/observed.js';
import { canMakeNamespaces, CLI, destroyLab, eth0Addresses, makeLab, type Lab } from './netns-lab.js';

describe('came back empty', () => {
  const full = observedNode('n1', { links: ['eth0'], addresses: { eth0: ['192.0.2.10/24', '192.0.2.50/24'] } });
  const owned = [...kernelObjects(full).keys()].filter((k) => k.includes('192.0.2.50'));
  const lastApply = { revision: 'abc', at: '2026-12-01T10:00:00.000Z', planId: 'p1' };

  it('is a node whose inventory owns objects of which the kernel has none', () => {
    assert.ok(owned.length > 0);
    const kept = { ...full, inventory: { owned, lastApply } };
    assert.equal(cameBackEmpty(kept, new Date('2026-12-02T08:00:00Z')), undefined, 'the kernel still has them');
    const flushed = { ...observedNode('n1', { links: ['eth0'] }), inventory: { owned, lastApply } };
    const e = cameBackEmpty(flushed, new Date('2026-12-02T08:00:00Z'));
    assert.deepEqual(e, {
      node: 'n1',
      owned: owned.length,
      lastApply,
      bootTime: '2026-12-02T08:00:00.000Z',
      sinceBoot: true,
    });
    assert.match(describeEmpty(e), /^n1 came back empty since 2026-12-02T08:00:00.000Z: tandem applied \d+ object/);
    // Booted before the last apply: emptied by hand, not by the reboot.
    const byHand = cameBackEmpty(flushed, new Date('2026-11-30T08:00:00Z'))!;
    assert.equal(byHand.sinceBoot, false);
    assert.match(describeEmpty(byHand), /came back empty: .*booted at 2026-11-30T08:00:00.000Z, before that apply/);
  });

  it('is not a node tandem never applied to, nor one that still has part of it', () => {
    assert.equal(cameBackEmpty(observedNode('n1', { links: ['eth0'] })), undefined);
    const partly = observedNode('n1', { links: ['eth0'], addresses: { eth0: ['192.0.2.10/24'] } });
    const both = [...owned, ...[...kernelObjects(partly).keys()].filter((k) => k.includes('192.0.2.10'))];
    assert.equal(cameBackEmpty({ ...partly, inventory: { owned: both } }), undefined);
  });

  it('reads the boot time from /proc/stat', () => {
    assert.equal(
      parseBootTime('cpu  1 2 3\nbtime 1764662400\nprocesses 9\n')?.toISOString(),
      '2025-12-02T08:00:00.000Z',
    );
    assert.equal(parseBootTime('cpu 1\n'), undefined);
  });
});

const skip = await canMakeNamespaces();
if (skip) console.log(`# came-back-empty namespace test skipped: ${skip}`);
const labs: Lab[] = [];

describe('tandem status ENV_DIR on namespace nodes', { skip: skip ?? false }, () => {
  after(async () => {
    for (const l of labs) await destroyLab(l);
  });

  it('shows the node that came back empty after a "reboot", and no longer once it is applied again', async () => {
    const l = await makeLab();
    labs.push(l);
    const cli = (args: string[]) => execa(process.execPath, [CLI, ...args], { cwd: l.root, env: l.env, reject: false });
    const applied = await cli(['apply', l.dir, '--yes']);
    assert.equal(applied.exitCode, 0, `${applied.stdout}${applied.stderr}`);
    const before = await cli(['status', l.dir]);
    assert.doesNotMatch(before.stdout, /came back empty/);

    // The "reboot": the namespace's addresses are gone, its inventory is not.
    await execa('ip', ['-n', l.ns.a, 'addr', 'flush', 'dev', 'eth0']);
    assert.deepEqual(await eth0Addresses(l.ns.a), []);
    const after = await cli(['status', l.dir]);
    assert.equal(after.exitCode, 3, `${after.stdout}${after.stderr}`);
    assert.match(after.stdout, new RegExp(`came back empty ${l.dir.split('/').pop()}: a-${l.sfx} came back empty`));
    assert.match(after.stdout, /tandem applied \d+ objects? \(last apply .*, plan \w+\), the kernel has none of them/);
    assert.doesNotMatch(after.stdout, new RegExp(`b-${l.sfx} came back`));
    const json = await cli(['status', l.dir, '--format', 'json']);
    const parsed = JSON.parse(json.stdout) as Array<{ cameBackEmpty: Array<{ node: string; bootTime?: string }> }>;
    assert.deepEqual(
      parsed.flatMap((e) => e.cameBackEmpty.map((n) => n.node)),
      [`a-${l.sfx}`],
    );
    assert.ok(parsed[0].cameBackEmpty[0].bootTime, 'the boot time is read from /proc/stat');

    const again = await cli(['apply', l.dir, '--yes']);
    assert.equal(again.exitCode, 0, `${again.stdout}${again.stderr}`);
    const healed = await cli(['status', l.dir]);
    assert.doesNotMatch(healed.stdout, /came back empty/);
  });
});
