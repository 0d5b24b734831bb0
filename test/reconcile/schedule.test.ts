// Durations, the delay policy (interval + jitter, backoff after failures), maintenance
// windows, the pure status updaters and the loop's stop and backoff behaviour.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runReconcile } from '../../src/reconcile/loop.js';
import type { ReconcileResult } from '../../src/reconcile/reconcile.js';
import { inWindow, nextDelay, parseDuration, parseWindow } from '../../src/reconcile/schedule.js';
import { emptyStatus, HISTORY_LIMIT, recordRun, type NodeOutcome } from '../../src/reconcile/status.js';

describe('durations and delays', () => {
  it('parses durations and refuses anything else', () => {
    assert.equal(parseDuration('30s'), 30_000);
    assert.equal(parseDuration('5m'), 300_000);
    assert.equal(parseDuration('1h30m'), 5_400_000);
    assert.equal(parseDuration('250ms'), 250);
    assert.equal(parseDuration('90'), 90_000);
    for (const bad of ['', '5x', 'm5', '5m junk', '-5m'])
      assert.throws(() => parseDuration(bad), /not a duration/, bad);
  });

  it('waits the interval plus jitter, and backs off exponentially after failures up to the interval', () => {
    const p = { intervalMs: 300_000, jitterMs: 30_000, retryBaseMs: 10_000 };
    assert.equal(nextDelay(p, 0, 0), 300_000);
    assert.equal(nextDelay(p, 0, 0.5), 315_000);
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7].map((f) => nextDelay(p, f, 0)),
      [10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000],
    );
    assert.equal(nextDelay(p, 1, 0.5), 15_000, 'jitter on a retry is bounded by the backoff');
  });
});

describe('maintenance windows', () => {
  const w = parseWindow('Mon-Fri 22:00-06:00');
  it('a window crossing midnight belongs to the day it starts on', () => {
    assert.equal(inWindow(w, new Date(2025, 0, 6, 22, 0)), true, 'Monday 22:00');
    assert.equal(inWindow(w, new Date(2025, 0, 7, 5, 59)), true, 'Tuesday 05:59');
    assert.equal(inWindow(w, new Date(2025, 0, 7, 6, 0)), false, 'Tuesday 06:00');
    assert.equal(inWindow(w, new Date(2025, 0, 11, 3, 0)), true, 'Saturday 03:00 (Friday night)');
    assert.equal(inWindow(w, new Date(2025, 0, 6, 3, 0)), false, 'Monday 03:00 (Sunday night)');
    assert.equal(inWindow(w, new Date(2025, 0, 8, 12, 0)), false, 'Wednesday noon');
  });

  it('parses day lists, wrapping ranges, daily windows and several spans', () => {
    const weekend = parseWindow('Sat,Sun 00:00-24:00; 02:00-04:00');
    assert.equal(inWindow(weekend, new Date(2025, 0, 5, 15, 0)), true, 'Sunday afternoon');
    assert.equal(inWindow(weekend, new Date(2025, 0, 8, 3, 0)), true, 'Wednesday 03:00');
    assert.equal(inWindow(weekend, new Date(2025, 0, 8, 5, 0)), false);
    const wrap = parseWindow('Fri-Mon 12:00-13:00');
    assert.equal(inWindow(wrap, new Date(2025, 0, 5, 12, 30)), true, 'Sunday');
    assert.equal(inWindow(wrap, new Date(2025, 0, 8, 12, 30)), false, 'Wednesday');
    for (const bad of ['Mon-Fri', 'Funday 01:00-02:00', '25:00-26:00', '10:00-10:00', 'Mon 1:60-2:00'])
      assert.throws(() => parseWindow(bad), Error, bad);
    const monday = parseWindow('monday 02:00-03:00');
    assert.equal(inWindow(monday, new Date(2025, 0, 6, 2, 30)), true, 'a full day name, any case');
  });

  it('refuses a word that only starts like a day', () => {
    for (const bad of ['Monkey 02:00-03:00', 'Satur 02:00-03:00', 'Mo 02:00-03:00', 'Mon-Thurs 02:00-03:00'])
      assert.throws(() => parseWindow(bad), /is not a day/, bad);
  });
});

