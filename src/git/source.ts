// The git edge: opens a desired-state repository and reads an environment at any
// revision straight from the object database (`git ls-tree` + `git cat-file --batch`),
// so no working tree is ever checked out, changed or even required.
//
// A local path is read in place (its own refs; nothing is fetched into it). A URL is
// cloned once, bare, into `<stateDir>/git/<name>-<hash>.git` and fetched on each run,
// branches mapped onto the cache's own refs/heads so `--ref main` means origin's main.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, posix, resolve } from 'node:path';
import { loadExeca } from '../lazy-execa.js';
import { simpleGit, type SimpleGit } from 'simple-git';
import {
  isYamlFile,
  kindOfTreeEntry,
  MAX_FILE_BYTES,
  type EnvironmentFile,
  type UnreadEntry,
} from '../load/entries.js';

export type GitErrorKind =
  | 'not-a-repository'
  | 'clone-failed'
  | 'fetch-failed'
  | 'unknown-revision'
  | 'environment-not-found'
  | 'bad-argument'
  | 'read-failed';

/** What can go wrong reading a repository: an operational error, retryable except a bad argument. */
export class GitSourceError extends Error {
  constructor(
    readonly kind: GitErrorKind,
    message: string,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind === 'clone-failed' || this.kind === 'fetch-failed' || this.kind === 'read-failed';
  }
}

export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  id: string;
  name: string;
  /** Size of a blob in bytes (git ls-tree -l); undefined for trees and submodules. */
  size?: number;
  /** The name's bytes are not valid UTF-8 (`name` then holds replacement characters). */
  badName?: boolean;
}

export interface EnvironmentAtRevision {
  commit: string;
  /** Path of the environment inside the repository (posix, no trailing slash; '' for the root). */
  envPath: string;
  /**
   * Every entry named *.yaml/*.yml directly in the environment, keyed `<envPath>/<name>`, for
   * loadFromTexts: a regular file's bytes, or why the entry was not read (src/load/entries.ts).
   */
  files: Map<string, EnvironmentFile>;
  /** Recorded observed snapshots (`<envPath>/observed/<name>`), keyed by file name. */
  snapshots: Map<string, string>;
}

export interface OpenOptions {
  /** Root of tandem's state; remote repositories are cached under `<stateDir>/git`. */
  stateDir: string;
  /** Directory a relative local path is resolved against. */
  cwd?: string;
}

/** A file name from a git tree that is safe to write into a folder of our own. */
const SAFE_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,200}$/;
const REGULAR_FILE_MODES = new Set(['100644', '100755']);

export function isRemote(repo: string, cwd = process.cwd()): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repo)) return true;
  const local = resolve(cwd, repo);
  if (existsSync(local)) return false;
  // scp-like syntax: user@host:path
  return /^[^/\s]+@[^/\s:]+:/.test(repo);
}

/** Refuses revisions git could read as an option, and anything with whitespace or control characters. */
export function checkRevision(rev: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (rev === '' || rev.startsWith('-') || /[\s\x00-\x1f\x7f]/.test(rev) || rev.length > 256) {
    throw new GitSourceError('bad-argument', `${JSON.stringify(rev)} is not a usable git revision`);
  }
  return rev;
}

/** Normalises an environment path inside a repository; refuses absolute paths and `..`. */
export function checkEnvPath(path: string): string {
  const p = posix.normalize(path.replace(/\\/g, '/')).replace(/\/+$/, '');
  if (p === '.' || p === '') return '';
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (p.startsWith('/') || p.split('/').some((seg) => seg === '..') || /[\x00-\x1f]/.test(p)) {
    throw new GitSourceError('bad-argument', `${JSON.stringify(path)} is not a path inside the repository`);
  }
  return p;
}

export class GitSource {
  private constructor(
    /** Directory git runs in: the local repository or the bare cache. */
    readonly dir: string,
    readonly remote: string | undefined,
    private readonly git: SimpleGit,
  ) {}

