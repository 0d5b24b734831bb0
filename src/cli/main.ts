#!/usr/bin/env node
// tandem's command line: parses flags (commander) and calls one library function per
// command; one handler maps outcomes to exit codes 0 (nothing to do / valid),
// 2 (changes planned), 3 (refused), 1 (invalid input or operational error).
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { validateCommand } from './commands/validate.js';
import { EXIT, ExitError } from './errors.js';
import { processIO, type CliIO } from './io.js';

export const DEFAULT_ENVIRONMENTS = ['environments/demo'];

export function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('tandem')
    .description('Declarative GitOps reconciler for high-availability IP networking')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  program
    .command('validate')
    .description('Check environments against the schema and every static rule (exit 0 valid, 1 invalid)')
    .argument('[env-dirs...]', 'environment folders', DEFAULT_ENVIRONMENTS)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (dirs: string[], opts) => setExit(await validateCommand(dirs, opts, io)));

  return program;
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = EXIT.ok;
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
  }
}

function isEntryPoint(): boolean {
  // Through npm's bin link argv[1] is a symlink; compare real paths.
  try {
    return realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
