import { describe, expect, it } from 'vitest';
import { caseFindings, foldDecisions, personsInTwoHouseholds, taskDue, taskNeeded, decidedFieldMessage, monthSpan,
  type DecisionRecord, type HouseholdRecord, type RuleId } from '../../src-main/domain/caseRecord';

const d = (o: Partial<DecisionRecord>): DecisionRecord => ({ kind: '建档导入', at: '2026-01-01T00:00:00Z', date: '2026-01-01', status: '在保',
  monthlyFen: 186000, topUpFen: 0, calcFen: 186000, coveredCount: 3, ref: '建档导入 1', ...o });
const m = (id: number, o: Partial<HouseholdRecord['members'][number]> = {}) => ({ id, name: `成员${id}`, idKey: `ID${id}`, state: '在户', covered: true, ...o });
const h = (o: Partial<HouseholdRecord> = {}): HouseholdRecord => ({ id: 1, label: '石桥村 张三户（档案号 1）', status: '在保', monthlyFen: 186000, topUpFen: 0,
  members: [m(1), m(2), m(3)], decisions: [d({})], calcFen: 186000, openTasks: [], openApplication: false, ...o });
const TODAY = '2026-11-20';
const rules = (x: HouseholdRecord) => caseFindings(x, TODAY, 6).map((f) => f.rule);

describe('caseFindings', () => {
  const table: [string, Partial<HouseholdRecord>, RuleId[]][] = [
    ['clean', {}, []],
    ['head died, others live', { headMemberId: 1, members: [m(1, { state: '死亡' }), m(2), m(3)], decisions: [d({ coveredCount: 2 })] }, ['headNotLiving']],
    ['head moved out, others live', { headMemberId: 1, members: [m(1, { state: '迁出' }), m(2)], decisions: [d({ coveredCount: 1 })] }, ['headNotLiving']],
    ['head died, a new head was recorded', { headMemberId: 2, members: [m(1, { state: '死亡' }), m(2), m(3)], decisions: [d({ coveredCount: 2 })] }, []],
    ['head died alone: the household rule is noLivingCovered', { headMemberId: 1, members: [m(1, { state: '死亡' })] }, ['noLivingCovered']],
    ['all members dead', { members: [m(1, { state: '死亡' }), m(2, { state: '死亡' }), m(3, { state: '迁出' })] }, ['noLivingCovered']],
    ['all dead, 待停保 open in time', { members: [m(1, { state: '死亡' })], openTasks: [{ kind: '待停保', dueDate: '2027-01-01' }] }, []],
    ['all dead, 待停保 overdue', { members: [m(1, { state: '死亡' })], openTasks: [{ kind: '待停保', dueDate: '2026-11-01' }] }, ['taskOverdue', 'noLivingCovered']],
    ['only uncovered members live', { members: [m(1, { covered: false })] }, ['noLivingCovered']],
    ['calculation moved, no task', { calcFen: 124000 }, ['amountVsCalculation']],
    ['calculation moved, 待调整 open', { calcFen: 124000, openTasks: [{ kind: '待调整', dueDate: '2026-12-01' }] }, []],
    ['decided on purpose away from the calculation', { calcFen: 150000, decisions: [d({ calcFen: 150000 })] }, []],
    ['covered persons changed, no task', { members: [m(1), m(2)], decisions: [d({ coveredCount: 3 })] }, ['coveredCount']],
    ['status edited to 停保', { status: '停保' }, ['statusBasis']],
    ['paid without any decision', { decisions: [] }, ['statusBasis']],
    // The facts did not move since the decision, so the edit is an amountBasis finding, not a calculation one.
    ['amount edited', { monthlyFen: 200000 }, ['amountBasis']],
    ['top-up edited', { topUpFen: 1000 }, ['amountBasis']],
    ['amount edited and facts moved', { monthlyFen: 200000, calcFen: 124000 }, ['amountBasis', 'amountVsCalculation']],
    ['申请中, newly registered', { status: '申请中', decisions: [] }, []],
    ['申请中 after a closed case', { status: '申请中', decisions: [d({ status: '停保', monthlyFen: 0 })], monthlyFen: 0 }, ['statusBasis']],
    ['渐退 in time', { status: '渐退', decisions: [d({}), d({ kind: '渐退', at: '2026-09-01', status: '渐退', effectiveMonth: '2026-10', phaseOutEnd: '2027-03' })] }, []],
    ['渐退 past its end', { status: '渐退', decisions: [d({}), d({ kind: '渐退', at: '2026-09-01', status: '渐退', effectiveMonth: '2026-04', phaseOutEnd: '2026-09' })] }, ['phaseOut']],
    ['渐退 stretched by a second decision', { status: '渐退', decisions: [d({}), d({ kind: '渐退', at: '2026-09-01', status: '渐退', effectiveMonth: '2026-10', phaseOutEnd: '2027-03' }),
      d({ kind: '渐退', at: '2026-10-01', status: '渐退', effectiveMonth: '2026-11', phaseOutEnd: '2027-08' })] }, ['phaseOut']],
    ['渐退 without months', { status: '渐退', decisions: [d({ status: '渐退' })] }, ['phaseOut']],
  ];
  it.each(table)('%s', (_name, o, expected) => expect(rules(h(o)).sort()).toEqual([...expected].sort()));
});

