import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  acquireLock,
  breakLock,
  holderAlive,
  LOCK_BREAKS_FILE,
  LOCK_FILE,
  pidAlive,
  processStartTicks,
  readLock,
  releaseLock,
  type LockHolder,
} from '../../src/apply/node-lock.js';
import { localStateFiles } from '../../src/apply/node-state.js';

const stateOf = async () => {
  const d = await mkdtemp(join(tmpdir(), 'tandem-lock-'));
  return { d, files: localStateFiles(d) };
};
const holder = (over: Partial<LockHolder>): LockHolder => ({
  id: 'h1',
  pid: 999_999_999,
  host: 'here',
  since: '2026-01-01T00:00:00.000Z',
  planId: 'p',
  ...over,
});

describe("a node's apply lock", () => {
  it('lets one holder in and fails the second at once naming the holder, its id and how to break it', async () => {
    const { d, files } = await stateOf();
    const first = await acquireLock('server1', files, { planId: 'aaaa', now: () => new Date('2026-01-01T00:00:00Z') });
    assert.ok(first.ok);
    const file = JSON.parse(await readFile(join(d, LOCK_FILE), 'utf8')) as LockHolder;
    assert.equal(file.pid, process.pid);
    assert.equal(file.since, '2026-01-01T00:00:00.000Z');
    assert.equal(file.planId, 'aaaa');
    assert.match(file.id, /^[0-9a-f]{12}$/);
    assert.equal(file.startTicks, processStartTicks(process.pid));
    const second = await acquireLock('server1', files, { planId: 'bbbb', pid: process.pid + 1 });
    assert.ok(!second.ok);
    assert.deepEqual(second.holder, first.lock.holder);
    assert.match(second.message, new RegExp(`pid ${process.pid} on .+since 2026-01-01T00:00:00.000Z, plan aaaa`));
    assert.equal(second.hint, `if that apply is gone for good: tandem unlock server1 --holder ${file.id}`);
    await releaseLock(first.lock);
    assert.deepEqual(await readdir(d), [], 'released, and no temporary file left');
    assert.ok((await acquireLock('server1', files, { planId: 'cccc' })).ok);
  });

  it('keeps the nodes apart that share a folder (sim nodes) by a name prefix', async () => {
    const d = await mkdtemp(join(tmpdir(), 'tandem-lock-'));
    assert.ok((await acquireLock('a', localStateFiles(d, 'a.'), { planId: 'p' })).ok);
    assert.ok((await acquireLock('b', localStateFiles(d, 'b.'), { planId: 'p' })).ok);
    assert.deepEqual((await readdir(d)).sort(), ['a.apply.lock', 'b.apply.lock']);
  });

  it('takes over the lock of a dead process on this host, and says whose it was', async () => {
    const { d, files } = await stateOf();
    const dead = holder({ planId: 'dead' });
    await writeFile(join(d, LOCK_FILE), JSON.stringify(dead));
    const r = await acquireLock('server1', files, { planId: 'live', host: 'here', alive: (h) => h.pid !== dead.pid });
    assert.ok(r.ok);
    assert.deepEqual(r.tookOver, dead);
    assert.equal((await readLock(files))?.planId, 'live');
    assert.deepEqual(await readdir(d), [LOCK_FILE], 'no guard or temporary file left');
  });

  it('never takes over a live holder, a holder on another host, nor an unreadable lock', async () => {
    const live = await stateOf();
    await writeFile(join(live.d, LOCK_FILE), JSON.stringify(holder({ pid: process.pid })));
    assert.equal((await acquireLock('a', live.files, { planId: 'q', host: 'here' })).ok, false);
    const remote = await stateOf();
    await writeFile(join(remote.d, LOCK_FILE), JSON.stringify(holder({ host: 'elsewhere' })));
    const b = await acquireLock('b', remote.files, { planId: 'q', host: 'here' });
    assert.ok(!b.ok && /elsewhere/.test(b.message));
    const garbage = await stateOf();
    await writeFile(join(garbage.d, LOCK_FILE), 'garbage');
    const c = await acquireLock('c', garbage.files, { planId: 'q', host: 'here' });
    assert.ok(
      !c.ok && /not a readable tandem lock/.test(c.message) && c.hint === 'if no apply runs: tandem unlock c --force',
    );
  });

  it('of four takers of one stale lock, exactly one wins', async () => {
    const { d, files } = await stateOf();
    await writeFile(join(d, LOCK_FILE), JSON.stringify(holder({ planId: 'dead' })));
    const alive = (h: LockHolder) => h.pid !== 999_999_999;
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) => acquireLock('n', files, { planId: `p${i}`, host: 'here', pid: 100 + i, alive })),
    );
    assert.equal(results.filter((r) => r.ok).length, 1);
  });

  it('a takeover guard left by a dead taker (old or unreadable) does not block the takeover for good', async () => {
    for (const guard of [JSON.stringify({ since: Date.now() - 60_000 }), 'garbage']) {
      const { d, files } = await stateOf();
      await writeFile(join(d, LOCK_FILE), JSON.stringify(holder({ planId: 'dead' })));
      await writeFile(join(d, 'apply.lock.takeover'), guard);
      const r = await acquireLock('n', files, { planId: 'live', host: 'here', alive: () => false });
      assert.ok(r.ok, guard);
      assert.deepEqual(await readdir(d), [LOCK_FILE]);
    }
  });

  it('release leaves a lock that is no longer ours alone', async () => {
    const { d, files } = await stateOf();
    const r = await acquireLock('n', files, { planId: 'p' });
    assert.ok(r.ok);
    await writeFile(join(d, LOCK_FILE), JSON.stringify(holder({ id: 'other', planId: 'q' })));
    await releaseLock(r.lock);
    assert.equal((await readLock(files))?.planId, 'q');
  });

  it('breaks a lock only for the holder id asked for, and records who broke it on the node', async () => {
    const { d, files } = await stateOf();
    const held = await acquireLock('n', files, { planId: 'p', host: 'elsewhere' });
    assert.ok(held.ok);
    const by = { user: 'ops', host: 'here', pid: 42, reason: 'apply host died', at: new Date('2026-02-02T00:00:00Z') };
    const wrong = await breakLock(files, { holderId: 'nope' }, by);
    assert.deepEqual(wrong, { ok: false, reason: 'other-holder', holder: held.lock.holder });
    assert.ok(await readLock(files), 'a wrong id breaks nothing');
    const broken = await breakLock(files, { holderId: held.lock.holder.id }, by);
    assert.deepEqual(broken, { ok: true, broken: held.lock.holder });
    assert.equal(await readLock(files), null);
    const record = JSON.parse(await readFile(join(d, LOCK_BREAKS_FILE), 'utf8')) as { broken: LockHolder; by: object };
    assert.deepEqual(record.broken, held.lock.holder);
    assert.deepEqual(record.by, { ...by, at: by.at.toISOString() });
    assert.deepEqual(await breakLock(files, { holderId: 'x' }, by), { ok: false, reason: 'not-locked' });
  });

  it('an unreadable lock is broken only with force', async () => {
    const { d, files } = await stateOf();
    await writeFile(join(d, LOCK_FILE), 'garbage');
    const by = { host: 'here', pid: 1, at: new Date() };
    assert.equal((await breakLock(files, {}, by)).ok, false);
    assert.deepEqual(await breakLock(files, { forceUnreadable: true }, by), { ok: true, broken: 'unreadable' });
  });

  it('knows a live holder from a dead one, and a recycled pid from its holder', () => {
    assert.equal(pidAlive(process.pid), true);
    assert.equal(pidAlive(999_999_999), false);
    const ticks = processStartTicks(process.pid);
    assert.ok(ticks !== undefined && ticks > 0);
    assert.equal(holderAlive({ pid: process.pid, startTicks: ticks }), true);
    assert.equal(holderAlive({ pid: process.pid, startTicks: ticks + 1 }), false, 'same pid, another process');
    assert.equal(holderAlive({ pid: 999_999_999 }), false);
  });
});
