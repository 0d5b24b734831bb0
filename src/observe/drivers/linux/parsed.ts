// Shared by the iproute2 output parsers: a parse either yields a value or says what was
// wrong with the text. Parsers throw Malformed internally and convert it once, at their
// boundary, so a surprising kernel output is a per-node error and never a crash.
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export class Malformed extends Error {}

export function guard<T>(what: string, fn: () => T): Parsed<T> {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    if (err instanceof Malformed) return { ok: false, message: `${what}: ${err.message}` };
    if (err instanceof SyntaxError) return { ok: false, message: `${what}: not valid JSON (${err.message})` };
    throw err;
  }
}

export type JsonObject = Record<string, unknown>;

/** `ip -j` prints one JSON array; an empty dump may also be empty text on old versions. */
export function jsonArray(text: string): JsonObject[] {
  if (text.trim() === '') return [];
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) throw new Malformed('expected a JSON array');
  return value.map((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item))
      throw new Malformed(`entry ${i} is not an object`);
    return item as JsonObject;
  });
}

export function str(o: JsonObject, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new Malformed(`${where}: "${key}" missing or not a string`);
  return v;
}

export function optStr(o: JsonObject, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' ? v : undefined;
}

export function num(o: JsonObject, key: string, where: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Malformed(`${where}: "${key}" missing or not a number`);
  return v;
}

export function optNum(o: JsonObject, key: string): number | undefined {
  const v = o[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
}

export function strings(o: JsonObject, key: string): string[] {
  const v = o[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function obj(o: JsonObject, key: string): JsonObject | undefined {
  const v = o[key];
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}
