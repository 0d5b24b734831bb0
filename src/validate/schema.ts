// Schema validation of every document with ajv: the validator is compiled ahead of time
// (no schema compilation at start-up), all errors are collected, and each is mapped back
// to the file:line:col of the value.
// The schema may annotate a definition with `x-tandem-rule` (the rule id its failure
// reports) and `x-tandem-message` (a sentence better than ajv's default).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { MAX_DIAGNOSTICS_PER_FILE, type Diagnostic, type Omitted, type SourcePos } from '../diagnostics.js';
import type { ParsedDocument } from '../load/parse-file.js';
import { locate, type PathSegment } from '../load/source.js';
import { SCHEMA_SHA256, validateDocument } from '../model/generated/validate-document.js';
import type { TandemDocument } from '../model/generated/desired.js';
import { SCHEMA_FILE } from '../paths.js';
import { compileSchema } from './compile-schema.js';
import { closest } from './suggest.js';

export const KINDS = ['Cluster', 'Node', 'RelocatableAddress', 'IPsecPolicy', 'IKEConnection'] as const;

let chosen: ValidateFunction<TandemDocument> | undefined;

/**
 * The validator generated from the shipped schema (scripts/gen-validator.mjs), or, when the
 * schema file is not the text it was generated from, one compiled here: a schema edited
 * without `npm run gen:types` is still what validates (a test fails on the stale file).
 */
function validator(): ValidateFunction<TandemDocument> {
  if (chosen) return chosen;
  const text = readFileSync(SCHEMA_FILE, 'utf8');
  chosen =
    createHash('sha256').update(text).digest('hex') === SCHEMA_SHA256
      ? (validateDocument as ValidateFunction<TandemDocument>)
      : compileSchema(text);
  return chosen;
}

