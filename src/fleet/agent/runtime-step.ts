// One pass's run-time decisions for the relocatable addresses of the agent's node, from
// the facts gathered here: the node's observation, the owned addresses' health checks,
// the owner keys, and (only when a decision needs them) the heartbeats of the other
// placements. Returns what the pass does: claims won, addresses to release and why, the
// interface each owned address goes on (local recovery), and what the heartbeat reports.
// The decisions themselves are the pure functions of runtime.ts.
import type { ApplyResult } from '../../apply/index.js';
import type { WritableNode } from '../../apply/writable-node.js';
import { hostPart, parseCidr } from '../../model/ip.js';
import type { Observation } from '../../observe/model.js';
import type { EtcdClient } from '../etcd/client.js';
import { agentKey } from '../keys.js';
import type { AgentOwnedAddress, AgentStatus } from '../status-types.js';
import type { AgentAudit, AgentEvent } from './audit.js';
import type { Desired } from './desired.js';
import { HealthTracker, linkUsable, type CheckOutcome } from './health.js';
import type { Ownership, OwnerRecord } from './ownership.js';
import {
  claimDecision,
  failoverOrder,
  HOLD_DOWN_MS,
  ownedInterface,
  ownerKeeps,
  standbysOf,
  STARTUP_GRACE_MS,
  type PeerView,
  type Reloc,
} from './runtime.js';

export interface RuntimeInput {
  desired: Desired;
  node: string;
  obs: Observation;
  writer: WritableNode;
  client: EtcdClient;
  cluster: string;
  ownership: Ownership;
  owners: ReadonlyMap<string, OwnerRecord>;
  lease: string;
  /** The lease is being renewed: claims are allowed. */
  mayClaim: boolean;
  audit: AgentAudit;
  log: (line: string) => void;
}

export interface RuntimeResult {
  /** Owned names to remove from the node and release, with the reason. */
  releasing: Map<string, 'switchover' | 'switchback' | 'unhealthy' | 'left-environment'>;
  /** Owned name -> the interface it goes on. */
  ifaces: Map<string, string>;
  /** Names claimed in this pass. */
  claimed: string[];
  /** Run again within this many ms (a failover claim waiting its turn). */
  retryInMs?: number;
  unhealthy: string[];
  owned: AgentOwnedAddress[];
  /** Desired-active addresses held by another owner: name -> who. */
  waiting: Map<string, string>;
}

type RuntimeEvent = AgentEvent['event'];

/** Why the placements before `node` in failover order did not claim first, for the claim's audit line. */
function aheadOf(r: Reloc, node: string, peers: ReadonlyMap<string, PeerView>): string {
  const order = failoverOrder(r);
  const before = order.slice(
    0,
    order.findIndex((p) => p.node === node),
  );
  if (!before.length) return 'first in order';
  return before
    .map((p) => {
      const v = peers.get(p.node);
      return `${p.node} ${!v?.alive ? 'has no live agent' : v.healthy ? 'did not claim in its turn' : 'is unhealthy'}`;
    })
    .join(', ');
}

export class RuntimeState {
  readonly health = new HealthTracker();
  /** When an owner key was first seen absent, by name. */
  private readonly absentSince = new Map<string, number>();
  /** Names released as unhealthy, and when: not claimed again within the hold-down. */
  private readonly failedAt = new Map<string, number>();
  /** An interface whose check failed, by `name:iface`, and when. */
  private readonly ifaceFailedAt = new Map<string, number>();
  private readonly transitions = new Map<string, { event: string; reason: string; at: string }>();
  /** Nodes whose heartbeat this agent has read: absent later means dead, not starting. */
  private readonly seenAlive = new Set<string>();
  private readonly startedAt = performance.now();
  /** Why the last add of an owned address failed its health check, by name. */
  private readonly addFailure = new Map<string, string>();

