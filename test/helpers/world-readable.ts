// A copy of the built CLI that any user can run. Tests that drop to an unprivileged
// user (setpriv --reuid=65534) cannot reach dist/ when the checkout lies under a 0700
// folder (a `mktemp -d` clone, anything under /root), so they run this copy instead:
// dist/src, the shipped schema, package.json and the production dependencies, in a
// fresh temp folder opened to everyone. It is made once per test process.
import { cp, chmod, mkdtemp, readFile, readdir, lstat } from 'node:fs/promises';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Manifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

async function manifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** The production dependency closure of the package at root, as folders under root/node_modules. */
export async function productionPackages(root: string): Promise<string[]> {
  const found = new Set<string>();
  const queue = [root];
  while (queue.length > 0) {
    const dir = queue.shift() as string;
    const m = await manifest(dir);
    for (const name of Object.keys({ ...m.dependencies, ...m.optionalDependencies })) {
      // npm hoists: a package's own node_modules first, then the root's.
      const nested = join(dir, 'node_modules', name);
      const hoisted = join(root, 'node_modules', name);
      const at = existsSync(nested) ? nested : hoisted;
      if (!existsSync(at) || found.has(at)) continue;
      found.add(at);
      queue.push(at);
    }
  }
  return [...found].filter((p) => p.startsWith(join(root, 'node_modules') + '/')).sort();
}

/** Adds read (and search, for folders and executables) for everyone, recursively. */
async function openToAll(path: string): Promise<void> {
  const s = await lstat(path);
  if (s.isSymbolicLink()) return;
  const searchable = s.isDirectory() || (s.mode & 0o100) !== 0;
  await chmod(path, (s.mode & 0o7777) | 0o444 | (searchable ? 0o111 : 0));
  if (!s.isDirectory()) return;
  for (const entry of await readdir(path)) await openToAll(join(path, entry));
}

let made: Promise<{ dir: string; cli: string }> | undefined;

/** The world-readable copy's folder and its main.js; removed when the process exits. */
export function worldReadableCli(root = process.cwd()): Promise<{ dir: string; cli: string }> {
  made ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-world-readable-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    await cp(join(root, 'dist', 'src'), join(dir, 'dist', 'src'), { recursive: true });
    await cp(join(root, 'schema'), join(dir, 'schema'), { recursive: true });
    await cp(join(root, 'package.json'), join(dir, 'package.json'));
    for (const pkg of await productionPackages(root)) {
      await cp(pkg, join(dir, pkg.slice(root.length + 1)), { recursive: true });
    }
    // mkdtemp makes the folder 0700, and a checkout made under umask 077 has 0600 files.
    await openToAll(dir);
    return { dir, cli: join(dir, 'dist', 'src', 'cli', 'main.js') };
  })();
  return made;
}
