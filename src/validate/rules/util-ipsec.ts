// Shared views of IPsec policies for the IPsec rule families: where a policy is
// installed, its parsed selector, what makes two policies "identical", and an index
// answering "which selectors contain this prefix" in one map probe per prefix length.
import { at, type DesiredModel, type Entry } from '../../model/desired.js';
import type { IPsecPolicyDocument } from '../../model/generated/desired.js';
import { canonicalIp, networkKeyAt, parseCidr, type ParsedCidr } from '../../model/ip.js';
import type { Family } from '../../observe/model.js';

export type Policy = Entry<IPsecPolicyDocument>;

/**
 * Priority of a policy without one: 0, the kernel's default for an XFRM policy
 * (`ip xfrm policy add` without `priority`), so it wins over every explicit priority.
 */
export const DEFAULT_IPSEC_PRIORITY = 0;

export const ipsecName = (p: Policy) => `IPsecPolicy/${p.name}`;

export const priorityOf = (p: Policy) => p.doc.spec.priority ?? DEFAULT_IPSEC_PRIORITY;

type Selector = { source: ParsedCidr; destination: ParsedCidr; family: Family };
const selectors = new WeakMap<Policy, Selector | null>();

/** Source and destination prefixes, or null when either is invalid or the families differ. */
export function selectorOf(p: Policy): Selector | null {
  let sel = selectors.get(p);
  if (sel !== undefined) return sel;
  const source = parseCidr(p.doc.spec.selector.source);
  const destination = parseCidr(p.doc.spec.selector.destination);
  sel =
    !source || !destination || source.family !== destination.family
      ? null
      : { source: asNetwork(source), destination: asNetwork(destination), family: source.family };
  selectors.set(p, sel);
  return sel;
}

/** The prefix as its network (a selector 192.0.2.7/24 matches all of 192.0.2.0/24). */
function asNetwork(cidr: ParsedCidr): ParsedCidr {
  return cidr.cidr === cidr.network ? cidr : (parseCidr(cidr.network) ?? cidr);
}

const nodeSets = new WeakMap<DesiredModel, Map<Policy, Set<string>>>();

/**
 * Defined nodes the policy is installed on: appliesTo.nodes plus every placement node of
 * appliesTo.relocatableAddress. Undefined names are IPSEC003's business and left out.
 */
export function policyNodes(model: DesiredModel, p: Policy): Set<string> {
  let byPolicy = nodeSets.get(model);
  if (!byPolicy) nodeSets.set(model, (byPolicy = new Map<Policy, Set<string>>()));
  let nodes = byPolicy.get(p);
  if (nodes) return nodes;
  nodes = new Set();
  const { appliesTo } = p.doc.spec;
  for (const n of appliesTo.nodes ?? []) if (model.nodeByName.has(n)) nodes.add(n);
  const reloc =
    appliesTo.relocatableAddress === undefined ? undefined : model.relocatableByName.get(appliesTo.relocatableAddress);
  for (const placement of reloc?.doc.spec.placements ?? []) {
    if (model.nodeByName.has(placement.node)) nodes.add(placement.node);
  }
  byPolicy.set(p, nodes);
  return nodes;
}

/** Where to point at a policy's installation scope. */
export const appliesToAt = (p: Policy) => at(p, 'spec', 'appliesTo');

/**
 * What the kernel sees of a policy, as a comparable string: two policies with the same
 * signature install the same XFRM policies. Name, scope and key reference are left out
 * (key material is resolved per node at apply time).
 */
const signatures = new WeakMap<Policy, string>();

export function policySignature(p: Policy): string {
  let signature = signatures.get(p);
  if (signature === undefined) signatures.set(p, (signature = computeSignature(p)));
  return signature;
}

function computeSignature(p: Policy): string {
  const s = p.doc.spec;
  const sel = selectorOf(p);
  return JSON.stringify([
    sel?.source.cidr ?? s.selector.source,
    sel?.destination.cidr ?? s.selector.destination,
    s.selector.protocol ?? 'any',
    s.selector.sourcePort ?? null,
    s.selector.destinationPort ?? null,
    [...s.directions].sort(),
    actionSignature(p),
    priorityOf(p),
  ]);
}

/** The action with everything that decides what happens to a matched packet. */
export function actionSignature(p: Policy): string {
  const s = p.doc.spec;
  if (s.action !== 'protect') return s.action;
  const tunnel = s.tunnel ? ` ${canonicalIp(s.tunnel.source)}->${canonicalIp(s.tunnel.destination)}` : '';
  return `protect ${s.protocol ?? '?'} ${s.mode ?? '?'} level ${s.level ?? 'required'}${tunnel}`;
}

/** Prefixes indexed by their network, for "which indexed prefixes contain this one". */
export class ContainingIndex<T> {
  readonly #byNetwork = new Map<string, T[]>();
  readonly #lengths: Record<Family, number[]> = { 4: [], 6: [] };

  add(cidr: ParsedCidr, value: T): void {
    const key = networkKeyAt(cidr, cidr.prefix);
    const list = this.#byNetwork.get(key);
    if (list) list.push(value);
    else this.#byNetwork.set(key, [value]);
    if (!this.#lengths[cidr.family].includes(cidr.prefix)) this.#lengths[cidr.family].push(cidr.prefix);
  }

  /** Values whose prefix contains `cidr` (equal or wider), in insertion order per length. */
  containing(cidr: ParsedCidr): T[] {
    const out: T[] = [];
    for (const len of this.#lengths[cidr.family]) {
      if (len > cidr.prefix) continue;
      const hit = this.#byNetwork.get(networkKeyAt(cidr, len));
      if (hit) out.push(...hit);
    }
    return out;
  }
}
