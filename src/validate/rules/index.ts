// The rule catalogue: every rule tandem reports, family by family. docs/rules.md is
// generated from this list (npm run gen:docs) and a test fails when it drifts.
import { addressRules } from './addresses.js';
import { bondRules } from './bonds.js';
import { failoverRules } from './failover.js';
import { ikeRules } from './ike.js';
import { inputRules } from './input.js';
import { interfaceSelectionRules } from './interface-selection.js';
import { ipsecRules } from './ipsec.js';
import { nameRules } from './names.js';
import { relocatableRules } from './relocatable.js';
import type { RuleDefinition } from './rule.js';
import { tunnelRules } from './tunnels.js';

export const ALL_RULES = [
  ...inputRules,
  ...nameRules,
  ...addressRules,
  ...interfaceSelectionRules,
  ...bondRules,
  ...tunnelRules,
  ...failoverRules,
  ...relocatableRules,
  ...ipsecRules,
  ...ikeRules,
] as const;

export type RuleId = (typeof ALL_RULES)[number]['id'];

export const RULES_BY_ID: ReadonlyMap<string, RuleDefinition> = new Map(ALL_RULES.map((r) => [r.id, r]));
