// The transition rules the safety gate (gate.ts) checks at each step and at the end of
// the simulated plan, one function per rule or family of rules. Pure.
import type { NodeIntent } from '../diff/intent.js';
import { addressKey, sameObject, type NodeObject } from '../diff/objects.js';
import { isKernelManagedAddress, observedObjects, observedXfrmPolicies } from '../diff/observed-objects.js';
import { mergeUnspecified } from '../diff/diff-node.js';
import type { DesiredModel } from '../model/desired.js';
import { contains, hostPart, parseCidr, parseIp } from '../model/ip.js';
import type { ObservedAddress, ObservedNode } from '../observe/model.js';
import type { Change } from '../diff/changes.js';
import type { KernelOp } from './ops.js';
import type { RolloutLimits, Wave } from './schedule.js';
import type { Step } from './step-types.js';

const ipOf = hostPart;

export interface GateInput {
  model: DesiredModel;
  states: ReadonlyMap<string, ObservedNode>;
  intents: ReadonlyMap<string, NodeIntent>;
  changes: readonly Change[];
  waves: readonly Wave[];
  limits: RolloutLimits;
  /** Interfaces observed failed over, by node: no step may touch them (TR003). */
  frozen?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The CIDRs a node holds, with the interface of each, leaving out what the kernel manages. */
export function addressSet(state: ObservedNode): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of state.addresses) if (!isKernelManagedAddress(a.interface, a.cidr)) m.set(a.cidr, a.interface);
  return m;
}

/** addressSet(state).size > 0, without building the set: asked of every node of a fleet. */
export function holdsAddress(state: ObservedNode): boolean {
  return state.addresses.some((a) => !isKernelManagedAddress(a.interface, a.cidr));
}

/**
 * TR005: the addresses tandem reaches each node by, as canonical IP -> what it is: the
 * management address and, over ssh, connection.host when it is an IP address. By IP:
 * removing it with another prefix length removes it all the same.
 */
export function waysIn(model: DesiredModel): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const n of model.nodes) {
    const ips = new Map<string, string>();
    const { connection, management } = n.doc.spec;
    const host = connection.transport === 'ssh' && connection.host !== undefined ? parseIp(connection.host) : null;
    if (host) ips.set(host.address, `the address tandem reaches ${n.name} by (connection.host)`);
    const mgmt = management === undefined ? null : parseCidr(management);
    if (mgmt) ips.set(mgmt.address, `the management address of ${n.name}`);
    if (ips.size > 0) out.set(n.name, ips);
  }
  return out;
}

/** The interface a kernel op writes to, if it writes to one. */
export function opInterface(op: KernelOp): string | undefined {
  switch (op.op) {
    case 'route-replace':
    case 'route-del':
      return op.dev;
    case 'xfrm-policy-update':
    case 'xfrm-policy-del':
    case 'sysctl-set':
      return undefined;
    default:
      return op.iface;
  }
}

/**
 * TR009: a node that held addresses never ends the plan with none. That is what an
 * empty or half-read desired state looks like, and never what anyone meant. Every
 * address tandem manages on a node may go while another stays: a switchover away from
 * a node whose only tandem-owned address is the one moving is an everyday plan.
 */
export function checkNotEmptied(input: GateInput, finals: ReadonlyMap<string, ObservedNode>, refuse: Refuse): void {
  for (const [node, start] of input.states) {
    const end = finals.get(node);
    if (!end || !holdsAddress(start) || holdsAddress(end)) continue;
    refuse(
      'TR009',
      undefined,
      [`Node/${node}`],
      `the plan would leave ${node} without a single address (it has ${addressSet(start).size}); ` +
        'an empty desired state is never read as "remove everything"',
    );
  }
}

export type Refuse = (ruleId: string, step: Step | undefined, objects: string[], explanation: string) => void;

