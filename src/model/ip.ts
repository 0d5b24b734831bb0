// IP arithmetic for the rules and the planner, on top of ipaddr.js. Parsing is strict:
// IPv4 only in dotted four-part decimal, IPv6 without zone ids, prefixes in range.
import ipaddr from 'ipaddr.js';
import type { Family } from '../observe/model.js';

export interface ParsedCidr {
  family: Family;
  /** Canonical address text (lower-case, compressed IPv6). */
  address: string;
  prefix: number;
  /** Canonical "address/prefix". */
  cidr: string;
  /** Canonical network prefix "network/prefix". */
  network: string;
  parsed: ipaddr.IPv4 | ipaddr.IPv6;
}

type ParsedIp = { family: Family; address: string; parsed: ipaddr.IPv4 | ipaddr.IPv6 };

// Rules, the planner and the drivers parse the same few thousand strings many times:
// results are memoised (values are never mutated), bounded so a long-running
// reconciler does not grow without end.
const MEMO_LIMIT = 500_000;
const ipMemo = new Map<string, ParsedIp | null>();
const cidrMemo = new Map<string, ParsedCidr | null>();

/** Entries in the parse memos (for benchmarks and tests). */
export function memoSizes(): { ip: number; cidr: number } {
  return { ip: ipMemo.size, cidr: cidrMemo.size };
}

/** `compute` never answers undefined (a failed parse is null), so a miss is `get` answering undefined. */
function memo<T extends object | null>(cache: Map<string, T>, key: string, compute: (k: string) => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size >= MEMO_LIMIT) cache.clear();
  const value = compute(key);
  cache.set(key, value);
  return value;
}

export function parseIp(text: string): ParsedIp | null {
  if (typeof text !== 'string') return null;
  return memo(ipMemo, text, parseIpUncached);
}

function parseIpUncached(text: string): ParsedIp | null {
  // The colon test is for speed: ipaddr's IPv4 check throws internally on IPv6 text.
  if (!text.includes(':')) {
    const octets = fourPartDecimal(text);
    // Without leading zeros, the text is already the canonical one ipaddr.js would write.
    return octets ? { family: 4, address: text, parsed: new ipaddr.IPv4(octets) } : null;
  }
  if (text.includes('%')) return null;
  const parts = plainIpv6Parts(text);
  let parsed: ipaddr.IPv6;
  if (parts) {
    parsed = new ipaddr.IPv6(parts);
  } else {
    // One parse: IPv6.isValid followed by IPv6.parse would run ipaddr's parser twice.
    try {
      parsed = ipaddr.IPv6.parse(text);
    } catch {
      return null;
    }
  }
  return { family: 6, address: ipv6Text(parsed.parts), parsed };
}

const DOT = 0x2e;
const ZERO = 0x30;

/**
 * The octets of dotted four-part decimal text, as ipaddr.js's isValidFourPartDecimal
 * accepts it (four decimal parts of 0-255 without leading zeros), or undefined. Read here
 * in one pass: ipaddr.js's check and parse run its regular expressions twice per address,
 * the larger part of validating a node with 10,000 IPv4 addresses (issue 14).
 */
export function fourPartDecimal(text: string): number[] | undefined {
  const octets: number[] = [];
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : DOT;
    if (code === DOT) {
      if (digits === 0 || octets.length === 4) return undefined;
      octets.push(value);
      value = 0;
      digits = 0;
    } else if (code >= ZERO && code <= ZERO + 9) {
      if (digits === 1 && value === 0) return undefined;
      value = value * 10 + (code - ZERO);
      if (value > 255) return undefined;
      digits++;
    } else return undefined;
  }
  return octets.length === 4 ? octets : undefined;
}

const COLON = 0x3a;

/** The value of a hex digit's character code, or -1. */
function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  return -1;
}

/**
 * The eight parts of IPv6 text in the plain form: groups of one to four hex digits
 * separated by `:`, eight of them, or at most seven around one `::`. ipaddr.js reads
 * every such text, to these parts, through regular expressions, string replacements
 * and a split (half the time of parsing a fleet's addresses, issue 14). Anything else (an IPv4 tail,
 * an odd or invalid form) gives undefined: ipaddr.js decides.
 */
