// The writer factory: picks the implementation of WritableNode (writable-node.ts) for a
// node, linux nodes (local, netns, ssh: writer-linux.ts) or sim nodes (writer-sim.ts). The
// selection mirrors driverFor (src/observe/drivers/index.ts), so a node is written
// through the same path it was observed through: --lab first, then the transport.
import type { NodeDocument } from '../model/generated/desired.js';
import type { DriverOptions } from '../observe/drivers/index.js';
import { labNamespace } from '../lab/naming.js';
import type { WritableNode } from './writable-node.js';
import { createLinuxWriter } from './writer-linux.js';
import { createSimWriter } from './writer-sim.js';

export interface WriterOptions extends DriverOptions {
  envDir: string;
}

export function writerFor(node: Pick<NodeDocument, 'metadata' | 'spec'>, options: WriterOptions): WritableNode {
  const name = node.metadata.name;
  const linux = {
    timeoutMs: options.timeoutMs,
    inventoryRoot: options.inventoryRoot,
    sysctls: Object.keys(node.spec.sysctl ?? {}),
    sessions: options.sessions,
    envDir: options.envDir,
  };
  if (options.lab) return createLinuxWriter(name, { transport: 'netns', namespace: labNamespace(node) }, linux);
  const connection = node.spec.connection;
  if (connection.transport === 'sim')
    return createSimWriter(name, { envDir: options.envDir, env: options.env, cwd: options.cwd });
  return createLinuxWriter(name, connection, linux);
}
