// What every benchmark module returns (bench/run.ts prints them), and how a timing is
// taken: the same function run several times, median, min and max in milliseconds.
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export interface Timing<T> {
  median: number;
  min: number;
  max: number;
  /** What the last run returned. */
  last: T;
}

export async function timeRuns<T>(runs: number, fn: () => T | Promise<T>): Promise<Timing<T>> {
  const times: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: median(times), min: times[0], max: times[runs - 1], last };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
