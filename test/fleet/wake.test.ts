// The agent's sleep between passes (src/fleet/agent/wake.ts). The defect: a wake that came
// while a pass ran (no sleep to end) was dropped, so an owner key deleted mid-pass was
// noticed only at the next interval.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Wake } from '../../src/fleet/agent/wake.js';

const never = new AbortController().signal;

describe('the agent wake', () => {
  it('a wake during a sleep ends it', async () => {
    const w = new Wake();
    const t0 = performance.now();
    const slept = w.sleep(10_000, never);
    setTimeout(() => w.now(), 20);
    assert.equal(await slept, 'woken');
    assert.ok(performance.now() - t0 < 5_000);
  });

  it('a wake between sleeps (while a pass runs) ends the next sleep at once, once', async () => {
    const w = new Wake();
    w.now();
    const t0 = performance.now();
    assert.equal(await w.sleep(10_000, never), 'woken');
    assert.ok(performance.now() - t0 < 5_000, 'the wake was dropped');
    assert.equal(await w.sleep(30, never), 'timer', 'one wake ends one sleep');
  });

  it('the timer and the abort signal end a sleep too', async () => {
    const w = new Wake();
    assert.equal(await w.sleep(10, never), 'timer');
    const ctl = new AbortController();
    const slept = w.sleep(10_000, ctl.signal);
    ctl.abort();
    assert.equal(await slept, 'woken');
    assert.equal(await w.sleep(10_000, ctl.signal), 'woken', 'aborted already: no sleep');
  });
});
