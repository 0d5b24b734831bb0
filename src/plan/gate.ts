// The safety gate: simulate the plan wave by wave, step by step, over the observed
// state with the sim kernel model, and check the transition rules at every
// intermediate state. Any breach refuses the whole plan. Pure.
import type { Refusal } from '../diff/index.js';
import { isKernelManagedAddress } from '../diff/observed-objects.js';
import { hostPart, parseIp } from '../model/ip.js';
import type { ObservedAddress, ObservedNode } from '../observe/model.js';
import { addressChanges, type AddressChanges } from '../sim/address-changes.js';
import { parseAddressArg } from '../sim/addresses.js';
import { applyOps } from '../sim/kernel.js';
import {
  checkCollateral,
  checkConvergence,
  checkNotEmptied,
  checkPolicyAfterAddress,
  checkPolicyBeforeAddress,
  checkRelocatableBase,
  checkRolloutGroups,
  opInterface,
  waysIn,
  type GateInput,
} from './gate-checks.js';
import type { Step } from './step-types.js';

export type { GateInput } from './gate-checks.js';

export interface GateResult {
  refusals: Refusal[];
  finalStates: Map<string, ObservedNode>;
}

const ipOf = hostPart;

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

/**
 * Which nodes hold each IP right now, in the order they came to hold it. Most IPs have
 * one holder: that one is kept as its name, a set only once there are more (a fleet's
 * tens of thousands of addresses would otherwise each cost a Set).
 */
class IpHolders {
  private readonly byIp = new Map<string, string | Set<string>>();

  add(ip: string, node: string): void {
    const now = this.byIp.get(ip);
    if (now === undefined) this.byIp.set(ip, node);
    else if (typeof now !== 'string') now.add(node);
    else if (now !== node) this.byIp.set(ip, new Set([now, node]));
  }

  delete(ip: string, node: string): void {
    const now = this.byIp.get(ip);
    if (now === node) this.byIp.delete(ip);
    else if (now !== undefined && typeof now !== 'string') now.delete(node);
  }

  /** The holders of `ip` other than `node`. */
  othersThan(ip: string, node: string): string[] {
    const now = this.byIp.get(ip);
    if (now === undefined) return [];
    if (typeof now === 'string') return now === node ? [] : [now];
    return [...now].filter((n) => n !== node);
  }
}

const onlyAdds = (step: Step) => step.ops.every((op) => op.op === 'addr-add');

export function gate(input: GateInput): GateResult {
  const refusals: Refusal[] = [];
  const states = new Map(input.states);
  const refuse = (ruleId: string, step: Step | undefined, objects: string[], explanation: string) =>
    refusals.push({ ruleId, objects, ...(step ? { step: step.id } : {}), explanation });

  // Where each IP is held right now, across the simulated cluster.
  const holders = new IpHolders();
  for (const [node, state] of states)
    for (const a of state.addresses) if (!isKernelManagedAddress(a.interface, a.cidr)) holders.add(ipOf(a.cidr), node);
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
        const elsewhere = holders.othersThan(ip, step.node);
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
    for (const cidr of lost.keys()) holders.delete(ipOf(cidr), step.node);
    for (const cidr of [...lost.keys(), ...gained]) {
      const ip = ipOf(cidr);
      if (heldBefore.holdsIp(ip)) holders.add(ip, step.node);
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
          const elsewhere = holders.othersThan(ipOf(op.cidr), node);
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
      if (heldBefore.holdsIp(ip)) holders.add(ip, node);
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
