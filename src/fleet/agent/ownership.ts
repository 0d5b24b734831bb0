// Owner keys of relocatable addresses: `owners/<address>` is created in a transaction
// only while absent, attached to the owner agent's lease; its create revision is the
// fencing token. A key is released only by its creator and only while it still has that
// create revision and its lease, so a release can never delete a later owner's key, nor
// one this node's restarted agent adopted (adopt). The agent keeps the tokens it holds;
// `view` reads the owner keys of the addresses it holds or could hold, to notice a key it
// held that is gone or recreated (ownership lost: the address must go) and which keys are
// free to claim.
//
// With each owner key go its standby keys (keys.ts): one per other placement node, in
// the same transaction and on the same lease, so the nodes that could take the address
// over are woken when it is released or its owner's lease expires, and nobody else is.
import type { EtcdClient, KeyValue, Op } from '../etcd/client.js';
import { nameUnder, ownerKey, ownersPrefix, standbyKey } from '../keys.js';
import type { ClaimMode, OwnedFacts } from './runtime.js';

export interface OwnerValue {
  node: string;
  agent: string;
  since: string;
  /** Why it was claimed: by the desired active node, or as a failover (runtime.ts). */
  mode?: ClaimMode;
  /** The desired active node when it was claimed. */
  active?: string;
}

export interface OwnerRecord extends OwnerValue {
  token: number;
  lease?: string;
}

export function parseOwner(kv: KeyValue): OwnerRecord | undefined {
  try {
    const v = JSON.parse(kv.value) as Partial<OwnerValue>;
    if (typeof v.node !== 'string') return undefined;
    return {
      node: v.node,
      agent: String(v.agent ?? ''),
      since: String(v.since ?? ''),
      ...(v.mode === 'planned' || v.mode === 'failover' ? { mode: v.mode } : {}),
      ...(typeof v.active === 'string' ? { active: v.active } : {}),
      token: kv.createRevision,
      lease: kv.lease,
    };
  } catch {
    return undefined;
  }
}

export class Ownership {
  /** Address name -> what this agent holds. */
  readonly owned = new Map<string, OwnerRecord>();
  /** Address name -> the nodes whose standby keys this agent wrote with its owner key. */
  private readonly standbys = new Map<string, readonly string[]>();

  constructor(
    private readonly client: EtcdClient,
    readonly cluster: string,
    readonly node: string,
    readonly agent: string,
  ) {}

  get prefix(): string {
    return ownersPrefix(this.cluster);
  }

  nameOf(key: string): string | undefined {
    return nameUnder(this.prefix, key);
  }

  tokens(): Map<string, number> {
    return new Map([...this.owned].map(([name, r]) => [name, r.token]));
  }

  /**
   * The owner keys of `names` (address name -> record; unreadable values count as held by
   * "?"). A few names are read key by key; when they are most of the keys, one range of
   * owners/ costs etcd less.
   */
  async view(names: ReadonlySet<string>, total: number): Promise<Map<string, OwnerRecord>> {
    const kvs =
      names.size > 200 && names.size * 2 > total
        ? (await this.client.range(this.prefix)).kvs
        : [...(await this.client.getMany([...names].map((n) => ownerKey(this.cluster, n)))).values()];
    const owners = new Map<string, OwnerRecord>();
    for (const kv of kvs) {
      const name = this.nameOf(kv.key);
      if (name === undefined) continue;
      owners.set(
        name,
        parseOwner(kv) ?? { node: '?', agent: '?', since: '', token: kv.createRevision, lease: kv.lease },
      );
    }
    return owners;
  }

  /** Names this agent held whose key is gone or has another create revision now. */
  lostIn(owners: ReadonlyMap<string, OwnerRecord>): string[] {
    const lost: string[] = [];
    for (const [name, mine] of this.owned) {
      const now = owners.get(name);
      if (!now || now.token !== mine.token) lost.push(name);
    }
    for (const name of lost) {
      this.owned.delete(name);
      this.standbys.delete(name);
    }
    return lost;
  }

  private standbyValue(): string {
    return JSON.stringify({ node: this.node, agent: this.agent });
  }

