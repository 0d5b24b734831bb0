// One busy node, as a user runs tandem on it: whole fresh processes
// (package.json's bin: start-up, module loading, validate, observe, plan), wall time with
// the CPU time (user + system) and load average beside it (bench/whole-process.ts).
// - `tandem plan` of N new static addresses on one node, against a snapshot of the empty
//   node (--observed), for N = 1,000 / 2,000 / 4,000 / 10,000, so growth with the node's
//   size shows: planning once re-listed the whole node for every step (issue 14).
// - `tandem apply ENV --yes` of 10,000 new addresses on one network-namespace node made
//   here, next to `ip -n NS -batch` of the same lines (tandem's own line renderer);
//   target: at most 3x raw + 0.5 s. Needs root; elsewhere it reports itself skipped.
// The node has 10 veths eth0..eth9, N/10 IPv4 addresses each in one /22 (a primary and
// its secondaries). Medians of 3; apply and raw alternate, addresses flushed and the
// node's state folder removed before each run, so every run adds all of them.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { batchLine } from '../src/apply/ip-batch.js';
import { DEFAULT_NETNS_STATE_ROOT } from '../src/observe/drivers/linux/transport.js';
import type { KernelOp } from '../src/plan/ops.js';
import { median, type BenchResult } from './result.js';
import { describe, medians, runWhole, type WholeRun } from './whole-process.js';

const PLAN_SIZES = [1_000, 2_000, 4_000, 10_000];
const APPLY_SIZE = 10_000;
const LINKS = 10;
const RUNS = 3;

/** N adds spread over eth0..eth9: interface l gets 198.18.(4l..4l+3).x/22, 1,000 per /22. */
function addressOps(count: number): KernelOp[] {
  const per = count / LINKS;
  const blocks = Math.ceil(per / 1000);
  const ops: KernelOp[] = [];
  for (let l = 0; l < LINKS; l++) {
    for (let k = 0; k < per; k++) {
      const third = (l * blocks + Math.floor(k / 1000)) * 4 + Math.floor((k % 1000) / 250);
      ops.push({
        op: 'addr-add',
        iface: `eth${l}`,
        cidr: `198.${18 + (third >> 8)}.${third & 255}.${(k % 250) + 1}/22`,
      });
    }
  }
  return ops;
}

async function writeEnv(dir: string, ops: KernelOp[], connection: string): Promise<void> {
  const byIface = new Map<string, string[]>();
  for (const op of ops) {
    if (op.op !== 'addr-add') continue;
    byIface.set(op.iface, [...(byIface.get(op.iface) ?? []), op.cidr]);
  }
  const ifaces = [...byIface].map(
    ([name, cidrs]) =>
      `    - name: ${name}\n      type: physical\n      addresses:\n${cidrs.map((c) => `        - ${c}\n`).join('')}`,
  );
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'cluster.yaml'),
    'apiVersion: tandem/v1\nkind: Cluster\nmetadata: { name: one-node }\nspec:\n  segments: []\n',
  );
  await writeFile(
    join(dir, 'nodes.yaml'),
    `apiVersion: tandem/v1\nkind: Node\nmetadata: { name: busy }\nspec:\n  connection: ${connection}\n` +
      `  interfaces:\n${ifaces.join('')}`,
  );
}

