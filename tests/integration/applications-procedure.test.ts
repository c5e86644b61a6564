import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorOf, callAs, ok, testServices } from '../helpers/services';
import { seedHousehold, zhongshanSettings } from './applications-helpers';
import { listeners } from '../../src-main/features/events';

type S = ReturnType<typeof testServices>;
const clerk = actorOf('clerk');
const reviewer = actorOf('reviewer');
const readonly = actorOf('readonly');
/** 初审 and 审核确认 of one case by different accounts (applications.separateConfirm, on by default). */
const confirmer = actorOf('reviewer', 'reviewer2');
/** Not delegated (the default): the 审核确认 step records the county's decision, entered from its reply. */
const county = { decider: '陈科长', unit: '示范县民政局', documentNo: '示民发〔2025〕31号', decidedOn: '2025-10-20' };

/** Runs a case from 申请 to 待确认 with the 2021 rules, the National Day holiday of 2025 in between. */
async function toConfirmation(s: S, householdId: number, accept: Record<string, unknown> = {}) {
  const { id } = await ok(s, 'applications.start', { householdId, appliedOn: '2025-09-24', reason: '因病致贫' }, clerk);
  const rec = (input: Record<string, unknown>) => ok(s, 'applications.record', { applicationId: id, ...input }, clerk);
  await rec({ kind: 'accept', date: '2025-09-26', ...accept });
  await rec({ kind: 'homeVisit', date: '2025-09-28', investigators: ['王调查', '刘村干'], presentMembers: ['张建国'], findings: '住房简陋，户主务工收入不稳定' });
  await rec({ kind: 'verifyRequest', date: '2025-09-28' });
  await rec({ kind: 'verifyResult', date: '2025-10-09', result: '无车辆、无工商登记' });
  await rec({ kind: 'neighbourVisit', date: '2025-10-09', neighbours: '邻居赵某', findings: '情况属实' });
  await ok(s, 'applications.review', { applicationId: id, date: '2025-10-10', opinion: '同意', reason: '符合条件' }, reviewer);
  await rec({ kind: 'publicityStart', date: '2025-10-10', place: '村务公开栏' });
  await rec({ kind: 'publicityEnd', date: '2025-10-17', objection: false });
  return id;
}

