import type Database from 'better-sqlite3';
import { OFFICIAL_CALENDARS, type HolidayCalendar } from '../../domain/workdays';
import { effectiveCalendar } from '../../domain/calendarInput';
import { getSetting } from '../settings/store';
import { localToday } from '../../domain/dates';

type Sqlite = Database.Database;
export type YearSource = '内置' | '已录入' | '未录入';

/** The State Council publishes next year's calendar around October–November; from October on it is expected. */
const NOTICE_EXPECTED_FROM_MONTH = 10;

/**
 * Every year the office deals with: the shipped ones, the saved ones, this year and next, and the years open cases
 * were accepted in. For each: where its dates come from and the dates deadlines are counted on (a shipped year
 * opens with its dates, so saving one line never empties the rest). `missing` lists the years 首页 warns about.
 */
export function calendarYears(sqlite: Sqlite, today = localToday()) {
  const savedCal = getSetting<HolidayCalendar | null>(sqlite, 'workdays.calendars', null) ?? {};
  const { calendar, invalid } = effectiveCalendar(savedCal);
  const thisYear = Number(today.slice(0, 4));
  const caseYears = (sqlite.prepare(`SELECT DISTINCT CAST(substr(s.date, 1, 4) AS INTEGER) AS y FROM application_steps s
    WHERE s.kind = 'accept'`).all() as { y: number }[]).map((r) => r.y);
  const years = new Set<number>([...Object.keys(OFFICIAL_CALENDARS), ...Object.keys(savedCal)].map(Number).filter(Number.isFinite));
  years.add(thisYear).add(thisYear + 1);
  for (const y of caseYears) years.add(y);
  const needed = new Set<number>([thisYear, ...caseYears]);
  if (Number(today.slice(5, 7)) >= NOTICE_EXPECTED_FROM_MONTH) needed.add(thisYear + 1);
  const rows = [...years].sort((a, b) => a - b).map((year) => {
    const y = String(year);
    const source: YearSource = y in savedCal && !invalid.some((i) => i.year === year) ? '已录入' : y in OFFICIAL_CALENDARS ? '内置' : '未录入';
    return {
      year, source, shipped: y in OFFICIAL_CALENDARS, saved: y in savedCal,
      holidays: calendar[y]?.holidays ?? [], workdays: calendar[y]?.workdays ?? [],
      problems: invalid.find((i) => i.year === year)?.problems ?? [],
    };
  });
  const missing = rows.filter((r) => r.source === '未录入' && needed.has(r.year)).map((r) => r.year);
  return { years: rows, missing, invalid };
}
