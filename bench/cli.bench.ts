// Whole commands as a user runs them (issue 14): fresh `node dist/src/cli/main.js`
// processes, medians of 3, on generated fleets written to a folder with a snapshot of
// each node (--observed), so no node is reached and the figures are tandem's own:
// - `tandem validate` of 10 nodes / 100 relocatable addresses;
// - `tandem plan` of 50 / 1,000, 1,000 / 10,000 and 5,000 / 50,000 where every address
//   active on node0000 moves to its other placement (Pacemaker's `crm_simulate -R` took
//   150 s on the 50-node change, measured beside tandem in issue 14; not run here);
// - the 5,000-node plan against the 1,000-node one (target <= 5.5x) and its peak RSS
//   (target < 400 MB), read by bench/rss-report.ts inside the process.
// Start-up alone (`tandem --version`) is measured too: what every command pays.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { loadFromTexts } from '../src/load/load-environment.js';
import { validateLoaded } from '../src/validate/index.js';
import { convergedStates } from './converged.js';
import { generateFleet } from './generate-fleet.js';
import { median, type BenchResult } from './result.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const RSS_REPORT = fileURLToPath(new URL('./rss-report.js', import.meta.url));
const RUNS = 3;

interface Whole {
  ms: number;
  maxRssMb: number;
}

/** Median wall time and highest peak RSS of RUNS fresh processes; `exit` is the expected code. */
async function whole(args: string[], exit: number, state: string): Promise<Whole> {
  const times: number[] = [];
  let rssKb = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const r = await execa(process.execPath, ['--import', RSS_REPORT, CLI, ...args], {
      reject: false,
      env: { ...process.env, TANDEM_STATE_DIR: state },
    });
    times.push(performance.now() - start);
    if (r.exitCode !== exit)
      throw new Error(`tandem ${args[0]} exited ${r.exitCode}, not ${exit}: ${r.stderr.slice(0, 500)}`);
    const m = /tandem-bench-maxrss-kb (\d+)/.exec(r.stderr);
    rssKb = Math.max(rssKb, Number(m?.[1] ?? 0));
  }
  return { ms: median(times), maxRssMb: Math.round(rssKb / 1024) };
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
    out.push({ name: 'tandem --version (start-up alone), fresh process', value: seconds(startUp.ms), unit: 's' });

    const small = await fleetFolder(work, 10, 100);
    const validate = await whole(['validate', small.env], 0, state);
    out.push({
      name: 'tandem validate, 10 nodes / 100 addresses, fresh process',
      value: seconds(validate.ms),
      unit: 's',
      note: 'target <= 0.25 s',
    });

    const plans: Array<{ nodes: number; relocatables: number; target: string }> = [
      { nodes: 50, relocatables: 1_000, target: 'target <= 0.5 s (crm_simulate -R: 150 s, issue 14)' },
      { nodes: 1_000, relocatables: 10_000, target: 'target < 1 s' },
      { nodes: 5_000, relocatables: 50_000, target: 'target <= 5.5 x the 1,000-node plan' },
    ];
    const measured = new Map<number, Whole>();
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
        note: `${p.target}; peak RSS ${m.maxRssMb} MB`,
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
        note: 'target <= 5.5x',
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
