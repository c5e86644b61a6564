import { describe, expect, it } from 'vitest';
import { computeBenefit, personTypes, type BenefitInput, type MemberInput } from '../../src-main/domain/benefit';

/** n members; the household's monthly income (fen) sits on the first member. */
function family(n: number, incomeFen: number, extra: Partial<MemberInput>[] = []): MemberInput[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `成员${i + 1}`, incomes: i === 0 && incomeFen > 0 ? [{ monthlyFen: incomeFen }] : [], ...(extra[i] ?? {}),
  }));
}

const cases: { name: string; input: BenefitInput; amountFen: number; topUpFen?: number; eligibility?: string }[] = [
  { name: '中山 2020: standard 1100, 3 people, per-capita income 700 → 1200 元',
    input: { standard: { monthlyFen: 110000 }, coverMode: '整户保', members: family(3, 210000) }, amountFen: 120000 },
  { name: 'the same family with one minor at 40 % of the standard → 1640 元',
    input: { standard: { monthlyFen: 110000 }, coverMode: '整户保', members: family(3, 210000, [{}, {}, { types: ['未成年人'] }]),
      rules: { topUps: { 未成年人: { percent: 40 } } } }, amountFen: 164000, topUpFen: 44000 },
  { name: 'standard 500, 3 people, household income 700 → 800 元, not 800.01',
    input: { standard: { monthlyFen: 50000 }, coverMode: '整户保', members: family(3, 70000) }, amountFen: 80000 },
  { name: 'the same case rounded to the fen is still exactly 800 元',
    input: { standard: { monthlyFen: 50000 }, coverMode: '整户保', members: family(3, 70000), rules: { rounding: { unit: 'fen', method: 'halfUp' } } }, amountFen: 80000 },
  { name: 'an annual standard of 5832 元 is 486 元 a month',
    input: { standard: { annualFen: 583200 }, coverMode: '整户保', members: family(1, 0) }, amountFen: 48600 },
  { name: 'an annual standard of 5000 元 is rounded once at the end: 416.67 → 417 元',
    input: { standard: { annualFen: 500000 }, coverMode: '整户保', members: family(1, 0) }, amountFen: 41700 },
  { name: 'rounding to the jiao keeps 416.7 元',
    input: { standard: { annualFen: 500000 }, coverMode: '整户保', members: family(1, 0), rules: { rounding: { unit: 'jiao', method: 'halfUp' } } }, amountFen: 41670 },
  { name: 'rounding always up turns 800.01 into 801 元 only when there is a remainder',
    input: { standard: { monthlyFen: 50001 }, coverMode: '整户保', members: family(1, 0), rules: { rounding: { unit: 'yuan', method: 'up' } } }, amountFen: 50100 },
  { name: 'a floor of 20 % pays 200 元 when the difference is only 100 元',
    input: { standard: { monthlyFen: 100000 }, coverMode: '整户保', members: family(1, 90000), rules: { floorPercent: 20 } }, amountFen: 20000 },
  { name: 'the floor does not lower a larger difference',
    input: { standard: { monthlyFen: 100000 }, coverMode: '整户保', members: family(1, 50000), rules: { floorPercent: 20 } }, amountFen: 50000 },
  { name: 'excluded income (优抚金, scholarships) is not counted',
    input: { standard: { monthlyFen: 80000 }, coverMode: '整户保',
      members: [{ name: '甲', incomes: [{ monthlyFen: 60000 }, { monthlyFen: 30000, excluded: true }] }, { name: '乙' }] }, amountFen: 100000 },
  { name: 'a deduction for rigid spending lowers the counted income',
    input: { standard: { monthlyFen: 80000 }, coverMode: '整户保',
      members: [{ name: '甲', incomes: [{ monthlyFen: 60000 }, { monthlyFen: 20000, deducted: true }] }, { name: '乙' }] }, amountFen: 120000 },
  { name: 'a member who is not co-resident is neither counted nor paid',
    input: { standard: { monthlyFen: 80000 }, coverMode: '整户保',
      members: [{ name: '甲' }, { name: '服刑', counted: false, incomes: [{ monthlyFen: 900000 }] }] }, amountFen: 80000 },
  { name: 'per-capita income at 1.2× the standard is a 低保边缘 family with no 低保 amount',
    input: { standard: { monthlyFen: 50000 }, coverMode: '整户保', members: family(2, 120000) }, amountFen: 0, eligibility: '低保边缘' },
  { name: 'per-capita income at 1.6× the standard is not eligible',
    input: { standard: { monthlyFen: 50000 }, coverMode: '整户保', members: family(2, 160000) }, amountFen: 0, eligibility: '不符合' },
  { name: 'a 2× edge threshold (LOCAL) makes 1.6× a 边缘 family',
    input: { standard: { monthlyFen: 50000 }, coverMode: '整户保', members: family(2, 160000), rules: { edgeMultiplier: 2 } }, amountFen: 0, eligibility: '低保边缘' },
  // 单人保 参照单人户 (2021办法 第八条): the covered person is a one-person household on their own income.
  { name: '单人保 in an 边缘 family: the disabled person without income of their own gets 500 + top-up 100 = 600 元, not 0',
    input: { standard: { monthlyFen: 50000 }, coverMode: '单人保', members: family(2, 120000, [{}, { covered: true, types: ['重度残疾人'] }]),
      rules: { floorPercent: 30, topUps: { 重度残疾人: { fen: 10000 } } } }, amountFen: 60000, topUpFen: 10000, eligibility: '低保边缘' },
  { name: '单人保 in a 低保 family pays only the covered person, on their own income (none): 600 元',
    input: { standard: { monthlyFen: 60000 }, coverMode: '单人保', members: family(3, 90000, [{}, {}, { covered: true }]) }, amountFen: 60000 },
  { name: '单人保: a covered person with a 200 元 pension of their own gets 620 − 200 = 420 元 (family 1,600 元 ÷ 2 = 800 元 is 边缘)',
    input: { standard: { monthlyFen: 62000 }, coverMode: '单人保',
      members: [{ name: '父', incomes: [{ monthlyFen: 140000 }] }, { name: '子', covered: true, incomes: [{ monthlyFen: 20000 }] }] }, amountFen: 42000, eligibility: '低保边缘' },
  { name: '单人保: two covered persons each as a one-person household: (620 − 0) + (620 − 700 → 0) = 620 元',
    input: { standard: { monthlyFen: 62000 }, coverMode: '单人保',
      members: [{ name: '甲', covered: true }, { name: '乙', covered: true, incomes: [{ monthlyFen: 70000 }] }, { name: '丙', incomes: [{ monthlyFen: 130000 }] }] },
    amountFen: 62000, eligibility: '低保边缘' },
  { name: '单人保 in a family above the edge line is not paid',
    input: { standard: { monthlyFen: 50000 }, coverMode: '单人保', members: family(2, 200000, [{}, { covered: true }]) }, amountFen: 0, eligibility: '不符合' },
  { name: 'a person of two types gets the higher top-up by default',
    input: { standard: { monthlyFen: 100000 }, coverMode: '整户保', members: family(1, 0, [{ types: ['老年人', '重病患者'] }]),
      rules: { topUps: { 老年人: { fen: 10000 }, 重病患者: { percent: 30 } } } }, amountFen: 130000, topUpFen: 30000 },
  { name: 'or both top-ups where the local rule adds them',
    input: { standard: { monthlyFen: 100000 }, coverMode: '整户保', members: family(1, 0, [{ types: ['老年人', '重病患者'] }]),
      rules: { topUpCombine: 'sum', topUps: { 老年人: { fen: 10000 }, 重病患者: { percent: 30 } } } }, amountFen: 140000, topUpFen: 40000 },
  { name: '分档: per-capita income up to 50 % of the standard pays 80 % per person',
    input: { standard: { monthlyFen: 100000 }, coverMode: '整户保', members: family(2, 80000),
      rules: { mode: '分档', bands: [{ upToPercent: 50, pay: { percent: 80 } }, { upToPercent: 100, pay: { fen: 30000 } }] } }, amountFen: 160000 },
  { name: '分档: a higher income falls in the next band with a fixed amount',
    input: { standard: { monthlyFen: 100000 }, coverMode: '整户保', members: family(2, 150000),
      rules: { mode: '分档', bands: [{ upToPercent: 50, pay: { percent: 80 } }, { upToPercent: 100, pay: { fen: 30000 } }] } }, amountFen: 60000 },
];

