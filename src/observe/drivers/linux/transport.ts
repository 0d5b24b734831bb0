// How the linux driver reaches a node: run a command here, inside a network namespace,
// or on a remote host over ssh. Every command is an argument array; over ssh the
// remote words are joined by ssh into a shell line on the far side, so each word is
// checked against a strict pattern that no shell interprets, and anything else is
// refused before a process is started. Failures come back as ObserveError values.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { execa } from 'execa';
import type { Connection } from '../../../model/generated/desired.js';
import type { ObserveError } from '../../model.js';
import { FIXED_SCRIPTS, newBoundary, SEQUENCE, sequenceArgs, unframe, type FixedScript } from './remote-scripts.js';
import {
  classifySshFailure,
  SERVER_ALIVE_COUNT_MAX,
  SERVER_ALIVE_INTERVAL_S,
  type SshSession,
  type SshSessions,
  type SshTarget,
} from './ssh-session.js';

export interface RunOptions {
  /** Exit codes that still count as success (grep exits 1 when nothing matched). */
  okExitCodes?: readonly number[];
  /** Text fed to the command's standard input (none by default). */
  input?: string;
  /** This command's time limit, when not the transport's (a long batch). */
  timeoutMs?: number;
}

export type RunOutcome =
  | { ok: true; stdout: string; exitCode: number; stderr?: string }
  | { ok: false; error: ObserveError; stderr?: string; exitCode?: number };
export type ReadOutcome = { ok: true; text: string | null } | { ok: false; error: ObserveError };

export interface EachCommand {
  command: readonly string[];
  okExitCodes?: readonly number[];
}

export interface Transport {
  readonly kind: 'local' | 'netns' | 'ssh';
  /** The real argument array for a logical command such as ['ip', '-j', 'addr', 'show']. */
  argv(command: readonly string[]): string[];
  run(command: readonly string[], options?: RunOptions): Promise<RunOutcome>;
  /** Runs one of tandem's fixed scripts (remote-scripts.ts) with these arguments: one process (one round trip). */
  runScript(script: FixedScript, args: readonly string[], options?: RunOptions): Promise<RunOutcome>;
  /**
   * Several commands, each with its own outcome, as `run` would give it: over ssh in one
   * remote process (one round trip instead of one each), elsewhere all at once.
   */
  runEach(commands: readonly EachCommand[]): Promise<RunOutcome[]>;
  /** Reads a file of the node; a missing file is `text: null`, not an error. */
  readFile(path: string): Promise<ReadOutcome>;
}

export interface TransportOptions {
  /** Per-command time limit in milliseconds. */
  timeoutMs: number;
  /** Root of the nodes' own state folders, when not the default (tests); see nodeStateDir. */
  inventoryRoot?: string;
  /**
   * The run's ssh masters (one connection per node per run). Without it an ssh transport
   * opens one connection per command, as a plain `ssh host -- command` does.
   */
  sessions?: SshSessions;
  /** The environment folder: a relative `knownHosts` is read from there. */
  envDir?: string;
}

export const DEFAULT_INVENTORY_ROOT = '/var/lib/tandem';
/**
 * Namespace nodes keep their state on this machine, under /run (a tmpfs): it lives exactly
 * as long as the namespaces do (both are gone after a reboot), and it is the same folder for
 * every tandem on this machine whatever its working directory or TANDEM_STATE_DIR, which is
 * what lets two checkouts, or an operator and an agent, see one lock per node.
 */
export const DEFAULT_NETNS_STATE_ROOT = '/run/tandem';
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_SSH_CONNECT_TIMEOUT_S = 10;

// Output of `ip` on a large node can be a few megabytes; keep a generous ceiling so a
// runaway command cannot exhaust memory.
const MAX_BUFFER = 256 * 1024 * 1024;

/** Words safe to hand to any remote shell: no quoting, globbing, expansion or separators. */
const SAFE_WORD = /^[A-Za-z0-9_@+:,./-][A-Za-z0-9_@+:,./=-]*$/;
const NAMESPACE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/;
const SSH_USER = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/;
const SSH_HOST = /^[A-Za-z0-9][A-Za-z0-9.:-]{0,252}$/;
const SSH_PATH = /^[A-Za-z0-9_@+:,./=-]+$/;

/** The pinned known-hosts file of an ssh connection, if it names one. */
export function knownHostsOf(connection: Connection): string | undefined {
  return (connection as Connection & { knownHosts?: string }).knownHosts;
}

