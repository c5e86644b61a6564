import { describe, expect, it } from 'vitest';
import { suggestFlags, type FlagFacts, type FlagMember } from '../../src-main/domain/recheckFlags';
import { deadStillCovered, duplicatePersons, type PersonRow } from '../../src-main/domain/supervisionRules';

const member = (name: string, over: Partial<FlagMember> = {}): FlagMember =>
  ({ name, state: '在户', deathDate: null, hukou: '本地农业户口', employment: '', school: '', covered: true, ...over });
const facts = (over: Partial<FlagFacts> = {}): FlagFacts =>
  ({ vehicles: '无', housing: '自有砖混房', propertyNotes: '', members: [member('王建国')], incomes: [], standardFen: 62000, ...over });
const codes = (f: FlagFacts) => [...new Set(suggestFlags(f).map((s) => s.code))];

describe('key recheck category suggestions', () => {
  it('suggests nothing for a plain household', () => {
    expect(suggestFlags(facts())).toEqual([]);
  });

  it('suggests category 1 for a deceased member and names who and when', () => {
    const s = suggestFlags(facts({ members: [member('王建国'), member('李秀英', { state: '死亡', deathDate: '2026-02-03' })] }));
    expect(s).toEqual([{ code: 1, reason: '李秀英于2026-02-03死亡' }]);
  });

  it('suggests a car but not a farm tricycle', () => {
    expect(codes(facts({ vehicles: '小轿车一辆（2019年购）' }))).toEqual([5]);
    expect(codes(facts({ vehicles: '有农用三轮车一辆' }))).toEqual([]);
  });

  it('suggests category 6 for two houses or business premises in the housing or property notes', () => {
    expect(codes(facts({ propertyNotes: '县城另有2套住房' }))).toEqual([6]);
    expect(codes(facts({ housing: '自有砖混房，临街门面一间' }))).toEqual([6]);
    expect(codes(facts({ propertyNotes: '两套房' }))).toEqual([6]);
    expect(codes(facts({ propertyNotes: '1套住房' }))).toEqual([]);
  });

  it('suggests pension, unemployment benefit and housing fund from income items', () => {
    const incomes = [
      { memberName: '王建国', type: '职工养老金', note: '', monthlyFen: 150000, excluded: false, deducted: false },
      { memberName: '王海', type: '失业保险金', note: '', monthlyFen: 90000, excluded: true, deducted: false },
      { memberName: '王海', type: '工资', note: '单位缴纳住房公积金', monthlyFen: 10000, excluded: false, deducted: false },
    ];
    expect(codes(facts({ incomes, members: [member('王建国'), member('王海')], standardFen: null }))).toEqual([2, 3, 4]);
  });

  it('suggests category 7 for a member who moved away and category 8 when per-capita income reaches the standard', () => {
    expect(codes(facts({ members: [member('王建国'), member('王海', { state: '迁出' })] }))).toEqual([7]);
    const incomes = [{ memberName: '王建国', type: '务工收入', note: '', monthlyFen: 130000, excluded: false, deducted: false }];
    const two = [member('王建国'), member('李秀英')];
    expect(codes(facts({ incomes, members: two, standardFen: 65000 }))).toEqual([8]);
    expect(codes(facts({ incomes, members: two, standardFen: 65001 }))).toEqual([]);
    expect(codes(facts({ incomes, members: two, standardFen: null }))).toEqual([]);
  });
});

const person = (over: Partial<PersonRow>): PersonRow => ({ memberId: 1, householdId: 1, name: '张三', idNumber: '11010519491231002X',
  birthDate: '1949-12-31', sex: '女', state: '在户', category: '农村低保', householdStatus: '在保', ...over });

describe('digital supervision rules', () => {
  it('finds one person in two households by 身份证号 or by name, sex and birth date', () => {
    const rows = [person({}), person({ memberId: 2, householdId: 2, idNumber: '110105194912310037' }), person({ memberId: 3, householdId: 3, name: '李四', idNumber: '440524188001010014' })];
    const f = duplicatePersons(rows);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ list: 'duplicate', householdIds: [1, 2], person: '张三' });
  });

  it('puts a person on 低保 and 特困 at once on its own list', () => {
    const f = duplicatePersons([person({}), person({ memberId: 2, householdId: 5, category: '特困供养-分散' })]);
    expect(f).toMatchObject([{ list: 'dibaoAndTekun', householdIds: [1, 5] }]);
  });

  it('lists a death more than 3 months ago in a paid household with no recheck since', () => {
    const row = { householdId: 9, name: '张三', deathDate: '2026-01-10', householdStatus: '在保', lastRecheckDate: '2025-12-01' };
    expect(deadStillCovered([row], ['在保', '渐退'], '2026-04-11')).toHaveLength(1);
    expect(deadStillCovered([row], ['在保', '渐退'], '2026-04-10')).toHaveLength(0);
    expect(deadStillCovered([{ ...row, lastRecheckDate: '2026-02-01' }], ['在保', '渐退'], '2026-06-01')).toHaveLength(0);
    expect(deadStillCovered([{ ...row, householdStatus: '停保' }], ['在保', '渐退'], '2026-06-01')).toHaveLength(0);
  });
});
