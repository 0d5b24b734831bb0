// The safety gate: simulate the plan wave by wave, step by step, over the observed
// state with the sim kernel model, and check the transition rules at every
// intermediate state. Any breach refuses the whole plan. Pure.
import type { Refusal } from '../diff/index.js';
import type { NodeIntent } from '../diff/intent.js';
import { addressKey, sameObject, type NodeObject } from '../diff/objects.js';
import { isKernelManagedAddress, observedObjects, observedXfrmPolicies } from '../diff/observed-objects.js';
import { mergeUnspecified } from '../diff/diff-node.js';
import type { DesiredModel } from '../model/desired.js';
import { contains, hostPart, parseCidr, parseIp } from '../model/ip.js';
import type { ObservedAddress, ObservedNode } from '../observe/model.js';
import { addressChanges, type AddressChanges } from '../sim/address-changes.js';
import { parseAddressArg } from '../sim/addresses.js';
import { applyOps } from '../sim/kernel.js';
import { cachedCidr } from '../sim/parse-cache.js';
import type { Change } from '../diff/changes.js';
import type { RolloutLimits, Wave } from './schedule.js';
import type { KernelOp } from './ops.js';
import type { Step } from './step-types.js';

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

export interface GateResult {
  refusals: Refusal[];
  finalStates: Map<string, ObservedNode>;
}

const ipOf = hostPart;

function addressSet(state: ObservedNode): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of state.addresses) if (!isKernelManagedAddress(a.interface, a.cidr)) m.set(a.cidr, a.interface);
  return m;
}

/**
 * addressSet(state) of one node as the walk goes, updated from what each step changed
 * (addressChanges) rather than rebuilt: a node with thousands of steps would otherwise
 * be listed again for each of them. Counts, because one CIDR may sit on two interfaces.
 */
class HeldAddresses {
  private readonly cidrs = new Map<string, number>();
  private readonly ips = new Map<string, number>();

  constructor(state: ObservedNode) {
    for (const a of state.addresses) if (!isKernelManagedAddress(a.interface, a.cidr)) this.count(a.cidr, 1);
  }

  has(cidr: string): boolean {
    return this.cidrs.has(cidr);
  }

  holdsIp(ip: string): boolean {
    return this.ips.has(ip);
  }

  /**
   * Applies a step's changes. `lost`: the CIDRs the node no longer holds, in the order
   * addressSet(before) listed them, each with the interface addressSet gave it (its last
   * one); `gained`: the CIDRs it holds now and did not before.
   */
  update(changes: AddressChanges): { lost: Map<string, string>; gained: string[] } {
    const managed = (a: ObservedAddress) => !isKernelManagedAddress(a.interface, a.cidr);
    const removed = changes.removed.filter(managed);
    const added = changes.added.filter(managed);
    const heldBefore = new Set([...removed, ...added].map((a) => a.cidr).filter((c) => this.cidrs.has(c)));
    for (const a of removed) this.count(a.cidr, -1);
    for (const a of added) this.count(a.cidr, 1);
    const lost = new Map<string, string>();
    for (const a of removed) if (!this.cidrs.has(a.cidr)) lost.set(a.cidr, a.interface);
    const gained = [...new Set(added.map((a) => a.cidr))].filter((c) => !heldBefore.has(c));
    return { lost, gained };
  }

  private count(cidr: string, by: 1 | -1): void {
    const n = (this.cidrs.get(cidr) ?? 0) + by;
    if (n > 0) {
      if (!this.cidrs.has(cidr)) this.ips.set(ipOf(cidr), (this.ips.get(ipOf(cidr)) ?? 0) + 1);
      this.cidrs.set(cidr, n);
      return;
    }
    this.cidrs.delete(cidr);
    const ip = ipOf(cidr);
    const m = this.ips.get(ip)! - 1;
    if (m > 0) this.ips.set(ip, m);
    else this.ips.delete(ip);
  }
}

const onlyAdds = (step: Step) => step.ops.every((op) => op.op === 'addr-add');

