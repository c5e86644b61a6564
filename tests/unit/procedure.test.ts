import { describe, expect, it } from 'vitest';
import { applyStep, countyVisitMissing, deadlines, deadlineState, foldSteps, needsCountySample, refusals, sameAccountRefusal, type ProcedureCase, type StepRecord }
  from '../../src-main/domain/procedure';
import { compileCalendar, OFFICIAL_CALENDARS } from '../../src-main/domain/workdays';

const c2021: ProcedureCase = { ruleSet: '2021', countyVisitRequired: false, delegated: false, special: false };
const c2012: ProcedureCase = { ...c2021, ruleSet: '2012' };
const cal = compileCalendar(OFFICIAL_CALENDARS);

const visit: StepRecord = { kind: 'homeVisit', date: '2026-09-22', payload: { investigators: ['张三', '李四'] } };
const investigation: StepRecord[] = [
  { kind: 'accept', date: '2026-09-21' }, visit,
  { kind: 'verifyRequest', date: '2026-09-22' }, { kind: 'verifyResult', date: '2026-09-24' },
  { kind: 'neighbourVisit', date: '2026-09-24' },
];

/** Applies steps, failing on the first refusal. */
function run(c: ProcedureCase, steps: StepRecord[]) {
  return steps.reduce((f, s) => {
    const r = refusals(c, f, s);
    if (r.length) throw new Error(`${s.kind}: ${r.join('；')}`);
    return applyStep(c, f, s);
  }, foldSteps(c, []));
}

describe('the 审核确认 state machine', () => {
  it('runs 申请 → 受理 → 调查 → 初审 → 公示 → 审核确认 under the 2021 rules', () => {
    const f = run(c2021, [...investigation, { kind: 'preliminary', date: '2026-09-25' }, { kind: 'publicityStart', date: '2026-09-25' },
      { kind: 'publicityEnd', date: '2026-10-02' }, { kind: 'confirm', date: '2026-10-09' }]);
    expect(f.stage).toBe('已确认');
  });

  it('refuses an 初审意见 before the investigation, listing every missing step', () => {
    const f = run(c2021, [{ kind: 'accept', date: '2026-09-21' }, visit]);
    expect(refusals(c2021, f, { kind: 'preliminary', date: '2026-09-23' })).toEqual(['尚缺信息核对申请', '尚缺邻里访问']);
  });

  it('refuses confirmation before the 公示', () => {
    const f = run(c2021, [...investigation, { kind: 'preliminary', date: '2026-09-25' }]);
    expect(refusals(c2021, f, { kind: 'confirm', date: '2026-09-26' })).toEqual(['当前为“待公示”，不能审核确认']);
  });

  it('refuses to end a 公示 before its 7 days', () => {
    const f = run(c2021, [...investigation, { kind: 'preliminary', date: '2026-09-25' }, { kind: 'publicityStart', date: '2026-09-25' }]);
    expect(refusals(c2021, f, { kind: 'publicityEnd', date: '2026-10-01' })[0]).toContain('2026-10-02 起方可结束');
  });

  it('refuses a home visit by one person and a 不予受理 without the missing materials', () => {
    const f = run(c2021, [{ kind: 'accept', date: '2026-09-21' }]);
    expect(refusals(c2021, f, { kind: 'homeVisit', date: '2026-09-22', payload: { investigators: ['张三'] } })).toEqual(['入户调查至少需要 2 名调查人员']);
    expect(refusals(c2021, foldSteps(c2021, []), { kind: 'refuseAccept', date: '2026-09-21', payload: { missing: [] } }))
      .toEqual(['不予受理须一次性列明全部缺少的材料']);
  });

  it('refuses a step dated before the previous one', () => {
    const f = run(c2021, [{ kind: 'accept', date: '2026-09-21' }]);
    expect(refusals(c2021, f, { ...visit, date: '2026-09-20' })).toEqual(['日期不能早于上一步（2026-09-21）']);
  });

  it('sends an objection back to re-investigation and needs a new 初审 and 公示', () => {
    let f = run(c2021, [...investigation, { kind: 'preliminary', date: '2026-09-25' }, { kind: 'publicityStart', date: '2026-09-25' },
      { kind: 'publicityEnd', date: '2026-10-02', payload: { objection: true } }]);
    expect(f.stage).toBe('调查中');
    expect(refusals(c2021, f, { kind: 'preliminary', date: '2026-10-09' })).toEqual(['尚缺公示异议后的重新调查或民主评议']);
    f = run(c2021, [...investigation, { kind: 'preliminary', date: '2026-09-25' }, { kind: 'publicityStart', date: '2026-09-25' },
      { kind: 'publicityEnd', date: '2026-10-02', payload: { objection: true } },
      { kind: 'democraticReview', date: '2026-10-09', payload: { review: { participants: 9, villagerReps: 6, agree: 8, disagree: 1, allSigned: true, conclusion: '同意' } } },
      { kind: 'preliminary', date: '2026-10-09' }]);
    expect(f.stage).toBe('待公示');
  });

  it('needs 民主评议 with two-thirds villager representatives and two 公示 under the 2012 rules', () => {
    const f = run(c2012, investigation);
    expect(refusals(c2012, f, { kind: 'preliminary', date: '2026-09-25' })).toEqual(['尚缺民主评议（2012办法必经）']);
    expect(refusals(c2012, f, { kind: 'democraticReview', date: '2026-09-25',
      payload: { review: { participants: 9, villagerReps: 5, agree: 9, disagree: 0, allSigned: false, conclusion: '同意' } } }))
      .toEqual(['2012办法：村民代表应不少于参加人数的三分之二', '2012办法：全体参加人员须签字']);
    const g = run(c2012, [...investigation,
      { kind: 'democraticReview', date: '2026-09-25', payload: { review: { participants: 9, villagerReps: 6, agree: 9, disagree: 0, allSigned: true, conclusion: '同意' } } },
      { kind: 'preliminary', date: '2026-09-25' }, { kind: 'publicityStart', date: '2026-09-25' }, { kind: 'publicityEnd', date: '2026-10-02' }]);
    expect(g.stage).toBe('待公示');
    expect(run(c2012, [...investigation,
      { kind: 'democraticReview', date: '2026-09-25', payload: { review: { participants: 9, villagerReps: 6, agree: 9, disagree: 0, allSigned: true, conclusion: '同意' } } },
      { kind: 'preliminary', date: '2026-09-25' }, { kind: 'publicityStart', date: '2026-09-25' }, { kind: 'publicityEnd', date: '2026-10-02' },
      { kind: 'publicityStart', date: '2026-10-09' }, { kind: 'publicityEnd', date: '2026-10-16' }]).stage).toBe('待确认');
  });

  it('requires a county home visit before confirming a near-relative case', () => {
    const c = { ...c2021, countyVisitRequired: true };
    const f = run(c, [...investigation, { kind: 'preliminary', date: '2026-09-25' }, { kind: 'publicityStart', date: '2026-09-25' },
      { kind: 'publicityEnd', date: '2026-10-02' }]);
    expect(refusals(c, f, { kind: 'confirm', date: '2026-10-09' })).toEqual(['本案须县级入户核查（近亲属备案或抽查），尚未登记']);
    expect(applyStep(c, applyStep(c, f, { kind: 'countyVisit', date: '2026-10-09' }), { kind: 'confirm', date: '2026-10-09' }).stage).toBe('已确认');
  });

  it('asks for a county sample until 30 % of 2012 cases have one', () => {
    expect(needsCountySample(0, 0)).toBe(true);
    expect(needsCountySample(1, 1)).toBe(false);
    expect(needsCountySample(1, 3)).toBe(true);
  });
});

