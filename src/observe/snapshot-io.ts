// Snapshot folders: one file per node, `<node>.json` or `<node>.yaml`, each holding one
// ObservedNode. Written atomically (temporary file, then rename) so a reader never
// sees half a file. Node names come from YAML and are treated as hostile: only names
// that are safe as a file name are accepted.
import { readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { yamlPackage } from '../load/yaml-package.js';
import { parseCidr, parseIp } from '../model/ip.js';
import type { Family, ObservedNode, ObserveError } from './model.js';
import { parseJson, parseYamlText, positionsIn } from './snapshot-text.js';

export type SnapshotFormat = 'json' | 'yaml';
export const SNAPSHOT_EXTENSIONS = ['json', 'yaml', 'yml'] as const;

const SAFE_NODE_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export function isSafeNodeName(name: string): boolean {
  return SAFE_NODE_NAME.test(name);
}

export function serializeObserved(state: ObservedNode, format: SnapshotFormat): string {
  return format === 'json' ? `${JSON.stringify(state, null, 2)}\n` : yamlPackage().stringify(state);
}

/** Writes one node's file and returns its path. */
export async function writeSnapshotFile(dir: string, state: ObservedNode, format: SnapshotFormat): Promise<string> {
  if (!isSafeNodeName(state.node))
    throw new Error(`node name ${JSON.stringify(state.node)} cannot be used as a file name`);
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${state.node}.${format}`);
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, serializeObserved(state, format), { mode: 0o644 });
  await rename(tmp, file);
  // The reader prefers .json, then .yaml, then .yml: a file of another format left from
  // an earlier run would shadow or contradict the one just written.
  for (const ext of SNAPSHOT_EXTENSIONS)
    if (ext !== format) await rm(join(dir, `${state.node}.${ext}`), { force: true });
  return file;
}

export type SnapshotRead = { ok: true; file: string; state: ObservedNode } | { ok: false; error: ObserveError };

/** Synchronous reads between two turns of the event loop. */
const READS_PER_TURN = 64;
let readsSinceTurn = 0;

/** Reads `<node>.json`, `<node>.yaml` or `<node>.yml` from a snapshot folder. */
export async function readSnapshotFile(dir: string, node: string): Promise<SnapshotRead> {
  // The reads are synchronous, so a folder of thousands would never yield: the event
  // loop is given a turn now and then, for the work the garbage collector schedules
  // there (measured: the 1,000-node plan peaked ~10 MB higher without it).
  if (++readsSinceTurn >= READS_PER_TURN) {
    readsSinceTurn = 0;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return readSnapshotFileNow(dir, node);
}

function readSnapshotFileNow(dir: string, node: string): SnapshotRead {
  if (!isSafeNodeName(node))
    return {
      ok: false,
      error: { kind: 'not-found', message: `node name ${JSON.stringify(node)} cannot name a snapshot file` },
    };
  for (const ext of SNAPSHOT_EXTENSIONS) {
    const file = join(dir, `${node}.${ext}`);
    let text: string;
    try {
      // Synchronous on purpose (issue 14): a fleet's folder is thousands of small local
      // files, and the promise API's open, stat, read and close each cost a round trip
      // through the thread pool, several times the read itself.
      text = readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue;
      return {
        ok: false,
        error: {
          kind: code === 'EACCES' ? 'permission' : 'command-failed',
          message: `cannot read ${file}: ${code ?? (err as Error).message}`,
        },
      };
    }
    const parsed = ext === 'json' ? parseJson(text) : parseYamlText(text);
    if (!parsed.ok) {
      const what = ext === 'json' ? 'JSON' : 'YAML';
      const lines = parsed.errors.map((e) => `${file}:${e.line}:${e.col}: not valid ${what}: ${e.message}`);
      return { ok: false, error: { kind: 'parse', message: lines.join('\n') } };
    }
    const value = parsed.value;
    // Every problem at once, one line each with file:line:col, so a hand-edited snapshot is fixed in one go.
    const problems = snapshotProblemsAt(value, node);
    if (problems.length > 0) {
      const where = positionsIn(text);
      const lines = problems.map((p) => {
        const { line, col } = where(p.path);
        return `${file}:${line}:${col}: ${p.message}`;
      });
      return { ok: false, error: { kind: 'parse', message: lines.join('\n') } };
    }
    return { ok: true, file, state: value as ObservedNode };
  }
  return {
    ok: false,
    error: {
      kind: 'not-found',
      message:
        `no snapshot for node ${node} in ${dir} ` +
        `(looked for ${SNAPSHOT_EXTENSIONS.map((e) => `${node}.${e}`).join(', ')})`,
    },
  };
}

/** At most this many problems are listed per file; the rest are counted. */
export const MAX_SNAPSHOT_PROBLEMS = 100;

/**
 * Checks the shape a snapshot must have for the diff to trust it: the first problem, or
 * null when there is none. `snapshotProblems` lists every problem.
 */
export function checkObservedNode(value: unknown, node: string): string | null {
  return snapshotProblems(value, node)[0] ?? null;
}

/**
 * Every problem of a recorded observed node, each naming the JSON path of the value
 * (`addresses[2].cidr "999.0.0.1/24" is not an IP prefix`): types, and addresses,
 * prefixes, MACs and link names as the kernel would have reported them. A snapshot is
 * user input (hand-edited in pull requests), so nothing in it is trusted. Values are
 * quoted as JSON, so control characters never reach a terminal.
 */
export function snapshotProblems(value: unknown, node: string): string[] {
  return snapshotProblemsAt(value, node).map((p) => p.message);
}

/** Every problem with the JSON path it is about (`''` for the whole file), for its line and column. */
export function snapshotProblemsAt(value: unknown, node: string): SnapshotProblem[] {
  const c = new SnapshotChecker();
  if (!isObject(value)) return [{ message: 'not an observed node (expected an object)', path: '' }];
  if (value.node !== node) c.add(`records node ${show(value.node)}, expected ${JSON.stringify(node)}`, 'node');
  if (value.driver !== undefined && typeof value.driver !== 'string')
    c.add(`"driver" ${show(value.driver)} is not a string`, 'driver');
  if (typeof value.observedAt !== 'string') c.add('"observedAt" is missing or not a string', 'observedAt');
  for (const key of ['links', 'addresses', 'routes', 'neighbors', 'xfrmPolicies'] as const)
    if (!Array.isArray(value[key])) c.add(`"${key}" is missing or not a list`, key);
  c.list(value, 'links', checkLink);
  c.list(value, 'addresses', checkAddress, plainAddressIsValid);
  c.list(value, 'routes', checkRoute);
  c.list(value, 'neighbors', checkNeighbor);
  c.list(value, 'xfrmPolicies', checkPolicy);
  if (!isObject(value.sysctl)) c.add('"sysctl" is missing or not a map', 'sysctl');
  else
    for (const [k, v] of Object.entries(value.sysctl))
      if (typeof v !== 'string')
        c.add(`sysctl[${JSON.stringify(k)}] ${show(v)} is not a string`, `sysctl[${JSON.stringify(k)}]`);
  if (
    value.ike !== undefined &&
    (!isObject(value.ike) || !Array.isArray(value.ike.connections) || !Array.isArray(value.ike.sas))
  )
    c.add('"ike" must have the lists "connections" and "sas"', 'ike');
  if (!isObject(value.inventory) || !Array.isArray(value.inventory.owned))
    c.add('"inventory.owned" is missing or not a list', 'inventory.owned');
  else
    value.inventory.owned.forEach((k, i) => {
      if (typeof k !== 'string') c.add(`inventory.owned[${i}] ${show(k)} is not a string`, `inventory.owned[${i}]`);
    });
  return c.done();
}

export interface SnapshotProblem {
  message: string;
  /** JSON path of the value, e.g. `addresses[2].cidr`. */
  path: string;
}

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A value for a message: JSON (quoted, control characters escaped), cut at 80 characters. */
function show(v: unknown): string {
  const s = v === undefined ? 'undefined' : (JSON.stringify(v) ?? typeof v);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

class SnapshotChecker {
  readonly #problems: SnapshotProblem[] = [];
  #count = 0;

  add(message: string, path: string): void {
    this.#count++;
    if (this.#problems.length < MAX_SNAPSHOT_PROBLEMS) this.#problems.push({ message, path });
  }

  /**
   * Runs `check` on every object of list `key` (a missing or non-list value is reported
   * by the caller). `valid`, when given, recognises the common object that `check`
   * would find nothing wrong with, without building its path and fields.
   */
  list(o: Obj, key: string, check: (f: Fields) => void, valid?: (item: Obj) => boolean, prefix = ''): void {
    const items = o[key];
    if (!Array.isArray(items)) return;
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i];
      if (valid !== undefined && isObject(item) && valid(item)) continue;
      const path = `${prefix}${key}[${i}]`;
      if (!isObject(item)) this.add(`${path} ${show(item)} is not an object`, path);
      else check(new Fields(this, item, path));
    }
  }

  done(): SnapshotProblem[] {
    const more = this.#count - this.#problems.length;
    if (more === 0) return this.#problems;
    return [...this.#problems, { message: `… and ${more} more problem${more === 1 ? '' : 's'}`, path: '' }];
  }
}

/** Linux dev_valid_name(): 1 to 15 bytes, not "." or "..", no '/', ':' or whitespace. */
function isLinkName(v: string): boolean {
  return Buffer.byteLength(v) <= 15 && v !== '.' && v !== '..' && /^[^/:\s\p{Cc}]+$/u.test(v);
}

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;
/** A link-layer address of any length the kernel allows (MAX_ADDR_LEN is 32 bytes). */
const LINK_LAYER = /^[0-9a-f]{2}(:[0-9a-f]{2}){0,31}$/i;

/** The fields of one object of a snapshot, checked one by one with their path. */
class Fields {
  constructor(
    readonly c: SnapshotChecker,
    readonly o: Obj,
    readonly path: string,
  ) {}

  #at(key: string): string {
    return `${this.path}.${key}`;
  }

  #check(key: string, optional: boolean, what: string, ok: (v: unknown) => boolean): unknown {
    const v = this.o[key];
    if (v === undefined) {
      if (!optional) this.c.add(`${this.#at(key)} is missing`, this.#at(key));
      return undefined;
    }
    if (!ok(v)) {
      this.c.add(`${this.#at(key)} ${show(v)} is not ${what}`, this.#at(key));
      return undefined;
    }
    return v;
  }

  string(key: string, optional = false): string | undefined {
    return this.#check(key, optional, 'a string', (v) => typeof v === 'string') as string | undefined;
  }

  boolean(key: string, optional = false): void {
    this.#check(key, optional, 'true or false', (v) => typeof v === 'boolean');
  }

  integer(key: string, min: number, max: number, optional = false): void {
    this.#check(
      key,
      optional,
      `an integer from ${min} to ${max}`,
      (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max,
    );
  }

  oneOf(key: string, allowed: readonly unknown[], optional = false): unknown {
    return this.#check(key, optional, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, (v) =>
      allowed.includes(v),
    );
  }

  link(key: string, optional = false): void {
    this.#check(key, optional, 'a Linux interface name', (v) => typeof v === 'string' && isLinkName(v));
  }

  /** An IP address; its family is checked against `family` when that is known. */
  ip(key: string, family: unknown, optional = false): void {
    const v = this.#check(key, optional, 'an IP address', (x) => typeof x === 'string' && parseIp(x) !== null);
    if (typeof v === 'string') this.#family(key, v, parseIp(v)!.family, family);
  }

  /** An address with prefix length (`canonical`: as the kernel reports it, e.g. 2001:db8::1/64). */
  prefix(key: string, family: unknown, opts: { optional?: boolean; canonical?: boolean; orDefault?: boolean } = {}) {
    const v = this.#check(
      key,
      opts.optional ?? false,
      opts.orDefault ? '"default" or an IP prefix' : 'an IP prefix',
      (x) => typeof x === 'string' && ((opts.orDefault && x === 'default') || parseCidr(x) !== null),
    );
    if (typeof v !== 'string' || v === 'default') return;
    const parsed = parseCidr(v)!;
    if (opts.canonical && parsed.cidr !== v)
      this.c.add(
        `${this.#at(key)} ${show(v)} is not in canonical form (the kernel reports ${parsed.cidr})`,
        this.#at(key),
      );
    this.#family(key, v, parsed.family, family);
  }

  mac(key: string, optional = false): void {
    this.#check(key, optional, 'a MAC address', (v) => typeof v === 'string' && MAC.test(v));
  }

  linkLayer(key: string): void {
    this.#check(key, false, 'a link-layer address', (v) => typeof v === 'string' && LINK_LAYER.test(v));
  }

  object(key: string, check: (f: Fields) => void, optional = false): void {
    const v = this.#check(key, optional, 'an object', isObject);
    if (v !== undefined) check(new Fields(this.c, v as Obj, this.#at(key)));
  }

  list(key: string, check: (f: Fields) => void, optional = false): void {
    const v = this.#check(key, optional, 'a list', Array.isArray);
    if (v !== undefined) this.c.list(this.o, key, check, undefined, `${this.path}.`);
  }

  #family(key: string, text: string, actual: Family, expected: unknown): void {
    if ((expected === 4 || expected === 6) && actual !== expected)
      this.c.add(`${this.#at(key)} ${show(text)} is IPv${actual}, but the entry is IPv${expected}`, this.#at(key));
  }
}

const FAMILIES = [4, 6] as const;

function checkLink(f: Fields): void {
  f.link('name');
  f.string('kind');
  f.boolean('adminUp');
  f.string('operState');
  f.integer('mtu', 0, 2 ** 32 - 1);
  f.mac('mac', true);
  f.link('master', true);
  f.object(
    'tunnel',
    (t) => {
      t.string('mode');
      t.ip('local', undefined, true);
      t.ip('remote', undefined, true);
      t.integer('ttl', 0, 255, true);
    },
    true,
  );
  f.object('bond', (b) => b.string('mode'), true);
}

function checkAddress(f: Fields): void {
  f.link('interface');
  const family = f.oneOf('family', FAMILIES);
  f.prefix('cidr', family, { canonical: true });
  f.string('label', true);
  for (const flag of ['secondary', 'tentative', 'dadfailed']) f.boolean(flag);
  f.string('scope');
  // The peer of a point-to-point address: an address, or an address with the peer's prefix.
  if (typeof f.o.peer === 'string' && f.o.peer.includes('/')) f.prefix('peer', family);
  else f.ip('peer', family, true);
}

const linkNameValidity = new Map<string, boolean>();

/** isLinkName, remembered: a node names a handful of links thousands of times. */
function isKnownGoodLinkName(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  let ok = linkNameValidity.get(v);
  if (ok === undefined) {
    ok = isLinkName(v);
    if (linkNameValidity.size < 10_000) linkNameValidity.set(v, ok);
  }
  return ok;
}

/**
 * True when checkAddress would report nothing for `o`, decided without a Fields walk:
 * the shape of nearly every address in a fleet's snapshots. False means "look
 * closer", never "invalid" (an address with a peer always takes the full check).
 */
function plainAddressIsValid(o: Obj): boolean {
  const { family, cidr, label, peer } = o;
  if (peer !== undefined || (label !== undefined && typeof label !== 'string')) return false;
  if ((family !== 4 && family !== 6) || typeof cidr !== 'string' || typeof o.scope !== 'string') return false;
  if (typeof o.secondary !== 'boolean' || typeof o.tentative !== 'boolean' || typeof o.dadfailed !== 'boolean')
    return false;
  if (!isKnownGoodLinkName(o.interface)) return false;
  const parsed = parseCidr(cidr);
  return parsed !== null && parsed.cidr === cidr && parsed.family === family;
}

function checkRoute(f: Fields): void {
  const family = f.oneOf('family', FAMILIES);
  f.prefix('to', family, { canonical: true, orDefault: true });
  f.ip('via', family, true);
  f.link('device', true);
  f.string('protocol');
  f.integer('table', 0, 2 ** 32 - 1);
  f.integer('metric', 0, 2 ** 32 - 1, true);
  f.string('scope', true);
  f.ip('src', family, true);
  f.string('type', true);
  f.boolean('onlink', true);
  f.list(
    'nexthops',
    (h) => {
      h.ip('via', undefined, true);
      h.link('device', true);
      h.integer('weight', 1, 256, true);
    },
    true,
  );
}

function checkNeighbor(f: Fields): void {
  f.link('interface');
  const family = f.oneOf('family', FAMILIES);
  f.ip('address', family);
  f.linkLayer('lladdr');
}

function checkPolicy(f: Fields): void {
  f.object('selector', (s) => {
    s.prefix('src', undefined);
    s.prefix('dst', typeof s.o.src === 'string' ? parseCidr(s.o.src)?.family : undefined);
    s.string('proto', true);
    s.integer('sport', 0, 65535, true);
    s.integer('dport', 0, 65535, true);
    s.link('dev', true);
  });
  f.oneOf('dir', ['in', 'out', 'fwd']);
  f.oneOf('action', ['allow', 'block']);
  f.integer('priority', 0, 2 ** 32 - 1);
  f.list('templates', (t) => {
    t.oneOf('proto', ['esp', 'ah', 'comp']);
    t.oneOf('mode', ['transport', 'tunnel', 'beet']);
    t.oneOf('level', ['required', 'use', 'unique']);
    t.ip('src', undefined, true);
    t.ip('dst', undefined, true);
    t.integer('reqid', 0, 2 ** 32 - 1, true);
    t.integer('spi', 0, 2 ** 32 - 1, true);
  });
}
