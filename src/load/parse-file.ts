// Parses one YAML file into documents and turns every YAML problem (syntax, tabs,
// duplicate keys, tags, alias bombs, deep nesting) into a positioned diagnostic.
//
// Two parsers, on purpose: js-yaml builds plain values several times faster than the
// yaml package builds its positioned documents, and a valid file never needs
// positions. A file that fails, or that uses aliases, tags or directives, goes through
// yaml, which reports every error with a code and bounds alias expansion
// (maxAliasCount). Both read YAML 1.2 with the core schema only: no timestamps, no merge
// keys, and no explicit tags at all (`!!omap`, `!!set`, `!!binary`, `!foo`, `%TAG`):
// yaml would turn an `!!omap` into a Map that the schema sees as an empty object, so a
// tagged value is refused, never read differently. The fast path never accepts what the
// careful one refuses: text that could hold a tag or a directive skips it, js-yaml
// refuses keys that differ only by type (`1` and `"1"`) as the careful path does, and
// nesting is bounded before either parser runs (nesting.ts).
import { loadAll, YAMLException } from 'js-yaml';
import type { CST, Document, LineCounter, Scalar, YAMLError } from 'yaml';
import type { Diagnostic, SourcePos } from '../diagnostics.js';
import { CORE_SCHEMA_FAST } from './core-schema.js';
import { excessiveNesting, MAX_NESTING } from './nesting.js';
import { SourceFile, type SourceDoc } from './source.js';
import { yamlPackage } from './yaml-package.js';

/** Resolved aliases allowed per document: stops "billion laughs" expansion early. */
export const MAX_ALIAS_COUNT = 100;

export interface ParsedDocument {
  source: SourceDoc;
  /** Plain JavaScript value of the document (null for an empty document). */
  value: unknown;
}

export interface ParsedFile {
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
}

/** An alias (`*name`) after whitespace, a flow indicator or a colon. */
const ALIAS = /(?:^|[\s,[{:])\*[^\s,\]}]/m;
/** A directive: `%` starting a line. */
const DIRECTIVE = /^%/m;

/**
 * Whether the text could hold an alias, a tag (`!`) or a directive: the careful path
 * decides. The regular expressions try every position of a file; most files hold no `*`,
 * `!` or `%` at all, which a plain search tells first (the answer is the same).
 */
function mayHoldAliasTagOrDirective(text: string): boolean {
  if (text.includes('!')) return true;
  if (text.includes('*') && ALIAS.test(text)) return true;
  return text.includes('%') && DIRECTIVE.test(text);
}

/**
 * Where the reader should look. yaml reports an unclosed quote where the text ends;
 * the mistake is the quoted scalar that runs to there, so point at its opening quote.
 */
function errorOffset(doc: Document.Parsed, error: YAMLError): number {
  if (error.code !== 'MISSING_CHAR' || !/quote/i.test(error.message)) return error.pos[0];
  let start = error.pos[0];
  yamlPackage().visit(doc, {
    Scalar(_, node) {
      if (node.type?.startsWith('QUOTE') && node.range && node.range[1] >= error.pos[0] - 1 && node.range[0] < start)
        start = node.range[0];
    },
  });
  return start;
}

/** The alias that names no anchor, for "Unresolved alias" (yaml throws it without a position). */
function unresolvedAliasOffset(doc: Document.Parsed): number | undefined {
  let offset: number | undefined;
  yamlPackage().visit(doc, {
    Alias(_, node) {
      if (offset === undefined && node.range && !node.resolve(doc)) offset = node.range[0];
    },
  });
  return offset;
}

const isStackOverflow = (err: unknown): boolean => err instanceof RangeError || /call stack/i.test(String(err));

function yamlDiagnostic(
  file: string,
  lineCounter: LineCounter,
  doc: Document.Parsed,
  error: YAMLError,
  severity: 'error' | 'warning',
): Diagnostic {
  const { line, col } = lineCounter.linePos(errorOffset(doc, error));
  if (isStackOverflow(error.message)) return tooDeep({ file, line, col });
  const firstLine = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const isTab = /tab/i.test(error.message);
  return {
    severity,
    ruleId: error.code === 'DUPLICATE_KEY' ? 'YAML002' : 'YAML001',
    summary: firstLine,
    detail: isTab
      ? 'YAML indentation must use spaces; replace the tab characters.'
      : error.code === 'DUPLICATE_KEY'
        ? 'Each key may appear once per mapping; remove or rename the repeated key.'
        : 'Fix the YAML syntax at this position.',
    objects: [],
    source: { file, line, col },
    reference: 'YAML 1.2',
  };
}

