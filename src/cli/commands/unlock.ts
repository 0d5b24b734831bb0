// `tandem unlock NODE [ENV_DIR] --holder ID [--reason TEXT] [--lab]`: breaks a node's
// apply lock that tandem would not take over by itself (its holder runs on another host,
// or its process is alive but stuck). The lock lives with the node (src/apply/node-lock.ts),
// so this reaches it through the node's own transport, exactly as apply does. Only the
// holding named by its id is broken, never whoever holds the lock by then; `--force`
// removes a lock that is not readable at all. The break is recorded on the node
// (lock-breaks.ndjson) and in the local audit log. Exit 0 broken, 1 otherwise.
import { hostname, userInfo } from 'node:os';
import { AuditLog, auditFile } from '../../apply/audit.js';
import { breakLock, describeHolder, LOCK_FILE, readLock } from '../../apply/node-lock.js';
import { writerFor } from '../../apply/writer.js';
import { EXIT, ExitError } from '../errors.js';
import type { CliIO } from '../io.js';
import { validateOrExit } from '../prepare.js';
import { etcdClientFor, type EtcdFlags } from '../etcd-options.js';
import type { EtcdClient } from '../../fleet/etcd/client.js';
import { breakNodeLockEtcd } from '../../fleet/locks.js';
import { fleetClusterName } from '../../fleet/keys.js';

export interface UnlockCommandOptions extends EtcdFlags {
  holder?: string;
  force?: boolean;
  reason?: string;
  lab?: boolean;
}

export async function unlockCommand(node: string, dir: string, opts: UnlockCommandOptions, io: CliIO): Promise<number> {
  if (!opts.holder && !opts.force)
    throw new ExitError(
      `say which holding to break: tandem unlock ${node} --holder ID (the id the locked apply printed)`,
      EXIT.error,
    );
  const validation = await validateOrExit(dir, io);
  const doc = validation.model.nodeByName.get(node)?.doc;
  if (!doc) throw new ExitError(`no node named ${node} in ${dir}`, EXIT.error);
  // Fleet mode: a holding in etcd is broken there (the file lock is tried when etcd has none by that id).
  const etcd = etcdClientFor(opts, io.env);
  if (etcd) {
    try {
      const cluster = fleetClusterName(validation.model.cluster?.doc.metadata.name, dir);
      const broken = await unlockEtcd(etcd, cluster, node, opts, io);
      if (broken !== undefined) return broken;
    } finally {
      etcd.close();
    }
  }
  const writer = writerFor(doc, {
    envDir: dir,
    lab: opts.lab ?? false,
    env: io.env,
    cwd: io.cwd,
    sessions: io.sessions,
  });
  const where = `${writer.state.where}/${LOCK_FILE}`;
  let user: string | undefined;
  try {
    user = userInfo().username;
  } catch {
    user = undefined;
  }
  const by = {
    ...(user ? { user } : {}),
    host: hostname(),
    pid: process.pid,
    ...(opts.reason ? { reason: opts.reason } : {}),
    at: new Date(),
  };
  let outcome;
  try {
    outcome = await breakLock(
      writer.state,
      { ...(opts.holder ? { holderId: opts.holder } : {}), forceUnreadable: opts.force ?? false },
      by,
    );
  } catch (err) {
    throw new ExitError(`cannot reach the lock of node ${node} (${where}): ${(err as Error).message}`, EXIT.error);
  }
  if (!outcome.ok) {
    if (outcome.reason === 'not-locked') {
      io.stdout.write(`node ${node} is not locked (${where}): nothing to break\n`);
      return EXIT.error;
    }
    const now = outcome.holder ?? (await readLock(writer.state));
    throw new ExitError(
      now
        ? `node ${node} is held by ${describeHolder(now)}, ` +
            `not by holder ${opts.holder ?? '(none given)'}: nothing broken`
        : `the lock of node ${node} (${where}) is not a readable tandem lock: ` +
            `tandem unlock ${node} --force removes it`,
      EXIT.error,
    );
  }
  const broken = outcome.broken === 'unreadable' ? 'an unreadable lock' : describeHolder(outcome.broken);
  const audit = new AuditLog(auditFile(io), `unlock-${node}`);
  audit.record({
    event: 'lock-broken',
    node,
    detail: { lock: where, broken: outcome.broken, by: { ...by, at: by.at.toISOString() } },
    result: `broke ${broken}`,
  });
  await audit.flush();
  io.stdout.write(`node ${node}: broke ${broken} (${where}); recorded in the node's lock-breaks.ndjson\n`);
  return EXIT.ok;
}

/** Breaks the etcd holding named by --holder; undefined when etcd has no such holding. */
async function unlockEtcd(
  etcd: EtcdClient,
  cluster: string,
  node: string,
  opts: UnlockCommandOptions,
  io: CliIO,
): Promise<number | undefined> {
  let outcome;
  try {
    outcome = await breakNodeLockEtcd(etcd, cluster, node, {
      ...(opts.holder ? { holderId: opts.holder } : {}),
      forceUnreadable: opts.force ?? false,
    });
  } catch (err) {
    throw new ExitError(`cannot reach the lock of node ${node} in etcd: ${(err as Error).message}`, EXIT.error);
  }
  if (!outcome.ok) {
    if (outcome.holder)
      io.stderr.write(`node ${node} is held in etcd (${outcome.key}) by ${describeHolder(outcome.holder)}\n`);
    return undefined;
  }
  const broken = outcome.broken === 'unreadable' ? 'an unreadable lock' : describeHolder(outcome.broken);
  const audit = new AuditLog(auditFile(io), `unlock-${node}`);
  audit.record({
    event: 'lock-broken',
    node,
    detail: { lock: `etcd ${outcome.key}`, broken: outcome.broken, reason: opts.reason },
    result: `broke ${broken}`,
  });
  await audit.flush();
  io.stdout.write(`node ${node}: broke ${broken} (etcd ${outcome.key})\n`);
  return EXIT.ok;
}
