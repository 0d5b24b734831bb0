// Permanent neighbour (ARP/NDP) entries and XFRM policies of the sim kernel.
// - `ip neigh replace ... nud permanent` creates or updates the entry of (interface,
//   address); `ip neigh del` of a missing entry fails with ENOENT. Link-layer addresses
//   are stored lower-case with two digits per byte, as `ip -j neigh` prints them.
// - `ip xfrm policy update` adds the policy or replaces the one with the same selector
//   and direction (priority is not part of the identity, as in xfrm_policy_insert); a
//   replaced policy keeps its kernel index. `ip xfrm policy delete` of a missing policy
//   fails with ENOENT. Counters and lifetimes (`ip -s`) are not simulated.
import type { ObservedNeighbor, ObservedXfrmPolicy } from '../observe/model.js';
import type { KernelOp } from '../plan/ops.js';
import { parseIp } from '../model/ip.js';
import { parseAddressArg } from './addresses.js';
import type { Draft } from './draft.js';
import { errors, type KernelError } from './errors.js';

function canonicalLladdr(text: string): string | { error: KernelError } {
  const parts = text.split(':');
  const bad = parts.find((p) => !/^[0-9A-Fa-f]{1,2}$/.test(p));
  if (bad !== undefined || parts.length < 2) return { error: errors.badLladdr(bad ?? text) };
  return parts.map((p) => p.toLowerCase().padStart(2, '0')).join(':');
}

export function neighReplace(d: Draft, op: Extract<KernelOp, { op: 'neigh-replace' }>): KernelError | undefined {
  if (!d.link(op.iface)) return errors.noDevice(op.iface);
  const ip = parseIp(op.address);
  if (!ip) return errors.badAddress(op.address);
  const lladdr = canonicalLladdr(op.lladdr);
  if (typeof lladdr !== 'string') return lladdr.error;
  const entry: ObservedNeighbor = { interface: op.iface, address: ip.address, lladdr, family: ip.family };
  const i = d.neighbors.findIndex((n) => n.interface === op.iface && n.address === ip.address);
  if (i < 0) d.writableNeighbors().push(entry);
  else if (d.neighbors[i].lladdr !== lladdr) d.writableNeighbors()[i] = entry;
  return undefined;
}

export function neighDel(d: Draft, op: Extract<KernelOp, { op: 'neigh-del' }>): KernelError | undefined {
  if (!d.link(op.iface)) return errors.noDevice(op.iface);
  const ip = parseIp(op.address);
  if (!ip) return errors.badAddress(op.address);
  const i = d.neighbors.findIndex((n) => n.interface === op.iface && n.address === ip.address);
  if (i < 0) return errors.noSuchEntry();
  d.writableNeighbors().splice(i, 1);
  return undefined;
}

type Selector = ObservedXfrmPolicy['selector'];

/** The selector as the kernel stores it: canonical prefixes, absent fields left out. */
function canonicalSelector(sel: Selector): Selector | { error: KernelError } {
  const src = parseAddressArg(sel.src);
  if (!src) return { error: errors.badPrefix(sel.src) };
  const dst = parseAddressArg(sel.dst);
  if (!dst) return { error: errors.badPrefix(sel.dst) };
  if (src.family !== dst.family) return { error: errors.familyMismatch(sel.dst) };
  const out: Selector = { ...sel, src: src.network, dst: dst.network };
  if (sel.proto !== undefined) out.proto = sel.proto.toLowerCase();
  for (const key of Object.keys(out) as Array<keyof Selector>) if (out[key] === undefined) delete out[key];
  return out;
}

function sameSelector(a: Selector, b: Selector): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as Array<keyof Selector>);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

const storedCanonical = new WeakMap<Selector, Selector | null>();

/** Whether a stored policy (possibly read from a hand-written snapshot) has this selector. */
function hasSelector(p: ObservedXfrmPolicy, selector: Selector): boolean {
  if (sameSelector(p.selector, selector)) return true;
  let c = storedCanonical.get(p.selector);
  if (c === undefined) {
    const parsed = canonicalSelector(p.selector);
    storedCanonical.set(p.selector, (c = 'error' in parsed ? null : parsed));
  }
  return c !== null && sameSelector(c, selector);
}

const DIR_NUMBER = { in: 0, out: 1, fwd: 2 } as const;

export function xfrmPolicyUpdate(
  d: Draft,
  op: Extract<KernelOp, { op: 'xfrm-policy-update' }>,
): KernelError | undefined {
  const selector = canonicalSelector(op.policy.selector);
  if ('error' in selector) return selector.error;
  if (selector.dev !== undefined && !d.link(selector.dev)) return errors.noDevice(selector.dev);
  const { stats: _counters, index: _index, ...wanted } = op.policy;
  const policies = d.xfrmPolicies;
  const i = policies.findIndex((p) => p.dir === op.policy.dir && hasSelector(p, selector));
  const index = i >= 0 && policies[i].index !== undefined ? policies[i].index : nextIndex(policies, op.policy.dir);
  const policy: ObservedXfrmPolicy = { ...wanted, selector, templates: wanted.templates.map((t) => ({ ...t })), index };
  if (i < 0) d.writableXfrmPolicies().push(policy);
  else if (JSON.stringify(policies[i]) !== JSON.stringify(policy)) d.writableXfrmPolicies()[i] = policy;
  return undefined;
}

/** Kernel-style policy index: a generator stepping by 8 with the direction in the low bits. */
function nextIndex(policies: readonly ObservedXfrmPolicy[], dir: ObservedXfrmPolicy['dir']): number {
  let gen = 0;
  for (const p of policies) if (p.index !== undefined) gen = Math.max(gen, (p.index >>> 3) + 1);
  return gen * 8 + DIR_NUMBER[dir];
}

export function xfrmPolicyDel(d: Draft, op: Extract<KernelOp, { op: 'xfrm-policy-del' }>): KernelError | undefined {
  const selector = canonicalSelector(op.selector);
  if ('error' in selector) return selector.error;
  const i = d.xfrmPolicies.findIndex((p) => p.dir === op.dir && hasSelector(p, selector));
  if (i < 0) return errors.noSuchEntry();
  d.writableXfrmPolicies().splice(i, 1);
  return undefined;
}
