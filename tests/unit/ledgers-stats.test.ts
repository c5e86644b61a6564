import { describe, expect, it } from 'vitest';
import { crossChecks, emptyRow, perCapitaYuan } from '../../src-main/features/ledgers/statsRules';
import { columnWidth, displayWidth } from '../../src-main/features/ledgers/xlsx';
import { ageOn, monthEnd } from '../../src-main/features/ledgers/period';

describe('monthly statistics rules', () => {
  it('rounds 当月人均补助额 once at the end: 202647 元 for 326 people is 622 元', () => {
    expect(perCapitaYuan(202647_00, 326)).toBe(622);
    expect(perCapitaYuan(0, 0)).toBe(0);
  });

  it('passes when the parts add up and explains a failure with the numbers', () => {
    const r = emptyRow('农村低保');
    Object.assign(r, { households: 2, persons: 3, men: 2, women: 1, fundsFen: 100 });
    r.labour['有'] = 3; r.causes['因病'] = 2;
    const total = { ...emptyRow('合计'), ...r, category: '合计', labour: { ...r.labour }, causes: { ...r.causes } };
    expect(crossChecks([r], total, { labour: 0, causes: 0, emptyHouseholds: [] }).every((c) => c.ok)).toBe(true);
    r.labour['有'] = 2;
    total.persons = 4;
    const failed = crossChecks([r], total, { labour: 1, causes: 0, emptyHouseholds: [] }).filter((c) => !c.ok);
    expect(failed.map((c) => c.name)).toContain('各类别人数之和等于合计');
    expect(failed.find((c) => c.name === '劳动能力各项之和等于人数')!.detail).toContain('有 1 人的劳动能力');
  });

  it('knows month ends and ages on a date', () => {
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(ageOn('2008-11-01', '2026-10-31')).toBe(17);
    expect(ageOn('2008-10-31', '2026-10-31')).toBe(18);
  });
});

describe('ledger column widths', () => {
  it('gives Chinese headers about twice the width of Latin ones', () => {
    expect(displayWidth('身份证号')).toBeGreaterThan(8);
    expect(columnWidth({ key: 'x', header: '月保障金（元）' })).toBeGreaterThanOrEqual(16);
    expect(columnWidth({ key: 'id', header: '身份证号', width: 20 })).toBe(22);
  });
});
