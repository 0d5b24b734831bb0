// The simulated segments: which interfaces of which sim nodes share a physical network,
// so the sim can answer what one kernel alone cannot: "does another node on segment S
// answer for address X?" (the uniqueness check before a relocatable address comes up,
// and IPv6 DAD), and list addresses active on two nodes of one segment.
//
// An address answers on its segment when its link is administratively up and it is not
// tentative or dadfailed (such an address answers neither ARP nor neighbour
// solicitations). A bond with no segment of its own takes the segment of its slaves.
// IPv4 duplicates are allowed by the kernel: they are reported here, never refused.
import type { DesiredModel } from '../model/desired.js';
import { hostPart, parseIp } from '../model/ip.js';
import type { ObservedNode } from '../observe/model.js';
import type { KernelContext } from './addresses.js';
import { byCodePoint } from '../order.js';

export interface SegmentAttachment {
  node: string;
  iface: string;
  segment: string;
}

export interface AddressHolder {
  node: string;
  iface: string;
  cidr: string;
}

export interface DuplicateAddress {
  segment: string;
  address: string;
  holders: AddressHolder[];
}

/** The interfaces of the desired state that name a segment. */
export function attachmentsFromModel(model: DesiredModel): SegmentAttachment[] {
  const out: SegmentAttachment[] = [];
  for (const node of model.nodes) {
    for (const iface of node.doc.spec.interfaces ?? []) {
      if (iface.segment) out.push({ node: node.name, iface: iface.name, segment: iface.segment });
    }
  }
  return out;
}

const key = (a: string, b: string) => `${a}\u0000${b}`;

export class SimNetwork {
  private readonly segments = new Map<string, string>();
  private readonly holdersByAddress = new Map<string, AddressHolder[]>();
  private readonly states = new Map<string, ObservedNode>();

  constructor(
    private readonly attachments: readonly SegmentAttachment[],
    states: Iterable<ObservedNode>,
  ) {
    for (const a of attachments) this.segments.set(key(a.node, a.iface), a.segment);
    for (const s of states) this.states.set(s.node, s);
    for (const s of this.states.values()) this.index(s);
  }

  private index(state: ObservedNode): void {
    const links = new Map(state.links.map((l) => [l.name, l]));
    for (const a of state.addresses) {
      if (!links.get(a.interface)?.adminUp || a.tentative || a.dadfailed) continue;
      const segment = this.segmentOf(state.node, a.interface, state);
      const ip = parseIp(hostPart(a.cidr));
      if (!segment || !ip) continue;
      const k = key(segment, ip.address);
      const list = this.holdersByAddress.get(k);
      const holder = { node: state.node, iface: a.interface, cidr: a.cidr };
      if (list) list.push(holder);
      else this.holdersByAddress.set(k, [holder]);
    }
  }

  /** Segment of a node's interface; a bond without one inherits its slaves'. */
  segmentOf(node: string, iface: string, state = this.states.get(node)): string | undefined {
    const direct = this.segments.get(key(node, iface));
    if (direct || !state) return direct;
    for (const l of state.links) {
      if (l.master !== iface) continue;
      const s = this.segments.get(key(node, l.name));
      if (s) return s;
    }
    return undefined;
  }

  /** Every interface answering for `address` on `segment`. */
  holders(segment: string, address: string): AddressHolder[] {
    const ip = parseIp(address);
    return ip ? (this.holdersByAddress.get(key(segment, ip.address)) ?? []) : [];
  }

  /** Interfaces of nodes other than `node` answering for `address` on the segment of node/iface. */
  inUseElsewhere(node: string, iface: string, address: string): AddressHolder[] {
    const segment = this.segmentOf(node, iface);
    if (!segment) return [];
    return this.holders(segment, address).filter((h) => h.node !== node);
  }

  /** Addresses answered by two or more nodes on one segment, sorted by segment then address. */
  duplicates(): DuplicateAddress[] {
    const out: DuplicateAddress[] = [];
    for (const [k, holders] of this.holdersByAddress) {
      if (new Set(holders.map((h) => h.node)).size < 2) continue;
      const [segment, address] = k.split('\u0000');
      out.push({
        segment,
        address,
        holders: [...holders].sort((a, b) => byCodePoint(a.node, b.node) || byCodePoint(a.iface, b.iface)),
      });
    }
    return out.sort((a, b) => byCodePoint(a.segment, b.segment) || byCodePoint(a.address, b.address));
  }

  /** The same network with one node's state replaced (after an apply). */
  withState(state: ObservedNode): SimNetwork {
    const states = new Map(this.states);
    states.set(state.node, state);
    return new SimNetwork(this.attachments, states.values());
  }

  /** What the kernel of `node` needs to know about its segments (IPv6 DAD). */
  contextFor(node: string): KernelContext {
    return { addressInUseElsewhere: (iface, address) => this.inUseElsewhere(node, iface, address).length > 0 };
  }
}
