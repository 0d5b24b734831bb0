// A copy-on-write working copy of one ObservedNode. applyOps runs a whole batch of ops
// against one Draft, so a batch costs one shallow copy of each section it touches plus
// the ops themselves, whatever the node's size. Objects inside the sections are shared
// with the input state and are never modified: an op that changes an object puts a new
// one in its place. That is what keeps the input state untouched.
import { hostPart } from '../model/ip.js';
import type {
  Family,
  ObservedAddress,
  ObservedLink,
  ObservedNeighbor,
  ObservedNode,
  ObservedRoute,
  ObservedXfrmPolicy,
} from '../observe/model.js';

/** Addresses of one interface in kernel order: IPv4 primaries, then secondaries; IPv6 newest first. */
export interface IfaceAddresses {
  v4: ObservedAddress[];
  v6: ObservedAddress[];
}

/** A state's addresses by interface, in the state's order; lists are never modified. */
export type AddressTable = ReadonlyMap<string, IfaceAddresses>;

// The address table of every state a Draft produced, in that state's order (by link, as
// flattenAddresses lists them, no empty entries): what addressMap() would build from the
// state's addresses. A chain of batches over one node (the planner walks thousands) then
// starts each Draft from the previous table, copying only the interfaces it writes, and
// the state's flat address list is built only when something reads it, instead of
// regrouping and re-listing the whole node per batch.
// The table rides on the state as a non-enumerable symbol property (JSON, spreads and
// deep comparisons do not see it) rather than in a WeakMap keyed by state: the planner
// makes tens of thousands of short-lived states, and every young-generation collection
// walks a WeakMap's entries whose keys it cannot free, which made garbage collection the
// largest cost of planning a busy node.
const TABLE = Symbol('tandem.addressTable');

type WithTable = ObservedNode & { [TABLE]?: AddressTable };

/** The address table of a state a Draft produced (undefined for any other state). */
export function addressTableOf(state: ObservedNode): AddressTable | undefined {
  return (state as WithTable)[TABLE];
}

function setAddressTable(state: ObservedNode, table: AddressTable): void {
  Object.defineProperty(state, TABLE, { value: table, enumerable: false, writable: false, configurable: false });
}

/** An address's identity on its interface, as the kernel refuses a second one: IPv4 by CIDR, IPv6 by address. */
export const identityOf = (a: ObservedAddress): string => (a.family === 4 ? a.cidr : hostPart(a.cidr));

/** Lookups that scan an interface's list before a Draft indexes it (see `present`). */
const SCANS_BEFORE_INDEX = 8;

export class Draft {
  private linksW?: ObservedLink[];
  private linkIndex?: Map<string, number>;
  private addrs?: Map<string, IfaceAddresses>;
  private addrsChanged = false;
  // The identities on an interface (by "family interface"), for the duplicate check of an
  // add: a batch of thousands of adds to one interface (a node's additions go through
  // the gate's simulation as one batch; issue 14) scanned the growing list once per add.
  // Built only after a few lookups, so a batch of one add costs no more than the scan;
  // kept up by addAddress and dropped by any other write to the interface's lists.
  private present?: Map<string, { lookups: number; identities?: Set<string> }>;
  private routesW?: ObservedRoute[];
  private neighborsW?: ObservedNeighbor[];
  private xfrmW?: ObservedXfrmPolicy[];
  private sysctlW?: Record<string, string>;

  private readonly baseTable: AddressTable | undefined;

  constructor(readonly base: ObservedNode) {
    this.baseTable = addressTableOf(base);
  }

  get node(): string {
    return this.base.node;
  }

  // ---- links ----

  get links(): readonly ObservedLink[] {
    return this.linksW ?? this.base.links;
  }

  link(name: string): ObservedLink | undefined {
    if (!this.linkIndex) this.linkIndex = new Map(this.links.map((l, i) => [l.name, i]));
    const i = this.linkIndex.get(name);
    return i === undefined ? undefined : this.links[i];
  }

  private writableLinks(): ObservedLink[] {
    if (!this.linksW) this.linksW = this.base.links.slice();
    return this.linksW;
  }

