// One ssh connection per node per run. A handshake costs tens of milliseconds and a
// run sends dozens of commands to each node (observation dumps, batches, checks, lock
// and inventory writes), so a run opens one OpenSSH master per node and every command
// of the run is a multiplexed session on it: `ssh -o ControlMaster=no -o ControlPath=S`.
//
// The control sockets live in a private folder (mode 0700) made per registry, so no
// other user can talk to our masters, and nothing outside this run reuses them. The
// registry is closed by whoever made it (the CLI command, applyPlan, reconcileOnce) in a
// `finally`: `ssh -O exit` for every master, then the folder is removed. If the process
// dies first, the `exit` handler and the CLI's signal handlers kill the masters; if it is
// killed outright, ControlPersist ends an idle master on its own after a short time.
//
// Starting the master is where ssh decides about host keys and keys: it runs with `-v`
// logging to a file in the private folder, so an unknown or changed host key can be
// reported with the fingerprint the server offered ("Server host key: ...").
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObserveError } from '../../model.js';

// main() makes a registry for every command; execa is loaded only when ssh is used, so
// `tandem validate` starts as fast as before.
interface SshRun {
  exitCode?: number;
  timedOut: boolean;
  stderr: string;
  code?: string;
}

async function runSsh(args: string[], timeout: number): Promise<SshRun> {
  const { execa } = await import('execa');
  const r = await execa('ssh', args, { reject: false, timeout, stdin: 'ignore', env: { LC_ALL: 'C' } });
  return {
    exitCode: r.exitCode,
    timedOut: r.timedOut,
    stderr: String(r.stderr ?? ''),
    code: (r as { code?: string }).code,
  };
}

/** Seconds an idle master waits for another command before it exits by itself (a crash's safety net). */
export const CONTROL_PERSIST_S = 60;
/** Keep-alives: a silent server is declared gone after interval x count seconds. */
export const SERVER_ALIVE_INTERVAL_S = 5;
export const SERVER_ALIVE_COUNT_MAX = 3;

// Unix socket paths are limited to 108 bytes; `%` and whitespace mean something to ssh's
// option parser. A temp folder that breaks either falls back to /tmp.
const SAFE_DIR = /^[A-Za-z0-9_@+:,./=-]+$/;

function privateDir(): string {
  const base = tmpdir();
  const root = SAFE_DIR.test(base) && base.length <= 64 ? base : '/tmp';
  // mkdtemp creates the folder with mode 0700.
  return mkdtempSync(join(root, 'tandem-ssh-'));
}

export type SessionReady = { ok: true } | { ok: false; error: ObserveError };

/** How to reach one host: the ssh words before the destination, and the destination. */
export interface SshTarget {
  /** Options shared by the master and its clients (BatchMode, host keys, identity, port, keep-alives). */
  options: string[];
  destination: string;
  host: string;
  connectTimeoutS: number;
  /** The pinned known-hosts file, for messages. */
  knownHosts?: string;
}

const live = new Set<SshSessions>();
let exitHookInstalled = false;

/** Kills every master of every open registry, synchronously: for `exit` and signal handlers. */
export function closeAllSessionsSync(): void {
  for (const r of [...live]) r.closeSync();
}

/**
 * The ssh masters of one run, one per destination. Made by the run's owner and closed by
 * it; pass it to drivers and writers through DriverOptions.sessions.
 */
export class SshSessions {
  private dir: string | undefined;
  private readonly sessions = new Map<string, SshSession>();
  private closed = false;

  /** The session of a destination (made on first use; the connection is opened lazily). */
  session(target: SshTarget): SshSession {
    const key = [...target.options, target.destination].join('\u0000');
    let s = this.sessions.get(key);
    if (!s) {
      if (this.closed) throw new Error('the ssh sessions of this run are already closed');
      if (this.dir === undefined) {
        this.dir = privateDir();
        live.add(this);
        if (!exitHookInstalled) {
          exitHookInstalled = true;
          process.on('exit', closeAllSessionsSync);
        }
      }
      s = new SshSession(target, join(this.dir, `m${this.sessions.size}`));
      this.sessions.set(key, s);
    }
    return s;
  }

  /** Connections opened so far, by host (tests assert one per node per run). */
  connections(): Map<string, number> {
    const out = new Map<string, number>();
    for (const s of this.sessions.values()) out.set(s.target.host, (out.get(s.target.host) ?? 0) + s.opened);
    return out;
  }

  /** Ends every master (`ssh -O exit`) and removes the private folder. Safe to call twice. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.sessions.values()].map((s) => s.close()));
    if (this.dir !== undefined) await rm(this.dir, { recursive: true, force: true });
    live.delete(this);
  }

  closeSync(): void {
    this.closed = true;
    for (const s of this.sessions.values()) s.killSync();
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    live.delete(this);
  }
}

export class SshSession {
  /** Masters started (1 in a healthy run; more after a connection was lost and replaced). */
  opened = 0;
  private ready: Promise<SessionReady> | undefined;
  private pid: number | undefined;
  private generation = 0;

  constructor(
    readonly target: SshTarget,
    readonly socket: string,
  ) {}

  /** The words that make an ssh command a client of this master. */
  clientOptions(): string[] {
    return ['-o', 'ControlMaster=no', '-o', `ControlPath=${this.socket}`];
  }

