// Runs every compiled benchmark (dist/bench/*.bench.js) in name order and prints a
// table, or JSON with --json; --out FILE also writes the JSON (with the date and the
// machine's load averages at start and end: a busy machine stretches wall times) to FILE.
// Names after the flags pick benchmarks (e.g. `cli one-node`). Each benchmark module
// exports `run(): Promise<Array<{ name, value, unit, note? }>>`.
// Usage: npm run bench [-- --json] [-- --out bench/results.json] [-- NAME...]
import { readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './result.js';

interface BenchModule {
  run(): Promise<BenchResult[]>;
}

const here = dirname(fileURLToPath(import.meta.url));

function table(rows: Array<BenchResult & { bench: string }>): string {
  const head = ['bench', 'measure', 'value', 'unit', 'note'];
  const cells = rows.map((r) => [r.bench, r.name, String(r.value), r.unit, r.note ?? '']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => (i === 2 ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const picked = args.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.js'))
    .filter((f) => picked.length === 0 || picked.includes(f.replace(/\.bench\.js$/, '')))
    .sort();
  if (files.length === 0) {
    process.stderr.write(`no *.bench.js files in ${here}: run npm run build first\n`);
    return 1;
  }
  const rows: Array<BenchResult & { bench: string }> = [];
  const loadAtStart = loadavg();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as Partial<BenchModule>;
    if (typeof mod.run !== 'function') {
      process.stderr.write(`${file} exports no run() function\n`);
      return 1;
    }
    const bench = file.replace(/\.bench\.js$/, '');
    if (!json) process.stderr.write(`running ${bench}...\n`);
    try {
      for (const r of await mod.run()) rows.push({ bench, ...r });
    } catch (err) {
      process.stderr.write(`${bench} failed: ${(err as Error).message}\n`);
      return 1;
    }
  }
  const document =
    JSON.stringify(
      { date: new Date().toISOString(), node: process.version, loadAtStart, loadAtEnd: loadavg(), results: rows },
      null,
      2,
    ) + '\n';
  if (out) writeFileSync(out, document);
  process.stdout.write(json ? document : table(rows));
  return 0;
}

process.exitCode = await main();
