// Health of what an agent owns or stands by for (seed 004, LifeKeeper IP Recovery Kit:
// link status, the address still on its interface, then the ping list or a broadcast
// ping sourced from the address, in that order). Link state comes from every pass's
// observation of the node; the full check (src/plan/checks.ts healthCheck, run by the
// node's writer exactly as after an add) runs for each owned address on its declared
// interval (`health.intervalSeconds`, default DEFAULT_INTERVAL_S).
import type { WritableNode } from '../../apply/writable-node.js';
import { interfaceHealthy } from '../../diff/placement.js';
import type { ClusterDocument } from '../../model/generated/desired.js';
import { hostPart, parseCidr } from '../../model/ip.js';
import type { Observation } from '../../observe/model.js';
import { healthCheck } from '../../plan/checks.js';
import type { Reloc } from './runtime.js';

export const DEFAULT_INTERVAL_S = 5;

export interface CheckOutcome {
  ok: boolean;
  iface: string;
  checkedAt: string;
  detail?: string;
}

export function intervalMsOf(r: Reloc, cluster: ClusterDocument | undefined): number {
  const s = r.doc.spec.health?.intervalSeconds ?? cluster?.spec.defaults?.health?.intervalSeconds;
  return (s ?? DEFAULT_INTERVAL_S) * 1000;
}

/** The interface is usable for the address: it exists, is up and has link (when the check looks at link). */
export function linkUsable(r: Reloc, cluster: ClusterDocument | undefined, obs: Observation, iface: string): boolean {
  const link = r.doc.spec.health?.link ?? cluster?.spec.defaults?.health?.link;
  if (!obs.ok || !obs.state.links.some((l) => l.name === iface)) return false;
  return link === false || interfaceHealthy(obs, iface);
}

export class HealthTracker {
  private readonly last = new Map<string, CheckOutcome & { atMs: number }>();
  /** Since when a name's primary interface (owned) or home node (failed over) has been healthy. */
  private readonly since = new Map<string, number>();

  /**
   * The check of an owned address on `iface`, where the pass's observation `obs` saw it,
   * when its interval has passed. Link and presence are read from `obs`; only a ping list
   * or broadcast ping runs the full check on the node, so a node owning thousands of
   * addresses does not start processes for each of them every interval.
   */
  async check(
    writer: WritableNode,
    obs: Observation,
    r: Reloc,
    cluster: ClusterDocument | undefined,
    node: string,
    iface: string,
    now: number,
  ): Promise<CheckOutcome | undefined> {
    const prev = this.last.get(r.name);
    if (prev && prev.iface === iface && now - prev.atMs < intervalMsOf(r, cluster)) return prev;
    const c = parseCidr(r.doc.spec.address);
    const check = c ? healthCheck(node, iface, hostPart(c.cidr), r.doc, cluster) : undefined;
    if (!check) {
      this.last.delete(r.name);
      return undefined;
    }
    const linkOk = !check.link || interfaceHealthy(obs, iface);
    const res = !check.ping
      ? linkOk
        ? { ok: true as const }
        : { ok: false as const, error: `health of ${check.address}: link ${iface} is down or has no carrier` }
      : await writer.runCheck(check);
    const out = {
      ok: res.ok,
      iface,
      checkedAt: new Date().toISOString(),
      atMs: now,
      ...(res.ok ? ('note' in res && res.note ? { detail: res.note } : {}) : { detail: res.error }),
    };
    this.last.set(r.name, out);
    return out;
  }

  lastOf(name: string): CheckOutcome | undefined {
    return this.last.get(name);
  }

  forget(name: string): void {
    this.last.delete(name);
  }

  /** How long `healthy` has held for `key` without a break (0 when it does not hold now). */
  heldFor(key: string, healthy: boolean, now: number): number {
    if (!healthy) {
      this.since.delete(key);
      return 0;
    }
    const from = this.since.get(key) ?? now;
    this.since.set(key, from);
    return now - from;
  }
}
