import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { outboxDir } from '../src-main/ipc/files';
import { rosterLedger } from '../src-main/features/ledgers/roster';
import { ledgerSheets } from '../src-main/features/ledgers/registry';
import { getTownship } from '../src-main/features/settings/store';
import { insertRegion } from '../src-main/features/regions/channels';
import { makeIdNumber } from '../src-main/domain/idNumber';
import { measure, type BenchRow, benchTownship } from './lib';
import { emitRows } from './emit';

/**
 * The 低保对象花名册 of a township with ~100,000 members on the roster, exported through the real channel
 * (queries, paging, styles, text IDs), against a bare exceljs streaming write of the same rows (already in
 * memory, no styles) in the same process. Target: ≤ 1.3× the bare write, peak memory < 400 MB.
 */
const { dir, s, call } = await benchTownship('ledgers', { demo: false });
const PERIOD = '2026-10';
fillRoster(Number(process.env.LEDGER_BENCH_MEMBERS ?? 100_000));

/** Households of 1–4 members until `target` members, every one with a distinct valid 身份证号 (not timed). */
function fillRoster(target: number) {
  const sq = s.handle.sqlite;
  const root = sq.prepare("SELECT id FROM regions WHERE level = 'township'").pluck().get() as number;
  const villages = Array.from({ length: 12 }, (_, v) => insertRegion(sq, root, 'village', `第${v + 1}村`, v + 1));
  const hh = sq.prepare(`INSERT INTO households (certificate_no, category, status, village_id, address, start_month, causes, bank_name, bank_account,
    monthly_amount_fen, top_up_fen, created_at, updated_at) VALUES (?, '农村低保', '在保', ?, '', '2020-01', '["因病"]', '农村信用社', ?, ?, 0, '', '')`);
  const mm = sq.prepare(`INSERT INTO members (household_id, name, id_number, sex, birth_date, relation, labour_capacity, created_at)
    VALUES (?, ?, ?, ?, ?, ?, '有', '')`);
  const head = sq.prepare('UPDATE households SET head_member_id = ? WHERE id = ?');
  sq.transaction(() => {
    for (let i = 0, h = 0; i < target; h++) {
      const size = Math.min(1 + (h % 4), target - i);
      const hid = Number(hh.run(`510902${String(h).padStart(6, '0')}`, villages[h % 12], `6228${String(h).padStart(15, '0')}`, size * 50000).lastInsertRowid);
      for (let k = 0; k < size; k++, i++) {
        const birth = new Date(Date.UTC(1930, 0, 1 + (i % 25000))).toISOString().slice(0, 10);
        const male = k % 2 === 0;
        const id = makeIdNumber('510902', birth, Math.floor(i / 25000) * 2, male);
        const mid = Number(mm.run(hid, `成员${i}`, id, male ? '男' : '女', birth, k === 0 ? '户主' : '其他').lastInsertRowid);
        if (k === 0) head.run(mid, hid);
      }
    }
  })();
}

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
