#!/usr/bin/env node
// Generates src/model/generated/desired.ts from schema/tandem.schema.json.
// `--check` exits 1 when the committed file is stale (CI and a unit test use it).
import { readFileSync, writeFileSync } from 'node:fs';
import { compile } from 'json-schema-to-typescript';

export const SCHEMA_PATH = 'schema/tandem.schema.json';
export const TYPES_PATH = 'src/model/generated/desired.ts';

export async function generateTypes(schemaText) {
  const schema = JSON.parse(schemaText);
  return compile(schema, 'TandemDocument', {
    bannerComment: '/* GENERATED from schema/tandem.schema.json by `npm run gen:types`. Do not edit by hand. */',
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    style: { singleQuote: true, printWidth: 100 },
  });
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const ts = await generateTypes(readFileSync(SCHEMA_PATH, 'utf8'));
  if (process.argv.includes('--check')) {
    if (readFileSync(TYPES_PATH, 'utf8') !== ts) {
      console.error(`${TYPES_PATH} is stale: run npm run gen:types`);
      process.exit(1);
    }
  } else {
    writeFileSync(TYPES_PATH, ts);
    console.log(`wrote ${TYPES_PATH}`);
  }
}
