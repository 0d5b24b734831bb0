#!/usr/bin/env node
// tandem's command line: parses flags (commander) and calls one library function per
// command; one handler maps outcomes to exit codes 0 (nothing to do / valid),
// 2 (changes planned), 3 (refused), 1 (invalid input or operational error). Each
// command's module is imported when the command runs, so `tandem validate` does not
// load git, apply and the lab at start-up.
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError, Option } from 'commander';
import { announceDefaultEnvironment, DEFAULT_ENV_DIR } from './defaults.js';
import { EXIT, ExitError } from './errors.js';
import { processIO, type CliIO } from './io.js';
import { addFleetOptions, withEtcdOptions } from './etcd-flags.js';
import { isEntryPoint } from '../entry-point.js';
import { closeAllSessionsSync, SshSessions } from '../observe/drivers/linux/ssh-session.js';
// Types only (erased): each command's module is still imported when the command runs.
import type { AgentCommandOptions } from './commands/agent.js';
import type { ApplyCommandOptions } from './commands/apply.js';
import type { LabUpCommandOptions } from './commands/lab.js';
import type { ObserveCommandOptions } from './commands/observe.js';
import type { PlanOptions } from './commands/plan.js';
import type { ReconcileCommandOptions } from './commands/reconcile.js';
import type { ShowCommandOptions } from './commands/show.js';
import type { SimResetOptions } from './commands/sim.js';
import type { StatusOptions } from './commands/status.js';
import type { UnlockCommandOptions } from './commands/unlock.js';
import type { ValidateOptions } from './commands/validate.js';
import type { ImportCommandOptions } from './commands/import.js';
import type { InitCommandOptions } from './commands/init.js';

/** The flags of `tandem plan` as commander names them (--node, --observed). */
type PlanFlags = Omit<PlanOptions, 'nodes' | 'observedDir'> & { node?: string[]; observed?: string };

export const DEFAULT_ENVIRONMENTS = [DEFAULT_ENV_DIR];

