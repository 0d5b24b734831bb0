// Regression of issue 9: a lock tandem cannot take over by itself (its holder is on
// another host) stops every apply, names the holder and its id, and `tandem unlock NODE
// --holder ID` breaks exactly that holding, recording who broke it on the node. Through
// real CLI processes, on the demo's sim nodes, from two working directories.
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { execa } from 'execa';
import { LOCK_BREAKS_FILE, type LockHolder } from '../../src/apply/node-lock.js';
import { simStateDir } from '../../src/observe/drivers/sim.js';
import { copyEnvironment } from './helpers.js';

const CLI = resolve('dist/src/cli/main.js');
const DEMO = resolve('environments/demo');

describe('tandem unlock', () => {
  it('breaks only the holding named, records it on the node, and the next apply goes through', async () => {
    const t = await copyEnvironment(DEMO);
    const cli = (args: string[], cwd = t.root) =>
      execa(process.execPath, [CLI, ...args], { cwd, env: t.env, reject: false });
    const sim = simStateDir(t.dir, { env: t.env, cwd: t.root });
    await mkdir(sim, { recursive: true });
    const holder: LockHolder = {
      id: 'a1b2c3d4e5f6',
      pid: 4242,
      host: 'operator-laptop',
      since: '2026-12-01T10:00:00.000Z',
      planId: 'f00dfeed',
      user: 'alice',
    };
    await writeFile(join(sim, 'server1.apply.lock'), JSON.stringify(holder));

    const locked = await cli(['apply', t.dir, '--yes']);
    assert.equal(locked.exitCode, 1);
    assert.match(
      `${locked.stdout}${locked.stderr}`,
      new RegExp(
        'node server1 is locked by another apply: pid 4242 on operator-laptop ' +
          '\\(alice, since 2026-12-01T10:00:00\\.000Z, plan f00dfeed, holder id a1b2c3d4e5f6\\)',
      ),
    );
    assert.match(`${locked.stdout}${locked.stderr}`, /tandem unlock server1 --holder a1b2c3d4e5f6/);

    const missingId = await cli(['unlock', 'server1', t.dir]);
    assert.equal(missingId.exitCode, 1);
    assert.match(missingId.stderr, /say which holding to break: tandem unlock server1 --holder ID/);
    const wrong = await cli(['unlock', 'server1', t.dir, '--holder', 'ffffffffffff']);
    assert.equal(wrong.exitCode, 1);
    assert.match(wrong.stderr, /held by pid 4242 on operator-laptop .*, not by holder ffffffffffff: nothing broken/);
    assert.doesNotMatch(wrong.stderr, /\n\s+at /);

    const broken = await cli(['unlock', 'server1', t.dir, '--holder', 'a1b2c3d4e5f6', '--reason', 'laptop died']);
    assert.equal(broken.exitCode, 0, broken.stderr);
    assert.match(broken.stdout, /node server1: broke pid 4242 on operator-laptop/);
    const record = JSON.parse(await readFile(join(sim, `server1.${LOCK_BREAKS_FILE}`), 'utf8')) as {
      broken: LockHolder;
      by: { reason?: string; host: string };
    };
    assert.deepEqual(record.broken, holder);
    assert.equal(record.by.reason, 'laptop died');
    assert.match(await readFile(join(t.stateDir, 'audit.ndjson'), 'utf8'), /"event":"lock-broken"/);

    const again = await cli(['unlock', 'server1', t.dir, '--holder', 'a1b2c3d4e5f6']);
    assert.equal(again.exitCode, 1);
    assert.match(again.stdout, /node server1 is not locked/);
    const applied = await cli(['apply', t.dir, '--yes']);
    assert.equal(applied.exitCode, 0, `${applied.stdout}${applied.stderr}`);
  });

  it('an unknown node is an error naming it, and nothing is broken', async () => {
    const t = await copyEnvironment(DEMO);
    const r = await execa(process.execPath, [CLI, 'unlock', 'nosuch', t.dir, '--holder', 'x'], {
      cwd: t.root,
      env: t.env,
      reject: false,
    });
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, /no node named nosuch in /);
  });
});
