// Snapshot folders: one file per node, `<node>.json` or `<node>.yaml`, each holding one
// ObservedNode. Written atomically (temporary file, then rename) so a reader never
// sees half a file. Node names come from YAML and are treated as hostile: only names
// that are safe as a file name are accepted.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { ObservedNode, ObserveError } from './model.js';

export type SnapshotFormat = 'json' | 'yaml';
export const SNAPSHOT_EXTENSIONS = ['json', 'yaml', 'yml'] as const;

const SAFE_NODE_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export function isSafeNodeName(name: string): boolean {
  return SAFE_NODE_NAME.test(name);
}

export function serializeObserved(state: ObservedNode, format: SnapshotFormat): string {
  return format === 'json' ? `${JSON.stringify(state, null, 2)}\n` : stringifyYaml(state);
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

/** Reads `<node>.json`, `<node>.yaml` or `<node>.yml` from a snapshot folder. */
export async function readSnapshotFile(dir: string, node: string): Promise<SnapshotRead> {
  if (!isSafeNodeName(node))
    return {
      ok: false,
      error: { kind: 'not-found', message: `node name ${JSON.stringify(node)} cannot name a snapshot file` },
    };
  for (const ext of SNAPSHOT_EXTENSIONS) {
    const file = join(dir, `${node}.${ext}`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
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
    let value: unknown;
    try {
      value = ext === 'json' ? JSON.parse(text) : parseYaml(text);
    } catch (err) {
      return {
        ok: false,
        error: {
          kind: 'parse',
          message: `${file}: not valid ${ext === 'json' ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`,
        },
      };
    }
    const problem = checkObservedNode(value, node);
    if (problem) return { ok: false, error: { kind: 'parse', message: `${file}: ${problem}` } };
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

const LISTS = ['links', 'addresses', 'routes', 'neighbors', 'xfrmPolicies'] as const;

/** Checks the shape a snapshot must have for the diff to trust it; null when it does. */
export function checkObservedNode(value: unknown, node: string): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return 'not an observed node (expected an object)';
  const v = value as Record<string, unknown>;
  if (v.node !== node) return `records node ${JSON.stringify(v.node)}, expected ${JSON.stringify(node)}`;
  for (const key of LISTS) if (!Array.isArray(v[key])) return `"${key}" is missing or not a list`;
  if (typeof v.observedAt !== 'string') return '"observedAt" is missing';
  if (v.sysctl === null || typeof v.sysctl !== 'object' || Array.isArray(v.sysctl))
    return '"sysctl" is missing or not a map';
  const inv = v.inventory as Record<string, unknown> | undefined;
  if (!inv || typeof inv !== 'object' || !Array.isArray(inv.owned)) return '"inventory.owned" is missing or not a list';
  const badAddress = (v.addresses as unknown[]).findIndex(
    (a) =>
      !a ||
      typeof (a as { cidr?: unknown }).cidr !== 'string' ||
      typeof (a as { interface?: unknown }).interface !== 'string',
  );
  if (badAddress >= 0) return `addresses[${badAddress}] has no cidr or interface`;
  const badLink = (v.links as unknown[]).findIndex((l) => !l || typeof (l as { name?: unknown }).name !== 'string');
  if (badLink >= 0) return `links[${badLink}] has no name`;
  return null;
}
