// IKE013, the same IKE connections wherever an address may live. Seed 003 (HP-UX IPsec
// with Serviceguard): a package address relocates to an adoptive node, and package
// clients establish their SAs with the adoptive node; that works only if the adoptive
// node has the same connection and children. A connection that follows the address
// (appliesTo.relocatableAddress) has that by construction; one written per node, or
// listed on some of the nodes only, is compared here by content, as IPSEC004 compares
// policies.
import type { SourcePos } from '../../diagnostics.js';
import { at, type DesiredModel } from '../../model/desired.js';
import type { DesiredIkeConnection } from '../../model/ike.js';
import { parseIp } from '../../model/ip.js';
import { ikeName, type Ike } from './ike-algorithms.js';
import { defineRule, type Finding } from './rule.js';
import { relocatableCidr } from './util-interfaces.js';

interface Movable {
  phrase: string;
  owner: string;
  address: string;
  nodes: string[];
  source: () => SourcePos;
}

function* movable(model: DesiredModel): Generator<Movable> {
  for (const r of model.relocatables) {
    const cidr = relocatableCidr(r);
    const nodes = [...new Set(r.doc.spec.placements.map((p) => p.node))].filter((n) => model.nodeByName.has(n));
    if (!cidr || nodes.length < 2) continue;
    yield {
      phrase: `RelocatableAddress/${r.name} (${cidr.address}) may live on ${nodes.join(', ')}`,
      owner: `RelocatableAddress/${r.name}`,
      address: cidr.address,
      nodes,
      source: () => at(r, 'spec', 'address'),
    };
  }
  for (const s of model.staticAddresses) {
    const target = s.iface.failover;
    if (!target || target.node === s.node.name || !model.nodeByName.has(target.node)) continue;
    yield {
      phrase: `Node/${s.node.name}: ${s.iface.name} address ${s.cidr.address} can fail over to ${target.node}`,
      owner: `Node/${s.node.name}`,
      address: s.cidr.address,
      nodes: [s.node.name, target.node],
      source: () => at(s.node, 'spec', 'interfaces', s.index, 'addresses', s.addressIndex),
    };
  }
}

/**
 * What charon on a node is given, without the connection's name, where it is carried
 * and the key reference (each node resolves its own key, as IPSEC004 leaves keys out).
 */
export function connectionSignature(c: DesiredIkeConnection): string {
  const { name: _name, nodes: _nodes, followsAddress: _follows, psk: _psk, ...rest } = c;
  return JSON.stringify({ ...rest, children: rest.children.map(({ index: _i, ...child }) => child) });
}

export const ikeParity = defineRule({
  id: 'IKE013',
  severity: 'error',
  title: 'The IKE connections using an address that can move are identical on every node it may live on',
  rationale:
    'IKE configuration does not move with an address: on the adoptive node without the same connection ' +
    'and children, clients cannot re-establish their SAs and the package traffic is dropped or sent in clear.',
  reference:
    'HP-UX IPSec guide, Serviceguard appendix ' +
    '(package addresses; clients re-establish SAs with the adoptive node)',
  check(model) {
    const findings: Finding[] = [];
    if (model.ikeEntries.length === 0) return findings;
    const byLocal = new Map<string, number[]>();
    model.ikeConnections.forEach((c, i) => {
      const ip = parseIp(c.local.address)?.address;
      if (ip === undefined) return;
      const list = byLocal.get(ip);
      if (list) list.push(i);
      else byLocal.set(ip, [i]);
    });
    for (const m of movable(model)) {
      const using = byLocal.get(m.address) ?? [];
      const bySignature = new Map<string, { entry: Ike; on: Set<string> }>();
      for (const i of using) {
        const c = model.ikeConnections[i];
        const sig = connectionSignature(c);
        for (const n of m.nodes) {
          if (!c.nodes.includes(n)) continue;
          const seen = bySignature.get(sig);
          if (seen) seen.on.add(n);
          else bySignature.set(sig, { entry: model.ikeEntries[i], on: new Set([n]) });
        }
      }
      for (const { entry, on } of bySignature.values()) {
        const missing = m.nodes.filter((n) => !on.has(n));
        if (missing.length === 0) continue;
        findings.push({
          summary:
            `${m.phrase}, but ${ikeName(entry)} is carried only by ${[...on].join(', ')} ` +
            `(nothing identical on ${missing.join(', ')})`,
          detail:
            `After a move to ${missing.join(', ')} the connection would be missing there: write ` +
            'appliesTo: { relocatableAddress: NAME } so it follows the address, or carry an identical ' +
            `connection on ${missing.join(', ')}.`,
          objects: [m.owner, ikeName(entry), ...m.nodes.map((n) => `Node/${n}`)],
          source: at(entry, 'spec', 'appliesTo'),
          related: [{ source: m.source(), note: 'the address that moves' }],
        });
      }
    }
    return findings;
  },
});
