import type Database from 'better-sqlite3';
import { PAID_STATUSES } from '../../domain/glossary';
import { classify, nextDue, deathRecheckDue, type DueResult, type RecheckClass } from '../../domain/recheckSchedule';
import { HOUSEHOLD_SELECT, countedIncomeFen, incomesByHousehold, membersByHousehold, type HouseholdRow } from './facts';
import { getSchedule } from './settings';

export interface DueRow extends DueResult {
  householdId: number; headName: string; village: string; villageId: number; group: string | null;
  category: string; status: string; cls: RecheckClass; lastDate: string; lastRechecked: boolean;
}

const paidIn = PAID_STATUSES.map((s) => `'${s}'`).join(',');

/** Every paid household with its class, last recheck and next due date. */
export function computeDue(sqlite: Database.Database, today: string, villageId?: number): DueRow[] {
  const setting = getSchedule(sqlite);
  const hh = sqlite.prepare(`${HOUSEHOLD_SELECT} WHERE h.status IN (${paidIn}) ${villageId ? 'AND h.village_id = ?' : ''}`)
    .all(...(villageId ? [villageId] : [])) as HouseholdRow[];
  const ids = hh.map((h) => h.id);
  const members = membersByHousehold(sqlite, ids);
  const incomes = incomesByHousehold(sqlite, ids);
  const last = new Map((sqlite.prepare('SELECT household_id AS id, MAX(date) AS d FROM recheck_records GROUP BY household_id').all() as { id: number; d: string }[]).map((r) => [r.id, r.d]));
  const triggers = openTriggers(sqlite);
  return hh.map((h) => {
    const cls = classify({ category: h.category, members: members.get(h.id) ?? [], incomeFen: countedIncomeFen(incomes.get(h.id) ?? []) }, setting.rule, today);
    const lastDate = last.get(h.id) ?? (h.start_month ? `${h.start_month}-01` : h.created_at.slice(0, 10));
    const due = nextDue(setting, { cls, lastDate, triggers: triggers.get(h.id) ?? [] }, today);
    return { householdId: h.id, headName: h.head_name ?? '', village: h.village, villageId: h.village_id, group: h.group_name,
      category: h.category, status: h.status, cls, lastDate, lastRechecked: last.has(h.id), ...due };
  });
}

function openTriggers(sqlite: Database.Database) {
  const out = new Map<number, { reason: string; dueDate: string }[]>();
  const rows = sqlite.prepare('SELECT household_id AS id, reason, due_date AS dueDate FROM recheck_triggers WHERE resolved_at IS NULL').all() as { id: number; reason: string; dueDate: string }[];
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), { reason: r.reason, dueDate: r.dueDate }]);
  return out;
}

/** Per-village counts for the worklist's overview. */
export function dueSummary(rows: DueRow[]) {
  const by = new Map<number, { villageId: number; village: string; total: number; overdue: number; dueSoon: number }>();
  for (const r of rows) {
    const v = by.get(r.villageId) ?? { villageId: r.villageId, village: r.village, total: 0, overdue: 0, dueSoon: 0 };
    v.total++;
    if (r.state === '已逾期') v.overdue++;
    if (r.state === '即将到期') v.dueSoon++;
    by.set(r.villageId, v);
  }
  return [...by.values()].sort((a, b) => b.overdue - a.overdue || a.villageId - b.villageId);
}

/** A death in a paid household: the family owes a recheck within 3 months (listener of memberDied). */
export function addDeathTrigger(sqlite: Database.Database, e: { householdId: number; memberId: number; deathDate: string }) {
  const name = (sqlite.prepare('SELECT name FROM members WHERE id = ?').get(e.memberId) as { name: string } | undefined)?.name ?? '';
  const dueDate = deathRecheckDue(e.deathDate);
  const id = Number(sqlite.prepare(`INSERT INTO recheck_triggers (household_id, member_id, reason, event_date, due_date, created_at)
    VALUES (?, ?, ?, ?, ?, ?)`).run(e.householdId, e.memberId, `家庭成员${name}死亡，3 个月内复核`, e.deathDate, dueDate, new Date().toISOString()).lastInsertRowid);
  return { id, dueDate };
}

/** Records a recheck; it closes the triggers it answers (those raised on or before its date). */
export function insertRecheck(sqlite: Database.Database, r: { householdId: number; kind: string; date: string; campaignId?: number | null;
  outcome: string; findings: string; checkedBy: string }) {
  const now = new Date().toISOString();
  const id = Number(sqlite.prepare(`INSERT INTO recheck_records (household_id, kind, date, campaign_id, outcome, findings, checked_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(r.householdId, r.kind, r.date, r.campaignId ?? null, r.outcome, r.findings, r.checkedBy, now).lastInsertRowid);
  const closed = sqlite.prepare('UPDATE recheck_triggers SET resolved_at = ? WHERE household_id = ? AND resolved_at IS NULL AND event_date <= ?')
    .run(now, r.householdId, r.date).changes;
  return { id, closedTriggers: closed };
}