export function plainIpv6Parts(text: string): number[] | undefined {
  const groups: number[] = [];
  /** Where `::` stands among the groups, or -1. */
  let gap = -1;
  const length = text.length;
  let i = 0;
  if (text.charCodeAt(0) === COLON) {
    if (text.charCodeAt(1) !== COLON) return undefined;
    gap = 0;
    i = 2;
  }
  while (i < length) {
    let value = 0;
    const start = i;
    for (let digit; i < length && (digit = hexDigit(text.charCodeAt(i))) >= 0; i++) value = value * 16 + digit;
    if (i === start || i - start > 4) return undefined;
    groups.push(value);
    if (i === length) break;
    if (text.charCodeAt(i) !== COLON || ++i === length) return undefined;
    if (text.charCodeAt(i) === COLON) {
      if (gap >= 0) return undefined;
      gap = groups.length;
      i++;
    }
  }
  if (gap < 0) return groups.length === 8 ? groups : undefined;
  if (groups.length > 7) return undefined;
  const parts: number[] = [];
  for (let k = 0; k < gap; k++) parts.push(groups[k]);
  for (let zero = groups.length; zero < 8; zero++) parts.push(0);
  for (let k = gap; k < groups.length; k++) parts.push(groups[k]);
  return parts;
}

/** Hex text of 16-bit values, made once each: a fleet's addresses repeat the same few parts. */
const hexTexts: string[] = [];
const hexOf = (part: number): string => (hexTexts[part] ??= part.toString(16));

/**
 * IPv6 text as RFC 5952 writes it, exactly as ipaddr.js's toString() (toRFC5952String)
 * does for an address without a zone: lower-case hex without leading zeros, and the
 * longest run of two or more zero groups (the first of equal runs) written `::`. Built
 * from the eight parts directly: ipaddr.js formats through a regular expression and
 * intermediate strings, a third of parsing a fleet's addresses (issue 14).
 */
export function ipv6Text(parts: readonly number[]): string {
  let runStart = -1;
  let runLength = 1;
  for (let i = 0; i < 8;) {
    if (parts[i] !== 0) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < 8 && parts[end] === 0) end++;
    if (end - i > runLength) {
      runStart = i;
      runLength = end - i;
    }
    i = end;
  }
  const runEnd = runStart + runLength;
  let text = '';
  for (let i = 0; i < 8; i++) {
    if (i === runStart) {
      text += '::';
      i = runEnd - 1;
      continue;
    }
    if (i > 0 && i !== runEnd) text += ':';
    text += hexOf(parts[i]);
  }
  return text;
}

/** The network address of `ip` with `prefix` bits kept, as text (`address`, its text, when no bit is cut). */
function networkText(ip: ipaddr.IPv4 | ipaddr.IPv6, prefix: number, address: string): string {
  if (ip.kind() === 'ipv4') {
    const o = (ip as ipaddr.IPv4).octets;
    return (
      `${o[0] & maskBits(prefix, 8)}.${o[1] & maskBits(prefix - 8, 8)}.` +
      `${o[2] & maskBits(prefix - 16, 8)}.${o[3] & maskBits(prefix - 24, 8)}`
    );
  }
  const parts = (ip as ipaddr.IPv6).parts;
  const masked: number[] = [];
  let cut = false;
  for (let i = 0; i < 8; i++) {
    const kept = parts[i] & maskBits(prefix - i * 16, 16);
    if (kept !== parts[i]) cut = true;
    masked.push(kept);
  }
  return cut ? ipv6Text(masked) : address;
}

/** The mask of a `width`-bit group of which the first `keep` bits are kept (clamped to 0..width). */
function maskBits(keep: number, width: number): number {
  if (keep <= 0) return 0;
  if (keep >= width) return (1 << width) - 1;
  return ((1 << width) - 1) & ~((1 << (width - keep)) - 1);
}

