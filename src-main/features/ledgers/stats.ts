import type Database from 'better-sqlite3';
import { LABOUR_CAPACITY, POVERTY_CAUSES } from '../../domain/glossary';
import { rosterHouseholdIds, primaryCause } from './roster';
import { ageOn, monthEnd } from './period';
import { groupBy } from './group';
import { CATEGORY_ROWS, crossChecks, emptyRow, perCapitaYuan, type StatsCheck, type StatsRow, type Unrecorded } from './statsRules';
import { progressFor, type ProgressValue } from './progress';
import type { Township } from '../settings/store';

export interface MonthlyStats {
  period: string; township: Township; rows: StatsRow[]; total: StatsRow; progress: ProgressValue[]; checks: StatsCheck[];
  checksOk: boolean; note: string;
}

interface HH { id: number; label: string; category: string; causes: string; start_month: string | null; exited_at: string | null; fen: number }
interface MM { household_id: number; sex: string; birth_date: string; labour_capacity: string; health: string; disability_grade: number | null }

const YTD_NOTE = '本年累计发放资金按各户现行月保障金（含分类施保金）和起止保障年月推算；人数为保障人口（在户且纳入保障的成员）。';

/** The monthly table for one period: category rows, an independently counted total, 进展情况 items and checks. */
export function monthlyStats(sqlite: Database.Database, period: string, township: Township): MonthlyStats {
  const end = monthEnd(period);
  const ids = rosterHouseholdIds(sqlite, period);
  const households = sqlite.prepare(`SELECT h.id, v.name || ' ' || COALESCE(hm.name, '') AS label, h.category, h.causes, h.start_month,
    h.exited_at, h.monthly_amount_fen + h.top_up_fen AS fen FROM households h JOIN regions v ON v.id = h.village_id
    LEFT JOIN members hm ON hm.id = h.head_member_id`).all() as HH[];
  const onRoster = new Set(ids);
  const exited = households.filter((h) => !onRoster.has(h.id) && h.exited_at && h.exited_at.slice(0, 7) === period);
  const members = sqlite.prepare(`SELECT household_id, sex, birth_date, labour_capacity, health, disability_grade FROM members
    WHERE state = '在户' AND covered = 1`).all() as MM[];
  const membersOf = groupBy(members, (m) => m.household_id);
  const byCategory = new Map(CATEGORY_ROWS.map((c) => [c, emptyRow(c)]));
  const unrecorded: Unrecorded = { labour: 0, causes: 0, emptyHouseholds: [] };
  for (const h of households) {
    if (!onRoster.has(h.id)) continue;
    const row = byCategory.get(h.category);
    const people = membersOf.get(h.id) ?? [];
    if (!row) continue;
    addHousehold(row, h, people, period, end, unrecorded);
    if (people.length === 0) unrecorded.emptyHouseholds.push(h.label);
  }
  for (const h of exited) {
    const row = byCategory.get(h.category);
    if (row) { row.exitHouseholds++; row.exitPersons += membersOf.get(h.id)?.length ?? 0; row.ytdFen += ytdMonths(h, period) * h.fen; }
  }
  const rows = [...byCategory.values()];
  for (const r of rows) r.perCapitaYuan = perCapitaYuan(r.fundsFen, r.persons);
  const total = countTotal(sqlite, period, rows, ids.length, exited, membersOf);
  const checks = crossChecks(rows, total, unrecorded);
  return { period, township, rows, total, progress: progressFor(sqlite, period), checks, checksOk: checks.every((c) => c.ok), note: YTD_NOTE };
}

function addHousehold(row: StatsRow, h: HH, people: MM[], period: string, end: string, unrecorded: Unrecorded) {
  row.households++;
  row.persons += people.length;
  const cause = primaryCause(h.causes);
  if (cause in row.causes) row.causes[cause]++; else unrecorded.causes++;
  for (const m of people) {
    if (m.sex === '男') row.men++; else if (m.sex === '女') row.women++;
    const age = ageOn(m.birth_date, end);
    if (age >= 60) row.elderly++; else if (age < 18) row.minors++;
    if (m.disability_grade != null || m.health.includes('残疾')) row.disabled++;
    if (m.labour_capacity in row.labour) row.labour[m.labour_capacity]++; else unrecorded.labour++;
  }
  if (h.start_month === period) { row.newHouseholds++; row.newPersons += people.length; }
  row.fundsFen += h.fen;
  row.ytdFen += ytdMonths(h, period) * h.fen;
}

/** Months paid from January (or the start month) through the period, or through the month before exit. */
export function ytdMonths(h: { start_month: string | null; exited_at: string | null }, period: string): number {
  const jan = `${period.slice(0, 4)}-01`;
  const from = h.start_month && h.start_month > jan ? h.start_month : jan;
  const exitMonth = h.exited_at?.slice(0, 7);
  const last = exitMonth && exitMonth <= period ? prevMonth(exitMonth) : period;
  if (last < from) return 0;
  return (Number(last.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

function prevMonth(p: string): string {
  const [y, m] = p.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The total row, counted straight from the tables (not by adding the category rows), so the checks can disagree. */
function countTotal(sqlite: Database.Database, period: string, rows: StatsRow[], households: number, exited: HH[],
  membersOf: Map<number, MM[]>): StatsRow {
  const t = emptyRow('合计');
  const paid = `h.status IN ('在保', '渐退') AND (h.start_month IS NULL OR h.start_month <= ?)`;
  const q = (sql: string) => (sqlite.prepare(sql).pluck().get(period) as number | null) ?? 0;
  const memberCount = (extra: string) => q(`SELECT COUNT(*) FROM members m JOIN households h ON h.id = m.household_id
    WHERE ${paid} AND m.state = '在户' AND m.covered = 1 ${extra}`);
  t.households = households;
  t.persons = memberCount('');
  t.men = memberCount("AND m.sex = '男'");
  t.women = memberCount("AND m.sex = '女'");
  t.fundsFen = q(`SELECT SUM(h.monthly_amount_fen + h.top_up_fen) FROM households h WHERE ${paid}`);
  t.newHouseholds = sqlite.prepare(`SELECT COUNT(*) FROM households h WHERE ${paid} AND h.start_month = ?`).pluck().get(period, period) as number;
  t.exitHouseholds = exited.length;
  t.exitPersons = exited.reduce((a, h) => a + (membersOf.get(h.id)?.length ?? 0), 0);
  // Age, disability, labour and cause breakdowns have no independent source: they are summed from the rows and
  // checked against the independent persons/households counts above.
  for (const f of ['elderly', 'minors', 'disabled', 'newPersons', 'ytdFen'] as const) t[f] = rows.reduce((a, r) => a + r[f], 0);
  for (const k of LABOUR_CAPACITY) t.labour[k] = rows.reduce((a, r) => a + r.labour[k], 0);
  for (const k of POVERTY_CAUSES) t.causes[k] = rows.reduce((a, r) => a + r.causes[k], 0);
  t.perCapitaYuan = perCapitaYuan(t.fundsFen, t.persons);
  return t;
}
