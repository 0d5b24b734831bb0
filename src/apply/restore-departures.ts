// When a wave fails, the addresses its steps were bringing up had already left their
// old nodes in earlier waves (a move removes before it adds). Rolling back the failed
// wave alone would leave them on no node: this puts each one back where it came from,
// with its label, and gives its ownership back in that node's inventory. The next plan
// tries the move again. (The failed wave itself is rolled back by rollback-run.ts.)
import type { Change } from '../diff/changes.js';
import type { AddressObject } from '../diff/objects.js';
import { addressKey } from '../diff/objects.js';
import { hostPart } from '../model/ip.js';
import type { ObservedNode } from '../observe/model.js';
import type { PlanDocument } from '../plan/document.js';
import type { KernelOp } from '../plan/ops.js';
import type { DesiredModel } from '../model/desired.js';
import type { AuditLog } from './audit.js';
import { vetReturns } from './return-checks.js';
import type { WritableNode } from './writable-node.js';

export interface Restored {
  node: string;
  cidr: string;
  ok: boolean;
  error?: string;
}

export async function restoreDepartures(input: {
  plan: PlanDocument;
  /** Index (in plan.waves) of the wave that failed. */
  failedWave: number;
  /** Nodes of the failed wave whose steps were rolled back or never ran. */
  nodes: readonly string[];
  changes: ReadonlyMap<string, Change>;
  states: Map<string, ObservedNode>;
  writerOf: (node: string) => WritableNode;
  audit: AuditLog;
  model: DesiredModel;
}): Promise<Restored[]> {
  const { plan } = input;
  const earlier = new Map(plan.waves.slice(0, input.failedWave).flatMap((w) => w.steps.map((s) => [s.id, s] as const)));
  const wave = plan.waves[input.failedWave];
  const arriving = new Set<string>();
  const departures = new Map<string, { node: string; op: Extract<KernelOp, { op: 'addr-add' }>; key: string }>();
  for (const step of wave.steps) {
    if (!input.nodes.includes(step.node)) continue;
    for (const op of step.ops) if (op.op === 'addr-add') arriving.add(hostPart(op.cidr));
    for (const dep of step.deps) {
      const departed = earlier.get(dep);
      if (!departed) continue;
      for (const op of departed.ops) {
        if (op.op !== 'addr-del' || !arriving.has(hostPart(op.cidr))) continue;
        const before = departed.changeIds
          .map((id) => input.changes.get(id)?.before)
          .find((o): o is AddressObject => o?.kind === 'address');
        departures.set(`${departed.node}|${op.cidr}`, {
          node: departed.node,
          key: addressKey(op.cidr),
          op: { op: 'addr-add', iface: op.iface, cidr: op.cidr, ...(before?.label ? { label: before.label } : {}) },
        });
      }
    }
  }
  const out: Restored[] = [];
  for (const d of departures.values()) {
    const writer = input.writerOf(d.node);
    // Coming back is an arrival: checked unused first, never put where another host answers.
    const vetted = await vetReturns({
      model: input.model,
      writer,
      ops: [d.op],
      audit: input.audit,
      wave: wave.index,
      phase: 'restore',
    });
    if (vetted.ops.length === 0) {
      const error = `not put back, another host answers for it: ${vetted.refused[0]?.error ?? 'in use'}`;
      input.audit.record({
        event: 'restore',
        node: d.node,
        wave: wave.index,
        result: 'failed',
        error,
        detail: { cidr: d.op.cidr },
      });
      out.push({ node: d.node, cidr: d.op.cidr, ok: false, error });
      continue;
    }
    const r = await writer.apply([d.op]);
    const ok = !r.failed;
    input.audit.record({
      event: 'restore',
      node: d.node,
      wave: wave.index,
      result: ok ? 'ok' : 'failed',
      command: r.commands[0],
      ...(r.failed ? { error: r.failed.error } : {}),
      detail: { cidr: d.op.cidr },
    });
    if (ok) {
      const state = input.states.get(d.node);
      if (state) {
        const inventory = { ...state.inventory, owned: [...new Set([...state.inventory.owned, d.key])].sort() };
        await writer.writeInventory(inventory);
        input.states.set(d.node, { ...state, inventory });
      }
    }
    out.push({ node: d.node, cidr: d.op.cidr, ok, ...(r.failed ? { error: r.failed.error } : {}) });
  }
  return out;
}
