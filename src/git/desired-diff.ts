// What a change does to the desired state between two revisions: documents added,
// removed and changed, field by field. Pure over two sets of loaded documents.
//
// Documents are matched by `kind/metadata.name`, so moving a document to another file
// is no change. Lists of objects that all carry a distinct `name` or `node` (interfaces,
// placements) are matched by that key, so inserting one interface does not report every
// later one as changed; other lists are compared as a whole value.
import type { ParsedDocument } from '../load/parse-file.js';
import { byCodePoint } from '../order.js';

export interface DesiredDocument {
  /** `Kind/name`, the identity of a document across revisions. */
  key: string;
  kind: string;
  name: string;
  file: string;
  value: unknown;
}

export interface FieldChange {
  /** JSON path, e.g. `spec.active` or `spec.interfaces[eth0].addresses`. */
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface DocumentChange {
  key: string;
  kind: string;
  name: string;
  file: string;
  fields: FieldChange[];
}

export interface DesiredDiff {
  added: DesiredDocument[];
  removed: DesiredDocument[];
  changed: DocumentChange[];
}

export function isEmptyDiff(d: DesiredDiff): boolean {
  return d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0;
}

/** Names documents; `relativeTo` strips the environment folder from file names. */
export function desiredDocuments(documents: readonly ParsedDocument[], relativeTo = ''): DesiredDocument[] {
  const strip = (f: string) => (relativeTo && f.startsWith(`${relativeTo}/`) ? f.slice(relativeTo.length + 1) : f);
  return documents.flatMap((d) => {
    const v = d.value as { kind?: unknown; metadata?: { name?: unknown } } | null;
    if (v === null || typeof v !== 'object') return [];
    const kind = typeof v.kind === 'string' ? v.kind : '?';
    const name = typeof v.metadata?.name === 'string' ? v.metadata.name : `${strip(d.source.file)}#${d.source.index}`;
    return [{ key: `${kind}/${name}`, kind, name, file: strip(d.source.file), value: d.value }];
  });
}

export function diffDesired(before: readonly DesiredDocument[], after: readonly DesiredDocument[]): DesiredDiff {
  const old = new Map(before.map((d) => [d.key, d]));
  const now = new Map(after.map((d) => [d.key, d]));
  const byKey = (a: { key: string }, b: { key: string }) => byCodePoint(a.key, b.key);
  const added = after.filter((d) => !old.has(d.key)).sort(byKey);
  const removed = before.filter((d) => !now.has(d.key)).sort(byKey);
  const changed: DocumentChange[] = [];
  for (const d of after) {
    const prev = old.get(d.key);
    if (!prev) continue;
    const fields: FieldChange[] = [];
    diffValue(prev.value, d.value, '', fields);
    if (fields.length) changed.push({ key: d.key, kind: d.kind, name: d.name, file: d.file, fields });
  }
  changed.sort(byKey);
  return { added, removed, changed };
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function join(path: string, key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
}

/** The key a list of objects is matched by, when every element has a distinct string one. */
function listKey(a: readonly unknown[], b: readonly unknown[]): string | undefined {
  for (const field of ['name', 'node']) {
    const ok = (xs: readonly unknown[]) => {
      const seen = new Set<string>();
      for (const x of xs) {
        if (!isObject(x) || typeof x[field] !== 'string' || seen.has(x[field])) return false;
        seen.add(x[field]);
      }
      return true;
    };
    if ((a.length || b.length) && ok(a) && ok(b)) return field;
  }
  return undefined;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
}

function diffValue(a: unknown, b: unknown, path: string, out: FieldChange[]): void {
  if (equal(a, b)) return;
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      if (!(k in b)) out.push({ path: join(path, k), before: a[k] });
      else if (!(k in a)) out.push({ path: join(path, k), after: b[k] });
      else diffValue(a[k], b[k], join(path, k), out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = listKey(a, b);
    if (key) {
      const olds = new Map(a.map((x) => [(x as Obj)[key] as string, x]));
      const news = new Map(b.map((x) => [(x as Obj)[key] as string, x]));
      for (const [k, x] of olds) if (!news.has(k)) out.push({ path: `${path}[${k}]`, before: x });
      for (const [k, x] of news) {
        if (!olds.has(k)) out.push({ path: `${path}[${k}]`, after: x });
        else diffValue(olds.get(k), x, `${path}[${k}]`, out);
      }
      return;
    }
  }
  out.push({ path, before: a, after: b });
}

/** Counts for a summary line. */
export function diffCounts(d: DesiredDiff): { added: number; removed: number; changed: number; fields: number } {
  return {
    added: d.added.length,
    removed: d.removed.length,
    changed: d.changed.length,
    fields: d.changed.reduce((n, c) => n + c.fields.length, 0),
  };
}
