// Reads an environment folder: every .yaml/.yml file directly inside it (sub-folders
// hold other things, such as recorded snapshots), several documents per file.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { parseYamlFile, type ParsedDocument } from './parse-file.js';
import { byCodePoint } from '../order.js';

/** Largest file the loader reads; larger ones are refused before parsing. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface LoadedEnvironment {
  dir: string;
  files: string[];
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
  /** File texts, for showing the offending line under a diagnostic. */
  texts: Map<string, string>;
}

/** Loads from in-memory texts (git revisions, tests); `files` maps path to content. */
export function loadFromTexts(dir: string, files: ReadonlyMap<string, string>): LoadedEnvironment {
  const env: LoadedEnvironment = { dir, files: [], documents: [], diagnostics: [], texts: new Map() };
  for (const [file, text] of [...files].sort(([a], [b]) => byCodePoint(a, b))) {
    env.files.push(file);
    env.texts.set(file, text);
    if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
      env.diagnostics.push(tooLarge(file, Buffer.byteLength(text)));
      continue;
    }
    const parsed = parseYamlFile(file, text);
    env.documents.push(...parsed.documents);
    env.diagnostics.push(...parsed.diagnostics);
  }
  return env;
}

function tooLarge(file: string, size: number): Diagnostic {
  return {
    severity: 'error',
    ruleId: 'LOAD002',
    summary: `${file} is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit`,
    detail: 'Split the environment into several files.',
    objects: [],
    source: { file, line: 1, col: 1 },
  };
}

export function isYamlFile(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

export async function loadEnvironment(dir: string): Promise<LoadedEnvironment> {
  let entries: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory())
      return failed(dir, `${dir} is not a directory`, 'Pass the folder of an environment, such as environments/demo.');
    entries = (await readdir(dir)).filter(isYamlFile).sort();
  } catch (err) {
    return failed(
      dir,
      `cannot read environment ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      'Check the path; an environment is a folder of YAML files.',
    );
  }
  if (entries.length === 0) {
    return failed(
      dir,
      `${dir} holds no .yaml or .yml files`,
      'An environment is a folder of YAML files; an empty one is never treated as "delete everything".',
    );
  }
  const texts = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const name of entries) {
    const file = join(dir, name);
    const info = await stat(file);
    if (info.size > MAX_FILE_BYTES) {
      diagnostics.push(tooLarge(file, info.size));
      continue;
    }
    texts.set(file, await readFile(file, 'utf8'));
  }
  const env = loadFromTexts(dir, texts);
  env.diagnostics.unshift(...diagnostics);
  return env;
}

function failed(dir: string, summary: string, detail: string): LoadedEnvironment {
  return {
    dir,
    files: [],
    documents: [],
    texts: new Map(),
    diagnostics: [
      { severity: 'error', ruleId: 'LOAD001', summary, detail, objects: [], source: { file: dir, line: 1, col: 1 } },
    ],
  };
}