function tooDeep(source: SourcePos): Diagnostic {
  return {
    severity: 'error',
    ruleId: 'LOAD007',
    summary: `too deeply nested: more than ${MAX_NESTING} levels of lists and mappings`,
    detail: 'tandem documents nest a few levels deep; look for unclosed or repeated [ and { here.',
    objects: [],
    source,
    reference: 'docs/rules.md#LOAD007',
  };
}

/** 1-based line and column of an offset, without building a LineCounter for a file that is not parsed. */
function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

function fastParse(file: string, text: string): unknown[] | null {
  if (mayHoldAliasTagOrDirective(text)) return null;
  try {
    return loadAll(text, null, { filename: file, schema: CORE_SCHEMA_FAST });
  } catch (err) {
    if (err instanceof YAMLException || isStackOverflow(err)) return null;
    throw err;
  }
}

export function parseYamlFile(file: string, text: string): ParsedFile {
  const deep = excessiveNesting(text);
  if (deep !== undefined) return { documents: [], diagnostics: [tooDeep({ file, ...positionOf(text, deep) })] };
  const source = new SourceFile(file, text);
  const values = fastParse(file, text);
  if (values) {
    const documents: ParsedDocument[] = [];
    values.forEach((value, index) => {
      if (value !== null && value !== undefined) documents.push({ source: { file, index, source }, value });
    });
    return { documents, diagnostics: [] };
  }
  try {
    return carefulParse(file, text, source);
  } catch (err) {
    // The nesting estimate makes this unreachable in practice; a parser's overflow is still never a crash.
    if (!isStackOverflow(err)) throw err;
    return { documents: [], diagnostics: [tooDeep({ file, line: 1, col: 1 })] };
  }
}

/** `%YAML 1.2` is the only directive: `%YAML 1.1` would switch yaml to another schema, `%TAG` defines tags. */
const ALLOWED_DIRECTIVE = /^%YAML[ \t]+1\.2(?:[ \t]|$)/;

/** Every explicit tag and every directive but `%YAML 1.2`, found in the parser's tokens. */
function tagDiagnostics(file: string, tokens: readonly CST.Token[], lineCounter: LineCounter): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: unknown[] = [...tokens];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      stack.push(...(item as unknown[]));
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    const token = item as { type?: unknown; offset?: unknown; source?: unknown };
    if (typeof token.offset === 'number' && typeof token.source === 'string') {
      const what =
        token.type === 'tag'
          ? `the tag ${token.source}`
          : token.type === 'directive' && !ALLOWED_DIRECTIVE.test(token.source)
            ? `the directive ${token.source.split(/[ \t]/)[0]}`
            : undefined;
      if (what) {
        const { line, col } = lineCounter.linePos(token.offset);
        out.push({
          severity: 'error',
          ruleId: 'YAML004',
          summary: `${what} is not allowed: tandem reads plain YAML 1.2 core-schema values`,
          detail:
            'Write the value without a tag: a mapping, a list, a string, a number, true/false or null ' +
            '(quote a value that must stay a string). Ordered maps, sets, binary data, timestamps and ' +
            'custom tags are not part of the format.',
          objects: [],
          source: { file, line, col },
          reference: 'YAML 1.2 core schema',
        });
      }
    }
    for (const value of Object.values(token)) if (typeof value === 'object' && value !== null) stack.push(value);
  }
  return out.sort((a, b) => a.source!.line - b.source!.line || a.source!.col - b.source!.col);
}

/** A key as written: a string quoted, anything else bare, so `1` and `"1"` read differently. */
const typed = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/**
 * Keys of one mapping that differ only by type (`1` and `"1"`, `true` and `"true"`)
 * become the same JavaScript property: one value would silently replace the other.
 * yaml's own duplicate check compares typed values and lets them through.
 */
