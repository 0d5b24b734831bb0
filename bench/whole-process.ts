// A whole tandem command as a user runs it, in a fresh Node process: wall time, CPU time
// (user + system) and peak RSS, the last two reported from inside the process by
// bench/rss-report.ts. Medians over several runs; the machine's load average goes with
// them, since other work stretches wall times.
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { median } from './result.js';

/**
 * The command users run: package.json's bin (the bundle scripts/bundle.mjs writes), or
 * TANDEM_BENCH_CLI (e.g. dist/src/cli/main.js, tsc's unbundled output) to compare the two.
 */
export const CLI = process.env.TANDEM_BENCH_CLI ?? fileURLToPath(new URL('../tandem/tandem.js', import.meta.url));
const USAGE_REPORT = fileURLToPath(new URL('./rss-report.js', import.meta.url));

export interface WholeRun {
  ms: number;
  cpuMs: number;
  maxRssKb: number;
}

export interface WholeMedians {
  ms: number;
  cpuMs: number;
  /** The highest of the runs. */
  maxRssMb: number;
  /** One-minute load average when the runs ended. */
  load: number;
}

/** One fresh `node CLI ...args`; throws unless it exits with `exit`. */
export async function runWhole(args: string[], exit: number, env: Record<string, string>): Promise<WholeRun> {
  const start = performance.now();
  const r = await execa(process.execPath, ['--import', USAGE_REPORT, CLI, ...args], {
    reject: false,
    env: { ...process.env, ...env },
  });
  const ms = performance.now() - start;
  if (r.exitCode !== exit)
    throw new Error(`tandem ${args[0]} exited ${r.exitCode}, not ${exit}: ${(r.stderr || r.stdout).slice(0, 500)}`);
  const m = /tandem-bench-usage maxrss-kb (\d+) cpu-ms (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`tandem ${args[0]} reported no usage line: ${r.stderr.slice(-300)}`);
  return { ms, maxRssKb: Number(m[1]), cpuMs: Number(m[2]) };
}

export function medians(runs: readonly WholeRun[]): WholeMedians {
  return {
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    maxRssMb: Math.round(Math.max(...runs.map((r) => r.maxRssKb)) / 1024),
    load: Math.round(loadavg()[0] * 10) / 10,
  };
}

/** "wall 1.23 s, CPU 0.98 s, load 1.2": what a README row records next to the wall figure. */
export function describe(m: WholeMedians): string {
  return `CPU ${(m.cpuMs / 1000).toFixed(2)} s, load ${m.load}`;
}
