import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorOf, callAs, ok, testServices } from '../helpers/services';
import { seedHousehold, zhongshanSettings } from './applications-helpers';
import { outboxPath } from '../../src-main/ipc/files';
import type { Actor } from '../../src-main/ipc/contract';

// Issue 13 item 7 (谁来决定): 初审 and 审核确认 by different accounts; the county's decision recorded when the
// township is not delegated and named on the papers; the county visit after an objection or a complaint (第二十条);
// the special 45-day limit set later with a reason.
type S = ReturnType<typeof testServices>;
const clerk: Actor = { userId: 21, username: 'jingban', displayName: '李经办', role: 'clerk' };
const reviewer: Actor = { userId: 22, username: 'shenhe', displayName: '王审核', role: 'reviewer' };
const second: Actor = { userId: 23, username: 'shenhe2', displayName: '周审核', role: 'reviewer' };
const county = { decider: '陈科长', unit: '示范县民政局', documentNo: '示民发〔2025〕31号', decidedOn: '2025-10-20' };

async function toConfirmation(s: S, o: { objection?: boolean; delegated?: boolean } = {}) {
  const hh = seedHousehold(s, { incomeFen: 210000 });
  if (o.delegated) await ok(s, 'settings.set', { key: 'applications.delegated', value: true });
  const { id } = await ok(s, 'applications.start', { householdId: hh, appliedOn: '2025-09-24', reason: '因病致贫' }, clerk);
  if (o.delegated) await ok(s, 'settings.set', { key: 'applications.delegated', value: false }); // the next case is the county's again
  const rec = (input: Record<string, unknown>) => ok(s, 'applications.record', { applicationId: id, ...input }, clerk);
  const investigate = async (day: string) => {
    await rec({ kind: 'homeVisit', date: day, investigators: ['王调查', '刘村干'], presentMembers: ['张建国'], findings: '住房简陋' });
    await rec({ kind: 'verifyRequest', date: day });
    await rec({ kind: 'verifyResult', date: day, result: '无车辆' });
    await rec({ kind: 'neighbourVisit', date: day, neighbours: '邻居赵某', findings: '属实' });
    await ok(s, 'applications.review', { applicationId: id, date: day, opinion: '同意' }, reviewer);
  };
  await rec({ kind: 'accept', date: '2025-09-26' });
  await investigate('2025-09-28');
  await rec({ kind: 'publicityStart', date: '2025-09-29', place: '村务公开栏' });
  if (o.objection) {
    await rec({ kind: 'publicityEnd', date: '2025-10-06', objection: true, objectionNote: '有村民反映其子在外务工' });
    await investigate('2025-10-08');
    await rec({ kind: 'publicityStart', date: '2025-10-09', place: '村务公开栏' });
    await rec({ kind: 'publicityEnd', date: '2025-10-16', objection: false });
  } else {
    await rec({ kind: 'publicityEnd', date: '2025-10-06', objection: false });
  }
  return { id, hh };
}
const stepCount = (s: S, id: number) => s.handle.sqlite.prepare('SELECT COUNT(*) FROM application_steps WHERE application_id = ?').pluck().get(id);

