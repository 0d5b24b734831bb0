// Applying 10,000 address changes to one namespace node: tandem's linux writer (render
// and check every line, one `ip -n NS -batch -` process, map the result back to the ops)
// against the same 10,000 lines given to `ip -batch` directly; target: tandem at most
// 1.5x raw plus a fixed start-up cost. Also the whole applyPlan around it (lock, observe,
// stale check, batch, observe, verify through the sim kernel, inventory), for scale.
// Needs root; elsewhere it reports itself skipped. Median of 3 alternating runs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { applyPlan } from '../src/apply/index.js';
import { batchLine } from '../src/apply/ip-batch.js';
import { createLinuxWriter } from '../src/apply/writer-linux.js';
import type { Change } from '../src/diff/changes.js';
import { loadFromTexts } from '../src/load/load-environment.js';
import { observedDigest } from '../src/plan/digest.js';
import { PLAN_FORMAT_VERSION, type PlanDocument } from '../src/plan/document.js';
import type { KernelOp } from '../src/plan/ops.js';
import { validateLoaded } from '../src/validate/index.js';
import type { BenchResult } from './result.js';

const COUNT = 10_000;
const LINKS = 10;
const RUNS = 3;

/** 600 IPv4 addresses from the documentation ranges, the rest IPv6, over 10 veths (as bench/observe). */
function addressOps(): KernelOp[] {
  const v4 = ['192.0.2', '198.51.100', '203.0.113'].flatMap((net) =>
    Array.from({ length: 200 }, (_, i) => `${net}.${i + 1}/24`),
  );
  const ops: KernelOp[] = v4.map((cidr) => ({ op: 'addr-add', iface: 'bench0', cidr }));
  for (let i = 0; ops.length < COUNT; i++) {
    const l = i % LINKS;
    ops.push({
      op: 'addr-add',
      iface: `bench${l}`,
      cidr: `2001:db8:a:${l.toString(16)}::${(Math.floor(i / LINKS) + 1).toString(16)}/64`,
    });
  }
  return ops;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function makeNode(ns: string): Promise<void> {
  await execa('ip', ['netns', 'add', ns]);
  const lines: string[] = [];
  for (let l = 0; l < LINKS; l++)
    lines.push(`link add bench${l} type veth peer name bench${l}p`, `link set bench${l} up`, `link set bench${l}p up`);
  await execa('ip', ['-n', ns, '-batch', '-'], { input: lines.join('\n') + '\n' });
}

async function flush(ns: string): Promise<void> {
  const lines = Array.from({ length: LINKS }, (_, l) => `addr flush dev bench${l} scope global`);
  await execa('ip', ['-n', ns, '-batch', '-'], { input: lines.join('\n') + '\n' });
}

function planFor(node: string, ops: KernelOp[], digest: string): PlanDocument {
  const changes: Change[] = ops.map((op) => {
    const cidr = (op as { cidr: string }).cidr;
    const key = `addr:${cidr.slice(0, cidr.indexOf('/'))}`;
    const iface = (op as { iface: string }).iface;
    return {
      id: `${node}:${key}`,
      node,
      key,
      kind: 'address',
      action: 'create',
      after: { kind: 'address', key, iface, cidr, family: cidr.includes(':') ? 6 : 4 },
      reason: 'bench',
    };
  });
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    id: 'bench',
    environment: 'bench',
    desiredRevision: { digest: 'sha256:bench' },
    nodes: { [node]: { driver: 'linux', observedDigest: digest } },
    summary: {
      create: ops.length,
      update: 0,
      delete: 0,
      replace: 0,
      deferred: 0,
      refused: 0,
      warnings: 0,
      steps: ops.length,
      waves: 1,
      checks: 0,
    },
    changes,
    waves: [
      {
        index: 1,
        nodes: [node],
        steps: ops.map((op, i) => ({
          id: changes[i].id,
          node,
          description: `create ${changes[i].key}`,
          changeIds: [changes[i].id],
          pre: [],
          ops: [op],
          post: [],
          deps: [],
          notes: [],
        })),
      },
    ],
    refusals: [],
    warnings: [],
    deferrals: [],
    notes: [],
    placements: [],
  };
}

