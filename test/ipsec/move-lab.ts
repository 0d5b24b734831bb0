// A namespace lab (tandem's own lab up) with two nodes that carry an IKE connection
// following the relocatable address svc, a charon per node started by lab up, and an
// IKE peer: a charon of the test's in the segment's client namespace (192.0.2.200, inner
// 10.91.9.1). The protected traffic is 10.91.50.1 (on lo of both nodes) <-> 10.91.9.1, in
// tunnel mode: kernel-libipsec does tunnel mode only, and routes a remote selector that
// equals the IKE peer into its TUN device, so the selectors are not the endpoints.
// The address moves as apply's steps would move it (ip addr del on the old node, add and
// a gratuitous ARP on the new one); the IKE steps are tandem's (src/plan/ike-steps.ts,
// src/apply/ike.ts).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { runIkeStep } from '../../src/apply/ike.js';
import { charonPathsIn, nodeCharonPaths, startCharon, stopCharon, type CharonPaths } from '../../src/ipsec/charon.js';
import { loadLive, type SecretSource } from '../../src/ipsec/load.js';
import { labDown, labUp } from '../../src/lab/index.js';
import type { DesiredModel } from '../../src/model/desired.js';
import type { MoveItem } from '../../src/plan/ike-steps.js';
import { renderConnection, renderNodeConnections } from '../../src/render/swanctl.js';
import { validateEnvironment } from '../../src/validate/index.js';

export const SVC = '192.0.2.100';
export const GW = '192.0.2.200';
export const NODE_INNER = '10.91.50.1';
export const GW_INNER = '10.91.9.1';

export interface MoveLab {
  root: string;
  /** The environment folder. */
  dir: string;
  sfx: string;
  envName: string;
  env: NodeJS.ProcessEnv;
  model: DesiredModel;
  nodes: { a: string; b: string };
  ns: Record<string, string>;
  client: string;
  gw: CharonPaths;
  secrets: SecretSource;
}

/** `relocatable`: extra lines of svc's spec (two spaces in), e.g. its announcement settings. */
export async function makeMoveLab(tag: string, opts: { relocatable?: string } = {}): Promise<MoveLab> {
  const sfx = `${tag}${(process.pid % 1296).toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const root = await mkdtemp(join(tmpdir(), 'tandem-ipsec-move-'));
  const dir = join(root, `env-${sfx}`);
  await mkdir(dir);
  const envName = `im-${sfx}`;
  const nodes = { a: `a-${sfx}`, b: `b-${sfx}` };
  const ns = { [nodes.a]: `tdmi-a-${sfx}`, [nodes.b]: `tdmi-b-${sfx}` };
  const pskVar = `TANDEM_MOVE_PSK_${sfx.toUpperCase()}`;
  const key = `move-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await writeFile(
    join(dir, 'cluster.yaml'),
    `apiVersion: tandem/v1
kind: Cluster
metadata: { name: ${envName} }
spec:
  segments:
    - { name: ip-${sfx}, subnets: [192.0.2.0/24] }
---
apiVersion: tandem/v1
kind: Node
metadata: { name: ${nodes.a} }
spec:
  provider: p1
  connection: { transport: netns, namespace: ${ns[nodes.a]} }
  interfaces:
    - { name: eth0, type: physical, segment: ip-${sfx}, addresses: [192.0.2.11/24] }
---
apiVersion: tandem/v1
kind: Node
metadata: { name: ${nodes.b} }
spec:
  provider: p1
  connection: { transport: netns, namespace: ${ns[nodes.b]} }
  interfaces:
    - { name: eth0, type: physical, segment: ip-${sfx}, addresses: [192.0.2.12/24] }
---
apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: svc }
spec:
  address: ${SVC}/24
  active: ${nodes.a}
  placements:
    - { node: ${nodes.a}, priority: 1, interface: eth0 }
    - { node: ${nodes.b}, priority: 2, interface: eth0 }
${opts.relocatable ?? ''}
---
apiVersion: tandem/v1
kind: IKEConnection
metadata: { name: svc-gw }
spec:
  version: 2
  appliesTo: { relocatableAddress: svc }
  local: { address: ${SVC}, id: svc.test, auth: psk }
  remote: { address: ${GW}, id: gw.test, auth: psk }
  ikeProposals: [aes256gcm16-prfsha384-ecp384]
  psk: { env: ${pskVar} }
  children:
    - name: net
      mode: tunnel
      localTs: [${NODE_INNER}/32]
      remoteTs: [${GW_INNER}/32]
      espProposals: [aes256gcm16-ecp384]
      startAction: none
`,
  );
  const v = await validateEnvironment(dir);
  if (!v.valid || !v.model)
    throw new Error(`move lab environment invalid: ${v.diagnostics.map((d) => `${d.ruleId} ${d.summary}`).join('; ')}`);
  const env = { ...process.env, TANDEM_STATE_DIR: join(root, 'state'), NO_COLOR: '1' };
  const up = await labUp({ model: v.model, envDir: dir, withAddresses: true, location: { env, cwd: root } });
  const client = up.blueprint.clients[0].namespace;
  const lab: MoveLab = {
    root,
    dir,
    sfx,
    envName,
    env,
    model: v.model,
    nodes,
    ns,
    client,
    gw: charonPathsIn(join(root, 'gw-charon')),
    secrets: { env: { [pskVar]: key }, readFile: () => Promise.resolve(null) },
  };
  const ip = (...args: string[]) => execa('ip', args);
  for (const n of [nodes.a, nodes.b]) await ip('-n', ns[n], 'addr', 'add', `${NODE_INNER}/32`, 'dev', 'lo');
  await ip('-n', client, 'addr', 'add', `${GW}/24`, 'dev', 'eth0');
  await ip('-n', client, 'addr', 'add', `${GW_INNER}/32`, 'dev', 'lo');
  await startCharon({ paths: lab.gw, kind: 'live', namespace: client });
  // The peer: the same connection seen from the gateway, replacing an older IKE_SA of
  // the same identities when the address's new node negotiates (unique = replace).
  const [mine] = lab.model.ikeConnections;
  const peer = renderConnection({
    ...mine,
    name: 'gw',
    local: mine.remote,
    remote: mine.local,
    children: mine.children.map((c) => ({ ...c, localTs: c.remoteTs, remoteTs: c.localTs })),
  });
  (peer.vici.gw as Record<string, unknown>).unique = 'replace';
  const r = await loadLive({ vici: lab.gw.vici, rendered: [peer], secrets: lab.secrets, unload: [] });
  if (r.failed.length > 0) throw new Error(`gateway connection: ${JSON.stringify(r.failed)}`);
  return lab;
}