/** The empty node as `tandem observe` would save it: lo and the ten veth pairs, up. */
function emptySnapshot(): string {
  const links = [{ name: 'lo', kind: 'loopback', adminUp: true, operState: 'UNKNOWN', mtu: 65536 }];
  for (let l = 0; l < LINKS; l++)
    for (const name of [`eth${l}`, `eth${l}p`])
      links.push({ name, kind: 'veth', adminUp: true, operState: 'UP', mtu: 1500 });
  return JSON.stringify({
    node: 'busy',
    driver: 'snapshot',
    observedAt: '2026-12-02T00:00:00.000Z',
    links,
    addresses: [
      {
        interface: 'lo',
        family: 4,
        cidr: '127.0.0.1/8',
        secondary: false,
        tentative: false,
        dadfailed: false,
        scope: 'host',
      },
    ],
    routes: [],
    neighbors: [],
    xfrmPolicies: [],
    sysctl: {},
    inventory: { owned: [] },
  });
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const seconds = (ms: number) => Math.round(ms) / 1000;

async function planSizes(work: string): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  let first: number | undefined;
  for (const n of PLAN_SIZES) {
    const env = join(work, `plan-${n}`, 'env');
    const observed = join(work, `plan-${n}`, 'observed');
    await writeEnv(env, addressOps(n), '{ transport: netns, namespace: tandem-bench-snapshot }');
    await mkdir(observed, { recursive: true });
    await writeFile(join(observed, 'busy.json'), emptySnapshot());
    const runs: WholeRun[] = [];
    // Exit 2: changes to make, which is what a plan of N adds must say.
    for (let i = 0; i < RUNS; i++)
      runs.push(
        await runWhole(['plan', env, '--observed', observed, '--format', 'json'], 2, {
          TANDEM_STATE_DIR: join(work, 'state'),
        }),
      );
    const m = median(runs.map((r) => r.ms));
    first ??= m;
    out.push({
      name: `tandem plan, one node, ${n.toLocaleString('en')} adds (fresh process)`,
      value: seconds(m),
      unit: 's',
      note:
        `${(m / first).toFixed(1)}x the first figure for ${n / PLAN_SIZES[0]}x the addresses; ` +
        describe(medians(runs)),
    });
  }
  return out;
}

async function makeNode(ns: string): Promise<void> {
  await execa('ip', ['netns', 'add', ns]);
  const lines = ['link set lo up'];
  for (let l = 0; l < LINKS; l++)
    lines.push(`link add eth${l} type veth peer name eth${l}p`, `link set eth${l} up`, `link set eth${l}p up`);
  await execa('ip', ['-n', ns, '-batch', '-'], { input: lines.join('\n') + '\n' });
}

async function flush(ns: string): Promise<void> {
  const lines = Array.from({ length: LINKS }, (_, l) => `addr flush dev eth${l} scope global`);
  await execa('ip', ['-n', ns, '-batch', '-'], { input: lines.join('\n') + '\n' });
}

async function wholeApply(work: string): Promise<BenchResult[]> {
  const name = `tandem apply, one netns node, ${APPLY_SIZE.toLocaleString('en')} adds (fresh process)`;
  if (process.getuid?.() !== 0)
    return [{ name, value: 0, unit: 's', note: 'skipped: needs root to create a network namespace' }];
  const nsRaw = `tdma-busy-raw-${process.pid}`;
  const nsApply = `tdma-busy-apply-${process.pid}`;
  const nodeState = join(DEFAULT_NETNS_STATE_ROOT, 'netns', nsApply);
  try {
    try {
      await makeNode(nsRaw);
      await makeNode(nsApply);
    } catch (err) {
      return [
        {
          name,
          value: 0,
          unit: 's',
          note: `skipped: cannot build namespaces (${(err as Error).message.split('\n')[0]})`,
        },
      ];
    }
    const ops = addressOps(APPLY_SIZE);
    const input = ops.map(batchLine).join('\n') + '\n';
    const env = join(work, 'apply', 'env');
    await writeEnv(env, ops, `{ transport: netns, namespace: ${nsApply} }`);
    const raw: number[] = [];
    const apply: WholeRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      await flush(nsRaw);
      raw.push(await timed(async () => void (await execa('ip', ['-n', nsRaw, '-batch', '-'], { input }))));
      await flush(nsApply);
      await rm(nodeState, { recursive: true, force: true });
      apply.push(await runWhole(['apply', env, '--yes'], 0, { TANDEM_STATE_DIR: join(work, `apply-state-${i}`) }));
    }
    const r = median(raw);
    const applied = medians(apply);
    const a = applied.ms;
    return [
      { name: `${name}: ip -batch of the same lines`, value: seconds(r), unit: 's' },
      {
        name,
        value: seconds(a),
        unit: 's',
        note: `target <= 3 x raw + 0.5 s (${seconds(3 * r + 500)} s); ${describe(applied)}`,
      },
      { name: `${name}: ratio tandem / raw`, value: Math.round((a / r) * 10) / 10, unit: 'x' },
    ];
  } finally {
    for (const ns of [nsRaw, nsApply]) await execa('ip', ['netns', 'del', ns], { reject: false });
    await rm(nodeState, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  const work = await mkdtemp(join(tmpdir(), 'tandem-one-node-bench-'));
  try {
    return [...(await planSizes(work)), ...(await wholeApply(work))];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