  /**
   * A live master, started if there is none. Concurrent callers share one start, so the
   * parallel dumps of an observation open one connection, not eight.
   */
  async ensure(timeoutMs: number): Promise<SessionReady> {
    if (this.ready) {
      const r = await this.ready;
      // A master that exited (idle past ControlPersist, or killed) takes its socket with it.
      // Callers that waited on a failed start share its answer; the starter forgets it (below).
      if (!r.ok || (await exists(this.socket))) return r;
      this.ready = undefined;
    }
    const ready = (this.ready ??= this.start(timeoutMs));
    const r = await ready;
    // A failed start is not kept: a later phase (a rollback) tries again.
    if (!r.ok && this.ready === ready) this.ready = undefined;
    return r;
  }

  /** The generation of the master a command ran on, so only the first failure replaces it. */
  get current(): number {
    return this.generation;
  }

  /**
   * The connection failed under a command (lost, or silent past the command's limit):
   * end this master so the next command opens a new connection instead of waiting on a
   * dead one. Rollback after a dropped connection relies on this.
   */
  async invalidate(generation: number): Promise<void> {
    if (generation !== this.generation || !this.ready) return;
    this.generation++;
    this.ready = undefined;
    await this.exitMaster();
  }

  async close(): Promise<void> {
    if (!this.ready) return;
    const r = await this.ready;
    this.ready = undefined;
    if (r.ok) await this.exitMaster();
  }

  killSync(): void {
    if (this.pid !== undefined) {
      try {
        process.kill(this.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    this.pid = undefined;
    this.ready = undefined;
  }

  private async exitMaster(): Promise<void> {
    const t = this.target;
    const r = await runSsh([...this.clientOptions(), '-O', 'exit', ...t.options, t.destination], 5_000);
    // `-O exit` fails only when the master is already gone; a master that does not answer is killed.
    if (r.exitCode !== 0 && this.pid !== undefined && (await exists(this.socket))) this.killSync();
    this.pid = undefined;
    await rm(this.socket, { force: true });
  }

  private async start(timeoutMs: number): Promise<SessionReady> {
    const t = this.target;
    const log = `${this.socket}.log`;
    await rm(log, { force: true });
    this.opened++;
    const argv = [
      '-N',
      '-v',
      '-E',
      log,
      '-o',
      'ControlMaster=yes',
      '-o',
      `ControlPath=${this.socket}`,
      '-o',
      `ControlPersist=${CONTROL_PERSIST_S}`,
      ...t.options,
      t.destination,
    ];
    const r = await runSsh(argv, t.connectTimeoutS * 1000 + timeoutMs);
    if (r.exitCode === 0 && !r.timedOut) {
      this.pid = await this.masterPid();
      return { ok: true };
    }
    const text = `${await readFile(log, 'utf8').catch(() => '')}\n${r.stderr}`;
    const command = ['ssh', ...argv];
    if (r.code === 'ENOENT')
      return { ok: false, error: { kind: 'missing-binary', message: 'ssh is not installed or not on PATH', command } };
    if (r.timedOut)
      return {
        ok: false,
        error: {
          kind: 'unreachable',
          message: `ssh to ${t.host}: no connection within ${t.connectTimeoutS * 1000 + timeoutMs} ms`,
          command,
        },
      };
    return { ok: false, error: { ...classifySshFailure(t, text), command } };
  }

  private async masterPid(): Promise<number | undefined> {
    const t = this.target;
    const r = await runSsh([...this.clientOptions(), '-O', 'check', ...t.options, t.destination], 5_000);
    const m = /Master running \(pid=(\d+)\)/.exec(r.stderr);
    return m ? Number(m[1]) : undefined;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The lines ssh meant for a person: debug chatter removed. */
function meaningful(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(debug\d|OpenSSH_|Authenticated to|Transferred:|@@@)/.test(l));
}

/**
 * What went wrong when ssh could not set up the connection, from its log: a host key it
 * refused (unknown or changed, named with the offered key's fingerprint), a key the
 * server refused, or no connection at all.
 */
export function classifySshFailure(
  t: Pick<SshTarget, 'host' | 'knownHosts'>,
  text: string,
): Omit<ObserveError, 'command'> {
  const offered = /Server host key: (\S+) (SHA256:\S+)/.exec(text);
  const changedFp = /key sent by the remote host is\s*\n?\s*(SHA256:[A-Za-z0-9+/=]+)/.exec(text);
  const key = offered
    ? `${offered[1]} key ${offered[2]}`
    : changedFp
      ? `key ${changedFp[1]}`
      : 'key (fingerprint not reported)';
  const pinned = t.knownHosts ? ` (known hosts: ${t.knownHosts})` : '';
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for \S+ has changed/.test(text))
    return {
      kind: 'host-key',
      message:
        `ssh to ${t.host}: the host key CHANGED: the server offered the ${key}, ` +
        `which is not the key pinned for it${pinned}; nothing was sent. ` +
        'If the host was really re-keyed, replace its line in the known hosts file',
    };
  if (/No \S+ host key is known for|Host key verification failed|host key for .* is unknown/i.test(text))
    return {
      kind: 'host-key',
      message:
        `ssh to ${t.host}: the host key is UNKNOWN: the server offered the ${key}, ` +
        `which is not in the known hosts${pinned}; nothing was sent. ` +
        'Pin it (docs/ssh.md) after checking the fingerprint on the host',
    };
  const lines = meaningful(text);
  const detail = lines[lines.length - 1] ?? 'connection failed';
  if (/Permission denied|Too many authentication failures/i.test(text))
    return { kind: 'permission', message: `ssh to ${t.host}: the server refused the key: ${detail}` };
  return { kind: 'unreachable', message: `ssh to ${t.host}: ${detail}` };
}