export function checkRolloutGroups(input: GateInput, refuse: Refuse): void {
  for (const wave of input.waves) {
    const nodes = new Set(wave.steps.map((s) => s.node));
    for (const g of input.limits.groups) {
      if (g.length >= 2 && g.every((n) => nodes.has(n))) {
        refuse(
          'TR008',
          undefined,
          g,
          `wave ${wave.index} changes ${g.join(' and ')} together; a failed wave would leave nothing to fail over to`,
        );
      }
    }
  }
}

/** IPsec policies desired on the node whose selector covers the address (TR002). */
// A node's desired IPsec policies, listed once: every address a step adds is checked
// against them, and the intent of a busy node holds thousands of other objects.
const policyCache = new WeakMap<NodeIntent, NodeObject[]>();
function policiesOf(intent: NodeIntent | undefined): NodeObject[] {
  if (!intent) return [];
  let list = policyCache.get(intent);
  if (!list) policyCache.set(intent, (list = [...intent.values()].filter((o) => o.kind === 'xfrm')));
  return list;
}

function coveringPolicies(intent: NodeIntent | undefined, ip: string): NodeObject[] {
  const out: NodeObject[] = [];
  for (const o of policiesOf(intent)) {
    if (o.kind !== 'xfrm') continue;
    const src = parseCidr(o.policy.selector.src);
    const dst = parseCidr(o.policy.selector.dst);
    if ((src && contains(src, ip)) || (dst && contains(dst, ip))) out.push(o);
  }
  return out;
}

export function checkPolicyBeforeAddress(
  input: GateInput,
  step: Step,
  cidr: string,
  state: ObservedNode,
  refuse: Refuse,
): void {
  const wanted = coveringPolicies(input.intents.get(step.node), ipOf(cidr));
  if (wanted.length === 0) return;
  const present = observedXfrmPolicies(state);
  for (const p of wanted) {
    const have = present.get(p.key);
    if (!have || !sameObject(have, p)) {
      refuse(
        'TR002',
        step,
        [cidr, step.node, p.key],
        `${step.id} brings ${cidr} up on ${step.node} before the IPsec policy ${p.key} that covers it is in place`,
      );
    }
  }
}

export function checkPolicyAfterAddress(
  input: GateInput,
  step: Step,
  selector: { src: string; dst: string },
  state: ObservedNode,
  refuse: Refuse,
): void {
  const src = parseCidr(selector.src);
  const dst = parseCidr(selector.dst);
  const relocatable = relocatableIpsOf(input.model);
  for (const a of state.addresses) {
    const ip = ipOf(a.cidr);
    if (!relocatable.has(ip)) continue;
    if ((src && contains(src, ip)) || (dst && contains(dst, ip))) {
      const stays = input.intents.get(step.node)?.get(addressKey(a.cidr));
      if (!stays)
        refuse(
          'TR002',
          step,
          [a.cidr, step.node],
          `${step.id} removes the IPsec policy ${selector.src} -> ${selector.dst} from ${step.node} ` +
            `while ${a.cidr} is still there`,
        );
    }
  }
}

export function checkCollateral(
  input: GateInput,
  step: Step,
  lost: ReadonlyMap<string, string>,
  removedHere: Set<string>,
  refuse: Refuse,
): void {
  const intent = input.intents.get(step.node);
  for (const [cidr, iface] of lost) {
    if (removedHere.has(cidr)) continue;
    const want = intent?.get(addressKey(cidr));
    if (want?.kind === 'address' && want.iface === iface) {
      refuse(
        'TR007',
        step,
        [cidr, step.node],
        `${step.id} also removes ${cidr} from ${step.node}/${iface} ` +
          '(a secondary deleted with its primary) although it must stay',
      );
    }
  }
}

