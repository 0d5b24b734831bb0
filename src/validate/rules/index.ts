// The rule catalogue: every rule tandem reports, family by family. docs/rules.md is
// generated from this list (npm run gen:docs) and a test fails when it drifts.
import { inputRules } from './input.js';
import { nameRules } from './names.js';
import type { RuleDefinition } from './rule.js';

export const ALL_RULES = [
  ...inputRules,
  ...nameRules,
] as const;

export type RuleId = (typeof ALL_RULES)[number]['id'];

export const RULES_BY_ID: ReadonlyMap<string, RuleDefinition> = new Map(ALL_RULES.map((r) => [r.id, r]));
