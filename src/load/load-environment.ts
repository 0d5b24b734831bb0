// Reads an environment: every .yaml/.yml entry directly in its folder (sub-folders hold
// other things, such as recorded snapshots), several documents per file. The working
// tree (readEnvironmentFolder) and a git revision (src/git/source.ts) list the folder
// their own way and hand the result to loadFromTexts, which applies the one rule of
// entries.ts: regular files are read, anything else with a YAML name is an error.
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../diagnostics.js';
import { byCodePoint } from '../order.js';
import { isUnread, MAX_FILE_BYTES, unreadDiagnostic, type EnvironmentFile } from './entries.js';
import { invalidUtf8Diagnostic } from './encoding.js';
import { parseYamlFile, type ParsedDocument } from './parse-file.js';
import { readEnvironmentFolder } from './read-folder.js';

export { isYamlFile, MAX_FILE_BYTES, type EnvironmentFile } from './entries.js';

export interface LoadedEnvironment {
  dir: string;
  /** Every YAML entry of the folder, read or refused. */
  files: string[];
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
  /** File texts, for showing the offending line under a diagnostic. */
  texts: Map<string, string>;
}

/**
 * Loads what a reader found (a git revision, in-memory texts in tests, the working tree);
 * `files` maps each YAML entry's path to its text, its bytes, or why it was not read.
 */
export function loadFromTexts(dir: string, files: ReadonlyMap<string, EnvironmentFile>): LoadedEnvironment {
  const env: LoadedEnvironment = { dir, files: [], documents: [], diagnostics: [], texts: new Map() };
  if (files.size === 0) return failed(dir, `${dir} holds no .yaml or .yml files`, EMPTY);
  for (const [file, content] of [...files].sort(([a], [b]) => byCodePoint(a, b))) {
    env.files.push(file);
    if (isUnread(content)) {
      env.diagnostics.push(unreadDiagnostic(file, content));
      continue;
    }
    const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    if (size > MAX_FILE_BYTES) {
      env.diagnostics.push(unreadDiagnostic(file, { unread: 'too-large', size }));
      continue;
    }
    if (typeof content !== 'string' && !isUtf8(content)) {
      env.diagnostics.push(invalidUtf8Diagnostic(file, content));
      continue;
    }
    // A view of the bytes, not a copy of them, to decode.
    const text =
      typeof content === 'string'
        ? content
        : Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
    env.texts.set(file, text);
    const parsed = parseYamlFile(file, text);
    env.documents.push(...parsed.documents);
    env.diagnostics.push(...parsed.diagnostics);
  }
  return env;
}

const EMPTY = 'An environment is a folder of YAML files; an empty one is never treated as "delete everything".';

/** Reads an environment folder of the working tree. */
export async function loadEnvironment(dir: string): Promise<LoadedEnvironment> {
  const files = await readEnvironmentFolder(dir);
  if (!(files instanceof Map)) return failed(dir, files.summary, files.detail);
  return loadFromTexts(dir, files);
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
