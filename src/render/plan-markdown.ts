// The plan as a pull-request comment: a summary table, refusals first, one collapsible
// section per node, the order of waves, and the topology diagram. Kept under GitHub's
// comment limit with a note when cut.
import { ACTION_SYMBOL } from '../diff/changes.js';
import { describeObject } from '../diff/objects.js';
import { describeCheck } from '../plan/checks.js';
import type { PlanDocument } from '../plan/document.js';
import { groupByNode } from './by-node.js';
import { summaryLine } from './plan-text.js';
import { count } from '../words.js';

export const MARKDOWN_LIMIT = 60_000;
export const PLAN_COMMENT_MARKER = '<!-- tandem-plan -->';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

export function renderPlanMarkdown(
  plan: PlanDocument,
  options: { mermaid?: string; title?: string; limit?: number } = {},
): string {
  const limit = options.limit ?? MARKDOWN_LIMIT;
  const head: string[] = [PLAN_COMMENT_MARKER, `### ${options.title ?? `tandem plan for \`${plan.environment}\``}`, ''];
  const rev = plan.desiredRevision;
  head.push(
    `**${summaryLine(plan)}**`,
    '',
    `Plan \`${plan.id}\` · desired ` +
      (rev.commit ? `commit \`${rev.commit.slice(0, 12)}\` · ` : '') +
      `\`${rev.digest.slice(0, 19)}\``,
    '',
  );
  head.push(
    '| node | create | update | delete | replace | deferred | observed |',
    '|---|---:|---:|---:|---:|---:|---|',
  );
  const changesOf = groupByNode(plan.changes);
  const deferralsOf = groupByNode(plan.deferrals);
  for (const node of Object.keys(plan.nodes).sort()) {
    const cs = changesOf.get(node) ?? [];
    const n = (a: string) => cs.filter((c) => c.action === a).length;
    const info = plan.nodes[node];
    const deferred = deferralsOf.get(node)?.length ?? 0;
    const observed = info.error ? `not observed: ${cell(info.error)}` : info.driver;
    head.push(
      `| ${node} | ${n('create')} | ${n('update')} | ${n('delete')} | ${n('replace')} | ${deferred} | ${observed} |`,
    );
  }
  head.push('');
  if (plan.refusals.length) {
    head.push('#### :no_entry: Refused', '');
    for (const r of plan.refusals)
      head.push(`- **${r.ruleId}** ${cell(r.explanation)}${r.step ? ` (step ${code(r.step)})` : ''}`);
    head.push('');
  }
  const sections: string[] = [];
  for (const node of Object.keys(plan.nodes).sort()) {
    const cs = changesOf.get(node) ?? [];
    const ds = deferralsOf.get(node) ?? [];
    if (cs.length === 0 && ds.length === 0) continue;
    const lines = [
      `<details><summary><b>${node}</b>: ${cs.length} change${cs.length === 1 ? '' : 's'}` +
        `${ds.length ? `, ${ds.length} deferred` : ''}</summary>`,
      '',
      '```diff',
    ];
    for (const c of cs)
      lines.push(
        `${c.action === 'create' ? '+' : c.action === 'delete' ? '-' : '!'} ${ACTION_SYMBOL[c.action]} ` +
          `${describeObject((c.after ?? c.before)!)}  # ${c.reason}`,
      );
    for (const d of ds) lines.push(`# deferred ${ACTION_SYMBOL[d.action]} ${d.description}: ${d.reason}`);
    lines.push('```', '', '</details>', '');
    sections.push(lines.join('\n'));
  }
  if (plan.waves.length) {
    const lines = [
      '<details><summary><b>Order</b>: ' +
        `${count(plan.summary.steps, 'step')} in ${count(plan.summary.waves, 'wave')}</summary>`,
      '',
    ];
    for (const w of plan.waves) {
      lines.push(`**Wave ${w.index}** (${w.nodes.join(', ')})`, '');
      for (const s of w.steps) {
        const checks = [
          ...s.pre.map((c) => `before: ${describeCheck(c)}`),
          ...s.post.map((c) => `after: ${describeCheck(c)}`),
          ...s.notes.map((n) => `note: ${n}`),
        ];
        lines.push(
          `1. ${code(s.node)} ${cell(s.description)}${checks.length ? `<br>${checks.map(cell).join('<br>')}` : ''}`,
        );
      }
      lines.push('');
    }
    lines.push('</details>', '');
    sections.push(lines.join('\n'));
  }
  if (plan.warnings.length || plan.notes.length) {
    const lines = ['<details><summary><b>Warnings and notes</b></summary>', ''];
    for (const w of plan.warnings) lines.push(`- :warning: **${w.ruleId}** ${cell(w.explanation)}`);
    for (const n of plan.notes)
      lines.push(`- ${n.node ? `${code(n.node)} ` : ''}${cell(n.subject)}: ${cell(n.message)}`);
    lines.push('', '</details>', '');
    sections.push(lines.join('\n'));
  }
  if (options.mermaid)
    sections.push(
      [
        '<details><summary><b>Topology</b></summary>',
        '',
        '```mermaid',
        options.mermaid.trimEnd(),
        '```',
        '',
        '</details>',
        '',
      ].join('\n'),
    );

  let body = head.join('\n');
  const cutNote = (omitted: number) =>
    `\n_${omitted} more section${omitted === 1 ? '' : 's'} cut to stay under ${limit} characters; ` +
    'the full plan is in the JSON artifact (`tandem plan --format json`)._\n';
  for (let i = 0; i < sections.length; i++) {
    if (body.length + sections[i].length + cutNote(sections.length - i).length > limit)
      return body + cutNote(sections.length - i);
    body += '\n' + sections[i];
  }
  return body;
}
