import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { insertRegion } from '../src-main/features/regions/channels';
import { makeIdNumber } from '../src-main/domain/idNumber';
import { addMonths } from '../src-main/domain/payroll';
import { localToday } from '../src-main/domain/dates';
import { measure, type BenchRow, benchTownship } from './lib';
import { emitRows } from './emit';

/**
 * Closing (锁定) a 40,000-household month through the real channel — payroll from the decisions in force, change lines,
 * checks, the frozen snapshot and its statistics in one transaction — and writing its bank file, against the bare
 * read of the same households and members (the floor any close has to pay). Targets: close < 10 s, bank file < 5 s.
 */
const HOUSEHOLDS = Number(process.env.PAYROLL_BENCH_HOUSEHOLDS ?? 40_000);
const { dir, s, call } = await benchTownship('payroll', { demo: false });
const PERIOD = addMonths(localToday().slice(0, 7), -1);
fill(HOUSEHOLDS);

/** Households of 1–4 members, each with its 建档导入 record; every 50th gets a 减发 effective in the month (not timed). */
function fill(n: number) {
  const sq = s.handle.sqlite;
  const root = sq.prepare("SELECT id FROM regions WHERE level = 'township'").pluck().get() as number;
  const villages = Array.from({ length: 12 }, (_, v) => insertRegion(sq, root, 'village', `第${v + 1}村`, v + 1));
  const hh = sq.prepare(`INSERT INTO households (certificate_no, category, status, village_id, address, start_month, causes, bank_name, bank_account,
    monthly_amount_fen, top_up_fen, created_at, updated_at) VALUES (?, '农村低保', '在保', ?, '', '2020-01', '["因病"]', '农村信用社', ?, ?, 0, '', '')`);
  const mm = sq.prepare(`INSERT INTO members (household_id, name, id_number, sex, birth_date, relation, labour_capacity, created_at)
    VALUES (?, ?, ?, ?, ?, ?, '有', '')`);
  const head = sq.prepare('UPDATE households SET head_member_id = ? WHERE id = ?');
  const decision = sq.prepare(`INSERT INTO benefit_changes (household_id, decision, source, date, effective_month, reason, before_status, after_status,
    before_amount_fen, after_amount_fen, before_top_up_fen, after_top_up_fen, username, display_name, role, created_at)
    VALUES (?, ?, '', ?, ?, '基准', ?, '在保', ?, ?, 0, 0, 'bench', 'bench', 'clerk', ?)`);
  const cut = sq.prepare('UPDATE households SET monthly_amount_fen = ? WHERE id = ?');
  let i = 0;
  sq.transaction(() => {
    for (let h = 0; h < n; h++) {
      const size = 1 + (h % 4);
      const fen = size * 50000;
      const hid = Number(hh.run(`510902${String(h).padStart(6, '0')}`, villages[h % 12], `6228${String(h).padStart(15, '0')}`, fen).lastInsertRowid);
      for (let k = 0; k < size; k++, i++) {
        const birth = new Date(Date.UTC(1930, 0, 1 + (i % 25000))).toISOString().slice(0, 10);
        const male = k % 2 === 0;
        const mid = Number(mm.run(hid, `成员${i}`, makeIdNumber('510902', birth, Math.floor(i / 25000) * 2, male), male ? '男' : '女', birth,
          k === 0 ? '户主' : '其他').lastInsertRowid);
        if (k === 0) head.run(mid, hid);
      }
      decision.run(hid, '建档导入', '2020-01-01', '2020-01', '', 0, fen, '2020-01-01T00:00:00.000Z');
      if (h % 50 === 0) {
        decision.run(hid, '减发', `${PERIOD}-02`, PERIOD, '在保', fen, fen - 10000, new Date().toISOString());
        cut.run(fen - 10000, hid);
      }
    }
  })();
  return i;
}

const members = s.handle.sqlite.prepare('SELECT COUNT(*) FROM members').pluck().get() as number;
const bareRead = await measure(() => {
  const a = s.handle.sqlite.prepare('SELECT * FROM households').all();
  const b = s.handle.sqlite.prepare("SELECT * FROM members WHERE state = '在户'").all();
  return a.length + b.length;
});
const close = await measure(() => call('payroll.close', { period: PERIOD }));
const bankDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-bench-bank-'));
const bank = await measure(() => call('payroll.bankFile', { period: PERIOD, destination: bankDir }));
const changes = s.handle.sqlite.prepare('SELECT COUNT(*) FROM payroll_changes WHERE period = ?').pluck().get(PERIOD) as number;
if (bank.result.totalFen !== close.result.totalFen) throw new Error(`bank total ${bank.result.totalFen} ≠ payroll ${close.result.totalFen}`);
const out: BenchRow[] = [
  { name: `payroll close (${close.result.households} households, ${members} members, ${changes} change lines)`, value: close.ms / 1000, unit: 's',
    target: '< 10 s', baseline: bareRead.ms / 1000, ratio: close.ms / bareRead.ms },
  { name: 'payroll close peak memory', value: close.peakMb, unit: 'MB', target: '< 600 MB' },
  { name: `payroll bank file (xlsx, ${bank.result.households} rows, total = payroll)`, value: bank.ms / 1000, unit: 's', target: '< 5 s' },
];
s.close();
fs.rmSync(dir, { recursive: true, force: true });
fs.rmSync(bankDir, { recursive: true, force: true });
emitRows(out);
