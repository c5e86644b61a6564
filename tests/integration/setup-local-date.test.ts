import { afterEach, describe, expect, it, vi } from 'vitest';
import { testServices } from '../helpers/services';
import { initialize } from '../../src-main/features/setup/initialize';

let s: ReturnType<typeof testServices> | undefined;
const tz = process.env.TZ;
afterEach(() => { vi.useRealTimers(); process.env.TZ = tz; s?.close(); s = undefined; });

describe('first-run setup uses the office\'s local date', () => {
  it('a demo built at 04:00 on 1 January in China (still 31 December in UTC) has closed every month of the old year', () => {
    process.env.TZ = 'Asia/Shanghai';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-31T20:00:00Z')); // 2027-01-01 04:00 in Beijing
    s = testServices({ init: false });
    s.handle.sqlite.transaction(() => initialize(s!.handle.sqlite, {
      township: { name: '青溪镇', divisionCode: '510902105000', county: '示范县' },
      admin: { username: 'admin', displayName: '系统管理员', password: 'admin123' }, demo: true, seed: 7, households: 12,
    }))();
    const months = s.handle.sqlite.prepare('SELECT period FROM payroll_months ORDER BY period').pluck().all() as string[];
    // With the UTC date (2026-12-31) the demo would stop at 2026-11 and December would look unpaid on New Year's morning.
    expect(months.at(-1)).toBe('2026-12');
    expect(months[0]).toBe('2026-01');
  });
});
