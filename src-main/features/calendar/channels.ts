import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { getSetting, setSetting } from '../settings/store';
import { OFFICIAL_CALENDARS, type HolidayCalendar } from '../../domain/workdays';
import { lineErrorText, parseHolidayNotice, validateYearLines } from '../../domain/calendarInput';
import { calendarYears } from './years';
import { invalid } from '../../ipc/errors';

const KEY = 'workdays.calendars';
const year = z.number().int().min(2000).max(2100);
const lines = z.array(z.string().max(40)).max(60);

/**
 * One year as the clerk saves it, checked here at the boundary line by line: each bad line is one issue whose
 * message names the field and line number (法定节假日第 2 行“2024-10-1..2024-10-07”：…), all reported at once.
 */
export const yearInput = z.object({ year, holidays: lines, workdays: lines }).superRefine((v, ctx) => {
  for (const e of validateYearLines(v.year, v)) ctx.addIssue({ code: 'custom', path: [], message: lineErrorText(e) });
  if (v.holidays.every((l) => !l.trim())) ctx.addIssue({ code: 'custom', path: [], message: '至少要有一个法定节假日' });
});

const saved = (sqlite: Parameters<typeof getSetting>[0]): HolidayCalendar => getSetting<HolidayCalendar | null>(sqlite, KEY, null) ?? {};

export const calendarChannels = {
  'calendar.years': channel({
    title: '节假日日历：各年度的来源与日期', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => calendarYears(ctx.sqlite),
  }),
  'calendar.setYear': channel({
    title: '保存一个年度的节假日与调休', permission: 'admin', kind: 'mutation', input: yearInput,
    handler: (ctx, v) => {
      const before = saved(ctx.sqlite);
      const clean = (l: string[]) => l.map((s) => s.trim()).filter(Boolean);
      const after: HolidayCalendar = { ...before, [v.year]: { holidays: clean(v.holidays), workdays: clean(v.workdays) } };
      setSetting(ctx.sqlite, KEY, after);
      ctx.audit({ entity: 'setting', entityId: `${KEY}.${v.year}`, before: before[v.year] ?? OFFICIAL_CALENDARS[v.year] ?? null, after: after[v.year] });
      return { year: v.year };
    },
  }),
  'calendar.resetYear': channel({
    title: '删除录入的年度（内置年度恢复为内置日期）', permission: 'admin', kind: 'mutation', input: z.object({ year }),
    handler: (ctx, { year: y }) => {
      const before = saved(ctx.sqlite);
      if (!(y in before)) throw invalid(`${y} 年没有录入过日历`);
      const { [y]: removed, ...rest } = before;
      setSetting(ctx.sqlite, KEY, rest);
      ctx.audit({ entity: 'setting', entityId: `${KEY}.${y}`, before: removed, after: OFFICIAL_CALENDARS[y] ?? null });
      return { year: y };
    },
  }),
  'calendar.parseNotice': channel({
    title: '识别国务院办公厅节假日安排通知', permission: 'read', kind: 'query',
    input: z.object({ text: z.string().min(1, '请粘贴通知正文').max(20000), year: year.optional() }),
    handler: (_ctx, { text, year: y }) => parseHolidayNotice(text, y),
  }),
};
