// The bundled CLI (scripts/bundle.mjs, package.json's bin): it runs the same commands as
// tsc's unbundled output, and each command still loads only what it needs. The check of
// what loads reads esbuild's metafile: the chunks a command imports statically, from the
// entry point through the command's own module, are what Node reads for it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { execa } from 'execa';
import { PACKAGE_ROOT } from '../../src/paths.js';

const OUT = join(PACKAGE_ROOT, 'dist', 'tandem');
const BUNDLE = join(OUT, 'tandem.js');
const UNBUNDLED = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

interface Metafile {
  outputs: Record<
    string,
    { entryPoint?: string; imports: Array<{ path: string; kind: string }>; inputs: Record<string, unknown> }
  >;
}

function metafile(): Metafile {
  assert.ok(existsSync(join(OUT, 'meta.json')), 'no bundle in dist/tandem: run npm run build');
  return JSON.parse(readFileSync(join(OUT, 'meta.json'), 'utf8')) as Metafile;
}

/** The source files a command loads: the entry's static imports, then its module's. */
function loadedBy(meta: Metafile, commandModule: string): Set<string> {
  const outputOf = (entry: string) => {
    const found = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === entry);
    assert.ok(found, `${entry} is not an entry of the bundle`);
    return found[0];
  };
  const chunks = new Set<string>();
  const walk = (output: string) => {
    if (chunks.has(output)) return;
    chunks.add(output);
    for (const i of meta.outputs[output].imports)
      if (i.kind === 'import-statement' && meta.outputs[i.path]) walk(i.path);
  };
  walk(outputOf('src/cli/main.ts'));
  walk(outputOf(commandModule));
  return new Set([...chunks].flatMap((c) => Object.keys(meta.outputs[c].inputs)));
}

// yaml (positions, and files that fail js-yaml's fast path) is loaded on first use by
// src/load/yaml-package.ts, outside the bundle: a valid environment never needs it.
const HEAVY = ['node_modules/execa/', 'node_modules/simple-git/', 'src/fleet/etcd/', 'node_modules/yaml/'];

describe('the bundled CLI', () => {
  it('validates and plans the demo as the unbundled CLI does', async () => {
    for (const args of [
      ['validate', 'environments/demo', '--format', 'json'],
      ['plan', 'environments/demo', '--observed', 'environments/demo/observed', '--format', 'json'],
      ['--version'],
    ]) {
      const env = { ...process.env, TANDEM_STATE_DIR: join(PACKAGE_ROOT, '.tandem', 'bundle-test') };
      const bundled = await execa(process.execPath, [BUNDLE, ...args], { cwd: PACKAGE_ROOT, env, reject: false });
      const plain = await execa(process.execPath, [UNBUNDLED, ...args], { cwd: PACKAGE_ROOT, env, reject: false });
      assert.equal(bundled.exitCode, plain.exitCode, `${args.join(' ')}: ${bundled.stderr}`);
      assert.equal(bundled.stdout, plain.stdout, args.join(' '));
    }
  });

  it('tandem validate loads no execa, simple-git, etcd client or yaml; tandem apply does', () => {
    const meta = metafile();
    const loaded = [...loadedBy(meta, 'src/cli/commands/validate.ts')];
    for (const heavy of HEAVY)
      assert.deepEqual(
        loaded.filter((f) => f.startsWith(heavy)),
        [],
        `tandem validate loads ${heavy}`,
      );
    // The walk sees what a command does load: apply runs ip through execa.
    assert.ok([...loadedBy(meta, 'src/cli/commands/apply.ts')].some((f) => f.startsWith('node_modules/execa/')));
  });

  it('tandem plan loads execa and yaml only when it runs a program or reads a YAML snapshot', () => {
    // A plan against a snapshot folder or sim nodes runs no program: issue 14 measured
    // execa and yaml as a third of the code its start-up read.
    const loaded = [...loadedBy(metafile(), 'src/cli/commands/plan.ts')];
    for (const heavy of ['node_modules/execa/', 'node_modules/yaml/'])
      assert.deepEqual(
        loaded.filter((f) => f.startsWith(heavy)),
        [],
        `tandem plan loads ${heavy} at start-up`,
      );
  });

  it('puts every chunk beside tandem.js, where src/cli/trial.ts finds the trial watchdog', () => {
    const meta = metafile();
    for (const output of Object.keys(meta.outputs)) assert.equal(dirname(output), 'dist/tandem', output);
    assert.ok(existsSync(join(OUT, 'trial-watchdog.js')));
  });
});
