// Parses one YAML file into documents, keeping source ranges, and turns every YAML
// problem (syntax, tabs, duplicate keys, alias bombs) into a positioned diagnostic.
import { LineCounter, parseAllDocuments, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import type { SourceDoc } from './source.js';

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

function yamlDiagnostic(file: string, lineCounter: LineCounter, error: YAMLError, severity: 'error' | 'warning'): Diagnostic {
  const { line, col } = lineCounter.linePos(error.pos[0]);
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

export function parseYamlFile(file: string, text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    keepSourceTokens: false,
  });
  const diagnostics: Diagnostic[] = [];
  const documents: ParsedDocument[] = [];
  // parseAllDocuments returns an EmptyStream (an array with `empty`) for a blank file.
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, index) => {
    for (const e of doc.errors) diagnostics.push(yamlDiagnostic(file, lineCounter, e, 'error'));
    for (const w of doc.warnings) diagnostics.push(yamlDiagnostic(file, lineCounter, w, 'warning'));
    if (doc.errors.length > 0) return;
    const source: SourceDoc = { file, index, doc, lineCounter };
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      // yaml throws a ReferenceError for excessive alias expansion and for unresolved aliases.
      const { line, col } = lineCounter.linePos(doc.range[0]);
      const message = (err as Error).message;
      const bomb = /alias count/i.test(message);
      diagnostics.push({
        severity: 'error',
        ruleId: bomb ? 'YAML003' : 'YAML001',
        summary: bomb
          ? `document ${index + 1} expands more than ${MAX_ALIAS_COUNT} aliases (a resource exhaustion pattern)`
          : message,
        detail: bomb ? 'Write the values out instead of nesting aliases.' : 'Fix the alias or anchor.',
        objects: [],
        source: { file, line, col },
        reference: 'YAML 1.2; billion laughs',
      });
      return;
    }
    if (value === null || value === undefined) return; // empty document between separators
    documents.push({ source, value });
  });
  return { documents, diagnostics };
}
