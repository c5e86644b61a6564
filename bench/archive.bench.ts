import fs from 'node:fs';
import crypto from 'node:crypto';
import { saveToInbox } from '../src-main/ipc/files';
import { measure, type BenchRow, benchTownship } from './lib';
import { emitRows } from './emit';

/**
 * A 1,000-household demo township: the per-village completeness report (every household's rules), one bag's
 * page, one page of the bag list, and the store check over 100 scans of 1 MB each.
 */
const { dir, s, call } = await benchTownship('archive', { demo: true, households: 1000 });

const median = async (fn: () => Promise<unknown>, n = 5) => {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push((await measure(fn)).ms);
  return xs.sort((a, b) => a - b)[Math.floor(n / 2)]!;
};
const report = await median(() => call('archive.completeness', {}));
const bag = await median(() => call('archive.bag', { householdId: 500 }), 21);
const list = await median(() => call('archive.bags', { page: 10, pageSize: 50, sort: 'headName' }), 11);

for (let i = 0; i < 100; i++) {
  const buf = Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(1024 * 1024)]);
  await call('archive.addItem', { householdId: 1 + i, docType: '其他', title: `扫描件${i}`, date: '2026-01-01', inboxName: saveToInbox(dir, `s${i}.pdf`, buf) });
}
const verify = await measure(() => call('archive.verifyStore', {}));
if (!verify.result.ok || verify.result.files !== 100) throw new Error('store check failed');
s.close();
fs.rmSync(dir, { recursive: true, force: true });

const rows: BenchRow[] = [
  { name: 'archive completeness report, 1000 households', value: report, unit: 'ms', target: '< 1000 ms' },
  { name: 'archive bag page (location, catalogue, missing), one household', value: bag, unit: 'ms', target: '< 50 ms' },
  { name: 'archive bag list page 10 sorted by head name, 1000 bags', value: list, unit: 'ms', target: '< 100 ms' },
  { name: 'archive store check, 100 files × 1 MB', value: (100 * 1.0) / (verify.ms / 1000), unit: 'MB/s', target: '> 50 MB/s' },
];
emitRows(rows);
