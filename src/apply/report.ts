// The human report of an apply: which steps were applied, which failed (with the
// kernel's message), what was rolled back and which waves were aborted.
import type { ApplyResult } from './index.js';

export function renderApplyReport(r: ApplyResult): string {
  const lines: string[] = [];
  const steps = new Map(
    r.plan.waves.flatMap((w) =>
      w.steps.map((s) => [s.id, { wave: w.index, node: s.node, description: s.description }] as const),
    ),
  );
  const describe = (id: string) => {
    const s = steps.get(id);
    return s ? `wave ${s.wave} ${s.node}: ${s.description}` : id;
  };
  const rolled = new Set(r.rolledBack?.steps ?? []);
  const kept = r.applied.filter((id) => !rolled.has(id));
  if (kept.length) {
    lines.push(`Applied (${kept.length}):`);
    for (const id of kept) lines.push(`  + ${describe(id)}`);
  }
  if (r.failed) {
    lines.push('Failed:');
    lines.push(`  ! ${r.failed.step ? describe(r.failed.step) : `wave ${r.failed.wave} ${r.failed.node}`}`);
    lines.push(`    ${r.failed.error}`);
  }
  if (r.rolledBack) {
    const rb = r.rolledBack;
    lines.push(
      `Rolled back: wave ${rb.wave} on ` +
        (rb.nodes.length ? rb.nodes.join(', ') : 'no node (nothing had been written)') +
        (rb.incomplete.length ? ' (INCOMPLETE)' : ', each node back to its state before the wave'),
    );
    for (const id of rb.steps) lines.push(`  - ${describe(id)} (undone)`);
    for (const i of rb.incomplete) lines.push(`    incomplete: ${i}`);
  }
  if (r.aborted.length)
    lines.push(`Aborted: wave${r.aborted.length === 1 ? '' : 's'} ${r.aborted.join(', ')} (not started)`);
  if (r.stale?.length) {
    lines.push('Stale plan:');
    for (const s of r.stale) lines.push(`  ${s}`);
  }
  lines.push(r.message);
  return lines.join('\n') + '\n';
}