describe('status updaters', () => {
  const outcome = (o: Partial<NodeOutcome>): NodeOutcome => ({
    node: 'n1',
    revision: 'a'.repeat(40),
    digest: 'sha256:1',
    result: 'applied',
    condition: { type: 'Ready', reason: 'Applied', message: 'ok' },
    applied: true,
    changes: [],
    startedAt: '2025-01-01T00:00:00.000Z',
    durationMs: 5,
    ...o,
  });

  it('keeps the last 20 runs, newest first, and the time a condition began', () => {
    let s = emptyStatus('env', 't0');
    for (let i = 0; i < 25; i++) s = recordRun(s, outcome({ durationMs: i }), `t${i + 1}`);
    assert.equal(s.nodes.n1.history.length, HISTORY_LIMIT);
    assert.equal(s.nodes.n1.history[0].durationMs, 24);
    assert.equal(s.nodes.n1.condition.since, 't1');
    assert.equal(s.nodes.n1.condition.updatedAt, 't25');
    s = recordRun(
      s,
      outcome({
        result: 'invalid',
        applied: false,
        condition: { type: 'Stalled', reason: 'ValidationFailed', message: 'bad' },
      }),
      't26',
    );
    assert.equal(s.nodes.n1.condition.since, 't26');
    assert.equal(s.nodes.n1.lastAppliedRevision?.at, 't25', 'a refused run keeps the last applied revision');
  });

  it('changes applied to an already applied desired state are drift, repaired', () => {
    let s = recordRun(emptyStatus('env', 't0'), outcome({ changes: ['+ address x'] }), 't1');
    assert.equal(s.nodes.n1.drift, undefined, 'a new desired state is a rollout, not drift');
    s = recordRun(s, outcome({ changes: ['+ address x'] }), 't2');
    assert.deepEqual(s.nodes.n1.drift, {
      state: 'repaired',
      reason: 'drift',
      revision: 'a'.repeat(40),
      detectedAt: 't2',
      repairedAt: 't2',
      changes: ['+ address x'],
    });
    s = recordRun(
      s,
      outcome({
        result: 'planned-only',
        applied: false,
        changes: ['- route y'],
        condition: { type: 'Reconciling', reason: 'OutsideWindow', message: '' },
      }),
      't3',
    );
    s = recordRun(
      s,
      outcome({
        result: 'planned-only',
        applied: false,
        changes: ['- route y'],
        condition: { type: 'Reconciling', reason: 'OutsideWindow', message: '' },
      }),
      't4',
    );
    assert.equal(s.nodes.n1.drift?.state, 'pending');
    assert.equal(s.nodes.n1.drift?.detectedAt, 't3', 'the same pending drift keeps its first detection');
  });
});

describe('the loop', () => {
  const result = (retryable: boolean): ReconcileResult => ({
    result: retryable ? 'source-failed' : 'applied',
    env: 'e',
    message: '',
    retryable,
    durationMs: 1,
  });

  it(
    'backs off after retryable failures, resets after a success, ' +
      'and stops on the signal after the run in progress',
    async () => {
      const stop = new AbortController();
      const outcomes = [true, true, true, false, true];
      const waits: Array<number | undefined> = [];
      let runs = 0;
      const last = await runReconcile(
        { repo: 'r', ref: 'main', envPath: 'environments/e', stateDir: '/nonexistent', cwd: '/', env: {} },
        {
          intervalMs: 40,
          jitterMs: 0,
          retryBaseMs: 5,
          signal: stop.signal,
          random: () => 0,
          run: () => {
            const r = result(outcomes[runs++]);
            if (runs === outcomes.length) stop.abort();
            return Promise.resolve(r);
          },
          onRun: (_r, next) => waits.push(next),
        },
      );
      assert.equal(runs, 5);
      assert.deepEqual(waits, [5, 10, 20, 40, undefined]);
      assert.equal(last?.result, 'source-failed');
    },
  );
});
