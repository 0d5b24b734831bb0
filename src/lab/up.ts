// `lab up`: builds the blueprint's namespaces, veths, bridges and addresses with as few
// processes as iproute2 allows: one `ip -batch` for every namespace, one for every veth
// pair, then one `ip -n NS -batch` per namespace (run in parallel). The state file is
// written before each step; a failure rolls back what was created, and whatever a crash
// leaves behind is recorded for `lab down`.
import type { DesiredModel } from '../model/desired.js';
import { buildBlueprint, vethBatchLines, type LabBlueprint } from './blueprint.js';
import { startLabCharons, stopLabCharons } from './charon.js';
import { deleteNamespaces } from './down.js';
import { LabError, execaRunner, firstError, isPermissionError, listNamespaces, type IpRunner } from './runner.js';
import {
  LAB_STATE_FORMAT_VERSION,
  labStatePath,
  listLabStates,
  readLabState,
  removeLabState,
  writeLabState,
  type LabState,
  type StateLocation,
} from './state.js';

export interface LabUpOptions {
  model: DesiredModel;
  envDir: string;
  withAddresses: boolean;
  location: StateLocation;
  runner?: IpRunner;
  /** Namespaces configured at once (default 8). */
  parallelism?: number;
  /** How long to wait for every veth to have carrier before returning (default 5000). */
  carrierTimeoutMs?: number;
  /** Whether this process may create namespaces; defaults to "runs as root". */
  privileged?: boolean;
}

export interface LabUpResult {
  blueprint: LabBlueprint;
  state: LabState;
  statePath: string;
  /** A state file whose namespaces had all vanished (a reboot) was replaced. */
  replacedStale: boolean;
  /** Bridge-side veth ends still without carrier when the wait ran out (normally none). */
  lateLinks: string[];
  /** Node namespaces where a charon was started (the environment has IKE connections). */
  charons: string[];
  durationMs: number;
}

export async function labUp(opts: LabUpOptions): Promise<LabUpResult> {
  const started = performance.now();
  const runner = opts.runner ?? execaRunner;
  const built = buildBlueprint(opts.model, { withAddresses: opts.withAddresses });
  if (!built.ok) throw new LabError('invalid', `the lab cannot be built: ${built.problems.join('; ')}`);
  const bp = built.blueprint;

  // Read-only first: a missing `ip` is reported before anything else is tried.
  const existing = await listNamespaces(runner);
  const privileged = opts.privileged ?? process.getuid?.() === 0;
  if (!privileged) {
    throw new LabError(
      'no-permission',
      'the lab needs root: creating network namespaces requires CAP_SYS_ADMIN (run tandem lab as root, e.g. with sudo)',
    );
  }

  const statePath = labStatePath(opts.location, bp.env);
  const previous = await readLabState(statePath);
  let replacedStale = false;
  if (previous) {
    const alive = previous.namespaces.filter((n) => existing.has(n.name));
    if (alive.length > 0) {
      throw new LabError(
        'exists',
        `lab ${bp.env} is already up (${alive.length} of its namespaces exist, state ${statePath}); ` +
          `run \`tandem lab down ${opts.envDir}\` first`,
      );
    }
    replacedStale = true;
  }
  await refuseCollisions(bp, existing, opts.location);

  const state: LabState = {
    formatVersion: LAB_STATE_FORMAT_VERSION,
    env: bp.env,
    envDir: opts.envDir,
    startedAt: new Date().toISOString(),
    complete: false,
    withAddresses: bp.withAddresses,
    namespaces: bp.namespaces.map((n) => ({ ...n, status: 'pending' as const })),
    veths: bp.veths,
    addresses: bp.addresses,
    clients: bp.clients,
    mappings: bp.mappings,
  };
  await writeLabState(statePath, state);

  let lateLinks: string[] = [];
  let charons: string[] = [];
  const nodeNamespaces = bp.namespaces.filter((n) => n.role === 'node').map((n) => n.name);
  try {
    await createNamespaces(runner, state, statePath);
    const veths = await runner.ip(['-batch', '-'], vethBatchLines(bp).join('\n') + '\n');
    if (veths.exitCode !== 0) {
      const line = veths.failedLine ? vethBatchLines(bp)[veths.failedLine - 1] : undefined;
      throw new LabError(
        'kernel',
        `creating veth pairs failed${line ? ` at "${line}"` : ''}: ${firstError(veths.stderr)}`,
      );
    }
    await configureNamespaces(runner, bp, opts.parallelism ?? 8);
    lateLinks = await waitForCarrier(runner, bp, opts.carrierTimeoutMs ?? 5000);
    if (opts.model.ikeConnections.length > 0) charons = await startLabCharons(nodeNamespaces);
    state.complete = true;
    await writeLabState(statePath, state);
  } catch (err) {
    await stopLabCharons(nodeNamespaces);
    throw await rollBack(err, runner, state, statePath, opts.envDir);
  }
  return {
    blueprint: bp,
    state,
    statePath,
    replacedStale,
    lateLinks,
    charons,
    durationMs: performance.now() - started,
  };
}

