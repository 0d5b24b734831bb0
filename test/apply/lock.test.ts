import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { acquireLock, locksDir, pidAlive, releaseLock, type LockHolder } from '../../src/apply/lock.js';

const dir = () => mkdtemp(join(tmpdir(), 'tandem-lock-'));

describe('per-node apply locks', () => {
  it('lives under $TANDEM_STATE_DIR/locks, default .tandem/locks', () => {
    assert.equal(locksDir({ env: { TANDEM_STATE_DIR: '/srv/t' }, cwd: '/w' }), '/srv/t/locks');
    assert.equal(locksDir({ env: {}, cwd: '/w' }), '/w/.tandem/locks');
  });

  it('lets one holder in and fails the second at once with the holder pid, host, since and plan id', async () => {
    const d = await dir();
    const first = await acquireLock('server1', { dir: d, planId: 'aaaa', now: () => new Date('2026-01-01T00:00:00Z') });
    assert.ok(first.ok);
    const file = JSON.parse(await readFile(join(d, 'server1.lock'), 'utf8')) as LockHolder;
    assert.deepEqual(file, {
      pid: process.pid,
      host: first.lock.holder.host,
      since: '2026-01-01T00:00:00.000Z',
      planId: 'aaaa',
    });
    const second = await acquireLock('server1', { dir: d, planId: 'bbbb', pid: process.pid + 1 });
    assert.equal(second.ok, false);
    assert.ok(!second.ok);
    assert.deepEqual(second.holder, first.lock.holder);
    assert.match(second.message, new RegExp(`pid ${process.pid} on .+ since 2026-01-01T00:00:00.000Z \\(plan aaaa\\)`));
    // Another node is independent.
    assert.ok((await acquireLock('server2', { dir: d, planId: 'bbbb' })).ok);
    await releaseLock(first.lock);
    assert.ok((await acquireLock('server1', { dir: d, planId: 'cccc' })).ok);
  });

  it('takes over the lock of a dead process on this host, and says whose it was', async () => {
    const d = await dir();
    const dead = { pid: 999_999_999, host: 'here', since: '2026-01-01T00:00:00.000Z', planId: 'dead' };
    await writeFile(join(d, 'server1.lock'), JSON.stringify(dead));
    const r = await acquireLock('server1', { dir: d, planId: 'live', host: 'here', alive: (pid) => pid !== dead.pid });
    assert.ok(r.ok);
    assert.deepEqual(r.tookOver, dead);
    assert.equal((JSON.parse(await readFile(join(d, 'server1.lock'), 'utf8')) as LockHolder).planId, 'live');
    assert.deepEqual((await readdir(d)).sort(), ['server1.lock'], 'the stale lock moved aside is removed');
  });

  it('never takes over a live holder, nor a holder on another host, nor an unreadable lock', async () => {
    const d = await dir();
    await writeFile(join(d, 'a.lock'), JSON.stringify({ pid: process.pid, host: 'here', since: 'x', planId: 'p' }));
    assert.equal((await acquireLock('a', { dir: d, planId: 'q', host: 'here' })).ok, false);
    await writeFile(
      join(d, 'b.lock'),
      JSON.stringify({ pid: 999_999_999, host: 'elsewhere', since: 'x', planId: 'p' }),
    );
    const b = await acquireLock('b', { dir: d, planId: 'q', host: 'here' });
    assert.ok(!b.ok && /elsewhere/.test(b.message));
    await writeFile(join(d, 'c.lock'), 'garbage');
    const c = await acquireLock('c', { dir: d, planId: 'q', host: 'here' });
    assert.ok(!c.ok && /not a readable tandem lock/.test(c.message));
  });

  it('of two takers of one stale lock, exactly one wins', async () => {
    const d = await dir();
    await writeFile(join(d, 'n.lock'), JSON.stringify({ pid: 999_999_999, host: 'here', since: 'x', planId: 'dead' }));
    const alive = (pid: number) => pid !== 999_999_999;
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) => acquireLock('n', { dir: d, planId: `p${i}`, host: 'here', pid: 100 + i, alive })),
    );
    assert.equal(results.filter((r) => r.ok).length, 1);
  });

  it('release leaves a lock that is no longer ours alone', async () => {
    const d = await dir();
    const r = await acquireLock('n', { dir: d, planId: 'p' });
    assert.ok(r.ok);
    await writeFile(r.lock.path, JSON.stringify({ pid: 1, host: 'other', since: 'x', planId: 'q' }));
    await releaseLock(r.lock);
    assert.equal((JSON.parse(await readFile(r.lock.path, 'utf8')) as LockHolder).planId, 'q');
  });

  it('knows a live pid from a dead one', () => {
    assert.equal(pidAlive(process.pid), true);
    assert.equal(pidAlive(999_999_999), false);
  });
});
