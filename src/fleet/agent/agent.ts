// `tandem agent`: one long-running process per node (docs/fleet.md, "The agent"). It
// keeps a lease (session.ts), owns relocatable addresses through owner keys
// (ownership.ts), converges its own node on the desired state with etcd ownership
// deciding the relocatable addresses (converge.ts), publishes its status
// (heartbeat.ts), self-fences when renewals fail, and on a stop removes what it owns,
// releases the keys and revokes the lease.
//
// A planned switchover: the desired active node changes. The owner's pass finds it owns
// an address it no longer should: it plans without it (the address is removed and the
// removal verified by apply), observes it gone, then deletes the key only while it still
// has its create revision, with the standby keys written beside it. The new node's agent,
// woken by the deletion of its standby key, finds the owner key absent, creates it (and
// the standby keys of the other placements) on its lease, and its pass adds the address
// (uniqueness check, GARP) through applyPlan.
import { auditFile } from '../../apply/index.js';
import { writerFor } from '../../apply/writer.js';
import { SshSessions } from '../../observe/drivers/linux/ssh-session.js';
import type { DriverOptions } from '../../observe/drivers/index.js';
import type { EtcdClient } from '../etcd/client.js';
import { standbyPrefix } from '../keys.js';
import type { AgentOwnedAddress } from '../status-types.js';
import { intervalMsOf } from './health.js';
import { RuntimeState } from './runtime-step.js';
import { standbysOf } from './runtime.js';
import { CipState, cipUnknown, type CipInput, type CipStepResult } from './cip-step.js';
import type { AgentCondition } from '../status-types.js';
import { AgentAudit } from './audit.js';
import { convergePass, type Exclusion, type NodeLocker, type PassResult } from './converge.js';
import type { Desired, DesiredSource } from './desired.js';
import { removeRelocatables, type HeldAddress } from './fence.js';
import { agentId, Heartbeat, heartbeatState } from './heartbeat.js';
import { Grace } from './grace.js';
import { Ownership, type OwnerRecord } from './ownership.js';
import { watchDeletes } from './watch.js';
import { Wake } from './wake.js';
import { LeaseSession } from './session.js';
import { CoordinatorHold } from './hold.js';
import { PARTNER_CHECK_MS } from './coordinator-loss.js';
import { pairsOf, takeExclusion } from './slots.js';
import type { AgentTiming } from './timing.js';
import type { PlanDocument } from '../../plan/document.js';

export interface AgentOptions {
  node: string;
  client: EtcdClient;
  timing: AgentTiming;
  source: DesiredSource;
  /** The cluster name (key prefix) of a desired state. */
  clusterOf: (d: Desired) => string;
  lockNode: NodeLocker;
  lab?: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  intervalMs: number;
  graceMs: number;
  signal: AbortSignal;
  log: (line: string) => void;
}

export class Agent {
  private session?: LeaseSession;
  private ownership?: Ownership;
  private heartbeat?: Heartbeat;
  private desired?: Desired;
  private cluster?: string;
  private readonly audit: AgentAudit;
  private readonly sessions = new SshSessions();
  private readonly wake = new Wake();
  /** When the desired state was last read (performance.now()). */
  private desiredReadAt = -Infinity;
  private readonly grace: Grace;
  private readonly waitingFor = new Map<string, string>();
  /** Relocatable addresses seen on the node by the last pass: self-fencing removes them first. */
  private lastHeld: HeldAddress[] = [];
  private passing = false;
  private fencedInPass = false;
  private watching?: AbortController;
  /** Health, local recovery, failover and switchback decisions (runtime-step.ts). */
  private readonly runtime = new RuntimeState();
  /** CIP interface failover: which failover interfaces' resources this node holds (cip-step.ts). */
  private readonly cip = new CipState();
  private readonly releaseReason = new Map<string, string>();
  private runtimeReport: { owned: AgentOwnedAddress[]; unhealthy: string[] } = { owned: [], unhealthy: [] };
  /** Sooner than the interval: a failover claim's turn, a hold-down ending, a health check due. */
  private nextPassInMs?: number;
  /** The node lock or rollout slot the last pass was locked out by, watched until it goes. */
  private waitingOnKey?: { key: string; ctl: AbortController };
  /** Owned addresses of policy hold kept past the lease deadline (docs/fleet.md, "Coordinator loss"). */
  private readonly hold: CoordinatorHold;
  private fencing: Promise<boolean> = Promise.resolve(false);

