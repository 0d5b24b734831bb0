// Where a document came from, and how to turn a JSON path in it back into
// file:line:col. Values are parsed on a fast path (js-yaml); positions come from the yaml
// package's parser tokens (its CST), built only when a diagnostic asks for a position,
// once per file. Tokens are enough to find a key or a value by its path, and cost about
// a third of composing full yaml Documents: ten thousand diagnostics in a 10,000-line
// file are positioned in one parse.
import type { CST, LineCounter } from 'yaml';
import { yamlPackage } from './yaml-package.js';
import type { SourcePos } from '../diagnostics.js';

export type PathSegment = string | number;

type Item = CST.CollectionItem;

/** One YAML file's text, with its parser tokens built on first use. */
export class SourceFile {
  private parsed?: { docs: CST.Document[]; lineCounter: LineCounter };

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  private tokens() {
    if (!this.parsed) {
      const lineCounter = new (yamlPackage().LineCounter)();
      const docs: CST.Document[] = [];
      for (const token of new (yamlPackage().Parser)(lineCounter.addNewLine).parse(this.text))
        if (token.type === 'document') docs.push(token);
      this.parsed = { docs, lineCounter };
    }
    return this.parsed;
  }

  /** The parser's token for document `index` (0-based, as the loader numbers documents). */
  document(index: number): CST.Document | undefined {
    return this.tokens().docs[index];
  }

  position(offset: number): SourcePos {
    const { line, col } = this.tokens().lineCounter.linePos(offset);
    return { file: this.file, line, col };
  }
}

export interface SourceDoc {
  /** Path of the file as given to the loader (relative paths stay relative). */
  file: string;
  /** Index of the document within its file (0-based). */
  index: number;
  source: SourceFile;
}

/** A collection token as a mapping or a sequence (a flow collection says which by its bracket). */
function collection(
  t: CST.Token | undefined,
): { map: CST.BlockMap | CST.FlowCollection } | { seq: CST.BlockSequence | CST.FlowCollection } | undefined {
  if (t?.type === 'block-map') return { map: t };
  if (t?.type === 'block-seq') return { seq: t };
  if (t?.type === 'flow-collection') return t.start.source === '{' ? { map: t } : { seq: t };
  return undefined;
}

/**
 * A plain key as the core schema reads it, as the JavaScript property it becomes: `1.0`
 * is the property "1", `~` the property "null". Quoted keys are strings as written.
 */
function keyText(token: CST.Token): string | undefined {
  const scalar = yamlPackage().CST.resolveAsScalar(token);
  if (!scalar) return undefined;
  if (token.type !== 'scalar') return scalar.value;
  const v = scalar.value;
  if (/^(?:~|null|Null|NULL|)$/.test(v)) return 'null';
  if (/^(?:true|True|TRUE|false|False|FALSE)$/.test(v)) return v.toLowerCase();
  if (/^0o[0-7]+$/.test(v)) return String(parseInt(v.slice(2), 8));
  if (/^0x[0-9a-fA-F]+$/.test(v)) return String(parseInt(v.slice(2), 16));
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(v)) return String(Number(v));
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(v)) return v.startsWith('-') ? '-Infinity' : 'Infinity';
  if (/^\.(?:nan|NaN|NAN)$/.test(v)) return 'NaN';
  return v;
}

/**
 * The item of a mapping with a key, by the key's text. Each mapping is indexed on its
 * first lookup: a file with ten thousand keys and a diagnostic for each would otherwise
 * scan the mapping once per diagnostic.
 */
const itemIndex = new WeakMap<object, Map<string, Item>>();

function itemOf(map: CST.BlockMap | CST.FlowCollection, key: string): Item | undefined {
  let index = itemIndex.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items as Item[]) {
      const text = item.key ? keyText(item.key) : undefined;
      if (text !== undefined && !index.has(text)) index.set(text, item);
    }
    itemIndex.set(map, index);
  }
  return index.get(key);
}

/** The items of a sequence that become elements: a flow sequence's empty item (a trailing comma) does not. */
function elements(seq: CST.BlockSequence | CST.FlowCollection): Item[] {
  if (seq.type === 'block-seq') return seq.items;
  return seq.items.filter(
    (it) => it.key || it.sep || it.value || it.start.some((t) => t.type === 'anchor' || t.type === 'tag'),
  );
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
  let node: CST.Token | undefined = doc.value;
  let best: number | undefined = node?.offset;
  let lastKey: CST.Token | undefined;
  for (const segment of path) {
    lastKey = undefined;
    const c = collection(node);
    if (c && 'map' in c) {
      const item = itemOf(c.map, String(segment));
      if (!item) break;
      // An empty value (`key:` and nothing): its key.
      lastKey = item.key ?? undefined;
      node = item.value;
      best = node?.offset ?? lastKey?.offset ?? best;
    } else if (c && 'seq' in c && typeof segment === 'number') {
      const item = elements(c.seq)[segment];
      if (!item) break;
      if (c.seq.type === 'flow-collection' && (item.key || item.sep)) {
        // `[a: 1]`: an item with a key is a one-pair mapping.
        node = { ...c.seq, start: { ...c.seq.start, source: '{' }, items: [item] };
        best = item.key?.offset ?? best;
      } else {
        // An empty element (`- ` and nothing): its dash.
        node = item.value;
        best = node?.offset ?? item.start.find((t) => t.type === 'seq-item-ind')?.offset ?? best;
      }
    } else {
      break;
    }
  }
  if (opts.key && lastKey) return src.source.position(lastKey.offset);
  if (best !== undefined) return src.source.position(best);
  return { file: src.file, line: 1, col: 1 };
}
