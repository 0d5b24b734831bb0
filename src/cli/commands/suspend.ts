// `tandem suspend ENV [--reason TEXT]` / `tandem resume ENV`: a flag file beside the
// environment's status that every reconcile run checks before reading anything. A run
// already in progress finishes; the next one does nothing until resumed.
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EXIT, ExitError } from '../errors.js';
import type { CliIO } from '../io.js';
import {
  envNameOf,
  readStatus,
  readSuspension,
  resume,
  stateDirOf,
  suspend,
  suspendFile,
} from '../../reconcile/status.js';

function nameOf(env: string): string {
  try {
    return envNameOf(env);
  } catch (err) {
    throw new ExitError((err as Error).message, EXIT.error);
  }
}

/** True when `env` is a folder holding YAML files, read from the command's working directory. */
async function isEnvironmentFolder(env: string, cwd: string): Promise<boolean> {
  try {
    return (await readdir(resolve(cwd, env))).some((f) => /\.ya?ml$/.test(f));
  } catch {
    return false;
  }
}

export async function suspendCommand(env: string, opts: { reason?: string }, io: CliIO): Promise<number> {
  const name = nameOf(env);
  const stateDir = stateDirOf(io);
  // A typo must not report success: the environment is either a folder here or one
  // that reconcile has recorded status for (the agent may run from another folder).
  if (!(await isEnvironmentFolder(env, io.cwd)) && !(await readStatus(stateDir, name)))
    throw new ExitError(
      `no environment ${JSON.stringify(env)}: no folder of YAML files at that path and no reconcile status ` +
        `recorded for ${JSON.stringify(name)} in ${stateDir} (tandem status lists the recorded environments)`,
      EXIT.error,
    );
  const already = await readSuspension(stateDir, name);
  if (already) {
    io.stdout.write(`${name} was already suspended since ${already.since}\n`);
    return EXIT.ok;
  }
  await suspend(stateDir, name, { since: new Date().toISOString(), reason: opts.reason });
  io.stdout.write(
    `${name} suspended (${suspendFile(stateDir, name)}): reconcile changes nothing until tandem resume ${name}\n`,
  );
  return EXIT.ok;
}

export async function resumeCommand(env: string, io: CliIO): Promise<number> {
  const name = nameOf(env);
  const was = await resume(stateDirOf(io), name);
  io.stdout.write(
    was ? `${name} resumed: the next reconcile run applies the current revision\n` : `${name} was not suspended\n`,
  );
  return EXIT.ok;
}
