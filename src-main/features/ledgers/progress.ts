import type Database from 'better-sqlite3';
import { tableExists } from './registry';
import { monthEnd, monthStart } from './period';

/**
 * Seed 002's 进展情况统计表: the figures the app can count for one month (never cumulative). Each item names
 * the tables it reads; a feature adds an item with one entry here. An item whose tables are missing shows 无数据.
 */
export interface ProgressItem {
  key: string;
  label: string;
  unit: '人' | '户' | '件' | '人次';
  tables: string[];
  count(sqlite: Database.Database, from: string, to: string, period: string): number;
}

const n = (sqlite: Database.Database, sql: string, ...p: unknown[]) => (sqlite.prepare(sql).pluck().get(...p) as number | null) ?? 0;

/** Covered persons in households of a category group that started being paid this month. */
const newPersons = (categories: string[]) => (sqlite: Database.Database, _f: string, _t: string, period: string) =>
  n(sqlite, `SELECT COUNT(*) FROM members m JOIN households h ON h.id = m.household_id
    WHERE h.start_month = ? AND h.status IN ('在保', '渐退') AND m.state = '在户' AND m.covered = 1
    AND h.category IN (${categories.map(() => '?').join(',')})`, period, ...categories);

export const progressItems: ProgressItem[] = [
  { key: 'newUrban', label: '当月新纳入城镇低保对象', unit: '人', tables: ['households'], count: newPersons(['城市低保']) },
  { key: 'newRural', label: '当月新纳入农村低保对象', unit: '人', tables: ['households'], count: newPersons(['农村低保']) },
  { key: 'newTekun', label: '当月新纳入特困供养', unit: '人', tables: ['households'], count: newPersons(['特困供养-集中', '特困供养-分散']) },
  { key: 'rechecks', label: '当月对在享对象开展复核（经济状况核对、入户核查）', unit: '户', tables: ['recheck_records'],
    count: (s, f, t) => n(s, 'SELECT COUNT(DISTINCT household_id) FROM recheck_records WHERE date BETWEEN ? AND ?', f, t) },
  { key: 'suspectsChecked', label: '当月核查反馈数据比对疑点', unit: '人次', tables: ['suspect_tasks'],
    count: (s, f, t) => n(s, 'SELECT COUNT(*) FROM suspect_tasks WHERE check_date BETWEEN ? AND ?', f, t) },
  { key: 'relativesFiled', label: '当月进行近亲属备案对象', unit: '人', tables: ['relative_matches'],
    count: (s, f, t) => n(s, 'SELECT COUNT(DISTINCT member_id) FROM relative_matches WHERE filed_date BETWEEN ? AND ?', f, t) },
  { key: 'complaintsReceived', label: '当月受理信访举报', unit: '件', tables: ['complaints'],
    count: (s, f, t) => n(s, 'SELECT COUNT(*) FROM complaints WHERE received_date BETWEEN ? AND ?', f, t) },
  { key: 'cluesTransferred', label: '当月配合纪检部门移交问题线索', unit: '件', tables: ['complaints'],
    count: (s, f, t) => n(s, 'SELECT COUNT(*) FROM complaints WHERE transferred_date BETWEEN ? AND ?', f, t) },
];

export interface ProgressValue { key: string; label: string; unit: string; value: number | null }

export function progressFor(sqlite: Database.Database, period: string): ProgressValue[] {
  const from = monthStart(period), to = monthEnd(period);
  return progressItems.map((i) => ({ key: i.key, label: i.label, unit: i.unit,
    value: i.tables.every((t) => tableExists(sqlite, t)) ? i.count(sqlite, from, to, period) : null }));
}
