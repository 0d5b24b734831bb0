// The environment of one revision written out for the drivers that read files (the sim
// driver reads ENV/observed and the environment itself): an export of blobs read from
// git, under `<stateDir>/reconcile/<env>/<commit>/<env>/`, never a git working tree.
// The folder keeps the environment's name so the sim state is the same one
// `tandem sim path environments/<env>` shows. Older revisions are removed once a new
// one is written.
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { EnvironmentAtRevision } from '../git/source.js';
import { isUnread } from '../load/entries.js';

export function workspaceRoot(stateDir: string, env: string): string {
  return join(stateDir, 'reconcile', env);
}

export async function writeWorkspace(stateDir: string, env: string, rev: EnvironmentAtRevision): Promise<string> {
  const root = workspaceRoot(stateDir, env);
  const dir = join(root, rev.commit, env);
  const tmp = join(root, `${rev.commit}.tmp-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(join(tmp, env, 'observed'), { recursive: true });
  // Names were checked by GitSource.readEnvironment (UTF-8, no separators). Entries it
  // did not read (links, folders) made the revision invalid before anything gets here.
  for (const [path, content] of rev.files)
    if (!isUnread(content)) await writeFile(join(tmp, env, basename(path)), content);
  for (const [name, text] of rev.snapshots) await writeFile(join(tmp, env, 'observed', name), text);
  await rm(join(root, rev.commit), { recursive: true, force: true });
  await rename(tmp, join(root, rev.commit));
  for (const entry of await readdir(root))
    if (entry !== rev.commit) await rm(join(root, entry), { recursive: true, force: true });
  return dir;
}
