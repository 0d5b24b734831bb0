import assert from 'node:assert/strict';
import type { Observation } from '../../src/observe/model.js';
import { planEnvironment } from '../../src/plan/index.js';
import type { PlanDocument } from '../../src/plan/document.js';
import { validateTexts } from './env.js';

export function planFor(
  files: Record<string, string>,
  observations: Map<string, Observation>,
  options: { prune?: boolean; nodes?: string[] } = {},
): PlanDocument {
  const result = validateTexts(files);
  assert.ok(
    result.valid && result.model,
    `test environment is invalid:\n${result.diagnostics.map((d) => `${d.ruleId} ${d.summary}`).join('\n')}`,
  );
  return planEnvironment({
    model: result.model,
    environment: 'env',
    desiredDigest: 'sha256:test',
    observations,
    ...options,
  });
}

/** Steps as "wave:node:description" lines, the order a reader sees. */
export function stepLines(plan: PlanDocument): string[] {
  return plan.waves.flatMap((w) => w.steps.map((s) => `${w.index}:${s.node}:${s.description}`));
}