export function parseCidr(text: string): ParsedCidr | null {
  if (typeof text !== 'string') return null;
  return memo(cidrMemo, text, parseCidrUncached);
}

function parseCidrUncached(text: string): ParsedCidr | null {
  const slash = text.indexOf('/');
  if (slash < 0 || slash !== text.lastIndexOf('/')) return null;
  // Not through the IP memo: the CIDR's own entry already holds the parsed address.
  const ip = parseIpUncached(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > (ip.family === 4 ? 32 : 128)) return null;
  return {
    family: ip.family,
    address: ip.address,
    prefix,
    cidr: `${ip.address}/${prefix}`,
    network: `${networkText(ip.parsed, prefix, ip.address)}/${prefix}`,
    parsed: ip.parsed,
  };
}

/** The address of "address/prefix" text, without parsing it ("192.0.2.5/24" -> "192.0.2.5"). */
export function hostPart(cidr: string): string {
  const slash = cidr.indexOf('/');
  return slash < 0 ? cidr : cidr.slice(0, slash);
}

export function isValidCidr(text: string): boolean {
  return parseCidr(text) !== null;
}

export function isValidIp(text: string): boolean {
  return parseIp(text) !== null;
}

/** Canonical address/prefix text, or the input unchanged when it does not parse. */
export function canonicalCidr(text: string): string {
  return parseCidr(text)?.cidr ?? text;
}

export function canonicalIp(text: string): string {
  return parseIp(text)?.address ?? text;
}

/** IPv4 network and broadcast addresses of a CIDR (null for IPv6 or prefix >= 31). */
export function ipv4Edges(cidr: ParsedCidr): { network: string; broadcast: string } | null {
  if (cidr.family !== 4 || cidr.prefix >= 31) return null;
  return {
    network: ipaddr.IPv4.networkAddressFromCIDR(cidr.cidr).toString(),
    broadcast: ipaddr.IPv4.broadcastAddressFromCIDR(cidr.cidr).toString(),
  };
}

/**
 * Whether an IPv4 address is the network or the broadcast address of its own subnet
 * (null for IPv6, prefix >= 31, or a host address). On the address's integer: a check of
 * every address of a fleet cannot afford ipaddr.js's parse and format per address.
 */
export function ipv4EdgeOf(cidr: ParsedCidr): 'network' | 'broadcast' | null {
  if (cidr.family !== 4 || cidr.prefix >= 31) return null;
  const value = v4Value(cidr);
  const host = cidr.prefix === 0 ? 0xffffffff : ~(0xffffffff << (32 - cidr.prefix)) >>> 0;
  const bits = (value & host) >>> 0;
  return bits === 0 ? 'network' : bits === host ? 'broadcast' : null;
}

/** True when address `ip` lies inside the network of `cidr`. */
export function contains(cidr: ParsedCidr, ip: string): boolean {
  const parsed = parseIp(ip);
  if (!parsed || parsed.family !== cidr.family) return false;
  return (parsed.parsed as ipaddr.IPv4).match(cidr.parsed, cidr.prefix);
}

/** True when prefix `inner` lies entirely inside prefix `outer`. */
export function prefixWithin(inner: ParsedCidr, outer: ParsedCidr): boolean {
  // On the parsed values: re-parsing the text costs more than the whole comparison.
  return (
    inner.family === outer.family &&
    inner.prefix >= outer.prefix &&
    (inner.parsed as ipaddr.IPv4).match(outer.parsed, outer.prefix)
  );
}

/** True when two prefixes share at least one address. */
export function prefixesOverlap(a: ParsedCidr, b: ParsedCidr): boolean {
  return prefixWithin(a, b) || prefixWithin(b, a);
}

/** Canonical network "network/len" of a CIDR's address cut to `len` bits (len <= 32 or 128). */
export function networkAt(cidr: Pick<ParsedCidr, 'family' | 'address'>, len: number): string {
  const network =
    cidr.family === 4
      ? ipaddr.IPv4.networkAddressFromCIDR(`${cidr.address}/${len}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${cidr.address}/${len}`);
  return `${network.toString()}/${len}`;
}