  /**
   * An apply whose add of an owned address failed its health check right after (rolled
   * back, so no periodic check sees the address): its interface counts as failed for the
   * hold-down, so the next pass recovers or fails it over instead of adding it again.
   */
  noteApply(d: Desired, apply: ApplyResult | undefined, ifaces: ReadonlyMap<string, string>): void {
    const error = apply?.failed?.error;
    if (!error?.startsWith('post check failed: health of ')) return;
    for (const r of d.model.relocatables) {
      const c = parseCidr(r.doc.spec.address);
      const iface = ifaces.get(r.name);
      if (!c || !iface || !error.includes(`health of ${hostPart(c.cidr)}:`)) continue;
      this.ifaceFailedAt.set(`${r.name}:${iface}`, performance.now());
      this.addFailure.set(r.name, error.replace(/^post check failed: /, ''));
    }
  }

  private transition(p: RuntimeInput, name: string, event: RuntimeEvent, reason: string, token?: number): void {
    const at = new Date().toISOString();
    this.transitions.set(name, { event, reason, at });
    p.audit.record({ event, address: name, ...(token !== undefined ? { fencing: token } : {}), detail: { reason } });
    p.log(`${name}: ${event}${token !== undefined ? ` (fencing token ${token})` : ''}: ${reason}`);
  }

  private recentlyFailed(name: string, now: number): boolean {
    const t = this.failedAt.get(name);
    return t !== undefined && now - t < HOLD_DOWN_MS;
  }

