// Addresses: what the kernel and the HA layer refuse or silently get wrong about an
// address value. Network/broadcast addresses and the "unused resource" check come from
// the LifeKeeper IP Recovery Kit (seed 004); the management-address rules protect
// tandem's own way into a node (DESIGN.md section 2: never removed by a plan); the
// failover rule follows seed 001 (every address of a failed interface moves).
// ADDR001 (CIDR syntax) is enforced by the schema and catalogued in input.ts.
import { at, type DesiredModel } from '../../model/desired.js';
import { ipv4Edges, isHostOrLinkScoped, parseCidr, prefixesOverlap, type ParsedCidr } from '../../model/ip.js';
import type { SourcePos } from '../../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { managementCidrs, relocatableCidrs } from './util-addresses.js';

/** One place an address is assigned, for messages and positions. */
interface Assignment {
  kind: 'static' | 'management' | 'relocatable';
  /** Holding node (static and management). */
  node?: string;
  /** Addresses on loopback interfaces stay on their node and are never announced. */
  onLoopback: boolean;
  /** Opens a summary, e.g. "Node/server1: interface eth0 address", "RelocatableAddress/db: address". */
  subject: string;
  /** Names it as the other end, e.g. "Node/server1 interface eth0", "RelocatableAddress/db". */
  label: string;
  objects: string[];
  /** Located only when reported: locating every address would dominate the run time. */
  source: () => SourcePos;
  cidr: ParsedCidr;
}

const assignmentMemo = new WeakMap<DesiredModel, Assignment[]>();

/** Every static, management and relocatable address, in document order. */
function assignments(model: DesiredModel): Assignment[] {
  const memo = assignmentMemo.get(model);
  if (memo) return memo;
  const management = managementCidrs(model);
  const relocatables = relocatableCidrs(model);
  const out: Assignment[] = [];
  for (const a of model.staticAddresses) {
    out.push({
      kind: 'static',
      node: a.node.name,
      onLoopback: a.iface.type === 'loopback',
      subject: `Node/${a.node.name}: interface ${a.iface.name} address`,
      label: `Node/${a.node.name} interface ${a.iface.name}`,
      objects: [`Node/${a.node.name}`, `${a.node.name}/${a.iface.name}`],
      source: () => at(a.node, 'spec', 'interfaces', a.index, 'addresses', a.addressIndex),
      cidr: a.cidr,
    });
  }
  for (const node of model.nodes) {
    const cidr = management.get(node);
    if (cidr) {
      out.push({
        kind: 'management',
        node: node.name,
        onLoopback: false,
        subject: `Node/${node.name}: management address`,
        label: `Node/${node.name} management`,
        objects: [`Node/${node.name}`],
        source: () => at(node, 'spec', 'management'),
        cidr,
      });
    }
  }
  for (const [reloc, cidr] of relocatables) {
    const objects = [`RelocatableAddress/${reloc.name}`];
    out.push({
      kind: 'relocatable',
      onLoopback: false,
      subject: `${objects[0]}: address`,
      label: objects[0],
      objects,
      source: () => at(reloc, 'spec', 'address'),
      cidr,
    });
  }
  assignmentMemo.set(model, out);
  return out;
}

export const notNetworkOrBroadcast = defineRule({
  id: 'ADDR002',
  severity: 'error',
  title: 'An IPv4 address is neither the network nor the broadcast address of its subnet (prefix < 31)',
  rationale:
    'Hosts on the subnet treat those addresses as the subnet itself or as broadcast; ' +
    'an address there is unreachable or floods the segment.',
  reference:
    'seed 004 (IP Recovery Kit: "You are not allowed to protect the subnet address" / ' +
    '"the broadcast address for the subnet"); RFC 919, RFC 3021',
  check(model) {
    const findings: Finding[] = [];
    for (const a of assignments(model)) {
      const edges = ipv4Edges(a.cidr);
      if (!edges) continue;
      const which =
        a.cidr.address === edges.network ? 'network' : a.cidr.address === edges.broadcast ? 'broadcast' : null;
      if (!which) continue;
      findings.push({
        summary: `${a.subject} ${a.cidr.cidr} is the ${which} address of ${a.cidr.network}`,
        detail: `Use a host address inside ${a.cidr.network}, or correct the prefix length.`,
        objects: a.objects,
        source: a.source(),
      });
    }
    return findings;
  },
});

