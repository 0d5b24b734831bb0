// `tandem import ENV_DIR`: observe running nodes and write the environment that
// describes them (src/cli/import-env.ts), then validate it. The nodes are reached as
// named (--node NAME=local | NAME=netns:NAMESPACE | NAME=ssh:[USER@]HOST[:PORT]) or,
// with --from-lab LAB_ENV, each node of that environment's lab in its namespace.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { labNamespace } from '../../lab/naming.js';
import type { Connection } from '../../model/generated/desired.js';
import { createLinuxDriver } from '../../observe/drivers/linux/driver.js';
import { isSafeNodeName } from '../../observe/snapshot-io.js';
import { SCHEMA_FILE } from '../../paths.js';
import { validateEnvironment } from '../../validate/index.js';
import { EXIT, ExitError } from '../errors.js';
import { buildImportedEnvironment, type ImportedNode } from '../import-env.js';
import type { CliIO } from '../io.js';

export interface ImportCommandOptions {
  fromLab?: string;
  node?: string[];
  name?: string;
  timeout?: string;
}

const NAMESPACE = /^[A-Za-z0-9_.-]{1,64}$/;
const HOST = /^[A-Za-z0-9.:-]{1,253}$/;
const USER = /^[a-z_][a-z0-9_-]{0,31}$/;

/** One --node value: NAME=local, NAME=netns:NAMESPACE, NAME=ssh:[USER@]HOST[:PORT] (an IPv6 host in brackets). */
export function parseNodeSpec(spec: string): { name: string; connection: Connection } {
  const eq = spec.indexOf('=');
  const name = eq < 0 ? '' : spec.slice(0, eq);
  const how = eq < 0 ? '' : spec.slice(eq + 1);
  const usage = 'expected NAME=local, NAME=netns:NAMESPACE or NAME=ssh:[USER@]HOST[:PORT]';
  if (!isSafeNodeName(name))
    throw new ExitError(
      `import: --node ${JSON.stringify(spec)}: the node name must be lower-case letters, digits and '-' (${usage})`,
    );
  if (how === 'local') return { name, connection: { transport: 'local' } };
  if (how.startsWith('netns:')) {
    const namespace = how.slice('netns:'.length);
    if (!NAMESPACE.test(namespace))
      throw new ExitError(
        `import: --node ${JSON.stringify(spec)}: ${JSON.stringify(namespace)} is not a namespace name`,
      );
    return { name, connection: { transport: 'netns', namespace } };
  }
  if (how.startsWith('ssh:')) {
    const m = /^(?:([^@]+)@)?(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(how.slice('ssh:'.length));
    const host = m?.[2].replace(/^\[(.*)\]$/, '$1');
    const port = m?.[3] === undefined ? undefined : Number(m[3]);
    if (
      !m ||
      !host ||
      !HOST.test(host) ||
      (m[1] !== undefined && !USER.test(m[1])) ||
      (port !== undefined && (port < 1 || port > 65535))
    )
      throw new ExitError(`import: --node ${JSON.stringify(spec)}: not a valid ssh target (${usage})`);
    return {
      name,
      connection: { transport: 'ssh', host, ...(m[1] ? { user: m[1] } : {}), ...(port ? { port } : {}) },
    };
  }
  throw new ExitError(`import: --node ${JSON.stringify(spec)}: ${usage}`);
}

async function labNodes(labEnv: string, io: CliIO): Promise<Array<{ name: string; connection: Connection }>> {
  const v = await validateEnvironment(resolve(io.cwd, labEnv));
  if (!v.valid || !v.model)
    throw new ExitError(`import: --from-lab ${labEnv} is not a valid environment: run tandem validate ${labEnv}`);
  return v.model.nodes.map((n) => ({
    name: n.name,
    connection: { transport: 'netns', namespace: labNamespace(n.doc) },
  }));
}

export async function importCommand(dir: string, opts: ImportCommandOptions, io: CliIO): Promise<number> {
  if ((opts.fromLab === undefined) === (opts.node === undefined || opts.node.length === 0))
    throw new ExitError('import: name the nodes to observe: either --from-lab LAB_ENV or --node NAME=TRANSPORT ...');
  const target = resolve(io.cwd, dir);
  const name = opts.name ?? basename(target);
  if (!isSafeNodeName(name))
    throw new ExitError(`import: ${JSON.stringify(name)} cannot name an environment: pass --name NAME`);
  let existing: string[] = [];
  try {
    existing = (await readdir(target)).filter((f) => /\.ya?ml$/.test(f));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new ExitError(`import: cannot read ${dir}: ${String(err)}`);
  }
  if (existing.length > 0)
    throw new ExitError(
      `import: ${dir} already holds ${existing.sort().join(', ')}: import writes only into a new or empty folder`,
    );

  const targets = opts.fromLab !== undefined ? await labNodes(opts.fromLab, io) : (opts.node ?? []).map(parseNodeSpec);
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.name)) throw new ExitError(`import: node ${t.name} is named twice`);
    seen.add(t.name);
  }
  const timeoutMs = opts.timeout === undefined ? undefined : Number(opts.timeout);
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0))
    throw new ExitError(`import: --timeout ${JSON.stringify(opts.timeout)} is not a positive number of milliseconds`);
  const observations = await Promise.all(
    targets.map((t) => createLinuxDriver(t.name, t.connection, { timeoutMs, sessions: io.sessions }).observe()),
  );
  const failed = observations.filter((o) => !o.ok);
  for (const o of failed) if (!o.ok) io.stderr.write(`tandem: import: ${o.node}: ${o.error.message}\n`);
  if (failed.length > 0)
    throw new ExitError(`import: ${failed.length} of ${targets.length} nodes could not be observed; nothing written`);
  const nodes: ImportedNode[] = observations.flatMap((o, i) =>
    o.ok ? [{ state: o.state, connection: targets[i].connection }] : [],
  );

  await mkdir(target, { recursive: true });
  const header = `# yaml-language-server: $schema=${relative(target, SCHEMA_FILE)}\n`;
  const result = buildImportedEnvironment(name, nodes, header);
  for (const [file, text] of Object.entries(result.files)) await writeFile(join(target, file), text, { flag: 'wx' });
  for (const note of result.notes) io.stderr.write(`tandem: import: note: ${note}\n`);
  const v = await validateEnvironment(target);
  if (!v.valid) {
    for (const d of v.diagnostics) io.stderr.write(`${d.summary}\n`);
    throw new ExitError(
      `import: the written environment ${dir} does not validate (a bug in tandem import, please report it)`,
    );
  }
  const count = `${nodes.length} node${nodes.length === 1 ? '' : 's'}`;
  io.stdout.write(
    `${dir}: imported ${count} (${Object.keys(result.files).join(', ')}), valid\n` +
      `next: tandem plan ${dir} (nothing to do: the files describe what the nodes have)\n`,
  );
  return EXIT.ok;
}