describe('foldDecisions', () => {
  it('takes the latest record by time, carrying amounts a record leaves null', () => {
    const s = foldDecisions([d({ kind: '停保', at: '2026-05-01', status: '停保', monthlyFen: 0, topUpFen: 0 }), d({}),
      d({ kind: '申请', at: '2026-06-01', status: '申请中', monthlyFen: null, topUpFen: null })]);
    expect(s).toMatchObject({ status: '申请中', monthlyFen: 0, basis: { kind: '申请' } });
  });
  it('a 更正 keeps the calculation the case was decided on', () => {
    expect(foldDecisions([d({}), d({ kind: '更正', at: '2026-02-01', monthlyFen: 180000, calcFen: null, coveredCount: null })]))
      .toMatchObject({ monthlyFen: 180000, calcFen: 186000, coveredCount: 3 });
  });
});

describe('tasks', () => {
  it.each([
    [{ status: '在保', livingCovered: 0, amountFen: 62000, calcFen: null }, '待停保'],
    [{ status: '渐退', livingCovered: 0, amountFen: 62000, calcFen: null }, '待停保'],
    [{ status: '在保', livingCovered: 2, amountFen: 186000, calcFen: 124000 }, '待调整'],
    [{ status: '在保', livingCovered: 3, amountFen: 186000, calcFen: 186000 }, null],
    [{ status: '渐退', livingCovered: 2, amountFen: 186000, calcFen: 124000 }, null],
    [{ status: '停保', livingCovered: 0, amountFen: 0, calcFen: null }, null],
  ] as const)('%o needs %s', (a, kind) => expect(taskNeeded(a)).toBe(kind));
  it.each([['待停保', '2026-11-30', '2027-02-28'], ['待停保', '2026-01-15', '2026-04-15'], ['待调整', '2026-11-20', '2026-12-20']] as const)(
    '%s after %s is due %s', (kind, from, due) => expect(taskDue(kind, from)).toBe(due));
});

describe('helpers', () => {
  it('names the procedure for each decided field', () => {
    expect(decidedFieldMessage(['status', 'monthlyAmountFen'])).toMatch(/^状态、月保障金不能在“变更户信息”中修改：纳入保障须走申请和审核确认/);
  });
  it('counts months inclusively', () => { expect(monthSpan('2026-10', '2027-03')).toBe(6); });
  it('finds one ID key in two households, not twice in one', () => {
    const a = { id: 1, label: 'A', members: [m(1, { idKey: 'X' }), m(2, { idKey: 'X' })] };
    expect(personsInTwoHouseholds([a])).toEqual([]);
    expect(personsInTwoHouseholds([a, { id: 2, label: 'B', members: [m(3, { idKey: 'X' })] }]).map((f) => f.householdId)).toEqual([1, 2]);
  });
});
