// A node's apply lock in etcd (keys.ts: locks/nodes/<node>): fleet mode's counterpart of
// the file lock of src/apply/node-lock.ts, with the same holder JSON ({id, pid, host, user,
// cwd, planId, since}) and the same refusal message. An operator's `tandem apply --etcd`,
// `tandem reconcile --etcd` and the node's agent all take it, so they exclude each other
// across machines, working directories and state folders.
//
// The key is created only while absent (a txn comparing its create revision with 0) and
// is attached to a lease: the holding ends when the holder releases it, or when its lease
// expires because the holder died or lost etcd. No takeover logic is needed, unlike the
// file lock: etcd ends a dead holder's lease. `tandem unlock NODE --holder ID --etcd URLS`
// breaks a holding by id (breakNodeLockEtcd).
//
// For the agent (and anyone holding a lease already):
//   acquireNodeLockEtcd(client, { cluster, node, lease, planId, role? }) -> EtcdLockOutcome
//     ok: { lock: EtcdNodeLock }  (lock.createRevision is the holding's token)
//     refused: { holder?, message, hint } (message names the holder as the file lock does)
//   releaseNodeLockEtcd(client, lock) -> whether our holding was still there and is now gone
// For a one-shot command: etcdNodeLocks(client, { role }) is the
// ExternalNodeLocks that applyWithExternalLocks (src/apply/external-lock.ts) takes: its
// own lease (TTL 10 s), renewed every third of it while the apply runs, revoked at the end.
import type { ExternalLockAttempt, ExternalNodeLocks } from '../apply/external-lock.js';
import { describeHolder, newHolder, parseHolder, type LockHolder } from '../apply/node-lock.js';
import { EtcdError, type EtcdClient, type KeyValue } from './etcd/client.js';
import { fleetClusterName, nodeLockKey } from './keys.js';

/** Who holds a lock in etcd: the file lock's holder, and which kind of tandem took it. */
export type EtcdLockHolder = LockHolder & { role?: 'apply' | 'reconcile' | 'agent' };

export interface EtcdNodeLock {
  node: string;
  key: string;
  holder: EtcdLockHolder;
  /** The holding's create revision: release deletes only this holding. */
  createRevision: number;
  lease: string;
}

export type EtcdLockOutcome =
  { ok: true; lock: EtcdNodeLock } | { ok: false; holder?: LockHolder; message: string; hint?: string };

export interface AcquireEtcdOptions {
  cluster: string;
  node: string;
  /** The lease the lock lives on (the agent's own, or one granted for a command). */
  lease: string;
  planId: string;
  role?: EtcdLockHolder['role'];
  now?: () => Date;
  /** Shown in the unlock hint: how to reach etcd (e.g. "--etcd http://..."). */
  etcdHint?: string;
}

export async function acquireNodeLockEtcd(client: EtcdClient, o: AcquireEtcdOptions): Promise<EtcdLockOutcome> {
  const key = nodeLockKey(o.cluster, o.node);
  const holder: EtcdLockHolder = {
    ...newHolder({ planId: o.planId, ...(o.now ? { now: o.now } : {}) }),
    ...(o.role ? { role: o.role } : {}),
  };
  const r = await client.createIfAbsent(key, JSON.stringify(holder), o.lease);
  if (r.created)
    return { ok: true, lock: { node: o.node, key, holder, createRevision: r.kv.createRevision, lease: o.lease } };
  return refusal(o.node, key, r.kv, o.etcdHint);
}

function refusal(node: string, key: string, kv: KeyValue, etcdHint = '--etcd URLS'): EtcdLockOutcome & { ok: false } {
  const current = parseHolder(kv.value);
  if (!current)
    return {
      ok: false,
      message: `node ${node} is locked by etcd key ${key}, whose value is not a readable tandem lock`,
      hint: `if no apply runs: tandem unlock ${node} --force ${etcdHint}`,
    };
  return {
    ok: false,
    holder: current,
    message: `node ${node} is locked by another apply: ${describeHolder(current)} (lock etcd ${key})`,
    hint:
      'it ends when that apply ends or its etcd lease expires; ' +
      `if that apply is gone for good: tandem unlock ${node} --holder ${current.id} ${etcdHint}`,
  };
}

/** Releases our holding, never a later one. */
export async function releaseNodeLockEtcd(client: EtcdClient, lock: EtcdNodeLock): Promise<boolean> {
  return client.deleteIfCreateRevision(lock.key, lock.createRevision);
}

/** The holding of a node's lock: null when unlocked; holder undefined when unreadable. */
export async function readNodeLockEtcd(
  client: EtcdClient,
  cluster: string,
  node: string,
): Promise<{ key: string; kv: KeyValue; holder: LockHolder | undefined } | null> {
  const key = nodeLockKey(cluster, node);
  const kv = await client.get(key);
  return kv ? { key, kv, holder: parseHolder(kv.value) } : null;
}