export const addressAssignedOnce = defineRule({
  id: 'ADDR003',
  severity: 'error',
  title: 'No address is assigned twice in the cluster (static, management or relocatable)',
  rationale:
    'Two holders of one address answer ARP/NDP in turn; traffic goes to whichever answered last, ' +
    'and a relocation cannot make the address unique again.',
  reference:
    'seed 004 (IP Recovery Kit "Unused resource": ' +
    'the address is not already assigned to any other IP resource in the cluster)',
  check(model) {
    const findings: Finding[] = [];
    const first = new Map<string, Assignment>();
    // A management address is normally also a static address of the same node: that is
    // one assignment, not two.
    const staticByNode = new Set(model.staticAddresses.map((a) => `${a.node.name}|${a.cidr.address}`));
    for (const a of assignments(model)) {
      // Loopback-interface addresses may repeat across nodes, e.g. a service address on
      // `lo` of every real server behind a director.
      if (a.onLoopback || isHostOrLinkScoped(a.cidr)) continue;
      if (a.kind === 'management' && staticByNode.has(`${a.node}|${a.cidr.address}`)) continue;
      const prev = first.get(a.cidr.address);
      if (!prev) {
        first.set(a.cidr.address, a);
        continue;
      }
      findings.push({
        summary: `${a.subject} ${a.cidr.address} is already assigned to ${prev.label}`,
        detail:
          'An address has one holder in the cluster; choose an unused address or remove one of the two assignments.',
        objects: [...a.objects, ...prev.objects.filter((o) => !a.objects.includes(o))],
        source: a.source(),
        related: [{ source: prev.source(), note: `first assigned to ${prev.label}` }],
      });
    }
    return findings;
  },
});

export const relocatableOffManagement = defineRule({
  id: 'ADDR004',
  severity: 'error',
  title: 'A relocatable address never equals or lies in the management subnet of a node it is placed on',
  rationale:
    'Moving an address in the management subnet adds and removes routes and IPv4 ' +
    "primaries/secondaries there; a move must never risk tandem's own way into the node.",
  reference:
    'DESIGN.md section 2 (a relocatable address never equals or sits inside a management address); ' +
    'seed 004 (moving an address unconfigures the other addresses of its subnet)',
  check(model) {
    const findings: Finding[] = [];
    const management = managementCidrs(model);
    for (const [reloc, cidr] of relocatableCidrs(model)) {
      const seen = new Set<string>();
      for (const p of reloc.doc.spec.placements) {
        if (seen.has(p.node)) continue;
        seen.add(p.node);
        const node = model.nodeByName.get(p.node);
        const mgmt = node && management.get(node);
        if (!node || !mgmt || !prefixesOverlap(cidr, mgmt)) continue;
        const what =
          cidr.address === mgmt.address
            ? 'is the management address'
            : `overlaps the management subnet ${mgmt.network}`;
        findings.push({
          summary: `RelocatableAddress/${reloc.name}: ${cidr.cidr} ${what} of Node/${node.name}`,
          detail:
            'Put relocatable addresses on a subnet of their own, ' +
            'or give the node a management address on a separate network.',
          objects: [`RelocatableAddress/${reloc.name}`, `Node/${node.name}`],
          source: at(reloc, 'spec', 'address'),
          related: [{ source: at(node, 'spec', 'management'), note: `management address of Node/${node.name}` }],
        });
      }
    }
    return findings;
  },
});

