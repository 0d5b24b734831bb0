// Helpers for the namespace lab's integration tests: a one-time probe of whether this
// machine can make namespaces, a small environment with test-unique names (so parallel
// runs and a developer's own lab never clash), in-process CLI runs, and cleanup by
// suffix that works even when a test failed half-way.
import { mkdtemp, mkdir, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { execa } from 'execa';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

export type Support = { ok: true } | { ok: false; reason: string };

/** Checks once, with a probe namespace, that namespaces can be created here. */
export async function probeNamespaces(): Promise<Support> {
  if (process.platform !== 'linux') return { ok: false, reason: 'network namespaces need Linux' };
  if (process.getuid?.() !== 0) return { ok: false, reason: 'the lab tests need root (network namespaces)' };
  const probe = `tdm-probe-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
  try {
    const add = await execa('ip', ['netns', 'add', probe], { reject: false });
    if (add.exitCode !== 0) return { ok: false, reason: `ip netns add failed: ${String(add.stderr).trim()}` };
    await execa('ip', ['netns', 'del', probe], { reject: false });
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: `ip is not usable: ${(err as Error).message}` };
  }
}

export function uniqueSuffix(): string {
  return `${(process.pid % 1296).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export interface TestEnv {
  dir: string;
  stateDir: string;
  sfx: string;
  env: string;
  nodeA: string;
  nodeB: string;
  /** Namespace names the lab should create. */
  ns: { a: string; b: string; segA: string; segB: string; cliA: string; cliB: string; mgmt: string };
}

/**
 * Two nodes on two segments. Node a has a bond with two slaves, a loopback and a
 * tunnel (all mapped onto veths); node b gives its own namespace name (netns transport).
 * The relocatable address sits on 192.0.2.254, the client's first choice, so the client
 * of segment pa must step down to .253.
 */
export async function writeTestEnv(): Promise<TestEnv> {
  const sfx = uniqueSuffix();
  const root = await mkdtemp(join(tmpdir(), 'tandem-lab-'));
  await chmod(root, 0o755);
  const dir = join(root, 'env');
  const stateDir = join(root, 'state');
  await mkdir(dir);
  const env = `lt-${sfx}`;
  const a = `a-${sfx}`;
  const b = `b-${sfx}`;
  const pa = `pa-${sfx}`;
  const pb = `pb-${sfx}`;
  const nsB = `tdm-nb-${sfx}`;
  await writeFile(
    join(dir, 'cluster.yaml'),
    `apiVersion: tandem/v1
kind: Cluster
metadata: { name: ${env} }
spec:
  segments:
    - { name: ${pa}, subnets: [192.0.2.0/24] }
    - { name: ${pb}, subnets: [198.51.100.0/24] }
`,
  );
  await writeFile(
    join(dir, 'nodes.yaml'),
    `apiVersion: tandem/v1
kind: Node
metadata: { name: ${a} }
spec:
  provider: p1
  connection: { transport: sim }
  management: 203.0.113.21/24
  interfaces:
    - { name: mgmt0, type: physical, addresses: [203.0.113.21/24] }
    - { name: eth0, type: physical, segment: ${pa}, addresses: [192.0.2.21/24] }
    - name: bond0
      type: bond
      segment: ${pb}
      addresses: [198.51.100.21/24]
      bond: { mode: active-backup, slaves: [eth2, eth3] }
    - { name: eth2, type: physical, segment: ${pb} }
    - { name: eth3, type: physical, segment: ${pb} }
    - { name: lo1, type: loopback, addresses: ["2001:db8:ff::21/128"] }
    - name: tun0
      type: tunnel
      addresses: ["2001:db8:2::21/64"]
      tunnel: { mode: sit, local: 192.0.2.21, remote: 198.51.100.99 }
---
apiVersion: tandem/v1
kind: Node
metadata: { name: ${b} }
spec:
  provider: p1
  connection: { transport: netns, namespace: ${nsB} }
  management: 203.0.113.22/24
  interfaces:
    - { name: mgmt0, type: physical, addresses: [203.0.113.22/24] }
    - { name: eth0, type: physical, segment: ${pa}, addresses: [192.0.2.22/24] }
    - { name: eth2, type: physical, segment: ${pb}, addresses: [198.51.100.22/24] }
---
apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: svc }
spec:
  address: 192.0.2.254/24
  active: ${a}
  placements:
    - { node: ${a}, priority: 1, interface: eth0 }
    - { node: ${b}, priority: 2, interface: eth0 }
`,
  );
  return {
    dir,
    stateDir,
    sfx,
    env,
    nodeA: a,
    nodeB: b,
    ns: {
      a: `tdm-${a}`,
      b: nsB,
      segA: `tdm-seg-${pa}`,
      segB: `tdm-seg-${pb}`,
      cliA: `tdm-cli-${pa}`,
      cliB: `tdm-cli-${pb}`,
      mgmt: `tdm-mgmt-${env}`,
    },
  };
}

export async function namespacesNow(): Promise<string[]> {
  const r = await execa('ip', ['-j', 'netns', 'list']);
  const text = String(r.stdout).trim();
  return text === '' ? [] : (JSON.parse(text) as Array<{ name: string }>).map((n) => n.name);
}

/** Namespaces whose name carries the test's suffix: only this test can have made them. */
export async function namespacesOf(t: TestEnv): Promise<string[]> {
  return (await namespacesNow()).filter((n) => n.includes(t.sfx));
}

/** Last-resort cleanup: removes every namespace named with the test's suffix. */
export async function removeBySuffix(t: TestEnv): Promise<void> {
  for (const ns of await namespacesOf(t)) await execa('ip', ['netns', 'del', ns], { reject: false });
}

export interface AddrJson {
  ifname: string;
  flags: string[];
  operstate: string;
  master?: string;
  link_type?: string;
  addr_info: Array<{ family: string; local: string; prefixlen: number }>;
}

export async function addrs(ns: string): Promise<AddrJson[]> {
  const r = await execa('ip', ['-n', ns, '-j', 'address', 'show']);
  return JSON.parse(String(r.stdout)) as AddrJson[];
}

export async function ping(ns: string, address: string): Promise<boolean> {
  const r = await execa('ip', ['netns', 'exec', ns, 'ping', '-c', '1', '-W', '2', address], { reject: false });
  return r.exitCode === 0;
}

export async function hasPing(): Promise<boolean> {
  const r = await execa('ping', ['-V'], { reject: false }).catch(() => ({ exitCode: 1 }));
  return r.exitCode === 0;
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs the CLI in-process with its own state folder. */
export async function runCli(argv: string[], t: TestEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: CliIO = {
    stdout,
    stderr,
    stdin: process.stdin,
    env: { ...process.env, TANDEM_STATE_DIR: t.stateDir, NO_COLOR: '1' },
    cwd: process.cwd(),
  };
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