  putLink(link: ObservedLink): void {
    const links = this.writableLinks();
    this.link(link.name);
    const i = this.linkIndex!.get(link.name);
    if (i === undefined) {
      this.linkIndex!.set(link.name, links.length);
      links.push(link);
    } else {
      links[i] = link;
    }
  }

  removeLink(name: string): void {
    this.linksW = this.links.filter((l) => l.name !== name);
    this.linkIndex = undefined;
  }

  // ---- addresses ----

  /** Per-interface address lists (built once per draft, O(addresses)). */
  private addressMap(): Map<string, IfaceAddresses> {
    if (!this.addrs && this.baseTable) this.addrs = new Map(this.baseTable);
    if (!this.addrs) {
      this.addrs = new Map();
      for (const a of this.base.addresses) {
        let entry = this.addrs.get(a.interface);
        if (!entry) this.addrs.set(a.interface, (entry = { v4: [], v6: [] }));
        (a.family === 4 ? entry.v4 : entry.v6).push(a);
      }
    }
    return this.addrs;
  }

  /** Read-only view of an interface's addresses. */
  addressesOf(iface: string): IfaceAddresses {
    return this.addressMap().get(iface) ?? { v4: [], v6: [] };
  }

  /** Whether the interface has an address of this identity (identityOf). */
  hasAddress(iface: string, family: Family, identity: string): boolean {
    const entry = this.addressesOf(iface);
    const list = family === 4 ? entry.v4 : entry.v6;
    this.present ??= new Map();
    const key = `${family} ${iface}`;
    let p = this.present.get(key);
    if (!p) this.present.set(key, (p = { lookups: 0 }));
    if (!p.identities && ++p.lookups > SCANS_BEFORE_INDEX) p.identities = new Set(list.map(identityOf));
    return p.identities ? p.identities.has(identity) : list.some((a) => identityOf(a) === identity);
  }

  /**
   * Adds an address to its interface's list of its family: at the end, at the start, or
   * before the first IPv4 secondary.
   */
  addAddress(iface: string, address: ObservedAddress, at: 'end' | 'start' | 'before-secondaries'): void {
    const entry = this.writableEntry(iface);
    const list = address.family === 4 ? entry.v4 : entry.v6;
    if (at === 'end') list.push(address);
    else if (at === 'start') list.unshift(address);
    else list.splice(firstSecondary(list), 0, address);
    this.present?.get(`${address.family} ${iface}`)?.identities?.add(identityOf(address));
  }

  /** Writable lists of an interface's addresses; the caller changes them in place. */
  writableAddressesOf(iface: string): IfaceAddresses {
    this.forgetPresent(iface);
    return this.writableEntry(iface);
  }

  private forgetPresent(iface: string): void {
    this.present?.delete(`4 ${iface}`);
    this.present?.delete(`6 ${iface}`);
  }

  private writableEntry(iface: string): IfaceAddresses {
    const map = this.addressMap();
    this.addrsChanged = true;
    let entry = map.get(iface);
    if (!entry) map.set(iface, (entry = { v4: [], v6: [] }));
    // Lists shared with the base state's table are copied before their first change.
    else if (entry === this.baseTable?.get(iface))
      map.set(iface, (entry = { v4: entry.v4.slice(), v6: entry.v6.slice() }));
    return entry;
  }

  removeAddressesOf(iface: string): void {
    this.forgetPresent(iface);
    const map = this.addressMap();
    if (map.delete(iface)) this.addrsChanged = true;
  }

  *allAddresses(): Iterable<ObservedAddress> {
    for (const entry of this.addressMap().values()) {
      yield* entry.v4;
      yield* entry.v6;
    }
  }

  // ---- routes, neighbours, xfrm, sysctl ----

  get routes(): readonly ObservedRoute[] {
    return this.routesW ?? this.base.routes;
  }

  writableRoutes(): ObservedRoute[] {
    if (!this.routesW) this.routesW = this.base.routes.slice();
    return this.routesW;
  }

