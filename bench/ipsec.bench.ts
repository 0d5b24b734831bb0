// After a relocatable address moves, how long until the first ESP-protected reply, through
// tandem's real apply path: the move lab of test/ipsec/move-lab.ts (tandem's lab with a
// charon per node, an IKE peer in the client namespace), `active` switched a <-> b MOVES
// times, each planned by makePlan and carried out by applyPlan: wave 1 removes the address
// from the old node and terminates its SA, wave 2 adds it on the new node, announces it
// (gratuitous ARP) and then initiates the SA there (src/apply/node-wave.ts). Measured from
// the start of wave 1 to the first ping reply through the tunnel from the peer, pinging
// every ~50 ms once the address has left the old node (before that, the old SA answers).
// The address's uniqueness check is off in this lab: arping -D waits out its whole timeout
// (1 s by default) on every arrival, which alone would exceed the target; the move is
// within the cluster and tandem has just confirmed the address gone from the old node.
// Target: p95 under 1 s. Needs root, charon and iproute2; elsewhere it reports itself skipped.
import { execa } from 'execa';
import { applyPlan } from '../src/apply/index.js';
import type { AuditEvent } from '../src/apply/audit.js';
import { makePlan } from '../src/cli/commands/plan.js';
import { cannotRunCharon } from '../test/ipsec/ipsec-lab.js';
import { destroyMoveLab, GW_INNER, makeMoveLab, NODE_INNER, type MoveLab } from '../test/ipsec/move-lab.js';
import { Capture, editFile } from '../test/apply/helpers.js';
import type { BenchResult } from './result.js';

const MOVES = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function replyOnce(l: MoveLab): Promise<boolean> {
  const r = await execa(
    'ip',
    ['netns', 'exec', l.client, 'ping', '-c', '1', '-W', '0.05', '-I', GW_INNER, NODE_INNER],
    {
      reject: false,
    },
  );
  return r.exitCode === 0;
}

async function planAndApply(l: MoveLab, env: NodeJS.ProcessEnv, onEvent?: (e: AuditEvent) => void) {
  const io = { stdout: new Capture(), stderr: new Capture(), stdin: process.stdin, env, cwd: l.root };
  const { prepared, plan } = await makePlan(l.dir, { format: 'text' }, io);
  const r = await applyPlan({
    plan,
    model: prepared.model,
    envDir: l.dir,
    env,
    cwd: l.root,
    desiredDigest: prepared.desiredDigest,
    auditFile: null,
    ...(onEvent ? { onEvent } : {}),
  });
  if (r.outcome !== 'applied') throw new Error(`apply: ${r.outcome}: ${r.message}`);
}

export async function run(): Promise<BenchResult[]> {
  const skip = await cannotRunCharon();
  if (skip) return [{ name: 'address move to first ESP reply', value: 0, unit: 'skipped', note: skip }];
  const l = await makeMoveLab('b', { relocatable: '  uniquenessCheck: { enabled: false }' });
  const env = { ...l.env, ...l.secrets.env };
  try {
    const { a, b } = l.nodes;
    await planAndApply(l, env); // svc on a, svc-gw loaded on a and b, SA up from a
    const times: number[] = [];
    let holder = a;
    for (let i = 0; i < MOVES; i++) {
      const to = holder === a ? b : a;
      await editFile(`${l.dir}/cluster.yaml`, `active: ${holder}`, `active: ${to}`);
      let started = 0;
      let left!: () => void;
      const gone = new Promise<void>((resolve) => (left = resolve));
      const from = holder;
      const applying = planAndApply(l, env, (e) => {
        if (e.event === 'wave-start' && e.wave === 1) started = performance.now();
        if (e.event === 'batch' && e.node === from) left();
      });
      // Settled into a value at once, so a failure while apply still runs is not an unhandled rejection.
      const replied = (async (): Promise<number | Error> => {
        await Promise.race([gone, applying]);
        for (;;) {
          if (await replyOnce(l)) return performance.now() - started;
          if (performance.now() - started > 10_000) return new Error('no ESP-protected reply within 10 s');
        }
      })();
      await applying;
      const took = await replied;
      if (took instanceof Error) throw took;
      times.push(took);
      holder = to;
    }
    times.sort((x, y) => x - y);
    const note = `${MOVES} moves, tandem plan + apply (applyPlan), announce before initiate, kernel-libipsec`;
    return [
      { name: 'address move to first ESP reply p50', value: Math.round(percentile(times, 50)), unit: 'ms', note },
      { name: 'address move to first ESP reply p95', value: Math.round(percentile(times, 95)), unit: 'ms', note },
      { name: 'address move to first ESP reply max', value: Math.round(times[times.length - 1]), unit: 'ms' },
    ];
  } finally {
    await destroyMoveLab(l);
  }
}
