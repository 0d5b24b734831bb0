// The schema's ajv validator is compiled ahead of time (scripts/gen-validator.mjs) into
// src/model/generated/validate-document.ts. These tests fail when that file is stale
// against the schema, when the generator's ajv options drift from the ones a process uses
// to compile the schema itself, and when the two validators judge a document differently.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import type { ValidateFunction } from 'ajv';
import { parseYamlFile } from '../../src/load/parse-file.js';
import { SCHEMA_SHA256, validateDocument as generated } from '../../src/model/generated/validate-document.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { AJV_OPTIONS, AJV_VOCABULARY, compileSchema } from '../../src/validate/compile-schema.js';

interface GenValidatorModule {
  generateValidator(schemaText: string): string;
  schemaHash(schemaText: string): string;
  SCHEMA_PATH: string;
  VALIDATOR_PATH: string;
  AJV_OPTIONS: object;
  AJV_VOCABULARY: string[];
}

// gen-validator.mjs lives outside tsc's program, so it is imported by its absolute URL.
const generator = async () =>
  (await import(pathToFileURL(join(PACKAGE_ROOT, 'scripts', 'gen-validator.mjs')).href)) as GenValidatorModule;

const validateDocument = generated as ValidateFunction;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry) ? [path] : [];
  });
}

describe('ahead-of-time schema validator', () => {
  it('src/model/generated/validate-document.ts is what gen:types produces from the schema', async () => {
    const gen = await generator();
    const schema = readFileSync(join(PACKAGE_ROOT, gen.SCHEMA_PATH), 'utf8');
    const committed = readFileSync(join(PACKAGE_ROOT, gen.VALIDATOR_PATH), 'utf8');
    const expected = gen.generateValidator(schema);
    assert.ok(expected.includes('export { validate'), 'the generator produced a validator');
    assert.equal(committed, expected, `${gen.VALIDATOR_PATH} is stale: run npm run gen:types`);
    assert.equal(SCHEMA_SHA256, gen.schemaHash(schema), 'the compiled module records the schema it came from');
  });

  it('is compiled with the options a process uses when it compiles the schema itself', async () => {
    const gen = await generator();
    assert.deepEqual(gen.AJV_OPTIONS, AJV_OPTIONS);
    assert.deepEqual(gen.AJV_VOCABULARY, [...AJV_VOCABULARY]);
  });

  it('judges every shipped and fixture document as the validator compiled at run time does', () => {
    const compiled = compileSchema(readFileSync(join(PACKAGE_ROOT, 'schema', 'tandem.schema.json'), 'utf8'));
    const files = [
      ...yamlFiles(join(PACKAGE_ROOT, 'environments')),
      ...yamlFiles(join(PACKAGE_ROOT, 'test', 'fixtures')),
    ];
    let documents = 0;
    let invalid = 0;
    for (const file of files) {
      for (const doc of parseYamlFile(file, readFileSync(file, 'utf8')).documents) {
        documents++;
        const ahead = validateDocument(doc.value);
        const here = compiled(doc.value);
        assert.equal(ahead, here, `${file}: valid ${ahead} ahead of time, ${here} compiled here`);
        if (!ahead) invalid++;
        // The errors, with their parent schemas (x-tandem-rule, x-tandem-message), are the same.
        assert.deepEqual(validateDocument.errors ?? null, compiled.errors ?? null, file);
      }
    }
    assert.ok(documents > 100 && invalid > 10, `${documents} documents, ${invalid} invalid: the corpus was read`);
  });

  it('a process validating with the shipped schema loads no ajv compiler (none compiled at start-up)', async () => {
    // A fresh process, as `tandem validate` runs: which CommonJS files did it load?
    const script = `
      import Module from 'node:module';
      const { validateEnvironment } = await import(process.argv[1]);
      const result = await validateEnvironment(process.argv[2]);
      const loaded = Object.keys(Module._cache).filter((f) => f.includes('/node_modules/ajv/'));
      process.stdout.write(JSON.stringify({ valid: result.valid, loaded }));`;
    const { stdout } = await execa(process.execPath, [
      '--input-type=module',
      '-e',
      script,
      join(PACKAGE_ROOT, 'dist', 'src', 'validate', 'index.js'),
      join(PACKAGE_ROOT, 'environments', 'demo'),
    ]);
    const { valid, loaded } = JSON.parse(stdout) as { valid: boolean; loaded: string[] };
    assert.equal(valid, true);
    assert.deepEqual(loaded.map((f) => f.slice(f.indexOf('/node_modules/') + 1)).sort(), [
      'node_modules/ajv/dist/runtime/equal.js',
      'node_modules/ajv/dist/runtime/ucs2length.js',
    ]);
  });
});
