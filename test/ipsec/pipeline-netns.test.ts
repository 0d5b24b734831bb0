// IKE through tandem's own plan and apply on namespace nodes with real charons (the move
// lab of move-lab.ts: lab up starts a charon per node; the peer is a charon in the
// client namespace). The plan loads svc-gw on both placements and initiates where svc
// arrives; apply does it over VICI; show lists the connections and the SA with its
// child's bytes; an SA that went down is drift in the plan and in reconcile's status
// lines; a move of svc brings the SA up from the other node. Root, charon, tcpdump; under
// the shared lock.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { after, before, describe, it } from 'node:test';
import { applyPlan } from '../../src/apply/index.js';
import { makePlan } from '../../src/cli/commands/plan.js';
import { terminateConnection } from '../../src/ipsec/initiate.js';
import { observeCharon } from '../../src/ipsec/observed.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import type { PlanDocument } from '../../src/plan/document.js';
import { changeLines } from '../../src/reconcile/reconcile.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { Capture, editFile, runCli } from '../apply/helpers.js';
import { cannotRunCharon, capture } from './ipsec-lab.js';
import { destroyMoveLab, GW, gwPing, makeMoveLab, SVC, viciOf, type MoveLab } from './move-lab.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

const skip = await cannotRunCharon();
if (skip) console.log(`# IPsec pipeline tests skipped: ${skip}`);

