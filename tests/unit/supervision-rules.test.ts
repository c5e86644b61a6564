import { describe, expect, it } from 'vitest';
import { addDays, drawSample, maskContact, overdueDays } from '../../src-main/features/supervision/rules';
import { GOVERNANCE_TEMPLATE } from '../../src-main/features/supervision/template';

describe('spot-check draw', () => {
  const population = Array.from({ length: 40 }, (_, i) => i * 3 + 1);

  it('draws the same sample from the same population and seed', () => {
    expect(drawSample(population, 20260722, 8)).toEqual(drawSample([...population].reverse(), 20260722, 8));
  });

  it('draws a different sample from another seed', () => {
    expect(drawSample(population, 1, 8)).not.toEqual(drawSample(population, 2, 8));
  });

  it('draws distinct members of the population and never more than it holds', () => {
    const s = drawSample(population, 99, 8);
    expect(new Set(s).size).toBe(8);
    expect(s.every((x) => population.includes(x))).toBe(true);
    expect(drawSample([5, 6], 99, 10).sort()).toEqual([5, 6]);
  });
});

describe('masking for lists', () => {
  it('masks a mobile number, a landline and a free-text contact', () => {
    expect(maskContact('13812345678')).toBe('138****5678');
    expect(maskContact('08135201234')).toBe('08*******34');
    expect(maskContact('石桥村3组')).toBe('石****');
    expect(maskContact('')).toBe('');
  });
});

describe('complaint deadlines', () => {
  it('counts days past the deadline only while the complaint is open', () => {
    expect(overdueDays({ deadline: '2026-03-01', closedDate: null }, '2026-03-11')).toBe(10);
    expect(overdueDays({ deadline: '2026-03-01', closedDate: '2026-03-05' }, '2026-03-11')).toBe(0);
    expect(overdueDays({ deadline: '2026-03-20', closedDate: null }, '2026-03-11')).toBe(0);
  });

  it('adds calendar days across a month end', () => {
    expect(addDays('2026-01-31', 60)).toBe('2026-04-01');
  });
});

describe('专项治理 template', () => {
  it('holds the nine tasks of seed 000 in its three sections', () => {
    expect(GOVERNANCE_TEMPLATE).toHaveLength(9);
    expect(new Set(GOVERNANCE_TEMPLATE.map((t) => t.section)).size).toBe(3);
    expect(GOVERNANCE_TEMPLATE.map((t) => t.title)).toContain('严格落实近亲属备案制度');
  });
});
