import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { outboxDir } from '../src-main/ipc/files';
import { rosterLedger } from '../src-main/features/ledgers/roster';
import { ledgerSheets } from '../src-main/features/ledgers/registry';
import { getTownship } from '../src-main/features/settings/store';
import { measure, type BenchRow, benchTownship, fillTownship } from './lib';
import { emitRows } from './emit';

/**
 * The 低保对象花名册 of a township with ~100,000 members on the roster, exported through the real channel
 * (queries, paging, styles, text IDs), against a bare exceljs streaming write of the same rows (already in
 * memory, no styles) in the same process. Target: ≤ 1.3× the bare write, peak memory < 400 MB.
 */
const { dir, s, call } = await benchTownship('ledgers', { demo: false });
const PERIOD = '2026-10';
await fillTownship(s.handle.sqlite, { members: Number(process.env.LEDGER_BENCH_MEMBERS ?? 100_000) });

// The same rows, materialized before the baseline is timed, so the baseline is the bare writer alone. The machine
// is shared, so each side runs twice, alternating, and the faster run of each counts.
const sheets = ledgerSheets(s.handle.sqlite, rosterLedger, { period: PERIOD, township: getTownship(s.handle.sqlite)! })
  .map((sh) => ({ name: sh.name, keys: sh.columns.map((c) => c.key), rows: [...sh.rows] }));
const bareFile = path.join(dir, 'bare.xlsx');
const bareWrite = async () => {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: bareFile, useStyles: false, useSharedStrings: false });
  for (const sh of sheets) {
    const ws = wb.addWorksheet(sh.name);
    for (const r of sh.rows) ws.addRow(sh.keys.map((k) => r[k] ?? null)).commit();
    ws.commit();
  }
  await wb.commit();
};
const runs: { bare: Awaited<ReturnType<typeof measure>>; ours: Awaited<ReturnType<typeof measure<any>>> }[] = [];
for (let i = 0; i < 2; i++) {
  const bareRun = await measure(bareWrite);
  const oursRun = await measure(() => call('ledgers.exportLedger', { name: 'roster', period: PERIOD }));
  runs.push({ bare: bareRun, ours: oursRun });
}
const bare = { ms: Math.min(...runs.map((r) => r.bare.ms)), peakMb: Math.max(...runs.map((r) => r.bare.peakMb)) };
const ours = { ms: Math.min(...runs.map((r) => r.ours.ms)), peakMb: Math.max(...runs.map((r) => r.ours.peakMb)), result: runs[0].ours.result };
const rows = ours.result.rows as Record<string, number>;

const members = rows['家庭成员'];
const out: BenchRow[] = [
  { name: `roster export (${members} members, ${rows['低保对象花名册']} households)`, value: ours.ms / 1000, unit: 's',
    target: '≤ 1.3× bare exceljs', baseline: bare.ms / 1000, ratio: ours.ms / bare.ms },
  { name: 'roster export peak memory', value: ours.peakMb, unit: 'MB', target: '< 400 MB', baseline: bare.peakMb, ratio: ours.peakMb / Math.max(bare.peakMb, 1) },
  { name: 'roster file size', value: fs.statSync(path.join(outboxDir(dir), ours.result.fileName)).size / 1048576, unit: 'MB',
    baseline: fs.statSync(bareFile).size / 1048576 },
];
s.close();
fs.rmSync(dir, { recursive: true, force: true });
emitRows(out);
