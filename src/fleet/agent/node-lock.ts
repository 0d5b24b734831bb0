// The node's apply lock in etcd around each apply of the agent, through fleet-core's lock
// module (src/fleet/locks.ts), on the agent's own lease: an operator's `tandem apply
// --etcd` and the agent exclude each other across machines, and a dead agent's lock goes
// with its lease.
import type { EtcdClient } from '../etcd/client.js';
import { nodeLockKey } from '../keys.js';
import { acquireNodeLockEtcd, releaseNodeLockEtcd } from '../locks.js';
import type { NodeLocker } from './converge.js';

export function nodeLocker(client: EtcdClient, etcdHint: string): NodeLocker {
  return async ({ cluster, node, lease, plan }) => {
    const r = await acquireNodeLockEtcd(client, { cluster, node, lease, planId: plan.id, role: 'agent', etcdHint });
    if (!r.ok) return { ok: false, message: r.message, waitKey: nodeLockKey(cluster, node) };
    return { ok: true, release: async () => void (await releaseNodeLockEtcd(client, r.lock)) };
  };
}
