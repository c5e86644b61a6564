import { describe, expect, it } from 'vitest';
import { isMinorOn, periodEnd, publicHeadName } from '../../src-main/features/notices/rules';

describe('notice rules', () => {
  it('counts someone as a minor until the day before the 18th birthday', () => {
    expect(isMinorOn('2008-11-22', '2026-11-21')).toBe(true);
    expect(isMinorOn('2008-11-22', '2026-11-22')).toBe(false);
  });

  it('never names a minor head of household: only the surname and 某 are shown', () => {
    expect(publicHeadName('张小明', '2012-01-01', '2026-11-22')).toBe('张某');
    expect(publicHeadName('张建国', '1970-01-01', '2026-11-22')).toBe('张建国');
  });

  it('ends a 7-day posting on the 7th day counting the first day', () => {
    expect(periodEnd('2026-11-22', 7)).toBe('2026-11-28');
    expect(periodEnd('2026-12-29', 7)).toBe('2027-01-04');
  });
});