  constructor(private readonly o: AgentOptions) {
    this.audit = new AgentAudit(auditFile({ env: o.env, cwd: o.cwd }), o.node, agentId());
    this.hold = new CoordinatorHold({
      node: o.node,
      writer: () => this.writer(this.desired!),
      desired: () => this.desired!,
      audit: this.audit,
      log: o.log,
    });
    this.grace = new Grace(o.graceMs, (name) => {
      o.log(
        `${name} is on ${o.node} but ${o.node} does not own it in etcd: ` +
          `removing it in ${(o.graceMs / 1000).toFixed(1)} s unless it is owned by then`,
      );
      this.audit.record({ event: 'agent-grace', address: name, detail: { graceMs: o.graceMs } });
    });
  }

  private get driverOptions(): DriverOptions {
    return { lab: this.o.lab, sessions: this.sessions, env: this.o.env, cwd: this.o.cwd };
  }

  private writer(d: Desired) {
    const doc = d.model.nodeByName.get(this.o.node)!.doc;
    return writerFor(doc, { ...this.driverOptions, envDir: d.envDir });
  }

  /** Reads the desired state; the first read must succeed and name this node. */
  async start(): Promise<string | undefined> {
    // The first pass runs on this read: a restarted agent adopts its node's keys sooner.
    this.desiredReadAt = performance.now();
    const r = await this.o.source.read();
    if (!r.ok) return r.message;
    if (!r.desired.model.nodeByName.has(this.o.node))
      return `${this.o.source.describe()} has no node named ${this.o.node}`;
    this.useDesired(r.desired);
    this.audit.record({ event: 'agent-start', detail: { source: this.o.source.describe(), cluster: this.cluster } });
    this.o.log(`agent for ${this.o.node} in cluster ${this.cluster}, desired state from ${this.o.source.describe()}`);
    return undefined;
  }

  private useDesired(d: Desired): void {
    const cluster = this.o.clusterOf(d);
    if (this.cluster && cluster !== this.cluster)
      this.o.log(`the cluster name changed from ${this.cluster} to ${cluster}: keys follow the new name`);
    this.desired = d;
    if (cluster !== this.cluster) {
      this.cluster = cluster;
      this.ownership = new Ownership(this.o.client, cluster, this.o.node, agentId());
      this.heartbeat = new Heartbeat(this.o.client, cluster, this.o.node, this.o.source.describe());
      this.restartWatch();
    }
  }

  private restartWatch(): void {
    this.watching?.abort();
    const ctl = new AbortController();
    this.watching = ctl;
    this.o.signal.addEventListener('abort', () => ctl.abort(), { once: true });
    watchDeletes(this.o.client, [{ key: standbyPrefix(this.cluster!, this.o.node) }], ctl.signal, () =>
      this.wake.now(),
    );
  }

  /** Watches the key a pass was locked out by (until it is deleted), or stops watching. */
  private waitOnKey(key: string | undefined): void {
    if (this.waitingOnKey?.key === key) return;
    this.waitingOnKey?.ctl.abort();
    this.waitingOnKey = undefined;
    if (!key) return;
    const ctl = new AbortController();
    this.o.signal.addEventListener('abort', () => ctl.abort(), { once: true });
    this.waitingOnKey = { key, ctl };
    watchDeletes(this.o.client, [{ key, exact: true }], ctl.signal, () => this.wake.now());
  }

