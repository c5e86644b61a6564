import { describe, expect, it } from 'vitest';
import { addWorkingDays, compileCalendar, mergeCalendars, OFFICIAL_CALENDARS, workingDaysBetween } from '../../src-main/domain/workdays';

const cal = compileCalendar(OFFICIAL_CALENDARS);

describe('working days over the official holiday calendar', () => {
  it('treats holidays as days off and 调休 weekends as working days', () => {
    expect(cal.isWorkingDay('2025-10-08')).toBe(false); // 国庆 holiday on a Wednesday
    expect(cal.isWorkingDay('2025-09-28')).toBe(true); // Sunday make-up day
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // Saturday make-up day
    expect(cal.isWorkingDay('2026-02-16')).toBe(false); // 春节 Monday
    expect(cal.isWorkingDay('2026-11-21')).toBe(false); // ordinary Saturday
  });

  it('counts from the day after the start date', () => {
    expect(addWorkingDays(cal, '2026-11-16', 3)).toBe('2026-11-19'); // Monday + 3 = Thursday
    expect(addWorkingDays(cal, '2026-11-20', 1)).toBe('2026-11-23'); // Friday + 1 = Monday
  });

  it('crosses the 2025 National Day holiday and its make-up days', () => {
    // Accepted Fri 2025-09-26: Sun 9-28 is a make-up day, 9-29, 9-30 work, 10-1..10-8 off.
    expect(addWorkingDays(cal, '2025-09-26', 3)).toBe('2025-09-30');
    expect(addWorkingDays(cal, '2025-09-26', 4)).toBe('2025-10-09');
    // 10-09 Thu, 10-10 Fri, 10-11 Sat is a make-up day.
    expect(addWorkingDays(cal, '2025-09-26', 6)).toBe('2025-10-11');
  });

  it('crosses the 2026 Spring Festival with make-up days on both sides', () => {
    // Thu 2026-02-12, Fri 02-13, Sat 02-14 (make-up), then 02-15..02-23 off, Tue 02-24.
    expect(addWorkingDays(cal, '2026-02-11', 3)).toBe('2026-02-14');
    expect(addWorkingDays(cal, '2026-02-11', 4)).toBe('2026-02-24');
    expect(workingDaysBetween(cal, '2026-02-11', '2026-02-28')).toBe(8); // 12,13,14,24,25,26,27,28(make-up)
  });

  it('gives 30 working days across the 2025 National Day holiday', () => {
    // 9-16..19 (4), 9-22..26 (9), Sun 9-28 make-up (10), 9-29..30 (12), 10-9..10 (14), Sat 10-11 (15), then 3 full weeks.
    expect(addWorkingDays(cal, '2025-09-15', 30)).toBe('2025-10-31');
    expect(workingDaysBetween(cal, '2025-09-15', '2025-10-31')).toBe(30);
  });

  it('lets a year be replaced by settings and falls back to weekdays for unknown years', () => {
    const c = compileCalendar(mergeCalendars({ 2027: { holidays: ['2027-01-01..2027-01-03'], workdays: [] } }));
    expect(c.isWorkingDay('2027-01-01')).toBe(false);
    expect(c.knows(2027)).toBe(true);
    expect(c.knows(2028)).toBe(false);
    expect(c.isWorkingDay('2028-03-01')).toBe(true);
  });

  it('rejects impossible dates in a calendar entry', () => {
    expect(() => compileCalendar({ 2027: { holidays: ['2027-02-30'], workdays: [] } })).toThrow('不存在的日期');
  });
});
