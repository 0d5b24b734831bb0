// What ends the agent's sleep between passes early: a watched key deleted (an owner key
// of an address it stands by for, the lock it waits for), a lease renewed again. A wake
// that comes while a pass runs is kept for the sleep after it: that pass may have read
// the keys before the deletion, and dropping the wake left the failover to the next
// interval (found by the failover soak, test/fleet/wake.test.ts).
export class Wake {
  private pending = false;
  private wakeSleeper?: () => void;

  /** Ends the current sleep, or the next one at once. */
  now(): void {
    this.pending = true;
    this.wakeSleeper?.();
  }

  /** Sleeps `ms` unless woken; 'woken' when a wake ended it (or came before it). */
  sleep(ms: number, signal: AbortSignal): Promise<'woken' | 'timer'> {
    if (this.pending || signal.aborted) {
      this.pending = false;
      return Promise.resolve('woken');
    }
    return new Promise((resolve) => {
      const done = (why: 'woken' | 'timer') => {
        clearTimeout(t);
        signal.removeEventListener('abort', onAbort);
        this.wakeSleeper = undefined;
        this.pending = false;
        resolve(why);
      };
      const onAbort = () => done('woken');
      const t = setTimeout(() => done('timer'), ms);
      this.wakeSleeper = () => done('woken');
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}