  /** Runs until the signal fires, then stops gracefully. Returns the exit code. */
  async run(): Promise<number> {
    while (!this.o.signal.aborted) {
      await this.ensureSession();
      if (this.session?.holding) {
        // Without etcd no pass can run: only the partners are watched, and the lease renewed.
        await this.hold.recheck();
        if (this.hold.held.size === 0) this.session.endHold();
        await this.wake.sleep(PARTNER_CHECK_MS, this.o.signal);
        continue;
      }
      this.passing = true;
      this.fencedInPass = false;
      let quick = false;
      try {
        quick = await this.pass();
      } catch (err) {
        this.o.log(`pass failed: ${(err as Error).message}`);
        await this.beat('Stalled', `pass failed: ${(err as Error).message}`);
      } finally {
        this.passing = false;
      }
      // A fence that ran while the pass could still have been writing: fence again after it.
      if (this.fencedInPass) await this.fence('fenced during a pass: removing again after it ended', 'again');
      if (this.o.signal.aborted) break;
      const soon = Math.min(this.o.intervalMs, this.nextPassInMs ?? Infinity, this.healthDueInMs());
      this.nextPassInMs = undefined;
      await this.wake.sleep(quick ? 50 : soon, this.o.signal);
    }
    return this.stop();
  }

  private async ensureSession(): Promise<void> {
    if (this.session && !this.session.ended) return;
    if (this.session) {
      this.session.dispose();
      this.ownership?.forgetAll();
      this.cip.forgetAll();
      this.session = undefined;
    }
    try {
      this.session = await LeaseSession.grant(this.o.client, this.o.timing, {
        fence: (reason, at) => this.fence(reason, at),
        mayHold: () => this.hold.holdable(this.ownership?.owned.keys() ?? []).length > 0,
        resumed: () => {
          this.hold.end('resumed', '');
          this.wake.now();
        },
        log: (line) => this.o.log(line),
      });
      this.audit.record({
        event: 'agent-lease',
        result: 'granted',
        detail: { lease: this.session.id, ttl: this.session.ttlS },
      });
      this.o.log(`lease ${this.session.id} granted (TTL ${this.session.ttlS} s)`);
      // Alive at once, before the first pass does anything slow: a restarted agent's
      // previous heartbeat goes with its old lease, and without a new one the other
      // placements take the node for dead and claim its addresses without waiting their turn.
      await this.beat('Reconciling', 'starting');
    } catch (err) {
      this.o.log(`no lease: ${(err as Error).message}; owning nothing until etcd answers`);
    }
  }

  /**
   * Self-fencing and lost leases: every relocatable address off the node, at once, except
   * at the deadline those of policy hold whose partners answer (true when any is kept).
   */
  private fence(reason: string, at: 'deadline' | 'lost' | 'again'): Promise<boolean> {
    if (this.passing) this.fencedInPass = true;
    // One at a time: a fence after a pass must see what the deadline's fence decided to hold.
    const next = this.fencing.then(() => this.fenceNow(reason, at));
    this.fencing = next.catch(() => false);
    return next;
  }

  private async fenceNow(reason: string, at: 'deadline' | 'lost' | 'again'): Promise<boolean> {
    const d = this.desired!;
    // Renewals resumed while holding: the pass that ran meanwhile wrote under a live lease.
    if (at === 'again' && this.session && !this.session.ended && !this.session.holding) return false;
    const owned = this.ownership?.tokens() ?? new Map<string, number>();
    const tokens = Object.fromEntries(owned);
    const s = this.session;
    const wall = (mono: number) => new Date(Date.now() - (performance.now() - mono)).toISOString();
    if (at === 'lost') this.hold.end('lost', reason);
    const candidates =
      at === 'deadline' ? this.hold.holdable(owned.keys()) : at === 'again' ? [...this.hold.held.keys()] : [];
    // The rest goes first: it races the deadline; the partners are pinged after.
    const rest = candidates.length
      ? new Set(d.model.relocatables.map((x) => x.name).filter((n) => !candidates.includes(n)))
      : undefined;
    const r = await removeRelocatables(this.writer(d), d.model, rest, this.lastHeld);
    // What it hosts for a failed-over interface goes too: nothing outlives the lease it is held on.
    const hosted = await this.cip.removeHosted(this.writer(d), d).catch(() => ({ gone: [], remaining: ['?'] }));
    r.removed.push(...hosted.gone);
    r.remaining.push(...hosted.remaining);
    this.cip.forgetAll();
    const kept = at === 'deadline' && candidates.length ? await this.hold.begin(candidates, this.lastHeld, owned) : [];
    if (at === 'again') kept.push(...this.hold.held.keys());
    // Holding, the keys may still be ours when etcd answers again: a renewal then keeps them all.
    if (kept.length === 0) this.ownership?.forgetAll();
    // When the lease was last renewed and the deadline counted from it, against when the addresses went.
    const times = s
      ? {
          lastRenewalAt: wall(s.lastRenewal),
          deadline: wall(s.lastRenewal + s.ttlS * 1000 - this.o.timing.safetyMs),
          ...(r.removedAtMs !== undefined ? { removedAt: wall(r.removedAtMs) } : {}),
        }
      : {};
    this.audit.record({
      event: 'agent-fence',
      result: r.remaining.length || r.error ? 'failed' : 'ok',
      ...(r.error ? { error: r.error } : {}),
      detail: {
        reason,
        removed: r.removed,
        remaining: r.remaining,
        fencing: tokens,
        durationMs: Math.round(r.durationMs),
        ...(kept.length ? { held: kept } : {}),
        ...times,
      },
    });
    this.o.log(
      `fenced in ${Math.round(r.durationMs)} ms: removed ${r.removed.join(', ') || 'nothing'}` +
        (r.remaining.length ? `; STILL HELD: ${r.remaining.join(', ')}` : '') +
        (r.error ? ` (${r.error})` : '') +
        (kept.length ? `; held without coordinator (policy hold): ${kept.join(', ')}` : ''),
    );
    if (kept.length) return true;
    await this.beat('Fenced', reason).catch(() => undefined);
    return false;
  }

