// Helpers of the apply tests: a copy of an environment in a temp folder with its own
// TANDEM_STATE_DIR, and in-process CLI runs with captured output.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export class Capture extends Writable {
  text = '';
  isTTY?: boolean;
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface TempEnv {
  root: string;
  dir: string;
  stateDir: string;
  env: NodeJS.ProcessEnv;
}

/** Copies `source` (an environment folder) to a temp folder; state goes to <root>/state. */
export async function copyEnvironment(source: string, name = 'demo'): Promise<TempEnv> {
  const root = await mkdtemp(join(tmpdir(), 'tandem-apply-'));
  const dir = join(root, name);
  await cp(source, dir, { recursive: true });
  const stateDir = join(root, 'state');
  return { root, dir, stateDir, env: { ...process.env, TANDEM_STATE_DIR: stateDir, NO_COLOR: '1' } };
}

export async function editFile(path: string, from: string | RegExp, to: string): Promise<void> {
  const text = await readFile(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit of ${path} changed nothing`);
  await writeFile(path, next);
}

/** Runs the CLI in-process. The sim driver of `tandem plan` reads process.env, so it is set for the run. */
export async function runCli(
  argv: string[],
  t: TempEnv,
  stdinText?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = Readable.from(stdinText === undefined ? [] : [stdinText]) as Readable & { isTTY?: boolean };
  if (stdinText !== undefined) stdin.isTTY = true;
  const io: CliIO = { stdout, stderr, stdin, env: t.env, cwd: t.root };
  const saved = process.env.TANDEM_STATE_DIR;
  process.env.TANDEM_STATE_DIR = t.stateDir;
  try {
    const code = await main(argv, io);
    return { code, stdout: stdout.text, stderr: stderr.text };
  } finally {
    if (saved === undefined) delete process.env.TANDEM_STATE_DIR;
    else process.env.TANDEM_STATE_DIR = saved;
  }
}
