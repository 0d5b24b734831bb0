// The agent's lease timing, checked once at start (Patroni's rule: the renew loop and
// its retries fit inside the TTL). A renewal is sent every `renewMs`; a failed one is
// retried `retries` times; an attempt tries every endpoint, each bounded by `requestTimeoutMs`. Self-fencing
// starts `fenceBudgetMs` before the deadline, which is the last successful renewal
// (the moment its request was sent, so never later than etcd's own clock start) plus
// the TTL minus `safetyMs`. The retries must be used up before fencing has to start,
// else an agent would fence while a retry that could have saved it is still pending.
// Pure; docs/fleet.md, "Timing rules".

export interface AgentTiming {
  /** Lease TTL, whole seconds (etcd grants leases in seconds). */
  ttlS: number;
  renewMs: number;
  retries: number;
  requestTimeoutMs: number;
  /** etcd endpoints: a renewal tries each in turn before it counts as failed. */
  endpoints: number;
  /** Kept between the fencing deadline and the lease's earliest expiry on etcd's side. */
  safetyMs: number;
  /** Time allowed to remove the owned addresses and verify them gone. */
  fenceBudgetMs: number;
}

export const DEFAULT_TIMING: AgentTiming = {
  ttlS: 10,
  renewMs: 2000,
  retries: 2,
  requestTimeoutMs: 500,
  endpoints: 1,
  safetyMs: 1000,
  fenceBudgetMs: 2000,
};

/** Worst case from the last successful renewal until the agent knows renewing failed. */
export function renewLoopMs(t: AgentTiming): number {
  return t.renewMs + (t.retries + 1) * attemptMs(t);
}

/** One renewal attempt at worst: every endpoint times out in turn. */
export function attemptMs(t: AgentTiming): number {
  return t.requestTimeoutMs * Math.max(1, t.endpoints);
}

/** From the last successful renewal until self-fencing must start. */
export function fenceStartMs(t: AgentTiming): number {
  return t.ttlS * 1000 - t.safetyMs - t.fenceBudgetMs;
}

/** Every broken rule, one sentence each saying what to change; empty when the timing is sound. */
export function timingProblems(t: AgentTiming): string[] {
  const out: string[] = [];
  if (!Number.isInteger(t.ttlS) || t.ttlS < 2 || t.ttlS > 3600)
    out.push(`--ttl ${t.ttlS}: the lease TTL must be a whole number of seconds from 2 to 3600`);
  if (!(t.renewMs >= 100)) out.push(`--renew ${t.renewMs / 1000}: renew at most every 0.1 s`);
  if (!Number.isInteger(t.retries) || t.retries < 0 || t.retries > 10)
    out.push(`--retries ${t.retries}: retries must be a whole number from 0 to 10`);
  if (!(t.requestTimeoutMs >= 100)) out.push(`--request-timeout ${t.requestTimeoutMs}: at least 100 ms`);
  if (out.length) return out;
  const loop = renewLoopMs(t);
  const start = fenceStartMs(t);
  if (loop > start) {
    out.push(
      `the renew loop does not fit inside the TTL: renew ${t.renewMs / 1000} s + ${t.retries + 1} attempts × ` +
        `${attemptMs(t) / 1000} s (${t.requestTimeoutMs / 1000} s for each of ${t.endpoints} endpoints) = ` +
        `${loop / 1000} s, but self-fencing must start ${start / 1000} s after ` +
        `the last renewal (TTL ${t.ttlS} s − safety ${t.safetyMs / 1000} s − fencing ${t.fenceBudgetMs / 1000} s): ` +
        'raise --ttl, or lower --renew, --retries or --request-timeout',
    );
  }
  return out;
}