/**
 * True for addresses whose scope is one host or one link (loopback, IPv4 169.254/16,
 * IPv6 fe80::/10): the same value on two nodes is no conflict.
 */
export function isHostOrLinkScoped(ip: Pick<ParsedCidr, 'parsed'>): boolean {
  // On the address's parts, not ipaddr.js's range(): that walks every special range of
  // the family for each address, a tenth of validating a large fleet (issue 14). The two
  // ranges asked for overlap none listed before them, so range() names them exactly here.
  if (ip.parsed.kind() === 'ipv4') {
    const [a, b] = (ip.parsed as ipaddr.IPv4).octets;
    return a === 127 || (a === 169 && b === 254);
  }
  const parts = (ip.parsed as ipaddr.IPv6).parts;
  if ((parts[0] & 0xffc0) === 0xfe80) return true;
  for (let i = 0; i < 7; i++) if (parts[i] !== 0) return false;
  return parts[7] === 1;
}

/**
 * A map key for the network of `cidr` cut to `len` bits. Not display text: computed on
 * the bytes, because formatting addresses through ipaddr.js is far too slow for indexes
 * over every address of a fleet. IPv4 keys are numbers (length and masked address in one
 * exact integer below 2^53): no string is built per lookup, and number keys hash faster.
 */
function networkKey(cidr: ParsedCidr, len: number): string | number {
  if (cidr.family === 4) {
    const value = v4Value(cidr);
    const masked = len === 0 ? 0 : (value & (0xffffffff << (32 - len))) >>> 0;
    return len * 0x1_0000_0000 + masked;
  }
  // ':', the length, then the eight masked 16-bit parts as one character each: one
  // string of fixed length, built in one step. A number key never holds ':', and the
  // fixed length keeps keys joined with a separator (`${a} ${b}`) unambiguous.
  const p = (cidr.parsed as ipaddr.IPv6).parts;
  return String.fromCharCode(
    0x3a,
    len,
    p[0] & maskBits(len, 16),
    p[1] & maskBits(len - 16, 16),
    p[2] & maskBits(len - 32, 16),
    p[3] & maskBits(len - 48, 16),
    p[4] & maskBits(len - 64, 16),
    p[5] & maskBits(len - 80, 16),
    p[6] & maskBits(len - 96, 16),
    p[7] & maskBits(len - 112, 16),
  );
}
const v4Cache = new WeakMap<ParsedCidr, number>();

/** An IPv4 address as an unsigned 32-bit integer. */
function v4Value(cidr: ParsedCidr): number {
  let value = v4Cache.get(cidr);
  if (value === undefined) {
    const b = cidr.parsed.toByteArray();
    v4Cache.set(cidr, (value = ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0));
  }
  return value;
}

export interface Indexed<T> {
  cidr: ParsedCidr;
  value: T;
}

type IndexItem<T> = Indexed<T> & { seq: number };
type NetworkMap<T> = Map<string | number, Array<IndexItem<T>>>;

/** What the index keeps per address family; created on the family's first entry. */
interface FamilyLists<T> {
  /** Prefix lengths present, in the order first added. */
  lengths: number[];
  longest: number;
  /** len -> network at len -> entries with a longer prefix; built on demand. */
  coarse: Map<number, NetworkMap<T>>;
}

/**
 * Prefixes indexed for "which of them overlap this one": a lookup costs one map probe
 * per distinct prefix length, so rules stay linear in the number of addresses.
 * Results come back in insertion order. A rule may keep one index per interface of a
 * fleet, thousands of them: an empty index is one map and one list.
 */
export class PrefixIndex<T> {
  readonly #byNetwork: NetworkMap<T> = new Map();
  readonly #all: Array<IndexItem<T>> = [];
  #v4: FamilyLists<T> | undefined;
  #v6: FamilyLists<T> | undefined;