  /** One pass; true when another should follow at once (a key was released or won). */
  private async pass(): Promise<boolean> {
    const started = performance.now();
    // A pass sooner than an interval after the last read (woken by etcd: an owner gone, a
    // lock freed; a claim's follow-up; a health check due) runs on the state read then:
    // fetching git first would add the remote's latency to a failover.
    if (started - this.desiredReadAt >= this.o.intervalMs && !(await this.readDesired())) return false;
    const d = this.desired!;
    const node = this.o.node;
    const session = this.session;
    const ownership = this.ownership!;
    let quick = false;
    let retryInMs: number | undefined;
    const releasing = new Set<string>();
    let ifaces: ReadonlyMap<string, string> | undefined;
    const writer = this.writer(d);
    const observed = await writer.observe();
    let cipRun: { input: CipInput; result: CipStepResult } | undefined;
    if (session && !session.ended && observed.ok) {
      // The owner keys of what this node holds or could hold: its placements and its keys.
      const relevant = new Set(ownership.owned.keys());
      for (const r of d.model.relocatables)
        if (r.doc.spec.placements.some((p) => p.node === node)) relevant.add(r.name);
      const owners = await ownership.view(relevant, d.model.relocatables.length);
      for (const name of ownership.lostIn(owners)) {
        this.o.log(`lost ownership of ${name}: its key is gone or recreated; removing it from ${node}`);
        this.audit.record({ event: 'agent-lost', address: name });
      }
      const rt = await this.runtime.step({
        desired: d,
        node,
        obs: observed,
        writer,
        client: this.o.client,
        cluster: this.cluster!,
        ownership,
        owners,
        lease: session.id,
        mayClaim: session.healthy,
        audit: this.audit,
        log: this.o.log,
      });
      for (const [name, why] of rt.releasing) {
        releasing.add(name);
        this.releaseReason.set(name, why);
      }
      ifaces = rt.ifaces;
      retryInMs = rt.retryInMs;
      this.runtimeReport = { owned: rt.owned, unhealthy: rt.unhealthy };
      for (const name of [...this.waitingFor.keys()]) if (!rt.waiting.has(name)) this.waitingFor.delete(name);
      for (const [name, text] of rt.waiting) {
        if (this.waitingFor.get(name) === text) continue;
        this.waitingFor.set(name, text);
        this.o.log(`${name} should be active on ${node}; waiting for its owner ${text} to release it`);
      }
      if (rt.claimed.length) quick = true;
      const input: CipInput = {
        desired: d,
        node,
        obs: observed,
        writer,
        client: this.o.client,
        cluster: this.cluster!,
        agent: agentId(),
        lease: session.id,
        mayClaim: session.healthy,
        audit: this.audit,
        log: this.o.log,
      };
      cipRun = { input, result: await this.cip.step(input) };
      if (cipRun.result.claimed.length) quick = true;
      if (cipRun.result.retryInMs !== undefined) retryInMs = Math.min(retryInMs ?? Infinity, cipRun.result.retryInMs);
      // Placements changed in the desired state: the standby keys follow.
      for (const r of d.model.relocatables)
        if (ownership.owned.has(r.name) && !releasing.has(r.name))
          await ownership.keepStandbys(r.name, standbysOf(r, node));
    }
    const tokens = new Map([...ownership.tokens()].filter(([n]) => !releasing.has(n)));
    const result = await convergePass({
      desired: d,
      node,
      writer,
      tokens,
      ...(ifaces ? { ifaces } : {}),
      cip: cipRun?.result.placement ?? cipUnknown(d, node),
      observed,
      grace: (names) => this.grace.graced(names),
      releasing,
      mayWrite: () => this.mayWrite(tokens.size > 0 || this.cip.held.size > 0),
      exclusion: (plan) => this.exclusion(plan),
      driverOptions: this.driverOptions,
      env: this.o.env,
      cwd: this.o.cwd,
      audit: this.audit,
    });
    this.lastHeld = result.heldAt;
    if (ifaces) this.runtime.noteApply(d, result.apply, ifaces);
    this.waitOnKey(result.outcome === 'locked' ? result.waitKey : undefined);
    this.reportPass(result);
    // Released only once the address is verified gone from this node.
    if (session && !session.ended && (result.outcome === 'applied' || result.outcome === 'nothing-to-do')) {
      // Released as unhealthy: the standbys must read that in this node's heartbeat when woken.
      if ([...releasing].some((n) => this.releaseReason.get(n) === 'unhealthy'))
        await this.beat('Reconciling', 'releasing addresses it cannot keep healthy');
      for (const name of releasing) {
        if (result.held.has(name)) continue;
        const token = ownership.owned.get(name)?.token;
        const deleted = await ownership.release(name);
        const reason = this.releaseReason.get(name) ?? 'switchover';
        this.releaseReason.delete(name);
        this.audit.record({
          event: 'agent-release',
          address: name,
          fencing: token,
          result: deleted ? 'released' : 'already-gone',
          detail: { reason },
        });
        this.o.log(`released ${name} (fencing token ${token}, ${reason}): verified gone from ${node}`);
        quick = true;
      }
      // The other node reads this node's link in its heartbeat when woken by the release.
      if (cipRun?.result.releasing.size) {
        await this.beat('Reconciling', 'releasing CIP failover interfaces');
        const after = await writer.observe();
        if ((await this.cip.releaseVerified(cipRun.input, cipRun.result.releasing, after)).length) quick = true;
      }
    }
    const condition: AgentCondition =
      result.outcome === 'nothing-to-do' && releasing.size === 0 && this.waitingFor.size === 0
        ? 'Ready'
        : result.outcome === 'refused' || result.outcome === 'failed'
          ? 'Stalled'
          : 'Reconciling';
    await this.beat(condition, result.message, { result, durationMs: performance.now() - started });
    if (retryInMs !== undefined) this.nextPassInMs = retryInMs;
    return quick || result.outcome === 'applied';
  }

