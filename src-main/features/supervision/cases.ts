// Queries over near-relative cases (relative_matches joined to staff, relative, member, household).
import type Database from 'better-sqlite3';
import { ACTIVE_MATCH } from './matching';
import { count, offset } from './common';
import { LIKE_ESCAPE, likeContains } from '../../db/like';

export const CASE_FILTERS = ['current', 'onBenefit', 'unfiled', 'all'] as const;
export const CASE_SORTS = ['village', 'staff', 'matchedAt', 'filedDate'] as const;

const SORT_SQL: Record<(typeof CASE_SORTS)[number], string> = {
  village: 'v.sort, v.name, h.id, x.id', staff: 's.name, x.id', matchedAt: 'x.matched_at DESC, x.id DESC', filedDate: 'x.filed_date IS NULL DESC, x.filed_date, x.id',
};

const FILTER_SQL: Record<(typeof CASE_FILTERS)[number], string> = {
  all: '1',
  current: `${ACTIVE_MATCH} AND m.state = '在户'`,
  onBenefit: `${ACTIVE_MATCH} AND m.state = '在户' AND h.status IN ('在保', '渐退')`,
  unfiled: `${ACTIVE_MATCH} AND m.state = '在户' AND x.filed_date IS NULL`,
};

export const CASE_SELECT = `SELECT x.id, x.trigger, x.matched_at AS matchedAt, x.filing_no AS filingNo, x.filed_date AS filedDate,
    x.county_visit_date AS countyVisitDate, x.county_visit_by AS countyVisitBy, x.note,
    r.name AS relativeName, r.relation, r.declared_date AS declaredDate, s.id AS staffId, s.name AS staffName, s.kind AS staffKind, s.post AS staffPost, s.unit AS staffUnit,
    m.id AS memberId, m.name AS memberName, m.state AS memberState, m.relation AS memberRelation,
    h.id AS householdId, h.status AS householdStatus, h.category, h.monthly_amount_fen AS monthlyAmountFen, h.start_month AS startMonth,
    v.name AS villageName, head.name AS headName, (${ACTIVE_MATCH} AND m.state = '在户') AS active
  FROM relative_matches x JOIN staff_relatives r ON r.id = x.relative_id JOIN supervised_staff s ON s.id = r.staff_id
  JOIN members m ON m.id = x.member_id JOIN households h ON h.id = m.household_id
  LEFT JOIN regions v ON v.id = h.village_id LEFT JOIN members head ON head.id = h.head_member_id`;

export interface CaseRow {
  id: number; trigger: string; matchedAt: string; filingNo: string; filedDate: string | null; countyVisitDate: string | null; countyVisitBy: string;
  note: string; relativeName: string; relation: string; declaredDate: string; staffId: number; staffName: string; staffKind: string; staffPost: string;
  staffUnit: string; memberId: number; memberName: string; memberState: string; memberRelation: string; householdId: number; householdStatus: string;
  category: string; monthlyAmountFen: number; startMonth: string | null; villageName: string | null; headName: string | null; active: boolean;
}

const fix = (r: CaseRow): CaseRow => ({ ...r, active: !!r.active });

export function caseRows(sqlite: Database.Database, i: { page: number; pageSize: number; search: string; filter: (typeof CASE_FILTERS)[number];
  sort: (typeof CASE_SORTS)[number] }) {
  const like = likeContains(i.search);
  const sql = `${CASE_SELECT} WHERE ${FILTER_SQL[i.filter]} AND (? = '' OR m.name LIKE ? ${LIKE_ESCAPE} OR s.name LIKE ? ${LIKE_ESCAPE} OR head.name LIKE ? ${LIKE_ESCAPE} OR v.name LIKE ? ${LIKE_ESCAPE})`;
  const params = [i.search, like, like, like, like];
  const rows = sqlite.prepare(`${sql} ORDER BY ${SORT_SQL[i.sort]} LIMIT ? OFFSET ?`).all(...params, i.pageSize, offset(i)) as CaseRow[];
  return { total: count(sqlite, sql, params), rows: rows.map(fix) };
}

export function householdCases(sqlite: Database.Database, householdId: number): CaseRow[] {
  return (sqlite.prepare(`${CASE_SELECT} WHERE m.household_id = ? ORDER BY x.id`).all(householdId) as CaseRow[]).map(fix);
}

export function getCase(sqlite: Database.Database, matchId: number): CaseRow | undefined {
  const r = sqlite.prepare(`${CASE_SELECT} WHERE x.id = ?`).get(matchId) as CaseRow | undefined;
  return r && fix(r);
}

/** Case ids in the spot-check population: current cases whose household is on benefit. */
export function spotCheckPopulation(sqlite: Database.Database): number[] {
  return (sqlite.prepare(`SELECT x.id FROM relative_matches x JOIN staff_relatives r ON r.id = x.relative_id JOIN supervised_staff s ON s.id = r.staff_id
    JOIN members m ON m.id = x.member_id JOIN households h ON h.id = m.household_id WHERE ${FILTER_SQL.onBenefit} ORDER BY x.id`).all() as { id: number }[]).map((r) => r.id);
}
