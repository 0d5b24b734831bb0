// The snapshot driver: observed state recorded earlier by `tandem observe --out`, for
// plan previews where nodes cannot be reached (CI). The state is returned as recorded,
// with the driver set to "snapshot" so a plan says where its picture came from.
import type { NodeDriver } from '../driver.js';
import type { Observation } from '../model.js';
import { readSnapshotFile } from '../snapshot-io.js';

export async function readSnapshot(dir: string, node: string): Promise<Observation> {
  const r = await readSnapshotFile(dir, node);
  if (!r.ok) return { node, ok: false, error: r.error };
  // The state was just parsed and belongs to no one else: set in place, not copied.
  r.state.driver = 'snapshot';
  return { node, ok: true, state: r.state };
}

export function createSnapshotDriver(dir: string, node: string): NodeDriver {
  return { kind: 'snapshot', node, observe: () => readSnapshot(dir, node) };
}

/**
 * The problems of snapshot files that exist but do not hold a valid observed node
 * (syntax or content), one line each, naming the file and the JSON path. Such a folder
 * is invalid input, refused as a whole (the CLI exits 1), never read as nodes that
 * cannot be reached. A missing file is not listed: that node is reported as not observed.
 */
export function invalidSnapshotProblems(observations: Iterable<Observation>): string[] {
  return [...observations].flatMap((o) => (!o.ok && o.error.kind === 'parse' ? o.error.message.split('\n') : []));
}
