/**
 * Checking a year of the holiday calendar as the clerk types it, and reading the State Council's notice
 * (国务院办公厅关于X年部分节假日安排的通知) into holidays and make-up working days. Pure; dates are ISO.
 * A calendar line that slipped through would make every deadline wrong (or throw on every case page),
 * so each line is checked on its own and refused with its line number.
 */
import { parseDate, formatDate, OFFICIAL_CALENDARS, type HolidayCalendar, type YearCalendar } from './workdays';

const DAY_MS = 86_400_000;
/** The longest official break so far is 9 days (2026 春节); 15 leaves room and still catches a typo'd month. */
const MAX_RANGE_DAYS = 15;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export type CalendarField = 'holidays' | 'workdays';
export const FIELD_LABELS: Record<CalendarField, string> = { holidays: '法定节假日', workdays: '调休上班日' };

export interface LineError { field: CalendarField; line: number; text: string; message: string }

interface Span { from: number; to: number; line: number }

const weekday = (t: number) => new Date(t).getUTCDay(); // 0 = Sunday
const isWeekend = (t: number) => weekday(t) === 0 || weekday(t) === 6;
const WEEKDAY_CN = ['日', '一', '二', '三', '四', '五', '六'];

/** One line: a date or 'from..to'. Returns the span or the reason it is refused. */
function parseLine(text: string, year: number, field: CalendarField): Span | string {
  const parts = text.split('..').map((s) => s.trim());
  if (parts.length > 2) return '只能写一个日期或“起..止”';
  for (const p of parts) {
    if (!ISO.test(p)) return `“${p}”不是 YYYY-MM-DD 格式的日期（月、日都写两位，如“${year}-10-01”）`;
    try { parseDate(p); } catch { return `${p} 不是存在的日期`; }
  }
  const from = parseDate(parts[0]);
  const to = parseDate(parts[1] ?? parts[0]);
  if (to < from) return '止日早于起日';
  if ((to - from) / DAY_MS + 1 > MAX_RANGE_DAYS) return `连续 ${(to - from) / DAY_MS + 1} 天，超过 ${MAX_RANGE_DAYS} 天，请检查月份`;
  // A break may start in the previous year (元旦 2022-12-31..2023-01-02) but must touch this year.
  if (Number(formatDate(to).slice(0, 4)) !== year && Number(formatDate(from).slice(0, 4)) !== year) return `不在 ${year} 年内`;
  if (field === 'workdays') {
    if (to !== from) return '调休上班日每行写一个日期';
    if (!isWeekend(from)) return `${parts[0]} 是星期${WEEKDAY_CN[weekday(from)]}，本来就上班，不是调休上班日`;
  } else {
    let allWeekend = true;
    for (let t = from; t <= to; t += DAY_MS) if (!isWeekend(t)) allWeekend = false;
    if (allWeekend) return '这些日期都是周末，本来就休息；请检查是否写错';
  }
  return { from, to, line: 0 };
}

/** Splits a textarea into its lines (1-based numbers kept, blank lines skipped). */
export function numberedLines(text: string): { line: number; text: string }[] {
  return text.split(/\r?\n/).map((t, i) => ({ line: i + 1, text: t.trim() })).filter((l) => l.text !== '');
}

/**
 * Checks one year's lines: format, real dates, range order and length, the year, weekdays (a make-up day is a
 * Saturday or Sunday; a holiday is not only weekend days) and overlaps (two holiday lines, or a date both
 * holiday and make-up day). Every error names its field and line number.
 */
export function validateYearLines(year: number, lines: Record<CalendarField, readonly string[]>): LineError[] {
  const errors: LineError[] = [];
  const spans: Record<CalendarField, Span[]> = { holidays: [], workdays: [] };
  for (const field of ['holidays', 'workdays'] as const) {
    lines[field].forEach((raw, i) => {
      const text = raw.trim();
      if (!text) return;
      const r = parseLine(text, year, field);
      if (typeof r === 'string') errors.push({ field, line: i + 1, text, message: r });
      else spans[field].push({ ...r, line: i + 1 });
    });
  }
  const text = (f: CalendarField, s: Span) => lines[f][s.line - 1].trim();
  const overlap = (a: Span, b: Span) => a.from <= b.to && b.from <= a.to;
  for (const field of ['holidays', 'workdays'] as const) {
    const list = spans[field];
    for (let i = 0; i < list.length; i++) {
      for (let j = 0; j < i; j++) {
        if (overlap(list[i], list[j])) {
          errors.push({ field, line: list[i].line, text: text(field, list[i]), message: `与第 ${list[j].line} 行重叠` });
          break;
        }
      }
    }
  }
  for (const w of spans.workdays) {
    const h = spans.holidays.find((s) => overlap(s, w));
    if (h) errors.push({ field: 'workdays', line: w.line, text: text('workdays', w), message: `同时写在法定节假日第 ${h.line} 行` });
  }
  return errors.sort((a, b) => (a.field === b.field ? a.line - b.line : a.field === 'holidays' ? -1 : 1));
}

/** '法定节假日第 3 行“2024-10-1..2024-10-07”：…' — how an error is shown to the clerk. */
export const lineErrorText = (e: LineError) => `${FIELD_LABELS[e.field]}第 ${e.line} 行“${e.text}”：${e.message}`;