export function isSafeRemoteWord(word: string): boolean {
  return SAFE_WORD.test(word);
}

/** A fixed script as one word for a remote shell: single-quoted (it holds no quote, remote-scripts.ts). */
const quoted = (script: FixedScript) => `'${script.text}'`;
const QUOTED_SCRIPTS = new Set(FIXED_SCRIPTS.map(quoted));

/** What may go to a remote shell: shell-inert words, and tandem's own fixed scripts, quoted. */
function sendable(word: string): boolean {
  return isSafeRemoteWord(word) || QUOTED_SCRIPTS.has(word);
}

export function isValidNamespaceName(name: string): boolean {
  return NAMESPACE_NAME.test(name) && name !== '.' && name !== '..';
}

/**
 * The node's own state folder (inventory, apply lock): on the node itself for local and
 * ssh nodes, and for a namespace node a folder of this machine keyed by its namespace.
 * `root` replaces the default root (tests keep their nodes' state in a temp folder).
 */
export function nodeStateDir(connection: Connection, root?: string): string {
  if (connection.transport === 'netns' && connection.namespace)
    return join(root ?? DEFAULT_NETNS_STATE_ROOT, 'netns', connection.namespace);
  return root ?? DEFAULT_INVENTORY_ROOT;
}

/** Where tandem's inventory of a node lives: in the node's state folder. */
export function inventoryPath(connection: Connection, root?: string): string {
  return join(nodeStateDir(connection, root), 'inventory.json');
}

/** Builds the transport for a connection, or explains why the connection is unusable. */
export function transportFor(
  connection: Connection,
  options: TransportOptions,
): { ok: true; transport: Transport } | { ok: false; error: ObserveError } {
  switch (connection.transport) {
    case 'local':
      return { ok: true, transport: new LocalTransport(options) };
    case 'netns': {
      const ns = connection.namespace;
      if (!ns || !isValidNamespaceName(ns)) {
        return {
          ok: false,
          error: {
            kind: 'command-failed',
            message: `connection.namespace ${JSON.stringify(ns ?? '')} is not a valid namespace name`,
          },
        };
      }
      return { ok: true, transport: new NetnsTransport(ns, options) };
    }
    case 'ssh': {
      const { host, user } = connection;
      if (!host || !SSH_HOST.test(host))
        return {
          ok: false,
          error: {
            kind: 'command-failed',
            message: `connection.host ${JSON.stringify(host ?? '')} is not a valid host name or address`,
          },
        };
      if (user !== undefined && !SSH_USER.test(user))
        return {
          ok: false,
          error: {
            kind: 'command-failed',
            message: `connection.user ${JSON.stringify(user)} is not a valid user name`,
          },
        };
      if (connection.identityFile !== undefined && connection.identityFile.startsWith('-')) {
        return {
          ok: false,
          error: { kind: 'command-failed', message: 'connection.identityFile must be a path, not an option' },
        };
      }
      const knownHosts = knownHostsOf(connection);
      if (knownHosts !== undefined) {
        const path = isAbsolute(knownHosts) ? knownHosts : resolve(options.envDir ?? '.', knownHosts);
        // ssh splits UserKnownHostsFile on whitespace and expands %-tokens: such a path
        // would name other files than the one the environment means.
        if (!SSH_PATH.test(path))
          return {
            ok: false,
            error: {
              kind: 'command-failed',
              message:
                `connection.knownHosts ${JSON.stringify(knownHosts)} must be a path of letters, digits ` +
                "and '_@+:,./=-' (ssh would split or expand anything else)",
            },
          };
        return { ok: true, transport: new SshTransport(connection, options, path) };
      }
      return { ok: true, transport: new SshTransport(connection, options) };
    }
    default:
      return {
        ok: false,
        error: {
          kind: 'command-failed',
          message: `transport ${connection.transport} is not served by the linux driver`,
        },
      };
  }
}

abstract class ProcessTransport implements Transport {
  abstract readonly kind: 'local' | 'netns' | 'ssh';
  constructor(protected readonly options: TransportOptions) {}
  abstract argv(command: readonly string[]): string[];
  abstract readFile(path: string): Promise<ReadOutcome>;

  /** Maps a failed process to an error kind; ssh adds its own cases. */
  protected classify(argv: string[], failure: ProcessFailure): ObserveError {
    return classifyFailure(argv, failure);
  }