describe('working-day deadlines of a case', () => {
  it('dates the investigation and whole-procedure deadlines across the 2025 National Day holiday', () => {
    const f = foldSteps(c2021, [{ kind: 'accept', date: '2025-09-26' }]);
    const d = deadlines(c2021, f, cal);
    expect(d.find((x) => x.key === 'investigation')!.due).toBe('2025-09-30');
    expect(d.find((x) => x.key === 'total')!.due).toBe('2025-11-13'); // 9-28 make-up, 10-1..10-8 off, 10-11 make-up
    expect(deadlines({ ...c2021, delegated: true }, f, cal).find((x) => x.key === 'total')!.due).toBe('2025-10-30');
  });

  it('marks deadlines overdue, due soon or done', () => {
    const f = foldSteps(c2021, [{ kind: 'accept', date: '2025-09-26' }]);
    const inv = deadlines(c2021, f, cal).find((x) => x.key === 'investigation')!;
    expect(deadlineState(inv, '2025-10-09', cal)).toBe('已逾期');
    expect(deadlineState(inv, '2025-09-28', cal)).toBe('即将到期');
    const g = applyStep(c2021, f, visit);
    expect(deadlineState(deadlines(c2021, g, cal).find((x) => x.key === 'investigation')!, '2025-12-01', cal)).toBe('已完成');
  });

  it('gives the rejection notice 3 working days, the third being the 10-10 make-up Saturday', () => {
    const f = foldSteps(c2021, [{ kind: 'refuseAccept', date: '2026-09-30', payload: { missing: ['户口簿'] } }]);
    expect(deadlines(c2021, f, cal)).toEqual([{ key: 'notice', label: '3 个工作日内书面告知理由', due: '2026-10-10', doneOn: null, unverified: [] }]);
  });

  it('marks a deadline counted into a year without an official calendar (2027 元旦 would count as a working day)', () => {
    const f = foldSteps(c2021, [{ kind: 'accept', date: '2026-12-01' }]);
    const d = deadlines(c2021, f, cal);
    expect(d.find((x) => x.key === 'investigation')).toMatchObject({ due: '2026-12-04', unverified: [] });
    expect(d.find((x) => x.key === 'total')).toMatchObject({ due: '2027-01-12', unverified: [2027] });
  });
});