  /**
   * Creates the owner key while absent, on `lease`, with the standby keys of `standbys`
   * (the address's other placement nodes). Returns the holder when someone else has it.
   */
  async claim(
    name: string,
    lease: string,
    now: Date,
    standbys: readonly string[] = [],
    facts?: OwnedFacts,
  ): Promise<{ won: true; record: OwnerRecord } | { won: false; holder?: OwnerRecord }> {
    const value: OwnerValue = {
      node: this.node,
      agent: this.agent,
      since: now.toISOString(),
      ...(facts ? { mode: facts.mode, active: facts.activeAtClaim } : {}),
    };
    const puts = standbys.map((node): Op => ({
      put: { key: standbyKey(this.cluster, node, name), value: this.standbyValue(), lease },
    }));
    const r = await this.client.createIfAbsent(ownerKey(this.cluster, name), JSON.stringify(value), lease, puts);
    if (r.created) {
      const record: OwnerRecord = { ...value, token: r.kv.createRevision, lease };
      this.owned.set(name, record);
      this.standbys.set(name, [...standbys]);
      return { won: true, record };
    }
    return { won: false, holder: parseOwner(r.kv) };
  }

  /**
   * Moves a key this node's previous agent created (same node, another lease: a restart
   * after kill -9 or a crash) onto `lease`, while it still has its create revision and the
   * old lease: the node never stopped holding the address, so the fencing token stays.
   * Without it the old key would expire and the address could move (docs/fleet.md,
   * "The owner's agent restarts"). The standby keys move with it.
   */
  async adopt(
    name: string,
    previous: OwnerRecord,
    lease: string,
    standbys: readonly string[],
  ): Promise<OwnerRecord | undefined> {
    if (previous.node !== this.node || !previous.lease || previous.lease === lease) return undefined;
    const value: OwnerValue = {
      node: this.node,
      agent: this.agent,
      since: previous.since,
      ...(previous.mode ? { mode: previous.mode } : {}),
      ...(previous.active ? { active: previous.active } : {}),
    };
    const key = ownerKey(this.cluster, name);
    const r = await this.client.txn({
      compare: [
        { key, target: 'CREATE', result: 'EQUAL', createRevision: previous.token },
        { key, target: 'LEASE', result: 'EQUAL', lease: previous.lease },
      ],
      success: [
        { put: { key, value: JSON.stringify(value), lease } },
        ...standbys.map((node): Op => ({
          put: { key: standbyKey(this.cluster, node, name), value: this.standbyValue(), lease },
        })),
      ],
    });
    if (!r.succeeded) return undefined;
    const record: OwnerRecord = { ...value, token: previous.token, lease };
    this.owned.set(name, record);
    this.standbys.set(name, [...standbys]);
    return record;
  }

  /**
   * Brings an owned address's standby keys in line with its placements now (the desired
   * state changed them), only while the owner key is still ours. False when it is not.
   */
  async keepStandbys(name: string, standbys: readonly string[]): Promise<boolean> {
    const mine = this.owned.get(name);
    const had = this.standbys.get(name) ?? [];
    if (!mine?.lease) return false;
    const ops: Op[] = [
      ...had
        .filter((n) => !standbys.includes(n))
        .map((n): Op => ({ delete: { key: standbyKey(this.cluster, n, name) } })),
      ...standbys
        .filter((n) => !had.includes(n))
        .map((n): Op => ({
          put: { key: standbyKey(this.cluster, n, name), value: this.standbyValue(), lease: mine.lease },
        })),
    ];
    if (ops.length === 0) return true;
    const r = await this.client.txn({
      compare: [{ key: ownerKey(this.cluster, name), target: 'CREATE', result: 'EQUAL', createRevision: mine.token }],
      success: ops,
    });
    if (r.succeeded) this.standbys.set(name, [...standbys]);
    return r.succeeded;
  }

  /** Deletes the key and its standby keys, only if it is still ours (same create revision). */
  async release(name: string): Promise<boolean> {
    const mine = this.owned.get(name);
    if (!mine) return false;
    const standbys = (this.standbys.get(name) ?? []).map((n): Op => ({
      delete: { key: standbyKey(this.cluster, n, name) },
    }));
    const key = ownerKey(this.cluster, name);
    // And only from our lease: a key adopted by this node's next agent (adopt) is not ours to delete.
    const deleted = (
      await this.client.txn({
        compare: [
          { key, target: 'CREATE', result: 'EQUAL', createRevision: mine.token },
          ...(mine.lease ? [{ key, target: 'LEASE' as const, result: 'EQUAL' as const, lease: mine.lease }] : []),
        ],
        success: [{ delete: { key } }, ...standbys],
      })
    ).succeeded;
    this.owned.delete(name);
    this.standbys.delete(name);
    return deleted;
  }

  /** Forget every key (the lease is gone or revoked: etcd deletes them). */
  forgetAll(): void {
    this.owned.clear();
    this.standbys.clear();
  }
}
