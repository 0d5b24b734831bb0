// The namespace lab of the apply integration tests: two nodes in `tdma-` namespaces
// (netns transport) on one segment with a client namespace, built with the lab's own
// labUp and always removed afterwards, with the inventories apply wrote for them.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { labDown, labUp } from '../../src/lab/index.js';
import { nodeStateDir } from '../../src/observe/drivers/linux/transport.js';
import { validateEnvironment } from '../../src/validate/index.js';
import { OverlapSampler } from './overlap-sampler.js';

export const CLI = resolve('dist/src/cli/main.js');

export interface Lab {
  root: string;
  dir: string;
  stateDir: string;
  env: NodeJS.ProcessEnv;
  sfx: string;
  envName: string;
  ns: { a: string; b: string; client: string };
  clientAddress: string;
  /** The far end of each node's eth0 veth: setting it down pulls the node's cable (no carrier). */
  cable: { a: { namespace: string; peer: string }; b: { namespace: string; peer: string } };
  /** The far end of node a's eth1 veth, when the lab has one (`backupA`). */
  cableA1?: { namespace: string; peer: string };
}

export async function canMakeNamespaces(): Promise<string | undefined> {
  if (process.platform !== 'linux') return 'network namespaces need Linux';
  if (process.getuid?.() !== 0) return 'the apply integration tests need root (network namespaces)';
  const probe = `tdma-probe-${process.pid}`;
  const add = await execa('ip', ['netns', 'add', probe], { reject: false }).catch((e: Error) => ({
    exitCode: 1,
    stderr: e.message,
  }));
  if (add.exitCode !== 0) return `ip netns add failed: ${String(add.stderr).trim()}`;
  await execa('ip', ['netns', 'del', probe], { reject: false });
  for (const bin of ['arping', 'ping']) {
    const r = await execa(bin, ['-V'], { reject: false }).catch(() => ({ exitCode: 127 }));
    if (r.exitCode !== 0) return `${bin} (iputils) is not installed`;
  }
  return undefined;
}

export interface LabSpec {
  uniquenessTimeoutMs?: number;
  active?: 'a' | 'b';
  /** Extra interface lines for node a's eth0 (YAML list items of `addresses`). */
  extraAddressesA?: string[];
  /** Node a gets eth1 on the same segment, without addresses: a backup interface with its own cable. */
  backupA?: boolean;
}

export function nodesYaml(l: Pick<Lab, 'sfx' | 'ns'>, spec: LabSpec): string {
  const extra = spec.extraAddressesA?.length
    ? `, ${spec.extraAddressesA.map((a) => JSON.stringify(a)).join(', ')}`
    : '';
  return `apiVersion: tandem/v1
kind: Node
metadata: { name: a-${l.sfx} }
spec:
  provider: p1
  connection: { transport: netns, namespace: ${l.ns.a} }
  interfaces:
    - { name: eth0, type: physical, segment: ap-${l.sfx}, addresses: [192.0.2.11/24${extra}] }
${spec.backupA ? `    - { name: eth1, type: physical, segment: ap-${l.sfx} }\n` : ''}---
apiVersion: tandem/v1
kind: Node
metadata: { name: b-${l.sfx} }
spec:
  provider: p1
  connection: { transport: netns, namespace: ${l.ns.b} }
  interfaces:
    - { name: eth0, type: physical, segment: ap-${l.sfx}, addresses: [192.0.2.12/24] }
`;
}

export function addressesYaml(l: Pick<Lab, 'sfx'>, active: 'a' | 'b'): string {
  return `apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: svc }
spec:
  address: 192.0.2.100/24
  active: ${active}-${l.sfx}
  switchback: intelligent
  placements:
    - { node: a-${l.sfx}, priority: 1, interface: eth0, label: svc }
    - { node: b-${l.sfx}, priority: 2, interface: eth0, label: svc }
  health: { link: true, ping: { list: [192.0.2.254], count: 1, timeoutMs: 1000 } }
`;
}

function cableOf(
  veths: ReadonlyArray<{ namespace: string; name: string; peerNamespace: string; peer: string }>,
  ns: string,
  iface = 'eth0',
): { namespace: string; peer: string } {
  const v = veths.find((x) => x.namespace === ns && x.name === iface);
  if (!v) throw new Error(`the lab has no ${iface} veth in ${ns}`);
  return { namespace: v.peerNamespace, peer: v.peer };
}

