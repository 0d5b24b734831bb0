// Interface selection: which interface of a node carries which subnet. The kernel routes
// a subnet through the interface whose address came up first, so one subnet on two
// interfaces of a node is a routing conflict (seed 004: "routing conflict (same subnet,
// different interfaces)"; "both must go on the same interface") and, without failover,
// the link-pulse trap of seed 002. Segments tie interfaces and subnets to the physical
// network (seed 004: the backup interface must be on the same physical network).
import {
  at,
  findInterface,
  type DesiredModel,
  type Entry,
  type InterfaceRef,
  type StaticAddressRef,
} from '../../model/desired.js';
import type { Interface, Placement, RelocatableAddressDocument } from '../../model/generated/desired.js';
import { parseCidr, prefixWithin, PrefixIndex, type Indexed, type ParsedCidr } from '../../model/ip.js';
import type { SourcePos } from '../../diagnostics.js';
import { defineRule, type Finding } from './rule.js';
import { relocatableCidrs } from './util-addresses.js';
import { didYouMean } from '../suggest.js';

/** The value kept under `key`, created on first use. */
function kept<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = create()));
  return value;
}

const newMap = <K, V>() => new Map<K, V>();
const newList = <T>(): T[] => [];

/**
 * The list kept for one group (node, interface, subnet), created empty on first use.
 * Nested maps on the strings the model already holds: no key is built per address.
 */
function groupOf<T>(
  groups: Map<string, Map<string, Map<string, T[]>>>,
  node: string,
  iface: string,
  subnet: string,
): T[] {
  return kept(
    kept(kept(groups, node, newMap<string, Map<string, T[]>>), iface, newMap<string, T[]>),
    subnet,
    newList<T>,
  );
}

const staticMemo = new WeakMap<DesiredModel, Map<string, PrefixIndex<number>>>();
const placementMemo = new WeakMap<DesiredModel, PlacementRef[]>();

/**
 * Static addresses of each node on non-loopback interfaces (a loopback address is
 * node-local and routes nothing onto a segment). Values index model.staticAddresses.
 * Only the first address of each subnet (network and prefix) on each interface is
 * indexed: the others overlap exactly the same prefixes, on the same interface, and come
 * later, so no rule's answer changes, and a node with thousands of addresses in one
 * subnet costs one entry per subnet, not a quadratic scan (SEL001, SEL003, SEL007).
 */
function staticIndexByNode(model: DesiredModel): Map<string, PrefixIndex<number>> {
  let byNode = staticMemo.get(model);
  if (byNode) return byNode;
  byNode = new Map();
  const indexed = new Map<string, Map<string, Map<string, number[]>>>();
  model.staticAddresses.forEach((a, i) => {
    if (a.iface.type === 'loopback') return;
    const group = groupOf(indexed, a.node.name, a.iface.name, a.cidr.network);
    if (group.length > 0) return;
    group.push(i);
    let index = byNode.get(a.node.name);
    if (!index) byNode.set(a.node.name, (index = new PrefixIndex()));
    index.add(a.cidr, i);
  });
  staticMemo.set(model, byNode);
  return byNode;
}

interface PlacementRef {
  reloc: Entry<RelocatableAddressDocument>;
  cidr: ParsedCidr;
  placement: Placement;
  /** Index in spec.placements. */
  i: number;
  ref: InterfaceRef;
}

/** Each relocatable placement whose node and interface exist, with the parsed address. */
function placements(model: DesiredModel): PlacementRef[] {
  let list = placementMemo.get(model);
  if (list) return list;
  list = [];
  for (const [reloc, cidr] of relocatableCidrs(model)) {
    const all = reloc.doc.spec.placements;
    for (let i = 0; i < all.length; i++) {
      const placement = all[i];
      const ref = findInterface(model, placement.node, placement.interface);
      if (ref) list.push({ reloc, cidr, placement, i, ref });
    }
  }
  placementMemo.set(model, list);
  return list;
}

