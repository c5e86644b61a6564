import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, addMonths, classify, deathRecheckDue, nextDue, type ScheduleHousehold } from '../../src-main/domain/recheckSchedule';

const TODAY = '2026-06-15';
const worker = { birthDate: '1985-03-01', labourCapacity: '有', state: '在户' };
const elder = { birthDate: '1940-03-01', labourCapacity: '完全丧失', state: '在户' };
const hh = (category: string, members = [elder], incomeFen = 0): ScheduleHousehold => ({ category, members, incomeFen });

describe('recheck schedule', () => {
  it('classes a family with a member of working age able to work as irregular income under the 2021 rule', () => {
    expect(classify(hh('农村低保', [elder, worker]), '2021', TODAY)).toBe('收入不固定');
    expect(classify(hh('农村低保', [elder]), '2021', TODAY)).toBe('收入稳定');
  });

  it('does not count a worker who has died or who is past working age', () => {
    expect(classify(hh('农村低保', [elder, { ...worker, state: '死亡' }]), '2021', TODAY)).toBe('收入稳定');
    expect(classify(hh('农村低保', [{ ...worker, birthDate: '1960-01-01' }]), '2021', TODAY)).toBe('收入稳定');
  });

  it('uses the 2012 classes: 三无, stable, variable urban monthly and rural quarterly', () => {
    expect(classify(hh('特困供养-分散', [elder]), '2012', TODAY)).toBe('三无');
    expect(classify(hh('农村低保', [elder], 0), '2012', TODAY)).toBe('三无');
    expect(classify(hh('农村低保', [elder], 30000), '2012', TODAY)).toBe('收入稳定');
    expect(classify(hh('城市低保', [worker]), '2012', TODAY)).toBe('收入变动-城市');
    expect(classify(hh('农村低保', [worker]), '2012', TODAY)).toBe('收入变动-农村');
  });

  it('is due yearly for stable and half-yearly for irregular families by default', () => {
    expect(nextDue(DEFAULT_SCHEDULE, { cls: '收入稳定', lastDate: '2025-07-01', triggers: [] }, TODAY).dueDate).toBe('2026-07-01');
    expect(nextDue(DEFAULT_SCHEDULE, { cls: '收入不固定', lastDate: '2025-07-01', triggers: [] }, TODAY).dueDate).toBe('2026-01-01');
  });

  it('marks overdue, due soon and not yet due against today', () => {
    expect(nextDue(DEFAULT_SCHEDULE, { cls: '收入不固定', lastDate: '2025-07-01', triggers: [] }, TODAY).state).toBe('已逾期');
    expect(nextDue(DEFAULT_SCHEDULE, { cls: '收入稳定', lastDate: '2025-07-01', triggers: [] }, TODAY).state).toBe('即将到期');
    expect(nextDue(DEFAULT_SCHEDULE, { cls: '收入稳定', lastDate: '2026-01-01', triggers: [] }, TODAY).state).toBe('未到期');
  });

  it('takes the 2012 frequencies when that rule is selected, and an office may change them', () => {
    const s = { ...DEFAULT_SCHEDULE, rule: '2012' as const };
    expect(nextDue(s, { cls: '收入变动-城市', lastDate: '2026-05-20', triggers: [] }, TODAY).dueDate).toBe('2026-06-20');
    expect(nextDue(s, { cls: '收入变动-农村', lastDate: '2026-05-20', triggers: [] }, TODAY).dueDate).toBe('2026-08-20');
    const custom = { ...s, months: { ...s.months, '2012': { ...s.months['2012'], '收入变动-农村': 2 } } };
    expect(nextDue(custom, { cls: '收入变动-农村', lastDate: '2026-05-20', triggers: [] }, TODAY).dueDate).toBe('2026-07-20');
  });

  it('brings the due date forward to 3 months after a death in the family', () => {
    expect(deathRecheckDue('2026-05-31')).toBe('2026-08-31');
    const r = nextDue(DEFAULT_SCHEDULE, { cls: '收入稳定', lastDate: '2026-03-01', triggers: [{ reason: '成员死亡', dueDate: deathRecheckDue('2026-04-10') }] }, TODAY);
    expect(r).toMatchObject({ dueDate: '2026-07-10', reason: '成员死亡', state: '即将到期' });
  });

  it('clamps month arithmetic to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});
