// The agent's lease: granted at start, renewed every renew interval with bounded
// retries, and self-fenced when renewing keeps failing. The fencing deadline counts from
// the moment the last successful renewal was *sent*: etcd restarts the lease's TTL when
// it receives the renewal, never earlier, so on etcd's side the lease cannot have expired
// before that moment plus the TTL, whatever happened to the reply (timing.ts).
// A session ends once: fenced (renewals failed), lost (etcd says the lease expired) or
// closed (graceful stop); the agent then starts a new one with a new lease.
// Coordinator loss `hold` (coordinator-loss.ts): when the fence hook keeps addresses, the
// session does not end at the deadline. It goes on renewing the same lease; a renewal
// that succeeds ends the hold with every key still ours, an answer that the lease expired
// ends the session as lost (the hook then removes everything), and the agent ends the hold
// itself (`endHold`) once nothing is held any more.
import type { EtcdClient } from '../etcd/client.js';
import { fenceStartMs, type AgentTiming } from './timing.js';

export type SessionEnd = 'fenced' | 'lost' | 'closed';

export interface SessionHooks {
  /**
   * Remove the owned addresses now; must finish within the fence budget. At the deadline
   * (not when the lease is known lost) it may keep addresses of policy hold: true then.
   */
  fence(reason: string, at: 'deadline' | 'lost'): Promise<boolean>;
  /** Whether the fence at the deadline may keep anything (some owned address has policy hold). */
  mayHold?(): boolean;
  /** A renewal succeeded while holding: the lease and every key are still ours. */
  resumed?(heldMs: number): void;
  log(line: string): void;
}

const monotonic = () => performance.now();

export class LeaseSession {
  ended?: SessionEnd;
  /** Monotonic ms when the last successful renewal (or the grant) was sent. */
  lastRenewal = 0;
  failures = 0;
  /** Monotonic ms since when addresses are held past the deadline (coordinator loss hold). */
  holdingSince?: number;
  private timer?: NodeJS.Timeout;
  private wake?: () => void;
  private readonly finished: Promise<SessionEnd>;
  private finish!: (end: SessionEnd) => void;

  private constructor(
    private readonly client: EtcdClient,
    readonly timing: AgentTiming,
    readonly id: string,
    readonly ttlS: number,
    sent: number,
    private readonly hooks: SessionHooks,
    private readonly clock: () => number,
  ) {
    this.finished = new Promise((resolve) => (this.finish = resolve));
    this.renewed(sent);
  }

  static async grant(
    client: EtcdClient,
    timing: AgentTiming,
    hooks: SessionHooks,
    clock: () => number = monotonic,
  ): Promise<LeaseSession> {
    const sent = clock();
    const lease = await client.leaseGrant(timing.ttlS);
    // etcd may grant more than asked (its minimum TTL), never trust it for less.
    const session = new LeaseSession(client, timing, lease.id, lease.ttl, sent, hooks, clock);
    void session.loop();
    return session;
  }

  /** Resolves with how the session ended. */
  get done(): Promise<SessionEnd> {
    return this.finished;
  }

  /** The renewals are current: the last one succeeded within one renew interval and its retries. */
  get healthy(): boolean {
    return !this.ended && this.failures === 0;
  }

  /** Milliseconds until self-fencing starts (negative once it has). */
  get fenceInMs(): number {
    return fenceStartMs(this.timing) - (this.clock() - this.lastRenewal);
  }

  get holding(): boolean {
    return !this.ended && this.holdingSince !== undefined;
  }

  private renewed(sent: number): void {
    this.lastRenewal = sent;
    this.failures = 0;
    if (this.holdingSince !== undefined) {
      const heldMs = this.clock() - this.holdingSince;
      this.holdingSince = undefined;
      this.hooks.resumed?.(heldMs);
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.selfFence(), Math.max(0, this.fenceInMs));
  }

  private async selfFence(): Promise<void> {
    if (this.ended || this.holdingSince !== undefined) return;
    const mayHold = this.hooks.mayHold?.() ?? false;
    // Without anything to hold, renewing stops here: the session is over whatever etcd says next.
    if (!mayHold) this.ended = 'fenced';
    this.wake?.();
    const since = ((this.clock() - this.lastRenewal) / 1000).toFixed(1);
    const reason =
      `lease ${this.id} not renewed for ${since} s (${this.failures} failed attempts): ` +
      `self-fencing; the lease can expire on etcd's side ` +
      `${((this.timing.safetyMs + this.timing.fenceBudgetMs) / 1000).toFixed(1)} s from now at the earliest`;
    this.hooks.log(reason);
    const renewalBefore = this.lastRenewal;
    let holding = false;
    try {
      holding = await this.hooks.fence(reason, 'deadline');
    } finally {
      if (!mayHold) this.finish('fenced');
      else if (this.ended) {
        // Lost meanwhile: lost() fenced and ends the session.
      } else if (this.lastRenewal !== renewalBefore) {
        // A renewal succeeded during the fence: what was held is still ours; what was removed,
        // the agent forgot, so that session ends as after any fence.
        if (holding) this.hooks.resumed?.(0);
        else this.end('fenced');
      } else if (holding) this.holdingSince = this.clock();
      else this.end('fenced');
    }
  }

  /** The agent holds nothing any more: the session ends as fenced (a new lease follows). */
  endHold(): void {
    if (this.holdingSince === undefined || this.ended) return;
    this.holdingSince = undefined;
    this.end('fenced');
  }

  private end(how: SessionEnd): void {
    this.ended = how;
    clearTimeout(this.timer);
    this.wake?.();
    this.finish(how);
  }

  private async loop(): Promise<void> {
    while (!this.ended) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, this.timing.renewMs);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      for (let attempt = 0; attempt <= this.timing.retries && !this.ended; attempt++) {
        const sent = this.clock();
        try {
          const r = await this.client.leaseKeepAlive(this.id);
          if (this.ended) return;
          if (r.ttl > 0) {
            this.renewed(sent);
            break;
          }
          this.lost(`etcd says lease ${this.id} has expired`);
          return;
        } catch (err) {
          if (this.ended) return;
          this.failures++;
          if (isExpired(err)) return this.lost(`lease ${this.id} is gone: ${(err as Error).message}`);
          this.hooks.log(
            `lease ${this.id}: renewal failed (${(err as Error).message}); ` +
              (this.holdingSince !== undefined
                ? 'holding without coordinator'
                : `self-fencing in ${(this.fenceInMs / 1000).toFixed(1)} s unless one succeeds`),
          );
        }
      }
    }
  }

  private lost(why: string): void {
    // Expired on etcd's side: another agent may own our addresses already. Fence at once.
    if (this.ended) return;
    clearTimeout(this.timer);
    this.ended = 'lost';
    this.holdingSince = undefined;
    this.hooks.log(`${why}: removing the addresses it owned`);
    void this.hooks.fence(why, 'lost').finally(() => this.finish('lost'));
  }

  /** Graceful end: stop renewing and revoke the lease (its keys go with it). */
  async close(revoke: boolean): Promise<void> {
    if (!this.ended) {
      this.ended = 'closed';
      clearTimeout(this.timer);
      this.wake?.();
      this.finish('closed');
    }
    if (revoke) await this.client.leaseRevoke(this.id);
  }

  /** Stops timers without touching etcd (the session already ended). */
  dispose(): void {
    clearTimeout(this.timer);
    this.wake?.();
  }
}

function isExpired(err: unknown): boolean {
  return /lease not found|requested lease not found/i.test((err as Error)?.message ?? '');
}
