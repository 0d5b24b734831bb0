// The ssh transport: every command is `ssh ... DESTINATION -- WORDS`, a session on the
// run's master for the node (ssh-session.ts) when there is one. The remote words are
// joined by ssh into a shell line on the far side, so each is a shell-inert word or one
// of tandem's fixed scripts, quoted (remote-scripts.ts); anything else is refused before
// a process is started.
import type { Connection } from '../../../model/generated/desired.js';
import type { ObserveError } from '../../model.js';
import {
  classifyFailure,
  isSafeRemoteWord,
  lastLine,
  ProcessTransport,
  quoted,
  sendable,
  type ProcessFailure,
} from './process-transport.js';
import type { FixedScript } from './remote-scripts.js';
import {
  classifySshFailure,
  SERVER_ALIVE_COUNT_MAX,
  SERVER_ALIVE_INTERVAL_S,
  type SshSession,
  type SshTarget,
} from './ssh-session.js';
import type { EachCommand, ReadOutcome, RunOptions, RunOutcome, TransportOptions } from './transport-types.js';

export const DEFAULT_SSH_CONNECT_TIMEOUT_S = 10;

export class SshTransport extends ProcessTransport {
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
   * The commands in one remote process (SEQUENCE): one round trip. A failure of the
   * process as a whole (the connection, the time limit) is every command's failure.
   */
  override async runEach(commands: readonly EachCommand[]): Promise<RunOutcome[]> {
    if (!commands.every((c) => c.command.every(isSafeRemoteWord))) return super.runEach(commands);
    return this.runFramed(commands, {
      whole: (r) => r,
      cutShort: (command) =>
        `ssh to ${this.connection.host}: the framed output of sh ends before ${command}'s ` +
        '(is sh on the node a POSIX shell?)',
      missingWhere: 'on the node',
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
