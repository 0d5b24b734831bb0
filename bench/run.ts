// Runs every compiled benchmark (dist/bench/*.bench.js) in name order and prints a
// table, or JSON with --json. Each benchmark module exports
// `run(): Promise<Array<{ name, value, unit, note? }>>`.
// Usage: npm run bench [-- --json]
import { readdirSync } from 'node:fs';
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
  const json = process.argv.includes('--json');
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.js'))
    .sort();
  if (files.length === 0) {
    process.stderr.write(`no *.bench.js files in ${here}: run npm run build first\n`);
    return 1;
  }
  const rows: Array<BenchResult & { bench: string }> = [];
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
  process.stdout.write(json ? JSON.stringify({ node: process.version, results: rows }, null, 2) + '\n' : table(rows));
  return 0;
}

process.exitCode = await main();
