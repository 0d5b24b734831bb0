// `tandem sim path ENV_DIR`: where the environment's simulated nodes keep their state.
// `tandem sim reset ENV_DIR [--node N...]`: start simulated nodes over from the
// environment's snapshots (ENV_DIR/observed/<node>.json), undoing every apply.
import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { isSafeNodeName } from '../../observe/snapshot-io.js';
import { resetSimEnvironment, simStateDir, SimStateError } from '../../observe/drivers/sim.js';
import { EXIT, ExitError } from '../errors.js';
import type { CliIO } from '../io.js';

async function requireEnvDir(dir: string, io: CliIO): Promise<void> {
  const info = await stat(resolve(io.cwd, dir)).catch(() => undefined);
  if (!info?.isDirectory()) throw new ExitError(`${dir} is not an environment folder`, EXIT.error);
}

export async function simPathCommand(dir: string, io: CliIO): Promise<number> {
  await requireEnvDir(dir, io);
  io.stdout.write(`${simStateDir(dir, io)}\n`);
  return EXIT.ok;
}

export interface SimResetOptions {
  node?: string[];
}

export async function simResetCommand(dir: string, opts: SimResetOptions, io: CliIO): Promise<number> {
  await requireEnvDir(dir, io);
  const bad = (opts.node ?? []).filter((n) => !isSafeNodeName(n));
  if (bad.length) throw new ExitError(`not a node name: ${bad.map((n) => JSON.stringify(n)).join(', ')}`, EXIT.error);
  let reset;
  try {
    reset = await resetSimEnvironment(dir, io, opts.node);
  } catch (err) {
    if (err instanceof SimStateError) throw new ExitError(err.message, EXIT.error);
    throw err;
  }
  const where = relative(io.cwd, simStateDir(dir, io)) || '.';
  if (reset.length === 0) {
    io.stdout.write(`nothing to reset: no sim state or snapshot for ${dir} (state folder ${where})\n`);
    return EXIT.ok;
  }
  for (const r of reset) {
    io.stdout.write(
      r.source === 'snapshot'
        ? `${r.node}: reset from its snapshot in ${relative(io.cwd, resolve(io.cwd, dir, 'observed'))} ` +
            `-> ${relative(io.cwd, r.file!)}\n`
        : r.source === 'hardware'
          ? `${r.node}: reset to its declared hardware (no snapshot; physical interfaces up, no addresses)\n`
          : `${r.node}: reset to an empty node (no snapshot, not declared in a valid environment; only lo)\n`,
    );
  }
  return EXIT.ok;
}
