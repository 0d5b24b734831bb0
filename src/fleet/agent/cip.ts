// CIP interface failover at run time, as pure decisions (NonStop CIP manual: when a
// failover interface loses its link, or its CLIM fails, its addresses, static routes and
// tunnels move to the failover interface on the partner CLIM, and come back when it is
// restored; failover is suppressed for an interface brought down with ifstop).
//
// One etcd key per failover interface (keys.ts cipKey) says which node holds its
// resources: the home node or the partner. It is created only while absent, on the
// holder agent's lease; its create revision is the fencing token. A holder gives the
// resources up by removing them from its node, verifying them gone, then deleting the
// key; the other node claims it and adds them. Break before make, as a relocatable move:
// an address is never on two nodes. cip-step.ts gathers the facts and carries it out.
import type { AgentStatus } from '../status-types.js';
import { HOLD_DOWN_MS, STARTUP_GRACE_MS } from './runtime.js';

export type CipRole = 'home' | 'partner';

export interface CipFacts {
  role: CipRole;
  /** The home interface's desired state is down (ifstop): failover is suppressed. */
  stopped: boolean;
  /** This node's interface of the pair (home interface, or failover interface) exists and has link. */
  selfUsable: boolean;
  /** Who holds the key now: this agent, another, or nobody. */
  holder: 'self' | 'other' | 'none';
  /** The other node's agent is alive (heartbeat present, or may be starting). */
  peerAlive: boolean;
  /** The other node's interface of the pair has link, as its heartbeat reports. */
  peerUsable: boolean;
  /** How long the peer has been alive with a usable interface, without a break (0 when not now). */
  peerUsableForMs: number;
  /** This node released the key within the hold-down (its link failed): it does not take it back at once. */
  releasedForMs?: number;
}

/**
 * The peer of a pair as its heartbeat shows it. Alive: a heartbeat is present, or it may
 * be starting (`starting`: not seen since this agent started, within the start-up grace).
 * Usable: its interface of the pair has link, as it reports; or it is starting. A
 * heartbeat from before its first pass (the one written at its lease grant, `lastPass`
 * absent) reports no links yet, so it counts as starting too, for at most
 * STARTUP_GRACE_MS from when this agent first saw it so (`beforePassForMs`): taking that
 * for "no link" made a partner take a live home's interface at start-up.
 */
export function peerFacts(
  beat: Partial<AgentStatus> | undefined,
  present: boolean,
  pair: string,
  role: CipRole,
  starting: boolean,
  beforePassForMs: number,
): { alive: boolean; usable: boolean } {
  const fenced = beat?.condition === 'Fenced' || beat?.condition === 'Stopping';
  const entry = beat?.cip?.find((c) => c.pair === pair && c.role !== role);
  const firstPassPending = present && !!beat && !beat.lastPass && !fenced && beforePassForMs < STARTUP_GRACE_MS;
  return { alive: present || starting, usable: starting || firstPassPending || (!!entry?.usable && !fenced) };
}

export type CipDecision =
  | { act: 'claim'; why: string }
  | { act: 'release'; why: 'link-down' | 'restore' | 'stopped'; detail: string }
  | { act: 'none'; retryInMs?: number };

/**
 * What this node does about one failover interface now.
 * - Home, holding: keeps it while its link is up, or while the partner could not take
 *   it (moving it would only make the outage longer), or while the interface is stopped.
 *   Link down and the partner alive with link: releases it (failover).
 * - Home, nobody holding: claims it unless its link is down and the partner can take it,
 *   or it gave it up within the hold-down (a flapping link).
 * - Partner, nobody holding: claims it when its own link is up and the home node is dead
 *   or its home interface has no link; never for a stopped interface.
 * - Partner, holding: gives it back (restore) once the home interface has had link for
 *   the hold-down, at once when its own link fails and the home's is up, and when the
 *   interface is stopped.
 */
export function cipDecision(f: CipFacts): CipDecision {
  const peerReady = f.peerAlive && f.peerUsable;
  if (f.role === 'home') {
    if (f.holder === 'self') {
      if (f.stopped || f.selfUsable || !peerReady) return { act: 'none' };
      return { act: 'release', why: 'link-down', detail: 'the home interface has no link; the partner has' };
    }
    if (f.holder === 'other') return { act: 'none' };
    if (f.stopped) return { act: 'claim', why: 'the interface is stopped: failover is suppressed' };
    if (!f.selfUsable && peerReady) return { act: 'none' };
    if (f.releasedForMs !== undefined && f.releasedForMs < HOLD_DOWN_MS && peerReady)
      return { act: 'none', retryInMs: HOLD_DOWN_MS - f.releasedForMs };
    return { act: 'claim', why: f.selfUsable ? 'home interface has link' : 'nobody else can hold it' };
  }
  if (f.holder === 'self') {
    if (f.stopped) return { act: 'release', why: 'stopped', detail: 'the home interface is stopped (ifstop)' };
    if (peerReady && (f.peerUsableForMs >= HOLD_DOWN_MS || !f.selfUsable))
      return {
        act: 'release',
        why: 'restore',
        detail: f.selfUsable
          ? `the home interface has had link for ${HOLD_DOWN_MS / 1000} s`
          : 'the failover interface has no link; the home interface has',
      };
    return peerReady ? { act: 'none', retryInMs: HOLD_DOWN_MS - f.peerUsableForMs + 100 } : { act: 'none' };
  }
  if (f.holder === 'other' || f.stopped || !f.selfUsable || peerReady) return { act: 'none' };
  return {
    act: 'claim',
    why: f.peerAlive ? 'the home interface has no link' : 'the home node is gone (its lease ended)',
  };
}