export function checkRelocatableBase(
  input: GateInput,
  step: Step,
  before: ObservedNode,
  after: ObservedNode,
  removed: readonly ObservedAddress[],
  refuse: Refuse,
): void {
  const relocatableIps = relocatableIpsOf(input.model);
  // A relocatable address loses its base only when the step removes a base candidate
  // of its interface and subnet: only those subnets are looked at, so the steps that
  // remove nothing (most of them) cost nothing here, however big the node.
  const touched = new Map<string, Set<string | undefined>>();
  for (const a of removed) {
    if (relocatableIps.has(ipOf(a.cidr))) continue;
    const nets = touched.get(a.interface) ?? new Set();
    touched.set(a.interface, nets.add(parseCidr(a.cidr)?.network));
  }
  if (touched.size === 0) return;
  const intent = input.intents.get(step.node);
  const relocatableOn = after.addresses.filter((a) => {
    if (!touched.get(a.interface)?.has(parseCidr(a.cidr)?.network)) return false;
    const want = intent?.get(addressKey(a.cidr));
    return want?.kind === 'address' && want.relocatable;
  });
  for (const r of relocatableOn) {
    const net = parseCidr(r.cidr)?.network;
    const base = (s: ObservedNode) =>
      s.addresses.some(
        (a) =>
          a.interface === r.interface &&
          a.cidr !== r.cidr &&
          !relocatableIps.has(ipOf(a.cidr)) &&
          parseCidr(a.cidr)?.network === net,
      );
    if (base(before) && !base(after)) {
      refuse(
        'TR006',
        step,
        [r.cidr, `${step.node}/${r.interface}`],
        `${step.id} removes the last base address of ${net} on ${step.node}/${r.interface}, ` +
          `which relocatable ${r.cidr} depends on`,
      );
    }
  }
}

const relocatableCache = new WeakMap<DesiredModel, Set<string>>();
function relocatableIpsOf(model: DesiredModel): Set<string> {
  let set = relocatableCache.get(model);
  if (!set)
    relocatableCache.set(
      model,
      (set = new Set(model.relocatables.map((r) => ipOf(parseCidr(r.doc.spec.address)!.cidr)))),
    );
  return set;
}

export function checkConvergence(input: GateInput, states: ReadonlyMap<string, ObservedNode>, refuse: Refuse): void {
  const finals = new Map<string, ReadonlyMap<string, NodeObject>>();
  const finalOf = (node: string) => {
    if (!finals.has(node)) finals.set(node, observedObjects(states.get(node)!));
    return finals.get(node)!;
  };
  for (const c of input.changes) {
    if (!states.has(c.node) || c.kind === 'mirror') continue; // mirrors live in the inventory, written by apply
    const have = finalOf(c.node).get(c.key);
    // A subnet route's source is never removed, only given back to the primary.
    const gone = !have || (have.kind === 'source' && have.src === have.primary);
    const ok = c.after ? !!have && sameObject(have, mergeUnspecified(have, c.after)) : gone;
    if (!ok)
      refuse(
        'TR012',
        undefined,
        [c.id],
        `after the simulated plan, ${c.id} is not as desired (${c.action} did not take effect): ` +
          'the plan would not converge',
      );
  }
  // Nothing desired that was already right may be lost on the way (a route or an
  // address the kernel removes as a side effect and nobody puts back).
  const touched = new Set(input.waves.flatMap((w) => w.steps.map((s) => s.node)));
  for (const node of touched) {
    const start = input.states.get(node);
    if (!start || !states.has(node)) continue;
    const before = observedObjects(start);
    const after = finalOf(node);
    for (const [key, want] of input.intents.get(node) ?? []) {
      if (want.kind === 'mirror') continue;
      const was = before.get(key);
      if (!was || !sameObject(was, mergeUnspecified(was, want))) continue;
      const now = after.get(key);
      if (!now || !sameObject(now, mergeUnspecified(now, want))) {
        refuse(
          'TR012',
          undefined,
          [`${node}:${key}`],
          `${node}:${key} is as desired now but would be lost by the plan (a side effect of another step)`,
        );
      }
    }
  }
}
