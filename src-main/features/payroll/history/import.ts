import fs from 'node:fs';
import type { HandlerContext } from '../../../ipc/contract';
import { AppError } from '../../../ipc/errors';
import { localToday } from '../../../domain/dates';
import { readWorkbook } from '../../households/roster/read';
import { requireTownship } from '../../ledgers/registry';
import { statsOfPayroll } from '../../ledgers/stats';
import { totalsOf, type Payroll } from '../compute';
import { digestOf, writeSnapshot } from '../snapshot';
import { HistoryReader } from './parse';
import { resolveHistory, type HistoryMonth } from './resolve';
import { freezeLedgers, frozenLedgerDigest } from '../../ledgers/frozenLedgers';

/**
 * 历史发放导入: an office that starts mid-year brings its earlier months' 发放表 so 本年累计 is real from the first
 * month. A dry run (the default) reports every bad row; the import writes only when nothing is wrong, every month
 * in ONE transaction, each marked 导入 and frozen like a closed month (the digest check covers it, 解锁 is the
 * administrator's as for any closed month).
 */
export function importHistory(ctx: HandlerContext, file: string, name: string, dryRun: boolean) {
  const reader = new HistoryReader(new Date());
  let read = 0;
  for (const row of readWorkbook(fs.readFileSync(file), name)) {
    reader.add(row);
    if (++read % 2000 === 0) {
      if (ctx.cancelled()) throw new AppError('CANCELLED', '已取消导入，没有写入任何数据');
      ctx.progress({ done: read, total: 0, message: `已读取 ${read} 行` });
    }
  }
  reader.finish();
  const today = localToday();
  const resolved = resolveHistory(ctx.sqlite, reader.rows, today.slice(0, 7), name);
  const order = new Map(reader.sheets.map((s, i) => [s.name, i]));
  const problems = [...reader.problems, ...resolved.problems]
    .sort((a, b) => (order.get(a.sheet) ?? -1) - (order.get(b.sheet) ?? -1) || (a.row ?? 0) - (b.row ?? 0));
  // Totals only for a file without problems: a month's sum without its bad rows would be a wrong number on screen.
  const months = problems.length ? [] : resolved.months.map((m) => ({ period: m.period, ...totalsOf(m.lines, m.persons, []) }));
  const report = { file: name, dryRun, imported: false, sheets: reader.sheets, lines: reader.rows.length, problems, errors: problems.length, months };
  if (dryRun || problems.length) return report;
  ctx.tx(() => { for (const m of resolved.months) freezeImported(ctx, m, today, name); });
  return { ...report, imported: true };
}

export type HistoryReport = ReturnType<typeof importHistory>;

function freezeImported(ctx: HandlerContext, m: HistoryMonth, today: string, file: string) {
  const totals = totalsOf(m.lines, m.persons, []);
  const frozen: Payroll = { period: m.period, closed: true, source: '导入', closedOn: today, closedByName: ctx.actor.displayName, exportedAt: null,
    lines: m.lines, persons: m.persons, changes: [], totals };
  writeSnapshot(ctx.sqlite, m.period, frozen);
  const digest = digestOf(frozen);
  const township = requireTownship(ctx.sqlite);
  const stats = statsOfPayroll(ctx.sqlite, frozen, township);
  ctx.sqlite.prepare(`INSERT INTO payroll_months (period, source, closed_on, closed_by, closed_by_name, households, persons, base_fen, top_up_fen,
    adjust_fen, total_fen, digest, stats_json, closed_at) VALUES (?, '导入', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`).run(m.period, today, ctx.actor.username,
    ctx.actor.displayName, totals.households, totals.persons, totals.baseFen, totals.topUpFen, totals.totalFen, digest, JSON.stringify(stats), new Date().toISOString());
  freezeLedgers(ctx.sqlite, m.period, township);
  ctx.audit({ entity: 'payroll_month', entityId: m.period, after: { action: '历史导入', file, ...totals, digest, ledgerDigest: frozenLedgerDigest(ctx.sqlite, m.period) } });
}
