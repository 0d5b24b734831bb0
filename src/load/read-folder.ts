// Reads an environment folder of the working tree into the same shape a git revision
// gives (entries.ts): every entry whose name ends in .yaml/.yml, read when it is a
// regular file, described when it is not. Each entry is lstat-ed before anything opens
// it, so a FIFO is never opened (it would block), a link to /dev/zero is never followed,
// and a file's size is known before a byte is read. The open itself refuses links and
// never blocks, in case the entry changed between the lstat and the open.
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isYamlFile, kindOfStats, MAX_FILE_BYTES, type EnvironmentFile } from './entries.js';

/** Why the folder itself cannot be read: one sentence naming it, and what to do. */
export interface FolderProblem {
  summary: string;
  detail: string;
}

const NO_FOLLOW_NO_BLOCK = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY;

const errnoOf = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/** The folder's YAML entries keyed `join(dir, name)`, or why the folder cannot be read. */
export async function readEnvironmentFolder(dir: string): Promise<Map<string, EnvironmentFile> | FolderProblem> {
  const problem = await folderProblem(dir);
  if (problem) return problem;
  let names: Buffer[];
  try {
    names = await readdir(dir, { encoding: 'buffer' });
  } catch (err) {
    return { summary: `cannot read environment ${dir}: ${errnoOf(err)}`, detail: 'Check the folder permissions.' };
  }
  const files = new Map<string, EnvironmentFile>();
  for (const raw of names) {
    const name = raw.toString('utf8');
    if (!isYamlFile(name)) continue;
    const file = join(dir, name);
    files.set(file, isUtf8(raw) ? readEntry(file) : { unread: 'bad-name' });
  }
  return files;
}

/** The environment path is a folder, or a link to one; anything else is said in words. */
async function folderProblem(dir: string): Promise<FolderProblem | undefined> {
  const check = 'Pass the folder of an environment, such as environments/demo.';
  const cannot = (why: string) => ({ summary: `cannot read environment ${dir}: ${why}`, detail: check });
  let link: boolean;
  try {
    link = (await lstat(dir)).isSymbolicLink();
  } catch (err) {
    const code = errnoOf(err);
    return cannot(code === 'ENOENT' ? 'ENOENT (it does not exist)' : code);
  }
  try {
    const info = await stat(dir);
    if (info.isDirectory()) return undefined;
    return {
      summary: `${dir} is ${link ? 'a symbolic link to ' : ''}${describe(info)}, not a directory`,
      detail: check,
    };
  } catch (err) {
    const code = errnoOf(err);
    if (link && code === 'ENOENT') return cannot('ENOENT (a symbolic link whose target does not exist)');
    if (code === 'ELOOP') return cannot('ELOOP (a symbolic link loop)');
    return cannot(code);
  }
}

function describe(info: Parameters<typeof kindOfStats>[0]): string {
  switch (kindOfStats(info)) {
    case 'file':
      return 'a file';
    case 'fifo':
      return 'a named pipe (FIFO)';
    case 'socket':
      return 'a socket';
    case 'device':
      return 'a device';
    default:
      return 'something else';
  }
}

/**
 * One entry: its bytes when it is a regular file within the size limit, else what it is.
 * Synchronous calls: each file's lstat, open, stat, reads and close through promises
 * cost about 0.2 ms of the main thread per file (a twentieth of loading a large
 * fleet), and the caller parses the text synchronously right after. No call blocks on
 * anything but the disk: the open never waits (O_NONBLOCK) and nothing but a regular
 * file is read.
 */
function readEntry(file: string): EnvironmentFile {
  let kind;
  let size;
  try {
    const info = lstatSync(file);
    kind = kindOfStats(info);
    size = info.size;
  } catch (err) {
    return { unread: 'unreadable', reason: errnoOf(err) };
  }
  if (kind !== 'file') return { unread: kind };
  if (size > MAX_FILE_BYTES) return { unread: 'too-large', size };
  let fd;
  try {
    fd = openSync(file, NO_FOLLOW_NO_BLOCK);
  } catch (err) {
    const code = errnoOf(err);
    return code === 'ELOOP' ? { unread: 'symlink' } : { unread: 'unreadable', reason: code };
  }
  try {
    const info = fstatSync(fd);
    const now = kindOfStats(info);
    if (now !== 'file') return { unread: now };
    if (info.size > MAX_FILE_BYTES) return { unread: 'too-large', size: info.size };
    // One byte more than the size: a file that grew since the stat is read on, up to the limit.
    let buffer = Buffer.allocUnsafe(info.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > MAX_FILE_BYTES) return { unread: 'too-large', size: length };
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_FILE_BYTES + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } catch (err) {
    return { unread: 'unreadable', reason: errnoOf(err) };
  } finally {
    closeSync(fd);
  }
}