describe('初审 and 审核确认 by different accounts (setting applications.separateConfirm, on by default)', () => {
  let s: S;
  beforeEach(() => { s = testServices(); zhongshanSettings(s); });
  afterEach(() => s.close());

  it('refuses the 初审 account at the channel, naming both steps, writes nothing, and lets another account confirm', async () => {
    const { id } = await toConfirmation(s);
    const before = stepCount(s, id);
    for (const kind of ['confirm', 'refuseConfirm']) {
      const r = await callAs(s, reviewer, 'applications.confirm', { applicationId: id, kind, date: '2025-10-20', reason: '收入不实', county });
      expect(r).toMatchObject({ ok: false, error: { code: 'STEP_REFUSED' } });
      expect(!r.ok && r.error.message).toContain(`初审意见与${kind === 'confirm' ? '审核确认' : '不予确认'}须由不同账号办理`);
      expect(!r.ok && r.error.message).toContain('王审核');
    }
    // The same account under another display name or role is still the same account (user id or username).
    const renamed = await callAs(s, { ...reviewer, displayName: '王某', role: 'admin' }, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', county });
    expect(renamed).toMatchObject({ ok: false, error: { code: 'STEP_REFUSED' } });
    const sameName = await callAs(s, { ...second, username: 'shenhe' }, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', county });
    expect(sameName).toMatchObject({ ok: false, error: { code: 'STEP_REFUSED' } });
    expect(stepCount(s, id)).toBe(before);
    await ok(s, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', county }, second);
    expect((await ok(s, 'applications.get', { id })).stage).toBe('已确认');
  });

  it('refuses it through the handoff too: the reviewer who signed the 初审 cannot accept the clerk\'s 审核确认 record', async () => {
    const { id } = await toConfirmation(s);
    const { handoffId } = await ok(s, 'applications.handoff.prepare', { applicationId: id, kind: 'confirm', date: '2025-10-20', opinion: '同意' }, clerk);
    const r = await callAs(s, reviewer, 'applications.handoff.decide', { handoffId, accept: true, county });
    expect(!r.ok && r.error.message).toContain('初审意见与审核确认须由不同账号办理');
    expect((await ok(s, 'applications.handoff.queue', {}, reviewer)).map((h: { id: number }) => h.id)).toEqual([handoffId]);
    await ok(s, 'applications.handoff.decide', { handoffId, accept: true, county }, second);
    expect((await ok(s, 'applications.get', { id })).steps.at(-1)).toMatchObject({ kind: 'confirm', by: '周审核', county: { documentNo: '示民发〔2025〕31号' } });
  });

  it('the setting is checked by its own schema, audited, and off lets one account do both', async () => {
    const bad = await callAs(s, actorOf('admin'), 'settings.set', { key: 'applications.separateConfirm', value: 'no' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!bad.ok && bad.error.message).toContain('应为开或关');
    expect(await callAs(s, reviewer, 'settings.set', { key: 'applications.separateConfirm', value: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await ok(s, 'settings.set', { key: 'applications.separateConfirm', value: false });
    const { id } = await toConfirmation(s);
    await ok(s, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', county }, reviewer);
    const audit = s.handle.sqlite.prepare("SELECT COUNT(*) FROM audit_log WHERE entity = 'setting' AND entity_id = 'applications.separateConfirm'").pluck().get();
    expect(audit).toBe(1);
  });
});

describe('the county decides when the township is not delegated', () => {
  let s: S;
  beforeEach(() => { s = testServices(); zhongshanSettings(s); });
  afterEach(() => s.close());

  it('requires the county decision (each field under its name), refuses a date after the step, stores and shows it', async () => {
    const { id, hh } = await toConfirmation(s);
    const none = await callAs(s, second, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20' });
    expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!none.ok && none.error.message).toContain('须登记县级民政部门的决定');
    expect(!none.ok && (none.error.details as { path: string }[]).map((d) => d.path)).toEqual(['county.decider', 'county.unit', 'county.documentNo', 'county.decidedOn']);
    const blank = await callAs(s, second, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', county: { ...county, documentNo: '  ' } });
    expect(!blank.ok && blank.error.message).toContain('请填写文号');
    const late = await callAs(s, second, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', county: { ...county, decidedOn: '2025-10-21' } });
    expect(!late.ok && late.error.message).toContain('县级决定日期不能晚于本步骤日期');
    const early = await callAs(s, second, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', county: { ...county, decidedOn: '2025-10-01' } });
    expect(!early.ok && early.error.message).toContain('不能早于公示结束');
    expect(s.handle.sqlite.prepare('SELECT COUNT(*) FROM county_decisions').pluck().get()).toBe(0);

    await ok(s, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', county }, second);
    const d = await ok(s, 'applications.get', { id });
    expect(d.decidingOrg).toBe('示范县民政局');
    expect(d.steps.at(-1).county).toMatchObject({ decider: '陈科长', unit: '示范县民政局', documentNo: '示民发〔2025〕31号', decidedOn: '2025-10-20', enteredBy: '周审核' });
    const event = s.handle.sqlite.prepare("SELECT reason FROM household_events WHERE household_id = ? AND type = '状态变更' ORDER BY id DESC").pluck().get(hh);
    expect(event).toContain('县级决定：示范县民政局 陈科长，示民发〔2025〕31号，2025年10月20日');
    expect(s.handle.sqlite.prepare("SELECT COUNT(*) FROM audit_log WHERE entity = 'county_decision'").pluck().get()).toBe(1);
  });

  it('a case cannot claim delegation against the setting (a clerk could skip the county decision)', async () => {
    const hh = seedHousehold(s);
    const r = await callAs(s, clerk, 'applications.start', { householdId: hh, appliedOn: '2025-09-24', delegated: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!r.ok && r.error.message).toContain('未下放乡镇（系统设置），不能按申请另行设定');
    expect(s.handle.sqlite.prepare('SELECT COUNT(*) FROM applications').pluck().get()).toBe(0);
  });

  it('a delegated case is decided by the township: no county decision is taken, and the papers name who decided', async () => {
    const { id: delegatedId } = await toConfirmation(s, { delegated: true });
    const extra = await callAs(s, second, 'applications.confirm', { applicationId: delegatedId, kind: 'confirm', date: '2025-10-20', county });
    expect(!extra.ok && extra.error.message).toContain('已下放乡镇');
    await ok(s, 'applications.confirm', { applicationId: delegatedId, kind: 'confirm', date: '2025-10-20' }, second);
    expect((await ok(s, 'applications.get', { id: delegatedId })).decidingOrg).toBe('青溪镇人民政府');
    const { id: countyId } = await toConfirmation(s);
    await ok(s, 'applications.confirm', { applicationId: countyId, kind: 'confirm', date: '2025-10-20', county }, second);

    const pdf = async (document: string, args: unknown) => {
      const r = await ok(s, 'print.render', { document, args });
      return execFileSync('pdftotext', ['-layout', outboxPath(s.dir, r.outboxName), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    };
    const table = await pdf('applications.confirmation', { applicationId: countyId });
    expect(table).toContain('县级决定：示范县民'); // the cell wraps beside the name and date columns
    expect(table).toContain('政局陈科长，示民发〔2025〕31号，2025年10月20日');
    expect(table).toMatch(/（盖章）.*示范县民政局2025年10月20日/); // signed by the body that decided
    const village = (id: number) => s.handle.sqlite.prepare('SELECT h.village_id FROM applications a JOIN households h ON h.id = a.household_id WHERE a.id = ?').pluck().get(id);
    const notice = (id: number) => pdf('notice.confirm', { villageId: village(id), fromMonth: '2025-11', toMonth: '2025-11', date: '2025-10-21' });
    expect(await notice(delegatedId)).toContain('经青溪镇人民政府审核确认');
    const countyNotice = await notice(countyId);
    expect(countyNotice).toContain('经示范县民政局审核确认');
    expect(countyNotice).not.toContain('示民发'); // the 文号 stays on the case papers, not the public notice
  });
});

describe('第二十条: an objection or a complaint requires the county visit before 审核确认', () => {
  let s: S;
  beforeEach(() => { s = testServices(); zhongshanSettings(s); });
  afterEach(() => s.close());

  it('an objection in the 公示: refused until a county visit dated after the objection, even after re-investigation', async () => {
    const { id } = await toConfirmation(s, { objection: true });
    const visitBefore = async (date: string) => ok(s, 'applications.record', { applicationId: id, kind: 'countyVisit', date, visitors: ['县民政局陈某'], findings: '属实' }, clerk);
    const d = await ok(s, 'applications.get', { id });
    expect(d.countyVisitMissing).toEqual(['本案公示有异议（2025年10月6日），须县级入户核查（第二十条），2025年10月6日以后尚未登记']);
    const r = await callAs(s, second, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', county });
    expect(!r.ok && r.error.message).toContain('须县级入户核查（第二十条）');
    await visitBefore('2025-10-17');
    await ok(s, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', county }, second);
  });

  it('a 信访举报 on the household since the application: refused until the county visit; an older complaint does not count', async () => {
    const { id, hh } = await toConfirmation(s);
    const complain = (receivedDate: string) => ok(s, 'supervision.complaints.save', { receivedDate, channel: '来信', content: '反映该户有车辆', householdIds: [hh] }, clerk);
    await complain('2024-05-01');
    expect((await ok(s, 'applications.get', { id })).countyVisitMissing).toEqual([]);
    await complain('2025-10-08');
    const r = await callAs(s, second, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', county });
    expect(!r.ok && r.error.message).toContain('本户有信访举报（2025年10月8日收到），须县级入户核查（第二十条）');
    // The clerk's handoff is refused at once for the same reason.
    const h = await callAs(s, clerk, 'applications.handoff.prepare', { applicationId: id, kind: 'confirm', date: '2025-10-20' });
    expect(!h.ok && h.error.message).toContain('信访举报');
    await ok(s, 'applications.record', { applicationId: id, kind: 'countyVisit', date: '2025-10-20', visitors: ['县民政局陈某'], findings: '无车辆' }, clerk);
    await ok(s, 'applications.confirm', { applicationId: id, kind: 'confirm', date: '2025-10-20', county }, second);
  });
});

describe('the special 45-working-day limit', () => {
  let s: S;
  beforeEach(() => { s = testServices(); zhongshanSettings(s); });
  afterEach(() => s.close());

  it('can be set later by a reviewer with a reason: audited, on the record, the limit becomes 45; not twice, not on a closed case', async () => {
    const hh = seedHousehold(s, { incomeFen: 210000 });
    const { id } = await ok(s, 'applications.start', { householdId: hh, appliedOn: '2025-09-24' }, clerk);
    await ok(s, 'applications.record', { applicationId: id, kind: 'accept', date: '2025-09-26' }, clerk);
    const total = async () => (await ok(s, 'applications.get', { id })).deadlines.find((x: { key: string }) => x.key === 'total');
    expect((await total()).label).toBe('全程 30 个工作日内办结');
    expect(await callAs(s, clerk, 'applications.setSpecial', { applicationId: id, reason: '家庭成员在外地住院，需异地核查' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const noReason = await callAs(s, reviewer, 'applications.setSpecial', { applicationId: id, reason: ' 无 ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await ok(s, 'applications.setSpecial', { applicationId: id, date: '2025-09-30', reason: '家庭成员在外地住院，需异地核查' }, reviewer);
    expect((await total()).label).toBe('全程 45 个工作日内办结');
    const d = await ok(s, 'applications.get', { id });
    expect(d.special).toBe(true);
    expect(d.stage).toBe('调查中');
    expect(d.steps.at(-1)).toMatchObject({ kind: 'specialLimit', label: '特殊情况办理时限', reason: '家庭成员在外地住院，需异地核查', by: '王审核', date: '2025-09-30' });
    expect(s.handle.sqlite.prepare("SELECT COUNT(*) FROM audit_log WHERE entity = 'application_step' AND after LIKE '%specialLimit%'").pluck().get()).toBe(1);
    const again = await callAs(s, reviewer, 'applications.setSpecial', { applicationId: id, reason: '再次延长办理时限' });
    expect(!again.ok && again.error.message).toContain('已按特殊情况');
    // An earlier date than the record's last step is refused (the limit cannot be set "back then").
    const { id: other } = await ok(s, 'applications.start', { householdId: seedHousehold(s), appliedOn: '2025-09-24' }, clerk);
    await ok(s, 'applications.record', { applicationId: other, kind: 'refuseAccept', date: '2025-09-25', missing: ['收入证明'] }, clerk);
    const closed = await callAs(s, reviewer, 'applications.setSpecial', { applicationId: other, reason: '材料需补充核查' });
    expect(!closed.ok && closed.error.message).toContain('办结后不能再调整办理时限');
  });

  it('set at the start needs a reason too, and the reason is a step of the record', async () => {
    const hh = seedHousehold(s);
    const bare = await callAs(s, clerk, 'applications.start', { householdId: hh, appliedOn: '2025-09-24', special: true });
    expect(bare).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'specialReason' }] } });
    const { id } = await ok(s, 'applications.start', { householdId: hh, appliedOn: '2025-09-24', special: true, specialReason: '户主失联，需公安协查' }, clerk);
    const d = await ok(s, 'applications.get', { id });
    expect(d.steps.map((x: { kind: string }) => x.kind)).toEqual(['apply', 'specialLimit']);
    expect(d.steps[1]).toMatchObject({ reason: '户主失联，需公安协查' });
  });
});