  /** Reads the desired state again; false when there is none to converge on yet. */
  private async readDesired(): Promise<boolean> {
    this.desiredReadAt = performance.now();
    const read = await this.o.source.read();
    if (!read.ok) {
      this.o.log(read.message);
      await this.beat('Stalled', read.message);
    } else if (!read.desired.model.nodeByName.has(this.o.node)) {
      const message = `${this.o.source.describe()} no longer has node ${this.o.node}: not converged on`;
      this.o.log(message);
      await this.beat('Stalled', message);
    } else {
      this.useDesired(read.desired);
    }
    return this.desired !== undefined;
  }

  /** The owned addresses' health checks run on their own interval, which may be shorter than the pass interval. */
  private healthDueInMs(): number {
    const d = this.desired;
    if (!d || !this.ownership?.owned.size) return Infinity;
    let soonest = Infinity;
    for (const r of d.model.relocatables)
      if (this.ownership.owned.has(r.name)) soonest = Math.min(soonest, intervalMsOf(r, d.model.cluster?.doc));
    return soonest;
  }

  private mayWrite(owning: boolean): string | undefined {
    const s = this.session;
    if (!owning) return undefined;
    if (!s || s.ended) return 'no lease';
    if (!s.healthy) return `lease ${s.id} renewals are failing`;
    return undefined;
  }