function sameKeyDiagnostics(file: string, doc: Document.Parsed, lineCounter: LineCounter): Diagnostic[] {
  const out: Diagnostic[] = [];
  yamlPackage().visit(doc, {
    Map(_, map) {
      const seen = new Map<string, Scalar>();
      for (const pair of map.items) {
        if (!yamlPackage().isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const first = seen.get(key);
        if (!first) {
          seen.set(key, pair.key);
          continue;
        }
        const at = lineCounter.linePos(pair.key.range?.[0] ?? 0);
        const was = lineCounter.linePos(first.range?.[0] ?? 0);
        out.push({
          severity: 'error',
          ruleId: 'YAML002',
          summary:
            `the key ${typed(pair.key.value)} repeats the key ${typed(first.value)} of line ${was.line}: ` +
            `both read as '${key}'`,
          detail: 'Each key may appear once per mapping, whatever its type; remove or rename the repeated key.',
          objects: [],
          source: { file, line: at.line, col: at.col },
          related: [{ source: { file, line: was.line, col: was.col }, note: 'the first key' }],
          reference: 'YAML 1.2',
        });
      }
    },
  });
  return out;
}

/**
 * A tab used as indentation makes the parser misread every line after it in the
 * document ("implicit keys need to be on a single line", "nested mappings..."): those
 * are one mistake, so after the first tab only the tab errors are reported.
 */
function errorsToReport(errors: readonly YAMLError[]): readonly YAMLError[] {
  const firstTab = errors.findIndex((e) => e.code === 'TAB_AS_INDENT');
  if (firstTab < 0) return errors;
  const tabAt = errors[firstTab].pos[0];
  return errors.filter((e) => e.code === 'TAB_AS_INDENT' || e.pos[0] < tabAt);
}

/** The yaml package's full parse: every error positioned, aliases bounded, tags refused. */
function carefulParse(file: string, text: string, source: SourceFile): ParsedFile {
  const lineCounter = new (yamlPackage().LineCounter)();
  const tokens = [...new (yamlPackage().Parser)(lineCounter.addNewLine).parse(text)];
  const diagnostics: Diagnostic[] = tagDiagnostics(file, tokens, lineCounter);
  const tagged = diagnostics.length > 0;
  const docs = [...new (yamlPackage().Composer)({ uniqueKeys: true, strict: true }).compose(tokens)];
  const documents: ParsedDocument[] = [];
  docs.forEach((doc, index) => {
    for (const e of errorsToReport(doc.errors)) diagnostics.push(yamlDiagnostic(file, lineCounter, doc, e, 'error'));
    // Tags are reported once, above; yaml's "Unresolved tag" warning would say it again.
    const warnings = doc.warnings.filter((w) => !(tagged && w.code === 'TAG_RESOLVE_FAILED'));
    for (const w of warnings) diagnostics.push(yamlDiagnostic(file, lineCounter, doc, w, 'warning'));
    if (doc.errors.length > 0) return;
    const same = sameKeyDiagnostics(file, doc, lineCounter);
    diagnostics.push(...same);
    if (same.length > 0 || tagged) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      // yaml throws a ReferenceError for excessive alias expansion and for unresolved aliases.
      const message = (err as Error).message;
      const bomb = /alias count/i.test(message);
      const { line, col } = lineCounter.linePos((!bomb && unresolvedAliasOffset(doc)) || doc.range[0]);
      diagnostics.push({
        severity: 'error',
        ruleId: bomb ? 'YAML003' : 'YAML001',
        summary: bomb
          ? `document ${index + 1} expands more than ${MAX_ALIAS_COUNT} aliases (a resource exhaustion pattern)`
          : message,
        detail: bomb
          ? 'Write the values out instead of nesting aliases.'
          : 'Define the anchor (&name) before the alias (*name) refers to it, or write the value out.',
        objects: [],
        source: { file, line, col },
        reference: 'YAML 1.2; billion laughs',
      });
      return;
    }
    if (value === null || value === undefined) return;
    documents.push({ source: { file, index, source }, value });
  });
  if (!diagnostics.some((d) => d.severity === 'error')) {
    // yaml accepted the file: js-yaml must too, or the two readers disagree; say what js-yaml saw.
    try {
      loadAll(text, null, { filename: file, schema: CORE_SCHEMA_FAST });
    } catch (err) {
      if (isStackOverflow(err)) return { documents: [], diagnostics: [tooDeep({ file, line: 1, col: 1 })] };
      if (!(err instanceof YAMLException)) throw err;
      diagnostics.push({
        severity: 'error',
        ruleId: 'YAML001',
        summary: err.reason || err.message.split('\n')[0],
        detail: 'Fix the YAML syntax at this position.',
        objects: [],
        source: { file, line: (err.mark?.line ?? 0) + 1, col: (err.mark?.column ?? 0) + 1 },
        reference: 'YAML 1.2',
      });
      return { documents: [], diagnostics };
    }
  }
  return { documents, diagnostics };
}
