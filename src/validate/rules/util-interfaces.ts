// Lookups over the model that several rule families need: which interface is a bond
// slave, which segment (physical network) an interface is cabled to, and the parsed
// address of a relocatable address. Built once and memoised, so rules stay linear in
// the fleet size and parse each address once.
import { interfaceKey, type DesiredModel, type Entry, type InterfaceRef } from '../../model/desired.js';
import type { Interface, RelocatableAddressDocument } from '../../model/generated/desired.js';
import { parseCidr, prefixWithin, type ParsedCidr } from '../../model/ip.js';

const slaveMaps = new WeakMap<DesiredModel, Map<string, string>>();

/** Map `${node}/${slave}` -> name of the bond that enslaves it (the first bond wins). */
export function bondOfSlave(model: DesiredModel): Map<string, string> {
  let map = slaveMaps.get(model);
  if (map) return map;
  map = new Map();
  for (const node of model.nodes) {
    for (const iface of node.doc.spec.interfaces) {
      if (iface.type !== 'bond' || !iface.bond) continue;
      for (const slave of iface.bond.slaves) {
        const key = interfaceKey(node.name, slave);
        if (!map.has(key)) map.set(key, iface.name);
      }
    }
  }
  slaveMaps.set(model, map);
  return map;
}

/**
 * Why an interface cannot carry failover or relocatable addresses, or undefined when it
 * can: only physical and bond interfaces that are not enslaved to a bond qualify.
 */
export function unfitForAddresses(model: DesiredModel, node: string, iface: Interface): string | undefined {
  const bond = slaveOf(model, node, iface.name);
  if (bond !== undefined) return `a slave of bond ${bond}`;
  if (iface.type !== 'physical' && iface.type !== 'bond') return `a ${iface.type} interface`;
  return undefined;
}

/** Name of the bond that enslaves node/iface, if any. */
export function slaveOf(model: DesiredModel, node: string, iface: string): string | undefined {
  const slaves = bondOfSlave(model);
  // Most fleets have no bond: no key to build for each placement then.
  return slaves.size === 0 ? undefined : slaves.get(interfaceKey(node, iface));
}

const segmentCache = new WeakMap<
  DesiredModel,
  { subnets: Array<{ segment: string; cidr: ParsedCidr }>; byIface: Map<Interface, string | undefined> }
>();

/**
 * The segment an interface is on: its declared `segment`, else the one segment whose
 * subnets hold its static addresses. Undefined when neither tells (no declaration and
 * no address, or addresses on subnets of several segments).
 */
export function segmentOf(model: DesiredModel, ref: Pick<InterfaceRef, 'iface'>): string | undefined {
  let cache = segmentCache.get(model);
  if (!cache) {
    const subnets: Array<{ segment: string; cidr: ParsedCidr }> = [];
    for (const segment of model.cluster?.doc.spec.segments ?? []) {
      for (const text of segment.subnets) {
        const cidr = parseCidr(text);
        if (cidr) subnets.push({ segment: segment.name, cidr });
      }
    }
    cache = { subnets, byIface: new Map() };
    segmentCache.set(model, cache);
  }
  const iface = ref.iface;
  if (iface.segment !== undefined) return iface.segment;
  if (cache.byIface.has(iface)) return cache.byIface.get(iface);
  const found = new Set<string>();
  for (const text of iface.addresses ?? []) {
    const cidr = parseCidr(text);
    if (!cidr) continue;
    const net = parseCidr(cidr.network);
    if (!net) continue;
    for (const s of cache.subnets) if (prefixWithin(net, s.cidr)) found.add(s.segment);
  }
  const segment = found.size === 1 ? [...found][0] : undefined;
  cache.byIface.set(iface, segment);
  return segment;
}

const relocCidrs = new WeakMap<Entry<RelocatableAddressDocument>, ParsedCidr | null>();

/** The parsed address of a relocatable address (null when invalid: the schema reports it). */
export function relocatableCidr(r: Entry<RelocatableAddressDocument>): ParsedCidr | null {
  let cidr = relocCidrs.get(r);
  if (cidr === undefined) relocCidrs.set(r, (cidr = parseCidr(r.doc.spec.address)));
  return cidr;
}
