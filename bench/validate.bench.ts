// How long `tandem validate` takes on a big environment: 1,000 nodes and 10,000
// relocatable addresses (the figures recorded in the README): load alone and load +
// schema + every rule in one process (median of 5 after a warm-up, what a long-running
// reconciler sees), and the whole `tandem validate` command as a fresh process (cold:
// Node start-up, module loading, JIT warm-up and IP parse caches all included).
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { loadEnvironment } from '../src/load/load-environment.js';
import { validateEnvironment } from '../src/validate/index.js';
import { generateFleet, writeFleet } from './generate-fleet.js';
import { timeRuns, type BenchResult, type Timing } from './result.js';

export const FLEET = { nodes: 1000, relocatables: 10_000 } as const;
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const RUNS = 5;

async function time(fn: () => Promise<unknown>): Promise<Timing<unknown>> {
  await fn(); // warm-up: JIT, schema compilation, file cache
  return timeRuns(RUNS, fn);
}

const note = (t: Timing<unknown>) => `median of ${RUNS} after a warm-up; min ${round(t.min)}, max ${round(t.max)}`;

export async function run(): Promise<BenchResult[]> {
  const fleet = generateFleet(FLEET);
  const { dir, remove } = await writeFleet(fleet, 'tandem-bench-validate-');
  try {
    const check = await validateEnvironment(dir);
    const errors = check.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      // A benchmark over an invalid fleet would time the early exit, not the rules.
      throw new Error(
        `generated fleet is invalid: ${errors
          .slice(0, 3)
          .map((d) => `${d.ruleId} ${d.summary}`)
          .join('; ')}`,
      );
    }
    const warnings = check.diagnostics.length;
    const documents = check.env.documents.length;
    const size = `${FLEET.nodes} nodes, ${FLEET.relocatables} relocatable addresses, ${fleet.files.size} files`;
    const cli = await timeRuns(3, () =>
      execa(process.execPath, [CLI, 'validate', dir, '--format', 'json'], { reject: false }),
    );
    const load = await time(() => loadEnvironment(dir));
    const validate = await time(() => validateEnvironment(dir));
    return [
      { name: 'validate: documents', value: documents, unit: 'docs', note: `${size}; ${warnings} warnings` },
      { name: 'validate: load only', value: round(load.median), unit: 'ms', note: note(load) },
      { name: 'validate: load + validate', value: round(validate.median), unit: 'ms', note: note(validate) },
      {
        name: 'validate: tandem validate, fresh process',
        value: round(cli.median),
        unit: 'ms',
        note: `median of 3 cold runs, exit ${cli.last.exitCode}`,
      },
    ];
  } finally {
    await remove();
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;
