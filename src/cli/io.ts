// The streams and environment a command uses, passed in so tests can run commands
// in-process and so nothing reaches for globals deep inside.
import type { SshSessions } from '../observe/drivers/linux/ssh-session.js';

export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /**
   * The ssh masters of this command (one connection per ssh node for the whole command),
   * made and closed by main(); a command run without it opens its own per phase.
   */
  sessions?: SshSessions;
}

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}