export function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('tandem')
    .description('Declarative GitOps reconciler for high-availability IP networking')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  // A command left without its environment folder says which one it uses (src/cli/defaults.ts).
  program.hook('preAction', (_program, command) => announceDefaultEnvironment(command, io));

  program
    .command('init')
    .description(
      'Write a new environment to start from: two sim nodes, one relocatable address (docs/getting-started.md)',
    )
    .argument('<env-dir>', 'a new or empty folder')
    .option('--name <name>', 'the cluster name (default: the folder name)')
    .action(async (dir: string, opts: InitCommandOptions) =>
      setExit(await (await import('./commands/init.js')).initCommand(dir, opts, io)),
    );
  program
    .command('import')
    .description("Write an environment from running nodes' state; it validates and plans to nothing")
    .argument('<env-dir>', 'a new or empty folder to write')
    .option('--from-lab <lab-env>', "observe each node of this environment's lab (tandem lab up) in its namespace")
    .option('--node <spec...>', 'a node to observe: NAME=local, NAME=netns:NAMESPACE or NAME=ssh:[USER@]HOST[:PORT]')
    .option('--name <name>', 'the cluster name (default: the folder name)')
    .option('--timeout <ms>', 'time limit of each command run on a node, in milliseconds (default 10000)')
    .action(async (dir: string, opts: ImportCommandOptions) =>
      setExit(await (await import('./commands/import.js')).importCommand(dir, opts, io)),
    );

  program
    .command('validate')
    .description('Check environments against the schema and every static rule (exit 0 valid, 1 invalid)')
    .argument('[env-dirs...]', 'environment folders', DEFAULT_ENVIRONMENTS)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (dirs: string[], opts: ValidateOptions) =>
      setExit(await (await import('./commands/validate.js')).validateCommand(dirs, opts, io)),
    );

  const lab = program
    .command('lab')
    .description('A lab of network namespaces built from an environment (root, iproute2; docs/lab.md)');
  lab
    .command('up')
    .description(
      'Create one namespace per node, a bridge namespace and a client namespace per segment, veths and addresses',
    )
    .argument('<env-dir>', 'environment folder')
    .option('--with-addresses', 'also add every static address (default: wiring and management addresses only)', false)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (dir: string, opts: LabUpCommandOptions) =>
      setExit(await (await import('./commands/lab.js')).labUpCommand(dir, opts, io)),
    );
  lab
    .command('down')
    .description('Remove exactly the namespaces lab up recorded for the environment')
    .argument('<env-dir>', 'environment folder')
    .action(async (dir: string) => setExit(await (await import('./commands/lab.js')).labDownCommand(dir, io)));
  lab
    .command('status')
    .description("List the lab's recorded namespaces, whether they exist, and their interfaces")
    .argument('<env-dir>', 'environment folder')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (dir: string, opts: { format: 'text' | 'json' }) =>
      setExit(await (await import('./commands/lab.js')).labStatusCommand(dir, opts, io)),
    );

  // observe and show share their source options: the node's own transport, --lab, or --observed.
  const observeSource = (cmd: Command) =>
    cmd
      .argument('<env-dir>', 'environment folder')
      .option('--node <name...>', 'observe only these nodes (repeatable)')
      .option('--lab', 'observe each node inside its lab namespace (tandem lab up), through the netns transport', false)
      .option(
        '--observed <dir>',
        'read a snapshot folder written by tandem observe --out instead of reaching the nodes',
      )
      .option('--concurrency <n>', 'nodes observed at the same time (default 8)')
      .option('--timeout <ms>', 'time limit of each command run on a node, in milliseconds (default 10000)');
  observeSource(
    program
      .command('observe')
      .description('Observe the nodes and record their state, one file per node (exit 1 if any node failed)'),
  )
    .requiredOption('--out <dir>', 'folder that receives <node>.json or <node>.yaml')
    .addOption(new Option('--format <format>', 'snapshot file format').choices(['json', 'yaml']).default('json'))
    .action(async (dir: string, opts: ObserveCommandOptions) =>
      setExit(await (await import('./commands/observe.js')).observeCommand(dir, opts, io)),
    );
  observeSource(program.command('show').description('Show the observed state of the nodes (exit 1 if any node failed)'))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'yaml']).default('text'))
    .action(async (dir: string, opts: ShowCommandOptions) =>
      setExit(await (await import('./commands/show.js')).showCommand(dir, opts, io)),
    );

  const defaultEnv = (cmd: Command) => cmd.argument('[env-dir]', 'environment folder', DEFAULT_ENVIRONMENTS[0]);
  defaultEnv(
    program
      .command('plan')
      .description(
        'Plan the changes that bring the nodes to the desired state ' +
          '(exit 0 nothing to do, 2 changes, 3 refused, 1 error)',
      ),
  )
    .option('--node <name...>', 'plan only these nodes (every node is still observed)')
    .option('--lab', 'observe each node inside its lab namespace (tandem lab up)', false)
    .option('--observed <dir>', 'plan against a snapshot folder (tandem observe --out) instead of the nodes')
    .option('--prune', 'also delete objects tandem did not create and that are not desired', false)
    .option('--out <file>', 'write the plan document (JSON) to this file, for tandem apply --plan')
    .option(
      '--base <rev>',
      'also show what the change from this git revision does to the desired state (docs/gitops.md)',
    )
    .option('--head <rev>', 'with --base: plan the environment at this revision instead of the working tree')
    .option('--repo <path|url>', 'with --base: the repository (default: the one holding env-dir)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .action(async (dir: string, opts: PlanFlags) =>
      setExit(
        await (
          await import('./commands/plan.js')
        ).planCommand(dir, { ...opts, nodes: opts.node, observedDir: opts.observed }, io),
      ),
    );
  program
    .command('apply')
    .description(
      'Plan, confirm and apply the changes, wave by wave, verified and rolled back on failure ' +
        '(exit 0 applied or nothing to do, 1 failed/stale/locked, 3 refused; docs/apply.md)',
    )
    .argument('[env-dir]', `environment folder (default ${DEFAULT_ENVIRONMENTS[0]}, or the saved plan's)`)
    .option('--yes', 'apply without asking for confirmation', false)
    .option('--plan <file>', 'apply this saved plan (tandem plan --out) exactly, or refuse it when stale')
    .option('--json', 'stream the audit events on stdout as NDJSON (the report goes to stderr)', false)
    .option('--lab', 'write each node inside its lab namespace (tandem lab up)', false)
    .option('--node <name...>', 'plan and apply only these nodes (every node is still observed)')
    .option('--prune', 'also delete objects tandem did not create and that are not desired', false)
    .option('--timeout <ms>', 'time limit of each command run on a node, in milliseconds (default 10000)')
    .option(
      '--confirm <duration>',
      'apply on trial: roll back by itself after this long (120s, 5m) unless tandem confirm (docs/apply.md)',
    )
    .action(async (dir: string | undefined, opts: ApplyCommandOptions) =>
      setExit(await (await import('./commands/apply.js')).applyCommand(dir, opts, io)),
    );
  program
    .command('confirm')
    .description('Keep the changes of a trial (tandem apply --confirm) before it rolls back (exit 0 confirmed)')
    .argument('[env-dir]', 'environment folder', DEFAULT_ENVIRONMENTS[0])
    .option('--lab', 'reach each node inside its lab namespace (tandem lab up)', false)
    .action(async (dir: string, opts: { lab?: boolean }) =>
      setExit(await (await import('./commands/confirm.js')).confirmCommand(dir, opts, io)),
    );
  program
    .command('unlock')
    .description(
      "Break a node's apply lock that tandem does not take over itself (its holder is on another host or stuck); " +
        'only the holding named by --holder (exit 0 broken, 1 not; docs/apply.md)',
    )
    .argument('<node>', 'the node whose lock to break')
    .argument('[env-dir]', 'environment folder', DEFAULT_ENVIRONMENTS[0])
    .option('--holder <id>', 'the holder id the locked apply printed')
    .option('--force', 'remove a lock file that is not a readable tandem lock', false)
    .option('--reason <text>', 'why, recorded with the break on the node')
    .option('--lab', 'reach the node inside its lab namespace (tandem lab up)', false)
    .action(async (node: string, dir: string, opts: UnlockCommandOptions) =>
      setExit(await (await import('./commands/unlock.js')).unlockCommand(node, dir, opts, io)),
    );
  defaultEnv(
    program
      .command('graph')
      .description(
        'Print the topology (nodes, interfaces, segments, failover pairs, relocatable addresses, IPsec policies, ' +
          'a legend) as a Mermaid diagram',
      ),
  ).action(async (dir: string) => setExit(await (await import('./commands/plan.js')).graphCommand(dir, io)));

  const sim = program
    .command('sim')
    .description('Simulated nodes (transport: sim): where their state lives, and starting them over');
  sim
    .command('path')
    .description("Print the folder holding the environment's sim state (one <node>.json per node)")
    .argument('<env-dir>', 'environment folder')
    .action(async (dir: string) => setExit(await (await import('./commands/sim.js')).simPathCommand(dir, io)));
  sim
    .command('reset')
    .description("Start sim nodes over from the environment's snapshots (ENV_DIR/observed), undoing every apply")
    .argument('<env-dir>', 'environment folder')
    .option('--node <name...>', 'reset only these nodes (repeatable)')
    .action(async (dir: string, opts: SimResetOptions) =>
      setExit(await (await import('./commands/sim.js')).simResetCommand(dir, opts, io)),
    );

  program
    .command('reconcile')
    .description(
      'Converge the nodes on a branch of the desired-state repository, once or on an interval, ' +
        'recording status (docs/gitops.md)',
    )
    .argument('<env>', 'path of the environment inside the repository, e.g. environments/demo')
    .requiredOption(
      '--repo <path|url>',
      'the desired-state repository: a local path (read in place) or a URL (cloned bare under the state folder)',
    )
    .option('--ref <ref>', 'branch, tag or commit to converge on', 'HEAD')
    .option('--node <name...>', 'converge only these nodes (default: every node of the environment)')
    .option('--interval <duration>', 'time between runs (30s, 5m, 1h)', '5m')
    .option('--jitter <duration>', 'random extra wait added to each interval', '30s')
    .option('--retry <duration>', 'first retry delay after a failure, doubling up to the interval', '10s')
    .option('--once', 'run once and exit (0 converged, 2 changes held for the window, 3 refused, 1 failed)', false)
    .option(
      '--window <spec>',
      "maintenance window outside of which only a plan is made, e.g. 'Mon-Fri 22:00-06:00' (local time)",
    )
    .option(
      '--verify-signatures',
      'refuse revisions whose commit is not signed by an allowed key (git verify-commit)',
      false,
    )
    .option(
      '--allowed-signers <file>',
      'ssh allowed-signers file for --verify-signatures (default: gpg.ssh.allowedSignersFile)',
    )
    .option('--lab', 'reach each node inside its lab namespace (tandem lab up)', false)
    .option('--prune', 'also delete objects tandem did not create and that are not desired', false)
    .addOption(new Option('--format <format>', 'output format of each run').choices(['text', 'json']).default('text'))
    .action(async (env: string, opts: ReconcileCommandOptions) =>
      setExit(await (await import('./commands/reconcile.js')).reconcileCommand(env, opts, io)),
    );
  withEtcdOptions(program.command('agent'))
    .description(
      'Fleet mode: converge this node, owning its relocatable addresses through etcd, until SIGTERM (docs/fleet.md)',
    )
    .argument('<env>', 'environment folder, or its path inside --repo')
    .requiredOption('--node <name>', 'the node this agent runs on (it acts on no other)')
    .option('--repo <path|url>', 'read the desired state from this repository instead of the folder')
    .option('--ref <ref>', 'with --repo: the branch to converge on', 'HEAD')
    .option('--lab', "act on the node's lab namespace (tandem lab up)", false)
    .option('--ttl <s>', 'lease TTL in seconds (default 10)')
    .option('--renew <s>', 'seconds between lease renewals (default 2)')
    .option('--retries <n>', 'retries of a failed renewal (default 2)')
    .option('--request-timeout <ms>', 'time limit of each etcd request, per endpoint (default 500)')
    .option(
      '--interval <duration>',
      'time between convergence passes (a watch on its standby keys wakes it sooner)',
      '10s',
    )
    .option('--grace <duration>', 'an address held without owning it is removed after this announced grace', '5s')
    .action(async (env: string, opts: AgentCommandOptions) =>
      setExit(await (await import('./commands/agent.js')).agentCommand(env, opts, io)),
    );
  program
    .command('status')
    .description(
      'Show what reconcile recorded per node (exit 0 all Ready, 2 Reconciling, 3 Stalled, 1 nothing recorded)',
    )
    .argument(
      '[env...]',
      'environment names or paths (default: every recorded environment); a folder also has its nodes ' +
        'observed for any that came back empty (exit 3)',
    )
    .option('--history <n>', 'runs of history shown per node in text', '5')
    .option('--lab', 'with an environment folder: observe its nodes inside their lab namespaces', false)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (envs: string[], opts: StatusOptions) =>
      setExit(await (await import('./commands/status.js')).statusCommand(envs, opts, io)),
    );
  program
    .command('suspend')
    .description('Stop reconcile from changing an environment until tandem resume')
    .argument('<env>', 'environment name or path')
    .option('--reason <text>', 'why, shown by tandem status')
    .action(async (env: string, opts: { reason?: string }) =>
      setExit(await (await import('./commands/suspend.js')).suspendCommand(env, opts, io)),
    );
  program
    .command('resume')
    .description('Let reconcile change a suspended environment again')
    .argument('<env>', 'environment name or path')
    .action(async (env: string) => setExit(await (await import('./commands/suspend.js')).resumeCommand(env, io)));

  addFleetOptions(program);
  return program;
}

