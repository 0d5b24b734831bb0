// "Desired state changes": what a revision range does to the environment's documents,
// for `tandem plan --base` in a terminal and in a pull-request comment.
import {
  diffCounts,
  isEmptyDiff,
  type DesiredDiff,
  type DocumentChange,
  type FieldChange,
} from '../git/desired-diff.js';
import { isShowableKeyReference } from '../validate/rules/ipsec-keys.js';
import { PLAIN, type Style } from './style.js';

export interface RevisionRange {
  base: string;
  /** Undefined when the head is the working tree. */
  head?: string;
}

/** Longest rendering of one value; longer ones end with an ellipsis. */
const VALUE_LIMIT = 160;
/** Field rows shown in a pull-request comment before the rest is summarised. */
export const MARKDOWN_FIELD_ROWS = 200;

export function formatValue(v: unknown): string {
  if (v === undefined) return '(absent)';
  // JSON.stringify gives undefined only for functions, symbols and objects whose toJSON() does; String() is the
  // wanted fallback for those.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- see above
  const s = JSON.stringify(v) ?? String(v);
  return s.length > VALUE_LIMIT ? `${s.slice(0, VALUE_LIMIT - 1)}…` : s;
}

const NOT_SHOWN = '(not shown: may be key material)';

/** The field holding a key reference, per kind: an IPsec policy's keys, an IKE connection's psk. */
const KEY_FIELD: Record<string, string> = { IPsecPolicy: 'keys', IKEConnection: 'psk' };

/**
 * A changed field as shown: path, before and after. Under an IPsec policy's `keys` (an
 * IKE connection's `psk`) only a well-formed reference is shown; anything else (a literal
 * key an earlier revision committed, a key written as a field name) is never quoted again.
 */
function fieldView(c: DocumentChange, f: FieldChange): { path: string; before: string; after: string } {
  const name = Object.hasOwn(KEY_FIELD, c.kind) ? KEY_FIELD[c.kind] : undefined;
  const keys = name !== undefined && new RegExp(`^spec\\.${name}(?=$|[.[])`).test(f.path);
  if (!keys) return { path: f.path, before: formatValue(f.before), after: formatValue(f.after) };
  const field = new RegExp(`^spec\\.${name}\\.(env|file)$`).exec(f.path)?.[1];
  if (field === undefined && f.path !== `spec.${name}`)
    return { path: `spec.${name}`, before: NOT_SHOWN, after: NOT_SHOWN };
  const show = (v: unknown) => (v === undefined || isShowableKeyReference(v, field) ? formatValue(v) : NOT_SHOWN);
  return { path: f.path, before: show(f.before), after: show(f.after) };
}

const short = (rev: string) => (/^[0-9a-f]{40}$/.test(rev) ? rev.slice(0, 12) : rev);
const headName = (r: RevisionRange) => (r.head ? short(r.head) : 'working tree');

export function desiredDiffSummary(d: DesiredDiff): string {
  const c = diffCounts(d);
  if (isEmptyDiff(d)) return 'no document changed';
  return `${c.added} added, ${c.removed} removed, ${c.changed} changed (${c.fields} field${c.fields === 1 ? '' : 's'})`;
}

export function renderDesiredDiffText(d: DesiredDiff, range: RevisionRange, style: Style = PLAIN): string {
  const lines = [
    style.bold(`Desired state changes (${short(range.base)} → ${headName(range)}): ${desiredDiffSummary(d)}`),
  ];
  for (const a of d.added) lines.push(style.green(`  + ${a.key}`) + style.dim(` (${a.file})`));
  for (const r of d.removed) lines.push(style.red(`  - ${r.key}`) + style.dim(` (${r.file})`));
  for (const c of d.changed) {
    lines.push(style.yellow(`  ~ ${c.key}`) + style.dim(` (${c.file})`));
    for (const f of c.fields.map((x) => fieldView(c, x))) lines.push(`      ${f.path}: ${f.before} → ${f.after}`);
  }
  return lines.join('\n') + '\n';
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string) => (s === '' ? '' : `\`${cell(s).replace(/`/g, "'")}\``);

export function renderDesiredDiffMarkdown(
  d: DesiredDiff,
  range: RevisionRange,
  options: { maxRows?: number } = {},
): string {
  const max = options.maxRows ?? MARKDOWN_FIELD_ROWS;
  const lines = [
    '#### Desired state changes',
    '',
    `\`${short(range.base)}\` → \`${headName(range)}\`: **${desiredDiffSummary(d)}**`,
    '',
  ];
  if (isEmptyDiff(d)) return lines.join('\n') + '\n';
  lines.push('| | document | field | before | after |', '|---|---|---|---|---|');
  const rows: string[] = [];
  for (const a of d.added) rows.push(`| + | ${code(a.key)} | _added in ${cell(a.file)}_ | | |`);
  for (const r of d.removed) rows.push(`| - | ${code(r.key)} | _removed from ${cell(r.file)}_ | | |`);
  for (const c of d.changed)
    for (const f of c.fields.map((x) => fieldView(c, x)))
      rows.push(`| ~ | ${code(c.key)} | ${code(f.path)} | ${code(f.before)} | ${code(f.after)} |`);
  lines.push(...rows.slice(0, max));
  if (rows.length > max)
    lines.push('', `_${rows.length - max} more row${rows.length - max === 1 ? '' : 's'} not shown._`);
  return lines.join('\n') + '\n';
}

export interface DesiredSection {
  diff: DesiredDiff;
  range: RevisionRange;
}

/** The plan's text with the desired-state changes in front (unchanged without a section). */
export function withDesiredText(planText: string, desired: DesiredSection | undefined, style: Style = PLAIN): string {
  return desired ? `${renderDesiredDiffText(desired.diff, desired.range, style)}\n${planText}` : planText;
}

/**
 * The plan comment with the desired-state changes placed after the summary and the
 * refusals, before the first collapsible section (or at the end when there is none).
 */
export function withDesiredMarkdown(planMarkdown: string, desired: DesiredSection | undefined): string {
  if (!desired) return planMarkdown;
  const section = renderDesiredDiffMarkdown(desired.diff, desired.range);
  const at = planMarkdown.indexOf('\n<details>');
  if (at < 0) return `${planMarkdown.replace(/\n*$/, '\n')}\n${section}`;
  return `${planMarkdown.slice(0, at + 1)}${section}\n${planMarkdown.slice(at + 1)}`;
}
