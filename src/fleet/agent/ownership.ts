// Owner keys of relocatable addresses: `owners/<address>` is created in a transaction
// only while absent, attached to the owner agent's lease; its create revision is the
// fencing token. A key is released only by its creator and only while it still has that
// create revision (deleteIfCreateRevision), so a release can never delete a later
// owner's key. The agent keeps the tokens it holds; `view` reads every owner key to
// notice a key it held that is gone or recreated (ownership lost: the address must go).
import type { EtcdClient, KeyValue } from '../etcd/client.js';
import { nameUnder, ownerKey, ownersPrefix } from '../keys.js';

export interface OwnerValue {
  node: string;
  agent: string;
  since: string;
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

  /** Every owner key: address name -> record (unreadable values count as held by "?"). */
  async view(): Promise<{ owners: Map<string, OwnerRecord>; revision: number }> {
    const { kvs, revision } = await this.client.range(this.prefix);
    const owners = new Map<string, OwnerRecord>();
    for (const kv of kvs) {
      const name = this.nameOf(kv.key);
      if (name === undefined) continue;
      owners.set(
        name,
        parseOwner(kv) ?? { node: '?', agent: '?', since: '', token: kv.createRevision, lease: kv.lease },
      );
    }
    return { owners, revision };
  }

  /** Names this agent held whose key is gone or has another create revision now. */
  lostIn(owners: ReadonlyMap<string, OwnerRecord>): string[] {
    const lost: string[] = [];
    for (const [name, mine] of this.owned) {
      const now = owners.get(name);
      if (!now || now.token !== mine.token) lost.push(name);
    }
    for (const name of lost) this.owned.delete(name);
    return lost;
  }

  /** Creates the owner key while absent, on `lease`. Returns the holder when someone else has it. */
  async claim(
    name: string,
    lease: string,
    now: Date,
  ): Promise<{ won: true; record: OwnerRecord } | { won: false; holder?: OwnerRecord }> {
    const value: OwnerValue = { node: this.node, agent: this.agent, since: now.toISOString() };
    const r = await this.client.createIfAbsent(ownerKey(this.cluster, name), JSON.stringify(value), lease);
    if (r.created) {
      const record: OwnerRecord = { ...value, token: r.kv.createRevision, lease };
      this.owned.set(name, record);
      return { won: true, record };
    }
    return { won: false, holder: parseOwner(r.kv) };
  }

  /** Deletes the key only if it is still ours (same create revision). */
  async release(name: string): Promise<boolean> {
    const mine = this.owned.get(name);
    if (!mine) return false;
    const deleted = await this.client.deleteIfCreateRevision(ownerKey(this.cluster, name), mine.token);
    this.owned.delete(name);
    return deleted;
  }

  /** Forget every key (the lease is gone or revoked: etcd deletes them). */
  forgetAll(): void {
    this.owned.clear();
  }
}
