import type Database from 'better-sqlite3';
import type { FlagFacts, FlagIncome, FlagMember } from '../../domain/recheckFlags';
import type { ScheduleMember } from '../../domain/recheckSchedule';

/** Reads of the households feature's tables that rechecks needs, in bulk (one query per table, not per household). */

export interface HouseholdRow {
  id: number; category: string; status: string; village_id: number; village: string; group_name: string | null;
  head_name: string | null; start_month: string | null; created_at: string; monthly_amount_fen: number; top_up_fen: number;
  vehicles: string; housing: string; property_notes: string; member_count: number; exited_at: string | null;
}

export const HOUSEHOLD_SELECT = `SELECT h.id, h.category, h.status, h.village_id, v.name AS village, g.name AS group_name,
  hm.name AS head_name, h.start_month, h.created_at, h.monthly_amount_fen, h.top_up_fen, h.vehicles, h.housing, h.property_notes, h.exited_at,
  (SELECT COUNT(*) FROM members m WHERE m.household_id = h.id AND m.state = '在户') AS member_count
  FROM households h JOIN regions v ON v.id = h.village_id LEFT JOIN regions g ON g.id = h.group_id
  LEFT JOIN members hm ON hm.id = h.head_member_id`;

export interface MemberFacts extends ScheduleMember, FlagMember { householdId: number }

export function membersByHousehold(sqlite: Database.Database, householdIds: number[]): Map<number, MemberFacts[]> {
  const out = new Map<number, MemberFacts[]>();
  const rows = inChunks(householdIds, (ids) => sqlite.prepare(`SELECT household_id AS householdId, name, birth_date AS birthDate,
    labour_capacity AS labourCapacity, state, death_date AS deathDate, hukou, employment, school, covered
    FROM members WHERE household_id IN (${ids.map(() => '?').join(',')}) ORDER BY id`).all(...ids) as (Omit<MemberFacts, 'covered'> & { covered: number })[]);
  for (const r of rows) {
    const list = out.get(r.householdId) ?? [];
    list.push({ ...r, covered: !!r.covered });
    out.set(r.householdId, list);
  }
  return out;
}

export function incomesByHousehold(sqlite: Database.Database, householdIds: number[]): Map<number, FlagIncome[]> {
  const out = new Map<number, FlagIncome[]>();
  const rows = inChunks(householdIds, (ids) => sqlite.prepare(`SELECT m.household_id AS householdId, m.name AS memberName, i.type, i.note,
    i.monthly_fen AS monthlyFen, i.excluded, i.deducted FROM income_items i JOIN members m ON m.id = i.member_id
    WHERE i.active = 1 AND m.household_id IN (${ids.map(() => '?').join(',')})`).all(...ids) as (Omit<FlagIncome, 'excluded' | 'deducted'> & { householdId: number; excluded: number; deducted: number })[]);
  for (const r of rows) {
    const list = out.get(r.householdId) ?? [];
    list.push({ memberName: r.memberName, type: r.type, note: r.note, monthlyFen: r.monthlyFen, excluded: !!r.excluded, deducted: !!r.deducted });
    out.set(r.householdId, list);
  }
  return out;
}

/** Counted monthly income of a household in fen (deductions subtracted, excluded items left out). */
export const countedIncomeFen = (incomes: FlagIncome[]) =>
  incomes.filter((i) => !i.excluded).reduce((s, i) => s + (i.deducted ? -i.monthlyFen : i.monthlyFen), 0);

export function flagFacts(h: HouseholdRow, members: MemberFacts[], incomes: FlagIncome[], standardFen: number | null): FlagFacts {
  return { vehicles: h.vehicles, housing: h.housing, propertyNotes: h.property_notes, members, incomes, standardFen };
}

/** SQLite limits bound parameters; large townships are read 500 households at a time. */
function inChunks<T>(ids: number[], read: (chunk: number[]) => T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...read(ids.slice(i, i + 500)));
  return out;
}
