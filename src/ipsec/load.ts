// Loading a node's rendered connections into charon. First into a scratch charon (a
// separate process with its own socket, in an empty network namespace): strongSwan 5.9.8
// can report success on a broken configuration and drop every connection, so what counts
// is what list-conns shows back, connection by connection and child by child. Only then
// into the live charon, one load-conn per connection and one unload-conn per connection
// that left the desired state, never a "load all": one bad connection cannot drop the
// others. Pre-shared keys are resolved here, on the node, and go only to load-shared.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IkeKeyReference } from '../model/ike.js';
import type { RenderedConnection } from '../render/swanctl.js';
import { charonPathsIn, startCharon, stopCharon } from './charon.js';
import type { ViciClient } from './vici.js';
import { isSection, ViciError, withVici, type ViciSection } from './vici.js';

/** Reads a file of the node (the transport's readFile); null when it does not exist. */
export type NodeFileReader = (path: string) => Promise<string | null>;

export interface SecretSource {
  /** The environment tandem runs with on the node (for `env` references). */
  env: NodeJS.ProcessEnv;
  readFile: NodeFileReader;
}

export class SecretError extends Error {}

/** The key a reference points to; errors name the reference, never a value. */
export async function resolvePsk(ref: IkeKeyReference, src: SecretSource): Promise<string> {
  if (ref.env !== undefined) {
    const v = src.env[ref.env];
    if (v === undefined || v === '')
      throw new SecretError(`the environment variable ${ref.env} is not set on the node`);
    return v;
  }
  if (ref.file !== undefined) {
    const text = await src.readFile(ref.file);
    if (text === null) throw new SecretError(`the key file ${ref.file} does not exist on the node`);
    const key = text.replace(/\r?\n$/, '');
    if (key === '') throw new SecretError(`the key file ${ref.file} is empty`);
    return key;
  }
  throw new SecretError('the pre-shared key reference names neither env nor file');
}

/** The load-conn message with certificate lists filled from the node's files. */
async function viciMessage(r: RenderedConnection, readFile: NodeFileReader): Promise<ViciSection> {
  const message = structuredClone<ViciSection>(r.vici);
  for (const list of r.viciFiles) {
    let at: ViciSection = message;
    for (const key of list.path.slice(0, -1)) at = at[key] as ViciSection;
    const items: string[] = [];
    for (const file of list.files) {
      const data = await readFile(file);
      if (data === null)
        throw new SecretError(`connection ${r.name}: certificate file ${file} does not exist on the node`);
      items.push(data);
    }
    at[list.path[list.path.length - 1]] = items;
  }
  return message;
}

export interface ConnectionProblem {
  connection: string;
  problem: string;
}

/** Every rendered connection and child listed back by list-conns; problems otherwise. */
export function compareListed(
  rendered: RenderedConnection[],
  listed: Record<string, ViciSection>,
): ConnectionProblem[] {
  const problems: ConnectionProblem[] = [];
  for (const r of rendered) {
    const got = listed[r.name];
    if (!got) {
      problems.push({ connection: r.name, problem: 'not listed by charon after loading' });
      continue;
    }
    const wantChildren = Object.keys((r.vici[r.name] as ViciSection).children as ViciSection);
    const have = isSection(got.children) ? Object.keys(got.children) : [];
    for (const c of wantChildren)
      if (!have.includes(c)) problems.push({ connection: r.name, problem: `child ${c} not listed by charon` });
  }
  return problems;
}

export interface ScratchOptions {
  /** A parent folder for the scratch charon's folder (default the system's temp folder). */
  tmpRoot?: string;
  readFile: NodeFileReader;
}

/**
 * Loads the connections into a fresh scratch charon and reads them back. No secret is
 * loaded there: parsing does not need one. The scratch charon is always stopped.
 */
