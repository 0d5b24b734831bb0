// Planning at fleet scale: 1,000 nodes / 10,000 relocatable addresses (target: under
// a second) and 5,000 / 50,000 (target: within 6x, near-linear). Each size runs in its
// own process with the V8 heap capped at 500 MB, so finishing at all proves the heap
// fits; the process's peak resident memory is reported too.
import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import type { PlanMeasurement } from './plan-measure.js';
import type { BenchResult } from './result.js';

const HEAP_CAP_MB = 500;
const MEASURE = fileURLToPath(new URL('./plan-measure.js', import.meta.url));

async function measure(nodes: number): Promise<PlanMeasurement> {
  const { stdout } = await execa(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, MEASURE, String(nodes)]);
  return JSON.parse(stdout) as PlanMeasurement;
}

export async function run(): Promise<BenchResult[]> {
  const small = await measure(1000);
  const large = await measure(5000);
  const note = (m: PlanMeasurement) =>
    `${m.drifted} nodes drifted, ${m.moved} addresses evacuated; ${m.changes} changes ` +
    `in ${m.waves} waves, ${m.refused} refusals; median of 3, heap capped at ${HEAP_CAP_MB} MB`;
  return [
    { name: 'plan: 1,000 nodes / 10,000 addresses', value: small.ms, unit: 'ms', note: note(small) },
    { name: 'plan: 5,000 nodes / 50,000 addresses', value: large.ms, unit: 'ms', note: note(large) },
    {
      name: 'plan: 5x fleet costs',
      value: Math.round((large.ms / small.ms) * 10) / 10,
      unit: 'x',
      note: 'target: within 6x',
    },
    {
      name: 'plan: peak memory, 5,000 nodes',
      value: large.maxRssMb,
      unit: 'MB',
      note: `whole process (fleet, model, observed states, plans); V8 heap capped at ${HEAP_CAP_MB} MB`,
    },
  ];
}
