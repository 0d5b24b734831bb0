// Whether a module is the program node was started with (run, not imported). Through
// npm's bin link argv[1] is a symlink, so real paths are compared.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function isEntryPoint(moduleUrl: string): boolean {
  try {
    return realpathSync(process.argv[1]) === fileURLToPath(moduleUrl);
  } catch {
    return false;
  }
}
