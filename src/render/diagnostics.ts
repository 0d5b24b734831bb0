// Renders diagnostics for a terminal (with the offending line and a caret under the
// column) and as stable JSON (documented in docs/validate-json.md).
import { formatPos, printable, type Diagnostic } from '../diagnostics.js';
import type { ValidationResult } from '../validate/index.js';
import { PLAIN, type Style } from './style.js';
import { count } from '../words.js';

/** Characters of the offending line shown around the column; a longer line is cut, with … marks. */
export const EXCERPT_WIDTH = 160;
/** Longest summary, help or note shown; a value echoed in one is never printed whole. */
const MAX_TEXT = 1000;

/** Start offset of every line of a text, built once per text: no split of the whole file per diagnostic. */
const lineStartsOf = new WeakMap<ReadonlyMap<string, string>, Map<string, number[]>>();

function lineOf(texts: ReadonlyMap<string, string>, file: string, line: number): string | undefined {
  const text = texts.get(file);
  if (text === undefined) return undefined;
  let files = lineStartsOf.get(texts);
  if (!files) lineStartsOf.set(texts, (files = new Map<string, number[]>()));
  let starts = files.get(file);
  if (!starts) {
    starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    files.set(file, starts);
  }
  if (line < 1 || line > starts.length) return undefined;
  const end = line < starts.length ? starts[line] - 1 : text.length;
  return text.slice(starts[line - 1], end).replace(/\r$/, '');
}

/** Tabs as single spaces so the caret lines up, control characters escaped. */
const shown = (text: string): string => printable(text.replace(/\t/g, ' '));

/** Text for one line of output: control characters escaped, and cut when it would flood the terminal. */
function clip(text: string): string {
  const safe = printable(text);
  return safe.length > MAX_TEXT ? `${safe.slice(0, MAX_TEXT)}… (${safe.length - MAX_TEXT} more characters)` : safe;
}

function excerpt(texts: ReadonlyMap<string, string>, d: Diagnostic): string[] {
  if (!d.source) return [];
  const line = lineOf(texts, d.source.file, d.source.line);
  if (line === undefined) return [];
  const gutter = String(d.source.line);
  const pad = ' '.repeat(gutter.length);
  // A line marked secret (it may hold key material) is never printed.
  if (d.source.redact) return [`  ${gutter} | (line not shown: it may hold key material)`];
  const col = Math.max(0, d.source.col - 1);
  let from = 0;
  let to = line.length;
  if (line.length > EXCERPT_WIDTH) {
    from = Math.max(0, Math.min(col - EXCERPT_WIDTH / 2, line.length - EXCERPT_WIDTH));
    to = from + EXCERPT_WIDTH;
  }
  const lead = `${from > 0 ? '…' : ''}${shown(line.slice(from, Math.min(col, to)))}`;
  const text = `${lead}${shown(line.slice(Math.min(col, to), to))}${to < line.length ? '…' : ''}`;
  return [`  ${gutter} | ${text}`, `  ${pad} | ${' '.repeat(lead.length)}^`];
}

export function renderDiagnostic(d: Diagnostic, texts: ReadonlyMap<string, string>, style: Style = PLAIN): string {
  const head =
    d.severity === 'error'
      ? style.red(style.bold(`error[${printable(d.ruleId)}]`))
      : style.yellow(style.bold(`warning[${printable(d.ruleId)}]`));
  const where = d.source ? `${style.bold(formatPos(d.source))}: ` : '';
  const lines = [`${head} ${where}${clip(d.summary)}`, ...excerpt(texts, d).map((l) => style.dim(l))];
  for (const r of d.related ?? []) lines.push(`  = note: ${clip(r.note)} at ${formatPos(r.source)}`);
  if (d.detail) lines.push(`  = help: ${clip(d.detail)}`);
  if (d.reference) lines.push(style.dim(`  = source: ${clip(d.reference)}`));
  // Every rule id has its row in the generated catalogue, shipped with the repository.
  if (/^[A-Z]+[0-9]*$/.test(d.ruleId)) lines.push(style.dim(`  = rule: docs/rules.md#${d.ruleId}`));
  return lines.join('\n');
}

export function renderValidationText(results: readonly ValidationResult[], style: Style = PLAIN): string {
  const out: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) out.push(renderDiagnostic(d, r.env.texts, style), '');
    const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = r.diagnostics.length - errors;
    const verdict = r.valid ? style.green('valid') : style.red('invalid');
    out.push(
      `${printable(r.env.dir)}: ${verdict} (${count(r.env.documents.length, 'document')} in ` +
        `${count(r.env.files.length, 'file')}, ${count(errors, 'error')}, ${count(warnings, 'warning')})`,
    );
  }
  return out.join('\n') + '\n';
}

export const VALIDATE_JSON_FORMAT_VERSION = 1;

export function renderValidationJson(results: readonly ValidationResult[]): string {
  return (
    JSON.stringify(
      {
        formatVersion: VALIDATE_JSON_FORMAT_VERSION,
        valid: results.every((r) => r.valid),
        environments: results.map((r) => ({
          dir: r.env.dir,
          valid: r.valid,
          files: r.env.files,
          documents: r.env.documents.length,
          errors: r.diagnostics.filter((d) => d.severity === 'error').length,
          warnings: r.diagnostics.filter((d) => d.severity === 'warning').length,
          diagnostics: r.diagnostics,
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
