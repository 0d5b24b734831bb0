// Renders diagnostics for a terminal (with the offending line and a caret under the
// column) and as stable JSON (documented in docs/validate-json.md).
import { formatPos, type Diagnostic } from '../diagnostics.js';
import type { ValidationResult } from '../validate/index.js';
import { PLAIN, type Style } from './style.js';

function excerpt(texts: ReadonlyMap<string, string>, d: Diagnostic): string[] {
  if (!d.source) return [];
  const text = texts.get(d.source.file);
  if (text === undefined) return [];
  const line = text.split('\n')[d.source.line - 1];
  if (line === undefined) return [];
  const gutter = String(d.source.line);
  const pad = ' '.repeat(gutter.length);
  // Tabs are shown as single spaces so the caret lines up.
  const shown = line.replace(/\t/g, ' ').replace(/\r$/, '');
  return [`  ${gutter} | ${shown}`, `  ${pad} | ${' '.repeat(Math.max(0, d.source.col - 1))}^`];
}

export function renderDiagnostic(d: Diagnostic, texts: ReadonlyMap<string, string>, style: Style = PLAIN): string {
  const head =
    d.severity === 'error'
      ? style.red(style.bold(`error[${d.ruleId}]`))
      : style.yellow(style.bold(`warning[${d.ruleId}]`));
  const where = d.source ? `${style.bold(formatPos(d.source))}: ` : '';
  const lines = [`${head} ${where}${d.summary}`, ...excerpt(texts, d).map((l) => style.dim(l))];
  for (const r of d.related ?? []) lines.push(`  = note: ${r.note} at ${formatPos(r.source)}`);
  if (d.detail) lines.push(`  = help: ${d.detail}`);
  if (d.reference) lines.push(style.dim(`  = source: ${d.reference}`));
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
      `${r.env.dir}: ${verdict} (${r.env.documents.length} documents in ${r.env.files.length} files, ` +
        `${errors} errors, ${warnings} warnings)`,
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
