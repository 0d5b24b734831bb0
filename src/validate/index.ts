// validate: load an environment, check it against the schema, build the model and run
// every static rule. Pure apart from reading the files (loadEnvironment).
import { capPerFile, hasErrors, sortDiagnostics, type Diagnostic, type Omitted } from '../diagnostics.js';
import { loadEnvironment, type LoadedEnvironment } from '../load/load-environment.js';
import { buildModel, type DesiredModel } from '../model/desired.js';
import { ALL_RULES } from './rules/index.js';
import { runRule } from './rules/rule.js';
import { validateSchema } from './schema.js';

export interface ValidationResult {
  env: LoadedEnvironment;
  /** Present when the files parsed and matched the schema; rules ran over it. */
  model?: DesiredModel;
  diagnostics: Diagnostic[];
  valid: boolean;
}

/** Runs every rule with a check over a model. */
export function checkRules(model: DesiredModel): Diagnostic[] {
  return ALL_RULES.flatMap((rule) => runRule(rule, model));
}

/**
 * Validates a loaded environment. Semantic rules run only when parsing and the schema
 * found no error: a rule over a half-read model would report knock-on errors.
 */
export function validateLoaded(env: LoadedEnvironment): ValidationResult {
  const diagnostics = [...env.diagnostics];
  const schema = validateSchema(env.documents);
  diagnostics.push(...schema.diagnostics);
  if (hasErrors(diagnostics)) return finish(env, undefined, diagnostics, schema.omitted);
  const { model, diagnostics: modelDiagnostics } = buildModel(
    schema.valid.map(({ doc, value }) => ({ value, src: doc.source })),
    env.dir,
  );
  diagnostics.push(...modelDiagnostics);
  if (hasErrors(modelDiagnostics)) return finish(env, undefined, diagnostics);
  diagnostics.push(...checkRules(model));
  return finish(env, model, diagnostics);
}

/** Sorted, and at most MAX_DIAGNOSTICS_PER_FILE per file: ten thousand mistakes in one file print fifty and a count. */
function finish(
  env: LoadedEnvironment,
  model: DesiredModel | undefined,
  diagnostics: Diagnostic[],
  omitted: readonly Omitted[] = [],
): ValidationResult {
  const sorted = capPerFile(sortDiagnostics(diagnostics), omitted);
  return { env, model, diagnostics: sorted, valid: !hasErrors(sorted) };
}

export async function validateEnvironment(dir: string): Promise<ValidationResult> {
  return validateLoaded(await loadEnvironment(dir));
}
