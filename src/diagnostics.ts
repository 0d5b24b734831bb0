// Diagnostics are values: every stage returns them in arrays and never throws for a
// user's mistake (throwing is for bugs). Line and column are 1-based.
import { byCodePoint } from './order.js';

export type Severity = 'error' | 'warning';

export interface SourcePos {
  file: string;
  line: number;
  col: number;
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
  return `${pos.file}:${pos.line}:${pos.col}`;
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
