// The TypeScript types of the documents are generated from the JSON Schema; this test
// fails when someone changes the schema without running `npm run gen:types` (or edits
// the generated file by hand).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../../src/paths.js';

interface GenTypesModule {
  generateTypes(schemaText: string): Promise<string>;
  SCHEMA_PATH: string;
  TYPES_PATH: string;
}

describe('generated model types', () => {
  it('src/model/generated/desired.ts is what gen:types produces from the schema', async () => {
    // gen-types.mjs lives outside tsc's program, so it is imported by its absolute URL.
    const gen = (await import(pathToFileURL(join(PACKAGE_ROOT, 'scripts', 'gen-types.mjs')).href)) as GenTypesModule;
    const schema = readFileSync(join(PACKAGE_ROOT, gen.SCHEMA_PATH), 'utf8');
    const committed = readFileSync(join(PACKAGE_ROOT, gen.TYPES_PATH), 'utf8');
    const expected = await gen.generateTypes(schema);
    assert.ok(expected.includes('export interface NodeDocument'), 'the generator produced the document types');
    assert.equal(committed, expected, `${gen.TYPES_PATH} is stale: run npm run gen:types`);
  });
});
