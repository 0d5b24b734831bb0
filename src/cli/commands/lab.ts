// `tandem lab up|down|status ENV_DIR`: the namespace lab (docs/lab.md).
import { labDown, labEnvName, labStatus, labUp, LabError, type LabBlueprint, type LabStatus } from '../../lab/index.js';
import { loadEnvironment } from '../../load/load-environment.js';
import { renderValidationText } from '../../render/diagnostics.js';
import { styleFor } from '../../render/style.js';
import { validateEnvironment } from '../../validate/index.js';
import { EXIT, ExitError } from '../errors.js';
import type { CliIO } from '../io.js';
import { count } from '../../words.js';

export interface LabUpCommandOptions {
  withAddresses: boolean;
  format: 'text' | 'json';
}

export async function labUpCommand(dir: string, opts: LabUpCommandOptions, io: CliIO): Promise<number> {
  const validation = await validateEnvironment(dir);
  if (!validation.valid || !validation.model) {
    io.stderr.write(renderValidationText([validation], styleFor(io.stderr, io.env)));
    throw new ExitError(`lab up refused: ${dir} is not a valid environment`);
  }
  const result = await asExit(() =>
    labUp({
      model: validation.model!,
      envDir: dir,
      withAddresses: opts.withAddresses,
      location: { env: io.env, cwd: io.cwd },
    }),
  );
  if (opts.format === 'json') {
    io.stdout.write(JSON.stringify(result.state, null, 2) + '\n');
    return EXIT.ok;
  }
  const lines = renderBlueprint(result.blueprint);
  if (result.replacedStale)
    lines.unshift(`lab ${result.blueprint.env}: replaced a stale state file whose namespaces were all gone`);
  if (result.lateLinks.length > 0) lines.push(`  warning: no carrier yet on ${result.lateLinks.join(', ')}`);
  if (result.charons.length > 0) lines.push(`  charon (IKE) started in ${result.charons.join(', ')}`);
  lines.push(
    `lab ${result.blueprint.env} is up in ${(result.durationMs / 1000).toFixed(2)}s (state ${result.statePath})`,
  );
  io.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
}

export async function labDownCommand(dir: string, io: CliIO): Promise<number> {
  const env = await envNameOf(dir);
  const result = await asExit(() => labDown({ env, location: { env: io.env, cwd: io.cwd } }));
  if (!result.recorded) {
    io.stdout.write(`lab ${env}: no lab recorded (${result.statePath} does not exist), nothing removed\n`);
    return EXIT.ok;
  }
  const gone = result.alreadyGone.length > 0 ? `; already gone: ${result.alreadyGone.join(', ')}` : '';
  io.stdout.write(
    `lab ${env} is down: removed ${result.removed.length} namespaces` +
      `${result.removed.length ? ` (${result.removed.join(', ')})` : ''}${gone}\n`,
  );
  return EXIT.ok;
}

export async function labStatusCommand(dir: string, opts: { format: 'text' | 'json' }, io: CliIO): Promise<number> {
  const env = await envNameOf(dir);
  const status = await asExit(() => labStatus({ env, location: { env: io.env, cwd: io.cwd } }));
  io.stdout.write(opts.format === 'json' ? JSON.stringify(status, null, 2) + '\n' : renderStatus(status));
  return EXIT.ok;
}

async function asExit<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof LabError) throw new ExitError(`lab: ${err.message}`);
    throw err;
  }
}

async function envNameOf(dir: string): Promise<string> {
  const loaded = await loadEnvironment(dir);
  const env = labEnvName(loaded);
  if (!env)
    throw new ExitError(`lab: cannot tell which lab ${dir} is: it has no readable Cluster document with a valid name`);
  return env;
}

function renderBlueprint(bp: LabBlueprint): string[] {
  const out: string[] = [];
  const width = Math.max(...bp.namespaces.map((n) => n.name.length));
  for (const ns of bp.namespaces) {
    let what: string;
    if (ns.role === 'node') {
      const ifaces = bp.veths.filter((v) => v.namespace === ns.name).map((v) => v.name);
      const addrs = bp.addresses.filter((a) => a.namespace === ns.name).map((a) => `${a.iface} ${a.cidr}`);
      what = `node ${ns.owner}: ${ifaces.join(', ') || 'no interfaces'}${addrs.length ? `; ${addrs.join(', ')}` : ''}`;
    } else if (ns.role === 'client') {
      const c = bp.clients.find((x) => x.namespace === ns.name);
      what = `client of segment ${ns.owner}: eth0 ${c?.address ?? ''}`;
    } else if (ns.role === 'segment') {
      const ports = bp.veths.filter((v) => v.peerNamespace === ns.name).length;
      what = `segment ${ns.owner}: bridge with ${count(ports, 'port')}`;
    } else {
      const ports = bp.veths.filter((v) => v.peerNamespace === ns.name);
      what =
        `management hub: bridge with ${count(ports.filter((v) => v.bridged).length, 'port')}, ` +
        `${count(ports.filter((v) => !v.bridged).length, 'parked peer')}`;
    }
    out.push(`  ${ns.name.padEnd(width)}  ${what}`);
  }
  for (const m of bp.mappings) out.push(`  ${m.node} ${m.iface}: ${m.note}`);
  for (const n of bp.notes) out.push(`  note: ${n}`);
  return out;
}

function renderStatus(s: LabStatus): string {
  if (!s.state) return `lab ${s.env}: not up (no state file ${s.statePath})\n`;
  const present = s.namespaces.filter((n) => n.exists).length;
  const head =
    `lab ${s.env}: ${present} of ${count(s.namespaces.length, 'namespace')} ${present === 1 ? 'exists' : 'exist'}` +
    (s.state.complete ? '' : ' (lab up did not finish: run lab down)');
  const lines = [head];
  for (const ns of s.namespaces) {
    const ifaces = ns.interfaces.map(
      (i) => `${i.name} ${i.state}${i.addresses.length ? ` ${i.addresses.join(' ')}` : ''}`,
    );
    lines.push(
      `  ${ns.exists ? '+' : '-'} ${ns.name} (${ns.role} ${ns.owner})${ns.exists ? '' : ' missing'}` +
        (ifaces.length ? `: ${ifaces.join(', ')}` : ''),
    );
  }
  return lines.join('\n') + '\n';
}
