import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import type { HandlerContext } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { emit } from '../events';
import { householdState, setHouseholdStatus } from '../applications/household';
import { addEvent, localToday } from '../households/store';
import { calculationOrNull, livingCovered } from './tasks';
import { addMonthsIso } from '../../domain/caseRecord';

type Sqlite = Database.Database;

/** The decision-like rows this feature writes into benefit_changes, next to the change decisions. */
interface RecordRow {
  householdId: number; decision: '建档导入' | '更正' | '渐退'; source: string; date: string; reason: string; effectiveMonth?: string;
  beforeStatus: string; afterStatus: string; beforeFen: number; afterFen: number; beforeTopUpFen: number; afterTopUpFen: number;
  phaseOutEndMonth?: string | null; calcFen: number | null; coveredCount: number | null;
  by: { userId: number | null; username: string; displayName: string; role: string };
}

function insertRecord(sqlite: Sqlite, r: RecordRow): number {
  return Number(prepared(sqlite, `INSERT INTO benefit_changes (household_id, decision, source, source_ref, date, effective_month, reason,
    before_status, after_status, before_amount_fen, after_amount_fen, before_top_up_fen, after_top_up_fen, phase_out_end_month,
    calc_fen, covered_count, user_id, username, display_name, role, created_at) VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    r.householdId, r.decision, r.source, r.date, r.effectiveMonth ?? r.date.slice(0, 7), r.reason, r.beforeStatus, r.afterStatus, r.beforeFen, r.afterFen,
    r.beforeTopUpFen, r.afterTopUpFen, r.phaseOutEndMonth ?? null, r.calcFen, r.coveredCount, r.by.userId, r.by.username,
    r.by.displayName, r.by.role, new Date().toISOString()).lastInsertRowid);
}

export const IMPORT_STATUSES = ['在保', '停保', '未通过'] as const;

/**
 * 建档导入: an existing case brought in from the office's roster (or the demo) starts its record with a decision-like
 * row carrying the amounts the office pays, and the calculation and covered persons on the day of import, so later
 * changes are measured against it. The household row must already hold these status and amounts.
 */
export function recordImported(sqlite: Sqlite, i: { householdId: number; date: string; status: (typeof IMPORT_STATUSES)[number];
  monthlyFen: number; topUpFen: number; operator: string; source?: string;
  /** The roster import computes these from the rows it writes (calculateFromFacts), instead of reading them back. */
  planned?: { calc: { amountFen: number } | null; coveredCount: number } }): number {
  const calc = i.status !== '在保' ? null : i.planned ? i.planned.calc : calculationOrNull(sqlite, i.householdId, i.date);
  return insertRecord(sqlite, {
    householdId: i.householdId, decision: '建档导入', source: i.source ?? '建档导入', date: i.date,
    reason: `建档导入：按原档案${i.status === '在保' ? `每月 ${((i.monthlyFen + i.topUpFen) / 100).toFixed(2)} 元` : i.status}`,
    beforeStatus: '', afterStatus: i.status, beforeFen: 0, afterFen: i.monthlyFen, beforeTopUpFen: 0, afterTopUpFen: i.topUpFen,
    calcFen: calc?.amountFen ?? null, coveredCount: i.status !== '在保' ? null : i.planned ? i.planned.coveredCount : livingCovered(sqlite, i.householdId),
    by: { userId: null, username: 'import', displayName: i.operator, role: 'clerk' },
  });
}

/**
 * A case imported while already in 渐退: its 渐退 decision row (as the office recorded it), so the end month is
 * known to the rechecks list and to endDuePhaseOuts. The demo spreads the months: `seq` picks 0–3 months ago.
 */
export function recordImportedPhaseOut(sqlite: Sqlite, i: { householdId: number; today: string; monthlyFen: number; operator: string; seq: number }) {
  const effective = addMonthsIso(`${i.today.slice(0, 7)}-01`, -(i.seq % 4)).slice(0, 7);
  const end = addMonthsIso(`${effective}-01`, 5).slice(0, 7);
  return insertRecord(sqlite, {
    householdId: i.householdId, decision: '渐退', source: '建档导入', date: `${effective}-01`, reason: '建档时已在渐退期（家庭成员务工收入超过标准）',
    beforeStatus: '在保', afterStatus: '渐退', beforeFen: i.monthlyFen, afterFen: i.monthlyFen, beforeTopUpFen: 0, afterTopUpFen: 0,
    phaseOutEndMonth: end, calcFen: null, coveredCount: livingCovered(sqlite, i.householdId), effectiveMonth: effective,
    by: { userId: null, username: 'import', displayName: i.operator, role: 'clerk' },
  });
}

export interface CorrectionInput { householdId: number; status?: string; monthlyFen?: number; topUpFen?: number; category?: string; date?: string; reason: string }

/**
 * 更正 (administrator only): fixes a typing mistake in status, amounts or category with a required reason. It is a
 * record of its own (shown as 更正 on the timeline and in the audit), and it can never put a case into 在保 or 渐退:
 * only 审核确认 does that.
 */
export function recordCorrection(ctx: HandlerContext, i: CorrectionInput) {
  const h = householdState(ctx.sqlite, i.householdId);
  const status = i.status ?? h.status;
  if (status !== h.status && (status === '在保' || status === '渐退')) {
    throw new AppError('VALIDATION', `更正不能把状态改为“${status}”：纳入保障须经审核确认，渐退须作变更决定`);
  }
  const monthlyFen = i.monthlyFen ?? h.monthlyFen;
  const topUpFen = i.topUpFen ?? h.topUpFen;
  const category = i.category ?? h.category;
  if (status === h.status && monthlyFen === h.monthlyFen && topUpFen === h.topUpFen && category === h.category) {
    throw new AppError('VALIDATION', '更正的内容与现有记录相同，没有需要更正的项');
  }
  const date = i.date ?? localToday();
  const calc = status === '在保' ? calculationOrNull(ctx.sqlite, h.id, date) : null;
  if (category !== h.category) prepared(ctx.sqlite, 'UPDATE households SET category = ? WHERE id = ?').run(category, h.id);
  const id = insertRecord(ctx.sqlite, {
    householdId: h.id, decision: '更正', source: '更正', date, reason: i.reason, beforeStatus: h.status, afterStatus: status,
    beforeFen: h.monthlyFen, afterFen: monthlyFen, beforeTopUpFen: h.topUpFen, afterTopUpFen: topUpFen,
    calcFen: calc?.amountFen ?? null, coveredCount: status === '在保' ? livingCovered(ctx.sqlite, h.id) : null, by: ctx.actor,
  });
  const what = [status !== h.status && `状态 ${h.status}→${status}`, monthlyFen !== h.monthlyFen && `月保障金 ${h.monthlyFen / 100}→${monthlyFen / 100} 元`,
    topUpFen !== h.topUpFen && `分类施保金 ${h.topUpFen / 100}→${topUpFen / 100} 元`, category !== h.category && `保障类别 ${h.category}→${category}`]
    .filter(Boolean).join('，');
  addEvent(ctx, { householdId: h.id, type: '更正', date, reason: `管理员更正：${what}。原因：${i.reason}`,
    payload: { correctionId: id, before: { status: h.status, monthlyFen: h.monthlyFen, topUpFen: h.topUpFen, category: h.category },
      after: { status, monthlyFen, topUpFen, category } } });
  ctx.audit({ entity: 'household_correction', entityId: id, before: { householdId: h.id, status: h.status, monthlyFen: h.monthlyFen,
    topUpFen: h.topUpFen, category: h.category }, after: { status, monthlyFen, topUpFen, category, reason: i.reason } });
  setHouseholdStatus(ctx, h.id, status, { date, reason: `更正：${i.reason}`, monthlyFen, topUpFen });
  emit.benefitDecided(ctx, { householdId: h.id, changeId: id, decision: '更正', status });
  return { id, changed: what };
}
