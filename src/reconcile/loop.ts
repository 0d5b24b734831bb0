// The reconcile loop: a run, then a wait of the interval plus jitter, or of an
// exponential backoff after a retryable failure (fetch failed, node locked, stale plan,
// apply failed). A stop signal never interrupts a run (an apply stops between waves
// only through its own rollback): it ends the wait, and the loop returns after the
// run in progress.
import { reconcileOnce, type ReconcileOptions, type ReconcileResult } from './reconcile.js';
import { nextDelay, type DelayPolicy } from './schedule.js';

export interface LoopOptions extends DelayPolicy {
  signal: AbortSignal;
  random?: () => number;
  /** Called after each run with the result and the wait before the next one (undefined when stopping). */
  onRun?: (result: ReconcileResult, nextInMs: number | undefined) => void;
  /** Test seam: the run itself. */
  run?: (o: ReconcileOptions) => Promise<ReconcileResult>;
}

/** Waits `ms`, or less when the signal fires. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Runs until the signal fires; returns the last result (undefined if stopped before the first run). */
export async function runReconcile(options: ReconcileOptions, loop: LoopOptions): Promise<ReconcileResult | undefined> {
  const random = loop.random ?? Math.random;
  const run = loop.run ?? reconcileOnce;
  let failures = 0;
  let last: ReconcileResult | undefined;
  while (!loop.signal.aborted) {
    try {
      last = await run(options);
      failures = last.retryable ? failures + 1 : 0;
    } catch (err) {
      // A run that throws is a bug or an unreadable state folder; keep the agent alive and back off.
      failures += 1;
      last = {
        result: 'failed',
        env: options.envPath,
        message: `run failed: ${(err as Error)?.message ?? String(err)}`,
        retryable: true,
        durationMs: 0,
      };
    }
    if (loop.signal.aborted) {
      loop.onRun?.(last, undefined);
      break;
    }
    const wait = nextDelay(loop, failures, random());
    loop.onRun?.(last, wait);
    await sleep(wait, loop.signal);
  }
  return last;
}