describe('computeBenefit', () => {
  it.each(cases)('$name', ({ input, amountFen, topUpFen, eligibility }) => {
    const r = computeBenefit(input);
    expect(r.amountFen).toBe(amountFen);
    expect(r.baseFen + r.topUpFen).toBe(r.amountFen);
    if (topUpFen !== undefined) expect(r.topUpFen).toBe(topUpFen);
    if (eligibility) expect(r.eligibility).toBe(eligibility);
  });

  it('explains every figure step by step ending with the rounded total', () => {
    const r = computeBenefit({ standard: { monthlyFen: 50000 }, coverMode: '整户保', members: family(3, 70000) });
    expect(r.steps.map((s) => s.label)).toContain('家庭人均月收入');
    expect(r.steps.find((s) => s.label === '差额保障金')!.formula).toBe('500 × 3人 − 700 = 800元');
    expect(r.steps.at(-1)!.formula).toContain('800元');
  });
});

describe('personTypes', () => {
  it('derives the 分类施保 types from member facts on a date', () => {
    expect(personTypes({ birthDate: '2010-05-01', school: '在校' }, '2026-05-01')).toEqual(['未成年人', '在校学生']);
    expect(personTypes({ birthDate: '1966-05-02', health: '重病', disabilityGrade: 2 }, '2026-05-01')).toEqual(['重度残疾人', '重病患者']);
    expect(personTypes({ birthDate: '1966-05-01', disabilityGrade: 3 }, '2026-05-01')).toEqual(['老年人']);
  });
});