export const relocatableUsesSubnetInterface = defineRule({
  id: 'SEL001',
  severity: 'error',
  title: 'A relocatable address placed on a node uses the interface that carries its subnet there',
  rationale:
    'With one subnet on two interfaces the kernel keeps routing through the first one; ' +
    'the address would be unreachable or answer from the wrong link.',
  reference:
    'LifeKeeper for Linux, IP Recovery Kit (IP Recovery Kit: "If another address on the same ' +
    'subnet is in-service on any interface, ' +
    'then the IP resource must be configured on that interface"; ' +
    '"routing conflict (same subnet, different interfaces)"); NonStop CIP manual',
  check(model) {
    const findings: Finding[] = [];
    const statics = staticIndexByNode(model);
    for (const { reloc, cidr, placement: p, i } of placements(model)) {
      const index = statics.get(p.node);
      // The first static address of the subnet on the node, unless one is on the placement's interface.
      const first = index?.firstOverlapping(cidr);
      if (!first) continue;
      const onInterface = (e: Indexed<number>) => model.staticAddresses[e.value].iface.name === p.interface;
      // The first is usually on the placement's interface already: no second lookup then.
      if (onInterface(first) || index!.firstOverlapping(cidr, onInterface)) continue;
      const h = model.staticAddresses[first.value];
      findings.push({
        summary:
          `RelocatableAddress/${reloc.name}: placement on Node/${p.node} uses interface ${p.interface}, ` +
          `but ${cidr.network} is on interface ${h.iface.name} there (${h.text})`,
        detail: `Place the address on ${h.iface.name}, or move it to a subnet of its own.`,
        objects: [
          `RelocatableAddress/${reloc.name}`,
          `Node/${p.node}`,
          `${p.node}/${p.interface}`,
          `${p.node}/${h.iface.name}`,
        ],
        source: at(reloc, 'spec', 'placements', i, 'interface'),
        related: [
          {
            source: at(h.node, 'spec', 'interfaces', h.index, 'addresses', h.addressIndex),
            note: `${h.text} on ${p.node}/${h.iface.name}`,
          },
        ],
      });
    }
    return findings;
  },
});

/** An address on one interface: static, or a relocatable placed there. */
interface OnInterface {
  label: string;
  object: string;
  cidr: ParsedCidr;
  /** Located only when reported: locating every address would dominate the run time. */
  source: () => SourcePos;
}

export const samePrefixPerSubnet = defineRule({
  id: 'SEL002',
  severity: 'warning',
  title: 'Addresses of one subnet on one interface have the same prefix length',
  rationale:
    'Different prefix lengths add overlapping routes through one interface; ' +
    'the longer one wins for part of the subnet, and removing one address changes where the rest is routed.',
  reference:
    'LifeKeeper for Linux, IP Recovery Kit (the netmask "determines the subnet ... and should ' +
    'be consistent with the network configuration")',
  check(model) {
    const findings: Finding[] = [];
    // Per node and interface, the first entry of each subnet (network and prefix): a
    // later one of the same subnet is never the first with another prefix length. An
    // entry is described (label, object, position) only when it is indexed or reported.
    const byIface = new Map<string, Map<string, PrefixIndex<OnInterface>>>();
    const newIndex = () => new PrefixIndex<OnInterface>();
    const differentPrefix = (cidr: ParsedCidr) => (o: Indexed<OnInterface>) => o.cidr.prefix !== cidr.prefix;
    const visit = (node: string, iface: string, cidr: ParsedCidr, describe: () => OnInterface) => {
      const index = kept(kept(byIface, node, newMap<string, PrefixIndex<OnInterface>>), iface, newIndex);
      const other = index.firstOverlapping(cidr, differentPrefix(cidr));
      let entry: OnInterface | undefined;
      if (!index.hasNetwork(cidr)) index.add(cidr, (entry = describe()));
      if (!other) return;
      entry ??= describe();
      const key = `${node}/${iface}`;
      findings.push({
        summary:
          `Node/${node}: interface ${iface} carries ${entry.label} ` +
          `and ${other.value.label} on one subnet with different prefix lengths`,
        detail: 'Use one prefix length for every address of the subnet.',
        objects: [`Node/${node}`, key, ...new Set([entry.object, other.value.object].filter((o) => o !== key))],
        source: entry.source(),
        related: [{ source: other.value.source(), note: other.value.label }],
      });
    };
    for (const a of model.staticAddresses) {
      visit(a.node.name, a.iface.name, a.cidr, () => ({
        label: a.cidr.cidr,
        object: `${a.node.name}/${a.iface.name}`,
        cidr: a.cidr,
        source: () => at(a.node, 'spec', 'interfaces', a.index, 'addresses', a.addressIndex),
      }));
    }
    for (const { reloc, cidr, placement: p } of placements(model)) {
      const describe = () => ({
        label: `${cidr.cidr} (RelocatableAddress/${reloc.name})`,
        object: `RelocatableAddress/${reloc.name}`,
        cidr,
        source: () => at(reloc, 'spec', 'address'),
      });
      visit(p.node, p.interface, cidr, describe);
      if (p.backupInterface && p.backupInterface !== p.interface && findInterface(model, p.node, p.backupInterface)) {
        visit(p.node, p.backupInterface, cidr, describe);
      }
    }
    return findings;
  },
});

