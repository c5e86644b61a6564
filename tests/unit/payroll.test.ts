import { describe, expect, it } from 'vitest';
import { accountProblem, addMonths, adjustmentsFor, decisionInForce, lineProblems, monthChange, monthsBetween,
  stateInMonth, type Decision } from '../../src-main/domain/payroll';

let seq = 0;
const d = (kind: Decision['kind'], effectiveMonth: string, status: Decision['status'], baseYuan: number, extra: Partial<Decision> = {}): Decision =>
  ({ ref: `change:${++seq}`, label: `${kind}决定`, kind, date: `${effectiveMonth}-01`, effectiveMonth, status, baseFen: baseYuan * 100, topUpFen: 0,
    phaseOutEndMonth: null, seq, ...extra });

const confirm = d('审核确认', '2026-03', '在保', 1353, { topUpFen: 20000 });
const cut = d('减发', '2026-12', '在保', 300);
const stop = d('停保', '2026-08', '停保', 0);
const phaseOut = d('渐退', '2026-05', '渐退', 500, { phaseOutEndMonth: '2026-07' });

describe('the decision in force for a month', () => {
  const cases: { name: string; decisions: Decision[]; month: string; paid: boolean; totalFen: number; status: string }[] = [
    { name: 'before any decision nothing is paid', decisions: [confirm], month: '2026-02', paid: false, totalFen: 0, status: '未保障' },
    { name: 'from the confirmation month base + 分类施保', decisions: [confirm], month: '2026-03', paid: true, totalFen: 155300, status: '在保' },
    { name: 'a 减发 decided in November but effective December leaves November unchanged', decisions: [confirm, cut], month: '2026-11', paid: true, totalFen: 155300, status: '在保' },
    { name: '… and pays the new amount from December', decisions: [confirm, cut], month: '2026-12', paid: true, totalFen: 30000, status: '在保' },
    { name: 'a 停保 stops from its effective month', decisions: [confirm, stop], month: '2026-08', paid: false, totalFen: 0, status: '停保' },
    { name: '渐退 pays through its last month', decisions: [confirm, phaseOut], month: '2026-07', paid: true, totalFen: 50000, status: '渐退' },
    { name: '… and nothing after it even without a 停保 record', decisions: [confirm, phaseOut], month: '2026-08', paid: false, totalFen: 0, status: '停保' },
    { name: 'a record made later with an earlier effective month applies in effective order', decisions: [cut, confirm], month: '2026-12', paid: true, totalFen: 30000, status: '在保' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = stateInMonth(c.decisions, c.month);
      expect([s.paid, s.baseFen + s.topUpFen, s.status]).toEqual([c.paid, c.totalFen, c.status]);
    });
  }
  it('two decisions of the same effective month: the later recorded wins', () => {
    const a = d('增发', '2026-09', '在保', 800), b = d('减发', '2026-09', '在保', 700);
    expect(decisionInForce([b, a], '2026-09')).toBe(b);
  });
});

describe('change lines against the previous month', () => {
  const now = (status: '在保' | '渐退', fen: number) => ({ paid: true, status, baseFen: fen, topUpFen: 0, decision: null });
  const none = { paid: false, status: '停保' as const, baseFen: 0, topUpFen: 0, decision: null };
  const cases = [
    { name: '新增', prev: null, now: now('在保', 50000), kind: '新增' },
    { name: '新增 after a month unpaid', prev: { paid: false, status: '停保', totalFen: 0 }, now: now('在保', 50000), kind: '新增' },
    { name: '停发', prev: { paid: true, status: '在保', totalFen: 50000 }, now: none, kind: '停发' },
    { name: '增发', prev: { paid: true, status: '在保', totalFen: 50000 }, now: now('在保', 60000), kind: '增发' },
    { name: '减发', prev: { paid: true, status: '在保', totalFen: 50000 }, now: now('在保', 40000), kind: '减发' },
    { name: '渐退 with the same amount', prev: { paid: true, status: '在保', totalFen: 50000 }, now: now('渐退', 50000), kind: '渐退' },
    { name: 'unchanged', prev: { paid: true, status: '在保', totalFen: 50000 }, now: now('在保', 50000), kind: null },
    { name: 'never paid, still not paid (a refused applicant is no exit)', prev: null, now: none, kind: null },
  ];
  for (const c of cases) it(c.name, () => expect(monthChange(c.prev, c.now)?.kind ?? null).toBe(c.kind));
});

describe('补发 and 扣回 for closed months', () => {
  it('a later 减发 effective in two closed months gives two 扣回 lines of the difference', () => {
    const later = d('减发', '2026-10', '在保', 1000);
    const paid = new Map([['2026-10', 155300], ['2026-11', 155300]]);
    const a = adjustmentsFor([confirm, later], paid, ['2026-10', '2026-11']);
    expect(a.map((x) => [x.forMonth, x.kind, x.amountFen])).toEqual([['2026-10', '扣回', -55300], ['2026-11', '扣回', -55300]]);
    expect(a[0].decision).toBe(later);
  });
  it('a 增发 gives 补发; a month already settled gives nothing', () => {
    const up = d('增发', '2026-11', '在保', 1500, { topUpFen: 20000 });
    const a = adjustmentsFor([confirm, up], new Map([['2026-10', 155300], ['2026-11', 155300]]), ['2026-10', '2026-11']);
    expect(a.map((x) => [x.forMonth, x.kind, x.amountFen])).toEqual([['2026-11', '补发', 14700]]);
    expect(adjustmentsFor([confirm, up], new Map([['2026-11', 170000]]), ['2026-11'])).toEqual([]);
  });
  it('a retroactive 停保 claws back the whole month', () => {
    const a = adjustmentsFor([confirm, d('停保', '2026-11', '停保', 0)], new Map([['2026-11', 155300]]), ['2026-11']);
    expect(a.map((x) => [x.kind, x.amountFen, x.entitledFen])).toEqual([['扣回', -155300, 0]]);
  });
});

describe('pre-close checks', () => {
  const accountCases: [string, string, string | null][] = [
    ['农村信用社', '6217123412341234123', null],
    ['农村信用社', '', '未填写账号'],
    ['农村信用社', '6217 1234 1234', '账号含空格'],
    ['农村信用社', '62171234１２３４１２３４', '账号格式不正确（应为 10–25 位数字）'],
    ['农村信用社', '621712', '账号格式不正确（应为 10–25 位数字）'],
    ['', '6217123412341234123', '未填写开户银行'],
  ];
  for (const [bank, acct, want] of accountCases) it(`account ${JSON.stringify(acct)} at ${JSON.stringify(bank)} → ${want}`, () => expect(accountProblem(bank, acct)).toBe(want));

  it('names a person paid in two households and an account shared by two households', () => {
    const line = (householdId: number, acct: string, ids: string[]) => ({ householdId, label: `户${householdId}`, bankName: '农行', bankAccount: acct, personIds: ids });
    const p = lineProblems([line(1, '6217000000000001', ['A1', 'A2']), line(2, '6217000000000002', ['A2']), line(3, '6217000000000001', ['A3'])]);
    expect(p.map((x) => [x.rule, x.householdId])).toEqual([['同一人重复发放', 2], ['同一账号发放两户', 3]]);
  });
});

describe('month arithmetic', () => {
  it('adds across years and lists a range', () => {
    expect([addMonths('2026-12', 1), addMonths('2026-01', -1), addMonths('2026-03', 13)]).toEqual(['2027-01', '2025-12', '2027-04']);
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-11', '2026-10')).toEqual([]);
  });
});