export async function makeLab(spec: LabSpec = {}): Promise<Lab> {
  const sfx = `${(process.pid % 1296).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const root = await mkdtemp(join(tmpdir(), 'tandem-apply-lab-'));
  const dir = join(root, `env-${sfx}`);
  const stateDir = join(root, 'state');
  await mkdir(dir);
  const envName = `at-${sfx}`;
  const l = { sfx, ns: { a: `tdma-a-${sfx}`, b: `tdma-b-${sfx}`, client: `tdm-cli-ap-${sfx}` } };
  await writeFile(
    join(dir, 'cluster.yaml'),
    `apiVersion: tandem/v1
kind: Cluster
metadata: { name: ${envName} }
spec:
  segments:
    - { name: ap-${sfx}, subnets: [192.0.2.0/24, "2001:db8:a::/64"] }
  defaults:
    gratuitousArp: { count: 2, intervalMs: 50 }
    uniquenessCheck: { enabled: true, timeoutMs: ${spec.uniquenessTimeoutMs ?? 1000} }
  rollout: { parallelism: 2 }
`,
  );
  await writeFile(join(dir, 'nodes.yaml'), nodesYaml(l, spec));
  await writeFile(join(dir, 'addresses.yaml'), addressesYaml(l, spec.active ?? 'a'));
  const v = await validateEnvironment(dir);
  if (!v.valid || !v.model)
    throw new Error(`lab environment invalid: ${v.diagnostics.map((d) => d.summary).join('; ')}`);
  const env = { ...process.env, TANDEM_STATE_DIR: stateDir, NO_COLOR: '1' };
  const up = await labUp({ model: v.model, envDir: dir, withAddresses: true, location: { env, cwd: root } });
  const client = up.blueprint.clients[0];
  // The health check's ping-list target: the lab keeps the client off addresses the
  // environment names, so the client is given it as a second address.
  await execa('ip', ['-n', client.namespace, 'addr', 'add', '192.0.2.254/24', 'dev', 'eth0']);
  return {
    root,
    dir,
    stateDir,
    env,
    sfx,
    envName,
    ns: { ...l.ns, client: client.namespace },
    clientAddress: client.address,
    cable: { a: cableOf(up.blueprint.veths, l.ns.a), b: cableOf(up.blueprint.veths, l.ns.b) },
    ...(spec.backupA ? { cableA1: cableOf(up.blueprint.veths, l.ns.a, 'eth1') } : {}),
  };
}

export async function destroyLab(l: Lab): Promise<void> {
  await labDown({ env: l.envName, location: { env: l.env, cwd: l.root } }).catch(() => undefined);
  const r = await execa('ip', ['-j', 'netns', 'list'], { reject: false });
  const names = String(r.stdout).trim()
    ? (JSON.parse(String(r.stdout)) as Array<{ name: string }>).map((n) => n.name)
    : [];
  for (const ns of names.filter((n) => n.includes(l.sfx))) await execa('ip', ['netns', 'del', ns], { reject: false });
  for (const ns of [l.ns.a, l.ns.b])
    await rm(nodeStateDir({ transport: 'netns', namespace: ns }), { recursive: true, force: true });
  await rm(l.root, { recursive: true, force: true });
}

/** A file of a namespace node's own state folder, as the CLI (default root) keeps it. */
export function nodeStatePath(ns: string, file: string): string {
  return join(nodeStateDir({ transport: 'netns', namespace: ns }), file);
}

/** IPv4/IPv6 addresses on a namespace's eth0, as "cidr" strings. */
export async function eth0Addresses(ns: string): Promise<string[]> {
  const r = await execa('ip', ['-n', ns, '-j', 'addr', 'show', 'dev', 'eth0'], { reject: false });
  if (r.exitCode !== 0) return [];
  const links = JSON.parse(String(r.stdout)) as Array<{
    addr_info: Array<{ family: string; local: string; prefixlen: number; scope: string }>;
  }>;
  return links
    .flatMap((l) => l.addr_info.filter((a) => a.scope !== 'link').map((a) => `${a.local}/${a.prefixlen}`))
    .sort();
}

/**
 * Reads b, then a, every few ms while running (overlap-sampler.ts): the address seen on
 * both in one sample was on both at once.
 */
export function pollOverlap(
  l: Lab,
  ip: string,
): { stop: () => Promise<{ samples: number; overlaps: number; seenOn: Set<string> }> } {
  return new OverlapSampler({ a: l.ns.a, b: l.ns.b }, ip);
}
