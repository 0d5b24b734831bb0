// Runs iproute2 for the lab: argument arrays through execa, batches on stdin. The runner
// is passed in so tests can inject failures at a chosen command.
import { loadExeca } from '../lazy-execa.js';

export interface IpResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** With `-batch`: the 1-based line that failed (iproute2 stops there). */
  failedLine?: number;
}

export interface IpRunner {
  /** Runs `ip ARGS`, feeding `input` on stdin. Throws LabError('no-ip') when ip is missing. */
  ip(args: readonly string[], input?: string): Promise<IpResult>;
}

export type LabErrorKind = 'no-ip' | 'no-permission' | 'exists' | 'collision' | 'invalid' | 'kernel';

/** A failure of the lab with its kind; the CLI prints the message as one line. */
export class LabError extends Error {
  constructor(
    readonly kind: LabErrorKind,
    message: string,
  ) {
    super(message);
  }
}

const IP_TIMEOUT_MS = 60_000;

export const execaRunner: IpRunner = {
  async ip(args, input) {
    try {
      const execa = await loadExeca();
      const r = await execa('ip', [...args], {
        input: input ?? '',
        reject: false,
        timeout: IP_TIMEOUT_MS,
        stripFinalNewline: false,
      });
      if ((r as { code?: string }).code === 'ENOENT') throw noIp();
      return {
        exitCode: r.exitCode ?? 1,
        stdout: String(r.stdout),
        stderr: String(r.stderr),
        failedLine: failedLine(String(r.stderr)),
      };
    } catch (err) {
      if (err instanceof LabError) throw err;
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw noIp();
      throw err;
    }
  },
};

function noIp(): LabError {
  return new LabError(
    'no-ip',
    'the lab needs iproute2: the `ip` command was not found on PATH (install the iproute2 package)',
  );
}

/** iproute2 reports a failed batch line as "Command failed -:N". */
export function failedLine(stderr: string): number | undefined {
  const m = /Command failed -:(\d+)/.exec(stderr);
  return m ? Number(m[1]) : undefined;
}

/** True when iproute2 failed for lack of privilege rather than for the request itself. */
export function isPermissionError(stderr: string): boolean {
  return /Permission denied|Operation not permitted/i.test(stderr);
}

/** The first meaningful line of iproute2's complaint, for one-line messages. */
export function firstError(stderr: string): string {
  const line = stderr
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('Command failed'));
  return line ?? 'ip failed without a message';
}

/** Namespaces that exist now, from `ip -j netns list` (empty output means none). */
export async function listNamespaces(runner: IpRunner): Promise<Set<string>> {
  const r = await runner.ip(['-j', 'netns', 'list']);
  if (r.exitCode !== 0) throw new LabError('kernel', `cannot list network namespaces: ${firstError(r.stderr)}`);
  const text = r.stdout.trim();
  if (text === '') return new Set();
  const parsed = JSON.parse(text) as Array<{ name: string }>;
  return new Set(parsed.map((n) => n.name));
}
