// The CIP failover interfaces in `tandem status --fleet`: for each one, which node holds
// its resources (its cip/ key: holder, role, fencing token, since when, why) and the last
// transition either agent of the pair reported in its heartbeat. A pair is listed when
// its key exists or an agent reports it, so a pair nobody holds shows as such. Pure.
import type { KeyValue } from './etcd/client.js';
import { cipPairUnder } from './keys.js';
import type { AgentCipInterface, AgentStatus } from './status-types.js';
import { byCodePoint } from '../order.js';

export interface FleetCipInterface {
  /** `homeNode/homeIface`. */
  pair: string;
  holder?: { node: string; role: string; token: number; since: string; reason: string; agentPresent: boolean };
  /** The interface's link as each agent of the pair reports it: `node/iface` -> has link. */
  links: Record<string, boolean>;
  lastTransition?: NonNullable<AgentCipInterface['lastTransition']> & { node: string };
  unreadable?: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function cipStatusOf(
  cluster: string,
  kvs: readonly KeyValue[],
  agents: ReadonlyMap<string, Partial<AgentStatus>>,
): FleetCipInterface[] {
  const rows = new Map<string, FleetCipInterface>();
  const row = (pair: string) => rows.get(pair) ?? rows.set(pair, { pair, links: {} }).get(pair)!;
  for (const kv of kvs) {
    const pair = cipPairUnder(cluster, kv.key);
    if (!pair) continue;
    const r = row(pair);
    let v: Record<string, unknown> | undefined;
    try {
      v = JSON.parse(kv.value) as Record<string, unknown>;
    } catch {
      v = undefined;
    }
    if (!v || typeof v.node !== 'string') {
      r.unreadable = kv.value.slice(0, 200);
      continue;
    }
    r.holder = {
      node: v.node,
      role: str(v.role),
      token: kv.createRevision,
      since: str(v.since),
      reason: str(v.reason),
      agentPresent: agents.has(v.node),
    };
  }
  for (const [node, s] of agents) {
    if (!Array.isArray(s.cip)) continue;
    for (const c of s.cip) {
      if (typeof c?.pair !== 'string') continue;
      const r = row(c.pair);
      r.links[`${node}/${c.iface}`] = c.usable === true;
      const t = c.lastTransition;
      if (t && (!r.lastTransition || t.at > r.lastTransition.at)) r.lastTransition = { ...t, node };
    }
  }
  return [...rows.values()].sort((a, b) => byCodePoint(a.pair, b.pair));
}

export function renderCipRows(rows: readonly FleetCipInterface[]): string[][] {
  return [
    ['INTERFACE', 'HELD BY', 'TOKEN', 'SINCE', 'LINKS', 'LAST TRANSITION'],
    ...rows.map((r) => {
      const links =
        Object.entries(r.links)
          .map(([where, up]) => `${where} ${up ? 'up' : 'DOWN'}`)
          .join(', ') || '-';
      const t = r.lastTransition;
      const last = t ? `${t.event} on ${t.node} at ${t.at}: ${t.reason}` : '-';
      if (r.unreadable) return [r.pair, '?', '-', '-', links, `unreadable key: ${r.unreadable}`];
      if (!r.holder) return [r.pair, 'nobody', '-', '-', links, last];
      const gone = r.holder.agentPresent ? '' : ' (no agent status)';
      const holder = `${r.holder.node} (${r.holder.role || '?'})${gone}`;
      return [r.pair, holder, String(r.holder.token), r.holder.since, links, last];
    }),
  ];
}
