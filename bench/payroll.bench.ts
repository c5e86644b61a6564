import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addMonths } from '../src-main/domain/payroll';
import { localToday } from '../src-main/domain/dates';
import { measure, type BenchRow, benchTownship, fillTownship } from './lib';
import { emitRows } from './emit';

/**
 * Closing (锁定) a 40,000-household month through the real channel — payroll from the decisions in force, change lines,
 * checks, the frozen snapshot and its statistics in one transaction — and writing its bank file, against the bare
 * read of the same households and members (the floor any close has to pay). Targets: close < 10 s, bank file < 5 s.
 */
const HOUSEHOLDS = Number(process.env.PAYROLL_BENCH_HOUSEHOLDS ?? 40_000);
const { dir, s, call } = await benchTownship('payroll', { demo: false });
const PERIOD = addMonths(localToday().slice(0, 7), -1);
await fillTownship(s.handle.sqlite, { households: HOUSEHOLDS }, addDecisions());

/**
 * Every household gets its 建档导入 record; every 50th a 减发 effective in the month (not timed). Each decision
 * carries the calculation it was made on (620 元 a covered member with no income under the default standard), as
 * the case-record check compares today's calculation with it.
 */
function addDecisions() {
  const sq = s.handle.sqlite;
  const decision = sq.prepare(`INSERT INTO benefit_changes (household_id, decision, source, date, effective_month, reason, before_status, after_status,
    before_amount_fen, after_amount_fen, before_top_up_fen, after_top_up_fen, calc_fen, covered_count, username, display_name, role, created_at)
    VALUES (?, ?, '', ?, ?, '基准', ?, '在保', ?, ?, 0, 0, ?, ?, 'bench', 'bench', 'clerk', ?)`);
  const cut = sq.prepare('UPDATE households SET monthly_amount_fen = ? WHERE id = ?');
  return ({ id, index, fen }: { id: number; index: number; fen: number }) => {
    const covered = fen / 50000;
    const calc = covered * 62000;
    decision.run(id, '建档导入', '2020-01-01', '2020-01', '', 0, fen, calc, covered, '2020-01-01T00:00:00.000Z');
    if (index % 50 === 0) {
      decision.run(id, '减发', `${PERIOD}-02`, PERIOD, '在保', fen, fen - 10000, calc, covered, new Date().toISOString());
      cut.run(fen - 10000, id);
    }
  };
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