export type EtcdBreakOutcome =
  | { ok: true; key: string; broken: LockHolder | 'unreadable' }
  | { ok: false; key: string; reason: 'not-locked' | 'other-holder'; holder?: LockHolder };

/**
 * Breaks a holding for `tandem unlock`: only the one named by its id (or, with force, an
 * unreadable one), and only that very holding (its create revision), never a later one.
 */
export async function breakNodeLockEtcd(
  client: EtcdClient,
  cluster: string,
  node: string,
  wanted: { holderId?: string; forceUnreadable?: boolean },
): Promise<EtcdBreakOutcome> {
  const key = nodeLockKey(cluster, node);
  const now = await readNodeLockEtcd(client, cluster, node);
  if (!now) return { ok: false, key, reason: 'not-locked' };
  const { holder } = now;
  if (holder ? holder.id !== wanted.holderId : !wanted.forceUnreadable)
    return { ok: false, key, reason: 'other-holder', ...(holder ? { holder } : {}) };
  if (!(await client.deleteIfCreateRevision(key, now.kv.createRevision))) {
    const later = await readNodeLockEtcd(client, cluster, node);
    if (!later) return { ok: true, key, broken: holder ?? 'unreadable' }; // released meanwhile
    return { ok: false, key, reason: 'other-holder', ...(later.holder ? { holder: later.holder } : {}) };
  }
  return { ok: true, key, broken: holder ?? 'unreadable' };
}

/**
 * A lease kept alive on a timer for as long as a command runs. `lost` says why it may have
 * ended early (expired, or etcd unreachable for longer than the TTL).
 */
export class LeaseKeeper {
  lost: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastRenewal = Date.now();
  private renewing = false;

  private constructor(
    private readonly client: EtcdClient,
    readonly id: string,
    readonly ttlSeconds: number,
  ) {}

  static async start(client: EtcdClient, ttlSeconds: number): Promise<LeaseKeeper> {
    const { id, ttl } = await client.leaseGrant(ttlSeconds);
    const keeper = new LeaseKeeper(client, id, ttl);
    keeper.timer = setInterval(() => void keeper.renew(), Math.max(200, (ttl * 1000) / 3));
    keeper.timer.unref();
    return keeper;
  }

  private async renew(): Promise<void> {
    if (this.renewing || this.lost) return;
    this.renewing = true;
    try {
      const { ttl } = await this.client.leaseKeepAlive(this.id);
      if (ttl > 0) this.lastRenewal = Date.now();
      else this.lost = `the etcd lease ${this.id} expired`;
    } catch (err) {
      if (Date.now() - this.lastRenewal > this.ttlSeconds * 1000)
        this.lost = `the etcd lease ${this.id} could not be renewed for its whole TTL: ${(err as Error).message}`;
    } finally {
      this.renewing = false;
    }
  }

  /** Stops renewing and revokes the lease (every key on it goes). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.client.leaseRevoke(this.id);
  }
}

export const COMMAND_LOCK_TTL_S = 10;

/** The node locks of a one-shot command (apply, one reconcile run) on a lease of its own. */
export function etcdNodeLocks(
  client: EtcdClient,
  o: { role: 'apply' | 'reconcile'; etcdHint?: string; ttlSeconds?: number },
): ExternalNodeLocks {
  return {
    async acquire(nodes, { planId, model, envDir }): Promise<ExternalLockAttempt> {
      const cluster = fleetClusterName(model.cluster?.doc.metadata.name, envDir);
      let keeper: LeaseKeeper;
      try {
        keeper = await LeaseKeeper.start(client, o.ttlSeconds ?? COMMAND_LOCK_TTL_S);
      } catch (err) {
        const message = err instanceof EtcdError ? err.message : String(err);
        return { ok: false, node: nodes[0], message: `cannot take the lock of node ${nodes[0]} in etcd: ${message}` };
      }
      const held: EtcdNodeLock[] = [];
      for (const node of nodes) {
        let r: EtcdLockOutcome;
        try {
          r = await acquireNodeLockEtcd(client, {
            cluster,
            node,
            lease: keeper.id,
            planId,
            role: o.role,
            ...(o.etcdHint ? { etcdHint: o.etcdHint } : {}),
          });
        } catch (err) {
          r = { ok: false, message: `cannot take the lock of node ${node} in etcd: ${(err as Error).message}` };
        }
        if (!r.ok) {
          await keeper.stop().catch(() => undefined); // the lease takes the locks taken so far with it
          return {
            ok: false,
            node,
            message: r.message,
            ...(r.hint ? { hint: r.hint } : {}),
            ...(r.holder ? { holder: r.holder } : {}),
          };
        }
        held.push(r.lock);
      }
      return {
        ok: true,
        held: held.map((l) => ({ node: l.node, where: `etcd ${l.key}`, holderId: l.holder.id })),
        async release() {
          const lost = keeper.lost;
          await keeper.stop();
          return lost ? `${lost} during the apply: another tandem could have taken the node locks` : undefined;
        },
      };
    },
  };
}