  run(command: readonly string[], options: RunOptions = {}): Promise<RunOutcome> {
    return this.exec(command, options);
  }

  /** The command that runs a fixed script: `sh -c SCRIPT tandem ARGS...` (`tandem` is the script's $0). */
  protected scriptCommand(script: FixedScript, args: readonly string[]): string[] {
    return ['sh', '-c', script.text, 'tandem', ...args];
  }

  runScript(script: FixedScript, args: readonly string[], options: RunOptions = {}): Promise<RunOutcome> {
    return this.run(this.scriptCommand(script, args), options);
  }

  runEach(commands: readonly EachCommand[]): Promise<RunOutcome[]> {
    return Promise.all(commands.map((c) => this.run(c.command, c.okExitCodes ? { okExitCodes: c.okExitCodes } : {})));
  }

  /** Runs the command; a failure keeps its stderr and exit code for callers that tell failures apart. */
  protected async exec(command: readonly string[], options: RunOptions = {}): Promise<RunOutcome> {
    const argv = this.argv(command);
    const bad = this.kind === 'ssh' ? command.find((w) => !sendable(w)) : undefined;
    if (bad !== undefined) {
      return {
        ok: false,
        stderr: '',
        error: {
          kind: 'command-failed',
          message: `refusing to send ${JSON.stringify(bad)} to a remote shell`,
          command: argv,
        },
      };
    }
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const result = await execa(argv[0], argv.slice(1), {
      reject: false,
      timeout: timeoutMs,
      maxBuffer: MAX_BUFFER,
      ...(options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input }),
      stripFinalNewline: false,
      // Error texts are matched below; keep them in the C locale.
      env: { LC_ALL: 'C' },
    });
    const exitCode = result.exitCode;
    // `ip netns exec` exits 1 when it cannot start the program, the same code arping -D
    // uses for "a duplicate answered": its own message on stderr tells the two apart.
    const accepted =
      exitCode !== undefined &&
      (exitCode === 0 || ((options.okExitCodes ?? []).includes(exitCode) && !EXEC_FAILED.test(result.stderr ?? '')));
    if (!result.timedOut && accepted && !result.isTerminated)
      return { ok: true, stdout: String(result.stdout), exitCode: exitCode ?? 0, stderr: String(result.stderr ?? '') };
    return {
      ok: false,
      stderr: String(result.stderr ?? ''),
      exitCode,
      error: this.classify(argv, {
        code: (result as { code?: string }).code,
        timedOut: result.timedOut,
        exitCode,
        stderr: String(result.stderr ?? ''),
        timeoutMs,
      }),
    };
  }
}

export interface ProcessFailure {
  /** Node error code when the process could not start (ENOENT, EACCES). */
  code?: string;
  timedOut: boolean;
  exitCode?: number;
  stderr: string;
  timeoutMs: number;
}

const lastLine = (text: string) => text.trim().split('\n').filter(Boolean).pop() ?? '';

/** What `ip netns exec` prints when it cannot start the program (iproute2 lib/exec.c). */
const EXEC_FAILED = /exec of "?([^"\s]+)"? failed: (No such file or directory|Permission denied)/;

/** The Debian package of each program tandem runs on a node, for the "install it" hint. */
const DEBIAN_PACKAGE: Readonly<Record<string, string>> = {
  arping: 'iputils-arping',
  ping: 'iputils-ping',
  ip: 'iproute2',
  tcpdump: 'tcpdump',
  grep: 'grep',
  cat: 'coreutils',
  ssh: 'openssh-client',
  swanctl: 'strongswan-swanctl',
};

/** "arping is not installed ... (Debian: apt-get install iputils-arping)", naming the program, not the wrapper. */
export function missingProgram(program: string, where: string): string {
  const pkg = DEBIAN_PACKAGE[program.split('/').pop() ?? program];
  return (
    `${program} is not installed or not on PATH ${where}` +
    (pkg ? ` (Debian/Ubuntu: apt-get install ${pkg})` : ' (install it, or put it on PATH)')
  );
}

