// The live part of `tandem status ENV_DIR`: given an environment folder (not just a
// name), its nodes are observed and each one that came back empty is reported
// (src/apply/came-back-empty.ts): the inventory says tandem applied objects, the kernel
// has none of them, with the node's boot time read from its /proc/stat.
import { stat } from 'node:fs/promises';
import { cameBackEmpty, parseBootTime, type CameBackEmpty } from '../../apply/came-back-empty.js';
import type { NodeDocument } from '../../model/generated/desired.js';
import { driverFor } from '../../observe/drivers/index.js';
import { transportFor } from '../../observe/drivers/linux/transport.js';
import { labNamespace } from '../../lab/naming.js';
import { envNameOf } from '../../reconcile/status.js';
import { validateEnvironment } from '../../validate/index.js';
import type { CliIO } from '../io.js';

export interface KernelCheck {
  environment: string;
  dir: string;
  empty: CameBackEmpty[];
  /** Nodes that could not be observed, with why. */
  unreachable: string[];
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function bootTime(doc: NodeDocument, lab: boolean, io: CliIO): Promise<Date | undefined> {
  const connection = lab ? { transport: 'netns' as const, namespace: labNamespace(doc) } : doc.spec.connection;
  if (connection.transport === 'sim') return undefined;
  const t = transportFor(connection, { timeoutMs: 10_000, sessions: io.sessions });
  if (!t.ok) return undefined;
  const r = await t.transport.readFile('/proc/stat');
  return r.ok && r.text ? parseBootTime(r.text) : undefined;
}

/** For each argument that is an environment folder: its nodes that came back empty. */
export async function checkKernels(args: readonly string[], lab: boolean, io: CliIO): Promise<KernelCheck[]> {
  const out: KernelCheck[] = [];
  for (const dir of args) {
    if (!(await isFolder(dir))) continue;
    const v = await validateEnvironment(dir);
    if (!v.valid || !v.model) {
      io.stderr.write(`tandem: ${dir} is not valid (tandem validate ${dir}): its nodes were not observed\n`);
      continue;
    }
    const check: KernelCheck = { environment: envNameOf(dir), dir, empty: [], unreachable: [] };
    for (const n of v.model.nodes) {
      const o = await driverFor(n.doc, { envDir: dir, lab, env: io.env, cwd: io.cwd, sessions: io.sessions }).observe();
      if (!o.ok) {
        check.unreachable.push(`${n.name}: ${o.error.message}`);
        continue;
      }
      const empty = cameBackEmpty(o.state, await bootTime(n.doc, lab, io));
      if (empty) check.empty.push(empty);
    }
    out.push(check);
  }
  return out;
}
