// Generates big, valid environments for benchmarks (validate now, the planner later):
// N nodes in racks, each rack a public and a private segment with its own IPv6 subnets
// (10,000 addresses do not fit the IPv4 documentation ranges), every node with three
// interfaces on two segments, some failover pairs, and M relocatable addresses with two
// placements each on a pair of nodes of one rack. Output is YAML text per file, in
// memory, optionally written to a temporary folder.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FleetOptions {
  nodes: number;
  relocatables: number;
  /** Nodes per rack (one public and one private segment per rack). Default 20. */
  rackSize?: number;
  /** Every n-th pair of nodes gets a mutual eth0 failover pair (0: none). Default 4. */
  failoverEvery?: number;
  /** IPsec policies, one per relocatable address from the first on (0: none). Default 0. */
  ipsecPolicies?: number;
}

export interface Fleet {
  /** File name (no folder) to YAML text, in a stable order. */
  files: Map<string, string>;
  documents: number;
}

const hex = (n: number) => n.toString(16);
const rackOf = (node: number, rackSize: number) => Math.floor(node / rackSize);
const nodeName = (i: number) => `node${String(i).padStart(4, '0')}`;
const relocName = (i: number) => `addr${String(i).padStart(5, '0')}`;
/** Rack r's subnets: 2001:db8:<r+1>:1::/64 public, 2001:db8:<r+1>:2::/64 private. */
const subnet = (rack: number, net: 1 | 2) => `2001:db8:${hex(rack + 1)}:${net}::`;
const nodeHost = (i: number) => hex(0x10 + i); // below 0x10000 for up to 65,000 nodes
/** Two groups (::1:0 upwards), so they never meet a node's one-group host part. */
const relocHost = (i: number) => `${hex(1 + Math.floor(i / 0x10000))}:${hex(i % 0x10000)}`;

function pairOf(node: number, nodes: number): number | undefined {
  const partner = node % 2 === 0 ? node + 1 : node - 1;
  return partner < nodes ? partner : undefined;
}

function nodeDoc(i: number, opts: Required<FleetOptions>): string {
  const rack = rackOf(i, opts.rackSize);
  const partner = pairOf(i, opts.nodes);
  const pairIndex = Math.floor(i / 2);
  const failover =
    partner !== undefined &&
    opts.failoverEvery > 0 &&
    pairIndex % opts.failoverEvery === 0 &&
    rackOf(partner, opts.rackSize) === rack
      ? `      failover: { node: ${nodeName(partner)}, interface: eth0 }\n`
      : '';
  return `apiVersion: tandem/v1
kind: Node
metadata: { name: ${nodeName(i)} }
spec:
  provider: p${rack % 4}
  connection: { transport: sim }
  management: "${subnet(rack, 2)}${nodeHost(i)}/64"
  interfaces:
    - name: eth0
      type: physical
      segment: public-r${rack}
      addresses: ["${subnet(rack, 1)}${nodeHost(i)}/64"]
      routes:
        - { to: "2001:db8:ffff::/48", via: "${subnet(rack, 1)}1" }
${failover}    - name: eth1
      type: physical
      segment: public-r${rack}
    - name: eth2
      type: physical
      segment: private-r${rack}
      addresses: ["${subnet(rack, 2)}${nodeHost(i)}/64"]
`;
}

/** The pair of nodes (in one rack) that relocatable i lives on. */
function placementPair(i: number, opts: Required<FleetOptions>): [number, number] {
  const pairs = Math.floor(opts.nodes / 2);
  const p = i % pairs;
  return [2 * p, 2 * p + 1];
}

