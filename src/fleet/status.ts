// `tandem status --fleet`: what etcd says about a cluster, read in one range over its
// prefix (one revision, so owners, agents and locks are seen at the same instant): every
// relocatable address's owner node, fencing token (the owner key's create revision),
// since when and, when the owner's agent reported it, its health; every agent's last
// heartbeat, revision and condition (AgentStatus, status-types.ts); the node locks held.
// readFleetStatus does the I/O; fleetStatusOf and renderFleetText are pure.
import { parseHolder, type LockHolder } from '../apply/node-lock.js';
import type { EtcdClient, KeyValue } from './etcd/client.js';
import { agentsPrefix, clusterPrefix, nameUnder, nodeLocksPrefix, ownersPrefix, pairSlotsPrefix } from './keys.js';
import type { AgentCondition, AgentStatus } from './status-types.js';
import { byCodePoint } from '../order.js';
import { cipStatusOf, renderCipRows, type FleetCipInterface } from './status-cip.js';

export interface FleetAddress {
  address: string;
  /** Whether the environment read declares it (false: an owner key only). */
  desired: boolean;
  owner?: {
    node: string;
    agent: string;
    since: string;
    /** Fencing token: the owner key's create revision. */
    token: number;
    lease?: string;
    /** The owner's agent is present (its status key exists). */
    agentPresent: boolean;
    health?: string;
    /** The address's coordinator-loss policy, as its owner's agent reports it. */
    coordinatorLoss?: string;
    /** The owner's last hold without coordinator (agent-hold / agent-hold-end), once it could report it. */
    hold?: { event: string; reason: string; at: string };
  };
  /** An owner key whose value is not an owner record. */
  unreadable?: string;
}

export interface FleetAgent {
  node: string;
  condition: AgentCondition | 'Unknown';
  message: string;
  heartbeatAt?: string;
  /** Milliseconds between the last heartbeat and the time of reading. */
  heartbeatAgeMs?: number;
  revision?: string;
  digest?: string;
  agent?: string;
  lease?: string;
  ttlS?: number;
  owned: number;
  lastPass?: AgentStatus['lastPass'];
}

export interface FleetLock {
  node: string;
  holder?: LockHolder & { role?: string };
  raw?: string;
}

