import { describe, expect, it } from 'vitest';
import { OFFICIAL_CALENDARS, expandEntries } from '../../src-main/domain/workdays';

/**
 * Every day off and every make-up working day of the State Council's notices, written out day by day from the
 * notices (2024: ../shared/domain.md §11; 2025: notice of 2024-11-12; 2026: notice of 2025-11-04, both as carried by
 * 新华社), so a wrong or missing day in the shipped calendar fails here.
 */
const days = (y: number, list: string) => list.split(' ').map((md) => {
  const [m, d] = md.split('/');
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
});
const NOTICES: Record<number, { off: string[]; work: string[] }> = {
  2024: {
    off: days(2024, '1/1 2/10 2/11 2/12 2/13 2/14 2/15 2/16 2/17 4/4 4/5 4/6 5/1 5/2 5/3 5/4 5/5 6/10 9/15 9/16 9/17 10/1 10/2 10/3 10/4 10/5 10/6 10/7'),
    work: days(2024, '2/4 2/18 4/7 4/28 5/11 9/14 9/29 10/12'),
  },
  2025: {
    // 元旦 1/1; 春节 1/28–2/4; 清明 4/4–6; 劳动节 5/1–5; 端午 5/31–6/2; 国庆节、中秋节 10/1–8
    off: days(2025, '1/1 1/28 1/29 1/30 1/31 2/1 2/2 2/3 2/4 4/4 4/5 4/6 5/1 5/2 5/3 5/4 5/5 5/31 6/1 6/2 10/1 10/2 10/3 10/4 10/5 10/6 10/7 10/8'),
    work: days(2025, '1/26 2/8 4/27 9/28 10/11'),
  },
  2026: {
    // 元旦 1/1–3; 春节 2/15–23; 清明 4/4–6; 劳动节 5/1–5; 端午 6/19–21; 中秋 9/25–27; 国庆 10/1–7
    off: days(2026, '1/1 1/2 1/3 2/15 2/16 2/17 2/18 2/19 2/20 2/21 2/22 2/23 4/4 4/5 4/6 5/1 5/2 5/3 5/4 5/5 6/19 6/20 6/21 9/25 9/26 9/27 10/1 10/2 10/3 10/4 10/5 10/6 10/7'),
    work: days(2026, '1/4 2/14 2/28 5/9 9/20 10/10'),
  },
};

describe('the shipped holiday calendars are the official notices, day by day', () => {
  it('ships exactly the years that were checked against a notice', () => {
    expect(Object.keys(OFFICIAL_CALENDARS).sort()).toEqual(Object.keys(NOTICES).sort());
  });
  it.each(Object.entries(NOTICES))('%s', (year, notice) => {
    const shipped = OFFICIAL_CALENDARS[year];
    expect([...expandEntries(shipped.holidays)].sort()).toEqual([...notice.off].sort());
    expect([...expandEntries(shipped.workdays)].sort()).toEqual([...notice.work].sort());
    // a make-up working day is always a Saturday or Sunday
    for (const d of notice.work) expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
  });
});
