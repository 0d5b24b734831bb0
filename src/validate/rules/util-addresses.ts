// Parsed addresses that several rule families read, parsed once per model: parsing an
// IPv6 address through ipaddr.js costs microseconds, and 10,000 relocatable addresses
// are read by a dozen rules.
import type { DesiredModel, Entry } from '../../model/desired.js';
import type { NodeDocument, RelocatableAddressDocument } from '../../model/generated/desired.js';
import { parseCidr, type ParsedCidr } from '../../model/ip.js';

const relocatableMemo = new WeakMap<DesiredModel, Map<Entry<RelocatableAddressDocument>, ParsedCidr>>();
const managementMemo = new WeakMap<DesiredModel, Map<Entry<NodeDocument>, ParsedCidr>>();

/** The parsed address of each relocatable address (absent when it does not parse). */
export function relocatableCidrs(model: DesiredModel): Map<Entry<RelocatableAddressDocument>, ParsedCidr> {
  let map = relocatableMemo.get(model);
  if (!map) {
    map = new Map();
    for (const reloc of model.relocatables) {
      const cidr = parseCidr(reloc.doc.spec.address);
      if (cidr) map.set(reloc, cidr);
    }
    relocatableMemo.set(model, map);
  }
  return map;
}

/** The parsed management address of each node that has one. */
export function managementCidrs(model: DesiredModel): Map<Entry<NodeDocument>, ParsedCidr> {
  let map = managementMemo.get(model);
  if (!map) {
    map = new Map();
    for (const node of model.nodes) {
      const cidr = node.doc.spec.management === undefined ? null : parseCidr(node.doc.spec.management);
      if (cidr) map.set(node, cidr);
    }
    managementMemo.set(model, map);
  }
  return map;
}
