// Builds environments from inline YAML for rule and planner tests, without touching
// the disk: file names are kept so diagnostics can be asserted at file:line.
import { loadFromTexts } from '../../src/load/load-environment.js';
import { validateLoaded, type ValidationResult } from '../../src/validate/index.js';

export const TEST_ENV_DIR = 'env';

/** Validates files given as { 'nodes.yaml': '...' }; paths become env/<name>. */
export function validateTexts(files: Record<string, string>): ValidationResult {
  const texts = new Map(Object.entries(files).map(([name, text]) => [`${TEST_ENV_DIR}/${name}`, text]));
  return validateLoaded(loadFromTexts(TEST_ENV_DIR, texts));
}

/** A minimal valid Cluster document with a public and a private segment. */
export const CLUSTER = `apiVersion: tandem/v1
kind: Cluster
metadata: { name: test }
spec:
  segments:
    - { name: public, subnets: [192.0.2.0/24, "2001:db8:1::/64"] }
    - { name: private, subnets: [198.51.100.0/24] }
`;

/** Diagnostics of one rule, for assertions. */
export function findingsOf(result: ValidationResult, ruleId: string) {
  return result.diagnostics.filter((d) => d.ruleId === ruleId);
}
