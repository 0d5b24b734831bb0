// A parsed YAML document with what is needed to turn a JSON path back into a
// file:line:col. Positions stay as offsets on yaml nodes until somebody asks.
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { SourcePos } from '../diagnostics.js';

export type PathSegment = string | number;

export interface SourceDoc {
  /** Path of the file as given to the loader (relative paths stay relative). */
  file: string;
  /** Index of the document within its file (0-based). */
  index: number;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

function posAt(src: SourceDoc, offset: number): SourcePos {
  const { line, col } = src.lineCounter.linePos(offset);
  return { file: src.file, line, col };
}

/**
 * Position of the value at `path` in the document. With `key`, the position of the
 * mapping key that holds it (used for unknown or duplicate keys). A path that does
 * not exist resolves to its deepest existing ancestor, so a missing property points
 * at the object that lacks it.
 */
export function locate(src: SourceDoc, path: readonly PathSegment[], opts: { key?: boolean } = {}): SourcePos {
  let node: unknown = src.doc.contents;
  let best: { range?: [number, number, number] | null } | null = (node as Node | null) ?? null;
  let lastPair: Pair | undefined;
  for (const segment of path) {
    lastPair = undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      lastPair = pair;
      node = pair.value;
      if (node && (node as Node).range) best = node as Node;
      else if (isScalar(pair.key)) best = pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) break;
      node = item;
      if ((item as Node).range) best = item as Node;
    } else {
      break;
    }
  }
  if (opts.key && lastPair && isScalar(lastPair.key) && lastPair.key.range) {
    return posAt(src, lastPair.key.range[0]);
  }
  if (best?.range) return posAt(src, best.range[0]);
  return { file: src.file, line: 1, col: 1 };
}