describe('who decides (issue 13 item 7)', () => {
  const prelim = { kind: 'preliminary' as const, userId: 5, username: 'shenhe', displayName: '王审核' };
  it.each([
    ['the 初审 account confirming', [prelim], 'confirm', { userId: 5, username: 'shenhe' }, '初审意见与审核确认须由不同账号办理：本案初审意见已由“王审核”登记'],
    ['the 初审 account refusing', [prelim], 'refuseConfirm', { userId: 5, username: 'shenhe' }, '初审意见与不予确认须由不同账号办理'],
    ['same user id, other username', [prelim], 'confirm', { userId: 5, username: 'other' }, '须由不同账号办理'],
    ['same username, no user id (CLI, demo)', [{ ...prelim, userId: null }], 'confirm', { userId: null, username: 'shenhe' }, '须由不同账号办理'],
    ['another account', [prelim], 'confirm', { userId: 6, username: 'shenhe2' }, null],
    ['both without id, other names', [{ ...prelim, userId: null }], 'confirm', { userId: null, username: 'admin' }, null],
    ['a step other than the decision', [prelim], 'countyVisit', { userId: 5, username: 'shenhe' }, null],
    ['no 初审 yet', [], 'confirm', { userId: 5, username: 'shenhe' }, null],
  ] as const)('%s', (_n, steps, kind, actor, expected) => {
    const r = sameAccountRefusal(steps, kind, actor);
    if (expected === null) expect(r).toBeNull(); else expect(r).toContain(expected);
  });

  const P: StepRecord[] = [...investigation, { kind: 'preliminary', date: '2026-09-25' }, { kind: 'publicityStart', date: '2026-09-25' }];
  const objection: StepRecord = { kind: 'publicityEnd', date: '2026-10-02', payload: { objection: true } };
  const again: StepRecord[] = [{ ...visit, date: '2026-10-03' }, { kind: 'preliminary', date: '2026-10-03' }, { kind: 'publicityStart', date: '2026-10-03' },
    { kind: 'publicityEnd', date: '2026-10-10' }];
  const county = (date: string): StepRecord => ({ kind: 'countyVisit', date });
  const end: StepRecord = { kind: 'publicityEnd', date: '2026-10-02' };
  it.each([
    ['no objection, no complaint', [...P, end], {}, 0],
    ['an objection answered by re-investigation, no county visit', [...P, objection, ...again], {}, 1],
    ['an objection, county visit before it', [...investigation, county('2026-09-24'), ...P.slice(-2), objection, ...again], {}, 1],
    ['an objection, county visit after it', [...P, objection, county('2026-10-02'), ...again], {}, 0],
    ['a complaint, no visit', [...P, end], { complaintOn: '2026-09-30' }, 1],
    ['a complaint, county visit before it', [...P, county('2026-09-29'), end], { complaintOn: '2026-09-30' }, 1],
    ['a complaint, county visit after it', [...P, county('2026-09-30'), end], { complaintOn: '2026-09-30' }, 0],
  ] as [string, StepRecord[], Partial<ProcedureCase>, number][])('%s', (_n, steps, extra, missing) => {
    const c = { ...c2021, ...extra };
    const f = run(c, steps);
    expect(f.stage).toBe('待确认');
    expect(countyVisitMissing(c, f)).toHaveLength(missing);
    const r = refusals(c, f, { kind: 'confirm', date: '2026-10-12' });
    expect(r.filter((x) => x.includes('第二十条'))).toHaveLength(missing);
  });

  it('a special limit: needs a reason, not twice, not after the case is closed; keeps the stage and the order of dates', () => {
    const f = run(c2021, investigation);
    expect(refusals(c2021, f, { kind: 'specialLimit', date: '2026-09-24', payload: { reason: '' } })).toEqual(['按特殊情况延长办理时限须写明理由（至少 4 个字）']);
    expect(refusals({ ...c2021, special: true }, f, { kind: 'specialLimit', date: '2026-09-24', payload: { reason: '异地核查需要时间' } })).toContain('本案已按特殊情况（45 个工作日）办理');
    const after = applyStep(c2021, f, { kind: 'specialLimit', date: '2026-09-30', payload: { reason: '异地核查需要时间' } });
    expect(after).toEqual(f);
    const closed = run(c2021, [{ kind: 'refuseAccept', date: '2026-09-21', payload: { missing: ['收入证明'] } }]);
    expect(refusals(c2021, closed, { kind: 'specialLimit', date: '2026-09-24', payload: { reason: '异地核查需要时间' } })[0]).toContain('办结后不能再调整办理时限');
  });
});
