// `tandem confirm [ENV_DIR] [--lab]`: keeps the changes of the environment's pending trial
// (`tandem apply --confirm`): under each node's lock, while its deadline has not passed,
// the node's trial record is removed, so neither the watchdog nor a later apply rolls it
// back; then the trial's watchdog is stopped. Exit 0 confirmed, 1 nothing to confirm, too
// late (the rollback is due or done), or a node that could not be reached.
import { hostname } from 'node:os';
import { AuditLog, auditFile } from '../../apply/audit.js';
import { acquireLock, releaseLock, holderAlive } from '../../apply/node-lock.js';
import { readTrial, TRIAL_FILE, type TrialRecord } from '../../apply/trial.js';
import { writerFor } from '../../apply/writer.js';
import { DEFAULT_ENV_DIR } from '../defaults.js';
import { EXIT, ExitError } from '../errors.js';
import type { CliIO } from '../io.js';
import { validateOrExit } from '../prepare.js';

export interface ConfirmCommandOptions {
  lab?: boolean;
}

export async function confirmCommand(
  dirArg: string | undefined,
  opts: ConfirmCommandOptions,
  io: CliIO,
): Promise<number> {
  const dir = dirArg ?? DEFAULT_ENV_DIR;
  const validation = await validateOrExit(dir, io);
  const writers = validation.model.nodes.map((n) =>
    writerFor(n.doc, { envDir: dir, lab: opts.lab ?? false, env: io.env, cwd: io.cwd, sessions: io.sessions }),
  );
  const pending: Array<{ node: string; record: TrialRecord }> = [];
  for (const w of writers) {
    const record = await readTrial(w.state).catch((err: Error) => {
      throw new ExitError(`cannot read the trial record of node ${w.node}: ${err.message}`, EXIT.error);
    });
    if (record === 'unreadable')
      throw new ExitError(
        `node ${w.node} has an unreadable trial record (${w.state.where}/${TRIAL_FILE}): nothing was confirmed`,
        EXIT.error,
      );
    if (record) pending.push({ node: w.node, record });
  }
  if (pending.length === 0) {
    io.stdout.write(`no trial to confirm in ${dir}${opts.lab ? ' (--lab)' : ''}: no node has a pending trial\n`);
    return EXIT.error;
  }
  const audit = new AuditLog(auditFile(io), pending[0].record.planId);
  const confirmed: string[] = [];
  const problems: string[] = [];
  for (const { node } of pending) {
    const w = writers.find((x) => x.node === node)!;
    // Under the lock: the watchdog takes it before rolling back, so of the two exactly one wins.
    const lock = await acquireLock(node, w.state, { planId: 'confirm' });
    if (!lock.ok) {
      problems.push(`node ${node}: ${lock.message} (a rollback may be running)`);
      continue;
    }
    try {
      const now = await readTrial(w.state);
      if (now === null || now === 'unreadable') {
        problems.push(`node ${node}: its trial ended meanwhile (rolled back at its deadline)`);
        continue;
      }
      if (Date.now() >= Date.parse(now.deadline)) {
        problems.push(`node ${node}: too late, the trial ended at ${now.deadline}; its rollback is due`);
        continue;
      }
      await w.state.remove(TRIAL_FILE);
      audit.record({ event: 'trial-confirm', node, result: 'ok', detail: { trial: now.id } });
      confirmed.push(node);
    } finally {
      await releaseLock(lock.lock);
    }
  }
  await audit.flush();
  // A watchdog with nothing left to watch is stopped (one of this host; another's exits at its deadline).
  const watchdogs = new Map(pending.map((p) => [p.record.id, p.record.watchdog]));
  for (const [id, w] of watchdogs) {
    const allConfirmed = pending.filter((p) => p.record.id === id).every((p) => confirmed.includes(p.node));
    if (allConfirmed && w && w.host === hostname() && holderAlive(w)) process.kill(w.pid, 'SIGTERM');
  }
  if (confirmed.length)
    io.stdout.write(
      `confirmed: ${confirmed.join(', ')} keep${confirmed.length === 1 ? 's' : ''} the changes of plan ` +
        `${pending[0].record.planId}\n`,
    );
  if (problems.length) {
    io.stderr.write(problems.map((p) => `tandem: ${p}\n`).join(''));
    return EXIT.error;
  }
  return EXIT.ok;
}