export function gate(input: GateInput): GateResult {
  const refusals: Refusal[] = [];
  const states = new Map(input.states);
  const refuse = (ruleId: string, step: Step | undefined, objects: string[], explanation: string) =>
    refusals.push({ ruleId, objects, ...(step ? { step: step.id } : {}), explanation });

  // Where each IP is held right now, across the simulated cluster.
  const holders = new Map<string, Set<string>>();
  for (const [node, state] of states) {
    for (const cidr of addressSet(state).keys()) {
      const ip = ipOf(cidr);
      holders.set(ip, (holders.get(ip) ?? new Set()).add(node));
    }
  }
  // addressSet of each stepped node's current state, kept up to date step by step.
  const held = new Map<string, HeldAddresses>();
  const wayIn = waysIn(input.model);

  checkRolloutGroups(input, refuse);

  /** One step through the sim and the transition rules. */
  const gateStep = (step: Step): void => {
    const before = states.get(step.node);
    if (!before) {
      refuse(
        'TR012',
        step,
        [step.node],
        `${step.id}: node ${step.node} was not observed, nothing can be applied to it`,
      );
      return;
    }
    const removedHere = new Set<string>();
    let heldBefore = held.get(step.node);
    if (!heldBefore) held.set(step.node, (heldBefore = new HeldAddresses(before)));
    const frozen = input.frozen?.get(step.node);
    for (const op of step.ops) {
      const iface = opInterface(op);
      if (iface !== undefined && frozen?.has(iface)) {
        refuse(
          'TR003',
          step,
          [`${step.node}/${iface}`],
          `${step.id} changes ${step.node}/${iface}, which is failed over: its changes wait until it is restored`,
        );
      }
      if (op.op === 'addr-del') {
        removedHere.add(op.cidr);
        const what = wayIn.get(step.node)?.get(parseIp(ipOf(op.cidr))?.address ?? ipOf(op.cidr));
        if (what) refuse('TR005', step, [`Node/${step.node}`], `${step.id} would remove ${op.cidr}, ${what}`);
      }
      // Re-adding what this node held when the step began (a secondary restored after its
      // primary was removed) adds no holder.
      if (op.op === 'addr-add' && !heldBefore.has(op.cidr)) {
        const ip = ipOf(op.cidr);
        const elsewhere = [...(holders.get(ip) ?? [])].filter((n) => n !== step.node);
        if (elsewhere.length > 0) {
          refuse(
            'TR001',
            step,
            [op.cidr, step.node, ...elsewhere],
            `${step.id} would bring ${op.cidr} up on ${step.node} ` +
              `while it is still active on ${elsewhere.join(', ')}`,
          );
        }
        checkPolicyBeforeAddress(input, step, op.cidr, before, refuse);
      }
      if (op.op === 'xfrm-policy-del') checkPolicyAfterAddress(input, step, op.selector, before, refuse);
    }
    const result = applyOps(before, step.ops);
    if (!result.ok) {
      const op = step.ops[result.index];
      refuse(
        'TR012',
        step,
        [step.node],
        `${step.id}: the kernel would reject '${op ? JSON.stringify(op) : 'op'}': ${result.error.message}`,
      );
      return;
    }
    const after = result.state;
    states.set(step.node, after);
    const changes = addressChanges(before, after);
    const { lost, gained } = heldBefore.update(changes);
    // As if every CIDR of the node were taken off its IP's holders and put back: the
    // node's place among an IP's holders changes only for the IPs the step touched.
    for (const cidr of lost.keys()) holders.get(ipOf(cidr))?.delete(step.node);
    for (const cidr of [...lost.keys(), ...gained]) {
      const ip = ipOf(cidr);
      if (heldBefore.holdsIp(ip)) holders.set(ip, (holders.get(ip) ?? new Set()).add(step.node));
    }
    checkCollateral(input, step, lost, removedHere, refuse);
    checkRelocatableBase(input, step, before, after, changes.removed, refuse);
  };

  /**
   * A run of one node's steps that only add addresses, checked as gateStep checks each
   * of them but simulated as one batch: an added address removes nothing, so between
   * the steps of the run only the node's own addresses change, which the run follows
   * itself. A busy node's thousands of additions then cost one copy of its address
   * lists, not one per step. False when the batch fails: the caller then goes step by
   * step, which finds and reports the failing step.
   */
  const gateAdditions = (run: readonly Step[]): boolean => {
    const node = run[0].node;
    const before = states.get(node);
    if (!before) return false;
    const result = applyOps(
      before,
      run.flatMap((step) => step.ops),
    );
    if (!result.ok) return false;
    let heldBefore = held.get(node);
    if (!heldBefore) held.set(node, (heldBefore = new HeldAddresses(before)));
    const frozen = input.frozen?.get(node);
    // What the run's earlier steps added: held when a later step of the run begins.
    const gainedInRun = new Set<string>();
    for (const step of run) {
      for (const op of step.ops) {
        if (op.op !== 'addr-add') continue;
        if (frozen?.has(op.iface)) {
          refuse(
            'TR003',
            step,
            [`${node}/${op.iface}`],
            `${step.id} changes ${node}/${op.iface}, which is failed over: its changes wait until it is restored`,
          );
        }
        if (!heldBefore.has(op.cidr) && !gainedInRun.has(op.cidr)) {
          const elsewhere = [...(holders.get(ipOf(op.cidr)) ?? [])].filter((n) => n !== node);
          if (elsewhere.length > 0) {
            refuse(
              'TR001',
              step,
              [op.cidr, node, ...elsewhere],
              `${step.id} would bring ${op.cidr} up on ${node} while it is still active on ${elsewhere.join(', ')}`,
            );
          }
          checkPolicyBeforeAddress(input, step, op.cidr, before, refuse);
        }
      }
      for (const op of step.ops) {
        if (op.op !== 'addr-add') continue;
        const added = parseAddressArg(op.cidr);
        if (added && !isKernelManagedAddress(op.iface, added.cidr)) gainedInRun.add(added.cidr);
      }
    }
    const after = result.state;
    states.set(node, after);
    const { gained } = heldBefore.update(addressChanges(before, after));
    for (const cidr of gained) {
      const ip = ipOf(cidr);
      if (heldBefore.holdsIp(ip)) holders.set(ip, (holders.get(ip) ?? new Set()).add(node));
    }
    return true;
  };

  for (const wave of input.waves) {
    // Steps up to here are gated one by one: their run's batch failed.
    let oneByOneUntil = 0;
    for (let i = 0; i < wave.steps.length; i++) {
      const step = wave.steps[i];
      let end = i;
      while (end < wave.steps.length && wave.steps[end].node === step.node && onlyAdds(wave.steps[end])) end++;
      if (i >= oneByOneUntil && end - i > 1) {
        if (gateAdditions(wave.steps.slice(i, end))) {
          i = end - 1;
          continue;
        }
        oneByOneUntil = end;
      }
      gateStep(step);
    }
  }
  checkConvergence(input, states, refuse);
  checkNotEmptied(input, states, refuse);
  return { refusals, finalStates: states };
}

