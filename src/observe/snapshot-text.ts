// The text side of snapshot files: JSON and YAML parsed with every syntax error at its
// line and column, and the line and column of a value named by its JSON path, so each
// problem the loader finds points into the file (src/observe/snapshot-io.ts).
import type { Document, LineCounter } from 'yaml';
import { yamlPackage } from '../load/yaml-package.js';

interface TextError {
  line: number;
  col: number;
  message: string;
}
export type TextParse = { ok: true; value: unknown } | { ok: false; errors: TextError[] };

/** 1-based line and column of a character offset. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, col: before.length - before.lastIndexOf('\n') };
}

export function parseJson(text: string): TextParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const message = (err as Error).message.split('\n')[0];
    // V8 names the offset: "... in JSON at position 12" (or "(line 2 column 3)" in newer versions).
    const at = /at position (\d+)/.exec(message);
    const lc = /\(line (\d+) column (\d+)\)/.exec(message);
    const pos = lc
      ? { line: Number(lc[1]), col: Number(lc[2]) }
      : at
        ? lineCol(text, Number(at[1]))
        : lineCol(text, text.length);
    return { ok: false, errors: [{ ...pos, message }] };
  }
}

/** YAML with every syntax error (line:col), not just the first. */
export function parseYamlText(text: string): TextParse {
  const doc = yamlPackage().parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0)
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        line: e.linePos?.[0].line ?? 1,
        col: e.linePos?.[0].col ?? 1,
        message: e.message.split('\n')[0],
      })),
    };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (err) {
    // Alias expansion beyond the limit ("billion laughs").
    return { ok: false, errors: [{ line: 1, col: 1, message: (err as Error).message.split('\n')[0] }] };
  }
}

/** A problem's JSON path as keys and indexes: `addresses[2].cidr` -> ['addresses', 2, 'cidr']. */
export function pathSegments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]) as string);
  }
  return out;
}

/**
 * Where each JSON path of a snapshot's text is (JSON is read as YAML for its positions):
 * the value's start, or the nearest enclosing value that exists (for a missing key).
 */
export function positionsIn(text: string): (path: string) => { line: number; col: number } {
  let counter: LineCounter | undefined;
  let doc: Document | undefined;
  return (path) => {
    const yaml = yamlPackage();
    counter ??= new yaml.LineCounter();
    doc ??= yaml.parseDocument(text, { lineCounter: counter, uniqueKeys: false });
    const segments = pathSegments(path);
    for (let n = segments.length; n >= 0; n--) {
      const found: unknown = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
      if (yaml.isNode(found) && found.range) return counter.linePos(found.range[0]);
    }
    return { line: 1, col: 1 };
  };
}
