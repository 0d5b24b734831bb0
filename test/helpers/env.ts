// Builds environments from inline YAML for rule and planner tests, without touching
// the disk: file names are kept so diagnostics can be asserted at file:line.
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../src/diagnostics.js';
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

export type Files = Record<string, string>;

/** 1-based line of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in the test input`);
  return text.slice(0, at).split('\n').length;
}

export function findings(files: Files, ruleId: string): Diagnostic[] {
  return findingsOf(validateTexts(files), ruleId);
}

/** The one finding of `ruleId`; fails when there are none or several. */
export function one(files: Files, ruleId: string): Diagnostic {
  const found = findings(files, ruleId);
  assert.equal(found.length, 1, `exactly one ${ruleId} expected, got ${JSON.stringify(found.map((d) => d.summary))}`);
  return found[0];
}

export function none(files: Files, ruleId: string): void {
  assert.deepEqual(
    findings(files, ruleId).map((d) => d.summary),
    [],
  );
}

/** Asserts the finding points at the line of `needle` in `file` (and relates `related` when given). */
export function expectAt(d: Diagnostic, files: Files, file: string, needle: string, related?: [string, string]): void {
  assert.equal(d.source?.file, `${TEST_ENV_DIR}/${file}`);
  assert.equal(d.source?.line, lineOf(files[file], needle));
  if (related) {
    assert.equal(d.related?.[0].source.file, `${TEST_ENV_DIR}/${related[0]}`);
    assert.equal(d.related?.[0].source.line, lineOf(files[related[0]], related[1]));
  }
}

/** A Node document; `ifaces` are flow-map interface entries, e.g. "{ name: eth0, type: physical }". */
export function nodeDoc(name: string, ifaces: string[], opts: { provider?: string; management?: string } = {}): string {
  return `apiVersion: tandem/v1
kind: Node
metadata: { name: ${name} }
spec:
  provider: ${opts.provider ?? 'p1'}
  connection: { transport: sim }
${opts.management ? `  management: ${opts.management}\n` : ''}  interfaces:
${ifaces.map((i) => `    - ${i}\n`).join('')}`;
}

/** The relocatable address `db` (192.0.2.50/24) placed on s1 and s2's eth0, active on `active`. */
export function dbAddressDoc(active: string, switchback?: 'intelligent' | 'automatic'): string {
  return `apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: db }
spec:
  address: 192.0.2.50/24
  active: ${active}
${switchback ? `  switchback: ${switchback}\n` : ''}  placements:
    - { node: s1, interface: eth0, priority: 1 }
    - { node: s2, interface: eth0, priority: 2 }
`;
}