async function refuseCollisions(bp: LabBlueprint, existing: Set<string>, loc: StateLocation): Promise<void> {
  const clashes = bp.namespaces.filter((n) => existing.has(n.name));
  if (clashes.length === 0) return;
  const labs = await listLabStates(loc);
  const described = clashes.slice(0, 3).map((c) => {
    const owner = labs.find((s) => s.namespaces.some((n) => n.name === c.name));
    return (
      `${c.name} (${c.role} ${c.owner}) ` + (owner ? `belongs to lab ${owner.env}` : 'was not created by a tandem lab')
    );
  });
  throw new LabError(
    'collision',
    `namespace ${described.join(', ')}${clashes.length > 3 ? ` and ${clashes.length - 3} more` : ''}; ` +
      `lab up creates nothing over an existing namespace: remove it or rename the ${clashes[0].role}`,
  );
}

async function createNamespaces(runner: IpRunner, state: LabState, statePath: string): Promise<void> {
  const names = state.namespaces.map((n) => n.name);
  const r = await runner.ip(['-batch', '-'], names.map((n) => `netns add ${n}`).join('\n') + '\n');
  if (r.exitCode === 0) {
    for (const n of state.namespaces) n.status = 'created';
    await writeLabState(statePath, state);
    return;
  }
  if (r.failedLine !== undefined) {
    // iproute2 stops at the failing line: those before it exist, the failing one was
    // refused (so it is not ours, even if a namesake exists) and the rest never ran.
    const ok = r.failedLine - 1;
    state.namespaces.forEach((n, i) => i < ok && (n.status = 'created'));
    state.namespaces = state.namespaces.slice(0, ok);
    await writeLabState(statePath, state);
  }
  if (isPermissionError(r.stderr)) {
    throw new LabError('no-permission', `the lab needs root: ip netns add was refused (${firstError(r.stderr)})`);
  }
  throw new LabError(
    'kernel',
    `creating namespaces failed${r.failedLine ? ` at ${names[r.failedLine - 1]}` : ''}: ${firstError(r.stderr)}`,
  );
}

async function configureNamespaces(runner: IpRunner, bp: LabBlueprint, parallelism: number): Promise<void> {
  const queue = [...bp.batches];
  const failures: string[] = [];
  let thrown: unknown;
  // Workers never reject: every batch in flight finishes before the caller rolls back.
  const worker = async () => {
    for (let batch = queue.shift(); batch && thrown === undefined; batch = queue.shift()) {
      try {
        const r = await runner.ip(['-n', batch.namespace, '-batch', '-'], batch.lines.join('\n') + '\n');
        if (r.exitCode !== 0) {
          const line = r.failedLine ? batch.lines[r.failedLine - 1] : undefined;
          failures.push(`${batch.namespace}${line ? ` at "${line}"` : ''}: ${firstError(r.stderr)}`);
        }
      } catch (err) {
        thrown ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallelism, queue.length)) }, worker));
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what a worker caught, unchanged
  if (thrown !== undefined) throw thrown;
  if (failures.length > 0) throw new LabError('kernel', `configuring ${failures.sort().join('; ')}`);
}

/** Removes what was recorded; the error says whether that worked or `lab down` must finish. */
async function rollBack(
  err: unknown,
  runner: IpRunner,
  state: LabState,
  statePath: string,
  envDir: string,
): Promise<unknown> {
  const cause = err instanceof LabError ? err : new LabError('kernel', (err as Error)?.message ?? String(err));
  try {
    const left = await deleteNamespaces(
      runner,
      state.namespaces.map((n) => n.name),
    );
    if (left.length === 0) {
      await removeLabState(statePath);
      return new LabError(cause.kind, `${cause.message} (rolled back: nothing of the lab is left)`);
    }
    return new LabError(
      cause.kind,
      `${cause.message} (rollback left ${left.join(', ')}: run \`tandem lab down ${envDir}\`)`,
    );
  } catch {
    return new LabError(
      cause.kind,
      `${cause.message} (rollback failed; ${statePath} records what to remove: run \`tandem lab down ${envDir}\`)`,
    );
  }
}

/**
 * Waits until every veth end in the bridge namespaces reports carrier (operstate UP):
 * the kernel raises carrier asynchronously, and a caller that pings right after `lab up`
 * must not lose its first packets. A veth end is UP only when both ends are, so the
 * hub namespaces alone answer for every pair.
 */
async function waitForCarrier(runner: IpRunner, bp: LabBlueprint, timeoutMs: number): Promise<string[]> {
  const hubs = bp.namespaces.filter((n) => n.role === 'segment' || n.role === 'mgmt').map((n) => n.name);
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const late: string[] = [];
    for (const ns of hubs) {
      const r = await runner.ip(['-n', ns, '-j', 'link', 'show']);
      if (r.exitCode !== 0) throw new LabError('kernel', `reading links of ${ns} failed: ${firstError(r.stderr)}`);
      const links = JSON.parse(r.stdout) as Array<{ ifname: string; operstate?: string }>;
      const peers = new Set(bp.veths.filter((v) => v.peerNamespace === ns).map((v) => v.peer));
      for (const l of links) if (peers.has(l.ifname) && l.operstate !== 'UP') late.push(`${ns}/${l.ifname}`);
    }
    if (late.length === 0 || performance.now() >= deadline) return late;
    await new Promise((done) => setTimeout(done, 50));
  }
}