export async function scratchCheck(rendered: RenderedConnection[], opts: ScratchOptions): Promise<ConnectionProblem[]> {
  const dir = await mkdtemp(join(opts.tmpRoot ?? tmpdir(), 'tandem-scratch-charon-'));
  const paths = charonPathsIn(join(dir, 'run'));
  try {
    await startCharon({ paths, kind: 'scratch' });
    return await withVici(paths.vici, async (c) => {
      const problems: ConnectionProblem[] = [];
      for (const r of rendered) {
        try {
          const message = await viciMessage(r, opts.readFile);
          await c.loadConn(r.name, message[r.name] as ViciSection);
        } catch (e) {
          problems.push({ connection: r.name, problem: (e as Error).message });
        }
      }
      const failed = new Set(problems.map((p) => p.connection));
      const listed = await c.listConns();
      problems.push(...compareListed(rendered, listed).filter((p) => !failed.has(p.connection)));
      return problems;
    });
  } finally {
    await stopCharon(paths);
    await rm(dir, { recursive: true, force: true });
  }
}

export interface LiveLoadResult {
  loaded: string[];
  unloaded: string[];
  /** Connections that charon refused or whose key could not be resolved; the others are loaded. */
  failed: ConnectionProblem[];
}

export interface LiveLoadOptions {
  /** The live charon's VICI socket. */
  vici: string;
  rendered: RenderedConnection[];
  secrets: SecretSource;
  /** Connections to unload (left the desired state, or moved away); default: loaded ones not rendered. */
  unload?: string[];
}

/** The shared-key id tandem gives a connection's PSK (the renderer's `ike-<name>`). */
export function sharedIdOf(connection: string): string {
  return `ike-${connection}`;
}

/** Loads each connection with its key, then unloads the removed ones, one at a time. */
export async function loadLive(opts: LiveLoadOptions): Promise<LiveLoadResult> {
  return withVici(opts.vici, async (c) => {
    const result: LiveLoadResult = { loaded: [], unloaded: [], failed: [] };
    for (const r of opts.rendered) {
      try {
        await loadOne(c, r, opts.secrets);
        result.loaded.push(r.name);
      } catch (e) {
        if (!(e instanceof ViciError || e instanceof SecretError)) throw e;
        result.failed.push({ connection: r.name, problem: e.message });
      }
    }
    const wanted = new Set(opts.rendered.map((r) => r.name));
    const unload = opts.unload ?? (await c.getConns()).filter((n) => !wanted.has(n));
    const sharedIds = new Set(await c.getShared());
    for (const name of unload) {
      try {
        await c.unloadConn(name);
        if (sharedIds.has(sharedIdOf(name))) await c.unloadShared(sharedIdOf(name));
        result.unloaded.push(name);
      } catch (e) {
        if (!(e instanceof ViciError)) throw e;
        result.failed.push({ connection: name, problem: e.message });
      }
    }
    return result;
  });
}

async function loadOne(c: ViciClient, r: RenderedConnection, secrets: SecretSource): Promise<void> {
  const message = await viciMessage(r, secrets.readFile);
  if (r.sharedSecret) {
    const key = await resolvePsk(r.sharedSecret.ref, secrets);
    await c.loadShared(r.sharedSecret.id, key, r.sharedSecret.owners);
  }
  await c.loadConn(r.name, message[r.name] as ViciSection);
}

export interface CheckedLoadResult {
  /** What the scratch charon found; when not empty, the live charon was not touched. */
  scratch: ConnectionProblem[];
  live?: LiveLoadResult;
}

/** The scratch check, then the live load only if every connection came back whole. */
export async function checkThenLoad(opts: LiveLoadOptions & { tmpRoot?: string }): Promise<CheckedLoadResult> {
  const scratch = await scratchCheck(opts.rendered, { tmpRoot: opts.tmpRoot, readFile: opts.secrets.readFile });
  if (scratch.length > 0) return { scratch };
  return { scratch, live: await loadLive(opts) };
}
