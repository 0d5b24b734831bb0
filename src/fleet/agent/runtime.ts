// The run-time half of a relocatable address in fleet mode, as pure decisions (seed 004,
// LifeKeeper IP Recovery Kit: health checks, local recovery to a backup interface, then
// failover to the next server by priority; switchback intelligent or automatic). The
// agent (agent.ts) gathers the facts (its node's observation, its checks, the owner keys,
// the other placements' heartbeats) and carries out what these functions decide.
import type { Entry } from '../../model/desired.js';
import type { Placement, RelocatableAddressDocument } from '../../model/generated/desired.js';

/** How long a recovered interface or home node must stay healthy before the address moves back. */
export const HOLD_DOWN_MS = 10_000;
/** A failover claim waits this long per better-placed live, healthy placement: they claim first. */
export const FAILOVER_STEP_MS = 3_000;
/**
 * A better placement whose agent has not been seen since this agent started may be
 * starting too (a cluster coming up): it counts as ahead for this long after the start.
 * One whose heartbeat was seen and is gone is dead (its lease ended).
 */
export const STARTUP_GRACE_MS = 15_000;

/** Why an owner key was created: the desired active node claiming, or a failover. */
export type ClaimMode = 'planned' | 'failover';

/** What the owner keeps with an address it owns. */
export interface OwnedFacts {
  mode: ClaimMode;
  /** The desired active node when the key was claimed. */
  activeAtClaim: string;
}

export type Reloc = Entry<RelocatableAddressDocument>;

/** The nodes standing by for an address held by `node`: its other placements, sorted. */
export function standbysOf(r: Reloc, node: string): string[] {
  return [...new Set(r.doc.spec.placements.map((p) => p.node))].filter((n) => n !== node).sort();
}

/** Placements in failover order: the desired active first, then by priority (1 highest). */
export function failoverOrder(r: Reloc): Placement[] {
  const spec = r.doc.spec;
  return [...spec.placements].sort(
    (a, b) => Number(b.node === spec.active) - Number(a.node === spec.active) || a.priority - b.priority,
  );
}

/**
 * Where an owned address should be on its node, from the health of its two interfaces.
 * `healthy(iface)`: the interface has link and, where the address is held, its checks pass.
 * Seed 004: on a failed check, local recovery to the backup interface first; when neither
 * interface is healthy, the address cannot be kept here (failover). Back to the primary
 * interface once it is healthy again for the hold-down, when switchback is automatic.
 */
export function ownedInterface(
  placement: Placement,
  current: string | undefined,
  healthy: (iface: string) => boolean,
  primaryHealthyForMs: number,
  switchback: 'automatic' | 'intelligent',
): { iface: string; why: 'kept' | 'local-recovery' | 'back-to-primary' } | { iface?: undefined; why: 'unhealthy' } {
  const primary = placement.interface;
  const backup = placement.backupInterface;
  const on = current === backup && backup ? backup : primary;
  if (on === backup && backup) {
    if (healthy(primary) && switchback === 'automatic' && primaryHealthyForMs >= HOLD_DOWN_MS)
      return { iface: primary, why: 'back-to-primary' };
    if (healthy(backup)) return { iface: backup, why: 'kept' };
    return healthy(primary) ? { iface: primary, why: 'back-to-primary' } : { why: 'unhealthy' };
  }
  if (healthy(primary)) return { iface: primary, why: 'kept' };
  if (backup && healthy(backup)) return { iface: backup, why: 'local-recovery' };
  return { why: 'unhealthy' };
}

/**
 * Whether an owner keeps an address it owns, now that the desired state says `active`.
 * A planned claim follows `active`; a failover claim stays while `active` is unchanged
 * since the claim, unless switchback is automatic and the home node has been healthy for
 * the hold-down (intelligent: it stays until the desired active changes, a plan).
 */
export function ownerKeeps(
  node: string,
  active: string,
  facts: OwnedFacts,
  switchback: 'automatic' | 'intelligent',
  homeHealthyForMs: number,
): { keep: true; why?: 'failed-over' } | { keep: false; why: 'switchover' | 'switchback' } {
  if (active === node) return { keep: true };
  if (facts.mode === 'planned' || active !== facts.activeAtClaim) return { keep: false, why: 'switchover' };
  if (switchback === 'automatic' && homeHealthyForMs >= HOLD_DOWN_MS) return { keep: false, why: 'switchback' };
  return { keep: true, why: 'failed-over' };
}

/** What a placement knows of the others when an address has no owner. */
export interface PeerView {
  /** The node's agent is alive (its agents/<node> key exists), or may be starting (STARTUP_GRACE_MS). */
  alive: boolean;
  /** Its agent reports its placement of this address healthy. */
  healthy: boolean;
}

/**
 * An address without an owner key: whether `node` claims it now, or when. The desired
 * active node claims at once when healthy (planned); any other placement claims as a
 * failover, after FAILOVER_STEP_MS for each placement before it in failover order whose
 * agent is alive and healthy (they claim first), counted from when the key was seen
 * absent. A placement whose own checks fail never claims.
 */
export function claimDecision(
  r: Reloc,
  node: string,
  selfHealthy: boolean,
  peers: ReadonlyMap<string, PeerView>,
  absentForMs: number,
): { claim: true; mode: ClaimMode } | { claim: false; retryInMs?: number; why: string } {
  if (!selfHealthy) return { claim: false, why: `its placement on ${node} fails its health checks` };
  if (r.doc.spec.active === node) return { claim: true, mode: 'planned' };
  const order = failoverOrder(r);
  const before = order.slice(
    0,
    order.findIndex((p) => p.node === node),
  );
  const ahead = before.filter((p) => {
    const v = peers.get(p.node);
    return v?.alive && v.healthy;
  });
  const wait = ahead.length * FAILOVER_STEP_MS - absentForMs;
  if (wait <= 0) return { claim: true, mode: 'failover' };
  return { claim: false, retryInMs: wait, why: `${ahead.map((p) => p.node).join(', ')} claim first` };
}
