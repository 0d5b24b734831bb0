// Addresses: what the kernel and the HA layer refuse or silently get wrong about an
// address value. Network/broadcast addresses and the "unused resource" check come from
// the LifeKeeper IP Recovery Kit (seed 004); the management-address rules protect
// tandem's own way into a node (DESIGN.md section 2: never removed by a plan, and only
// what the interfaces carry is carried out); the failover rule follows seed 001 (every
// address of a failed interface moves); the unicast rule follows the special-purpose
// address RFCs. ADDR001 (CIDR syntax) is enforced by the schema and catalogued in input.ts.
import { at, type DesiredModel, type Entry, type StaticAddressRef } from '../../model/desired.js';
import type { NodeDocument, RelocatableAddressDocument } from '../../model/generated/desired.js';
import {
  ipv4EdgeOf,
  isHostOrLinkScoped,
  nonUnicast,
  parseCidr,
  parseIp,
  prefixesOverlap,
  type ParsedCidr,
} from '../../model/ip.js';
import type { SourcePos } from '../../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { managementCidrs, relocatableCidrs } from './util-addresses.js';

/**
 * One place an address is assigned, for messages and positions. The texts are built only
 * when a rule reports the assignment: building them for every address of a fleet cost
 * more than the rules' checks.
 */
interface Assignment {
  kind: 'static' | 'management' | 'relocatable';
  /** Holding node (static and management). */
  node?: string;
  /** Addresses on loopback interfaces stay on their node and are never announced. */
  onLoopback: boolean;
  /** Opens a summary, e.g. "Node/server1: interface eth0 address", "RelocatableAddress/db: address". */
  readonly subject: string;
  /** Names it as the other end, e.g. "Node/server1 interface eth0", "RelocatableAddress/db". */
  readonly label: string;
  readonly objects: string[];
  /** Located only when reported: locating every address would dominate the run time. */
  source: () => SourcePos;
  cidr: ParsedCidr;
}

class StaticAssignment implements Assignment {
  readonly kind = 'static';
  readonly node: string;
  readonly onLoopback: boolean;
  readonly cidr: ParsedCidr;
  constructor(private readonly a: StaticAddressRef) {
    this.node = a.node.name;
    this.onLoopback = a.iface.type === 'loopback';
    this.cidr = a.cidr;
  }
  get subject() {
    return `Node/${this.a.node.name}: interface ${this.a.iface.name} address`;
  }
  get label() {
    return `Node/${this.a.node.name} interface ${this.a.iface.name}`;
  }
  get objects() {
    return [`Node/${this.a.node.name}`, `${this.a.node.name}/${this.a.iface.name}`];
  }
  source() {
    return at(this.a.node, 'spec', 'interfaces', this.a.index, 'addresses', this.a.addressIndex);
  }
}

class ManagementAssignment implements Assignment {
  readonly kind = 'management';
  readonly node: string;
  readonly onLoopback = false;
  constructor(
    private readonly holder: Entry<NodeDocument>,
    readonly cidr: ParsedCidr,
  ) {
    this.node = holder.name;
  }
  get subject() {
    return `Node/${this.holder.name}: management address`;
  }
  get label() {
    return `Node/${this.holder.name} management`;
  }
  get objects() {
    return [`Node/${this.holder.name}`];
  }
  source() {
    return at(this.holder, 'spec', 'management');
  }
}

class RelocatableAssignment implements Assignment {
  readonly kind = 'relocatable';
  readonly onLoopback = false;
  constructor(
    private readonly reloc: Entry<RelocatableAddressDocument>,
    readonly cidr: ParsedCidr,
  ) {}
  get subject() {
    return `RelocatableAddress/${this.reloc.name}: address`;
  }
  get label() {
    return `RelocatableAddress/${this.reloc.name}`;
  }
  get objects() {
    return [`RelocatableAddress/${this.reloc.name}`];
  }
  source() {
    return at(this.reloc, 'spec', 'address');
  }
}

const assignmentMemo = new WeakMap<DesiredModel, Assignment[]>();

