// A node's own state folder: the files tandem keeps *with the node* (its apply lock, the
// record of broken locks), wherever the node is: on this machine for a local node, a
// namespace node or a sim node, on the node itself over ssh. Every tandem that can write
// the node reaches the same folder through the node's transport, whatever its working
// directory and state folder, which is what makes the lock the node's and not the
// caller's (docs/apply.md, "Locks").
//
// `create` is atomic and complete: the text goes to a private temporary file which is
// then hard-linked to the name; link(2) fails when the name exists, so of two creators
// exactly one wins, and a reader never sees a half-written file.
import { appendFile, link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { CREATE_EXCLUSIVE, REMOVE_IF_SAME } from '../observe/drivers/linux/remote-scripts.js';
import type { RunOptions, RunOutcome, Transport } from '../observe/drivers/linux/transport.js';

export interface NodeStateFiles {
  /** Where the folder is, for messages: "/run/tandem/netns/tdma-a", "ssh 192.0.2.6:/var/lib/tandem". */
  readonly where: string;
  /** The text of a file; null when there is no such file. */
  read(name: string): Promise<string | null>;
  /** Creates the file with this text only if it does not exist; false when it does. */
  create(name: string, text: string): Promise<boolean>;
  /** Removes the file; no error when it is already gone. */
  remove(name: string): Promise<void>;
  /** Removes the file only if it holds exactly this text; false when it is gone or holds another. */
  removeIfSame(name: string, text: string): Promise<boolean>;
  /** Appends a line (an NDJSON record) to the file, creating it. */
  append(name: string, line: string): Promise<void>;
}

/** Node state kept in a folder of this machine; `prefix` names the node when several share one folder (sim). */
export function localStateFiles(dir: string, prefix = ''): NodeStateFiles {
  const path = (name: string) => join(dir, `${prefix}${name}`);
  const read = async (name: string): Promise<string | null> => {
    try {
      return await readFile(path(name), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  };
  return {
    where: dir,
    read,
    async create(name, text) {
      await mkdir(dir, { recursive: true, mode: 0o755 });
      const tmp = `${path(name)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      const fh = await open(tmp, 'wx', 0o644);
      try {
        await fh.writeFile(text);
        await fh.sync();
      } finally {
        await fh.close();
      }
      try {
        await link(tmp, path(name));
        return true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw err;
      } finally {
        await rm(tmp, { force: true });
      }
    },
    async remove(name) {
      await rm(path(name), { force: true });
    },
    async removeIfSame(name, text) {
      if ((await read(name)) !== text) return false;
      await rm(path(name), { force: true });
      return true;
    },
    async append(name, line) {
      await mkdir(dir, { recursive: true, mode: 0o755 });
      await appendFile(path(name), line.endsWith('\n') ? line : `${line}\n`, { mode: 0o644 });
    },
  };
}

/**
 * Node state reached through the node's transport (ssh): every operation is one remote
 * process, text travels on standard input. `create` and `removeIfSame` are fixed scripts
 * (remote-scripts.ts): one round trip each.
 */
export function transportStateFiles(
  transport: Pick<Transport, 'run' | 'runScript' | 'readFile'>,
  dir: string,
  where: string,
): NodeStateFiles {
  const path = (name: string) => `${dir}/${name}`;
  const must = async (command: string[], options?: RunOptions): Promise<RunOutcome & { ok: true }> => {
    const r = await transport.run(command, options);
    if (!r.ok) throw new Error(`${where}: ${command.join(' ')}: ${r.error.message}`);
    return r;
  };
  return {
    where,
    async read(name) {
      const r = await transport.readFile(path(name));
      if (!r.ok) throw new Error(`${where}: cannot read ${name}: ${r.error.message}`);
      return r.text;
    },
    async create(name, text) {
      const tmp = `${name}.${randomBytes(6).toString('hex')}.tmp`;
      const r = await transport.runScript(CREATE_EXCLUSIVE, [dir, name, tmp], { input: text, okExitCodes: [1] });
      if (!r.ok) throw new Error(`${where}: cannot create ${name}: ${r.error.message}`);
      return r.exitCode === 0;
    },
    async remove(name) {
      await must(['rm', '-f', path(name)]);
    },
    async removeIfSame(name, text) {
      const r = await transport.runScript(REMOVE_IF_SAME, [dir, name], { input: text, okExitCodes: [1] });
      if (!r.ok) throw new Error(`${where}: cannot remove ${name}: ${r.error.message}`);
      return r.exitCode === 0;
    },
    async append(name, line) {
      await must(['mkdir', '-p', dir]);
      await must(['tee', '-a', path(name)], { input: line.endsWith('\n') ? line : `${line}\n` });
    },
  };
}