  /** Removes the routes matching `drop`; copies the section only when one matches. */
  removeRoutes(drop: (r: ObservedRoute) => boolean): number {
    const current = this.routes;
    if (!current.some(drop)) return 0;
    const kept = current.filter((r) => !drop(r));
    this.routesW = kept;
    return current.length - kept.length;
  }

  get neighbors(): readonly ObservedNeighbor[] {
    return this.neighborsW ?? this.base.neighbors;
  }

  writableNeighbors(): ObservedNeighbor[] {
    if (!this.neighborsW) this.neighborsW = this.base.neighbors.slice();
    return this.neighborsW;
  }

  removeNeighbors(drop: (n: ObservedNeighbor) => boolean): void {
    if (this.neighbors.some(drop)) this.neighborsW = this.neighbors.filter((n) => !drop(n));
  }

  get xfrmPolicies(): readonly ObservedXfrmPolicy[] {
    return this.xfrmW ?? this.base.xfrmPolicies;
  }

  writableXfrmPolicies(): ObservedXfrmPolicy[] {
    if (!this.xfrmW) this.xfrmW = this.base.xfrmPolicies.slice();
    return this.xfrmW;
  }

  get sysctl(): Readonly<Record<string, string>> {
    return this.sysctlW ?? this.base.sysctl;
  }

  writableSysctl(): Record<string, string> {
    if (!this.sysctlW) this.sysctlW = { ...this.base.sysctl };
    return this.sysctlW;
  }

  // ---- result ----

  get changed(): boolean {
    return !!(this.linksW || this.addrsChanged || this.routesW || this.neighborsW || this.xfrmW || this.sysctlW);
  }

  /** The resulting state; the input object itself when nothing changed. */
  finish(): ObservedNode {
    if (!this.changed) return this.base;
    // Built key by key rather than spread: spreading would read the base's addresses,
    // which a Draft-made base only lists when asked (see below).
    const out = {} as Record<string, unknown>;
    const base = this.base as unknown as Record<string, unknown>;
    for (const key of Object.keys(base)) out[key] = key === 'addresses' ? undefined : base[key];
    Object.assign(out, {
      links: this.links as ObservedLink[],
      addresses: undefined,
      routes: this.routes as ObservedRoute[],
      neighbors: this.neighbors as ObservedNeighbor[],
      xfrmPolicies: this.xfrmPolicies as ObservedXfrmPolicy[],
      sysctl: this.sysctl,
    });
    const state = out as unknown as ObservedNode;
    let table = this.baseTable;
    let list: () => ObservedAddress[];
    if (this.addrsChanged) {
      const ordered = this.orderedAddressMap();
      table = ordered;
      list = () => [...ordered.values()].flatMap((e) => [...e.v4, ...e.v6]);
    } else {
      const base = this.base;
      list = () => base.addresses;
    }
    if (table) setAddressTable(state, table);
    lazyAddresses(state, list);
    return state;
  }

  /** The address map in `ip -j addr` order: by link, addresses of unknown links last; no empty entries. */
  private orderedAddressMap(): Map<string, IfaceAddresses> {
    const map = this.addressMap();
    const out = new Map<string, IfaceAddresses>();
    const put = (iface: string) => {
      const entry = map.get(iface);
      if (!entry || out.has(iface) || (entry.v4.length === 0 && entry.v6.length === 0)) return;
      out.set(iface, entry);
    };
    for (const l of this.links) put(l.name);
    for (const iface of map.keys()) put(iface);
    return out;
  }
}

/**
 * Defines `state.addresses` in its place among the keys, listed on first read and kept
 * from then on; a write replaces it like any property. JSON, spreads and comparisons
 * see a plain array.
 */
function lazyAddresses(state: ObservedNode, list: () => ObservedAddress[]): void {
  const settle = (value: ObservedAddress[]) => {
    Object.defineProperty(state, 'addresses', { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(state, 'addresses', {
    get: () => settle(list()),
    set: settle,
    enumerable: true,
    configurable: true,
  });
}

/** Where the IPv4 secondaries of a list start (its length when there is none). */
export function firstSecondary(list: readonly ObservedAddress[]): number {
  const i = list.findIndex((a) => a.secondary);
  return i < 0 ? list.length : i;
}
