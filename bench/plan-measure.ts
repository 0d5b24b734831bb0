// One planning measurement in its own process (bench/plan.bench.ts starts it with a
// heap cap): how long planning takes (diff, steps, waves and the safety gate's
// step-by-step simulation) on a generated fleet with 5% of its nodes drifted and one
// node evacuated (every address active there switches over to its partner).
// Usage: node dist/bench/plan-measure.js NODES  -> one JSON line on stdout.
import { loadFromTexts } from '../src/load/load-environment.js';
import type { ObservedNode } from '../src/observe/model.js';
import { planEnvironment } from '../src/plan/index.js';
import { validateLoaded } from '../src/validate/index.js';
import { asObservations, convergedStates } from './converged.js';
import { generateFleet } from './generate-fleet.js';
import { median, timeRuns } from './result.js';

const RUNS = 3;

function drift(states: Map<string, ObservedNode>): number {
  let drifted = 0;
  for (const [name, state] of states) {
    const i = Number(name.slice(4));
    if (i % 20 !== 7) continue;
    drifted++;
    // The private address went missing, and a stray address tandem created is still there.
    const eth2 = state.addresses.findIndex((a) => a.interface === 'eth2');
    const addresses = state.addresses.filter((_, k) => k !== eth2);
    const stray = `2001:db8:ffff:${(i % 0xffff).toString(16)}::7/64`;
    addresses.push({
      interface: 'eth1',
      family: 6,
      cidr: stray,
      secondary: false,
      tentative: false,
      dadfailed: false,
      scope: 'global',
    });
    states.set(name, {
      ...state,
      addresses,
      inventory: { ...state.inventory, owned: [...state.inventory.owned, `addr:${stray.split('/')[0]}`] },
    });
  }
  return drifted;
}

async function measure(
  nodes: number,
  relocatables: number,
): Promise<Omit<PlanMeasurement, 'nodes' | 'relocatables' | 'maxRssMb'>> {
  const fleet = generateFleet({ nodes, relocatables });
  const validation = validateLoaded(
    loadFromTexts('fleet', new Map([...fleet.files].map(([f, t]) => [`fleet/${f}`, t]))),
  );
  if (!validation.valid || !validation.model)
    throw new Error(`generated fleet invalid: ${validation.diagnostics[0]?.summary}`);
  const model = validation.model;
  const states = convergedStates(model);
  const drifted = drift(states);
  // Evacuate node0000: every address active there now wants its other placement.
  let moved = 0;
  for (const r of model.relocatables) {
    if (r.doc.spec.active !== 'node0000') continue;
    r.doc.spec.active = r.doc.spec.placements.find((p) => p.node !== 'node0000')!.node;
    moved++;
  }
  // Each run gets freshly observed states (as a real run would), so nothing computed
  // from them in one run is reused by the next; the copying is not timed.
  const fresh = () => asObservations(new Map([...states].map(([n, s]) => [n, structuredClone(s)])));
  const plan = (observations: ReturnType<typeof fresh>) =>
    planEnvironment({ model, environment: 'fleet', desiredDigest: 'sha256:bench', observations });
  plan(fresh()); // warm-up
  const times: number[] = [];
  let last = plan(fresh());
  for (let i = 0; i < RUNS; i++) {
    const observations = fresh();
    const { median: ms, last: result } = await timeRuns(1, () => plan(observations));
    times.push(ms);
    last = result;
  }
  return {
    ms: Math.round(median(times)),
    changes: last.changes.length,
    waves: last.waves.length,
    refused: last.refusals.length,
    drifted,
    moved,
  };
}

export interface PlanMeasurement {
  nodes: number;
  relocatables: number;
  ms: number;
  /** Peak resident set size of the measuring process. */
  maxRssMb: number;
  changes: number;
  waves: number;
  refused: number;
  drifted: number;
  moved: number;
}

const nodes = Number(process.argv[2]);
if (Number.isInteger(nodes) && nodes > 1) {
  const m = await measure(nodes, nodes * 10);
  const result: PlanMeasurement = {
    nodes,
    relocatables: nodes * 10,
    ...m,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}