  async step(p: RuntimeInput): Promise<RuntimeResult> {
    const { desired: d, node, obs, ownership } = p;
    const clusterDoc = d.model.cluster?.doc;
    const now = performance.now();
    const out: RuntimeResult = {
      releasing: new Map(),
      ifaces: new Map(),
      claimed: [],
      unhealthy: [],
      owned: [],
      waiting: new Map(),
    };
    const heldOn = new Map<string, string>();
    if (obs.ok) for (const a of obs.state.addresses) heldOn.set(hostPart(a.cidr), a.interface);
    const usable = (r: Reloc, iface: string) =>
      obs.ok && linkUsable(r, clusterDoc, obs, iface) && !this.ifaceFailedRecently(r.name, iface, now);
    const peersNeeded = new Set<string>();
    const decideLater: Array<() => Promise<void>> = [];
    await this.noteLivePeers(p, now);

    for (const r of d.model.relocatables) {
      const placement = r.doc.spec.placements.find((pl) => pl.node === node);
      const mine = ownership.owned.get(r.name);
      if (!placement) {
        if (mine) out.releasing.set(r.name, 'switchover');
        continue;
      }
      const spec = r.doc.spec;
      const switchback = spec.switchback ?? 'intelligent';
      const selfHealthy =
        (usable(r, placement.interface) || (!!placement.backupInterface && usable(r, placement.backupInterface))) &&
        !this.recentlyFailed(r.name, now);
      if (!selfHealthy) out.unhealthy.push(r.name);
      if (mine) {
        // Health where it is held, then where it should be (local recovery, seed 004).
        const parsed = parseCidr(spec.address);
        const ip = parsed ? hostPart(parsed.cidr) : spec.address;
        const current = heldOn.get(ip);
        let check: CheckOutcome | undefined;
        if (current) {
          check = await this.health.check(p.writer, obs, r, clusterDoc, node, current, now);
          if (check && !check.ok) this.ifaceFailedAt.set(`${r.name}:${current}`, now);
        }
        const primaryFor = this.health.heldFor(`${r.name}:primary`, usable(r, placement.interface), now);
        const where = ownedInterface(placement, current, (i) => usable(r, i), primaryFor, switchback);
        const keep = () => {
          if (where.iface) {
            out.ifaces.set(r.name, where.iface);
            if (where.why !== 'kept' && current && current !== where.iface)
              this.transition(
                p,
                r.name,
                where.why === 'local-recovery' ? 'agent-local-recovery' : 'agent-back-to-primary',
                where.why === 'local-recovery'
                  ? `${current} failed its health check (${check?.detail ?? 'no link'}): moved to backup ${where.iface}`
                  : `${where.iface} healthy again for ${HOLD_DOWN_MS / 1000} s (switchback automatic): moved back`,
                mine.token,
              );
          }
        };
        if (!where.iface) {
          // Neither interface is healthy: give it up only to a live, healthy placement.
          peersNeeded.add(r.name);
          decideLater.push(async () => {
            const peers = await this.peers(p, r);
            const other = [...peers].find(([n, v]) => n !== node && v.alive && v.healthy);
            if (other) {
              this.failedAt.set(r.name, now);
              out.releasing.set(r.name, 'unhealthy');
              const why = check?.detail ?? this.addFailure.get(r.name) ?? 'no link';
              this.transition(
                p,
                r.name,
                'agent-failover-release',
                `unhealthy on ${node} (${why}): released for ${other[0]}`,
                mine.token,
              );
            } else {
              out.ifaces.set(r.name, current ?? placement.interface);
            }
          });
        } else {
          const facts = { mode: mine.mode ?? 'planned', activeAtClaim: mine.active ?? spec.active };
          if (
            spec.active !== node &&
            facts.mode === 'failover' &&
            spec.active === facts.activeAtClaim &&
            switchback === 'automatic'
          ) {
            decideLater.push(async () => {
              const peers = await this.peers(p, r);
              const home = peers.get(spec.active);
              const homeFor = this.health.heldFor(`${r.name}:home`, !!home?.alive && home.healthy, now);
              const k = ownerKeeps(node, spec.active, facts, switchback, homeFor);
              if (k.keep) {
                keep();
                if (homeFor > 0) out.retryInMs = Math.min(out.retryInMs ?? Infinity, HOLD_DOWN_MS - homeFor + 100);
              } else {
                out.releasing.set(r.name, 'switchback');
                this.transition(
                  p,
                  r.name,
                  'agent-switchback',
                  `${spec.active} healthy for ${HOLD_DOWN_MS / 1000} s: moved home`,
                  mine.token,
                );
              }
            });
          } else {
            const k = ownerKeeps(node, spec.active, facts, switchback, 0);
            if (k.keep) keep();
            else out.releasing.set(r.name, k.why);
          }
        }
        out.owned.push({
          address: r.name,
          cidr: spec.address,
          token: mine.token,
          since: mine.since,
          ...(check
            ? {
                health: { ok: check.ok, checkedAt: check.checkedAt, ...(check.detail ? { detail: check.detail } : {}) },
              }
            : {}),
          ...(current ? { iface: current } : {}),
          mode: mine.mode ?? 'planned',
          ...(this.transitions.has(r.name) ? { lastTransition: this.transitions.get(r.name)! } : {}),
        });
        continue;
      }
      // Not owned here.
      const holder = p.owners.get(r.name);
      if (holder) {
        // A key on a live lease: its node's agent was alive. If both go later, it died;
        // it is not a node that may still be starting (peers()).
        this.seenAlive.add(holder.node);
        this.absentSince.delete(r.name);
        const parsed = parseCidr(spec.address);
        const heldHere = parsed ? heldOn.get(hostPart(parsed.cidr)) : undefined;
        if (holder.node === node && holder.lease !== p.lease && heldHere && p.mayClaim) {
          decideLater.push(async () => {
            const record = await ownership.adopt(r.name, holder, p.lease, standbysOf(r, node));
            if (!record) return;
            out.claimed.push(r.name);
            out.ifaces.set(r.name, heldHere);
            this.transition(
              p,
              r.name,
              'agent-adopt',
              `held on ${node} under this node's previous agent (lease ${holder.lease}): kept, same fencing token`,
              record.token,
            );
          });
          continue;
        }
        if (spec.active === node) out.waiting.set(r.name, `${holder.node} (token ${holder.token})`);
        continue;
      }
      if (!p.mayClaim) continue;
      const since = this.absentSince.get(r.name) ?? now;
      this.absentSince.set(r.name, since);
      decideLater.push(async () => {
        const peers = spec.active === node || !selfHealthy ? new Map<string, PeerView>() : await this.peers(p, r);
        const c = claimDecision(r, node, selfHealthy, peers, now - since);
        if (!c.claim) {
          if (c.retryInMs !== undefined) out.retryInMs = Math.min(out.retryInMs ?? Infinity, c.retryInMs);
          return;
        }
        const won = await ownership.claim(r.name, p.lease, new Date(), standbysOf(r, node), {
          mode: c.mode,
          activeAtClaim: spec.active,
        });
        if (!won.won) return;
        this.absentSince.delete(r.name);
        out.claimed.push(r.name);
        const reason =
          c.mode === 'planned'
            ? `desired active on ${node}`
            : `no owner; ${node} is the next healthy placement by priority (failover; ${aheadOf(r, node, peers)})`;
        this.transition(p, r.name, 'agent-claim', reason, won.record.token);
        out.ifaces.set(r.name, usable(r, placement.interface) ? placement.interface : placement.backupInterface!);
      });
    }
    for (const decide of decideLater) await decide();
    for (const name of ownership.owned.keys())
      if (!d.model.relocatables.some((r) => r.name === name)) out.releasing.set(name, 'left-environment');
    return out;
  }

