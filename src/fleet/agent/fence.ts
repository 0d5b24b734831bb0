// Removing addresses without a plan: self-fencing (the lease is running out and etcd
// may be unreachable, so no etcd lock, no plan, nothing that can wait on etcd) and the
// graceful stop. One `ip -batch` of addr-del for every relocatable address of the
// environment the node holds, then the node is observed again to prove them gone.
import { hostPart } from '../../model/ip.js';
import type { DesiredModel } from '../../model/desired.js';
import { parseCidr } from '../../model/ip.js';
import type { WritableNode } from '../../apply/index.js';
import type { KernelOp } from '../../plan/ops.js';

export interface RemoveResult {
  /** Names that were on the node and are gone now. */
  removed: string[];
  /** Names still held after the removal, with where. */
  remaining: string[];
  error?: string;
  /** When the removal batch ended (monotonic ms): what self-fencing must beat. */
  removedAtMs?: number;
  durationMs: number;
}

/** Where a relocatable address was last seen on the node (the pass's observation). */
export interface HeldAddress {
  name: string;
  iface: string;
  cidr: string;
}

/**
 * With `known` (what the last pass saw), the removal batch goes out first and the node
 * is observed only afterwards, to verify: the observation is the slow part, and fencing
 * races a deadline. A batch that fails (an address already gone) falls back to
 * observing first and removing what is really there.
 */
export async function removeRelocatables(
  writer: WritableNode,
  model: DesiredModel,
  /** Only these names; default every relocatable address of the environment. */
  only?: ReadonlySet<string>,
  known?: readonly HeldAddress[],
): Promise<RemoveResult> {
  const started = performance.now();
  const byIp = new Map<string, string>();
  for (const r of model.relocatables) {
    if (only && !only.has(r.name)) continue;
    const c = parseCidr(r.doc.spec.address);
    if (c) byIp.set(hostPart(c.cidr), r.name);
  }
  const held = async () => {
    const obs = await writer.observe();
    if (!obs.ok) throw new Error(`cannot observe ${writer.node}: ${obs.error.message}`);
    return obs.state.addresses.filter((a) => byIp.has(hostPart(a.cidr)));
  };
  const del = (list: ReadonlyArray<{ iface: string; cidr: string }>): KernelOp[] =>
    list.map((a) => ({ op: 'addr-del', iface: a.iface, cidr: a.cidr }));
  try {
    let error: string | undefined;
    let removedAtMs: number | undefined;
    const was = new Set<string>();
    const fast = (known ?? []).filter((k) => byIp.has(hostPart(k.cidr)));
    let done = false;
    if (fast.length) {
      const r = await writer.apply(del(fast));
      removedAtMs = performance.now();
      for (const k of fast) was.add(k.name);
      done = !r.failed;
    }
    if (!done) {
      const before = await held();
      for (const a of before) was.add(byIp.get(hostPart(a.cidr))!);
      if (before.length) {
        const r = await writer.apply(del(before.map((a) => ({ iface: a.interface, cidr: a.cidr }))));
        removedAtMs = performance.now();
        if (r.failed) error = r.failed.error;
      }
    }
    let after = await held();
    if (after.length && done) {
      // Something the last pass had not seen (an apply still running then): removed now.
      const r = await writer.apply(del(after.map((a) => ({ iface: a.interface, cidr: a.cidr }))));
      removedAtMs = performance.now();
      for (const a of after) was.add(byIp.get(hostPart(a.cidr))!);
      if (r.failed) error = r.failed.error;
      after = await held();
    }
    const remaining = after.map((a) => `${byIp.get(hostPart(a.cidr))} (${a.cidr} on ${a.interface})`);
    const left = new Set(after.map((a) => byIp.get(hostPart(a.cidr))));
    return {
      removed: [...was].filter((n) => !left.has(n)).sort(),
      remaining,
      ...(error ? { error } : {}),
      ...(removedAtMs !== undefined ? { removedAtMs } : {}),
      durationMs: performance.now() - started,
    };
  } catch (err) {
    return {
      removed: [],
      remaining: [...byIp.values()],
      error: (err as Error).message,
      durationMs: performance.now() - started,
    };
  }
}
