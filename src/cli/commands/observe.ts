// `tandem observe ENV_DIR [--node N] --out DIR [--format json|yaml]`: observes the
// environment's nodes and records one snapshot file per node that answered. Nodes
// that fail are reported with their error and get no file; exit 1 if any failed.
import { resolve } from 'node:path';
import { renderValidationText } from '../../render/diagnostics.js';
import { styleFor } from '../../render/style.js';
import { driverFor } from '../../observe/drivers/index.js';
import type { Observation } from '../../observe/model.js';
import { observeNodes, selectNodes } from '../../observe/observe-nodes.js';
import { writeSnapshotFile, type SnapshotFormat } from '../../observe/snapshot-io.js';
import { validateEnvironment } from '../../validate/index.js';
import { EXIT, ExitError } from '../errors.js';
import type { CliIO } from '../io.js';
import { count } from '../../words.js';

export interface ObserveSourceOptions {
  node?: string[];
  lab?: boolean;
  observed?: string;
  concurrency?: string | number;
  timeout?: string | number;
}

export interface ObserveCommandOptions extends ObserveSourceOptions {
  out: string;
  format: SnapshotFormat;
}

/** Loads and validates the environment, then observes the selected nodes. Shared with `show`. */
export async function observeEnvironment(dir: string, opts: ObserveSourceOptions, io: CliIO): Promise<Observation[]> {
  const validation = await validateEnvironment(dir);
  if (!validation.valid || !validation.model) {
    io.stderr.write(renderValidationText([validation], styleFor(io.stderr, io.env)));
    throw new ExitError(`${dir} is not a valid environment`);
  }
  const { selected, unknown } = selectNodes(
    validation.model.nodes.map((n) => n.doc),
    opts.node,
  );
  if (unknown.length > 0) throw new ExitError(`no node named ${unknown.join(', ')} in ${dir}`);
  const timeoutMs = positive(opts.timeout, '--timeout');
  const concurrency = positive(opts.concurrency, '--concurrency');
  const drivers = selected.map((node) =>
    driverFor(node, {
      envDir: dir,
      lab: opts.lab,
      observedDir: opts.observed === undefined ? undefined : resolve(io.cwd, opts.observed),
      timeoutMs,
      env: io.env,
      cwd: io.cwd,
      sessions: io.sessions,
    }),
  );
  return observeNodes(drivers, { concurrency });
}

function positive(value: string | number | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new ExitError(`${flag} must be a positive integer, not ${JSON.stringify(String(value))}`);
  return n;
}

export async function observeCommand(dir: string, opts: ObserveCommandOptions, io: CliIO): Promise<number> {
  const observations = await observeEnvironment(dir, opts, io);
  const outDir = resolve(io.cwd, opts.out);
  let failed = 0;
  for (const o of observations) {
    if (!o.ok) {
      failed++;
      const command = o.error.command ? ` (command: ${o.error.command.join(' ')})` : '';
      io.stderr.write(`${o.node}: ${o.error.kind}: ${o.error.message}${command}\n`);
      continue;
    }
    const file = await writeSnapshotFile(outDir, o.state, opts.format);
    const s = o.state;
    io.stdout.write(
      `${o.node}: ${count(s.links.length, 'link')}, ${count(s.addresses.length, 'address', 'addresses')}, ` +
        `${count(s.routes.length, 'route')}, ${count(s.neighbors.length, 'neighbour')}, ` +
        `${count(s.xfrmPolicies.length, 'xfrm policy', 'xfrm policies')} -> ${file}\n`,
    );
  }
  io.stdout.write(`observed ${observations.length - failed} of ${observations.length} node(s) into ${outDir}\n`);
  return failed > 0 ? EXIT.error : EXIT.ok;
}
