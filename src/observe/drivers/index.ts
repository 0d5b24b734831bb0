// Driver selection: the single place that decides how a node is observed. A snapshot
// folder wins over everything; `lab` observes every node inside its lab namespace;
// otherwise the node's transport decides.
import { labNamespace } from '../../lab/naming.js';
import type { NodeDocument } from '../../model/generated/desired.js';
import type { NodeDriver } from '../driver.js';
import { createLinuxDriver } from './linux/driver.js';
import type { SshSessions } from './linux/ssh-session.js';
import { createSnapshotDriver } from './snapshot.js';
import { createSimDriver } from './sim.js';

export interface DriverOptions {
  /** The environment folder (the sim driver keeps per-environment state and reads ENV/observed). */
  envDir?: string;
  /** Read recorded state from this snapshot folder instead of reaching the node. */
  observedDir?: string;
  /** Observe the node's lab namespace (tandem lab up) through the netns transport. */
  lab?: boolean;
  /** Per-command time limit of the linux driver, in milliseconds. */
  timeoutMs?: number;
  /** Folder on the node holding tandem's inventory (default /var/lib/tandem; tests point it elsewhere). */
  inventoryRoot?: string;
  /** Environment and working directory: TANDEM_STATE_DIR for sim state (default: the process's). */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** The run's ssh masters (src/observe/drivers/linux/ssh-session.ts); its owner closes it. */
  sessions?: SshSessions;
}

export function driverFor(node: Pick<NodeDocument, 'metadata' | 'spec'>, options: DriverOptions = {}): NodeDriver {
  const name = node.metadata.name;
  if (options.observedDir !== undefined) return createSnapshotDriver(options.observedDir, name);
  const linux = {
    timeoutMs: options.timeoutMs,
    inventoryRoot: options.inventoryRoot,
    sysctls: Object.keys(node.spec.sysctl ?? {}),
    sessions: options.sessions,
    envDir: options.envDir,
  };
  if (options.lab) return createLinuxDriver(name, { transport: 'netns', namespace: labNamespace(node) }, linux);
  const connection = node.spec.connection;
  switch (connection.transport) {
    case 'local':
    case 'netns':
    case 'ssh':
      return createLinuxDriver(name, connection, linux);
    case 'sim':
      if (options.envDir === undefined)
        return unavailable(name, 'sim', 'a sim node needs its environment folder (its state and snapshot live there)');
      return createSimDriver(name, {
        envDir: options.envDir,
        env: options.env ?? process.env,
        cwd: options.cwd ?? process.cwd(),
      });
  }
}

function unavailable(node: string, kind: NodeDriver['kind'], message: string): NodeDriver {
  return { kind, node, observe: () => Promise.resolve({ node, ok: false, error: { kind: 'not-found', message } }) };
}
