// The plan for a terminal: changes grouped by node with Terraform's symbols
// (+ create, ~ update, - delete, -/+ replace), then waves with their checks, then
// what was deferred, refused and noted, and one summary line.
import { ACTION_SYMBOL, type Change } from '../diff/changes.js';
import { describeObject } from '../diff/objects.js';
import { describeCheck } from '../plan/checks.js';
import { planOutcome, type PlanDocument } from '../plan/document.js';
import { groupByNode } from './by-node.js';
import { describeOp } from './ops.js';
import { PLAIN, type Style } from './style.js';
import { count } from '../words.js';

function colourAction(style: Style, c: Change): string {
  const sym = ACTION_SYMBOL[c.action].padEnd(3);
  switch (c.action) {
    case 'create':
      return style.green(sym);
    case 'delete':
      return style.red(sym);
    case 'replace':
      return style.yellow(sym);
    default:
      return style.yellow(sym);
  }
}

export function summaryLine(plan: PlanDocument): string {
  const s = plan.summary;
  const outcome = planOutcome(plan);
  const head =
    outcome === 'refused'
      ? `Plan REFUSED (${s.refused} refusal${s.refused === 1 ? '' : 's'}): nothing will be applied.`
      : outcome === 'nothing-to-do'
        ? 'No changes. The nodes match the desired state.'
        : `Plan: ${s.create} to create, ${s.update} to update, ${s.delete} to delete, ${s.replace} to replace.`;
  const tail = [
    s.deferred ? `${s.deferred} deferred` : '',
    s.steps ? `${count(s.steps, 'step')} in ${count(s.waves, 'wave')} with ${count(s.checks, 'check')}` : '',
    s.warnings ? `${s.warnings} warning${s.warnings === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return tail.length ? `${head} ${tail.join(', ')}.` : head;
}

export function renderPlanText(plan: PlanDocument, style: Style = PLAIN): string {
  const out: string[] = [];
  const rev = plan.desiredRevision;
  out.push(
    style.bold(`tandem plan ${plan.id} for ${plan.environment}`) +
      style.dim(` (desired ${rev.commit ? `commit ${rev.commit.slice(0, 12)}, ` : ''}${rev.digest.slice(0, 19)})`),
  );
  if (plan.refusals.length) {
    out.push('', style.red(style.bold('Refused:')));
    for (const r of plan.refusals)
      out.push(`  ${style.red(r.ruleId)} ${r.explanation}${r.step ? style.dim(` [step ${r.step}]`) : ''}`);
  }
  const changesOf = groupByNode(plan.changes);
  const deferralsOf = groupByNode(plan.deferrals);
  for (const node of Object.keys(plan.nodes).sort()) {
    const info = plan.nodes[node];
    const changes = changesOf.get(node) ?? [];
    const deferred = deferralsOf.get(node) ?? [];
    if (!info.error && changes.length === 0 && deferred.length === 0) continue;
    out.push('', style.bold(node) + style.dim(info.error ? ` (not observed: ${info.error})` : ` (${info.driver})`));
    for (const c of changes)
      out.push(`  ${colourAction(style, c)} ${describeObject((c.after ?? c.before)!)}${style.dim(`  # ${c.reason}`)}`);
    for (const d of deferred)
      out.push(`  ${style.dim(`${ACTION_SYMBOL[d.action].padEnd(3)} ${d.description}  # deferred: ${d.reason}`)}`);
  }
  if (plan.waves.length) {
    out.push('', style.bold('Order:'));
    for (const w of plan.waves) {
      out.push(`  wave ${w.index} (${w.nodes.join(', ')})`);
      for (const s of w.steps) {
        out.push(`    ${s.node}: ${s.description}`);
        for (const c of s.pre) out.push(style.dim(`      before: ${describeCheck(c)}`));
        for (const op of s.ops) out.push(style.dim(`      ${describeOp(op)}`));
        for (const c of s.post) out.push(style.dim(`      after:  ${describeCheck(c)}`));
        for (const n of s.notes) out.push(style.yellow(`      note: ${n}`));
      }
    }
  }
  if (plan.warnings.length) {
    out.push('', style.yellow(style.bold('Warnings:')));
    for (const w of plan.warnings) out.push(`  ${style.yellow(w.ruleId)} ${w.explanation}`);
  }
  if (plan.notes.length) {
    out.push('', style.bold('Notes:'));
    for (const n of plan.notes) out.push(`  ${n.node ? `${n.node}: ` : ''}${n.subject}: ${n.message}`);
  }
  out.push('', style.bold(summaryLine(plan)));
  return out.join('\n') + '\n';
}
