// The shape of a rule: one definition object per rule (id, severity, where it comes
// from, and a pure check over the desired model). The framework stamps id, severity
// and reference onto what `check` finds, so every diagnostic of a rule looks the same.
import type { Diagnostic, Severity, SourcePos } from '../../diagnostics.js';
import type { DesiredModel } from '../../model/desired.js';

export interface Finding {
  summary: string;
  detail?: string;
  objects: string[];
  source?: SourcePos;
  related?: Array<{ source: SourcePos; note: string }>;
}

export interface RuleDefinition<Id extends string = string> {
  id: Id;
  severity: Severity;
  /** One line: what the rule checks. */
  title: string;
  /** Why: the failure it prevents. */
  rationale: string;
  /** Source: a seed document (with its subject) or Linux/peer-tool behaviour. */
  reference: string;
  /**
   * The check, pure over the model. Absent for rules enforced while loading or by the
   * schema (YAML syntax, unknown fields, CIDR syntax), which are catalogued all the same.
   */
  check?: (model: DesiredModel) => Finding[];
  enforcedBy?: 'loader' | 'schema' | 'planner';
}

export function defineRule<const Id extends string>(rule: RuleDefinition<Id>): RuleDefinition<Id> {
  return rule;
}

export function runRule(rule: RuleDefinition, model: DesiredModel): Diagnostic[] {
  if (!rule.check) return [];
  return rule.check(model).map((f) => ({ severity: rule.severity, ruleId: rule.id, reference: rule.reference, ...f }));
}