export interface FleetStatus {
  cluster: string;
  /** The etcd revision everything was read at. */
  revision: number;
  readAt: string;
  addresses: FleetAddress[];
  agents: FleetAgent[];
  locks: FleetLock[];
  /** Rollout slots held: pair -> node (value as written). */
  slots: { pair: string; value: string }[];
  /** CIP failover interfaces: who holds each one's resources, links, last transition (status-cip.ts). */
  cip: FleetCipInterface[];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Reads the cluster's keys at one revision. */
export async function readFleetStatus(
  client: EtcdClient,
  cluster: string,
  desiredAddresses: readonly string[],
  now: Date = new Date(),
): Promise<FleetStatus> {
  const { kvs, revision } = await client.range(clusterPrefix(cluster));
  return fleetStatusOf(cluster, kvs, revision, desiredAddresses, now);
}

export function fleetStatusOf(
  cluster: string,
  kvs: readonly KeyValue[],
  revision: number,
  desiredAddresses: readonly string[],
  now: Date,
): FleetStatus {
  const under = (prefix: string) =>
    kvs.flatMap((kv) => {
      const name = nameUnder(prefix, kv.key);
      return name === undefined ? [] : [{ name, kv }];
    });

  const agentStatus = new Map<string, Partial<AgentStatus>>();
  const agents: FleetAgent[] = under(agentsPrefix(cluster)).map(({ name, kv }) => {
    const v = parseJson(kv.value);
    const s = (typeof v === 'object' && v !== null ? v : {}) as Partial<AgentStatus>;
    agentStatus.set(name, s);
    const at = str(s.heartbeatAt);
    const age = at ? now.getTime() - Date.parse(at) : undefined;
    return {
      node: name,
      condition: s.condition ?? 'Unknown',
      message:
        typeof v === 'object' && v !== null ? String(s.message ?? '') : `unreadable status: ${kv.value.slice(0, 80)}`,
      ...(at ? { heartbeatAt: at } : {}),
      ...(age !== undefined && Number.isFinite(age) ? { heartbeatAgeMs: age } : {}),
      ...(str(s.revision) ? { revision: s.revision } : {}),
      ...(str(s.digest) ? { digest: s.digest } : {}),
      ...(str(s.agent) ? { agent: s.agent } : {}),
      ...(kv.lease ? { lease: kv.lease } : {}),
      ...(typeof s.ttlS === 'number' ? { ttlS: s.ttlS } : {}),
      owned: Array.isArray(s.owned) ? s.owned.length : 0,
      ...(s.lastPass ? { lastPass: s.lastPass } : {}),
    };
  });

  const healthOf = (node: string, address: string): string | undefined => {
    const owned = agentStatus.get(node)?.owned;
    if (!Array.isArray(owned)) return undefined;
    const entry = owned.find((o) => o.address === address) as { health?: unknown } | undefined;
    const h = entry?.health;
    if (typeof h === 'string') return h;
    if (typeof h === 'object' && h !== null) {
      const o = h as { ok?: unknown; status?: unknown; detail?: unknown };
      const word =
        typeof o.status === 'string' ? o.status : o.ok === true ? 'ok' : o.ok === false ? 'failing' : undefined;
      return word && typeof o.detail === 'string' ? `${word}: ${o.detail}` : word;
    }
    return undefined;
  };

  const reportedOf = (node: string, address: string): { coordinatorLoss?: unknown; lastTransition?: unknown } => {
    const owned = agentStatus.get(node)?.owned;
    if (!Array.isArray(owned)) return {};
    return (owned.find((o) => o.address === address) as Record<string, unknown> | undefined) ?? {};
  };
  const holdOf = (t: unknown): { event: string; reason: string; at: string } | undefined => {
    const o = (typeof t === 'object' && t !== null ? t : {}) as Record<string, unknown>;
    return typeof o.event === 'string' && o.event.startsWith('agent-hold') && typeof o.reason === 'string'
      ? { event: o.event, reason: o.reason, at: str(o.at) ?? '' }
      : undefined;
  };

  const byAddress = new Map<string, FleetAddress>();
  for (const a of desiredAddresses) byAddress.set(a, { address: a, desired: true });
  for (const { name, kv } of under(ownersPrefix(cluster))) {
    const row = byAddress.get(name) ?? { address: name, desired: false };
    const v = parseJson(kv.value) as { node?: unknown; agent?: unknown; since?: unknown } | undefined;
    const node = str(v?.node);
    if (!node) row.unreadable = kv.value.slice(0, 200);
    else {
      const health = healthOf(node, name);
      const reported = reportedOf(node, name);
      const policy = str(reported.coordinatorLoss);
      const hold = holdOf(reported.lastTransition);
      row.owner = {
        node,
        agent: str(v?.agent) ?? '',
        since: str(v?.since) ?? '',
        token: kv.createRevision,
        ...(kv.lease ? { lease: kv.lease } : {}),
        agentPresent: agentStatus.has(node),
        ...(health ? { health } : {}),
        ...(policy ? { coordinatorLoss: policy } : {}),
        ...(hold ? { hold } : {}),
      };
    }
    byAddress.set(name, row);
  }

  const locks: FleetLock[] = under(nodeLocksPrefix(cluster)).map(({ name, kv }) => {
    const holder = parseHolder(kv.value);
    return holder ? { node: name, holder } : { node: name, raw: kv.value.slice(0, 200) };
  });
  const slots = under(pairSlotsPrefix(cluster)).map(({ name, kv }) => ({ pair: name, value: kv.value.slice(0, 200) }));

  return {
    cluster,
    revision,
    readAt: now.toISOString(),
    addresses: [...byAddress.values()].sort((a, b) => byCodePoint(a.address, b.address)),
    agents: agents.sort((a, b) => byCodePoint(a.node, b.node)),
    locks: locks.sort((a, b) => byCodePoint(a.node, b.node)),
    slots: slots.sort((a, b) => byCodePoint(a.pair, b.pair)),
    cip: cipStatusOf(cluster, kvs, agentStatus),
  };
}

/**
 * 0 every agent Ready, every desired address owned and every failover interface held;
 * 3 some agent Stalled or Fenced; 2 otherwise.
 */
export function fleetExitCode(s: FleetStatus): 0 | 2 | 3 {
  if (s.agents.some((a) => a.condition === 'Stalled' || a.condition === 'Fenced')) return 3;
  const unowned = s.addresses.some((a) => a.desired && !a.owner) || s.cip.some((c) => !c.holder);
  const busy = s.agents.some((a) => a.condition !== 'Ready');
  return unowned || busy || s.agents.length === 0 ? 2 : 0;
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => '  ' + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  '));
}

function age(ms: number | undefined): string {
  if (ms === undefined) return '-';
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)}s ago` : `${Math.round(ms / 1000)}s ago`;
}

export function renderFleetText(s: FleetStatus): string {
  const out = [`cluster ${s.cluster} (etcd revision ${s.revision}, read at ${s.readAt})`, 'addresses:'];
  if (s.addresses.length === 0) out.push('  (none)');
  else
    out.push(
      ...table([
        ['ADDRESS', 'OWNER', 'TOKEN', 'SINCE', 'HEALTH'],
        ...s.addresses.map((a) => {
          if (a.unreadable) return [a.address, '?', '-', '-', `unreadable owner key: ${a.unreadable}`];
          if (!a.owner) return [a.address, '-', '-', '-', a.desired ? 'no owner' : '-'];
          const gone = a.owner.agentPresent ? '' : ' (its agent reports no status)';
          const policy = a.owner.coordinatorLoss ? `; on etcd loss: ${a.owner.coordinatorLoss}` : '';
          const hold = a.owner.hold ? `; ${a.owner.hold.reason} (${a.owner.hold.at})` : '';
          return [
            a.address,
            a.owner.node,
            String(a.owner.token),
            a.owner.since,
            (a.owner.health ?? '-') + policy + hold + gone,
          ];
        }),
      ]),
    );
  out.push('agents:');
  if (s.agents.length === 0) out.push('  (none: no agent holds a lease in this cluster)');
  else
    out.push(
      ...table([
        ['NODE', 'CONDITION', 'HEARTBEAT', 'REVISION', 'OWNS', 'MESSAGE'],
        ...s.agents.map((a) => [
          a.node,
          a.condition,
          age(a.heartbeatAgeMs),
          a.revision ? a.revision.slice(0, 12) : (a.digest?.slice(0, 12) ?? '-'),
          String(a.owned),
          a.message.split('\n')[0],
        ]),
      ]),
    );
  if (s.cip.length > 0) out.push('failover interfaces:', ...table(renderCipRows(s.cip)));
  if (s.locks.length > 0) {
    out.push('node locks:');
    for (const l of s.locks) {
      const h = l.holder;
      out.push(
        h
          ? `  ${l.node}: ${h.role ?? 'apply'} pid ${h.pid} on ${h.host} since ${h.since}, ` +
              `plan ${h.planId}, holder id ${h.id}`
          : `  ${l.node}: unreadable lock: ${l.raw ?? ''}`,
      );
    }
  }
  if (s.slots.length > 0) {
    out.push('rollout slots:');
    for (const slot of s.slots) out.push(`  ${slot.pair}: ${slot.value}`);
  }
  return out.join('\n') + '\n';
}
