import type Database from 'better-sqlite3';
import { getSetting, type Township } from '../settings/store';
import { ageOn, monthEnd, monthStart } from './period';
import { groupBy } from './group';
import { CATEGORY_ROWS, crossChecks, emptyRow, perCapitaYuan, type StatsCheck, type StatsRow, type Unrecorded } from './statsRules';
import { progressFor, withEntries, type ProgressValue } from './progress';
import { payrollFor, closedMonthsOfYear, monthRow } from '../payroll/snapshot';
import type { PayPerson, Payroll } from '../payroll/compute';

/** Whether the month's payroll is closed (锁定), by whom and when: statistics of an open month are a draft. */
export interface PayrollState { closed: boolean; closedOn: string | null; closedByName: string | null; source: string }

export interface MonthlyStats {
  period: string; township: Township; rows: StatsRow[]; total: StatsRow; progress: ProgressValue[]; checks: StatsCheck[];
  checksOk: boolean; note: string; payroll: PayrollState;
}

/** How 当月新增/退出 are counted: by the date of the decision (default, seed 002 asks for 当月 decisions) or by payment month. */
export type NewExitBy = 'decision' | 'payment';
export const newExitBy = (sqlite: Database.Database): NewExitBy => getSetting<NewExitBy>(sqlite, 'stats.newExitBy', 'decision') === 'payment' ? 'payment' : 'decision';

const NOTE = {
  decision: '当月发放资金、本年累计发放资金为已锁定月度发放名册之和（含补发、扣回）；当月新增、退出按审核确认、停保决定的日期计；人数为保障人口。',
  payment: '当月发放资金、本年累计发放资金为已锁定月度发放名册之和（含补发、扣回）；当月新增、退出按发放月份计；人数为保障人口。',
};

/**
 * The monthly table for one period. A closed month returns what was frozen at 锁定 (a later decision never moves
 * it); an open month is computed from its draft payroll and says so.
 */
export function monthlyStats(sqlite: Database.Database, period: string, township: Township): MonthlyStats {
  const m = monthRow(sqlite, period);
  if (m && m.statsJson !== '{}') {
    const frozen = JSON.parse(m.statsJson) as MonthlyStats;
    return { ...frozen, progress: withEntries(sqlite, period, frozen.progress) };
  }
  return statsOfPayroll(sqlite, payrollFor(sqlite, period), township);
}

interface Counted { householdId: number; category: string; persons: number }

/** The statistics of a payroll (closing freezes exactly this). */
export function statsOfPayroll(sqlite: Database.Database, p: Payroll, township: Township): MonthlyStats {
  const { period } = p;
  const end = monthEnd(period);
  const personsOf = groupBy(p.persons.filter((x) => x.covered), (x) => x.lineSeq);
  const categoryOf = householdCategories(sqlite);
  const byCategory = new Map(CATEGORY_ROWS.map((c) => [c, emptyRow(c)]));
  const unrecorded: Unrecorded = { labour: 0, causes: 0, emptyHouseholds: [] };
  const total = emptyRow('合计');
  for (const l of p.lines) {
    const people = personsOf.get(l.seq) ?? [];
    const fen = l.baseFen + l.topUpFen;
    total.households++; total.persons += people.length; total.fundsFen += fen;
    for (const x of people) { if (x.sex === '男') total.men++; else if (x.sex === '女') total.women++; }
    if (people.length === 0) unrecorded.emptyHouseholds.push(`${l.village} ${l.headName}`);
    const row = byCategory.get(l.category);
    if (row) addLine(row, l.cause, fen, people, end, unrecorded);
  }
  for (const c of p.changes) {
    if (!c.amountFen) continue;
    total.fundsFen += c.amountFen;
    const row = byCategory.get(categoryOf.get(c.householdId) ?? '');
    if (row) row.fundsFen += c.amountFen;
  }
  const { news, exits } = newAndExits(sqlite, p, categoryOf);
  for (const [list, h, n] of [[news, 'newHouseholds', 'newPersons'], [exits, 'exitHouseholds', 'exitPersons']] as const) {
    total[h] = list.length; total[n] = list.reduce((a, x) => a + x.persons, 0);
    for (const x of list) { const row = byCategory.get(x.category); if (row) { row[h]++; row[n] += x.persons; } }
  }
  const rows = [...byCategory.values()];
  addYearToDate(sqlite, period, rows, total);
  for (const r of rows) r.perCapitaYuan = perCapitaYuan(r.fundsFen, r.persons);
  // Age, disability, labour and cause breakdowns have no independent source: summed from the rows, checked against persons/households.
  for (const f of ['elderly', 'minors', 'disabled'] as const) total[f] = rows.reduce((a, r) => a + r[f], 0);
  for (const k of Object.keys(total.labour)) total.labour[k] = rows.reduce((a, r) => a + r.labour[k], 0);
  for (const k of Object.keys(total.causes)) total.causes[k] = rows.reduce((a, r) => a + r.causes[k], 0);
  total.perCapitaYuan = perCapitaYuan(total.fundsFen, total.persons);
  const checks = crossChecks(rows, total, unrecorded);
  const mode = newExitBy(sqlite);
  return { period, township, rows, total, progress: progressFor(sqlite, period), checks, checksOk: checks.every((c) => c.ok), note: NOTE[mode],
    payroll: { closed: p.closed, closedOn: p.closedOn, closedByName: p.closedByName, source: p.source } };
}

