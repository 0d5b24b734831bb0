// IPSEC004, identical policy wherever an address may live. Seed 000: "The IPSec
// configuration is not failed over and must be identical on the home and failover
// CLIMs for addresses that can fail over between them"; seed 001 says the same; seed 003:
// a Serviceguard package address moves to an adoptive node, whose IPsec must protect
// it the same way. An address that can move: a static address of an interface with
// failover (home and failover node) and a relocatable address (every placement node).
import type { SourcePos } from '../../diagnostics.js';
import { at, type DesiredModel } from '../../model/desired.js';
import type { ParsedCidr } from '../../model/ip.js';
import { defineRule, type Finding } from './rule.js';
import { relocatableCidr } from './util-interfaces.js';
import {
  appliesToAt,
  ContainingIndex,
  ipsecName,
  policyNodes,
  policySignature,
  selectorOf,
  type Policy,
} from './util-ipsec.js';

interface MovableAddress {
  /** "Node/clim1: eth2 address 192.0.2.10 can fail over between clim1 and clim2". */
  phrase: string;
  owner: string;
  address: ParsedCidr;
  nodes: string[];
  /** Resolved only for a finding: locating is the costly part. */
  source: () => SourcePos;
  /** How to install a policy wherever this address may live. */
  scopeHint: string;
}

function* movableAddresses(model: DesiredModel): Generator<MovableAddress> {
  for (const s of model.staticAddresses) {
    const target = s.iface.failover;
    if (!target || target.node === s.node.name || !model.nodeByName.has(target.node)) continue;
    yield {
      phrase:
        `Node/${s.node.name}: ${s.iface.name} address ${s.cidr.address} ` +
        `can fail over between ${s.node.name} and ${target.node}`,
      owner: `Node/${s.node.name}`,
      address: s.cidr,
      nodes: [s.node.name, target.node],
      source: () => at(s.node, 'spec', 'interfaces', s.index, 'addresses', s.addressIndex),
      scopeHint: `list both ${s.node.name} and ${target.node} in appliesTo.nodes`,
    };
  }
  for (const r of model.relocatables) {
    const address = relocatableCidr(r);
    if (!address) continue;
    const nodes = [...new Set(r.doc.spec.placements.map((p) => p.node))].filter((n) => model.nodeByName.has(n));
    if (nodes.length < 2) continue;
    yield {
      phrase: `RelocatableAddress/${r.name}: ${address.address} may live on ${nodes.join(', ')}`,
      owner: `RelocatableAddress/${r.name}`,
      address,
      nodes,
      source: () => at(r, 'spec', 'address'),
      scopeHint: `use appliesTo.relocatableAddress: ${r.name}, which follows the placements`,
    };
  }
}

export const policyIdentical = defineRule({
  id: 'IPSEC004',
  severity: 'error',
  title: 'The IPsec policies covering an address that can move are identical on every node it may live on',
  rationale:
    'IPsec configuration does not move with an address: ' +
    'on a node without the same policy the address, after failover, is sent in clear or dropped.',
  reference:
    'NonStop CIP manual "IPSec Configuration" (identical on home and failover CLIMs); ' +
    'HP-UX IPSec guide, Serviceguard appendix (Serviceguard package addresses)',
  check(model) {
    const findings: Finding[] = [];
    const bySource = new ContainingIndex<Policy>();
    const byDestination = new ContainingIndex<Policy>();
    for (const p of model.ipsecPolicies) {
      const sel = selectorOf(p);
      if (!sel) continue;
      bySource.add(sel.source, p);
      byDestination.add(sel.destination, p);
    }
    if (model.ipsecPolicies.length === 0) return findings;
    for (const m of movableAddresses(model)) {
      const host = { ...m.address, prefix: m.address.family === 4 ? 32 : 128 };
      const covering = new Set([...bySource.containing(host), ...byDestination.containing(host)]);
      if (covering.size === 0) continue;
      // Policies with one signature are interchangeable: the same policy may be written
      // once per node, so presence is compared by content, not by name.
      const bySignature = new Map<string, { policy: Policy; on: Set<string> }>();
      for (const p of covering) {
        const installed = policyNodes(model, p);
        const sig = policySignature(p);
        for (const n of m.nodes) {
          if (!installed.has(n)) continue;
          const seen = bySignature.get(sig);
          if (seen) seen.on.add(n);
          else bySignature.set(sig, { policy: p, on: new Set([n]) });
        }
      }
      for (const { policy, on } of bySignature.values()) {
        const missing = m.nodes.filter((n) => !on.has(n));
        if (missing.length === 0) continue;
        findings.push({
          summary:
            `${m.phrase}, but ${ipsecName(policy)} covers it only ` +
            `on ${[...on].join(', ')} (nothing identical on ${missing.join(', ')})`,
          detail:
            `IPsec is not failed over with the address: install ${ipsecName(policy)} ` +
            `on ${missing.join(', ')} as well (${m.scopeHint}), or an identical policy there.`,
          objects: [m.owner, ipsecName(policy), ...m.nodes.map((n) => `Node/${n}`)],
          source: m.source(),
          related: [{ source: appliesToAt(policy), note: `where ${ipsecName(policy)} is installed` }],
        });
      }
    }
    return findings;
  },
});
