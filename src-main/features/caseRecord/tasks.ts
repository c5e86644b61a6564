import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import type { HandlerContext } from '../../ipc/contract';
import { taskDue, taskNeeded, type TaskKind } from '../../domain/caseRecord';
import type { DomainEvents } from '../events';
import { calculateForHousehold, householdState, type HouseholdCalculation } from '../applications/household';
import { addEvent, describeHousehold } from '../households/store';
import { AppError } from '../../ipc/errors';

type Sqlite = Database.Database;

export const livingCovered = (sqlite: Sqlite, householdId: number): number =>
  prepared(sqlite, "SELECT COUNT(*) FROM members WHERE household_id = ? AND state = '在户' AND covered = 1").pluck().get(householdId) as number;

/** The calculation over today's facts, or null when no standard is set for the year (the task then waits for it). */
export function calculationOrNull(sqlite: Sqlite, householdId: number, date: string): HouseholdCalculation | null {
  try { return calculateForHousehold(sqlite, householdId, date); } catch (e) {
    if (e instanceof AppError && e.code === 'NO_STANDARD') return null;
    throw e;
  }
}

interface TaskRow { id: number; kind: TaskKind; afterFen: number }
const openTasks = (sqlite: Sqlite, householdId: number) =>
  prepared(sqlite, "SELECT id, kind, after_fen AS afterFen FROM case_tasks WHERE household_id = ? AND state = 'open'").all(householdId) as TaskRow[];

/**
 * After a member or income change on a paid case: recalculate, and open (or update) the 待调整 / 待停保 task the
 * domain asks for; a task whose reason went away (the income came back) is withdrawn. The amount itself never
 * moves here: only a change decision moves it.
 */
export function onHouseholdFactsChanged(ctx: HandlerContext, e: DomainEvents['householdFactsChanged']) {
  const h = householdState(ctx.sqlite, e.householdId);
  const living = livingCovered(ctx.sqlite, h.id);
  const calc = living > 0 ? calculationOrNull(ctx.sqlite, h.id, e.date) : null;
  const amountFen = h.monthlyFen + h.topUpFen;
  const need = taskNeeded({ status: h.status, livingCovered: living, amountFen, calcFen: calc?.amountFen ?? null });
  const now = new Date().toISOString();
  for (const t of openTasks(ctx.sqlite, h.id)) {
    if (t.kind === need) continue;
    closeTask(ctx, t.id, `不再需要：${e.trigger}后核算与发放一致`);
  }
  if (!need) return;
  const existing = openTasks(ctx.sqlite, h.id).find((t) => t.kind === need);
  const afterFen = need === '待停保' ? 0 : calc!.amountFen;
  if (existing) {
    prepared(ctx.sqlite, 'UPDATE case_tasks SET after_fen = ?, calculation = ?, trigger = trigger || ?  WHERE id = ?')
      .run(afterFen, calc ? JSON.stringify(calc) : null, `；${e.trigger}`, existing.id);
    return;
  }
  const id = Number(prepared(ctx.sqlite, `INSERT INTO case_tasks (household_id, kind, trigger, trigger_date, due_date, before_fen, after_fen,
    calculation, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(h.id, need, e.trigger, e.date, taskDue(need, e.date), amountFen,
    afterFen, calc ? JSON.stringify(calc) : null, now).lastInsertRowid);
  addEvent(ctx, { householdId: h.id, type: '待办', date: e.date, reason: `${need}：${e.trigger}`,
    payload: { taskId: id, kind: need, beforeFen: amountFen, afterFen, dueDate: taskDue(need, e.date) } });
  ctx.audit({ entity: 'case_task', entityId: id, after: { householdId: h.id, kind: need, trigger: e.trigger, beforeFen: amountFen, afterFen } });
}

function closeTask(ctx: HandlerContext, id: number, by: string, state: 'done' | 'withdrawn' = 'withdrawn') {
  prepared(ctx.sqlite, "UPDATE case_tasks SET state = ?, closed_by = ?, closed_at = ? WHERE id = ? AND state = 'open'")
    .run(state, by, new Date().toISOString(), id);
  ctx.audit({ entity: 'case_task', entityId: id, after: { state, closedBy: by } });
}

/** A change decision closes the tasks it answers: any decision answers 待调整; only 停保 answers 待停保. */
export function onBenefitDecided(ctx: HandlerContext, e: DomainEvents['benefitDecided']) {
  for (const t of openTasks(ctx.sqlite, e.householdId)) {
    if (t.kind === '待停保' && e.status !== '停保') continue;
    closeTask(ctx, t.id, `${e.decision}（变更决定 ${e.changeId}）`, 'done');
  }
}

export interface TaskItem {
  id: number; householdId: number; household: string; villageId: number; village: string; kind: TaskKind; trigger: string;
  triggerDate: string; dueDate: string; beforeFen: number; afterFen: number; steps: { label: string; formula: string }[];
}

/** Open 待调整 / 待停保 tasks, oldest deadline first (all households, or one). */
export function listOpenTasks(sqlite: Sqlite, householdId?: number): TaskItem[] {
  const rows = prepared(sqlite, `SELECT t.id, t.household_id AS householdId, h.village_id AS villageId, COALESCE(v.name, '') AS village, t.kind,
      t.trigger, t.trigger_date AS triggerDate, t.due_date AS dueDate, t.before_fen AS beforeFen, t.after_fen AS afterFen, t.calculation
    FROM case_tasks t JOIN households h ON h.id = t.household_id LEFT JOIN regions v ON v.id = h.village_id
    WHERE t.state = 'open' ${householdId ? 'AND t.household_id = ?' : ''} ORDER BY t.due_date, t.id`).all(...(householdId ? [householdId] : [])) as
    (Omit<TaskItem, 'household' | 'steps'> & { calculation: string | null })[];
  return rows.map(({ calculation, ...r }) => ({ ...r, household: describeHousehold(sqlite, r.householdId),
    steps: calculation ? (JSON.parse(calculation) as HouseholdCalculation).steps.map((s) => ({ label: s.label, formula: s.formula })) : [] }));
}
