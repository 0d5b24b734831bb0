// Which entries of an environment folder are its documents: the one rule that every
// reader applies (the working tree, a git revision, a pull-request preview), so that
// each reads the same set. Every entry directly in the folder whose name ends in .yaml
// or .yml belongs to the environment. A regular file is read; anything else with such a
// name (a symbolic link, a folder, a FIFO, a socket, a device, a git submodule) is an
// error, never skipped: a file that one reader skips and another reads is a desired
// state that silently differs between `validate` and `reconcile`.
import type { Diagnostic } from '../diagnostics.js';

/** Largest file the loader reads; larger ones are refused before they are read. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export type EntryKind = 'file' | 'symlink' | 'directory' | 'fifo' | 'socket' | 'device' | 'submodule' | 'unknown';

/** An entry with a YAML name that was not read, and why. */
export interface UnreadEntry {
  unread: Exclude<EntryKind, 'file'> | 'too-large' | 'unreadable' | 'bad-name';
  /** Size in bytes, for 'too-large'. */
  size?: number;
  /** The system's reason (EACCES, EIO...), for 'unreadable'. */
  reason?: string;
}

/** A YAML entry of an environment as a reader found it: its text or bytes, or why it was not read. */
export type EnvironmentFile = string | Uint8Array | UnreadEntry;

export function isYamlFile(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

export function isUnread(file: EnvironmentFile): file is UnreadEntry {
  return typeof file === 'object' && !(file instanceof Uint8Array);
}

/** What an lstat result says an entry is (never following a symbolic link). */
export function kindOfStats(stats: {
  isFile(): boolean;
  isSymbolicLink(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isBlockDevice(): boolean;
  isCharacterDevice(): boolean;
}): EntryKind {
  if (stats.isFile()) return 'file';
  if (stats.isSymbolicLink()) return 'symlink';
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isBlockDevice() || stats.isCharacterDevice()) return 'device';
  return 'unknown';
}

/** What a git tree entry is, from its mode (100644 and 100755 are regular files, 120000 a link, 160000 a gitlink). */
export function kindOfTreeEntry(mode: string, type: string): EntryKind {
  if (type === 'blob' && (mode === '100644' || mode === '100755')) return 'file';
  if (type === 'blob' && mode === '120000') return 'symlink';
  if (type === 'tree') return 'directory';
  if (type === 'commit') return 'submodule';
  return 'unknown';
}

const WHAT: Record<Exclude<EntryKind, 'file'>, string> = {
  symlink: 'a symbolic link',
  directory: 'a folder',
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  device: 'a device',
  submodule: 'a git submodule (gitlink)',
  unknown: 'not a regular file',
};

const READING = 'docs/decisions.md (Reading an environment)';

/** The diagnostic for an entry that was not read: every reader reports the same one. */
export function unreadDiagnostic(file: string, entry: UnreadEntry): Diagnostic {
  const source = { file, line: 1, col: 1 };
  switch (entry.unread) {
    case 'too-large':
      return {
        severity: 'error',
        ruleId: 'LOAD002',
        summary: `${file} is ${entry.size ?? 'more than'} bytes, over the ${MAX_FILE_BYTES}-byte limit`,
        detail: 'Split the environment into several files.',
        objects: [],
        source,
      };
    case 'unreadable':
      return {
        severity: 'error',
        ruleId: 'LOAD006',
        summary: `cannot read ${file}: ${entry.reason ?? 'unknown error'}`,
        detail:
          'Every .yaml/.yml file in the environment folder is part of the desired state: ' +
          'make it readable by the user running tandem, or remove it.',
        objects: [],
        source,
        reference: READING,
      };
    case 'bad-name':
      return {
        severity: 'error',
        ruleId: 'LOAD006',
        summary: `cannot read ${file}: its name is not valid UTF-8 or holds a path separator`,
        detail: 'Rename the file to a UTF-8 name without "/".',
        objects: [],
        source,
        reference: READING,
      };
    default:
      return {
        severity: 'error',
        ruleId: 'LOAD005',
        summary: `${file} is ${WHAT[entry.unread]}, not a regular file`,
        detail:
          'Every entry named *.yaml or *.yml directly in the environment folder is read as a document file, ' +
          'the same in a working tree and at a git revision: replace it with a regular file ' +
          '(a link: with a copy of the file it points to), or rename it so its name does not end in .yaml or .yml.',
        objects: [],
        source,
        reference: READING,
      };
  }
}
