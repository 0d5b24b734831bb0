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

/** What a rule may know about the environment besides its documents, given by the caller. */
export interface RuleContext {
  /**
   * The absolute folder on this machine the environment's files were read from (a
   * folder, or the work tree of a local repository at a revision). Absent when they were
   * read from nowhere on this machine (a revision of a remote repository, texts in
   * memory). Always given by the caller, never derived from the working directory.
   */
  envDir?: string;
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
  check?: (model: DesiredModel, context: RuleContext) => Finding[];
  enforcedBy?: 'loader' | 'schema' | 'planner';
}

export function defineRule<const Id extends string>(rule: RuleDefinition<Id>): RuleDefinition<Id> {
  return rule;
}

export function runRule(rule: RuleDefinition, model: DesiredModel, context: RuleContext = {}): Diagnostic[] {
  if (!rule.check) return [];
  return rule
    .check(model, context)
    .map((f) => ({ severity: rule.severity, ruleId: rule.id, reference: rule.reference, ...f }));
}
