import { describe, expect, it } from 'vitest';
import { isoWeek, setsToKeep, type DatedSet } from '../../src-main/features/backup/rotation';

const day = (start: string, plus: number) => {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plus);
  return d.toISOString().slice(0, 10);
};
const dailyFor = (start: string, days: number): DatedSet[] =>
  Array.from({ length: days }, (_, i) => ({ name: `${day(start, i)}-daily.db`, day: day(start, i), at: `${day(start, i)}T080000` }));

describe('backup rotation', () => {
  it('computes ISO weeks across year boundaries', () => {
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2021-01-04')).toBe('2021-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2026-11-22')).toBe('2026-W47');
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
  });

  it('keeps at most 7 daily, 4 weekly and 12 monthly sets out of two years of daily backups', () => {
    const sets = dailyFor('2025-01-01', 730);
    const keep = setsToKeep(sets);
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12);
    const newest = sets.at(-1)!.name;
    expect(keep.has(newest)).toBe(true);
    const lastSeven = sets.slice(-7).map((s) => s.name);
    for (const n of lastSeven) expect(keep.has(n)).toBe(true);
    const months = new Set([...keep].map((n) => n.slice(0, 7)));
    expect(months.size).toBe(12);
    expect([...keep].sort()[0] >= '2025-12').toBe(true);
  });

  it('keeps the newest set of a day when a day has several', () => {
    const sets: DatedSet[] = [
      { name: 'a', day: '2026-03-01', at: '2026-03-01T080000' },
      { name: 'b', day: '2026-03-01', at: '2026-03-01T170000' },
    ];
    expect([...setsToKeep(sets)]).toEqual(['b']);
  });

  it('keeps everything while there are fewer sets than the policy allows', () => {
    const sets = dailyFor('2026-01-01', 5);
    expect(setsToKeep(sets).size).toBe(5);
  });
});