export const managementConfigured = defineRule({
  id: 'ADDR005',
  severity: 'warning',
  title: "A node's management address is one of its interface addresses, with the same prefix",
  rationale:
    'Only when tandem knows which interface carries the management address can it ' +
    'keep plans (state down, MTU, enslaving, failover) away from that interface.',
  reference: "DESIGN.md section 2 (a step never removes a node's management address)",
  check(model) {
    const findings: Finding[] = [];
    const byNodeIp = new Map<string, { iface: string; cidr: ParsedCidr }>();
    for (const a of model.staticAddresses) {
      const key = `${a.node.name}|${a.cidr.address}`;
      if (!byNodeIp.has(key)) byNodeIp.set(key, { iface: a.iface.name, cidr: a.cidr });
    }
    for (const [node, mgmt] of managementCidrs(model)) {
      const found = byNodeIp.get(`${node.name}|${mgmt.address}`);
      if (found && found.cidr.prefix === mgmt.prefix) continue;
      findings.push(
        found
          ? {
              summary:
                `Node/${node.name}: management ${mgmt.cidr} is configured ` +
                `on interface ${found.iface} as ${found.cidr.cidr}`,
              detail: `Make the prefix lengths agree (management and interface ${found.iface}).`,
              objects: [`Node/${node.name}`, `${node.name}/${found.iface}`],
              source: at(node, 'spec', 'management'),
            }
          : {
              summary: `Node/${node.name}: management ${mgmt.cidr} is not configured on any interface of the node`,
              detail: 'Add it to the addresses of the interface that carries it, so tandem can protect that interface.',
              objects: [`Node/${node.name}`],
              source: at(node, 'spec', 'management'),
            },
      );
    }
    return findings;
  },
});

export const managementStaysHome = defineRule({
  id: 'ADDR006',
  severity: 'error',
  title: 'The management address is not on an interface with failover',
  rationale:
    'Failover moves every address of the failed interface to the partner node, ' +
    'so the management address would follow it and tandem would reach the wrong node.',
  reference: 'seed 001 (Failover Configuration: IPv4 and IPv6 addresses of the interface are failed over)',
  check(model) {
    const findings: Finding[] = [];
    const management = managementCidrs(model);
    for (const a of model.staticAddresses) {
      const mgmt = management.get(a.node);
      if (!mgmt || !a.iface.failover || a.cidr.address !== mgmt.address) continue;
      findings.push({
        summary:
          `Node/${a.node.name}: management address ${mgmt.address} is on interface ${a.iface.name}, ` +
          `which fails over to ${a.iface.failover.node}/${a.iface.failover.interface}`,
        detail: 'Carry the management address on an interface without failover (a dedicated management interface).',
        objects: [`Node/${a.node.name}`, `${a.node.name}/${a.iface.name}`],
        source: at(a.node, 'spec', 'interfaces', a.index, 'addresses', a.addressIndex),
        related: [
          { source: at(a.node, 'spec', 'management'), note: 'management address' },
          { source: at(a.node, 'spec', 'interfaces', a.index, 'failover'), note: 'failover of the interface' },
        ],
      });
    }
    return findings;
  },
});

export const routeDestinationIsNetwork = defineRule({
  id: 'ADDR007',
  severity: 'error',
  title: 'A route destination is a network prefix (no host bits set)',
  rationale:
    'The kernel rejects such a route ("Invalid prefix for given prefix length"), so the plan would fail half-way.',
  reference: 'Linux ip-route(8) / fib_table_insert',
  check(model) {
    const findings: Finding[] = [];
    for (const node of model.nodes) {
      node.doc.spec.interfaces.forEach((iface, i) => {
        (iface.routes ?? []).forEach((route, j) => {
          if (route.to === 'default') return;
          const cidr = parseCidr(route.to);
          if (!cidr || cidr.network === cidr.cidr) return;
          findings.push({
            summary:
              `Node/${node.name}: route ${route.to} on interface ${iface.name} ` +
              `has host bits set (the network is ${cidr.network})`,
            detail: `Write the destination as ${cidr.network}.`,
            objects: [`Node/${node.name}`, `${node.name}/${iface.name}`],
            source: at(node, 'spec', 'interfaces', i, 'routes', j, 'to'),
          });
        });
      });
    }
    return findings;
  },
});

export const addressRules = [
  notNetworkOrBroadcast,
  addressAssignedOnce,
  relocatableOffManagement,
  managementConfigured,
  managementStaysHome,
  routeDestinationIsNetwork,
] as const;
