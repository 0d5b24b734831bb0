// charon processes that tandem starts itself: one per namespace node of the lab (live), and
// short-lived scratch ones that only parse configuration. strongSwan 5.9.8 writes its pid
// to the fixed path /var/run/charon.pid, so each charon runs in a private mount namespace
// where /run is its own folder (`<node state dir>/charon`): pid file, VICI socket, log and
// strongswan.conf all live there, and the socket is reachable from this machine's
// namespace at the folder's real path. The kernel here has no ESP states: the live charon
// uses kernel-libipsec (ESP in userspace over a TUN device) and, on 5.9.8, kdf.
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadExeca } from '../lazy-execa.js';
import { nodeStateDir } from '../observe/drivers/linux/transport.js';
import { ViciClient } from './vici.js';

export const CHARON = '/usr/lib/ipsec/charon';
/** Where charon sees its folder; the real folder is bind-mounted here. */
const INNER_RUN = '/run';

export interface CharonPaths {
  dir: string;
  conf: string;
  vici: string;
  pid: string;
  log: string;
}

export function charonPathsIn(dir: string): CharonPaths {
  return {
    dir,
    conf: join(dir, 'strongswan.conf'),
    vici: join(dir, 'charon.vici'),
    pid: join(dir, 'charon.pid'),
    log: join(dir, 'charon.log'),
  };
}

/** The live charon of a namespace node: beside its inventory and apply lock. */
export function nodeCharonPaths(namespace: string, root?: string): CharonPaths {
  return charonPathsIn(join(nodeStateDir({ transport: 'netns', namespace }, root), 'charon'));
}

// Crypto plugins for the proposals tandem's rules allow (AES-GCM/CBC, SHA-2 PRFs and
// integrity, MODP and ECP groups), plus what PSK authentication and VICI need.
const CRYPTO = ['random', 'nonce', 'openssl', 'aes', 'gcm', 'sha1', 'sha2', 'hmac', 'gmp', 'kdf', 'pem', 'pubkey'];

export type CharonKind = 'live' | 'scratch';

export interface CharonConfOptions {
  kind: CharonKind;
  /** Log level of the ike and cfg groups in the log file (default 1). */
  logLevel?: number;
}

