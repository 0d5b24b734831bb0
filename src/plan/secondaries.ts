// Linux deletes every secondary IPv4 address of a subnet together with its primary,
// unless net.ipv4.conf.<iface>.promote_secondaries (or .all) is 1 (ip-address(8)).
// Walking a node's steps in order through the sim kernel shows exactly what each
// deletion takes along: a step re-adds, in the same batch, what must stay, and a
// later deletion of something already gone is dropped; both are noted (TR007).
// `deleted` holds the address keys the plan removes from this node.
import type { NodeIntent } from '../diff/intent.js';
import { addressKey } from '../diff/objects.js';
import type { ObservedNode } from '../observe/model.js';
import { applyOps } from '../sim/kernel.js';
import type { KernelOp } from './ops.js';
import type { Step } from './steps.js';

const present = (state: ObservedNode) => new Map(state.addresses.map((a) => [a.cidr, a]));

/** Mutates the steps (ops and notes) of one node, given in execution order. */
export function settleCollateral(start: ObservedNode, steps: readonly Step[], intent: NodeIntent | undefined, deleted: ReadonlySet<string>): void {
  let state = start;
  for (const step of steps) {
    const have = present(state);
    const kept: KernelOp[] = [];
    for (const op of step.ops) {
      if (op.op === 'addr-del' && !have.has(op.cidr)) {
        step.notes.push(`${op.cidr} is already gone: the kernel removed it with its primary`);
        continue;
      }
      kept.push(op);
    }
    step.ops = kept;
    const result = applyOps(state, kept);
    if (!result.ok) return; // the gate reports the failing op
    const after = present(result.state);
    const targeted = new Set(kept.flatMap((op) => (op.op === 'addr-del' ? [op.cidr] : [])));
    const vanished = [...have.values()].filter((a) => !after.has(a.cidr) && !targeted.has(a.cidr));
    if (vanished.length === 0) {
      state = result.state;
      continue;
    }
    const restore: KernelOp[] = [];
    for (const a of vanished) {
      // What must stay: what is desired here, and what the plan leaves alone (an
      // address tandem does not own is never collateral damage).
      const want = intent?.get(addressKey(a.cidr));
      const desiredHere = want?.kind === 'address' && want.iface === a.interface && want.cidr === a.cidr;
      if (!desiredHere && deleted.has(addressKey(a.cidr))) continue;
      const label = desiredHere ? (want as { label?: string }).label : a.label;
      restore.push({ op: 'addr-add', iface: a.interface, cidr: a.cidr, ...(label ? { label } : {}) });
    }
    const removedPrimary = kept.find((op) => op.op === 'addr-del' && vanished.some((v) => v.interface === op.iface));
    step.notes.push(
      `removing ${removedPrimary && removedPrimary.op === 'addr-del' ? `primary ${removedPrimary.cidr}` : 'a primary address'} also removes ${vanished.map((a) => a.cidr).join(', ')} (promote_secondaries is off)` +
        (restore.length ? `; ${restore.map((op) => (op.op === 'addr-add' ? op.cidr : '')).join(', ')} re-added in the same batch` : ''),
    );
    step.ops = [...kept, ...restore];
    const restored = applyOps(result.state, restore);
    state = restored.ok ? restored.state : result.state;
  }
}
