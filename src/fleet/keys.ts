// The key layout of fleet mode in etcd: one prefix per cluster, `/tandem/<cluster>/`, and
// under it one folder per kind of record. Every tandem that talks to etcd builds its keys
// here, so an operator's apply, the agents and `tandem status --fleet` agree on them.
//
//   agents/<node>          the agent's heartbeat and status (AgentStatus JSON), on the agent's lease
//   owners/<address>       owner of a relocatable address: {"node","agent","since"} on the owner's
//                          lease; the key's create revision is the fencing token
//   standby/<node>/<address>  written with owners/<address>, in the same transaction and on
//                          the same lease, for every other placement node of the address;
//                          deleted with it (release or lease expiry). Each agent watches only
//                          its own standby/<node>/ for deletes: woken by exactly the owner
//                          keys it could take, so a handover notifies the address's
//                          placements, not the whole fleet
//   cip/<node>/<iface>     holder of a CIP failover interface's resources (its home node or its
//                          partner): {"node","agent","since","role","reason"} on the holder's lease;
//                          the create revision is the fencing token. Its standby key is
//                          standby/<other node>/cip/<node>/<iface>, written and deleted with it
//   locks/nodes/<node>     a node's apply lock (operators' apply, reconcile, the agent): holder JSON, on a lease
//   slots/pairs/<pair>     rollout slot: at most one member of a failover pair changing at once
//
// Names come from YAML and are hostile until checked: a segment holding `/` could reach
// another cluster's keys, so each one must be a plain name (see SEGMENT).

import { basename, resolve } from 'node:path';

/** What a cluster, node, address or pair name may look like inside a key. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,252}$/;

export const FLEET_ROOT = '/tandem/';

export class FleetKeyError extends Error {}

function segment(kind: string, name: string): string {
  if (!SEGMENT.test(name) || name === '.' || name === '..')
    throw new FleetKeyError(
      `${kind} name ${JSON.stringify(name)} cannot be part of an etcd key (letters, digits, . _ : @ -)`,
    );
  return name;
}

/**
 * The cluster name an environment's keys live under: its Cluster's metadata.name, else the
 * environment folder's name. Every tandem (apply, reconcile, agent, status) names it so.
 */
export function fleetClusterName(clusterName: string | undefined, envDir: string): string {
  return clusterName ?? basename(resolve(envDir));
}

export function clusterPrefix(cluster: string): string {
  return `${FLEET_ROOT}${segment('cluster', cluster)}/`;
}

export const agentsPrefix = (cluster: string): string => `${clusterPrefix(cluster)}agents/`;
export const ownersPrefix = (cluster: string): string => `${clusterPrefix(cluster)}owners/`;
export const nodeLocksPrefix = (cluster: string): string => `${clusterPrefix(cluster)}locks/nodes/`;
export const standbyPrefix = (cluster: string, node: string): string =>
  `${clusterPrefix(cluster)}standby/${segment('node', node)}/`;
export const pairSlotsPrefix = (cluster: string): string => `${clusterPrefix(cluster)}slots/pairs/`;
export const cipPrefix = (cluster: string): string => `${clusterPrefix(cluster)}cip/`;

export function agentKey(cluster: string, node: string): string {
  return agentsPrefix(cluster) + segment('node', node);
}

export function ownerKey(cluster: string, address: string): string {
  return ownersPrefix(cluster) + segment('address', address);
}

export function standbyKey(cluster: string, node: string, address: string): string {
  return standbyPrefix(cluster, node) + segment('address', address);
}

/** The key of a CIP failover interface, by its home node and home interface. */
export function cipKey(cluster: string, homeNode: string, homeIface: string): string {
  return `${cipPrefix(cluster)}${segment('node', homeNode)}/${segment('interface', homeIface)}`;
}

/** Written with cipKey for the other node of the pair: its agent is woken when the key goes. */
export function cipStandbyKey(cluster: string, node: string, homeNode: string, homeIface: string): string {
  return `${standbyPrefix(cluster, node)}cip/${segment('node', homeNode)}/${segment('interface', homeIface)}`;
}

/** `homeNode/homeIface` of a key under cipPrefix, or undefined. */
export function cipPairUnder(cluster: string, key: string): string | undefined {
  const prefix = cipPrefix(cluster);
  if (!key.startsWith(prefix)) return undefined;
  const parts = key.slice(prefix.length).split('/');
  return parts.length === 2 && parts.every((p) => SEGMENT.test(p)) ? parts.join('/') : undefined;
}

export function nodeLockKey(cluster: string, node: string): string {
  return nodeLocksPrefix(cluster) + segment('node', node);
}

export function pairSlotKey(cluster: string, pair: string): string {
  return pairSlotsPrefix(cluster) + segment('pair', pair);
}

/** The last segment of a key under `prefix` (the node, address or pair name), or undefined. */
export function nameUnder(prefix: string, key: string): string | undefined {
  if (!key.startsWith(prefix)) return undefined;
  const rest = key.slice(prefix.length);
  return rest.length > 0 && !rest.includes('/') ? rest : undefined;
}