/** Every static, management and relocatable address, in document order. */
function assignments(model: DesiredModel): Assignment[] {
  const memo = assignmentMemo.get(model);
  if (memo) return memo;
  const management = managementCidrs(model);
  const relocatables = relocatableCidrs(model);
  const out: Assignment[] = [];
  for (const a of model.staticAddresses) out.push(new StaticAssignment(a));
  for (const node of model.nodes) {
    const cidr = management.get(node);
    if (cidr) out.push(new ManagementAssignment(node, cidr));
  }
  for (const [reloc, cidr] of relocatables) out.push(new RelocatableAssignment(reloc, cidr));
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
    'LifeKeeper for Linux, IP Recovery Kit (IP Recovery Kit: "You are not allowed to protect the subnet address" / ' +
    '"the broadcast address for the subnet"); RFC 919, RFC 3021',
  check(model) {
    const findings: Finding[] = [];
    for (const a of assignments(model)) {
      const which = ipv4EdgeOf(a.cidr);
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
    'LifeKeeper for Linux, IP Recovery Kit (IP Recovery Kit "Unused resource": ' +
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
    'docs/rules.md (a relocatable address never equals or sits inside a management address); ' +
    'LifeKeeper for Linux, IP Recovery Kit (moving an address unconfigures the other addresses of its subnet)',
  check(model) {
    const findings: Finding[] = [];
    const management = managementCidrs(model);
    for (const [reloc, cidr] of relocatableCidrs(model)) {
      const placements = reloc.doc.spec.placements;
      placements: for (let i = 0; i < placements.length; i++) {
        const p = placements[i];
        // Each node once: an address has a few placements, no set is needed to skip a repeated node.
        for (let j = 0; j < i; j++) if (placements[j].node === p.node) continue placements;
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
  title: "A node's management address is configured on its interface with the same prefix length",
  rationale:
    'With another prefix length on the interface, the management subnet tandem protects is not the one ' +
    'the kernel routes; a later prefix change would remove and re-add the address (refused by TR005).',
  reference: "docs/rules.md (a step never removes a node's management address)",
  check(model) {
    const findings: Finding[] = [];
    const byNodeIp = staticByNodeIp(model);
    for (const [node, mgmt] of managementCidrs(model)) {
      const found = byNodeIp.get(`${node.name}|${mgmt.address}`);
      // Not carried at all is ADDR008.
      if (!found || found.cidr.prefix === mgmt.prefix) continue;
      findings.push({
        summary:
          `Node/${node.name}: management ${mgmt.cidr} is configured ` +
          `on interface ${found.iface.name} as ${found.cidr.cidr}`,
        detail: `Make the prefix lengths agree (management and interface ${found.iface.name}).`,
        objects: [`Node/${node.name}`, `${node.name}/${found.iface.name}`],
        source: at(node, 'spec', 'management'),
      });
    }
    return findings;
  },
});

const staticMemo = new WeakMap<DesiredModel, Map<string, StaticAddressRef>>();

/** The first static address of each node and IP, keyed `${node}|${ip}`. */
function staticByNodeIp(model: DesiredModel): Map<string, StaticAddressRef> {
  let map = staticMemo.get(model);
  if (map) return map;
  map = new Map();
  for (const a of model.staticAddresses) {
    const key = `${a.node.name}|${a.cidr.address}`;
    if (!map.has(key)) map.set(key, a);
  }
  staticMemo.set(model, map);
  return map;
}

export const managementStaysHome = defineRule({
  id: 'ADDR006',
  severity: 'error',
  title: 'The management address is not on an interface with failover',
  rationale:
    'Failover moves every address of the failed interface to the partner node, ' +
    'so the management address would follow it and tandem would reach the wrong node.',
  reference: 'NonStop CIP manual (Failover Configuration: IPv4 and IPv6 addresses of the interface are failed over)',
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

export const reachedByCarriedAddress = defineRule({
  id: 'ADDR008',
  severity: 'error',
  title:
    "A node's management address, and its connection.host when that is an IP address (ssh), " +
    'is an address of one of its interfaces',
  rationale:
    'tandem carries out only what the interfaces say: an address they do not carry is outside the desired ' +
    'state, so no plan adds it, restores it or keeps its interface safe, and yet the plan would report ' +
    'the node as matching the desired state.',
  reference:
    "docs/rules.md (a step never removes a node's management address; tandem reports only what it carries out)",
  check(model) {
    const findings: Finding[] = [];
    const byNodeIp = staticByNodeIp(model);
    for (const node of model.nodes) {
      const carried = (ip: string) => byNodeIp.has(`${node.name}|${ip}`);
      const mgmt = managementCidrs(model).get(node);
      if (mgmt && !carried(mgmt.address)) {
        findings.push({
          summary:
            `Node/${node.name}: management address ${mgmt.address} is not an address of any of its interfaces, ` +
            'so no plan adds or keeps it',
          detail:
            `Add ${mgmt.cidr} to the addresses of the interface that carries it, ` +
            'or change spec.management to an address one of its interfaces carries (see ADDR008 in docs/rules.md).',
          objects: [`Node/${node.name}`],
          source: at(node, 'spec', 'management'),
        });
      }
      const { connection } = node.doc.spec;
      const host = connection.transport === 'ssh' && connection.host !== undefined ? parseIp(connection.host) : null;
      if (host && !carried(host.address) && host.address !== mgmt?.address) {
        findings.push({
          summary:
            `Node/${node.name}: connection.host ${host.address} (the address tandem reaches it by over ssh) ` +
            'is not an address of any of its interfaces, so no plan adds or keeps it',
          detail:
            `Add ${host.address} with its prefix length to the addresses of the interface tandem reaches ` +
            'the node through, or change spec.connection.host (see ADDR008 in docs/rules.md).',
          objects: [`Node/${node.name}`],
          source: at(node, 'spec', 'connection', 'host'),
        });
      }
    }
    return findings;
  },
});

export const unicastAddresses = defineRule({
  id: 'ADDR009',
  severity: 'error',
  title:
    'Interface and relocatable addresses are unicast: not unspecified (0.0.0.0/8, ::), multicast, ' +
    'the limited broadcast, class E, IPv4-mapped, nor loopback outside a loopback interface',
  rationale:
    'No host can hold such an address on a link: the kernel refuses it, or takes it and never answers ' +
    'for it, and a relocatable one could not be checked for uniqueness or announced by gratuitous ARP.',
  reference:
    'RFC 1122 section 3.2.1.3 (addresses a host never takes), RFC 1112 section 4 (class E), ' +
    'RFC 5771 and RFC 4291 section 2.5 (multicast, unspecified, loopback, IPv4-mapped)',
  check(model) {
    const findings: Finding[] = [];
    for (const a of assignments(model)) {
      if (a.kind === 'management') continue; // carried by an interface (ADDR008), checked there
      const bad = nonUnicast(a.cidr);
      if (!bad || (bad.kind === 'loopback' && a.onLoopback)) continue;
      findings.push({
        summary: `${a.subject} ${a.cidr.cidr} is ${bad.description}, not a unicast host address`,
        detail:
          bad.kind === 'loopback'
            ? 'Loopback addresses belong on an interface of type loopback; use a unicast address of the subnet here.'
            : 'Use a unicast address of the subnet the interface is on (see ADDR009 in docs/rules.md).',
        objects: a.objects,
        source: a.source(),
      });
    }
    return findings;
  },
});

export const segmentSubnetIsNetwork = defineRule({
  id: 'ADDR010',
  severity: 'error',
  title: 'A segment subnet is a network prefix (no host bits set)',
  rationale:
    'A subnet written with host bits set (192.0.2.1/24) reads as an address, not a network: ' +
    'the reviewer cannot tell whether the address or the prefix length is the mistake.',
  reference: 'RFC 4632 section 3.1 (prefix notation: no bits set beyond the prefix length)',
  check(model) {
    const findings: Finding[] = [];
    const cluster = model.cluster;
    if (!cluster) return findings;
    cluster.doc.spec.segments.forEach((segment, i) => {
      segment.subnets.forEach((text, j) => {
        const cidr = parseCidr(text);
        if (!cidr || cidr.network === cidr.cidr) return;
        findings.push({
          summary:
            `Cluster/${cluster.name}: segment ${segment.name} subnet ${text} has host bits set ` +
            `(the network is ${cidr.network})`,
          detail: `Write the subnet as ${cidr.network}.`,
          objects: [`Cluster/${cluster.name}`, `Segment/${segment.name}`],
          source: at(cluster, 'spec', 'segments', i, 'subnets', j),
        });
      });
    });
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
  reachedByCarriedAddress,
  unicastAddresses,
  segmentSubnetIsNetwork,
] as const;
