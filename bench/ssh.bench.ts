// tandem over ssh next to the same work on namespace nodes and next to raw ssh, as a user
// runs it: whole fresh `node dist/src/cli/main.js apply` processes against a real OpenSSH
// sshd in each namespace node (the lab of test/apply/ssh-lab.ts).
// - A switchover of one relocatable address, a to b and back, on ssh nodes and on netns
//   nodes: wall of the whole command, and the outage: from the end of the removal's batch
//   on the old node to the end of the add's batch on the new one, read from the audit
//   events that `apply --json` streams (an upper bound: it includes the add's own batch).
//   Target: ssh within 1.5x of netns. The two labs take turns, one switchover each, so
//   both sides of the ratio see the same load on a shared machine.
// - `tandem apply` of 1,000 new addresses on one ssh node, next to
//   `ssh host ip -batch -` of the same lines (a fresh connection, as tandem's run opens one).
// Needs root, sshd and iproute2; elsewhere it reports itself skipped. Medians of RUNS.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { batchLine } from '../src/apply/ip-batch.js';
import type { KernelOp } from '../src/plan/ops.js';
import { addressesYaml, canMakeNamespaces, CLI, destroyLab, makeLab, type Lab } from '../test/apply/netns-lab.js';
import { canRunSshd, destroySshLab, makeSshLab, SSH_PORT, sshNodesYaml, type SshLab } from '../test/apply/ssh-lab.js';
import { median, type BenchResult } from './result.js';

const RUNS = 5;
const ADDS = 1_000;

interface Switch {
  wallMs: number;
  outageMs: number;
}

function tandem(l: Lab, ...args: string[]) {
  return execa(process.execPath, [CLI, ...args], { cwd: l.root, env: l.env, reject: false, extendEnv: false });
}

/** One `apply --json` of a switchover to `to`: wall, and the outage from its audit events. */
async function switchTo(l: Lab, to: 'a' | 'b'): Promise<Switch> {
  await writeFile(join(l.dir, 'addresses.yaml'), addressesYaml(l, to));
  const started = performance.now();
  const r = await tandem(l, 'apply', l.dir, '--yes', '--json');
  const wallMs = performance.now() - started;
  if (r.exitCode !== 0) throw new Error(`switchover to ${to} failed: ${String(r.stdout)}${String(r.stderr)}`);
  const batches = String(r.stdout)
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { event?: string; node?: string; time?: string })
    .filter((e) => e.event === 'batch' && e.time);
  const from = batches.find((e) => !e.node?.startsWith(`${to}-`));
  const into = batches.find((e) => e.node?.startsWith(`${to}-`));
  if (!from?.time || !into?.time) throw new Error(`switchover to ${to}: no batch events in the audit stream`);
  return { wallMs, outageMs: Date.parse(into.time) - Date.parse(from.time) };
}

/**
 * The switchovers on both labs, one on netns nodes then one over ssh, RUNS times: the
 * machine is shared, and taking all of one side first would compare two different loads.
 */
async function switchovers(labs: { netns: Lab; ssh: Lab }): Promise<Record<'netns' | 'ssh', Switch>> {
  for (const l of [labs.netns, labs.ssh]) {
    const first = await tandem(l, 'apply', l.dir, '--yes');
    if (first.exitCode !== 0) throw new Error(`first apply failed: ${String(first.stdout)}${String(first.stderr)}`);
  }
  const runs = { netns: [] as Switch[], ssh: [] as Switch[] };
  for (let i = 0; i < RUNS; i++) {
    const to = i % 2 === 0 ? 'b' : 'a';
    runs.netns.push(await switchTo(labs.netns, to));
    runs.ssh.push(await switchTo(labs.ssh, to));
  }
  const med = (r: Switch[]): Switch => ({
    wallMs: median(r.map((x) => x.wallMs)),
    outageMs: median(r.map((x) => x.outageMs)),
  });
  return { netns: med(runs.netns), ssh: med(runs.ssh) };
}

/** 1,000 adds on a's eth0: 198.18.0.0/22 and up, one primary per /22 and its secondaries. */
type AddOp = Extract<KernelOp, { op: 'addr-add' }>;

function addOps(): AddOp[] {
  return Array.from({ length: ADDS }, (_, k) => ({
    op: 'addr-add' as const,
    iface: 'eth0',
    cidr: `198.18.${Math.floor(k / 250)}.${(k % 250) + 1}/22`,
  }));
}