/** Every problem of one year as the clerk would be told it: the line errors, or that the year has no holiday. */
export function yearProblems(year: number, y: YearCalendar): string[] {
  if (!Array.isArray(y?.holidays) || !Array.isArray(y?.workdays) || ![...y.holidays, ...y.workdays].every((l) => typeof l === 'string')) {
    return ['格式不对（应有法定节假日和调休上班日两列日期）'];
  }
  const errors = validateYearLines(year, y).map(lineErrorText);
  if (y.holidays.every((l) => !l.trim())) errors.unshift('没有任何法定节假日');
  return errors;
}

/**
 * The calendar deadlines are counted on: the shipped years with the saved ones over them. A saved year that fails
 * the checks (saved by an older version) is left out — the shipped year stays, an unshipped one counts as 未核定 —
 * instead of throwing on every page.
 */
export function effectiveCalendar(saved: HolidayCalendar | null | undefined): { calendar: HolidayCalendar; invalid: { year: number; problems: string[] }[] } {
  const calendar: HolidayCalendar = { ...OFFICIAL_CALENDARS };
  const invalid: { year: number; problems: string[] }[] = [];
  for (const [y, cal] of Object.entries(saved && typeof saved === 'object' ? saved : {})) {
    const year = Number(y);
    const problems = /^\d{4}$/.test(y) ? yearProblems(year, cal) : ['年度应为四位数字'];
    if (problems.length) invalid.push({ year, problems }); else calendar[y] = cal;
  }
  return { calendar, invalid };
}

// ---- the State Council's notice ----

export interface NoticeFestival { name: string; holidays: string[]; workdays: string[] }
export interface ParsedNotice { year: number | null; festivals: NoticeFestival[]; holidays: string[]; workdays: string[]; problems: string[] }

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** The notice's title year may be written 二〇二四年; fullwidth digits are normalised too. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10))
    .replace(/[〇零一二三四五六七八九]{4}(?=年)/g, (s) => [...s].map((c) => CN_DIGITS[c]).join(''))
    .replace(/（[^）]*）|\([^)]*\)/g, '') // (周一)(农历除夕) … carry no dates the clerk needs
    .replace(/[—–－~～]/g, '至')
    .replace(/\s+/g, '');
}

const DATE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/g;
const HOLIDAY = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:至(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日)?(?:放假|休息)/;
const FESTIVAL = /(?:^|[一二三四五六七八九十]+、)([^：:、。]{2,12})[：:]/g;

/**
 * Reads the notice into per-festival holidays (as 'from..to' lines) and make-up working days, for the clerk to
 * confirm before saving. `year` defaults to the year in the title (关于2024年部分节假日安排的通知).
 * What cannot be read is listed in `problems`, never guessed.
 */
export function parseHolidayNotice(text: string, yearHint?: number): ParsedNotice {
  const t = normalise(text);
  const titleYear = t.match(/关于(\d{4})年.{0,6}节假日安排/);
  const year = yearHint ?? (titleYear ? Number(titleYear[1]) : null);
  const problems: string[] = [];
  if (!year) return { year: null, festivals: [], holidays: [], workdays: [], problems: ['没有找到年份（通知标题“关于X年部分节假日安排的通知”），请先选择年度'] };
  // Each festival starts at '一、元旦：'; split there and keep the name.
  const starts = [...t.matchAll(FESTIVAL)].map((m) => ({ name: m[1], begin: m.index!, at: m.index! + m[0].length }));
  const festivals: NoticeFestival[] = [];
  starts.forEach((s, i) => {
    const body = t.slice(s.at, starts[i + 1]?.begin);
    const f: NoticeFestival = { name: s.name, holidays: [], workdays: [] };
    for (const sentence of body.split(/[。；;]/)) {
      const h = sentence.match(HOLIDAY);
      if (h && /放假/.test(sentence)) {
        const y1 = h[1] ? Number(h[1]) : year;
        const m1 = Number(h[2]);
        const from = iso(y1, m1, Number(h[3]));
        const to = h[6] ? iso(h[4] ? Number(h[4]) : y1, h[5] ? Number(h[5]) : m1, Number(h[6])) : from;
        f.holidays.push(from === to ? from : `${from}..${to}`);
      } else if (/上班/.test(sentence)) {
        for (const d of sentence.matchAll(DATE)) f.workdays.push(iso(d[1] ? Number(d[1]) : year, Number(d[2]), Number(d[3])));
      }
    }
    if (f.holidays.length === 0 && f.workdays.length === 0) return; // the preamble, or the closing paragraph
    if (f.holidays.length === 0) problems.push(`${f.name}：没有读出放假日期`);
    festivals.push(f);
  });
  if (festivals.length === 0) problems.push('没有读出任何节日，请确认粘贴的是通知正文（如“一、元旦：1月1日放假”）');
  const holidays = festivals.flatMap((f) => f.holidays);
  const workdays = festivals.flatMap((f) => f.workdays);
  for (const e of validateYearLines(year, { holidays, workdays })) problems.push(lineErrorText(e));
  return { year, festivals, holidays, workdays, problems };
}