/** strongswan.conf for a charon of tandem's, as charon sees its paths (pure). */
export function strongswanConf(opts: CharonConfOptions): string {
  // A scratch charon only parses, but charon does not start without a kernel interface and
  // a socket: it gets kernel-netlink and socket-default in an empty network namespace of
  // its own, where they reach nothing.
  const plugins =
    opts.kind === 'live'
      ? [...CRYPTO, 'kernel-libipsec', 'kernel-netlink', 'socket-default', 'vici']
      : [...CRYPTO, 'kernel-netlink', 'socket-default', 'vici'];
  const level = opts.logLevel ?? 1;
  return [
    '# written by tandem: a charon of its own (docs/lab.md); changes are overwritten',
    'charon {',
    '  load_modular = no',
    `  load = ${plugins.join(' ')}`,
    // updown scripts are off: tandem observes SAs itself and no plugin for them is loaded.
    '  install_virtual_ip = no',
    '  retransmit_tries = 3',
    '  retransmit_timeout = 1.0',
    '  retransmit_base = 1.4',
    '  filelog {',
    '    tandem {',
    `      path = ${INNER_RUN}/charon.log`,
    '      time_format = %F %T',
    '      ike_name = yes',
    '      default = 1',
    '      flush_line = yes',
    `      ike = ${level}`,
    `      cfg = ${level}`,
    `      knl = ${level}`,
    '      enc = 0',
    '      net = 0',
    '    }',
    '  }',
    '  syslog {',
    '    daemon {',
    '      default = -1',
    '    }',
    '  }',
    '  plugins {',
    '    vici {',
    `      socket = unix://${INNER_RUN}/charon.vici`,
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}

export interface StartCharonOptions {
  paths: CharonPaths;
  kind: CharonKind;
  /** The network namespace to run in (live); a scratch charon gets an empty one of its own. */
  namespace?: string;
  /** How long to wait for the VICI socket to answer (default 10 s). */
  timeoutMs?: number;
  logLevel?: number;
}

export class CharonError extends Error {}

// The one shell line tandem runs, a constant: it bind-mounts the folder given as $0 over
// /run inside the private mount namespace and execs charon. Nothing from input is parsed
// by the shell; the folder arrives as an argument.
const MOUNT_AND_EXEC = `mount --bind "$0" ${INNER_RUN} && exec "$1"`;

/** The argument array that starts a charon (exported for the tests). */
export function charonArgv(opts: Pick<StartCharonOptions, 'paths' | 'kind' | 'namespace'>): string[] {
  const unshare =
    opts.kind === 'scratch'
      ? ['unshare', '--mount', '--net', '--propagation', 'private', '--']
      : ['unshare', '--mount', '--propagation', 'private', '--'];
  const inner = [...unshare, 'sh', '-c', MOUNT_AND_EXEC, opts.paths.dir, CHARON];
  if (opts.kind === 'live') {
    if (!opts.namespace) throw new CharonError('a live charon runs inside a node namespace');
    return ['ip', 'netns', 'exec', opts.namespace, ...inner];
  }
  return inner;
}

export interface CharonHandle {
  paths: CharonPaths;
  pid: number;
}

/**
 * Starts a charon and waits until its VICI socket answers. A charon already running from
 * this folder is refused (its pid file names a live charon).
 */
export async function startCharon(opts: StartCharonOptions): Promise<CharonHandle> {
  const { paths } = opts;
  const running = await runningPid(paths);
  if (running !== undefined) throw new CharonError(`charon already runs for ${paths.dir} (pid ${running})`);
  await mkdir(paths.dir, { recursive: true, mode: 0o700 });
  await rm(paths.vici, { force: true });
  await rm(paths.pid, { force: true });
  await rm(paths.log, { force: true });
  await writeFile(paths.conf, strongswanConf({ kind: opts.kind, logLevel: opts.logLevel }), { mode: 0o600 });
  const [cmd, ...args] = charonArgv(opts);
  const execa = await loadExeca();
  const child = execa(cmd, args, {
    detached: true,
    stdio: 'ignore',
    reject: false,
    cleanup: false,
    env: { STRONGSWAN_CONF: `${INNER_RUN}/strongswan.conf` },
    extendEnv: false,
  });
  let exited: string | undefined;
  void child.then((r) => (exited = `exit ${r.exitCode ?? r.signal}`));
  child.unref();
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  for (;;) {
    if (exited) {
      const tail = await logTail(paths);
      throw new CharonError(`charon for ${paths.dir} did not start (${exited})${tail ? `: ${tail}` : ''}`);
    }
    try {
      const c = await ViciClient.connect(paths.vici, { timeoutMs: 1000 });
      try {
        await c.version();
      } finally {
        c.close();
      }
      const pid = await runningPid(paths);
      if (pid !== undefined) return { paths, pid };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      if (child.pid) await stopPid(child.pid);
      throw new CharonError(`charon for ${paths.dir} did not answer on ${paths.vici} in time`);
    }
    await sleep(50);
  }
}

/** The pid of the charon whose pid file is in this folder, if that process is a charon. */
export async function runningPid(paths: CharonPaths): Promise<number | undefined> {
  const text = await readFile(paths.pid, 'utf8').catch(() => '');
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 1) return undefined;
  // A recycled pid is not ours: only a process running charon's binary counts.
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return cmdline.split('\0')[0] === CHARON ? pid : undefined;
}

/** Stops the charon of this folder (SIGTERM, then SIGKILL after 5 s); true if one ran. */
export async function stopCharon(paths: CharonPaths): Promise<boolean> {
  const pid = await runningPid(paths);
  if (pid === undefined) return false;
  await stopPid(pid);
  await rm(paths.vici, { force: true });
  await rm(paths.pid, { force: true });
  return true;
}

async function stopPid(pid: number): Promise<void> {
  // A zombie (exited, not yet reaped by its parent) counts as gone.
  const alive = () => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch {
      return false;
    }
  };
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 5000;
  while (alive() && Date.now() < deadline) await sleep(25);
  if (alive()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
    while (alive()) await sleep(25);
  }
}

async function logTail(paths: CharonPaths): Promise<string> {
  const text = await readFile(paths.log, 'utf8').catch(() => '');
  return text.trim().split('\n').slice(-3).join(' | ');
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
