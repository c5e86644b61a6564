import { describe, expect, it } from 'vitest';
import { isoDate, isoMonth } from '../../src-main/ipc/schemas';
import { localToday } from '../../src-main/domain/dates';

describe('shared input schemas', () => {
  it.each(['2024-02-29', '2026-11-22', '2025-12-31'])('accepts the real date %s', (d) => expect(isoDate.safeParse(d).success).toBe(true));
  it.each(['2023-02-29', '2024-13-01', '2024-04-31', '2024-1-5', '20240105', ''])('refuses %s', (d) => expect(isoDate.safeParse(d).success).toBe(false));
  it('checks months', () => {
    expect(isoMonth.safeParse('2026-11').success).toBe(true);
    expect(isoMonth.safeParse('2026-13').success).toBe(false);
  });
  it('gives today on the local calendar', () => {
    expect(localToday(new Date(2026, 0, 5, 0, 30))).toBe('2026-01-05');
  });
});