export function classifyFailure(argv: string[], f: ProcessFailure): ObserveError {
  const command = argv;
  const detail = lastLine(f.stderr);
  if (f.timedOut) return { kind: 'timeout', message: `${argv[0]} did not finish within ${f.timeoutMs} ms`, command };
  if (f.code === 'ENOENT')
    return { kind: 'missing-binary', message: missingProgram(argv[0], 'on this machine'), command };
  const exec = EXEC_FAILED.exec(f.stderr);
  if (exec && exec[2] === 'No such file or directory')
    return { kind: 'missing-binary', message: missingProgram(exec[1], 'on this machine'), command };
  if (f.code === 'EACCES')
    return { kind: 'permission', message: `${argv[0]} cannot be executed (permission denied)`, command };
  // "Cannot open network namespace" also comes with "Permission denied" for non-root users.
  const permission = /Operation not permitted|Permission denied/i.test(f.stderr);
  if (/Cannot open network namespace/i.test(f.stderr) && !permission)
    return { kind: 'namespace-missing', message: detail || 'network namespace does not exist', command };
  if (permission) {
    // setns(2) into another network namespace needs CAP_SYS_ADMIN; the writes need
    // CAP_NET_ADMIN on top. Naming only the latter sends people granting the wrong one.
    const intoNamespace = /network namespace|setns/i.test(f.stderr) || argv[1] === '-n' || argv[1] === 'netns';
    const needs = intoNamespace
      ? 'entering a network namespace needs CAP_SYS_ADMIN, and changing it CAP_NET_ADMIN: run as root'
      : 'reading this node needs root or CAP_NET_ADMIN, changing it CAP_NET_ADMIN';
    return { kind: 'permission', message: `${detail} (${needs})`, command };
  }
  if (f.exitCode === 127 || /command not found/.test(f.stderr)) {
    // A remote shell's "sh: 1: arping: not found" or "bash: line 1: arping: command not found".
    const program = /([^\s:]+): (?:command )?not found/.exec(f.stderr)?.[1];
    return {
      kind: 'missing-binary',
      message: program ? missingProgram(program, 'on the node') : detail || `${argv[0]} not found`,
      command,
    };
  }
  return {
    kind: 'command-failed',
    message: detail ? `exit ${f.exitCode}: ${detail}` : `exit ${f.exitCode ?? 'unknown'}`,
    command,
  };
}

