#!/usr/bin/env node
// Bundles the CLI into dist/tandem/ with esbuild: tandem.js (package.json's bin) and the
// trial watchdog it starts (trial-watchdog.js, found beside the module that spawns it),
// plus shared chunks. Node then reads a few files instead of resolving and compiling
// several hundred modules at every start (issue 14). Each command's module is imported
// when the command runs (src/cli/main.ts), and with code splitting those imports stay
// separate chunks: `tandem validate` never loads execa, simple-git or the etcd client.
// dist/tandem/meta.json (esbuild's metafile) lets test/cli/bundle.test.ts check that.
// Runs after tsc (`npm run build`); node dist/src/cli/main.js keeps working unbundled.
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const OUT = 'dist/tandem';

// Chunk names change with their content: start empty so no stale chunk stays behind.
rmSync(OUT, { recursive: true, force: true });
const result = await build({
  entryPoints: { tandem: 'src/cli/main.ts', 'trial-watchdog': 'src/cli/trial-watchdog.ts' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Chunks sit beside the entry points: src/cli/trial.ts finds the watchdog relative to
  // its own module, and must find it in the same folder.
  chunkNames: 'chunk-[hash]',
  // CommonJS dependencies call require() for Node's own modules; an ES bundle has no
  // require unless given one.
  banner: {
    js: [
      "import { createRequire as __tandemRequire } from 'node:module';",
      'const require = __tandemRequire(import.meta.url);',
    ].join('\n'),
  },
  // Whitespace and syntax minified: Node reads, decodes and compiles a fifth less text at
  // every start (about 15 ms of CPU of a 0.33 s `tandem validate`, issue 14). Identifiers
  // are kept, so internal-error stack traces still name every function.
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(`${OUT}/meta.json`, JSON.stringify(result.metafile));