function addLine(row: StatsRow, cause: string, fen: number, people: PayPerson[], end: string, unrecorded: Unrecorded) {
  row.households++;
  row.persons += people.length;
  if (cause in row.causes) row.causes[cause]++; else unrecorded.causes++;
  for (const m of people) {
    if (m.sex === '男') row.men++; else if (m.sex === '女') row.women++;
    const age = m.birthDate ? ageOn(m.birthDate, end) : 30;
    if (age >= 60) row.elderly++; else if (age < 18) row.minors++;
    if (m.disabilityGrade != null || m.health.includes('残疾')) row.disabled++;
    if (m.labour in row.labour) row.labour[m.labour]++; else unrecorded.labour++;
  }
  row.fundsFen += fen;
}

/** 本年累计 = this month plus every closed month of the year before it (each as frozen at its 锁定). */
function addYearToDate(sqlite: Database.Database, period: string, rows: StatsRow[], total: StatsRow) {
  for (const r of rows) r.ytdFen = r.fundsFen;
  total.ytdFen = total.fundsFen;
  for (const m of closedMonthsOfYear(sqlite, period)) {
    if (m.period >= period) continue;
    const s = JSON.parse(m.statsJson) as Partial<MonthlyStats>;
    total.ytdFen += s.total?.fundsFen ?? m.totalFen;
    for (const r of rows) r.ytdFen += s.rows?.find((x) => x.category === r.category)?.fundsFen ?? 0;
  }
}

const householdCategories = (sqlite: Database.Database) =>
  new Map((sqlite.prepare('SELECT id, category FROM households').all() as { id: number; category: string }[]).map((h) => [h.id, h.category]));

/**
 * 当月新增/退出. By decision date: 审核确认 dated in the month are new, 停保 decisions dated in the month on a household
 * that was being paid are exits (a refused applicant was never paid, so never an exit). By payment month: the
 * payroll's 新增 and 停发 lines.
 */
function newAndExits(sqlite: Database.Database, p: Payroll, categoryOf: Map<number, string>): { news: Counted[]; exits: Counted[] } {
  const coveredOf = (ids: number[]) => new Map((sqlite.prepare(`SELECT household_id AS id, COUNT(*) AS n FROM members WHERE state = '在户' AND covered = 1
    AND household_id IN (SELECT value FROM json_each(?)) GROUP BY household_id`).all(JSON.stringify(ids)) as { id: number; n: number }[]).map((r) => [r.id, r.n]));
  const counted = (ids: number[], persons: Map<number, number>) => ids.map((id) => ({ householdId: id, category: categoryOf.get(id) ?? '', persons: persons.get(id) ?? 0 }));
  if (newExitBy(sqlite) === 'payment') {
    const linePersons = new Map(p.lines.map((l) => [l.householdId!, l.covered]));
    const news = p.changes.filter((c) => c.kind === '新增').map((c) => c.householdId);
    const exits = p.changes.filter((c) => c.kind === '停发').map((c) => c.householdId);
    return { news: counted(news, linePersons), exits: counted(exits, coveredOf(exits)) };
  }
  const from = monthStart(p.period), to = monthEnd(p.period);
  const news = sqlite.prepare(`SELECT DISTINCT a.household_id FROM applications a JOIN application_steps s ON s.application_id = a.id AND s.kind = 'confirm'
    WHERE a.stage = '已确认' AND s.date BETWEEN ? AND ? ORDER BY a.household_id`).pluck().all(from, to) as number[];
  const exits = sqlite.prepare(`SELECT DISTINCT household_id FROM benefit_changes WHERE after_status = '停保' AND before_status IN ('在保', '渐退')
    AND date BETWEEN ? AND ? ORDER BY household_id`).pluck().all(from, to) as number[];
  return { news: counted(news, coveredOf(news)), exits: counted(exits, coveredOf(exits)) };
}