/** The link-pulse trap is avoided when either interface is held down or both fail over. */
function trapAvoided(a: Interface, b: Interface): boolean {
  return a.state === 'down' || b.state === 'down' || (a.failover !== undefined && b.failover !== undefined);
}

export const oneSubnetOneInterface = defineRule({
  id: 'SEL003',
  severity: 'warning',
  title: 'Two interfaces of one node on one subnet both have failover (or one is held down)',
  rationale:
    'With the same subnet route on two interfaces, the one that came up first carries all ' +
    'traffic and keeps doing so after it loses link pulse: the subnet becomes unreachable.',
  reference:
    'NonStop CIP manual (Avoiding Interfaces With Link Pulse Down: ' +
    '"either have the interface configured for failover or take the interface down (ifstop)")',
  check(model) {
    const findings: Finding[] = [];
    const statics = staticIndexByNode(model);
    const reported = new Set<string>();
    model.staticAddresses.forEach((a, i) => {
      if (a.iface.type === 'loopback') return;
      for (const { value: j } of statics.get(a.node.name)?.overlapping(a.cidr) ?? []) {
        const b = model.staticAddresses[j];
        if (j >= i || b.iface.name === a.iface.name || trapAvoided(a.iface, b.iface)) continue;
        const pair = `${a.node.name}/${[a.iface.name, b.iface.name].sort().join('/')}`;
        if (reported.has(pair)) continue;
        reported.add(pair);
        findings.push({
          summary:
            `Node/${a.node.name}: interfaces ${b.iface.name} ` +
            `and ${a.iface.name} are both on ${b.cidr.network} without failover`,
          detail:
            'Configure failover on both interfaces, hold one of them down, or move one address to another subnet.',
          objects: [`Node/${a.node.name}`, `${a.node.name}/${b.iface.name}`, `${a.node.name}/${a.iface.name}`],
          source: at(a.node, 'spec', 'interfaces', a.index, 'addresses', a.addressIndex),
          related: [
            {
              source: at(b.node, 'spec', 'interfaces', b.index, 'addresses', b.addressIndex),
              note: `${b.text} on ${b.iface.name}`,
            },
          ],
        });
      }
    });
    return findings;
  },
});

export const segmentExists = defineRule({
  id: 'SEL004',
  severity: 'error',
  title: "An interface's segment is one of the Cluster's segments",
  rationale:
    'The segment says which physical network the interface is cabled to; ' +
    'a dangling name disables the checks that rely on it.',
  reference:
    'docs/decisions.md (Desired-state format); LifeKeeper for Linux, IP Recovery Kit (backup ' +
    'interface on the same physical network)',
  check(model) {
    const findings: Finding[] = [];
    const known = [...model.segmentByName.keys()].join(', ') || 'none';
    for (const node of model.nodes) {
      node.doc.spec.interfaces.forEach((iface, i) => {
        if (iface.segment === undefined || model.segmentByName.has(iface.segment)) return;
        findings.push({
          summary:
            `Node/${node.name}: interface ${iface.name} names segment ${iface.segment}, ` +
            'which the Cluster does not define',
          detail:
            `${didYouMean(iface.segment, model.segmentByName.keys())}` +
            `Use one of the Cluster's segments (${known}) or add ${iface.segment} to the Cluster.`,
          objects: [`Node/${node.name}`, `${node.name}/${iface.name}`, `Segment/${iface.segment}`],
          source: at(node, 'spec', 'interfaces', i, 'segment'),
          related: model.cluster
            ? [{ source: at(model.cluster, 'spec', 'segments'), note: `segments of Cluster/${model.cluster.name}` }]
            : [],
        });
      });
    }
    return findings;
  },
});

