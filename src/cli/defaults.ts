// The environment a command works on when none is named. Someone outside this checkout
// must not be handed the demo silently: the command says which folder it uses, or
// refuses when there is no demo where it runs (docs/decisions.md).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitError } from './errors.js';
import type { CliIO } from './io.js';

/** The environment a command works on when none is named: the embedded demo (sim nodes). */
export const DEFAULT_ENV_DIR = 'environments/demo';

/**
 * Before a command runs (commander's preAction hook): when its environment argument was
 * left out, one line on stderr names the folder used; without that folder here, exit 1.
 */
export function announceDefaultEnvironment(cmd: Command, io: CliIO): void {
  const index = cmd.registeredArguments.findIndex((a) => a.name().startsWith('env-dir'));
  if (index < 0 || cmd.args.length > index) return;
  // A saved plan names its own environment.
  if (cmd.name() === 'apply' && (cmd.opts<{ plan?: string }>().plan ?? '') !== '') return;
  if (!existsSync(resolve(io.cwd, DEFAULT_ENV_DIR))) {
    throw new ExitError(
      `${cmd.name()}: no environment folder named, and there is no ${DEFAULT_ENV_DIR} under ${io.cwd}: ` +
        `name one, e.g. tandem ${cmd.name()} ENV_DIR (tandem init ENV_DIR makes one)`,
    );
  }
  io.stderr.write(`tandem: no environment folder named: using ${DEFAULT_ENV_DIR} (the demo, on sim nodes)\n`);
}