/**
 * TR005: the addresses tandem reaches each node by, as canonical IP -> what it is: the
 * management address and, over ssh, connection.host when it is an IP address. By IP:
 * removing it with another prefix length removes it all the same.
 */
function waysIn(model: DesiredModel): Map<string, Map<string, string>> {
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
function opInterface(op: KernelOp): string | undefined {
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
function checkNotEmptied(input: GateInput, finals: ReadonlyMap<string, ObservedNode>, refuse: Refuse): void {
  for (const [node, start] of input.states) {
    const end = finals.get(node);
    if (!end || addressSet(start).size === 0 || addressSet(end).size > 0) continue;
    refuse(
      'TR009',
      undefined,
      [`Node/${node}`],
      `the plan would leave ${node} without a single address (it has ${addressSet(start).size}); ` +
        'an empty desired state is never read as "remove everything"',
    );
  }
}

type Refuse = (ruleId: string, step: Step | undefined, objects: string[], explanation: string) => void;

function checkRolloutGroups(input: GateInput, refuse: Refuse): void {
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

function checkPolicyBeforeAddress(
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

function checkPolicyAfterAddress(
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

function checkCollateral(
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

function checkRelocatableBase(
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
    if (!touched.get(a.interface)?.has(cachedCidr(a.cidr)?.network)) return false;
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

function checkConvergence(input: GateInput, states: ReadonlyMap<string, ObservedNode>, refuse: Refuse): void {
  const finals = new Map<string, ReadonlyMap<string, NodeObject>>();
  const finalOf = (node: string) => {
    if (!finals.has(node)) finals.set(node, observedObjects(states.get(node)!));
    return finals.get(node)!;
  };
  for (const c of input.changes) {
    if (!states.has(c.node) || c.kind === 'mirror') continue; // mirrors live in the inventory, written by apply
    const have = finalOf(c.node).get(c.key);
    const ok = c.after ? !!have && sameObject(have, mergeUnspecified(have, c.after)) : !have;
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