/** Parsed subnets of each segment. */
function segmentSubnets(model: DesiredModel): Map<string, ParsedCidr[]> {
  const out = new Map<string, ParsedCidr[]>();
  for (const [name, segment] of model.segmentByName) {
    out.set(
      name,
      segment.subnets.map(parseCidr).filter((c): c is ParsedCidr => c !== null),
    );
  }
  return out;
}

function subnetList(segment: string, model: DesiredModel): string {
  return model.segmentByName.get(segment)?.subnets.join(', ') ?? '';
}

export const staticInSegment = defineRule({
  id: 'SEL005',
  severity: 'warning',
  title: "A static address of an interface with a segment lies within one of that segment's subnets",
  rationale:
    'An address outside the subnets of its physical network is unreachable there, ' +
    'or the segment or cabling is declared wrong.',
  reference:
    'LifeKeeper for Linux, IP Recovery Kit ("you must determine the physical network for the ' +
    'resource and select the address appropriately")',
  check(model) {
    const findings: Finding[] = [];
    const subnets = segmentSubnets(model);
    for (const a of model.staticAddresses) {
      if (a.iface.segment === undefined) continue;
      const list = subnets.get(a.iface.segment);
      if (!list || list.some((s) => prefixWithin(a.cidr, s))) continue;
      findings.push(outsideSegment(model, a, a.iface.segment));
    }
    return findings;
  },
});

function outsideSegment(model: DesiredModel, a: StaticAddressRef, segment: string): Finding {
  return {
    summary:
      `Node/${a.node.name}: interface ${a.iface.name} address ${a.text} ` +
      `is not within segment ${segment} (${subnetList(segment, model)})`,
    detail: `Correct the address or its prefix, the interface's segment, or add the subnet to segment ${segment}.`,
    objects: [`Node/${a.node.name}`, `${a.node.name}/${a.iface.name}`, `Segment/${segment}`],
    source: at(a.node, 'spec', 'interfaces', a.index, 'addresses', a.addressIndex),
    related: [
      {
        source: at(a.node, 'spec', 'interfaces', a.index, 'segment'),
        note: `segment of ${a.node.name}/${a.iface.name}`,
      },
    ],
  };
}

export const placementInSegment = defineRule({
  id: 'SEL006',
  severity: 'warning',
  title: "A relocatable address's placement interface has a segment",
  rationale:
    'Without a segment the physical network the address is placed on is unknown: ' +
    'that its subnet is carried there, and that backup interfaces share the network, cannot be checked.',
  reference:
    'LifeKeeper for Linux, IP Recovery Kit ("you must determine the physical network for the ' +
    'resource and select the address appropriately")',
  check(model) {
    const findings: Finding[] = [];
    const all = [...segmentSubnets(model).values()].flat();
    for (const { reloc, cidr, placement: p, i, ref } of placements(model)) {
      // Outside every segment subnet of the cluster is SEL008.
      if (ref.iface.segment !== undefined || !all.some((s) => prefixWithin(cidr, s))) continue;
      findings.push({
        summary: `RelocatableAddress/${reloc.name}: placement interface ${p.node}/${p.interface} has no segment`,
        detail: `Set the segment of ${p.node}/${p.interface} to the physical network that carries ${cidr.network}.`,
        objects: [`RelocatableAddress/${reloc.name}`, `Node/${p.node}`, `${p.node}/${p.interface}`],
        source: at(reloc, 'spec', 'placements', i, 'interface'),
        related: [{ source: at(ref.node, 'spec', 'interfaces', ref.index), note: `${p.node}/${p.interface}` }],
      });
    }
    return findings;
  },
});

