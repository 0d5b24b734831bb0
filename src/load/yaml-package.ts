// The yaml package, loaded on first use. Valid files are read by js-yaml (parse-file.ts)
// and need positions only for a diagnostic (source.ts), so most commands never use yaml;
// loading it with the rest costs every start-up about a fifth of `tandem validate`'s
// own time. Loaded synchronously (its CommonJS build): parsing is synchronous.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

export function yamlPackage(): typeof Yaml {
  return (loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}
