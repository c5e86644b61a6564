import type Database from 'better-sqlite3';
import type { HandlerContext } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { addMonths, type PayrollProblem } from '../../domain/payroll';
import { localToday } from '../../domain/dates';
import { requireTownship } from '../ledgers/registry';
import { statsOfPayroll } from '../ledgers/stats';
import { computePayroll, type Payroll } from './compute';
import { deleteSnapshot, digestOf, monthRow, writeSnapshot } from './snapshot';
import { runCaseCheck } from '../caseRecord/check';
import { freezeLedgers, frozenLedgerDigest } from '../ledgers/frozenLedgers';

type Sqlite = Database.Database;

export const latestClosed = (sqlite: Sqlite) => sqlite.prepare('SELECT MAX(period) FROM payroll_months').pluck().get() as string | null;

/** Problems that keep a month from being closed: the month's order, then every payroll check (domain/payroll). */
export function closeProblems(sqlite: Sqlite, period: string, p: Payroll & { problems: PayrollProblem[] }, today = localToday()): PayrollProblem[] {
  const out: PayrollProblem[] = [];
  const order = (detail: string) => out.push({ rule: '锁定顺序', householdId: null, label: '', detail });
  const latest = latestClosed(sqlite);
  if (monthRow(sqlite, period)) order(`${period} 已锁定`);
  else if (latest && latest > period) order(`${latest} 已锁定，不能再锁定更早的 ${period}`);
  else if (latest && addMonths(latest, 1) !== period) order(`请先锁定 ${addMonths(latest, 1)}（已锁定至 ${latest}）`);
  if (period > today.slice(0, 7)) order(`${period} 尚未到来，不能锁定`);
  if (p.lines.length === 0) order(`${period} 没有发放对象`);
  return [...out, ...caseProblems(sqlite, p, today), ...p.problems];
}

/**
 * The case-record invariants (features/caseRecord, one module of rules) for the households on the payroll: a paid
 * household without a living covered member, an amount without the decision behind it, a person in two households …
 */
function caseProblems(sqlite: Sqlite, p: Payroll, today: string): PayrollProblem[] {
  // The whole township is checked once and filtered to the payroll: passing the ids would load every case record
  // twice (the paid ones, then everyone for 同一人两户), and a payroll holds nearly every household.
  const paid = new Set(p.lines.map((l) => l.householdId).filter((id): id is number => id !== null));
  return runCaseCheck(sqlite, today).findings.filter((f) => paid.has(f.householdId)).map((f) => ({ rule: f.ruleName, householdId: f.householdId, label: f.label, detail: f.detail }));
}

export const problemText = (p: PayrollProblem) => `${p.rule}：${p.label ? `${p.label}，` : ''}${p.detail}`;

/**
 * 锁定: computes the month from the decisions in force, refuses with every problem listed, otherwise freezes the
 * lines, persons, change lines and statistics in one transaction (the caller's). Returns the month's totals.
 */
export function closeMonth(ctx: HandlerContext, period: string, closedOn = localToday(), today = localToday()) {
  const p = computePayroll(ctx.sqlite, period);
  // `today` is the demo's own day when the demo closes its months: its deadlines are counted from that day, not from
  // the clock (a demo built for 2026-11-22 failed to close once the real date passed its planted deadlines)
  const problems = closeProblems(ctx.sqlite, period, p, today);
  if (closedOn > today || closedOn < `${period}-01`) problems.unshift({ rule: '锁定日期', householdId: null, label: '', detail: `锁定日期 ${closedOn} 应在 ${period}-01 至今天之间` });
  if (problems.length) {
    throw new AppError('CHECKS_FAILED', `${period} 发放名册未锁定，请先处理 ${problems.length} 个问题：${problems.slice(0, 20).map(problemText).join('；')}${problems.length > 20 ? ' 等' : ''}`,
      { problems });
  }
  const frozen: Payroll = { ...p, closed: true, closedOn, closedByName: ctx.actor.displayName };
  writeSnapshot(ctx.sqlite, period, p);
  const digest = digestOf(p);
  const township = requireTownship(ctx.sqlite);
  const stats = statsOfPayroll(ctx.sqlite, frozen, township);
  const t = p.totals;
  ctx.sqlite.prepare(`INSERT INTO payroll_months (period, source, closed_on, closed_by, closed_by_name, households, persons, base_fen, top_up_fen,
    adjust_fen, total_fen, digest, stats_json, closed_at) VALUES (?, '计算', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(period, closedOn, ctx.actor.username,
    ctx.actor.displayName, t.households, t.persons, t.baseFen, t.topUpFen, t.adjustFen, t.totalFen, digest, JSON.stringify(stats), new Date().toISOString());
  freezeLedgers(ctx.sqlite, period, township); // after the month row, so the 近亲属备案台账 reads the frozen payroll
  ctx.audit({ entity: 'payroll_month', entityId: period, after: { action: '锁定', closedOn, ...t, digest, ledgerDigest: frozenLedgerDigest(ctx.sqlite, period) } });
  return { period, closedOn, closedByName: ctx.actor.displayName, ...t, digest };
}

/** 解锁: administrator only (the channel's permission), with a reason, the latest closed month, never after it was exported. */
export function reopenMonth(ctx: HandlerContext, period: string, reason: string) {
  const m = monthRow(ctx.sqlite, period);
  if (!m) throw new AppError('NOT_FOUND', `${period} 尚未锁定`);
  if (m.exportedAt) throw new AppError('CONFLICT', `${period} 已于 ${m.exportedAt.slice(0, 10)} 导出报送包，不能解锁；以后月份的补发、扣回请作变更决定`);
  const latest = latestClosed(ctx.sqlite);
  if (latest !== period) throw new AppError('CONFLICT', `只能解锁最近锁定的月份（${latest}）；${period} 之后的月份已锁定`);
  ctx.sqlite.prepare(`INSERT INTO payroll_reopens (period, reason, username, display_name, previous_total_fen, previous_digest, at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`).run(period, reason, ctx.actor.username, ctx.actor.displayName, m.totalFen, m.digest, new Date().toISOString());
  deleteSnapshot(ctx.sqlite, period);
  ctx.audit({ entity: 'payroll_month', entityId: period, before: { closedOn: m.closedOn, closedBy: m.closedBy, totalFen: m.totalFen, digest: m.digest },
    after: { action: '解锁', reason } });
  return { period, reopened: true };
}

/** The package export marks the month exported (after which it can no longer be reopened). */
export function markExported(sqlite: Sqlite, period: string) {
  sqlite.prepare('UPDATE payroll_months SET exported_at = COALESCE(exported_at, ?) WHERE period = ?').run(new Date().toISOString(), period);
}
