// Observes many nodes at once with a bound on how many run together. Each node's
// failure stays that node's: a driver that throws (a bug) is reported as that node's
// error and the other nodes are still observed. Results keep the input order.
import { mapBounded } from '../bounded.js';
import type { NodeDriver } from './driver.js';
import type { Observation } from './model.js';

export const DEFAULT_CONCURRENCY = 8;

export async function observeNodes(
  drivers: readonly NodeDriver[],
  options: { concurrency?: number } = {},
): Promise<Observation[]> {
  return mapBounded(drivers, Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY), observeOne);
}

async function observeOne(driver: NodeDriver): Promise<Observation> {
  try {
    return await driver.observe();
  } catch (err) {
    return {
      node: driver.node,
      ok: false,
      error: {
        kind: 'command-failed',
        message: `internal error in the ${driver.kind} driver: ${(err as Error)?.message ?? String(err)}`,
      },
    };
  }
}

/** Picks the nodes to observe; unknown names are returned so the caller can refuse them. */
export function selectNodes<T extends { metadata: { name: string } }>(
  nodes: readonly T[],
  names: readonly string[] = [],
): { selected: T[]; unknown: string[] } {
  if (names.length === 0) return { selected: [...nodes], unknown: [] };
  const known = new Set(nodes.map((n) => n.metadata.name));
  const wanted = new Set(names);
  return {
    selected: nodes.filter((n) => wanted.has(n.metadata.name)),
    unknown: [...wanted].filter((n) => !known.has(n)),
  };
}