describe('审核确认 channels', () => {
  let s: S;
  beforeEach(() => { s = testServices(); zhongshanSettings(s); });
  afterEach(() => s.close());

  it('runs one application from 申请 to 确认 and puts the household on 在保 from the next month with the amount to the fen', async () => {
    const hh = seedHousehold(s, { incomeFen: 210000 });
    const id = await toConfirmation(s, hh);
    const r = await ok(s, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', opinion: '同意', county }, confirmer);
    expect(r.stage).toBe('已确认');
    const detail = await ok(s, 'applications.get', { id });
    expect(detail.amountFen).toBe(164000);
    expect(detail.topUpFen).toBe(44000);
    expect(detail.startMonth).toBe('2025-11');
    expect(detail.steps.map((x: { label: string }) => x.label)).toEqual(['申请', '受理', '入户调查', '信息核对申请', '信息核对结果', '邻里访问',
      '初审意见', '公示开始', '公示结束', '审核确认']);
    expect(detail.steps.at(-1)).toMatchObject({ by: 'reviewer2', role: '审核人', opinion: '同意', date: '2025-10-20' });
    const h = s.handle.sqlite.prepare('SELECT status, monthly_amount_fen AS m, top_up_fen AS t, start_month AS sm FROM households WHERE id = ?').get(hh);
    expect(h).toEqual({ status: '在保', m: 120000, t: 44000, sm: '2025-11' });
    expect(detail.deadlines.find((d: { key: string }) => d.key === 'investigation')).toMatchObject({ due: '2025-09-30', doneOn: '2025-09-28', state: '已完成' });
  });

  it('refuses each step to the wrong role', async () => {
    const hh = seedHousehold(s, { incomeFen: 210000 });
    const id = await toConfirmation(s, hh);
    const asClerk = await callAs(s, clerk, 'applications.confirm', { applicationId: id, kind: 'confirm' });
    expect(asClerk.ok ? '' : asClerk.error.code).toBe('FORBIDDEN');
    const asReader = await callAs(s, readonly, 'applications.record', { applicationId: id, kind: 'countyVisit', visitors: ['县局'], findings: '属实' });
    expect(asReader.ok ? '' : asReader.error.code).toBe('FORBIDDEN');
    const reviewerRecords = await callAs(s, reviewer, 'applications.start', { householdId: hh, appliedOn: '2025-09-24' });
    expect(reviewerRecords.ok ? '' : reviewerRecords.error.code).toBe('FORBIDDEN');
  });

  it('refuses a transition that skips a step, with the reason, and writes nothing', async () => {
    const hh = seedHousehold(s, { incomeFen: 210000 });
    const { id } = await ok(s, 'applications.start', { householdId: hh, appliedOn: '2025-09-24' }, clerk);
    await ok(s, 'applications.record', { applicationId: id, kind: 'accept', date: '2025-09-26' }, clerk);
    const r = await callAs(s, reviewer, 'applications.review', { applicationId: id, date: '2025-09-27', opinion: '同意' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('不能登记初审意见：尚缺入户调查；尚缺信息核对申请；尚缺邻里访问');
    const conf = await callAs(s, confirmer, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-09-27', county });
    expect(conf.ok ? '' : conf.error.message).toBe('不能登记审核确认：当前为“调查中”，不能审核确认');
    expect((await ok(s, 'applications.get', { id })).steps).toHaveLength(2);
  });

  it('keeps decisions insert-only: a refusal to confirm adds a record with its reason and the household becomes 未通过', async () => {
    const hh = seedHousehold(s, { incomeFen: 210000 });
    const id = await toConfirmation(s, hh);
    const bad = await callAs(s, confirmer, 'applications.confirm', { applicationId: id, kind: 'refuseConfirm', date: '2025-10-20', county });
    expect(bad.ok).toBe(false);
    await ok(s, 'applications.confirm', { applicationId: id, kind: 'refuseConfirm', date: '2025-10-20', reason: '家庭有商铺出租收入未申报', county }, confirmer);
    const d = await ok(s, 'applications.get', { id });
    expect(d.stage).toBe('不予确认');
    expect(d.steps.at(-1)).toMatchObject({ kind: 'refuseConfirm', reason: '家庭有商铺出租收入未申报' });
    expect(d.deadlines.find((x: { key: string }) => x.key === 'notice')).toMatchObject({ due: '2025-10-23' });
    expect((s.handle.sqlite.prepare('SELECT status FROM households WHERE id = ?').get(hh) as { status: string }).status).toBe('未通过');
    await ok(s, 'applications.record', { applicationId: id, kind: 'noticeServed', date: '2025-10-21' }, clerk);
    expect((await ok(s, 'applications.get', { id })).offered).toEqual([]);
  });

  it('emits applicationAccepted and requires a county visit for a near-relative case', async () => {
    const seen: number[] = [];
    const listener = (_c: unknown, e: { applicationId: number }) => { seen.push(e.applicationId); };
    listeners.applicationAccepted.push(listener);
    try {
      const hh = seedHousehold(s, { incomeFen: 210000 });
      const id = await toConfirmation(s, hh, { nearRelative: true, nearRelativeNote: '户主系村委委员张某之弟' });
      expect(seen).toEqual([id]);
      const r = await callAs(s, confirmer, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', county });
      expect(r.ok ? '' : r.error.message).toContain('须县级入户核查');
      await ok(s, 'applications.record', { applicationId: id, kind: 'countyVisit', date: '2025-10-20', visitors: ['县民政局陈某'], findings: '属实' }, clerk);
      await ok(s, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', county }, confirmer);
    } finally {
      listeners.applicationAccepted.splice(listeners.applicationAccepted.indexOf(listener), 1);
    }
  });

  it('refuses to confirm a household whose income is above the standard', async () => {
    const hh = seedHousehold(s, { incomeFen: 400000 });
    const id = await toConfirmation(s, hh);
    const r = await callAs(s, confirmer, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', county });
    expect(r.ok ? '' : r.error.message).toContain('请作不予确认');
  });

  it('blocks a household with two false declarations for one year, with a clear message', async () => {
    const hh = seedHousehold(s, { status: '未通过' });
    await ok(s, 'applications.falseDeclaration', { householdId: hh, date: '2025-01-10', note: '隐瞒务工收入' }, clerk);
    await ok(s, 'applications.start', { householdId: hh, appliedOn: '2025-02-01' }, clerk).then(async ({ id }) =>
      ok(s, 'applications.record', { applicationId: id, kind: 'refuseAccept', date: '2025-02-02', missing: ['收入证明'] }, clerk));
    await ok(s, 'applications.falseDeclaration', { householdId: hh, date: '2025-03-15', note: '再次隐瞒车辆' }, clerk);
    const r = await callAs(s, clerk, 'applications.start', { householdId: hh, appliedOn: '2025-06-01' });
    expect(r.ok ? '' : r.error.message).toBe('该户已两次虚假申报，列入诚信黑名单，2026年3月15日 前不得申请低保');
    await ok(s, 'applications.start', { householdId: hh, appliedOn: '2026-03-15' }, clerk);
  });

  it('lists due and overdue deadlines by village', async () => {
    const hh = seedHousehold(s, { incomeFen: 210000 });
    const { id } = await ok(s, 'applications.start', { householdId: hh, appliedOn: '2025-09-24' }, clerk);
    await ok(s, 'applications.record', { applicationId: id, kind: 'accept', date: '2025-09-26' }, clerk);
    const w = await ok(s, 'applications.worklist', {});
    expect(w.rows.map((r: { key: string; state: string }) => [r.key, r.state])).toEqual([['investigation', '已逾期'], ['total', '已逾期']]);
    expect(w.villages).toEqual([{ village: expect.stringContaining('石桥村'), overdue: 2, due: 0 }]);
  });

  it('lists only the chosen village\'s cases when the worklist is filtered by village', async () => {
    const [first, second] = [seedHousehold(s), seedHousehold(s)];
    for (const hh of [first, second]) {
      const { id } = await ok(s, 'applications.start', { householdId: hh, appliedOn: '2025-09-24' }, clerk);
      await ok(s, 'applications.record', { applicationId: id, kind: 'accept', date: '2025-09-26' }, clerk);
    }
    const villageOf = (hh: number) => (s.handle.sqlite.prepare('SELECT village_id AS v FROM households WHERE id = ?').get(hh) as { v: number }).v;
    const w = await ok(s, 'applications.worklist', { villageId: villageOf(second) });
    expect(w.rows.map((r: { householdId: number; key: string }) => [r.householdId, r.key])).toEqual([[second, 'investigation'], [second, 'total']]);
  });
});

describe('单人保 参照单人户 (issue 13 item 5)', () => {
  let s: S;
  beforeEach(() => { s = testServices(); zhongshanSettings(s); });
  afterEach(() => s.close());

  it('a seriously ill child of a 低保边缘 family is computed on their own and the case confirms', async () => {
    const hh = seedHousehold(s, { incomeFen: 400000 }); // 4,000 元 ÷ 3 = 1,333 元: above the 1,100 元 standard, under 1.5×
    const child = s.handle.sqlite.prepare("SELECT id FROM members WHERE household_id = ? AND relation = '长子'").pluck().get(hh) as number;
    s.handle.sqlite.prepare("UPDATE households SET edge_family = 1 WHERE id = ?").run(hh);
    await ok(s, 'households.updateMember', { memberId: child, facts: { health: '重病' }, reason: '白血病' }, clerk);
    await ok(s, 'households.setCoverage', { householdId: hh, mode: '单人保', memberIds: [child], reason: '重病单人保' }, clerk);
    const calc = await ok(s, 'applications.calculate', { householdId: hh, date: '2025-10-20' });
    expect(calc).toMatchObject({ eligibility: '低保边缘', amountFen: 154000, topUpFen: 44000 }); // 1,100 − 0 + 40 % for a minor
    expect(calc.steps.map((x: { label: string }) => x.label)).toContain('单人保参照单人户：张子豪');
    const id = await toConfirmation(s, hh);
    await ok(s, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', opinion: '同意', county }, confirmer);
    expect(s.handle.sqlite.prepare('SELECT status, monthly_amount_fen + top_up_fen AS fen FROM households WHERE id = ?').get(hh))
      .toEqual({ status: '在保', fen: 154000 });
  });
});