function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function displayPath(path: readonly PathSegment[]): string {
  return path.reduce<string>((acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
}

function describeDoc(value: unknown): string {
  const v = value as { kind?: unknown; metadata?: { name?: unknown } } | null;
  const kind = typeof v?.kind === 'string' ? v.kind : 'document';
  const name = typeof v?.metadata?.name === 'string' ? v.metadata.name : '?';
  return `${kind}/${name}`;
}

/** Longest value echoed whole in a message; longer ones are cut, so a huge value never floods the output. */
const MAX_QUOTED = 80;

function quote(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}… (${text.length} characters)` : text;
}

interface Mapped {
  ruleId: string;
  path: PathSegment[];
  atKey: boolean;
  summary: string;
  /** Built only for the diagnostics shown: the did-you-mean search is not free. */
  detail: () => string;
}

function mapError(e: ErrorObject, value: unknown): Mapped | null {
  const path = pointerToPath(e.instancePath);
  const where = displayPath(path) || 'document';
  const parent = (e.parentSchema ?? {}) as {
    'x-tandem-rule'?: string;
    'x-tandem-message'?: string;
    properties?: object;
  };
  const custom = parent['x-tandem-message'];
  const ruleId = parent['x-tandem-rule'] ?? 'SCHEMA';
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(parent.properties ?? {});
      return {
        ruleId: 'SCHEMA',
        path: [...path, key],
        atKey: true,
        summary: `unknown field ${quote(key)} in ${where}`,
        detail: () => {
          const guess = closest(key, known);
          return guess
            ? `Did you mean '${guess}'? Allowed: ${known.join(', ')}.`
            : `Allowed fields: ${known.join(', ')}.`;
        },
      };
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return {
        ruleId: 'SCHEMA',
        path,
        atKey: false,
        summary: `${where} is missing required field '${missing}'`,
        detail: () => `Add '${missing}'.`,
      };
    }
    case 'discriminator': {
      const kind = (value as { kind?: unknown })?.kind;
      return {
        ruleId: 'SCHEMA',
        path: ['kind'],
        atKey: false,
        summary: kind === undefined ? 'document has no kind' : `unknown kind ${quote(kind)}`,
        detail: () => {
          const guess = typeof kind === 'string' ? closest(kind, KINDS) : undefined;
          return `${guess ? `Did you mean '${guess}'? ` : ''}kind must be one of ${KINDS.join(', ')}.`;
        },
      };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      return {
        ruleId,
        path,
        atKey: false,
        summary: `${where} is ${quote(e.data)}, not one of ${allowed.map(quote).join(', ')}`,
        detail: () => {
          const words = allowed.filter((a): a is string => typeof a === 'string');
          const guess = typeof e.data === 'string' ? closest(e.data, words) : undefined;
          return `${guess ? `Did you mean '${guess}'? ` : ''}Use one of ${allowed.map(quote).join(', ')}.`;
        },
      };
    }
    case 'const': {
      const allowed = (e.params as { allowedValue: unknown }).allowedValue;
      return {
        ruleId,
        path,
        atKey: false,
        summary: `${where} must be ${quote(allowed)}, found ${quote(e.data)}`,
        detail: () => `Set it to ${quote(allowed)}.`,
      };
    }
    case 'anyOf':
    case 'oneOf':
    case 'if':
      return null; // the branch errors say more; mapErrors keeps this only when alone
    default: {
      const shown = typeof e.data === 'object' ? '' : ` ${quote(e.data)}`;
      if (custom)
        return {
          ruleId,
          path,
          atKey: false,
          summary: `${where}${shown} ${custom}`,
          detail: () => 'See the field description in schema/tandem.schema.json.',
        };
      return {
        ruleId,
        path,
        atKey: false,
        summary: `${where}${shown} ${e.message ?? 'is invalid'}`,
        detail: () => 'See the field description in schema/tandem.schema.json.',
      };
    }
  }
}

/**
 * The diagnostics of one failing document: at most `budget` of them built, the rest
 * counted. Positions and help texts are built only for those shown: a document with ten
 * thousand unknown fields costs ten thousand cheap counts, not ten thousand lookups.
 */
function schemaDiagnostics(
  doc: ParsedDocument,
  errors: readonly ErrorObject[],
  budget: number,
): { diagnostics: Diagnostic[]; more: number; next?: SourcePos } {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  let more = 0;
  let next: SourcePos | undefined;
  const object = describeDoc(doc.value);
  // A failing anyOf (e.g. route 'to': 'default' or a prefix) reports each branch; when
  // the schema gave that value a message, say it once.
  const customPaths = new Map<string, ErrorObject>();
  for (const e of errors) {
    const ps = e.parentSchema;
    if ((e.keyword === 'anyOf' || e.keyword === 'oneOf') && ps?.['x-tandem-message'])
      customPaths.set(e.instancePath, e);
  }
  for (const e of errors) {
    let mapped: Mapped | null;
    const custom = customPaths.get(e.instancePath);
    if (custom && e.keyword !== 'additionalProperties' && e.keyword !== 'required') {
      const ps = custom.parentSchema as Record<string, string>;
      const path = pointerToPath(e.instancePath);
      mapped = {
        ruleId: ps['x-tandem-rule'] ?? 'SCHEMA',
        path,
        atKey: false,
        summary: `${displayPath(path)} ${quote(custom.data)} ${ps['x-tandem-message']}`,
        detail: () => 'See the field description in schema/tandem.schema.json.',
      };
    } else {
      mapped = mapError(e, doc.value);
    }
    if (!mapped) continue;
    const key = `${mapped.path.join('/')}|${mapped.summary}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (out.length >= budget) {
      // Only the first one left out is located: the count's diagnostic points there.
      if (more++ === 0) next = locate(doc.source, mapped.path, { key: mapped.atKey });
      continue;
    }
    out.push({
      severity: 'error',
      ruleId: mapped.ruleId,
      summary: `${object}: ${mapped.summary}`,
      detail: mapped.detail(),
      objects: [object],
      source: locate(doc.source, mapped.path, { key: mapped.atKey }),
      reference: 'schema/tandem.schema.json',
    });
  }
  // Only a failing anyOf/oneOf with nothing more specific: say that the value matched no form.
  if (out.length === 0 && more === 0 && errors.length > 0) {
    if (budget <= 0) return { diagnostics: [], more: 1, next: locate(doc.source, []) };
    const e = errors[0];
    const path = pointerToPath(e.instancePath);
    out.push({
      severity: 'error',
      ruleId: 'SCHEMA',
      summary: `${object}: ${displayPath(path) || 'document'} ${e.message ?? 'is invalid'}`,
      objects: [object],
      source: locate(doc.source, path),
      reference: 'schema/tandem.schema.json',
    });
  }
  return { diagnostics: out, more, next };
}

export interface SchemaResult {
  valid: Array<{ doc: ParsedDocument; value: TandemDocument }>;
  /** At most MAX_DIAGNOSTICS_PER_FILE per file. */
  diagnostics: Diagnostic[];
  /** Per file, the errors past that cap: counted, never built (capPerFile reports them). */
  omitted: Omitted[];
}

export function validateSchema(documents: readonly ParsedDocument[]): SchemaResult {
  const validate = validator();
  const result: SchemaResult = { valid: [], diagnostics: [], omitted: [] };
  const built = new Map<string, number>();
  const omitted = new Map<string, Omitted>();
  for (const doc of documents) {
    if (validate(doc.value)) {
      result.valid.push({ doc, value: doc.value });
      continue;
    }
    const file = doc.source.file;
    const done = built.get(file) ?? 0;
    const { diagnostics, more, next } = schemaDiagnostics(doc, validate.errors ?? [], MAX_DIAGNOSTICS_PER_FILE - done);
    result.diagnostics.push(...diagnostics);
    built.set(file, done + diagnostics.length);
    if (more > 0) {
      const o = omitted.get(file) ?? { file, errors: 0, warnings: 0, at: next };
      o.errors += more;
      omitted.set(file, o);
    }
  }
  result.omitted = [...omitted.values()];
  return result;
}
