// Diagnostics are values: every stage returns them in arrays and never throws for a
// user's mistake (throwing is for bugs). Line and column are 1-based.
import { byCodePoint } from './order.js';
import { count } from './words.js';

export type Severity = 'error' | 'warning';

export interface SourcePos {
  file: string;
  line: number;
  col: number;
  /** The line may hold key material: renderers never print it (the excerpt under a diagnostic is masked). */
  redact?: true;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable rule id (e.g. FO003, SCHEMA, YAML). */
  ruleId: string;
  /** One line: what is wrong, naming the objects involved. */
  summary: string;
  /** What to do about it. */
  detail?: string;
  /** Objects involved, as kind/name or node/interface references. */
  objects: string[];
  /** Where the primary offending value is defined. */
  source?: SourcePos;
  /** Other places that take part (the other end of a pair, the first definition, ...). */
  related?: Array<{ source: SourcePos; note: string }>;
  /** Where the rule comes from (seed document or kernel behaviour). */
  reference?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function formatPos(pos: SourcePos): string {
  return `${printable(pos.file)}:${pos.line}:${pos.col}`;
}

/**
 * Control characters (C0, DEL, C1) and the Unicode bidirectional controls, which a
 * file name, a key or a value can carry from a YAML file or a git tree.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe to print on a terminal: every control character becomes a `\u001b` escape,
 * so nothing in a diagnostic can move the cursor, change colours or reorder the line.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Diagnostics listed per file; the rest are counted in one LOAD008 diagnostic. */
export const MAX_DIAGNOSTICS_PER_FILE = 50;

/** What a stage left out of a file before the cap, so the one summary counts it too. */
export interface Omitted {
  file: string;
  errors: number;
  warnings: number;
  /** Where the first of them is, when the stage knows. */
  at?: SourcePos;
}

/**
 * The first `max` diagnostics of each file, in the order given, then one diagnostic
 * saying how many more there were (with `omitted`, those a stage counted and never
 * built). Diagnostics without a file are never capped.
 */
export function capPerFile(
  diagnostics: readonly Diagnostic[],
  omitted: readonly Omitted[] = [],
  max = MAX_DIAGNOSTICS_PER_FILE,
): Diagnostic[] {
  const hidden = new Map<string, { errors: number; warnings: number; at?: SourcePos }>();
  const hide = (file: string) => {
    const h = hidden.get(file) ?? { errors: 0, warnings: 0 };
    hidden.set(file, h);
    return h;
  };
  for (const o of omitted) {
    const h = hide(o.file);
    h.errors += o.errors;
    h.warnings += o.warnings;
    h.at ??= o.at;
  }
  const shown = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const file = d.source?.file;
    const count = file === undefined ? 0 : (shown.get(file) ?? 0);
    if (file === undefined || count < max) {
      if (file !== undefined) shown.set(file, count + 1);
      out.push(d);
      continue;
    }
    const h = hide(file);
    if (d.severity === 'error') h.errors++;
    else h.warnings++;
    h.at ??= d.source;
  }
  for (const [file, h] of hidden) {
    const n = h.errors + h.warnings;
    if (n === 0) continue;
    // Right after the last one shown for that file, so the listing reads in order.
    let after = -1;
    for (let i = out.length - 1; i >= 0 && after < 0; i--) if (out[i].source?.file === file) after = i;
    const split = `(${count(h.errors, 'error')}, ${count(h.warnings, 'warning')})`;
    const what =
      h.warnings === 0
        ? `${n} more ${n === 1 ? 'error' : 'errors'}`
        : `${count(n, 'more diagnostic', 'more diagnostics')} ${split}`;
    out.splice(after < 0 ? out.length : after + 1, 0, {
      severity: h.errors > 0 ? 'error' : 'warning',
      ruleId: 'LOAD008',
      summary: `${what} in ${file} not shown`,
      detail: `At most ${max} diagnostics are listed per file: fix these first, then validate again.`,
      objects: [],
      source: h.at ?? (after < 0 ? { file, line: 1, col: 1 } : out[after].source),
    });
  }
  return out;
}

/** Errors first, then by file, line, column and rule id: a stable order for output and tests. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : 1);
  return [...diagnostics].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      byCodePoint(a.source?.file ?? '', b.source?.file ?? '') ||
      (a.source?.line ?? 0) - (b.source?.line ?? 0) ||
      (a.source?.col ?? 0) - (b.source?.col ?? 0) ||
      byCodePoint(a.ruleId, b.ruleId) ||
      byCodePoint(a.summary, b.summary),
  );
}