async function readLocalFile(path: string): Promise<ReadOutcome> {
  try {
    return { ok: true, text: await readFile(path, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: true, text: null };
    const kind = code === 'EACCES' || code === 'EPERM' ? 'permission' : 'command-failed';
    return { ok: false, error: { kind, message: `cannot read ${path}: ${code ?? (err as Error).message}` } };
  }
}

class LocalTransport extends ProcessTransport {
  readonly kind = 'local' as const;
  argv(command: readonly string[]): string[] {
    return [...command];
  }
  readFile(path: string): Promise<ReadOutcome> {
    return readLocalFile(path);
  }
}

class NetnsTransport extends ProcessTransport {
  readonly kind = 'netns' as const;
  constructor(
    readonly namespace: string,
    options: TransportOptions,
  ) {
    super(options);
  }
  // `ip -n` switches namespace inside ip itself (one process, no mount namespace);
  // other programs need `ip netns exec`.
  argv(command: readonly string[]): string[] {
    if (command[0] === 'ip') return ['ip', '-n', this.namespace, ...command.slice(1)];
    return ['ip', 'netns', 'exec', this.namespace, ...command];
  }
  // The inventory of a namespace node is kept on this machine, keyed by namespace.
  readFile(path: string): Promise<ReadOutcome> {
    return readLocalFile(path);
  }
}

class SshTransport extends ProcessTransport {
  readonly kind = 'ssh' as const;
  private readonly target: SshTarget;
  private readonly session: SshSession | undefined;

  constructor(
    private readonly connection: Connection,
    options: TransportOptions,
    knownHosts?: string,
  ) {
    super(options);
    const c = connection;
    const connectTimeoutS = c.connectTimeoutSeconds ?? DEFAULT_SSH_CONNECT_TIMEOUT_S;
    const opts = [
      '-o',
      'BatchMode=yes',
      '-o',
      `ConnectTimeout=${connectTimeoutS}`,
      // Pinned or not, an unknown key is refused, never accepted on first sight.
      '-o',
      `StrictHostKeyChecking=${c.strictHostKeyChecking === false ? 'no' : 'yes'}`,
      '-o',
      `ServerAliveInterval=${SERVER_ALIVE_INTERVAL_S}`,
      '-o',
      `ServerAliveCountMax=${SERVER_ALIVE_COUNT_MAX}`,
    ];
    // A pinned file is the only source of host keys: the user's and the system's files are not read.
    if (knownHosts !== undefined)
      opts.push('-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'GlobalKnownHostsFile=/dev/null');
    if (c.identityFile) opts.push('-i', c.identityFile);
    if (c.port !== undefined) opts.push('-p', String(c.port));
    this.target = {
      options: opts,
      destination: c.user ? `${c.user}@${c.host}` : String(c.host),
      host: String(c.host),
      connectTimeoutS,
      ...(knownHosts !== undefined ? { knownHosts } : {}),
    };
    this.session = options.sessions?.session(this.target);
  }

  argv(command: readonly string[]): string[] {
    return [
      'ssh',
      ...(this.session?.clientOptions() ?? []),
      ...this.target.options,
      this.target.destination,
      '--',
      ...command,
    ];
  }

  protected override async exec(command: readonly string[], options: RunOptions = {}): Promise<RunOutcome> {
    const session = this.session;
    if (!session) return super.exec(command, options);
    if (!command.every(sendable)) return super.exec(command, options);
    const ready = await session.ensure(this.options.timeoutMs);
    if (!ready.ok) return { ok: false, error: ready.error };
    const generation = session.current;
    const r = await super.exec(command, options);
    // The connection under the command failed or went silent: replace the master before
    // the next command (a rollback runs over a new connection, not a dead one).
    if (!r.ok && (r.error.kind === 'connection-lost' || r.error.kind === 'timeout'))
      await session.invalidate(generation);
    return r;
  }

  protected override scriptCommand(script: FixedScript, args: readonly string[]): string[] {
    return ['sh', '-c', quoted(script), 'tandem', ...args];
  }

  /**
   * The commands in one remote process (SEQUENCE), each one's output, stderr and status
   * cut back out of the framed streams. A failure of the process as a whole (the
   * connection, the time limit) is every command's failure.
   */
  override async runEach(commands: readonly EachCommand[]): Promise<RunOutcome[]> {
    if (!commands.every((c) => c.command.every(isSafeRemoteWord))) return super.runEach(commands);
    const boundary = newBoundary();
    const r = await this.runScript(
      SEQUENCE,
      sequenceArgs(
        boundary,
        commands.map((c) => c.command),
      ),
    );
    if (!r.ok) return commands.map(() => r);
    const out = unframe(r.stdout, boundary);
    const err = unframe(r.stderr ?? '', boundary);
    return commands.map((c, i): RunOutcome => {
      const argv = this.argv(c.command);
      const section = out[i];
      if (!section)
        return {
          ok: false,
          error: {
            kind: 'parse',
            message:
              `ssh to ${this.connection.host}: the framed output of sh ends before ${c.command.join(' ')}'s ` +
              '(is sh on the node a POSIX shell?)',
            command: argv,
          },
        };
      const stderr = err[i]?.text ?? '';
      const exitCode = section.status;
      if (exitCode === 0 || (c.okExitCodes ?? []).includes(exitCode))
        return { ok: true, stdout: section.text, exitCode };
      // The connection carried the answer: the status is the command's own, not ssh's.
      return {
        ok: false,
        stderr,
        exitCode,
        error: classifyFailure(argv, { timedOut: false, exitCode, stderr, timeoutMs: this.options.timeoutMs }),
      };
    });
  }

  protected override classify(argv: string[], f: ProcessFailure): ObserveError {
    const host = this.connection.host;
    if (f.timedOut && this.session)
      return {
        kind: 'timeout',
        message:
          `ssh to ${host}: no answer within ${f.timeoutMs} ms ` +
          '(the command or the connection hangs; the connection is replaced)',
        command: argv,
      };
    // ssh exits 255 for its own failures; the remote command's status passes through otherwise.
    if (!f.timedOut && f.code === undefined && f.exitCode === 255) {
      if (this.session)
        return {
          kind: 'connection-lost',
          message: `ssh to ${host}: the connection was lost during the command: ${lastLine(f.stderr) || 'no detail'}`,
          command: argv,
        };
      return { ...classifySshFailure(this.target, f.stderr), command: argv };
    }
    return classifyFailure(argv, f);
  }

  async readFile(path: string): Promise<ReadOutcome> {
    const r = await this.exec(['cat', path]);
    if (r.ok) return { ok: true, text: r.stdout };
    // cat exits 1 with "No such file" when there is no inventory yet: an empty inventory.
    if (r.exitCode === 1 && /No such file or directory/.test(r.stderr ?? '')) return { ok: true, text: null };
    return { ok: false, error: r.error };
  }
}
