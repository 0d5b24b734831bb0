import { renderValidationJson, renderValidationText } from '../../render/diagnostics.js';
import { styleFor } from '../../render/style.js';
import { validateEnvironment } from '../../validate/index.js';
import { EXIT } from '../errors.js';
import type { CliIO } from '../io.js';

export interface ValidateOptions {
  format: 'text' | 'json';
}

export async function validateCommand(dirs: string[], opts: ValidateOptions, io: CliIO): Promise<number> {
  const results = [];
  for (const dir of dirs) results.push(await validateEnvironment(dir));
  io.stdout.write(
    opts.format === 'json' ? renderValidationJson(results) : renderValidationText(results, styleFor(io.stdout, io.env)),
  );
  return results.every((r) => r.valid) ? EXIT.ok : EXIT.error;
}
