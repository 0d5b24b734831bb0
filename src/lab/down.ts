// `lab down`: deletes exactly the namespaces the lab's state file records (deleting a
// namespace destroys its veths, and with them their peers and the bridges' ports), then
// the state file. Namespaces the file does not name are never touched. A deleted
// namespace's node state (inventory, apply lock: nodeStateDir) goes with it, so a lab
// made again under the same names starts with nodes tandem owns nothing on.
import { rm } from 'node:fs/promises';
import { nodeStateDir } from '../observe/drivers/linux/transport.js';
import { stopLabCharons } from './charon.js';
import { LabError, execaRunner, firstError, isPermissionError, listNamespaces, type IpRunner } from './runner.js';
import { labStatePath, readLabState, removeLabState, writeLabState, type StateLocation } from './state.js';

export interface LabDownOptions {
  env: string;
  location: StateLocation;
  runner?: IpRunner;
}

export interface LabDownResult {
  statePath: string;
  /** False when no lab was recorded for the environment (nothing to do). */
  recorded: boolean;
  removed: string[];
  /** Recorded namespaces that no longer existed. */
  alreadyGone: string[];
}

export async function labDown(opts: LabDownOptions): Promise<LabDownResult> {
  const runner = opts.runner ?? execaRunner;
  const statePath = labStatePath(opts.location, opts.env);
  const state = await readLabState(statePath);
  if (!state) return { statePath, recorded: false, removed: [], alreadyGone: [] };
  const before = await listNamespaces(runner);
  const names = state.namespaces.map((n) => n.name);
  const present = names.filter((n) => before.has(n));
  // A charon outlives its namespace's deletion (it holds it open): stop them first.
  await stopLabCharons(state.namespaces.filter((n) => n.role === 'node').map((n) => n.name));
  const left = await deleteNamespaces(runner, present);
  if (left.length > 0) {
    state.namespaces = state.namespaces.filter((n) => left.includes(n.name));
    await writeLabState(statePath, state);
    throw new LabError('kernel', `lab down could not remove ${left.join(', ')}; ${statePath} still records them`);
  }
  for (const namespace of names)
    await rm(nodeStateDir({ transport: 'netns', namespace }), { recursive: true, force: true });
  await removeLabState(statePath);
  return { statePath, recorded: true, removed: present, alreadyGone: names.filter((n) => !before.has(n)) };
}

/**
 * Deletes namespaces in one forced batch (a missing one does not stop the others) and
 * returns those that still exist afterwards.
 */
export async function deleteNamespaces(runner: IpRunner, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const r = await runner.ip(['-force', '-batch', '-'], names.map((n) => `netns del ${n}`).join('\n') + '\n');
  const after = await listNamespaces(runner);
  const left = names.filter((n) => after.has(n));
  if (left.length > 0 && isPermissionError(r.stderr)) {
    throw new LabError('no-permission', `the lab needs root: ip netns del was refused (${firstError(r.stderr)})`);
  }
  return left;
}
