import type Database from 'better-sqlite3';
import type { HandlerContext } from '../../ipc/contract';
import { AppError, refuseAt } from '../../ipc/errors';
import { householdState, setHouseholdStatus } from './household';
import { nextMonth, phaseOutMaxMonths } from './settings';
import { localToday } from '../households/store';
import { changeInput, type ChangeInput } from './schemas';
import { emit } from '../events';
import { calculationOrNull, livingCovered } from '../caseRecord/tasks';

/**
 * A change decision on a household already receiving 低保 (维持/增发/减发/停保/渐退), with reason and new amount.
 * Insert-only; the household's status and amounts follow. Other features (rechecks, campaigns) call this from
 * their own handlers with their HandlerContext so every stop or adjustment goes through one place.
 * Returns the change id; 减发 and 停保 need a written notice (document 'applications.changeNotice' { changeId }).
 */
export function recordChangeDecision(ctx: HandlerContext, raw: ChangeInput) {
  const i = changeInput.parse(raw);
  const h = householdState(ctx.sqlite, i.householdId);
  if (h.status !== '在保' && h.status !== '渐退') throw new AppError('CONFLICT', `该户当前为“${h.status}”，只能对在保或渐退户作变更决定`);
  const date = i.date ?? localToday();
  const effectiveMonth = i.effectiveMonth ?? nextMonth(date);
  const oldTotal = h.monthlyFen + h.topUpFen;
  const after = afterAmounts(h, i);
  const newTotal = after.monthlyFen + after.topUpFen;
  checkDirection(i.decision, oldTotal, newTotal);
  // The calculation and covered persons the decision is made on: later member changes are measured against them.
  const living = livingCovered(ctx.sqlite, h.id);
  if (living === 0 && i.decision !== '停保') {
    throw new AppError('CONFLICT', `该户已没有在世（在户）的保障对象，不能作“${i.decision}”决定，请作停保决定`);
  }
  const calcFen = living > 0 ? calculationOrNull(ctx.sqlite, h.id, date)?.amountFen ?? null : null;
  let phaseOutEnd: string | null = null;
  if (i.decision === '渐退') {
    if (h.status === '渐退') throw new AppError('CONFLICT', '该户已在渐退期，不能再次作渐退决定；渐退期满转为停保');
    const max = phaseOutMaxMonths(ctx.sqlite);
    const months = i.phaseOutMonths ?? max;
    if (months > max) throw refuseAt('VALIDATION', 'phaseOutMonths', `渐退期不能超过 ${max} 个月`);
    const unmet = workIncomeRefusal(i);
    if (unmet) throw unmet;
    phaseOutEnd = nextMonth(`${effectiveMonth}-01`, months - 1);
  }
  const status = i.decision === '停保' ? '停保' : i.decision === '渐退' ? '渐退' : '在保';
  const id = Number(ctx.sqlite.prepare(`INSERT INTO benefit_changes (household_id, decision, source, source_ref, date, effective_month, reason,
    before_status, after_status, before_amount_fen, after_amount_fen, before_top_up_fen, after_top_up_fen, phase_out_end_month,
    work_income_confirmed, work_income_note, calc_fen, covered_count, user_id, username, display_name, role, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    h.id, i.decision, i.source, i.sourceRef, date, effectiveMonth, i.reason, h.status, status, h.monthlyFen, after.monthlyFen,
    h.topUpFen, after.topUpFen, phaseOutEnd, i.decision === '渐退' ? 1 : null, i.decision === '渐退' ? i.workIncomeNote!.trim() : null, calcFen, status === '停保' ? null : living, ctx.actor.userId, ctx.actor.username, ctx.actor.displayName, ctx.actor.role,
    new Date().toISOString()).lastInsertRowid);
  ctx.audit({ entity: 'benefit_change', entityId: id, after: { householdId: h.id, decision: i.decision, reason: i.reason, effectiveMonth,
    beforeFen: oldTotal, afterFen: newTotal, phaseOutEnd, workIncomeNote: i.decision === '渐退' ? i.workIncomeNote : undefined } });
  const label = i.decision === '渐退' ? `渐退至 ${phaseOutEnd}（第三十三条，就业增收：${i.workIncomeNote!.trim()}）` : i.decision;
  setHouseholdStatus(ctx, h.id, status, { date, reason: `${label}：${i.reason}（${i.source}）`, ...after });
  emit.benefitDecided(ctx, { householdId: h.id, changeId: id, decision: i.decision, status });
  return { id, status, amountFen: newTotal, effectiveMonth, phaseOutEndMonth: phaseOutEnd, needsNotice: i.decision === '减发' || i.decision === '停保' };
}

/** 2021办法 第三十三条: 渐退 is for a family whose income rose above the standard through work (就业). */
export const ARTICLE_33 = '第三十三条：因家庭成员就业等原因，家庭人均收入超过当地低保标准';

/** 渐退 only with the 第三十三条 condition confirmed explicitly and how it was met; one detail per field for the form. */
function workIncomeRefusal(i: { workIncomeConfirmed?: boolean; workIncomeNote?: string }): AppError | null {
  const details: { path: string; message: string }[] = [];
  if (i.workIncomeConfirmed !== true) details.push({ path: 'workIncomeConfirmed', message: '请确认：家庭成员就业（务工）后人均收入已超过低保标准' });
  if ((i.workIncomeNote?.trim().length ?? 0) < 4) details.push({ path: 'workIncomeNote', message: '请写明谁在何处就业、月收入多少（至少 4 个字）' });
  if (!details.length) return null;
  return new AppError('VALIDATION', `渐退须符合${ARTICLE_33}：${details.map((d) => d.message).join('；')}；不符合的请作减发或停保决定`, details);
}

function afterAmounts(h: { monthlyFen: number; topUpFen: number }, i: ReturnType<typeof changeInput.parse>) {
  if (i.decision === '停保') return { monthlyFen: 0, topUpFen: 0 };
  if (i.decision === '维持') return { monthlyFen: h.monthlyFen, topUpFen: h.topUpFen };
  if (i.newAmountFen === undefined && i.decision !== '渐退') throw refuseAt('VALIDATION', 'newAmountFen', `${i.decision}须填写调整后的月保障金`);
  const topUpFen = i.newTopUpFen ?? h.topUpFen;
  return { monthlyFen: i.newAmountFen ?? h.monthlyFen, topUpFen };
}

function checkDirection(decision: string, before: number, after: number) {
  if (decision === '增发' && after <= before) throw refuseAt('VALIDATION', 'newAmountFen', `增发后的金额（${after / 100} 元）应高于原金额（${before / 100} 元）`);
  if (decision === '减发' && (after >= before || after <= 0)) throw refuseAt('VALIDATION', 'newAmountFen', `减发后的金额（${after / 100} 元）应低于原金额且大于 0；减到 0 请选停保`);
}

/** 渐退 households whose period ended before the month of asOf move to 停保, each with its own change record and notice. */
export function endDuePhaseOuts(ctx: HandlerContext, asOf: string) {
  const month = asOf.slice(0, 7);
  const due = ctx.sqlite.prepare(`SELECT c.household_id AS householdId, c.phase_out_end_month AS endMonth FROM benefit_changes c
    JOIN households h ON h.id = c.household_id
    WHERE h.status = '渐退' AND c.id = (SELECT MAX(id) FROM benefit_changes WHERE household_id = c.household_id AND decision = '渐退')
      AND c.phase_out_end_month < ? ORDER BY c.household_id`).all(month) as { householdId: number; endMonth: string }[];
  return due.map((d) => ({ householdId: d.householdId, ...recordChangeDecision(ctx, {
    householdId: d.householdId, decision: '停保', date: asOf, effectiveMonth: nextMonth(`${d.endMonth}-01`),
    reason: `渐退期满（发放至 ${d.endMonth}）`, source: '渐退到期' }) }));
}

export function changeRows(sqlite: Database.Database, householdId: number) {
  return sqlite.prepare(`SELECT id, decision, source, source_ref AS sourceRef, date, effective_month AS effectiveMonth, reason,
      before_status AS beforeStatus, after_status AS afterStatus, before_amount_fen AS beforeAmountFen, after_amount_fen AS afterAmountFen,
      before_top_up_fen AS beforeTopUpFen, after_top_up_fen AS afterTopUpFen, phase_out_end_month AS phaseOutEndMonth,
      work_income_confirmed AS workIncomeConfirmed, work_income_note AS workIncomeNote,
      display_name AS decidedBy, role FROM benefit_changes WHERE household_id = ? ORDER BY id DESC`).all(householdId) as {
      id: number; decision: string; source: string; sourceRef: string; date: string; effectiveMonth: string; reason: string;
      beforeStatus: string; afterStatus: string; beforeAmountFen: number; afterAmountFen: number; beforeTopUpFen: number;
      afterTopUpFen: number; phaseOutEndMonth: string | null; workIncomeConfirmed: number | null; workIncomeNote: string | null;
      decidedBy: string; role: string }[];
}