  #family(family: Family): FamilyLists<T> | undefined {
    return family === 4 ? this.#v4 : this.#v6;
  }

  add(cidr: ParsedCidr, value: T): void {
    const item = { cidr, value, seq: this.#all.length };
    this.#all.push(item);
    push(this.#byNetwork, networkKey(cidr, cidr.prefix), item);
    let lists = this.#family(cidr.family);
    if (!lists) {
      lists = { lengths: [], longest: -1, coarse: new Map() };
      if (cidr.family === 4) this.#v4 = lists;
      else this.#v6 = lists;
    }
    if (!lists.lengths.includes(cidr.prefix)) lists.lengths.push(cidr.prefix);
    lists.longest = Math.max(lists.longest, cidr.prefix);
    for (const [len, coarse] of lists.coarse) {
      if (len < cidr.prefix) push(coarse, networkKey(cidr, len), item);
    }
  }

  /** Indexed prefixes sharing at least one address with `cidr` (equal, wider or narrower). */
  overlapping(cidr: ParsedCidr): Indexed<T>[] {
    const found: Array<IndexItem<T>> = [];
    const lists = this.#family(cidr.family);
    if (!lists) return found;
    for (const len of lists.lengths) {
      if (len > cidr.prefix) continue;
      const list = this.#byNetwork.get(networkKey(cidr, len));
      if (list) for (const item of list) found.push(item);
    }
    if (lists.longest > cidr.prefix) {
      const list = this.#coarseAt(lists, cidr.family, cidr.prefix).get(networkKey(cidr, cidr.prefix));
      if (list) for (const item of list) found.push(item);
    }
    if (found.length > 1) found.sort((a, b) => a.seq - b.seq);
    return found;
  }

  /**
   * The first indexed prefix (in insertion order) overlapping `cidr` that `accept` takes:
   * what `overlapping(cidr).find(accept)` returns, without building the list. Each list
   * of the index is in insertion order, so its first accepted entry is its earliest.
   */
  firstOverlapping(cidr: ParsedCidr, accept?: (entry: Indexed<T>) => boolean): Indexed<T> | undefined {
    const lists = this.#family(cidr.family);
    if (!lists) return undefined;
    let best: IndexItem<T> | undefined;
    for (const len of lists.lengths) {
      if (len <= cidr.prefix) best = earliest(this.#byNetwork.get(networkKey(cidr, len)), best, accept);
    }
    if (lists.longest > cidr.prefix) {
      const coarse = this.#coarseAt(lists, cidr.family, cidr.prefix);
      best = earliest(coarse.get(networkKey(cidr, cidr.prefix)), best, accept);
    }
    return best;
  }

  /** Whether a prefix of exactly `cidr`'s network and length was added. */
  hasNetwork(cidr: ParsedCidr): boolean {
    return this.#byNetwork.has(networkKey(cidr, cidr.prefix));
  }

  #coarseAt(lists: FamilyLists<T>, family: Family, len: number): NetworkMap<T> {
    let coarse = lists.coarse.get(len);
    if (!coarse) {
      coarse = new Map();
      for (const item of this.#all) {
        if (item.cidr.family === family && item.cidr.prefix > len) push(coarse, networkKey(item.cidr, len), item);
      }
      lists.coarse.set(len, coarse);
    }
    return coarse;
  }
}

/** The earlier of `best` and the first entry of `list` that `accept` takes (a list is in insertion order). */
function earliest<T>(
  list: Array<IndexItem<T>> | undefined,
  best: IndexItem<T> | undefined,
  accept: ((entry: Indexed<T>) => boolean) | undefined,
): IndexItem<T> | undefined {
  if (!list) return best;
  for (const item of list) {
    if (best && item.seq >= best.seq) return best;
    if (!accept || accept(item)) return item;
  }
  return best;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Up to `count` usable host addresses of the network of `cidr`, highest first: IPv4
 * skips the network and broadcast addresses below /31; IPv6 starts at the last address.
 * The lab picks its client addresses from the top of a subnet this way.
 */
export function hostsFromTop(cidr: ParsedCidr, count: number): string[] {
  const bits = cidr.family === 4 ? 32 : 128;
  const bytes = cidr.parsed.toByteArray();
  let value = bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
  const hostBits = BigInt(bits - cidr.prefix);
  const network = (value >> hostBits) << hostBits;
  let top = network + (1n << hostBits) - 1n;
  let bottom = network;
  if (cidr.family === 4 && cidr.prefix < 31) {
    top -= 1n;
    bottom += 1n;
  }
  const out: string[] = [];
  for (value = top; value >= bottom && out.length < count; value -= 1n) {
    const raw: number[] = [];
    for (let shift = BigInt(bits - 8); shift >= 0n; shift -= 8n) raw.push(Number((value >> shift) & 0xffn));
    out.push(ipaddr.fromByteArray(raw).toString());
  }
  return out;
}

/**
 * Map key of the network of `cidr` cut to `len` bits (len at most its prefix): two
 * prefixes contain the same address set exactly when their keys at their own length
 * agree. For containment indexes (e.g. which IPsec selectors hold an address).
 */
export function networkKeyAt(cidr: ParsedCidr, len: number): string {
  return String(networkKey(cidr, len));
}

export type NonUnicastKind = 'unspecified' | 'multicast' | 'broadcast' | 'class-e' | 'ipv4-mapped' | 'loopback';

/**
 * Whether an address can never be the unicast address of a host, and why: the
 * unspecified address (0.0.0.0/8, ::), multicast (224.0.0.0/4, ff00::/8), the limited
 * broadcast 255.255.255.255, class E (240.0.0.0/4), IPv4-mapped IPv6 (::ffff:0:0/96),
 * and loopback (127.0.0.0/8, ::1), which only a loopback interface may carry. The
 * ranges are ipaddr.js's own. Link-local addresses are unicast and not reported.
 */
export function nonUnicast(
  ip: Pick<ParsedCidr, 'family' | 'parsed'>,
): { kind: NonUnicastKind; description: string } | null {
  const kind = nonUnicastKind(ip.parsed);
  const v4 = ip.family === 4;
  switch (kind) {
    case 'unspecified':
      return { kind, description: v4 ? 'in 0.0.0.0/8 (unspecified)' : 'the unspecified address' };
    case 'multicast':
      return { kind, description: `multicast (${v4 ? '224.0.0.0/4' : 'ff00::/8'})` };
    case 'broadcast':
      return { kind, description: 'the limited broadcast address' };
    case 'loopback':
      return { kind, description: v4 ? 'loopback (127.0.0.0/8)' : 'the loopback address' };
    case 'ipv4-mapped':
      return { kind, description: 'IPv4-mapped (::ffff:0:0/96)' };
    case 'class-e':
      return { kind, description: 'class E (240.0.0.0/4, reserved)' };
    default:
      return null;
  }
}

/**
 * The ranges of ipaddr.js's range() that nonUnicast reports, on the address's octets or
 * parts: range() tries every special range of the family in turn, which cost a tenth
 * of validating a small environment (issue 14). None of these ranges overlaps one that
 * range() tries before it, so the answers are the same.
 */
function nonUnicastKind(parsed: ipaddr.IPv4 | ipaddr.IPv6): NonUnicastKind | null {
  if (parsed.kind() === 'ipv4') {
    const [a, b, c, d] = (parsed as ipaddr.IPv4).octets;
    if (a === 0) return 'unspecified';
    if (a === 255 && b === 255 && c === 255 && d === 255) return 'broadcast';
    if (a >= 224 && a <= 239) return 'multicast';
    if (a === 127) return 'loopback';
    // Class E, 240.0.0.0/4, reserved for future use (ipaddr.js calls it "reserved").
    return a >= 240 ? 'class-e' : null;
  }
  const parts = (parsed as ipaddr.IPv6).parts;
  if (parts[0] >> 8 === 0xff) return 'multicast';
  for (let i = 0; i < 5; i++) if (parts[i] !== 0) return null;
  if (parts[5] === 0xffff) return 'ipv4-mapped';
  if (parts[5] !== 0 || parts[6] !== 0) return null;
  return parts[7] === 0 ? 'unspecified' : parts[7] === 1 ? 'loopback' : null;
}