export const placementSubnetOnSegment = defineRule({
  id: 'SEL008',
  severity: 'error',
  title:
    "A relocatable address lies within a subnet of its placement interface's segment " +
    '(of some segment of the cluster when the interface has none)',
  rationale:
    'Brought up outside every subnet of the physical network it is cabled to, the address is unreachable: ' +
    'the plan would apply it and report success for an address nobody can use.',
  reference:
    'LifeKeeper for Linux, IP Recovery Kit ("you must determine the physical network for the ' +
    'resource and select the address appropriately")',
  check(model) {
    const findings: Finding[] = [];
    const subnets = segmentSubnets(model);
    const all = [...subnets.values()].flat();
    for (const { reloc, cidr, placement: p, i, ref } of placements(model)) {
      const segment = ref.iface.segment;
      if (segment !== undefined && !subnets.has(segment)) continue; // SEL004
      const list = segment === undefined ? all : subnets.get(segment)!;
      if (list.some((s) => prefixWithin(cidr, s))) continue;
      findings.push({
        summary:
          segment === undefined
            ? `RelocatableAddress/${reloc.name}: ${cidr.cidr} is not within any segment subnet of the cluster ` +
              `(placed on ${p.node}/${p.interface}, which has no segment)`
            : `RelocatableAddress/${reloc.name}: ${cidr.cidr} is not within ` +
              `segment ${segment} (${subnetList(segment, model)}) of ${p.node}/${p.interface}`,
        detail:
          segment === undefined
            ? `Add ${cidr.network} to the segment that carries it and set that segment on ${p.node}/${p.interface}, ` +
              'or correct the address.'
            : `Place the address on an interface of a segment carrying ${cidr.network}, ` +
              `add the subnet to segment ${segment}, or correct the address.`,
        objects: [`RelocatableAddress/${reloc.name}`, `Node/${p.node}`, `${p.node}/${p.interface}`],
        source: at(reloc, 'spec', 'placements', i, 'interface'),
        related: [
          { source: at(reloc, 'spec', 'address'), note: `address of RelocatableAddress/${reloc.name}` },
          { source: at(ref.node, 'spec', 'interfaces', ref.index), note: `${p.node}/${p.interface}` },
        ],
      });
    }
    return findings;
  },
});

export const relocatablesShareInterface = defineRule({
  id: 'SEL007',
  severity: 'error',
  title: 'Relocatable addresses of one subnet placed on one node use the same interface',
  rationale:
    'When both are active on the node (after a failover, or active/active) ' +
    'their subnet would be on two interfaces: a routing conflict.',
  reference:
    'LifeKeeper for Linux, IP Recovery Kit (active/active example: addresses on a new subnet "can be configured ' +
    'for either eth0 or eth1. However, both must go on the same interface")',
  check(model) {
    const findings: Finding[] = [];
    const statics = staticIndexByNode(model);
    const byNode = new Map<
      string,
      PrefixIndex<{ reloc: Entry<RelocatableAddressDocument>; iface: string; index: number }>
    >();
    // Per node, interface and subnet (network and prefix), the relocatables indexed: the
    // first two of different addresses are enough to find the first other address of the
    // subnet on another interface, so one busy subnet costs two entries, not a quadratic scan.
    const indexed = new Map<string, Map<string, Map<string, Array<Entry<RelocatableAddressDocument>>>>>();
    for (const { reloc, cidr, placement: p, i } of placements(model)) {
      // Where a static address holds the subnet, SEL001 names the one interface to use.
      if (statics.get(p.node)?.firstOverlapping(cidr)) continue;
      let index = byNode.get(p.node);
      if (!index) byNode.set(p.node, (index = new PrefixIndex()));
      const other = index.firstOverlapping(cidr, (o) => o.value.reloc !== reloc && o.value.iface !== p.interface);
      const group = groupOf(indexed, p.node, p.interface, cidr.network);
      if (group.length < 2 && !group.includes(reloc)) {
        group.push(reloc);
        index.add(cidr, { reloc, iface: p.interface, index: i });
      }
      if (!other) continue;
      findings.push({
        summary:
          `RelocatableAddress/${reloc.name}: placement on Node/${p.node} uses interface ${p.interface}, ` +
          `but RelocatableAddress/${other.value.reloc.name} of the same subnet uses ${other.value.iface} there`,
        detail: `Place both addresses on one interface of ${p.node}.`,
        objects: [
          `RelocatableAddress/${reloc.name}`,
          `RelocatableAddress/${other.value.reloc.name}`,
          `Node/${p.node}`,
          `${p.node}/${p.interface}`,
          `${p.node}/${other.value.iface}`,
        ],
        source: at(reloc, 'spec', 'placements', i, 'interface'),
        related: [
          {
            source: at(other.value.reloc, 'spec', 'placements', other.value.index, 'interface'),
            note: `RelocatableAddress/${other.value.reloc.name} on ${p.node}/${other.value.iface}`,
          },
        ],
      });
    }
    return findings;
  },
});

export const interfaceSelectionRules = [
  relocatableUsesSubnetInterface,
  samePrefixPerSubnet,
  oneSubnetOneInterface,
  segmentExists,
  staticInSegment,
  placementInSegment,
  relocatablesShareInterface,
  placementSubnetOnSegment,
] as const;
