// The ssh lab: the namespace lab of netns-lab.ts, with a real OpenSSH sshd started inside
// each node's namespace (its own host key, an authorized key made here, key-only auth, on
// the node's address) and the nodes reached over ssh instead of netns. This machine
// reaches the segment through one more veth into the segment's bridge. sshd logs at
// VERBOSE to a file per node, which is how tests count the connections tandem opened.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { segmentNamespace } from '../../src/lab/naming.js';
import { addressesYaml, destroyLab, makeLab, type Lab, type LabSpec } from './netns-lab.js';

export const SSHD = '/usr/sbin/sshd';
export const SSH_PORT = 2222;
/**
 * This machine's address on the lab segment: a /32 and a host route per node, never the
 * segment's /24, which may already be this machine's own network.
 */
export const HOST_ADDRESS = '192.0.2.250';

export interface SshNode {
  name: string;
  ns: string;
  address: string;
  dir: string;
  config: string;
  log: string;
  hostKey: string;
  proc?: ResultPromise;
}

export interface SshLab extends Lab {
  key: string;
  knownHosts: string;
  nodes: { a: SshNode; b: SshNode };
  hostVeth: string;
}

export async function canRunSshd(): Promise<string | undefined> {
  const r = await execa(SSHD, ['-V'], { reject: false }).catch(() => ({ exitCode: 127, stderr: '' }));
  // sshd -V prints its version and exits 1 on older releases; a missing binary is 127/ENOENT.
  if (r.exitCode === 127) return 'openssh-server is not installed (/usr/sbin/sshd)';
  const k = await execa('ssh-keygen', ['-?'], { reject: false }).catch(() => ({ exitCode: 127 }));
  if (k.exitCode === 127) return 'ssh-keygen (openssh-client) is not installed';
  return undefined;
}

export function sshNodesYaml(l: SshLab, extra: { identityFile?: string; knownHosts?: string } = {}): string {
  const conn = (n: SshNode) =>
    `{ transport: ssh, host: ${n.address}, port: ${SSH_PORT}, user: root, ` +
    `identityFile: ${extra.identityFile ?? l.key}, ` +
    `knownHosts: ${extra.knownHosts ?? l.knownHosts}, connectTimeoutSeconds: 3 }`;
  return `apiVersion: tandem/v1
kind: Node
metadata: { name: a-${l.sfx} }
spec:
  provider: p1
  connection: ${conn(l.nodes.a)}
  interfaces:
    - { name: eth0, type: physical, segment: ap-${l.sfx}, addresses: [192.0.2.11/24] }
---
apiVersion: tandem/v1
kind: Node
metadata: { name: b-${l.sfx} }
spec:
  provider: p1
  connection: ${conn(l.nodes.b)}
  interfaces:
    - { name: eth0, type: physical, segment: ap-${l.sfx}, addresses: [192.0.2.12/24] }
`;
}

async function sshNode(root: string, name: string, ns: string, address: string, pub: string): Promise<SshNode> {
  const dir = join(root, `sshd-${name}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const hostKey = join(dir, 'host_ed25519');
  await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `host-${name}`, '-f', hostKey]);
  await writeFile(join(dir, 'authorized_keys'), pub, { mode: 0o600 });
  const config = join(dir, 'sshd_config');
  await writeFile(
    config,
    [
      `ListenAddress ${address}:${SSH_PORT}`,
      `HostKey ${hostKey}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'UsePAM no',
      'StrictModes no',
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'LogLevel VERBOSE',
      '',
    ].join('\n'),
  );
  return { name, ns, address, dir, config, log: join(dir, 'sshd.log'), hostKey };
}

/** Starts (or restarts) a node's sshd and waits until it accepts connections. */
export async function startSshd(n: SshNode): Promise<void> {
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  // sshd runs every command through root's shell, and bash reads ~/.bashrc for ssh
  // commands: this machine's (pyenv and the like) costs about a second per command. The
  // nodes get an empty one, in a mount namespace of their own, as a lean server has.
  // The same mount namespace gives each node its own /var/lib/tandem (lock, inventory):
  // the namespaces share this machine's file system, and two nodes must not share a lock.
  const empty = join(n.dir, 'bashrc');
  await writeFile(empty, '');
  const state = join(n.dir, 'var-lib-tandem');
  await mkdir(state, { recursive: true });
  await mkdir('/var/lib/tandem', { recursive: true });
  n.proc = execa(
    'ip',
    [
      ...['netns', 'exec', n.ns, 'unshare', '--mount', '--propagation', 'private', '--', 'sh', '-c'],
      'mount --bind "$0" /root/.bashrc 2>/dev/null; mount --bind "$1" /var/lib/tandem || exit 1; shift; exec "$@"',
      empty,
      state,
      ...[SSHD, '-D', '-f', n.config, '-E', n.log],
    ],
    { reject: false },
  );
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (await canConnect(n.address, SSH_PORT)) return;
    if (n.proc.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`sshd in ${n.ns} did not start: ${await readFile(n.log, 'utf8').catch(() => '')}`);
}