export async function destroyMoveLab(l: MoveLab | undefined): Promise<void> {
  if (!l) return;
  await stopCharon(l.gw);
  await labDown({ env: l.envName, location: { env: l.env, cwd: l.root } }).catch(() => undefined);
  const r = await execa('ip', ['-j', 'netns', 'list'], { reject: false });
  const names = String(r.stdout).trim()
    ? (JSON.parse(String(r.stdout)) as Array<{ name: string }>).map((n) => n.name)
    : [];
  for (const n of names.filter((x) => x.includes(l.sfx))) await execa('ip', ['netns', 'del', n], { reject: false });
  await rm(l.root, { recursive: true, force: true });
}

export function viciOf(l: MoveLab, node: string): string {
  return nodeCharonPaths(l.ns[node]).vici;
}

/** Carries out an order of address events and IKE steps; the first failure throws. */
export async function runOrder(l: MoveLab, order: readonly MoveItem[], after?: (item: MoveItem) => Promise<void>) {
  // iputils arping lingers about a second after its one packet (src/apply/checks.ts): the
  // announcement is on the wire at once, so the next step does not wait for the process.
  const announcing: Array<Promise<unknown>> = [];
  for (const it of order) {
    const ns = l.ns[it.node];
    if (it.kind === 'address') {
      if (it.action === 'del') await execa('ip', ['-n', ns, 'addr', 'del', `${SVC}/24`, 'dev', 'eth0']);
      else {
        await execa('ip', ['-n', ns, 'addr', 'add', `${SVC}/24`, 'dev', 'eth0']);
        announcing.push(
          execa('ip', ['netns', 'exec', ns, 'arping', '-U', '-c', '1', '-I', 'eth0', SVC], { reject: false }),
        );
      }
    } else {
      const r = await runIkeStep(it, {
        vici: viciOf(l, it.node),
        rendered: renderNodeConnections(l.model, it.node),
        secrets: l.secrets,
      });
      if (!r.ok) throw new Error(`${it.id}: ${r.error}`);
    }
    await after?.(it);
  }
  await Promise.all(announcing);
}

/** Pings the node side's inner address from the gateway's; true on a reply. */
export async function gwPing(l: MoveLab, count = 1, waitS = 1): Promise<boolean> {
  const r = await execa(
    'ip',
    [
      'netns',
      'exec',
      l.client,
      'ping',
      '-c',
      String(count),
      '-i',
      '0.2',
      '-W',
      String(waitS),
      '-I',
      GW_INNER,
      NODE_INNER,
    ],
    { reject: false },
  );
  return r.exitCode === 0;
}