function relocDoc(i: number, opts: Required<FleetOptions>): string {
  const [a, b] = placementPair(i, opts);
  const rack = rackOf(a, opts.rackSize);
  const pairs = Math.floor(opts.nodes / 2);
  // A backup interface backs at most one relocatable address: only the first round uses it.
  const backup = i < pairs ? ', backupInterface: eth1' : '';
  const [active, other] = i % 2 === 0 ? [a, b] : [b, a];
  return `apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: ${relocName(i)} }
spec:
  address: "${subnet(rack, 1)}${relocHost(i)}/64"
  active: ${nodeName(active)}
  switchback: ${i % 3 === 0 ? 'automatic' : 'intelligent'}
  placements:
    - { node: ${nodeName(active)}, interface: eth0, priority: 1${backup} }
    - { node: ${nodeName(other)}, interface: eth0, priority: 2 }
  health:
    ping: { list: ["${subnet(rack, 1)}1"] }
`;
}

function ipsecDoc(i: number, opts: Required<FleetOptions>): string {
  const [a] = placementPair(i, opts);
  const rack = rackOf(a, opts.rackSize);
  return `apiVersion: tandem/v1
kind: IPsecPolicy
metadata: { name: protect-${relocName(i)} }
spec:
  selector: { source: "${subnet(rack, 1)}${relocHost(i)}/128", destination: "2001:db8:ffff::/48", protocol: tcp }
  directions: [out]
  action: protect
  protocol: esp
  mode: transport
  priority: 100
  appliesTo: { relocatableAddress: ${relocName(i)} }
  keys: { env: TANDEM_BENCH_KEY }
`;
}

export function generateFleet(options: FleetOptions): Fleet {
  const opts: Required<FleetOptions> = { rackSize: 20, failoverEvery: 4, ipsecPolicies: 0, ...options };
  if (opts.rackSize % 2 !== 0)
    throw new Error('rackSize must be even: relocatable addresses live on pairs of nodes in one rack');
  if (opts.nodes < 2 && opts.relocatables > 0) throw new Error('relocatable addresses need at least two nodes');
  if (opts.ipsecPolicies > opts.relocatables) throw new Error('at most one IPsec policy per relocatable address');
  const racks = Math.ceil(opts.nodes / opts.rackSize);
  const files = new Map<string, string>();
  const segments = Array.from(
    { length: racks },
    (_, r) =>
      `    - { name: public-r${r}, subnets: ["${subnet(r, 1)}/64"] }\n` +
      `    - { name: private-r${r}, subnets: ["${subnet(r, 2)}/64"] }\n`,
  ).join('');
  files.set(
    'cluster.yaml',
    'apiVersion: tandem/v1\nkind: Cluster\nmetadata: { name: fleet }\nspec:\n' +
      `  segments:\n${segments}  rollout: { maxNodesPerWave: 50, parallelism: 32 }\n`,
  );
  const byRackNodes: string[][] = Array.from({ length: racks }, () => []);
  for (let i = 0; i < opts.nodes; i++) byRackNodes[rackOf(i, opts.rackSize)].push(nodeDoc(i, opts));
  const byRackRelocs: string[][] = Array.from({ length: racks }, () => []);
  for (let i = 0; i < opts.relocatables; i++) {
    const rack = rackOf(placementPair(i, opts)[0], opts.rackSize);
    byRackRelocs[rack].push(relocDoc(i, opts));
    if (i < opts.ipsecPolicies) byRackRelocs[rack].push(ipsecDoc(i, opts));
  }
  const pad = (r: number) => String(r).padStart(3, '0');
  byRackNodes.forEach((docs, r) => docs.length > 0 && files.set(`nodes-r${pad(r)}.yaml`, docs.join('---\n')));
  byRackRelocs.forEach((docs, r) => docs.length > 0 && files.set(`addresses-r${pad(r)}.yaml`, docs.join('---\n')));
  return { files, documents: 1 + opts.nodes + opts.relocatables + opts.ipsecPolicies };
}

/** Writes a fleet into a new temporary folder; call `remove` when done. */
export async function writeFleet(
  fleet: Fleet,
  prefix = 'tandem-fleet-',
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const [name, text] of fleet.files) await writeFile(join(dir, name), text);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