async function flushAdds(l: SshLab): Promise<void> {
  const lines = addOps().map((op) => batchLine({ op: 'addr-del', iface: op.iface, cidr: op.cidr }));
  await execa('ip', ['-n', l.ns.a, '-force', '-batch', '-'], { input: lines.join('\n') + '\n', reject: false });
  // tandem's inventory of a now lists addresses that are gone: the next apply re-adds them
  // either way, but remove it so every run starts from the same state.
  // (a's /var/lib/tandem is this folder, bind-mounted in its sshd's mount namespace.)
  await rm(join(l.nodes.a.dir, 'var-lib-tandem', 'inventory.json'), { force: true });
}

async function bigApply(l: SshLab): Promise<{ tandem: number; raw: number }> {
  const ops = addOps();
  const yaml = sshNodesYaml(l).replace(
    'addresses: [192.0.2.11/24]',
    `addresses: [192.0.2.11/24, ${ops.map((o) => o.cidr).join(', ')}]`,
  );
  if (yaml === sshNodesYaml(l)) throw new Error("the ssh lab's nodes.yaml changed shape: cannot add addresses to a");
  await writeFile(join(l.dir, 'nodes.yaml'), yaml);
  const input = ops.map(batchLine).join('\n') + '\n';
  const tandemMs: number[] = [];
  const rawMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    await flushAdds(l);
    let started = performance.now();
    const r = await tandem(l, 'apply', l.dir, '--yes');
    tandemMs.push(performance.now() - started);
    if (r.exitCode !== 0) throw new Error(`apply of ${ADDS} adds failed: ${String(r.stdout)}${String(r.stderr)}`);
    await flushAdds(l);
    started = performance.now();
    await execa(
      'ssh',
      [
        '-i',
        l.key,
        '-o',
        'BatchMode=yes',
        '-o',
        `UserKnownHostsFile=${l.knownHosts}`,
        '-o',
        'StrictHostKeyChecking=yes',
        '-p',
        String(SSH_PORT),
        `root@${l.nodes.a.address}`,
        'ip',
        '-batch',
        '-',
      ],
      { input, env: l.env },
    );
    rawMs.push(performance.now() - started);
  }
  return { tandem: median(tandemMs), raw: median(rawMs) };
}

export async function run(): Promise<BenchResult[]> {
  const skip = (await canMakeNamespaces()) ?? (await canRunSshd());
  if (skip) return [{ name: 'ssh', value: 0, unit: 'skipped', note: skip }];
  const out: BenchResult[] = [];
  const netns = await makeLab();
  let l: SshLab;
  try {
    l = await makeSshLab();
  } catch (err) {
    await destroyLab(netns);
    throw err;
  }
  try {
    const both = await switchovers({ netns, ssh: l });
    const ns = { wall: both.netns.wallMs, outage: both.netns.outageMs };
    const ssh = { wall: both.ssh.wallMs, outage: both.ssh.outageMs };
    out.push(
      {
        name: 'switchover on netns nodes, whole apply',
        value: Math.round(ns.wall),
        unit: 'ms',
        note: `median of ${RUNS}`,
      },
      {
        name: 'switchover on netns nodes, outage',
        value: Math.round(ns.outage),
        unit: 'ms',
        note: 'removal batch end → add batch end',
      },
      {
        name: 'switchover over ssh, whole apply',
        value: Math.round(ssh.wall),
        unit: 'ms',
        note: `${(ssh.wall / ns.wall).toFixed(2)}x netns (target 1.5x)`,
      },
      {
        name: 'switchover over ssh, outage',
        value: Math.round(ssh.outage),
        unit: 'ms',
        note: `${(ssh.outage / ns.outage).toFixed(2)}x netns (target 1.5x)`,
      },
    );
    const big = await bigApply(l);
    out.push(
      {
        name: `apply of ${ADDS} adds over ssh, whole command`,
        value: Math.round(big.tandem),
        unit: 'ms',
        note: 'median of 3',
      },
      {
        name: `raw ssh host ip -batch - of the same ${ADDS} lines`,
        value: Math.round(big.raw),
        unit: 'ms',
        note: `tandem ${(big.tandem / big.raw).toFixed(1)}x raw`,
      },
    );
  } finally {
    await destroySshLab(l);
    await destroyLab(netns);
  }
  return out;
}