  static async open(repo: string, options: OpenOptions): Promise<GitSource> {
    const cwd = options.cwd ?? process.cwd();
    if (!isRemote(repo, cwd)) {
      const dir = resolve(cwd, repo);
      if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
        throw new GitSourceError('not-a-repository', `${repo} is not a directory`);
      const git = simpleGit({ baseDir: dir });
      const inside = await git.raw(['rev-parse', '--git-dir']).catch(() => undefined);
      if (inside === undefined) throw new GitSourceError('not-a-repository', `${repo} is not a git repository`);
      return new GitSource(dir, undefined, git);
    }
    const dir = cacheDirFor(repo, resolve(cwd, options.stateDir));
    if (!existsSync(join(dir, 'HEAD'))) {
      await mkdir(join(dir, '..'), { recursive: true });
      try {
        await simpleGit().clone(repo, dir, ['--bare', '--quiet']);
      } catch (err) {
        throw new GitSourceError('clone-failed', `cannot clone ${repo}: ${gitMessage(err)}`);
      }
    }
    return new GitSource(dir, repo, simpleGit({ baseDir: dir }));
  }

  /** Brings a cached clone up to date with its origin; a local repository is read as it is. */
  async fetch(): Promise<void> {
    if (!this.remote) return;
    try {
      await this.git.raw([
        'fetch',
        '--prune',
        '--quiet',
        '--force',
        'origin',
        '+refs/heads/*:refs/heads/*',
        '+refs/tags/*:refs/tags/*',
      ]);
    } catch (err) {
      throw new GitSourceError('fetch-failed', `cannot fetch ${this.remote}: ${gitMessage(err)}`);
    }
  }

