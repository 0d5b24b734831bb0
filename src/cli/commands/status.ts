// `tandem status [ENV...] [--format text|json]`: what reconcile recorded per node
// (docs/gitops.md). Without ENV, every environment with a status file. Exit code for
// monitoring: 0 every node Ready, 2 some node Reconciling, 3 some node Stalled, 1 no
// status recorded.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EXIT, ExitError } from '../errors.js';
import type { CliIO } from '../io.js';
import { formatDuration } from '../../reconcile/schedule.js';
import {
  envNameOf,
  readStatus,
  readSuspension,
  stateDirOf,
  type EnvironmentStatus,
  type NodeStatus,
  type Suspension,
} from '../../reconcile/status.js';
import { PLAIN, styleFor, type Style } from '../../render/style.js';
import type { EtcdFlags } from '../etcd-flags.js';

export interface StatusOptions extends EtcdFlags {
  format: 'text' | 'json';
  /** Fleet mode: read etcd instead of reconcile's files (status-fleet.ts). */
  fleet?: boolean;
  history?: string;
  /** Reach nodes of an environment folder inside their lab namespaces (status-kernel.ts). */
  lab?: boolean;
}

const short = (c?: string) => (c ? c.slice(0, 12) : '-');

function conditionText(n: NodeStatus, style: Style): string {
  const c = n.condition;
  const paint = (s: string) =>
    c.type === 'Ready' ? style.green(s) : c.type === 'Stalled' ? style.red(s) : style.yellow(s);
  return `${paint(c.type)} (${c.reason}) since ${c.since}`;
}

export function renderStatusText(
  status: EnvironmentStatus,
  suspension: Suspension | undefined,
  options: { history: number; style?: Style },
): string {
  const style = options.style ?? PLAIN;
  const out: string[] = [];
  const src = status.source ? ` ${style.dim(`${status.source.repo} ${status.source.ref} ${status.source.path}`)}` : '';
  out.push(`${style.bold(status.environment)}${src}`);
  if (suspension)
    out.push(
      `  ${style.yellow('suspended')} since ${suspension.since}${suspension.reason ? `: ${suspension.reason}` : ''}`,
    );
  for (const name of Object.keys(status.nodes).sort()) {
    const n = status.nodes[name];
    out.push(`  ${style.bold(name)}: ${conditionText(n, style)}`);
    for (const line of n.condition.message.split('\n')) out.push(`      ${line}`);
    out.push(
      `    last applied:   ${short(n.lastAppliedRevision?.commit)}` +
        (n.lastAppliedRevision ? ` at ${n.lastAppliedRevision.at}` : ''),
    );
    out.push(
      `    last attempted: ${short(n.lastAttemptedRevision?.commit)}` +
        (n.lastAttemptedRevision ? ` at ${n.lastAttemptedRevision.at}` : ''),
    );
    if (n.drift) {
      const d = n.drift;
      const when =
        d.state === 'repaired'
          ? `detected ${d.detectedAt}, repaired ${d.repairedAt}`
          : `detected ${d.detectedAt}, not applied yet`;
      out.push(
        `    drift (${d.reason}, ${d.state}): ` +
          `${d.changes.length} change${d.changes.length === 1 ? '' : 's'} at ${short(d.revision)}, ${when}`,
      );
      for (const c of d.changes.slice(0, 10)) out.push(`      ${c}`);
      if (d.changes.length > 10) out.push(`      and ${d.changes.length - 10} more`);
    }
    if (options.history > 0 && n.history.length) {
      out.push('    history:');
      for (const h of n.history.slice(0, options.history))
        out.push(`      ${h.startedAt} ${short(h.revision)} ${h.result} in ${formatDuration(h.durationMs)}`);
    }
  }
  return out.join('\n') + '\n';
}

async function recordedEnvironments(stateDir: string): Promise<string[]> {
  try {
    return (await readdir(join(stateDir, 'status')))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

export function statusExitCode(statuses: readonly EnvironmentStatus[]): number {
  const types = statuses.flatMap((s) => Object.values(s.nodes).map((n) => n.condition.type));
  if (types.length === 0) return EXIT.error;
  if (types.includes('Stalled')) return EXIT.refused;
  if (types.includes('Reconciling')) return EXIT.changes;
  return EXIT.ok;
}

export async function statusCommand(envs: string[], opts: StatusOptions, io: CliIO): Promise<number> {
  if (opts.fleet) return (await import('./status-fleet.js')).fleetStatusCommand(envs, opts, io);
  const stateDir = stateDirOf(io);
  let names: string[];
  try {
    names = envs.length ? envs.map(envNameOf) : await recordedEnvironments(stateDir);
  } catch (err) {
    throw new ExitError((err as Error).message, EXIT.error);
  }
  const history = opts.history === undefined ? 5 : Number(opts.history);
  if (!Number.isInteger(history) || history < 0) throw new ExitError('--history must be a whole number', EXIT.error);
  const found: Array<{ status: EnvironmentStatus; suspension?: Suspension }> = [];
  for (const name of names) {
    const status = await readStatus(stateDir, name);
    const suspension = await readSuspension(stateDir, name);
    if (status) found.push({ status, suspension });
    else if (envs.length)
      io.stderr.write(
        `tandem: no status recorded for ${name} in ${join(stateDir, 'status')}` +
          `${suspension ? ' (it is suspended)' : ''}\n`,
      );
  }
  // An environment folder given: its nodes are observed too, for those that came back empty.
  const kernels = await (await import('./status-kernel.js')).checkKernels(envs, opts.lab ?? false, io);
  const emptyOf = (env: string) => kernels.find((k) => k.environment === env)?.empty ?? [];
  if (opts.format === 'json') {
    io.stdout.write(
      JSON.stringify(
        [
          ...found.map(({ status, suspension }) => ({
            ...status,
            suspended: suspension ?? null,
            ...(kernels.length ? { cameBackEmpty: emptyOf(status.environment) } : {}),
          })),
          ...kernels
            .filter((k) => !found.some((f) => f.status.environment === k.environment))
            .map((k) => ({ environment: k.environment, nodes: {}, cameBackEmpty: k.empty })),
        ],
        null,
        2,
      ) + '\n',
    );
  } else {
    if (found.length === 0 && !envs.length)
      io.stdout.write(`no reconcile status recorded in ${join(stateDir, 'status')}\n`);
    const style = styleFor(io.stdout, io.env);
    io.stdout.write(
      found.map(({ status, suspension }) => renderStatusText(status, suspension, { history, style })).join('\n'),
    );
    const { describeEmpty } = await import('../../apply/came-back-empty.js');
    for (const k of kernels) {
      for (const e of k.empty)
        io.stdout.write(`${style.red('came back empty')} ${k.environment}: ${describeEmpty(e)}\n`);
      for (const u of k.unreachable) io.stdout.write(`${k.environment}: not observed: ${u}\n`);
    }
  }
  // A node that came back empty is stalled: what tandem applied is not there.
  if (kernels.some((k) => k.empty.length > 0)) return EXIT.refused;
  return statusExitCode(found.map((f) => f.status));
}
