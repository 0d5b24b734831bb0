// Parses one YAML file into documents and turns every YAML problem (syntax, tabs,
// duplicate keys, alias bombs) into a positioned diagnostic.
//
// Two parsers, on purpose: js-yaml builds plain values several times faster than the
// yaml package builds its positioned documents, and a valid file never needs
// positions. A file that fails, or that uses aliases, goes through yaml, which reports
// every error with a code and bounds alias expansion (maxAliasCount). Both read YAML
// 1.2 with the core schema (no timestamps, no merge keys).
import { CORE_SCHEMA, loadAll, YAMLException } from 'js-yaml';
import { LineCounter, parseAllDocuments, visit, type Document, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { SourceFile, type SourceDoc } from './source.js';

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

/**
 * Where the reader should look. yaml reports an unclosed quote where the text ends;
 * the mistake is the quoted scalar that runs to there, so point at its opening quote.
 */
function errorOffset(doc: Document.Parsed, error: YAMLError): number {
  if (error.code !== 'MISSING_CHAR' || !/quote/i.test(error.message)) return error.pos[0];
  let start = error.pos[0];
  visit(doc, {
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
  visit(doc, {
    Alias(_, node) {
      if (offset === undefined && node.range && !node.resolve(doc)) offset = node.range[0];
    },
  });
  return offset;
}

function yamlDiagnostic(
  file: string,
  lineCounter: LineCounter,
  doc: Document.Parsed,
  error: YAMLError,
  severity: 'error' | 'warning',
): Diagnostic {
  const { line, col } = lineCounter.linePos(errorOffset(doc, error));
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

function fastParse(file: string, text: string): unknown[] | null {
  if (ALIAS.test(text)) return null;
  try {
    return loadAll(text, null, { filename: file, schema: CORE_SCHEMA });
  } catch (err) {
    if (err instanceof YAMLException) return null;
    throw err;
  }
}

export function parseYamlFile(file: string, text: string): ParsedFile {
  const source = new SourceFile(file, text);
  const values = fastParse(file, text);
  if (values) {
    const documents: ParsedDocument[] = [];
    values.forEach((value, index) => {
      if (value !== null && value !== undefined) documents.push({ source: { file, index, source }, value });
    });
    return { documents, diagnostics: [] };
  }
  return carefulParse(file, text, source);
}

/** The yaml package's full parse: every error positioned, aliases bounded. */
function carefulParse(file: string, text: string, source: SourceFile): ParsedFile {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const diagnostics: Diagnostic[] = [];
  const documents: ParsedDocument[] = [];
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, index) => {
    for (const e of doc.errors) diagnostics.push(yamlDiagnostic(file, lineCounter, doc, e, 'error'));
    for (const w of doc.warnings) diagnostics.push(yamlDiagnostic(file, lineCounter, doc, w, 'warning'));
    if (doc.errors.length > 0) return;
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
  if (diagnostics.length === 0 && documents.length === 0 && !fastParse(file, text) && !ALIAS.test(text)) {
    // js-yaml refused what yaml accepted: say what js-yaml saw rather than pass silently.
    try {
      loadAll(text, null, { filename: file, schema: CORE_SCHEMA });
    } catch (err) {
      const mark = (err as YAMLException).mark;
      diagnostics.push({
        severity: 'error',
        ruleId: 'YAML001',
        summary: (err as Error).message.split('\n')[0],
        detail: 'Fix the YAML syntax at this position.',
        objects: [],
        source: { file, line: (mark?.line ?? 0) + 1, col: (mark?.column ?? 0) + 1 },
        reference: 'YAML 1.2',
      });
    }
  }
  return { documents, diagnostics };
}