  /** The full commit id a revision (branch, tag, sha, HEAD~1...) names. */
  async resolve(rev: string): Promise<string> {
    checkRevision(rev);
    try {
      return (await this.git.raw(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).trim() || this.unknown(rev);
    } catch {
      return this.unknown(rev);
    }
  }

  private unknown(rev: string): never {
    throw new GitSourceError(
      'unknown-revision',
      `no commit named ${JSON.stringify(rev)} in ${this.remote ?? this.dir}`,
    );
  }

  /** Entries of the tree at `commit:path` ('' for the root), or undefined when there is no such tree. */
  async listTree(commit: string, path: string): Promise<TreeEntry[] | undefined> {
    checkRevision(commit);
    const spec = `${commit}:${checkEnvPath(path)}`;
    // Names as bytes: a name that is not UTF-8 is reported, never read under a mangled name.
    const execa = await loadExeca();
    const r = await execa('git', ['ls-tree', '-l', '-z', spec], {
      cwd: this.dir,
      reject: false,
      encoding: 'buffer',
      stripFinalNewline: false,
    });
    if (r.exitCode !== 0) return undefined;
    const out: TreeEntry[] = [];
    const buf = Buffer.from(r.stdout);
    for (let at = 0; at < buf.length;) {
      let end = buf.indexOf(0, at);
      if (end < 0) end = buf.length;
      const tab = buf.indexOf(0x09, at);
      if (tab > at && tab < end) {
        // <mode> SP <type> SP <id> SP+ <size or -> TAB <name>
        const [mode, type, id, size] = buf.subarray(at, tab).toString().split(/ +/);
        const name = buf.subarray(tab + 1, end);
        out.push({
          mode,
          type: type as TreeEntry['type'],
          id,
          name: name.toString('utf8'),
          ...(size === '-' || size === undefined ? {} : { size: Number(size) }),
          ...(isUtf8(name) ? {} : { badName: true }),
        });
      }
      at = end + 1;
    }
    return out;
  }

  /** Contents of many blobs in one `git cat-file --batch`. */
  async readBlobs(ids: readonly string[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    if (ids.length === 0) return out;
    const execa = await loadExeca();
    const r = await execa('git', ['cat-file', '--batch'], {
      cwd: this.dir,
      input: ids.join('\n') + '\n',
      encoding: 'buffer',
      reject: false,
    });
    if (r.exitCode !== 0)
      throw new GitSourceError(
        'read-failed',
        `git cat-file failed in ${this.dir}: ${Buffer.from(r.stderr).toString().split('\n')[0]}`,
      );
    const buf = Buffer.from(r.stdout);
    let at = 0;
    for (const id of ids) {
      const nl = buf.indexOf(0x0a, at);
      const header = buf.subarray(at, nl).toString();
      const [gotId, type, size] = header.split(' ');
      if (type === 'missing' || gotId !== id || type !== 'blob')
        throw new GitSourceError('read-failed', `object ${id} is not a readable blob (${header})`);
      const n = Number(size);
      out.set(id, buf.subarray(nl + 1, nl + 1 + n));
      at = nl + 1 + n + 1;
    }
    return out;
  }

  /**
   * Reads an environment at a revision: its YAML entries and its recorded snapshots.
   * Every entry named *.yaml/*.yml belongs to the environment, by the same rule as the
   * working tree (src/load/entries.ts): a regular file is read, anything else (a link, a
   * tree, a submodule) is passed on as unread, and the loader reports it. Snapshots are
   * read only as regular files with plain names, since they are written into a folder
   * of tandem's own.
   */
  async readEnvironment(rev: string, envPath: string): Promise<EnvironmentAtRevision> {
    const commit = await this.resolve(rev);
    const path = checkEnvPath(envPath);
    const entries = await this.listTree(commit, path);
    if (!entries)
      throw new GitSourceError('environment-not-found', `${path || '.'} is not a folder at ${commit.slice(0, 12)}`);
    const plain = (e: TreeEntry) => e.type === 'blob' && REGULAR_FILE_MODES.has(e.mode) && SAFE_FILE_NAME.test(e.name);
    const yaml = entries.filter((e) => isYamlFile(e.name)).map((e) => ({ e, unread: unreadEntry(e) }));
    const observedTree = entries.find((e) => e.type === 'tree' && e.name === 'observed');
    const observed = observedTree
      ? ((await this.listTree(commit, path ? `${path}/observed` : 'observed')) ?? []).filter(
          (e) => plain(e) && /\.(json|ya?ml)$/.test(e.name),
        )
      : [];
    const toRead = [...yaml.filter((y) => !y.unread).map((y) => y.e), ...observed];
    const blobs = await this.readBlobs([...new Set(toRead.map((e) => e.id))]);
    const prefix = path ? `${path}/` : '';
    return {
      commit,
      envPath: path,
      files: new Map(yaml.map(({ e, unread }) => [`${prefix}${e.name}`, unread ?? blobs.get(e.id)!])),
      snapshots: new Map(observed.map((e) => [e.name, blobs.get(e.id)!.toString('utf8')])),
    };
  }

  /** The commit's one-line subject and author, for status and logs. */
  async describe(commit: string): Promise<{ subject: string; author: string }> {
    checkRevision(commit);
    const out = await this.git.raw(['show', '-s', '--format=%s%x00%an <%ae>', commit]);
    const [subject, author] = out.trim().split('\0');
    return { subject: subject ?? '', author: author ?? '' };
  }

  /** The top-level folder of the repository that holds `path` (for `tandem plan --base` without --repo). */
  static async toplevelOf(path: string): Promise<string | undefined> {
    const execa = await loadExeca();
    const r = await execa('git', ['rev-parse', '--show-toplevel'], { cwd: path, reject: false });
    return r.exitCode === 0 ? r.stdout.trim() : undefined;
  }

  /** Runs git in the repository with argument arrays only (signature verification). */
  async run(args: readonly string[], extra: { env?: Record<string, string> } = {}) {
    const execa = await loadExeca();
    return execa('git', [...args], { cwd: this.dir, reject: false, env: extra.env });
  }
}

/** Why a YAML entry of a tree is not read, or undefined for a regular file within the size limit. */
function unreadEntry(e: TreeEntry): UnreadEntry | undefined {
  // A name no file system holds (not UTF-8, or with a separator from a hand-made tree) is never written out.
  if (e.badName || e.name.includes('/') || e.name.includes('\0')) return { unread: 'bad-name' };
  const kind = kindOfTreeEntry(e.mode, e.type);
  if (kind !== 'file') return { unread: kind };
  if (e.size !== undefined && e.size > MAX_FILE_BYTES) return { unread: 'too-large', size: e.size };
  return undefined;
}

/** The cache folder of a remote: a readable name plus a hash, so different URLs never share it. */
export function cacheDirFor(url: string, stateDir: string): string {
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 16);
  const tail =
    url
      .replace(/\.git\/?$/, '')
      .split(/[/:]/)
      .filter(Boolean)
      .pop() ?? 'repo';
  const name = tail.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40) || 'repo';
  return join(stateDir, 'git', `${name}-${hash}.git`);
}

/** The last non-empty line of a git failure: where git puts its `fatal:` reason. */
function gitMessage(err: unknown): string {
  return (
    String((err as Error)?.message ?? err)
      .trim()
      .split('\n')
      .filter(Boolean)
      .slice(-1)[0] ?? 'unknown error'
  );
}
