// Real git repositories in a temp folder for the GitOps tests: a bare origin and a
// clone with its own user, commits made with git argument arrays. Git's global and
// system configuration are switched off for this process, so a developer's settings
// (signing, hooks, default branch) never change what the tests see.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { execa } from 'execa';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { ObservedNode } from '../../src/observe/model.js';

process.env.GIT_CONFIG_NOSYSTEM = '1';
process.env.GIT_CONFIG_GLOBAL = '/dev/null';

export async function git(cwd: string, args: string[]): Promise<string> {
  const r = await execa('git', args, { cwd });
  return r.stdout;
}

export interface Repos {
  root: string;
  origin: string;
  work: string;
  stateDir: string;
  /** Writes (or deletes, with null) files in the clone, commits them and returns the commit id. */
  commit(files: Record<string, string | null>, message: string, extra?: string[]): Promise<string>;
  push(branch?: string): Promise<void>;
}

export async function makeRepos(prefix = 'tandem-git-'): Promise<Repos> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  const origin = join(root, 'origin.git');
  const work = join(root, 'work');
  const stateDir = join(root, 'state');
  await git(root, ['init', '--quiet', '--bare', '--initial-branch=main', origin]);
  await git(root, ['clone', '--quiet', origin, work]);
  await git(work, ['config', 'user.name', 'Tandem Test']);
  await git(work, ['config', 'user.email', 'test@example.org']);
  await git(work, ['config', 'commit.gpgsign', 'false']);
  await git(work, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
  return {
    root,
    origin,
    work,
    stateDir,
    async commit(files, message, extra = []) {
      for (const [path, text] of Object.entries(files)) {
        const file = join(work, path);
        if (text === null) {
          await rm(file, { force: true });
        } else {
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, text);
        }
      }
      await git(work, ['add', '--all']);
      await git(work, ['commit', '--quiet', '--allow-empty', ...extra, '-m', message]);
      return (await git(work, ['rev-parse', 'HEAD'])).trim();
    },
    async push(branch = 'main') {
      await git(work, ['push', '--quiet', 'origin', branch]);
    },
  };
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

export async function runCli(
  argv: string[],
  opts: { stateDir: string; cwd?: string },
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: CliIO = {
    stdout,
    stderr,
    stdin: process.stdin,
    env: { ...process.env, TANDEM_STATE_DIR: opts.stateDir, NO_COLOR: '1' },
    cwd: opts.cwd ?? process.cwd(),
  };
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A small environment: two sim nodes on one segment and one relocatable address. */
export function envFiles(
  options: { active?: 'alpha' | 'beta'; path?: string; extraAddress?: boolean } = {},
): Record<string, string> {
  const p = options.path ?? 'environments/pair';
  const node = (name: string, n: number) => `---
apiVersion: tandem/v1
kind: Node
metadata: { name: ${name} }
spec:
  provider: p1
  connection: { transport: sim }
  management: 203.0.113.${n}/24
  interfaces:
    - name: mgmt0
      type: physical
      addresses: [203.0.113.${n}/24]
    - name: eth0
      type: physical
      segment: public
      addresses: [192.0.2.${n}/24]
`;
  const files: Record<string, string> = {
    [`${p}/cluster.yaml`]: `apiVersion: tandem/v1
kind: Cluster
metadata: { name: pair }
spec:
  segments:
    - { name: public, subnets: [192.0.2.0/24] }
  defaults:
    uniquenessCheck: { enabled: true, timeoutMs: 100 }
`,
    [`${p}/nodes.yaml`]: node('alpha', 11) + node('beta', 12),
    [`${p}/addresses.yaml`]: `apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: vip }
spec:
  address: 192.0.2.50/24
  active: ${options.active ?? 'alpha'}
  switchback: intelligent
  placements:
    - { node: alpha, priority: 1, interface: eth0 }
    - { node: beta, priority: 2, interface: eth0 }
${
  options.extraAddress
    ? `---
apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: vip2 }
spec:
  address: 192.0.2.60/24
  active: beta
  placements:
    - { node: beta, priority: 1, interface: eth0 }
    - { node: alpha, priority: 2, interface: eth0 }
`
    : ''
}`,
    [`${p}/observed/alpha.json`]: snapshot('alpha', 11),
    [`${p}/observed/beta.json`]: snapshot('beta', 12),
  };
  return files;
}

/** A recorded node with its static addresses and nothing relocatable. */
export function snapshot(name: string, n: number): string {
  const addr = (iface: string, cidr: string, scope = 'global') => ({
    interface: iface,
    family: 4,
    cidr,
    secondary: false,
    tentative: false,
    dadfailed: false,
    scope,
  });
  const link = (lname: string, kind: string, mac?: string) => ({
    name: lname,
    kind,
    adminUp: true,
    operState: lname === 'lo' ? 'UNKNOWN' : 'UP',
    mtu: lname === 'lo' ? 65536 : 1500,
    ...(mac ? { mac } : {}),
  });
  const state: ObservedNode = {
    node: name,
    driver: 'snapshot',
    observedAt: '2025-01-06T09:00:00.000Z',
    links: [
      link('lo', 'loopback'),
      link('mgmt0', 'physical', `02:00:00:0${n % 10}:00:10`),
      link('eth0', 'physical', `02:00:00:0${n % 10}:00:00`),
    ] as ObservedNode['links'],
    addresses: [
      addr('lo', '127.0.0.1/8', 'host'),
      addr('mgmt0', `203.0.113.${n}/24`),
      addr('eth0', `192.0.2.${n}/24`),
    ] as ObservedNode['addresses'],
    routes: [],
    neighbors: [],
    xfrmPolicies: [],
    sysctl: {},
    inventory: { owned: [] },
  };
  return JSON.stringify(state, null, 2) + '\n';
}
