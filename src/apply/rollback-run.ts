// Carrying out a rollback: each node the failed wave touched is observed, the ops back to
// its checkpoint are computed (rollback.ts) and applied in one batch, and the node is
// observed once more to confirm it equals the checkpoint. A rollback that does not get
// there is reported as incomplete, with what still differs.
import type { DesiredModel } from '../model/desired.js';
import type { ObservedNode } from '../observe/model.js';
import type { AuditLog } from './audit.js';
import { vetReturns } from './return-checks.js';
import { rollbackOps } from './rollback.js';
import { compareStates, describeMismatch } from './verify.js';
import type { WritableNode } from './writable-node.js';
import { byCodePoint } from '../order.js';
import { mapBounded } from '../bounded.js';

export type RollbackOutcome = { node: string; ok: true; ops: number } | { node: string; ok: false; error: string };

export interface RollbackInput {
  model: DesiredModel;
  nodes: readonly string[];
  checkpoints: ReadonlyMap<string, ObservedNode>;
  writerOf: (node: string) => WritableNode;
  audit: AuditLog;
  wave: number;
  parallelism: number;
}

async function rollbackNode(input: RollbackInput, node: string): Promise<RollbackOutcome> {
  const { audit, wave } = input;
  const started = performance.now();
  const checkpoint = input.checkpoints.get(node)!;
  const writer = input.writerOf(node);
  const fail = (error: string): RollbackOutcome => {
    audit.record({ event: 'rollback', node, wave, result: 'failed', error, durationMs: performance.now() - started });
    return { node, ok: false, error };
  };
  const before = await writer.observe();
  if (!before.ok) return fail(`cannot observe the node to roll it back: ${before.error.message}`);
  const plan = rollbackOps(input.model, checkpoint, before.state);
  // An address coming back gets the uniqueness check of an arrival: never two holders.
  const vetted = await vetReturns({ model: input.model, writer, ops: plan.ops, audit, wave, phase: 'rollback' });
  let command: string[] | undefined;
  if (vetted.ops.length > 0) {
    await audit.flush();
    const r = await writer.apply(vetted.ops);
    command = r.commands[0];
    if (r.failed) return fail(`rollback batch failed at op ${r.failed.index + 1}: ${r.failed.error}`);
  }
  const after = await writer.observe();
  if (!after.ok) return fail(`cannot observe the node after rolling it back: ${after.error.message}`);
  if (vetted.refused.length > 0)
    return fail(
      'not put back, another host answers for it: ' + vetted.refused.map((r) => `${r.cidr} (${r.error})`).join('; '),
    );
  const left = compareStates(checkpoint, after.state);
  if (left.length > 0)
    return fail(`still differs from the checkpoint: ${left.slice(0, 5).map(describeMismatch).join('; ')}`);
  audit.record({
    event: 'rollback',
    node,
    wave,
    result: 'ok',
    durationMs: performance.now() - started,
    ...(command ? { command } : {}),
    detail: { ops: plan.ops.length },
  });
  return { node, ok: true, ops: plan.ops.length };
}

export async function rollbackNodes(input: RollbackInput): Promise<RollbackOutcome[]> {
  const out = await mapBounded(input.nodes, input.parallelism, (node) => rollbackNode(input, node));
  return out.sort((a, b) => byCodePoint(a.node, b.node));
}
