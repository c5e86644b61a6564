import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { BenchRow } from './lib';

/**
 * `npm run bench [-- --json FILE] [-- --only NAME]`: runs every bench/*.bench.ts in its own process
 * (so peak memory is not shared) and prints one table. Each bench file prints its rows as one JSON line
 * prefixed "BENCH_ROWS ".
 */
const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const dir = path.dirname(new URL(import.meta.url).pathname);
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
const rows: (BenchRow & { bench: string })[] = [];
for (const f of files) {
  process.stderr.write(`running ${f} …\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(dir, f)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const line = r.stdout.split('\n').find((l) => l.startsWith('BENCH_ROWS '));
  if (r.status !== 0 || !line) {
    process.stderr.write(`${f} failed:\n${r.stderr.slice(-2000)}\n`);
    rows.push({ bench: f, name: `${f} FAILED`, value: NaN, unit: '' });
    continue;
  }
  for (const row of JSON.parse(line.slice('BENCH_ROWS '.length)) as BenchRow[]) rows.push({ bench: f, ...row });
}
const fmt = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '' : Number(v.toFixed(2)).toString());
console.log(['name', 'value', 'unit', 'target', 'baseline', 'ratio'].join('\t'));
for (const r of rows) console.log([r.name, fmt(r.value), r.unit, r.target ?? '', fmt(r.baseline), fmt(r.ratio)].join('\t'));
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(rows, null, 2));
if (rows.some((r) => Number.isNaN(r.value))) process.exitCode = 1;