export async function main(argv: string[], processIo: CliIO = processIO()): Promise<number> {
  let exitCode: number = EXIT.ok;
  // One ssh master per node for the whole command, ended whatever the command's outcome.
  const sessions = processIo.sessions ?? new SshSessions();
  const io = { ...processIo, sessions };
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander.
      return err.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    if (err instanceof ExitError) {
      io.stderr.write(`tandem: ${err.message}\n`);
      return err.exitCode;
    }
    io.stderr.write(`tandem: internal error (a bug, please report it): ${(err as Error)?.stack ?? String(err)}\n`);
    return EXIT.error;
  } finally {
    if (!processIo.sessions) await sessions.close();
  }
}

/**
 * Interrupted (Ctrl-C, a service manager's stop): the ssh masters are daemons in their own
 * session, so no signal reaches them; end them before dying, with the usual exit status.
 */
function endSessionsOnSignals(): void {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)
    process.once(signal, () => {
      closeAllSessionsSync();
      // A command with its own handler (the reconcile loop's graceful stop) ends itself.
      if (process.listenerCount(signal) === 0) process.exit(code);
    });
}

if (isEntryPoint(import.meta.url)) {
  // The heap grows by 20% between full collections instead of V8's default of up to
  // 4x: a 5,000-node plan peaked at 630-660 MB resident with half of it garbage, 475 MB
  // this way, for about 15% more CPU in collections there (none measurable at 1,000
  // nodes; docs/performance.md). Set before any work allocates.
  setFlagsFromString('--heap-growing-percent=20');
  endSessionsOnSignals();
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