export async function stopSshd(n: SshNode): Promise<void> {
  if (!n.proc) return;
  // Only our own sshd and its connection children: by pid, never by name.
  for (const pid of await childrenOf(n.proc.pid!)) process.kill(pid, 'SIGKILL');
  n.proc.kill('SIGTERM');
  await n.proc;
  n.proc = undefined;
}

/** Kills the per-connection processes of a node's sshd: every open connection drops, the listener stays. */
export async function dropConnections(n: SshNode): Promise<number> {
  const pids = await childrenOf(await listenerPid(n));
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  return pids.length;
}

async function listenerPid(n: SshNode): Promise<number> {
  return Number((await readFile(join(n.dir, 'sshd.pid'), 'utf8')).trim());
}

async function childrenOf(pid: number): Promise<number[]> {
  const r = await execa('ps', ['-o', 'pid=', '--ppid', String(pid)], { reject: false });
  const direct = String(r.stdout)
    .split('\n')
    .map((s) => Number(s.trim()))
    .filter((p) => p > 0);
  const nested = await Promise.all(direct.map((p) => childrenOf(p)));
  return [...direct, ...nested.flat()];
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
    s.setTimeout(500, () => done(false));
  });
}

/** Connections sshd accepted so far (its VERBOSE log says "Connection from ... port ..." for each). */
export async function acceptedConnections(n: SshNode): Promise<number> {
  const text = await readFile(n.log, 'utf8').catch(() => '');
  // Our own readiness probes (canConnect) also appear: they never authenticate, so count authentications.
  return (text.match(/Accepted publickey for /g) ?? []).length;
}

/** A known_hosts line for the node's host key, as ssh writes it for a non-default port. */
export async function knownHostsLine(n: SshNode, keyFile = `${n.hostKey}.pub`): Promise<string> {
  const [type, key] = (await readFile(keyFile, 'utf8')).trim().split(/\s+/);
  return `[${n.address}]:${SSH_PORT} ${type} ${key}\n`;
}

export async function fingerprint(n: SshNode): Promise<string> {
  const r = await execa('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${n.hostKey}.pub`]);
  return String(r.stdout).split(/\s+/)[1];
}

export async function makeSshLab(spec: LabSpec = {}): Promise<SshLab> {
  const base = await makeLab(spec);
  const key = join(base.root, 'id_ed25519');
  await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'tandem-test', '-f', key]);
  const pub = await readFile(`${key}.pub`, 'utf8');
  const hostVeth = `tds${base.sfx}`.slice(0, 15);
  const peer = `tdp${base.sfx}`.slice(0, 15);
  const seg = segmentNamespace(`ap-${base.sfx}`);
  const l: SshLab = {
    ...base,
    key,
    knownHosts: join(base.root, 'known_hosts'),
    hostVeth,
    nodes: {
      a: await sshNode(base.root, 'a', base.ns.a, '192.0.2.11', pub),
      b: await sshNode(base.root, 'b', base.ns.b, '192.0.2.12', pub),
    },
  };
  try {
    for (const args of [
      ['link', 'add', hostVeth, 'type', 'veth', 'peer', 'name', peer, 'netns', seg],
      ['-n', seg, 'link', 'set', peer, 'master', 'br0', 'up'],
      ['addr', 'add', `${HOST_ADDRESS}/32`, 'dev', hostVeth],
      ['link', 'set', hostVeth, 'up'],
      // replace: an earlier lab of the same file may still hold these host routes.
      ['route', 'replace', `${l.nodes.a.address}/32`, 'dev', hostVeth, 'src', HOST_ADDRESS],
      ['route', 'replace', `${l.nodes.b.address}/32`, 'dev', hostVeth, 'src', HOST_ADDRESS],
    ])
      await execa('ip', args);
    await startSshd(l.nodes.a);
    await startSshd(l.nodes.b);
    await writeFile(l.knownHosts, (await knownHostsLine(l.nodes.a)) + (await knownHostsLine(l.nodes.b)));
    await writeFile(join(l.dir, 'nodes.yaml'), sshNodesYaml(l));
    await writeFile(join(l.dir, 'addresses.yaml'), addressesYaml(l, spec.active ?? 'a'));
  } catch (err) {
    await destroySshLab(l);
    throw err;
  }
  return l;
}

export async function destroySshLab(l: SshLab): Promise<void> {
  for (const n of [l.nodes.a, l.nodes.b]) await stopSshd(n).catch(() => undefined);
  await execa('ip', ['link', 'del', l.hostVeth], { reject: false });
  await destroyLab(l);
}

/**
 * Cuts (or restores) one node's link to the segment, which also carries its ssh: the node
 * keeps its addresses (IPv4 addresses stay on a down interface) but nobody reaches it, and
 * it answers nobody's uniqueness check.
 */
export async function setNodeLink(l: SshLab, node: 'a' | 'b', state: 'up' | 'down'): Promise<void> {
  await execa('ip', ['-n', l.ns[node], 'link', 'set', 'eth0', state]);
}

/** ssh master processes of this machine whose control socket is under a tandem-ssh folder. */
export async function tandemMasters(): Promise<string[]> {
  const r = await execa('ps', ['-eo', 'pid=,args='], { reject: false });
  return String(r.stdout)
    .split('\n')
    .filter((l) => /\bssh\b.*ControlMaster=yes.*tandem-ssh-/.test(l));
}
