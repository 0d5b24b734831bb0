// Transports that run a process per command: here, in a network namespace, and (the
// base of ssh-transport.ts) over ssh. A failed process becomes an ObserveError of a kind
// callers tell apart (missing program, permission, timeout, ...).
import { readFile } from 'node:fs/promises';
import { loadExeca } from '../../../lazy-execa.js';
import type { ObserveError } from '../../model.js';
import { FIXED_SCRIPTS, newBoundary, SEQUENCE, sequenceArgs, unframe, type FixedScript } from './remote-scripts.js';
import type {
  EachCommand,
  ReadOutcome,
  RunOptions,
  RunOutcome,
  Transport,
  TransportOptions,
} from './transport-types.js';

// Output of `ip` on a large node can be a few megabytes; keep a generous ceiling so a
// runaway command cannot exhaust memory.
const MAX_BUFFER = 256 * 1024 * 1024;

/** Words safe to hand to any remote shell: no quoting, globbing, expansion or separators. */
const SAFE_WORD = /^[A-Za-z0-9_@+:,./-][A-Za-z0-9_@+:,./=-]*$/;

export function isSafeRemoteWord(word: string): boolean {
  return SAFE_WORD.test(word);
}

/** A fixed script as one word for a remote shell: single-quoted (it holds no quote, remote-scripts.ts). */
export const quoted = (script: FixedScript) => `'${script.text}'`;
const QUOTED_SCRIPTS = new Set(FIXED_SCRIPTS.map(quoted));

/** What may go to a remote shell: shell-inert words, and tandem's own fixed scripts, quoted. */
export function sendable(word: string): boolean {
  return isSafeRemoteWord(word) || QUOTED_SCRIPTS.has(word);
}

export abstract class ProcessTransport implements Transport {
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

  /**
   * The commands one after another in one `sh` (SEQUENCE), each one's output, stderr and
   * status cut back out of the framed streams: one process instead of one per command.
   * `whole` turns a failure of that process (the time limit, a connection) into a
   * command's outcome; `cutShort` explains output that ends before a command's;
   * `missingWhere` says where a program the shell did not find is missing.
   */
  protected async runFramed(commands: readonly EachCommand[], framing: Framing): Promise<RunOutcome[]> {
    const boundary = newBoundary();
    const r = await this.runScript(
      SEQUENCE,
      sequenceArgs(
        boundary,
        commands.map((c) => c.command),
      ),
    );
    if (!r.ok) return commands.map((c) => framing.whole(r, this.argv(c.command)));
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
            message: framing.cutShort(c.command.join(' ')),
            command: argv,
          },
        };
      const stderr = err[i]?.text ?? '';
      const exitCode = section.status;
      if (exitCode === 0 || (c.okExitCodes ?? []).includes(exitCode))
        return { ok: true, stdout: section.text, exitCode };
      // The process carried the answer: the status is the command's own.
      return {
        ok: false,
        stderr,
        exitCode,
        error: classifyFailure(
          argv,
          { timedOut: false, exitCode, stderr, timeoutMs: this.options.timeoutMs },
          framing.missingWhere,
        ),
      };
    });
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
    const execa = await loadExeca();
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

export interface Framing {
  whole: (failed: Extract<RunOutcome, { ok: false }>, argv: string[]) => RunOutcome;
  cutShort: (command: string) => string;
  missingWhere: string;
}

export interface ProcessFailure {
  /** Node error code when the process could not start (ENOENT, EACCES). */
  code?: string;
  timedOut: boolean;
  exitCode?: number;
  stderr: string;
  timeoutMs: number;
}

export const lastLine = (text: string) => text.trim().split('\n').filter(Boolean).pop() ?? '';

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

/** `shellWhere`: where a program a shell did not find (exit 127) is missing. */
export function classifyFailure(argv: string[], f: ProcessFailure, shellWhere = 'on the node'): ObserveError {
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
  // coreutils timeout(1) running a program that is not there.
  const wrapped = /failed to run command '([^']+)': No such file or directory/.exec(f.stderr);
  if (wrapped)
    return {
      kind: 'missing-binary',
      message: missingProgram(wrapped[1], argv[0] === 'ssh' ? 'on the node' : 'on this machine'),
      command,
    };
  if (f.exitCode === 127 || /command not found/.test(f.stderr)) {
    // A remote shell's "sh: 1: arping: not found" or "bash: line 1: arping: command not found".
    const program = /([^\s:]+): (?:command )?not found/.exec(f.stderr)?.[1];
    return {
      kind: 'missing-binary',
      message: program ? missingProgram(program, shellWhere) : detail || `${argv[0]} not found`,
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

export class LocalTransport extends ProcessTransport {
  readonly kind = 'local' as const;
  argv(command: readonly string[]): string[] {
    return [...command];
  }
  readFile(path: string): Promise<ReadOutcome> {
    return readLocalFile(path);
  }
}

export class NetnsTransport extends ProcessTransport {
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
  /**
   * Several commands in one process inside the namespace (`ip netns exec NS sh -c
   * SEQUENCE`): an observation is seven dumps, and starting a process from a busy Node
   * costs more than the dump itself (issue 14: 21 of an apply's 22 processes). A
   * namespace that cannot be entered fails every command, each named as it would run alone.
   */
  override runEach(commands: readonly EachCommand[]): Promise<RunOutcome[]> {
    if (commands.length < 2) return super.runEach(commands);
    return this.runFramed(commands, {
      whole: (failed, argv) => ({ ...failed, error: { ...failed.error, command: argv } }),
      cutShort: (command) => `namespace ${this.namespace}: the framed output of sh ends before ${command}'s`,
      missingWhere: 'on this machine',
    });
  }

  // The inventory of a namespace node is kept on this machine, keyed by namespace.
  readFile(path: string): Promise<ReadOutcome> {
    return readLocalFile(path);
  }
}