describe('IKE in tandem plan and apply on namespace nodes', { skip }, () => {
  let l: MoveLab | undefined;
  let env: NodeJS.ProcessEnv = {};
  before(async () => {
    l = await makeMoveLab('p');
    // The key reference is an environment variable of the process that loads it: tandem's.
    env = { ...l.env, ...l.secrets.env };
  });
  after(async () => destroyMoveLab(l));

  const plan = async () => {
    const io = { stdout: new Capture(), stderr: new Capture(), stdin: process.stdin, env, cwd: l!.root };
    return makePlan(l!.dir, { format: 'text' }, io);
  };
  const apply = async (p: PlanDocument) => {
    const { prepared } = await plan();
    return applyPlan({
      plan: p,
      model: prepared.model,
      envDir: l!.dir,
      env,
      cwd: l!.root,
      desiredDigest: prepared.desiredDigest,
    });
  };
  const espOnly = async () => {
    const lines = await capture(l!.client, 'eth0', async () => {
      assert.ok(await gwPing(l!, 2), 'the gateway reaches the node side through the tunnel');
    });
    assert.ok(lines.filter((x) => x.includes('ESP(spi=')).length >= 4, lines.join('\n'));
    assert.deepEqual(
      lines.filter((x) => x.includes('ICMP echo')),
      [],
    );
  };

  it('tandem apply (the CLI) refuses a weak ESP proposal at file:line:col before any write, exit 1', async () => {
    const weak = join(l!.dir, 'weak.yaml');
    const text = `apiVersion: tandem/v1
kind: IKEConnection
metadata: { name: weak }
spec:
  appliesTo: { nodes: [${l!.nodes.a}] }
  local: { address: 192.0.2.11, auth: psk }
  remote: { address: ${GW}, auth: psk }
  ikeProposals: [aes256gcm16-prfsha384-ecp384]
  psk: { env: WEAK_PSK }
  children:
    - { name: weak, mode: transport, espProposals: [aes128-md5] }
`;
    await writeFile(weak, text);
    try {
      const r = await execa(process.execPath, [CLI, 'apply', l!.dir, '--yes'], {
        env: { ...env, WEAK_PSK: 'weak-key-value' },
        cwd: l!.root,
        reject: false,
      });
      assert.equal(r.exitCode, 1, `${r.stdout}\n${r.stderr}`);
      const col = text.split('\n')[10].indexOf('aes128-md5') + 1;
      const said = `${String(r.stdout)}\n${String(r.stderr)}`;
      assert.match(said, new RegExp(`error\\[IKE004\\] ${weak.replace(/[.]/g, '\\.')}:11:${col}: .*md5`));
      assert.match(said, /nothing was planned or changed/);
      for (const node of [l!.nodes.a, l!.nodes.b]) {
        assert.deepEqual((await observeCharon(viciOf(l!, node))).connections, [], `nothing loaded on ${node}`);
        const addrs = await execa('ip', ['-n', l!.ns[node], '-j', 'addr', 'show']);
        assert.doesNotMatch(String(addrs.stdout), /192\.0\.2\.100/, `svc not on ${node}`);
      }
      assert.equal(existsSync(join(l!.env.TANDEM_STATE_DIR!, 'audit.ndjson')), false, 'no apply was started');
    } finally {
      await rm(weak);
    }
  });

  it('plans load on both placements and initiate after svc arrives; apply brings the SA up; ESP only', async () => {
    const { a, b } = l!.nodes;
    const { plan: p } = await plan();
    assert.deepEqual(p.refusals, [], renderPlanText(p));
    const ids = p.waves.flatMap((w) => w.steps.map((s) => `${w.index} ${s.id}`));
    const at = (id: string) => ids.findIndex((x) => x.endsWith(` ${id}`));
    assert.ok(at(`${a}:ike/svc-gw/load`) >= 0 && at(`${b}:ike/svc-gw/load`) >= 0, ids.join('\n'));
    assert.ok(at(`${a}:ike/svc-gw/load`) < at(`${a}:addr:${SVC}`), ids.join('\n'));
    assert.ok(at(`${a}:addr:${SVC}`) < at(`${a}:ike/svc-gw/initiate`), ids.join('\n'));
    assert.ok(
      p.notes.some((n) => n.node === a && /not loaded/.test(n.message)),
      JSON.stringify(p.notes),
    );
    const r = await apply(p);
    assert.equal(r.outcome, 'applied', r.message);
    const seen = await observeCharon(viciOf(l!, a));
    const sa = seen.sas.find((s) => s.connection === 'svc-gw');
    assert.equal(sa?.state, 'ESTABLISHED');
    assert.equal(sa?.localHost, SVC);
    assert.deepEqual(
      (await observeCharon(viciOf(l!, b))).connections.map((c) => c.name),
      ['svc-gw'],
    );
    await espOnly();
    const again = await plan();
    assert.equal(again.plan.waves.length, 0, renderPlanText(again.plan));
  });

  it('tandem show lists the loaded connection and the SA with its child, bytes and rekey time', async () => {
    const t = { root: l!.root, dir: l!.dir, stateDir: l!.env.TANDEM_STATE_DIR!, env };
    const r = await runCli(['show', l!.dir, '--node', l!.nodes.a], t);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /ike connections\n\s+svc-gw\s+192\.0\.2\.100 -> 192\.0\.2\.200\s+children net/);
    assert.match(r.stdout, /ike SAs\n\s+svc-gw\s+ESTABLISHED\s+192\.0\.2\.100 -> 192\.0\.2\.200/);
    assert.match(
      r.stdout,
      /child net\s+INSTALLED\s+tunnel\s+in [1-9]\d* B\/[1-9]\d* pkts, out [1-9]\d* B\/\d+ pkts, rekey in \d+s/,
    );
  });

  it('an SA gone down is drift: noted and initiated by the plan, named in the status lines, repaired', async () => {
    const { a } = l!.nodes;
    await terminateConnection(viciOf(l!, a), 'svc-gw', true);
    const { plan: p } = await plan();
    assert.ok(
      p.notes.some(
        (n) => n.node === a && n.subject === 'IKE connection svc-gw' && /drift: no IKE_SA is up/.test(n.message),
      ),
      JSON.stringify(p.notes),
    );
    assert.deepEqual(
      p.waves.flatMap((w) => w.steps.map((s) => s.id)),
      [`${a}:ike/svc-gw/initiate`],
    );
    assert.match(renderPlanText(p), /Notes:\n(.*\n)*\s+.*IKE connection svc-gw: drift: no IKE_SA is up/);
    assert.deepEqual(changeLines(p, a), ['~ initiate IKE connection svc-gw (net): no IKE_SA is up']);
    assert.equal((await apply(p)).outcome, 'applied');
    await espOnly();
  });

  it('tandem apply moves svc: the SA comes up from b, a keeps the connection without an SA', async () => {
    const { a, b } = l!.nodes;
    await editFile(`${l!.dir}/cluster.yaml`, `active: ${a}`, `active: ${b}`);
    const { plan: p } = await plan();
    assert.deepEqual(p.refusals, []);
    const r = await apply(p);
    assert.equal(r.outcome, 'applied', r.message);
    const sa = (await observeCharon(viciOf(l!, b))).sas.find((s) => s.connection === 'svc-gw');
    assert.equal(sa?.state, 'ESTABLISHED');
    assert.equal(sa?.localHost, SVC);
    const old = await observeCharon(viciOf(l!, a));
    assert.deepEqual(
      old.connections.map((c) => c.name),
      ['svc-gw'],
    );
    assert.equal(
      old.sas.find((s) => s.state === 'ESTABLISHED'),
      undefined,
    );
    await espOnly();
  });
});
