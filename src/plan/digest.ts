// Content digests: canonical JSON (object keys sorted) hashed with SHA-256, so equal
// content gives an equal digest whatever the key order it was built in.
import { createHash, type Hash } from 'node:crypto';
import { comparable, type NodeObject } from '../diff/objects.js';
import { observedObjects } from '../diff/observed-objects.js';
import type { ObservedNode } from '../observe/model.js';

/** Hash input is gathered into chunks of about this many UTF-16 units per update. */
const HASH_CHUNK = 1 << 16;

/** A hash fed in chunks: the canonical text of a big environment is never held whole. */
class HashSink {
  private pending = '';
  constructor(private readonly hash: Hash) {}
  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= HASH_CHUNK) this.flush();
  }
  flush(): void {
    if (this.pending.length > 0) this.hash.update(this.pending);
    this.pending = '';
  }
}

/** Text JSON.stringify would escape: quotes, backslashes, control characters, lone surrogate halves. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify(text), without its call for the common text that needs no escape. */
function quoted(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * `"key":` by key: a fleet's documents repeat a few dozen keys hundreds of thousands of
 * times. Bounded, as keys of free-form maps (sysctls, labels) are data.
 */
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS_LIMIT = 4096;

function quotedKey(key: string): string {
  let q = quotedKeys.get(key);
  if (q === undefined) {
    q = `${quoted(key)}:`;
    if (quotedKeys.size < QUOTED_KEYS_LIMIT) quotedKeys.set(key, q);
  }
  return q;
}

/** Past this many keys an object's keys are sorted by Array.prototype.sort. */
const INSERTION_SORT_MAX = 16;

/**
 * Object.keys(obj) in the order sort() gives (UTF-16 code units). A document's objects
 * have a handful of keys, and sort() allocates its own work state per call: on a
 * fleet's million objects that was most of the digest's garbage (issue 14), so short
 * key lists are insertion-sorted in place.
 */
function sortedKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  const n = keys.length;
  if (n > INSERTION_SORT_MAX) return keys.sort();
  for (let i = 1; i < n; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/** canonicalJson(value), written piece by piece: no intermediate string per object or array. */
function writeCanonical(value: unknown, sink: HashSink): void {
  if (typeof value === 'string') {
    sink.write(quoted(value));
    return;
  }
  if (value === null || typeof value !== 'object') {
    sink.write(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    sink.write('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) sink.write(',');
      const v: unknown = value[i];
      // A hole in a sparse array writes nothing, as map() and join() do in canonicalJson.
      if (v === undefined) sink.write(i in value ? 'null' : '');
      else writeCanonical(v, sink);
    }
    sink.write(']');
    return;
  }
  const obj = value as Record<string, unknown>;
  const keys = sortedKeys(obj);
  let first = true;
  sink.write('{');
  for (const key of keys) {
    const v = obj[key];
    if (v === undefined) continue;
    if (!first) sink.write(',');
    sink.write(quotedKey(key));
    first = false;
    writeCanonical(v, sink);
  }
  sink.write('}');
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/** SHA-256 of canonicalJson(value), hashed as it is written (issue 14: the fleet's documents are megabytes). */
export function digest(value: unknown): string {
  const hash = createHash('sha256');
  const sink = new HashSink(hash);
  writeCanonical(value, sink);
  sink.flush();
  return `sha256:${hash.digest('hex')}`;
}

/** JSON.stringify(comparable(o)), written directly for addresses: most of a node's objects. */
function comparableJson(o: NodeObject): string {
  if (o.kind !== 'address') return JSON.stringify(comparable(o));
  return `[${quoted(o.iface)},${quoted(o.cidr)},${o.label === undefined ? 'null' : quoted(o.label)}]`;
}

/**
 * Digest of a node's observed state as the planner sees it: the objects the diff
 * compares, the sysctls and the inventory. What changes without the node changing
 * (when it was observed, XFRM counters, an IPv6 address finishing DAD, link-local
 * addresses, operational state, SA byte counts and rekey timers) does not make a saved
 * plan stale.
 */
export function observedDigest(state: ObservedNode): string {
  // By key: a projection's map keys are its objects' keys, and sort() without a
  // comparator orders strings as `<` does (UTF-16 code units), without a call per compare.
  const projection = observedObjects(state);
  const keys = [...projection.keys()].sort();
  // comparable() returns arrays in a fixed order, so plain JSON is canonical for them;
  // sysctls and the inventory come from the node and are canonicalised.
  const hash = createHash('sha256');
  // Hashed in chunks, not one update per object: the same bytes, a node's thousands of addresses in a few calls.
  const sink = new HashSink(hash);
  for (const key of keys) sink.write(`${key}\t${comparableJson(projection.get(key)!)}\n`);
  writeCanonical({ node: state.node, sysctl: state.sysctl, inventory: state.inventory }, sink);
  sink.flush();
  // charon: which connections are loaded and which SAs are up, not their counters or
  // timers (they change every second); nothing when no connection or SA is there.
  const ike = state.ike;
  if (ike && (ike.connections.length > 0 || ike.sas.length > 0))
    hash.update(
      canonicalJson({
        ikeLoaded: ike.connections.map((c) => c.name).sort(),
        ikeUp: ike.sas.map((s) => `${s.connection}:${s.state}`).sort(),
      }),
    );
  return `sha256:${hash.digest('hex')}`;
}
