// `tandem init DIR`: a new environment to start from, two sim nodes on one segment and
// one relocatable address, every field commented, so `tandem validate DIR` passes and
// `tandem plan DIR` builds the nodes up from their declared hardware.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { SCHEMA_FILE } from '../../paths.js';
import { EXIT, ExitError } from '../errors.js';
import type { CliIO } from '../io.js';

export interface InitCommandOptions {
  name?: string;
}

/** Lower-case letters, digits and '-', as the schema's Name. */
const NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export function initFiles(name: string, schemaRef: string): Record<string, string> {
  const header = `# yaml-language-server: $schema=${schemaRef}\n`;
  const node = (n: number) => `apiVersion: tandem/v1
kind: Node
metadata: { name: ${name}-${n} }
spec:
  # sim: a simulated node whose state is a file (tandem sim path prints where); tandem apply
  # changes it. For a real machine: transport local, netns (namespace: ...) or ssh
  # (host: ..., user: ..., knownHosts: ...). tandem plan --lab reaches each node in
  # its lab namespace whatever is written here (tandem lab up, root).
  connection: { transport: sim }
  interfaces:
    # A physical interface must exist on the node: tandem configures it, it cannot create it.
    - name: eth0
      type: physical
      segment: lan
      addresses: [192.0.2.${10 + n}/24]
`;
  return {
    'cluster.yaml': `${header}# The cluster: the segments (physical networks) its nodes are cabled to.
apiVersion: tandem/v1
kind: Cluster
metadata:
  name: ${name}
  description: Two nodes sharing one relocatable address (written by tandem init)
spec:
  segments:
    - name: lan
      subnets: [192.0.2.0/24]
  rollout:
    # One node per wave: the other keeps serving while one changes.
    maxNodesPerWave: 1
`,
    'nodes.yaml': `${header}# One document per node. Each interface lists its static addresses (the first of a
# subnet is the primary).
${node(1)}---
${header}${node(2)}`,
    'addresses.yaml': `${header}# A relocatable address lives on one node (active) and can move to the others listed
# in placements. Move it: change active, then tandem plan and tandem apply.
apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: service }
spec:
  address: 192.0.2.50/24
  active: ${name}-1
  placements:
    - { node: ${name}-1, priority: 1, interface: eth0 }
    - { node: ${name}-2, priority: 2, interface: eth0 }
`,
  };
}

export async function initCommand(dir: string, opts: InitCommandOptions, io: CliIO): Promise<number> {
  const target = resolve(io.cwd, dir);
  const name = opts.name ?? basename(target);
  if (!NAME.test(name))
    throw new ExitError(
      `init: ${JSON.stringify(name)} cannot name an environment (lower-case letters, digits and '-', ` +
        `1 to 63 characters): pass --name NAME`,
    );
  let existing: string[] = [];
  try {
    existing = (await readdir(target)).filter((f) => /\.ya?ml$/.test(f));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new ExitError(`init: cannot read ${dir}: ${String(err)}`);
  }
  if (existing.length > 0)
    throw new ExitError(
      `init: ${dir} already holds ${existing.sort().join(', ')}: init writes only into a new or empty folder`,
    );
  await mkdir(target, { recursive: true });
  const files = initFiles(name, relative(target, SCHEMA_FILE));
  for (const [file, text] of Object.entries(files)) await writeFile(join(target, file), text, { flag: 'wx' });
  io.stdout.write(
    `${dir}: a new environment ${name} (${Object.keys(files).join(', ')}): two sim nodes, one relocatable address\n` +
      `next: tandem validate ${dir}, then tandem plan ${dir} and tandem apply ${dir} (docs/getting-started.md)\n`,
  );
  return EXIT.ok;
}
