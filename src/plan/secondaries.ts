// Linux deletes every secondary IPv4 address of a subnet together with its primary,
// unless net.ipv4.conf.<iface>.promote_secondaries (or .all) is 1 (ip-address(8)).
// Walking a node's steps in order through the sim kernel shows exactly what each
// deletion takes along: a step re-adds, in the same batch, what must stay, and a
// later deletion of something already gone is dropped; both are noted (TR007).
// `deleted` holds the address keys the plan removes from this node.
import type { NodeIntent } from '../diff/intent.js';
import { addressKey, describeObject, MAIN_TABLE } from '../diff/objects.js';
import { observedRoutes } from '../diff/observed-objects.js';
import type { ObservedAddress, ObservedNode } from '../observe/model.js';
import { addressChanges, type AddressChanges } from '../sim/address-changes.js';
import { applyOps } from '../sim/kernel.js';
import type { KernelOp } from './ops.js';
import type { Step } from './step-types.js';

/** How many of a state's address objects carry each CIDR (one per interface holding it). */
type CidrCounts = Map<string, number>;

function countCidrs(state: ObservedNode): CidrCounts {
  const counts: CidrCounts = new Map();
  for (const a of state.addresses) counts.set(a.cidr, (counts.get(a.cidr) ?? 0) + 1);
  return counts;
}

/** Moves the counts from one state to the next, by what the batch between them changed. */
function recount(counts: CidrCounts, from: ObservedNode, to: ObservedNode): AddressChanges {
  const changes = addressChanges(from, to);
  for (const a of changes.removed) counts.set(a.cidr, counts.get(a.cidr)! - 1);
  for (const a of changes.added) counts.set(a.cidr, (counts.get(a.cidr) ?? 0) + 1);
  return changes;
}

const onlyAdds = (step: Step) => step.ops.every((op) => op.op === 'addr-add');

/** Mutates the steps (ops and notes) of one node, given in execution order. */
export function settleCollateral(
  start: ObservedNode,
  steps: readonly Step[],
  intent: NodeIntent | undefined,
  deleted: ReadonlySet<string>,
): void {
  let state = start;
  // The CIDRs the walk's current state holds, kept up to date batch by batch: a node
  // with thousands of steps is not re-listed for each of them.
  const counts = countCidrs(start);
  const has = (cidr: string) => (counts.get(cidr) ?? 0) > 0;
  for (let i = 0; i < steps.length; i++) {
    // A run of steps that only add addresses takes nothing along (an added address
    // removes no address and no route), so nothing in it is noted or re-added: the run
    // goes through the sim as one batch, as one step would. A busy node's thousands of
    // additions then cost one copy of its address lists, not one per step.
    let end = i;
    while (end < steps.length && onlyAdds(steps[end])) end++;
    if (end - i > 1) {
      const result = applyOps(
        state,
        steps.slice(i, end).flatMap((s) => s.ops),
      );
      if (!result.ok) return; // the gate reports the failing op
      recount(counts, state, result.state);
      state = result.state;
      i = end - 1;
      continue;
    }
    const step = steps[i];
    const kept: KernelOp[] = [];
    for (const op of step.ops) {
      if (op.op === 'addr-del' && !has(op.cidr)) {
        step.notes.push(`${op.cidr} is already gone: the kernel removed it with its primary`);
        continue;
      }
      kept.push(op);
    }
    step.ops = kept;
    const result = applyOps(state, kept);
    if (!result.ok) return; // the gate reports the failing op
    const targeted = new Set(kept.flatMap((op) => (op.op === 'addr-del' ? [op.cidr] : [])));
    // What the batch took that nobody asked for: CIDRs gone from the node, in the order
    // the node listed them (by first appearance), each as its last appearance.
    const gone = new Map<string, ObservedAddress>();
    for (const a of recount(counts, state, result.state).removed)
      if (!has(a.cidr) && !targeted.has(a.cidr)) gone.set(a.cidr, a);
    const vanished = [...gone.values()];
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
    if (vanished.length) {
      const removedPrimary = kept.find((op) => op.op === 'addr-del' && vanished.some((v) => v.interface === op.iface));
      const primary =
        removedPrimary && removedPrimary.op === 'addr-del' ? `primary ${removedPrimary.cidr}` : 'a primary address';
      step.notes.push(
        `removing ${primary} also removes ${vanished.map((a) => a.cidr).join(', ')} (promote_secondaries is off)` +
          (restore.length
            ? `; ${restore.map((op) => (op.op === 'addr-add' ? op.cidr : '')).join(', ')} re-added in the same batch`
            : ''),
      );
    }
    const readded = applyOps(result.state, restore);
    const settled = readded.ok ? readded.state : result.state;
    recount(counts, result.state, settled);
    // The kernel also flushes routes with the last address of their family on a link
    // (or through a link taken down): put back those the plan keeps.
    const routeOps = restoreRoutes(state, settled, kept, intent, deleted);
    if (routeOps.ops.length) step.notes.push(routeOps.note);
    step.ops = [...kept, ...restore, ...routeOps.ops];
    const final = applyOps(settled, routeOps.ops);
    const next = final.ok ? final.state : settled;
    recount(counts, settled, next);
    state = next;
  }
}

function restoreRoutes(
  before: ObservedNode,
  after: ObservedNode,
  ops: readonly KernelOp[],
  intent: NodeIntent | undefined,
  deleted: ReadonlySet<string>,
): { ops: KernelOp[]; note: string } {
  // Only routes are compared: most batches keep the same route array, and its projection.
  if (before.routes === after.routes) return { ops: [], note: '' };
  const was = observedRoutes(before);
  const now = observedRoutes(after);
  const removed = new Set(ops.flatMap((op) => (op.op === 'route-del' ? [`${op.table ?? MAIN_TABLE}|${op.to}`] : [])));
  const out: KernelOp[] = [];
  const lost: string[] = [];
  for (const [key, o] of was) {
    if (o.kind !== 'route' || now.has(key) || removed.has(`${o.table}|${o.to}`)) continue;
    const want = intent?.get(key);
    if (!want && deleted.has(key)) continue;
    const r = want?.kind === 'route' ? want : o;
    lost.push(describeObject(r));
    out.push({
      op: 'route-replace',
      to: r.to,
      dev: r.dev,
      table: r.table,
      ...(r.via ? { via: r.via } : {}),
      ...(r.metric !== undefined ? { metric: r.metric } : {}),
    });
  }
  return { ops: out, note: `the kernel also flushes ${lost.join(', ')} with that change; re-added in the same batch` };
}
