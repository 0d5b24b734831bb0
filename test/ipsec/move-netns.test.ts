// A relocatable address moved between two lab nodes with its IKE connection: lab up starts
// a charon per node (and lab down stops them), the connection is loaded on both
// placements, the SA is initiated where the address is, pinged through ESP, and after each
// move (make before break: src/plan/ike-steps.ts, gate TR015) pinged through ESP again from
// the other node. Root, charon, tcpdump; under the shared lock.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { nodeCharonPaths, runningPid } from '../../src/ipsec/charon.js';
import { observeCharon } from '../../src/ipsec/observed.js';
import { checkIkeOrder, ikeSteps, moveOrder, type IkeNodeView } from '../../src/plan/ike-steps.js';
import { cannotRunCharon, capture } from './ipsec-lab.js';
import { destroyMoveLab, gwPing, makeMoveLab, runOrder, SVC, viciOf, type MoveLab } from './move-lab.js';

const skip = await cannotRunCharon();
if (skip) console.log(`# IPsec move tests skipped: ${skip}`);

async function views(l: MoveLab): Promise<Map<string, IkeNodeView>> {
  const out = new Map<string, IkeNodeView>();
  for (const n of [l.nodes.a, l.nodes.b]) {
    const o = await observeCharon(viciOf(l, n));
    out.set(n, {
      loaded: new Set(o.connections.map((c) => c.name)),
      established: new Set(o.sas.filter((s) => s.state === 'ESTABLISHED').map((s) => s.connection)),
    });
  }
  return out;
}

async function espOnly(l: MoveLab): Promise<void> {
  const lines = await capture(l.client, 'eth0', async () => {
    assert.ok(await gwPing(l, 2), 'the gateway reaches the package side through the tunnel');
  });
  assert.ok(lines.filter((x) => x.includes('ESP(spi=')).length >= 4, `ESP on the wire:\n${lines.join('\n')}`);
  assert.deepEqual(
    lines.filter((x) => x.includes('ICMP echo')),
    [],
    'no ICMP in clear',
  );
}

describe('an address moved with its IKE connection', { skip }, () => {
  let l: MoveLab | undefined;
  let charonNs: string[] = [];
  before(async () => {
    l = await makeMoveLab('m');
    charonNs = Object.values(l.ns);
  });
  after(async () => {
    await destroyMoveLab(l);
  });

  const pids: number[] = [];
  it('lab up started a charon in each node namespace', async () => {
    for (const ns of charonNs) {
      const pid = await runningPid(nodeCharonPaths(ns));
      assert.ok(pid, `charon in ${ns}`);
      pids.push(pid);
    }
  });

  it('loads on both placements, initiates where the address is, pings through ESP', async () => {
    const lab = l!;
    await runOrder(lab, [{ kind: 'address', node: lab.nodes.a, address: 'svc', action: 'add' }]);
    const steps = ikeSteps(lab.model, await views(lab), (node) => node === lab.nodes.a);
    assert.deepEqual(
      steps.map((s) => s.id),
      [`${lab.nodes.a}:ike/svc-gw/load`, `${lab.nodes.a}:ike/svc-gw/initiate`, `${lab.nodes.b}:ike/svc-gw/load`],
    );
    // initiate after every load (the order the plan gives them: loads first)
    await runOrder(lab, [...steps.filter((s) => s.action === 'load'), ...steps.filter((s) => s.action === 'initiate')]);
    const seen = await observeCharon(viciOf(lab, lab.nodes.a));
    assert.equal(seen.sas.find((s) => s.connection === 'svc-gw')?.state, 'ESTABLISHED');
    await espOnly(lab);
  });

  for (const [from, to] of [
    ['a', 'b'],
    ['b', 'a'],
  ] as const) {
    it(`moves svc from ${from} to ${to}: the order passes the gate, and pings through ESP after`, async () => {
      const lab = l!;
      const order = moveOrder(
        lab.model,
        { address: 'svc', from: lab.nodes[from], to: lab.nodes[to] },
        await views(lab),
      );
      const v = await views(lab);
      const refusals = checkIkeOrder(lab.model, order, {
        loaded: new Map([...v].map(([n, x]) => [n, x.loaded])),
        holders: new Map([['svc', new Set([lab.nodes[from]])]]),
      });
      assert.deepEqual(refusals, []);
      await runOrder(lab, order);
      const newSide = await observeCharon(viciOf(lab, lab.nodes[to]));
      const sa = newSide.sas.find((s) => s.connection === 'svc-gw');
      assert.equal(sa?.state, 'ESTABLISHED');
      assert.equal(sa?.localHost, SVC);
      const oldSide = await observeCharon(viciOf(lab, lab.nodes[from]));
      assert.deepEqual(
        oldSide.connections.map((c) => c.name),
        ['svc-gw'],
        'the standby placement keeps the connection loaded',
      );
      assert.equal(
        oldSide.sas.find((s) => s.connection === 'svc-gw' && s.state === 'ESTABLISHED'),
        undefined,
      );
      await espOnly(lab);
    });
  }

  it('lab down stops the charons', async () => {
    const lab = l!;
    await destroyMoveLab(lab);
    l = undefined;
    for (const ns of charonNs) assert.equal(await runningPid(nodeCharonPaths(ns)), undefined);
    // the processes themselves are gone, not just their pid files
    for (const pid of pids) assert.equal(existsSync(`/proc/${pid}/cmdline`), false, `charon ${pid} still runs`);
  });
});
