/**
 * Working-day arithmetic over China's holiday calendar with 调休 (make-up working days on weekends).
 * Pure: the calendar is passed in. Dates are ISO 'YYYY-MM-DD', computed in UTC so time zones never shift a day.
 */

/** One year of the calendar. Entries are single dates or inclusive ranges 'YYYY-MM-DD..YYYY-MM-DD'. */
export interface YearCalendar { holidays: string[]; workdays: string[] }
export type HolidayCalendar = Record<string, YearCalendar>;

/**
 * The State Council's published calendars (国务院办公厅关于X年部分节假日安排的通知), checked date by date against
 * the notices' text (re-checked 2026-12-01): 2024 (published 2023-10-25; ../shared/domain.md §11), 2025 (published
 * 2024-11-12, 新华社 text at m.gmw.cn/2024-11/12/content_1303894933.htm) and 2026 (published 2025-11-04, 新华社 text at
 * politics.gmw.cn/2025-11/04/content_38391083.htm). tests/unit/workdays-official.test.ts lists every date of the three
 * notices. Years before 2024 and after 2026 are entered in settings; a deadline that crosses a year in neither place is
 * shown 未核定.
 */
export const OFFICIAL_CALENDARS: HolidayCalendar = {
  2024: {
    holidays: ['2024-01-01', '2024-02-10..2024-02-17', '2024-04-04..2024-04-06', '2024-05-01..2024-05-05', '2024-06-10',
      '2024-09-15..2024-09-17', '2024-10-01..2024-10-07'],
    workdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  2025: {
    holidays: ['2025-01-01', '2025-01-28..2025-02-04', '2025-04-04..2025-04-06', '2025-05-01..2025-05-05',
      '2025-05-31..2025-06-02', '2025-10-01..2025-10-08'],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    holidays: ['2026-01-01..2026-01-03', '2026-02-15..2026-02-23', '2026-04-04..2026-04-06', '2026-05-01..2026-05-05',
      '2026-06-19..2026-06-21', '2026-09-25..2026-09-27', '2026-10-01..2026-10-07'],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseDate(iso: string): number {
  if (!ISO_DATE.test(iso)) throw new Error(`日期格式应为 YYYY-MM-DD：${iso}`);
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  if (formatDate(t) !== iso) throw new Error(`不存在的日期：${iso}`);
  return t;
}

export const formatDate = (t: number) => new Date(t).toISOString().slice(0, 10);
export const addDays = (iso: string, n: number) => formatDate(parseDate(iso) + n * DAY_MS);

/** Expands single dates and 'a..b' ranges into a set of ISO dates. Throws on a malformed entry. */
export function expandEntries(entries: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const e of entries) {
    const [from, to = from] = e.split('..').map((s) => s.trim());
    const end = parseDate(to);
    for (let t = parseDate(from); t <= end; t += DAY_MS) out.add(formatDate(t));
  }
  return out;
}

/** The official calendars with per-year overrides from settings (a year in overrides replaces that year). */
export function mergeCalendars(overrides: HolidayCalendar | null | undefined): HolidayCalendar {
  return { ...OFFICIAL_CALENDARS, ...(overrides ?? {}) };
}

/** A compiled calendar answers isWorkingDay quickly; years it does not know fall back to Monday–Friday. */
export interface WorkCalendar { isWorkingDay(iso: string): boolean; isWorkingDayNumber(day: number): boolean; knows(year: number): boolean }

/** Days since 1970-01-01 (a Thursday), so the weekday is arithmetic and no Date is built per day. */
const dayNumber = (iso: string) => parseDate(iso) / DAY_MS;
const dateOfDay = (day: number) => formatDate(day * DAY_MS);

export function compileCalendar(cal: HolidayCalendar): WorkCalendar {
  const holidays = new Set<number>();
  const workdays = new Set<number>();
  for (const y of Object.values(cal)) {
    for (const d of expandEntries(y.holidays)) holidays.add(dayNumber(d));
    for (const d of expandEntries(y.workdays)) workdays.add(dayNumber(d));
  }
  const isWorkingDayNumber = (day: number) => {
    if (workdays.has(day)) return true;
    if (holidays.has(day)) return false;
    const dow = (day + 4) % 7; // 0 = Sunday
    return dow !== 0 && dow !== 6;
  };
  return { isWorkingDayNumber, isWorkingDay: (iso) => isWorkingDayNumber(dayNumber(iso)), knows: (year) => String(year) in cal };
}

/** The years from start to end (inclusive) the calendar does not know: a count across them is 未核定. */
export function unverifiedYears(cal: WorkCalendar, start: string, end: string): number[] {
  const out: number[] = [];
  const [a, b] = [start, end].sort();
  for (let y = Number(a.slice(0, 4)); y <= Number(b.slice(0, 4)); y++) if (!cal.knows(y)) out.push(y);
  return out;
}

/** The date that is n working days after start; counting starts the day after start. */
export function addWorkingDays(cal: WorkCalendar, start: string, n: number): string {
  let day = dayNumber(start);
  let left = n;
  while (left > 0) {
    day++;
    if (cal.isWorkingDayNumber(day)) left--;
  }
  return dateOfDay(day);
}

/** Working days in (start, end]: 0 when end ≤ start. */
export function workingDaysBetween(cal: WorkCalendar, start: string, end: string): number {
  let n = 0;
  const last = dayNumber(end);
  for (let day = dayNumber(start) + 1; day <= last; day++) if (cal.isWorkingDayNumber(day)) n++;
  return n;
}
