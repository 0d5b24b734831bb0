// Whole commands as a user runs them (issue 14): fresh `tandem` processes (package.json's
// bin), medians of 3, on generated fleets written to a folder with a snapshot of
// each node (--observed), so no node is reached and the figures are tandem's own:
// - `tandem validate` of 10 nodes / 100 relocatable addresses;
// - `tandem plan` of 50 / 1,000, 1,000 / 10,000 and 5,000 / 50,000 where every address
//   active on node0000 moves to its other placement (Pacemaker's `crm_simulate -R` took
//   150 s on the 50-node change, measured beside tandem in issue 14; not run here);
// - the 5,000-node plan against the 1,000-node one (target <= 5.5x) and its peak RSS
//   (target < 400 MB), read by bench/rss-report.ts inside the process (bench/whole-process.ts).
// Start-up alone (`tandem --version`) is measured too: what every command pays. Each row
// notes the median CPU time (user + system) and the load average: on a busy machine the
// wall time grows with other work, the CPU time much less.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFromTexts } from '../src/load/load-environment.js';
import { validateLoaded } from '../src/validate/index.js';
import { convergedStates } from './converged.js';
import { generateFleet } from './generate-fleet.js';
import type { BenchResult } from './result.js';
import { describe, medians, runWhole, type WholeMedians } from './whole-process.js';

const RUNS = 3;

async function whole(args: string[], exit: number, state: string): Promise<WholeMedians> {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runWhole(args, exit, { TANDEM_STATE_DIR: state }));
  return medians(runs);
}

/**
 * A fleet folder (env/) and a snapshot of each node as tandem would have left it
 * (observed/), then every address active on node0000 set active on its other node.
 */
async function fleetFolder(
  work: string,
  nodes: number,
  relocatables: number,
): Promise<{ env: string; observed: string }> {
  const fleet = generateFleet({ nodes, relocatables });
  const validation = validateLoaded(
    loadFromTexts('fleet', new Map([...fleet.files].map(([f, t]) => [`fleet/${f}`, t]))),
  );
  if (!validation.model) throw new Error(`generated fleet invalid: ${validation.diagnostics[0]?.summary}`);
  const dir = join(work, `fleet-${nodes}`);
  const env = join(dir, 'env');
  const observed = join(dir, 'observed');
  await mkdir(env, { recursive: true });
  await mkdir(observed, { recursive: true });
  for (const [name, state] of convergedStates(validation.model))
    await writeFile(join(observed, `${name}.json`), JSON.stringify(state));
  const evacuate = /active: node0000\n((?:.*\n)*?) {4}- \{ node: node0000, .*\n {4}- \{ node: (node\d+),/g;
  for (const [name, text] of fleet.files)
    await writeFile(
      join(env, name),
      text.replace(evacuate, (all: string, between: string, other: string) =>
        all.replace('active: node0000', `active: ${other}`),
      ),
    );
  return { env, observed };
}

const seconds = (ms: number) => Math.round(ms) / 1000;

export async function run(): Promise<BenchResult[]> {
  const work = await mkdtemp(join(tmpdir(), 'tandem-cli-bench-'));
  const state = join(work, 'state');
  try {
    const out: BenchResult[] = [];
    const startUp = await whole(['--version'], 0, state);
    out.push({
      name: 'tandem --version (start-up alone), fresh process',
      value: seconds(startUp.ms),
      unit: 's',
      note: describe(startUp),
    });

    const small = await fleetFolder(work, 10, 100);
    const validate = await whole(['validate', small.env], 0, state);
    out.push({
      name: 'tandem validate, 10 nodes / 100 addresses, fresh process',
      value: seconds(validate.ms),
      unit: 's',
      note: `target <= 0.25 s; ${describe(validate)}`,
    });

    const plans: Array<{ nodes: number; relocatables: number; target: string }> = [
      { nodes: 50, relocatables: 1_000, target: 'target <= 0.5 s (crm_simulate -R: 150 s, issue 14)' },
      { nodes: 1_000, relocatables: 10_000, target: 'target < 1 s' },
      { nodes: 5_000, relocatables: 50_000, target: 'target <= 5.5 x the 1,000-node plan' },
    ];
    const measured = new Map<number, WholeMedians>();
    for (const p of plans) {
      const fleet = await fleetFolder(work, p.nodes, p.relocatables);
      const m = await whole(['plan', fleet.env, '--observed', fleet.observed, '--format', 'json'], 2, state);
      measured.set(p.nodes, m);
      out.push({
        name:
          `tandem plan, ${p.nodes.toLocaleString('en')} nodes / ` +
          `${p.relocatables.toLocaleString('en')} addresses, fresh process`,
        value: seconds(m.ms),
        unit: 's',
        note: `${p.target}; peak RSS ${m.maxRssMb} MB; ${describe(m)}`,
      });
      await rm(join(work, `fleet-${p.nodes}`), { recursive: true, force: true });
    }
    const k1 = measured.get(1_000)!;
    const k5 = measured.get(5_000)!;
    out.push(
      {
        name: 'tandem plan, 5,000 nodes against 1,000 nodes (5x the fleet)',
        value: Math.round((k5.ms / k1.ms) * 10) / 10,
        unit: 'x',
        note: `target <= 5.5x; CPU ${Math.round((k5.cpuMs / k1.cpuMs) * 10) / 10}x`,
      },
      {
        name: 'tandem plan, 5,000 nodes / 50,000 addresses: peak RSS',
        value: k5.maxRssMb,
        unit: 'MB',
        note: 'whole process, no heap cap; target < 400 MB',
      },
    );
    return out;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
