// The lab state file: what `lab up` created (or was about to create), so `lab down`
// removes exactly that. Written before each creation step and replaced atomically
// (write then rename), so a crash at any point leaves a readable record.
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LabAddress, LabClient, LabMapping, LabNamespace, LabVeth } from './blueprint.js';
import { LabError } from './runner.js';
import { stateDir, type StateLocation } from '../state-dir.js';

export const LAB_STATE_FORMAT_VERSION = 1;

export interface LabStateNamespace extends LabNamespace {
  /** pending: about to be created (a crash may have left it or not); created: confirmed. */
  status: 'pending' | 'created';
}

export interface LabState {
  formatVersion: typeof LAB_STATE_FORMAT_VERSION;
  env: string;
  envDir: string;
  startedAt: string;
  /** True once every step of `lab up` succeeded. */
  complete: boolean;
  withAddresses: boolean;
  namespaces: LabStateNamespace[];
  veths: LabVeth[];
  addresses: LabAddress[];
  clients: LabClient[];
  mappings: LabMapping[];
}

export type { StateLocation } from '../state-dir.js';

/** `$TANDEM_STATE_DIR/lab`, by default `.tandem/lab` under the working directory. */
export function labStateDir(loc: StateLocation): string {
  return stateDir(loc, 'lab');
}

/** The env name is a validated DNS label (the Cluster's name), safe as a file name. */
export function labStatePath(loc: StateLocation, env: string): string {
  return join(labStateDir(loc), `${env}.json`);
}

export async function readLabState(path: string): Promise<LabState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  let state: LabState;
  try {
    state = JSON.parse(text) as LabState;
  } catch (err) {
    throw new LabError(
      'invalid',
      `lab state file ${path} is not valid JSON (${(err as Error).message}); ` +
        'remove the namespaces it names by hand and delete it',
    );
  }
  if (state?.formatVersion !== LAB_STATE_FORMAT_VERSION || !Array.isArray(state.namespaces)) {
    throw new LabError(
      'invalid',
      `lab state file ${path} has an unknown format (formatVersion ${String(state?.formatVersion)})`,
    );
  }
  return state;
}

export async function writeLabState(path: string, state: LabState): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(state, null, 2) + '\n');
  await rename(tmp, path);
}

export async function removeLabState(path: string): Promise<void> {
  await rm(path, { force: true });
}

/** Every lab recorded in the state folder, to say which lab owns a colliding namespace. */
export async function listLabStates(loc: StateLocation): Promise<LabState[]> {
  const dir = labStateDir(loc);
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return [];
  }
  const states: LabState[] = [];
  for (const entry of entries.filter((e) => e.endsWith('.json'))) {
    try {
      const s = await readLabState(join(dir, entry));
      if (s) states.push(s);
    } catch {
      // An unreadable neighbour only loses the "owned by" hint; its own lab reports it.
    }
  }
  return states;
}
