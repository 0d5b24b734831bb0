// Rollout slots: `slots/pairs/<pair>` is held by the one member of a pair (a failover
// pair, or the placements of a relocatable address) that is changing; the others wait.
// A slot is a key created only while absent, on the agent's lease, so a dead agent's
// slot goes with its lease. The pairs are the rollout groups the planner already keeps
// out of one wave (plan/index.ts, rolloutLimits).
import type { DesiredModel } from '../../model/desired.js';
import { rolloutLimits } from '../../plan/index.js';
import type { EtcdClient } from '../etcd/client.js';
import { pairSlotKey } from '../keys.js';
import { parseOwner } from './ownership.js';
import type { PlanDocument } from '../../plan/document.js';
import type { Exclusion, NodeLocker } from './converge.js';
import { agentId } from './heartbeat.js';

/** The slot names of every group `node` belongs to: its members joined with ':'. */
export function pairsOf(model: DesiredModel, node: string): string[] {
  return rolloutLimits(model)
    .groups.filter((g) => g.includes(node))
    .map((g) => [...g].sort().join(':'))
    .sort();
}

export type SlotsResult =
  { ok: true; release: () => Promise<void>; pairs: string[] } | { ok: false; message: string; waitKey?: string };

export async function takeSlots(
  client: EtcdClient,
  cluster: string,
  pairs: readonly string[],
  holder: { node: string; agent: string; lease: string; planId: string },
): Promise<SlotsResult> {
  const taken: Array<{ key: string; token: number }> = [];
  const release = async () => {
    for (const t of taken.reverse()) await client.deleteIfCreateRevision(t.key, t.token).catch(() => false);
  };
  const value = JSON.stringify({
    node: holder.node,
    agent: holder.agent,
    since: new Date().toISOString(),
    plan: holder.planId,
  });
  for (const pair of pairs) {
    const key = pairSlotKey(cluster, pair);
    const r = await client.createIfAbsent(key, value, holder.lease);
    // A slot left by this agent's own lease (a release that failed) is still ours.
    if (r.created || r.kv.lease === holder.lease) {
      taken.push({ key, token: r.kv.createRevision });
      continue;
    }
    await release();
    const other = parseOwner(r.kv);
    return {
      ok: false,
      waitKey: key,
      message:
        `the rollout slot of ${pair} is held by ${other ? `${other.node} (${other.agent})` : 'another agent'}: ` +
        'one member of a pair changes at a time',
    };
  }
  return { ok: true, release, pairs: [...pairs] };
}

/** The node's etcd lock, then the rollout slots of its pairs; all or nothing. */
export async function takeExclusion(
  client: EtcdClient,
  lockNode: NodeLocker,
  o: { cluster: string; node: string; pairs: string[]; lease: string; plan: PlanDocument },
): Promise<Exclusion> {
  const lock = await lockNode({ cluster: o.cluster, node: o.node, lease: o.lease, plan: o.plan });
  if (!lock.ok) return lock;
  const holder = { node: o.node, agent: agentId(), lease: o.lease, planId: o.plan.id };
  const slots = await takeSlots(client, o.cluster, o.pairs, holder).catch((err: Error): SlotsResult => ({
    ok: false,
    message: `rollout slots: ${err.message}`,
  }));
  if (!slots.ok) {
    await lock.release();
    return slots;
  }
  return {
    ok: true,
    release: async () => {
      await slots.release();
      await lock.release();
    },
  };
}
