// The transport's types: what the linux driver, the writer and the checks ask of a
// transport (transport.ts builds one per connection).
import type { ObserveError } from '../../model.js';
import type { FixedScript } from './remote-scripts.js';
import type { SshSessions } from './ssh-session.js';

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