export async function run(): Promise<BenchResult[]> {
  const name = `apply ${COUNT.toLocaleString('en')} address changes to one netns node`;
  if (process.getuid?.() !== 0)
    return [{ name, value: 0, unit: 'ms', note: 'skipped: needs root to create a network namespace' }];
  const nsRaw = `tdma-bench-raw-${process.pid}`;
  const nsTandem = `tdma-bench-t-${process.pid}`;
  const stateDir = await mkdtemp(join(tmpdir(), 'tandem-apply-bench-'));
  try {
    try {
      await makeNode(nsRaw);
      await makeNode(nsTandem);
    } catch (err) {
      return [
        {
          name,
          value: 0,
          unit: 'ms',
          note: `skipped: cannot build namespaces (${(err as Error).message.split('\n')[0]})`,
        },
      ];
    }
    const ops = addressOps();
    const input = ops.map(batchLine).join('\n') + '\n';
    const writer = createLinuxWriter(
      'bench',
      { transport: 'netns', namespace: nsTandem },
      { inventoryRoot: stateDir, timeoutMs: 60_000 },
    );
    const raw: number[] = [];
    const tandem: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let start = performance.now();
      await execa('ip', ['-n', nsRaw, '-batch', '-'], { input });
      raw.push(performance.now() - start);
      await flush(nsRaw);
      start = performance.now();
      const r = await writer.apply(ops);
      tandem.push(performance.now() - start);
      if (r.failed || r.applied !== ops.length) throw new Error(`writer failed: ${JSON.stringify(r.failed)}`);
      await flush(nsTandem);
    }
    // A trivial batch: the fixed cost of starting `ip` in the namespace.
    const startup: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await execa('ip', ['-n', nsRaw, '-batch', '-'], { input: 'link set dev bench0 up\n' });
      startup.push(performance.now() - start);
    }

    // The whole applyPlan: 10,000 one-op steps in one wave.
    const env = { ...process.env, TANDEM_STATE_DIR: stateDir };
    const v = validateLoaded(
      loadFromTexts(
        'bench',
        new Map([
          [
            'bench/cluster.yaml',
            'apiVersion: tandem/v1\nkind: Cluster\nmetadata: { name: bench }\nspec:\n  segments: []\n',
          ],
          [
            'bench/nodes.yaml',
            'apiVersion: tandem/v1\nkind: Node\nmetadata: { name: bench }\nspec:\n' +
              `  connection: { transport: netns, namespace: ${nsTandem} }\n` +
              '  interfaces:\n    - { name: bench0, type: physical }\n',
          ],
        ]),
      ),
    );
    if (!v.model) throw new Error(`bench environment invalid: ${v.diagnostics.map((d) => d.summary).join('; ')}`);
    const before = await writer.observe();
    if (!before.ok) throw new Error(before.error.message);
    const plan = planFor('bench', ops, observedDigest(before.state));
    const start = performance.now();
    const result = await applyPlan({
      plan,
      model: v.model,
      envDir: stateDir,
      env,
      cwd: stateDir,
      auditFile: null,
      writers: new Map([['bench', writer]]),
    });
    const full = performance.now() - start;
    if (result.outcome !== 'applied') throw new Error(`applyPlan: ${result.message}`);

    const r = median(raw);
    const t = median(tandem);
    const s = median(startup);
    return [
      { name: `${name}: ip -batch directly`, value: Math.round(r), unit: 'ms' },
      {
        name: `${name}: tandem linux writer`,
        value: Math.round(t),
        unit: 'ms',
        note: `target <= 1.5 x raw + start-up (${Math.round(1.5 * r + s)} ms)`,
      },
      { name: `${name}: ratio tandem / raw`, value: Math.round((t / r) * 100) / 100, unit: 'x' },
      { name: `${name}: ip start-up in the namespace`, value: Math.round(s), unit: 'ms' },
      {
        name: `${name}: whole applyPlan (lock, observe, batch, observe, verify, inventory)`,
        value: Math.round(full),
        unit: 'ms',
        note: '1 run',
      },
    ];
  } finally {
    for (const ns of [nsRaw, nsTandem]) await execa('ip', ['netns', 'del', ns], { reject: false });
    await rm(stateDir, { recursive: true, force: true });
  }
}