  private async exclusion(plan: PlanDocument): Promise<Exclusion> {
    const s = this.session;
    // Without a lease the agent owns nothing and can only remove: the file lock alone guards that.
    if (!s || s.ended) return { ok: true, release: () => Promise.resolve() };
    const r = await takeExclusion(this.o.client, this.o.lockNode, {
      cluster: this.cluster!,
      node: this.o.node,
      pairs: pairsOf(this.desired!.model, this.o.node),
      lease: s.id,
      plan,
    });
    if (!r.ok) this.audit.record({ event: 'agent-slot', result: 'waiting', error: r.message });
    return r;
  }

  private reportPass(r: PassResult): void {
    if (r.outcome === 'nothing-to-do') return;
    this.audit.record({
      event: 'agent-converge',
      result: r.outcome,
      ...(r.plan ? { detail: { plan: r.plan.id } } : {}),
    });
    this.o.log(`${r.outcome}: ${r.message.split('\n').join('\n  ')}`);
  }

  private async beat(
    condition: AgentCondition,
    message: string,
    last?: { result: PassResult; durationMs: number },
  ): Promise<void> {
    const s = this.session;
    if (!s || s.ended || !this.heartbeat || !this.desired) return;
    this.heartbeat.state = heartbeatState({
      condition,
      message,
      desired: this.desired,
      owned: this.ownership?.owned ?? new Map<string, OwnerRecord>(),
      report: this.runtimeReport,
      holdTransitions: this.hold.transitions,
      cip: this.cip.reported,
      ...(last ? { last: { outcome: last.result.outcome, durationMs: last.durationMs } } : {}),
    });
    await this.heartbeat.beat(s.id, s.ttlS).catch((err: Error) => this.o.log(`heartbeat failed: ${err.message}`));
  }

  /** Graceful stop: owned addresses off, verified, keys deleted, lease revoked. */
  private async stop(): Promise<number> {
    this.watching?.abort();
    this.waitOnKey(undefined);
    const d = this.desired!;
    const owned = new Map<string, OwnerRecord>(this.ownership?.owned ?? []);
    await this.beat('Stopping', 'SIGTERM: releasing what it owns');
    const r = await removeRelocatables(this.writer(d), d.model, new Set(owned.keys()), this.lastHeld);
    // Failed-over interfaces it hosts go back: removed, verified gone, released (cip-step.ts).
    const hosted = await this.cip.removeHosted(this.writer(d), d).catch(() => ({ gone: [], remaining: ['?'] }));
    for (const key of hosted.gone)
      if (this.session && !this.session.ended)
        await this.cip.releaseGone(this.o.client, this.cluster!, d, this.o.node, key).catch(() => false);
    r.removed.push(...hosted.gone);
    r.remaining.push(...hosted.remaining);
    let code = 0;
    if (r.remaining.length || r.error) {
      code = 1;
      this.o.log(
        `stop: could not remove ${r.remaining.join(', ')}${r.error ? ` (${r.error})` : ''}: ` +
          'keys kept until the lease expires',
      );
    } else {
      for (const [name, rec] of owned) {
        const ok = await this.ownership!.release(name).catch(() => false);
        this.audit.record({
          event: 'agent-release',
          address: name,
          fencing: rec.token,
          result: ok ? 'released' : 'failed',
        });
      }
    }
    if (this.session && !this.session.ended && code === 0) {
      await this.session.close(true).catch((err: Error) => this.o.log(`lease revoke failed: ${err.message}`));
    } else this.session?.dispose();
    this.audit.record({
      event: 'agent-stop',
      result: code === 0 ? 'ok' : 'failed',
      detail: { removed: r.removed, remaining: r.remaining },
    });
    this.o.log(`stopped: removed ${r.removed.join(', ') || 'nothing'}, ${owned.size} keys released, lease revoked`);
    await this.sessions.close();
    return code;
  }
}
