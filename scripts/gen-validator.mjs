#!/usr/bin/env node
// Generates src/model/generated/validate-document.ts: the schema's ajv validator compiled
// ahead of time (ajv standalone code), so no process compiles the schema at start-up
// (about half a second on this machine, more than the rest of `tandem validate`).
// `--check` exits 1 when the committed file is stale; test/model/generated-validator.test.ts
// does the same. `npm run gen:types` runs this after the types.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { _ } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

export const SCHEMA_PATH = 'schema/tandem.schema.json';
export const VALIDATOR_PATH = 'src/model/generated/validate-document.ts';

/** The ajv runtime helpers standalone code requires, imported as ES modules instead. */
const RUNTIME = /require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)/g;

/** src/validate/compile-schema.ts's AJV_OPTIONS and AJV_VOCABULARY (a test compares them). */
export const AJV_OPTIONS = {
  allErrors: true,
  verbose: true,
  discriminator: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
};
export const AJV_VOCABULARY = ['x-tandem-rule', 'x-tandem-message', 'patternErrorMessage'];

/** What the generated module records of the schema it was compiled from. */
export const schemaHash = (schemaText) => createHash('sha256').update(schemaText).digest('hex');

export function generateValidator(schemaText) {
  const ajv = new Ajv2020({
    ...AJV_OPTIONS,
    // The formats are the module's own `formats` (model/ip.ts's parsers, bound below).
    code: { source: true, esm: true, lines: true, formats: _`formats` },
  });
  ajv.addVocabulary(AJV_VOCABULARY);
  // Only their names matter here: the generated code calls formats.<name>.validate.
  ajv.addFormat('cidr', { type: 'string', validate: () => true });
  ajv.addFormat('ip', { type: 'string', validate: () => true });
  const validate = ajv.compile(JSON.parse(schemaText));
  const code = (standaloneCode.default ?? standaloneCode)(ajv, validate);
  const runtime = [...new Set([...code.matchAll(RUNTIME)].map((m) => m[1]))].sort();
  const local = (path) => `runtime_${path.split('/').pop()}`;
  const body = code
    .replace(/^"use strict";\n?/, '')
    .replace(RUNTIME, (_m, path) => local(path))
    // One name for the module's entry point: the schema validator's.
    .replace(/^export const validate = (\w+);\nexport default \1;\n/m, 'export { $1 as validateDocument };\n');
  if (!body.includes('validateDocument')) throw new Error('ajv standalone output changed shape: no export found');
  return [
    '/* GENERATED from schema/tandem.schema.json by `npm run gen:types` (scripts/gen-validator.mjs). ' +
      'Do not edit by hand. */',
    '// @ts-nocheck',
    ...runtime.map((path) => `import ${local(path)} from '${path}.js';`),
    "import { isValidCidr, isValidIp } from '../ip.js';",
    '',
    '/** sha256 of the schema text this was compiled from (src/validate/schema.ts compares). */',
    `export const SCHEMA_SHA256 = '${schemaHash(schemaText)}';`,
    "const formats = { cidr: { type: 'string', validate: isValidCidr }, ip: { type: 'string', validate: isValidIp } };",
    body.trimEnd(),
    '',
  ].join('\n');
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  // --schema FILE: compile another schema text (e.g. a committed revision's, via git show).
  const at = process.argv.indexOf('--schema');
  const ts = generateValidator(readFileSync(at > 0 ? process.argv[at + 1] : SCHEMA_PATH, 'utf8'));
  if (process.argv.includes('--check')) {
    if (readFileSync(VALIDATOR_PATH, 'utf8') !== ts) {
      console.error(`${VALIDATOR_PATH} is stale: run npm run gen:types`);
      process.exit(1);
    }
  } else {
    writeFileSync(VALIDATOR_PATH, ts);
    console.log(`wrote ${VALIDATOR_PATH}`);
  }
}
