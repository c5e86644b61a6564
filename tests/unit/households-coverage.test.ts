import { describe, expect, it } from 'vitest';
import { checkCoverage } from '../../src-main/domain/coverage';

const person = (over: Partial<Parameters<typeof checkCoverage>[2][number]> = {}) =>
  ({ name: '张三', state: '在户', health: '健康', disabilityType: '', disabilityGrade: null, ...over });

describe('整户保 and 单人保 (2021办法)', () => {
  it('always allows covering the whole household', () => {
    expect(checkCoverage('整户保', false, [person()])).toEqual({ ok: true });
  });
  it.each([
    [person({ disabilityType: '肢体', disabilityGrade: 1 }), 'grade 1 disability'],
    [person({ disabilityType: '视力', disabilityGrade: 2 }), 'grade 2 disability'],
    [person({ disabilityType: '智力', disabilityGrade: 3 }), 'grade 3 intellectual disability'],
    [person({ disabilityType: '精神', disabilityGrade: 3 }), 'grade 3 mental disability'],
    [person({ health: '重病' }), 'serious illness'],
  ])('allows single-person cover in an edge family for %j (%s)', (m) => {
    expect(checkCoverage('单人保', true, [m])).toEqual({ ok: true });
  });
  it('refuses single-person cover outside a 低保边缘 family, saying why', () => {
    const r = checkCoverage('单人保', false, [person({ health: '重病' })]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('低保边缘家庭');
  });
  it('refuses a grade 3 physical disability and names the person', () => {
    const r = checkCoverage('单人保', true, [person({ name: '李四', disabilityType: '肢体', disabilityGrade: 3 })]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('李四不符合单人保条件');
  });
  it('refuses a member who has died', () => {
    const r = checkCoverage('单人保', true, [person({ state: '死亡', health: '重病' })]);
    expect(r.ok).toBe(false);
  });
});
