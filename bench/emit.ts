import type { BenchRow } from './lib';

/** Each *.bench.ts ends with emitRows(rows): bench/run.ts collects the line. */
export function emitRows(rows: BenchRow[]) {
  process.stdout.write(`BENCH_ROWS ${JSON.stringify(rows)}\n`);
}
