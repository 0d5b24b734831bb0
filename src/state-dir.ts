// Where tandem keeps its own state on this machine: `$TANDEM_STATE_DIR`, by default
// `.tandem` under the working directory. Sim nodes, the lab record, locks, the audit
// log and reconcile status all live below it. Environment and working directory are
// passed in (never read from globals deep inside) so tests and in-process CLI runs
// stay hermetic.
import { resolve } from 'node:path';

export interface StateLocation {
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processLocation(): StateLocation {
  return { env: process.env, cwd: process.cwd() };
}

/** The state folder, absolute; `parts` are joined below it. */
export function stateDir(loc: StateLocation, ...parts: string[]): string {
  const base = loc.env.TANDEM_STATE_DIR ? loc.env.TANDEM_STATE_DIR : '.tandem';
  return resolve(loc.cwd, base, ...parts);
}
