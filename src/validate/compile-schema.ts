// The schema's ajv validator compiled in this process: only when the ahead-of-time one
// (src/model/generated/validate-document.ts, scripts/gen-validator.mjs) was generated from
// another schema text, e.g. while the schema is being edited and gen:types not yet run.
// Compiling costs about half a second, which is why it is not the normal path.
import { createRequire } from 'node:module';
import type { Options, SchemaObject, ValidateFunction } from 'ajv';
import type * as Ajv2020Module from 'ajv/dist/2020.js';
import { isValidCidr, isValidIp } from '../model/ip.js';
import type { TandemDocument } from '../model/generated/desired.js';

/**
 * allErrors: every error of a document; verbose: errors carry the value and the parent
 * schema, whose x-tandem-rule / x-tandem-message name the rule and say what to do.
 * scripts/gen-validator.mjs compiles with the same options (a test compares them).
 */
export const AJV_OPTIONS = {
  allErrors: true,
  verbose: true,
  discriminator: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
} as const satisfies Options;

export const AJV_VOCABULARY = ['x-tandem-rule', 'x-tandem-message', 'patternErrorMessage'] as const;

export function compileSchema(schemaText: string): ValidateFunction<TandemDocument> {
  // Loaded here, synchronously (ajv is CommonJS), so a process that never compiles never loads its ~100 modules.
  const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof Ajv2020Module;
  const ajv = new Ajv2020(AJV_OPTIONS);
  ajv.addVocabulary([...AJV_VOCABULARY]);
  // Formats used by the schema, strict about forms the kernel would read differently.
  ajv.addFormat('cidr', { type: 'string', validate: isValidCidr });
  ajv.addFormat('ip', { type: 'string', validate: isValidIp });
  return ajv.compile<TandemDocument>(JSON.parse(schemaText) as SchemaObject);
}
