// validate: load an environment, check it against the schema, build the model and run
// every static rule. Pure apart from reading the files (loadEnvironment).
import { capPerFile, hasErrors, sortDiagnostics, type Diagnostic, type Omitted } from '../diagnostics.js';
import { resolve } from 'node:path';
import { loadEnvironment, type LoadedEnvironment } from '../load/load-environment.js';
import { buildModel, type DesiredModel } from '../model/desired.js';
import { ALL_RULES } from './rules/index.js';
import { literalKeyDiagnostics } from './rules/ipsec-keys.js';
import { runRule, type RuleContext } from './rules/rule.js';
import { validateSchema } from './schema.js';

export interface ValidationResult {
  env: LoadedEnvironment;
  /** Present when the files parsed and matched the schema; rules ran over it. */
  model?: DesiredModel;
  diagnostics: Diagnostic[];
  valid: boolean;
}

/**
 * Runs every rule with a check over a model. The rules memoise their indexes per model
 * object (WeakMaps keyed by it); they run over a shallow copy, whose memos are garbage
 * once validation returns, so the model the planner keeps does not carry them (issue 14:
 * about 45 MB of the 5,000-node plan's heap). The copy shares every array and map.
 */
export function checkRules(model: DesiredModel, context: RuleContext = {}): Diagnostic[] {
  const forThisRun: DesiredModel = { ...model };
  return ALL_RULES.flatMap((rule) => runRule(rule, forThisRun, context));
}

/**
 * Validates a loaded environment. Semantic rules run only when parsing and the schema
 * found no error: a rule over a half-read model would report knock-on errors. The one
 * exception is IPSEC011 (a literal key), checked on the documents as parsed, so its line
 * is masked whatever else is wrong. `context` says where the environment was read from
 * (see RuleContext): never taken from the working directory here.
 */
export function validateLoaded(env: LoadedEnvironment, context: RuleContext = {}): ValidationResult {
  const diagnostics = [...env.diagnostics];
  const schema = validateSchema(env.documents);
  diagnostics.push(...schema.diagnostics);
  if (hasErrors(diagnostics))
    return finish(env, undefined, [...diagnostics, ...literalKeyDiagnostics(env.documents)], schema.omitted);
  const { model, diagnostics: modelDiagnostics } = buildModel(
    schema.valid.map(({ doc, value }) => ({ value, src: doc.source })),
    env.dir,
  );
  diagnostics.push(...modelDiagnostics);
  if (hasErrors(modelDiagnostics))
    return finish(env, undefined, [...diagnostics, ...literalKeyDiagnostics(env.documents)]);
  diagnostics.push(...checkRules(model, context));
  return finish(env, model, diagnostics);
}

/** Sorted, and at most MAX_DIAGNOSTICS_PER_FILE per file: ten thousand mistakes in one file print fifty and a count. */
function finish(
  env: LoadedEnvironment,
  model: DesiredModel | undefined,
  diagnostics: Diagnostic[],
  omitted: readonly Omitted[] = [],
): ValidationResult {
  const sorted = capPerFile(sortDiagnostics(maskSecretLines(diagnostics)), omitted);
  return { env, model, diagnostics: sorted, valid: !hasErrors(sorted) };
}

/**
 * A line one diagnostic marks secret (`source.redact`: it may hold key material) is
 * marked so in every diagnostic that points at it, so no excerpt prints it.
 */
function maskSecretLines(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => (d.source ? `${d.source.file}\n${d.source.line}` : '');
  const secret = new Set(diagnostics.filter((d) => d.source?.redact).map(key));
  if (secret.size === 0) return diagnostics;
  return diagnostics.map((d) =>
    d.source && !d.source.redact && secret.has(key(d)) ? { ...d, source: { ...d.source, redact: true } } : d,
  );
}

/** Reads the folder and validates it; rules know the folder as the one read (`dir` as the file system resolves it). */
export async function validateEnvironment(dir: string): Promise<ValidationResult> {
  return validateLoaded(await loadEnvironment(dir), { envDir: resolve(dir) });
}
