// Where a document came from, and how to turn a JSON path in it back into
// file:line:col. Values are parsed on a fast path (js-yaml); the positioned yaml
// Document is built only when a diagnostic asks for a position, once per file.
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { SourcePos } from '../diagnostics.js';

export type PathSegment = string | number;

/** One YAML file's text, with its positioned parse built on first use. */
export class SourceFile {
  private parsed?: { docs: Document.Parsed[]; lineCounter: LineCounter };

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  private positioned() {
    if (!this.parsed) {
      const lineCounter = new LineCounter();
      const docs = parseAllDocuments(this.text, { lineCounter, uniqueKeys: false, prettyErrors: false });
      this.parsed = { docs: Array.isArray(docs) ? docs : [], lineCounter };
    }
    return this.parsed;
  }

  document(index: number): Document.Parsed | undefined {
    return this.positioned().docs[index];
  }

  position(offset: number): SourcePos {
    const { line, col } = this.positioned().lineCounter.linePos(offset);
    return { file: this.file, line, col };
  }
}

/**
 * The pair of a mapping with a key, by the key's text. Each mapping is indexed on its
 * first lookup: a file with ten thousand keys and a diagnostic for each would otherwise
 * scan the mapping once per diagnostic.
 */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items)
      if (isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
    pairIndex.set(map, index);
  }
  return index.get(key);
}

export interface SourceDoc {
  /** Path of the file as given to the loader (relative paths stay relative). */
  file: string;
  /** Index of the document within its file (0-based). */
  index: number;
  source: SourceFile;
}

/**
 * Position of the value at `path` in the document. With `key`, the position of the
 * mapping key that holds it (used for unknown or duplicate keys). A path that does
 * not exist resolves to its deepest existing ancestor, so a missing property points
 * at the object that lacks it.
 */
export function locate(src: SourceDoc, path: readonly PathSegment[], opts: { key?: boolean } = {}): SourcePos {
  const doc = src.source.document(src.index);
  if (!doc) return { file: src.file, line: 1, col: 1 };
  let node: unknown = doc.contents;
  let best: { range?: [number, number, number] | null } | null = (node as Node | null) ?? null;
  let lastPair: Pair | undefined;
  for (const segment of path) {
    lastPair = undefined;
    if (isMap(node)) {
      const pair = pairOf(node, String(segment));
      if (!pair) break;
      lastPair = pair;
      node = pair.value;
      if (node && (node as Node).range) best = node;
      else if (isScalar(pair.key)) best = pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) break;
      node = item;
      if ((item as Node).range) best = item;
    } else {
      break;
    }
  }
  if (opts.key && lastPair && isScalar(lastPair.key) && lastPair.key.range)
    return src.source.position(lastPair.key.range[0]);
  if (best?.range) return src.source.position(best.range[0]);
  return { file: src.file, line: 1, col: 1 };
}
