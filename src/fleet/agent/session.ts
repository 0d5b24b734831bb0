// The agent's lease: granted at start, renewed every renew interval with bounded
// retries, and self-fenced when renewing keeps failing. The fencing deadline counts from
// the moment the last successful renewal was *sent*: etcd restarts the lease's TTL when
// it receives the renewal, never earlier, so on etcd's side the lease cannot have expired
// before that moment plus the TTL, whatever happened to the reply (timing.ts).
// A session ends once: fenced (renewals failed), lost (etcd says the lease expired) or
// closed (graceful stop); the agent then starts a new one with a new lease.
import type { EtcdClient } from '../etcd/client.js';
import { fenceStartMs, type AgentTiming } from './timing.js';

export type SessionEnd = 'fenced' | 'lost' | 'closed';

export interface SessionHooks {
  /** Remove every owned address now; must finish within the fence budget. */
  fence(reason: string): Promise<void>;
  log(line: string): void;
}

const monotonic = () => performance.now();

export class LeaseSession {
  ended?: SessionEnd;
  /** Monotonic ms when the last successful renewal (or the grant) was sent. */
  lastRenewal = 0;
  failures = 0;
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

  private renewed(sent: number): void {
    this.lastRenewal = sent;
    this.failures = 0;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.selfFence(), Math.max(0, this.fenceInMs));
  }

  private async selfFence(): Promise<void> {
    if (this.ended) return;
    this.ended = 'fenced';
    this.wake?.();
    const since = ((this.clock() - this.lastRenewal) / 1000).toFixed(1);
    const reason =
      `lease ${this.id} not renewed for ${since} s (${this.failures} failed attempts): ` +
      `self-fencing; the lease can expire on etcd's side ` +
      `${((this.timing.safetyMs + this.timing.fenceBudgetMs) / 1000).toFixed(1)} s from now at the earliest`;
    this.hooks.log(reason);
    try {
      await this.hooks.fence(reason);
    } finally {
      this.finish('fenced');
    }
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
              `self-fencing in ${(this.fenceInMs / 1000).toFixed(1)} s unless one succeeds`,
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
    this.hooks.log(`${why}: removing the addresses it owned`);
    void this.hooks.fence(why).finally(() => this.finish('lost'));
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