  private ifaceFailedRecently(name: string, iface: string, now: number): boolean {
    const t = this.ifaceFailedAt.get(`${name}:${iface}`);
    return t !== undefined && now - t < HOLD_DOWN_MS;
  }

  /**
   * While this agent is in its start-up grace, the heartbeats of the placements it has not
   * seen yet, read once per pass: one seen alive and gone later died. Without this, an
   * agent restarted a few seconds before its peer dies takes the dead peer for one still
   * starting and lets it claim first (FAILOVER_STEP_MS lost; found by the failover soak).
   */
  private async noteLivePeers(p: RuntimeInput, now: number): Promise<void> {
    if (now - this.startedAt >= STARTUP_GRACE_MS) return;
    const unseen = new Set<string>();
    for (const r of p.desired.model.relocatables)
      if (r.doc.spec.placements.some((pl) => pl.node === p.node))
        for (const n of standbysOf(r, p.node)) if (!this.seenAlive.has(n)) unseen.add(n);
    if (!unseen.size) return;
    const kvs = await p.client.getMany([...unseen].map((n) => agentKey(p.cluster, n)));
    for (const n of unseen) if (kvs.has(agentKey(p.cluster, n))) this.seenAlive.add(n);
  }

  /** The other placements' agents: alive (heartbeat key present) and healthy for `r`. */
  private async peers(p: RuntimeInput, r: Reloc): Promise<Map<string, PeerView>> {
    const nodes = standbysOf(r, p.node);
    const kvs = await p.client.getMany(nodes.map((n) => agentKey(p.cluster, n)));
    const out = new Map<string, PeerView>();
    for (const n of nodes) {
      const kv = kvs.get(agentKey(p.cluster, n));
      if (!kv) {
        // Never seen, and this agent just started: it may be starting as well; let it claim first.
        const starting = !this.seenAlive.has(n) && performance.now() - this.startedAt < STARTUP_GRACE_MS;
        out.set(n, { alive: starting, healthy: starting });
        continue;
      }
      this.seenAlive.add(n);
      let status: Partial<AgentStatus> = {};
      try {
        status = JSON.parse(kv.value) as Partial<AgentStatus>;
      } catch {
        // An unreadable heartbeat: alive, health unknown, counted as not healthy.
      }
      const fenced = status.condition === 'Fenced' || status.condition === 'Stopping';
      out.set(n, { alive: true, healthy: !fenced && !!status.condition && !status.unhealthy?.includes(r.name) });
    }
    return out;
  }
}
