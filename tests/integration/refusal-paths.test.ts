import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorOf, callAs, dbFingerprint, ok, testServices } from '../helpers/services';
import { seedHousehold, zhongshanSettings } from './applications-helpers';
import { saveToInbox } from '../../src-main/ipc/files';

/**
 * Issue 18: a procedure rule refused in main (not zod) carries the input field it is about in details ({ path, message }),
 * so the form shows it under that field; a refusal of the step as a whole has path ''. Through the router, as the
 * renderer sees it, with ISO dates in the words read as 2025年9月26日.
 */
type S = ReturnType<typeof testServices>;
type Detail = { path: string; message: string };
const clerk = actorOf('clerk');

async function refused(s: S, channel: string, input: unknown, actor = clerk) {
  const before = dbFingerprint(s);
  const r = await callAs(s, actor, channel, input);
  expect(r.ok, `${channel} should be refused`).toBe(false);
  expect(dbFingerprint(s), 'nothing written').toBe(before);
  if (r.ok) throw new Error('unreachable');
  return { code: r.error.code, message: r.error.message, details: r.error.details as Detail[] };
}
const byPath = (d: Detail[]) => Object.fromEntries(d.map((x) => [x.path, x.message]));

describe('procedure refusals carry a field path', () => {
  let s: S;
  let app: number;
  beforeEach(async () => {
    s = testServices(); zhongshanSettings(s);
    const hh = seedHousehold(s, { incomeFen: 210000 });
    app = (await ok(s, 'applications.start', { householdId: hh, appliedOn: '2025-09-24', reason: '因病致贫' }, clerk)).id;
    await ok(s, 'applications.record', { applicationId: app, kind: 'accept', date: '2025-09-26' }, clerk);
  });
  afterEach(() => s.close());

  it('a step dated before the last one is refused under date, with every other reason under its own field', async () => {
    const r = await refused(s, 'applications.record', { applicationId: app, kind: 'democraticReview', date: '2025-09-25',
      review: { participants: 5, villagerReps: 5, agree: 4, disagree: 3, allSigned: true, conclusion: '同意' } });
    expect(r.code).toBe('STEP_REFUSED');
    expect(byPath(r.details)).toEqual({ date: '日期不能早于上一步（2025年9月26日）', 'review.agree': '同意与不同意人数之和超过参加人数' });
    expect(r.message).toContain('日期不能早于上一步（2025年9月26日）');
    expect(r.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('a step the stage does not allow is refused as a whole (path empty), not under a field', async () => {
    const r = await refused(s, 'applications.record', { applicationId: app, kind: 'publicityStart', date: '2025-09-27', place: '村务公开栏' });
    expect(r.details).toEqual([{ path: '', message: '当前为“调查中”，不能开始公示' }]);
  });

  it('a 公示 ended before its 7 days is refused under date', async () => {
    const rec = (input: Record<string, unknown>) => ok(s, 'applications.record', { applicationId: app, ...input }, clerk);
    await rec({ kind: 'homeVisit', date: '2025-09-28', investigators: ['王调查', '刘村干'], presentMembers: ['张建国'], findings: '住房简陋' });
    await rec({ kind: 'verifyRequest', date: '2025-09-28' });
    await rec({ kind: 'verifyResult', date: '2025-10-09', result: '无车辆' });
    await rec({ kind: 'neighbourVisit', date: '2025-10-09', neighbours: '邻居赵某', findings: '属实' });
    await ok(s, 'applications.review', { applicationId: app, date: '2025-10-10', opinion: '同意', reason: '符合' }, actorOf('reviewer'));
    await rec({ kind: 'publicityStart', date: '2025-10-10', place: '村务公开栏' });
    const r = await refused(s, 'applications.record', { applicationId: app, kind: 'publicityEnd', date: '2025-10-12', objection: false });
    expect(r.details).toEqual([{ path: 'date', message: '公示期为 7 天，2025年10月17日 起方可结束' }]);
  });

  it('a date after today is refused under date; the handoff to the reviewer refuses the same way', async () => {
    const r = await refused(s, 'applications.record', { applicationId: app, kind: 'verifyRequest', date: '2099-01-01' });
    expect(r.details).toEqual([{ path: 'date', message: '信息核对申请日期不能晚于今天' }]);
    const h = await refused(s, 'applications.handoff.prepare', { applicationId: app, kind: 'preliminary', date: '2025-09-20', opinion: '同意', reason: '' });
    expect(h.code).toBe('STEP_REFUSED');
    expect(byPath(h.details).date).toBe('日期不能早于上一步（2025年9月26日）');
    expect(h.details.filter((d) => d.path === '').map((d) => d.message)).toContain('尚缺入户调查');
  });

  it('a second application for the household is refused under householdId', async () => {
    const hh = (s.handle.sqlite.prepare('SELECT household_id AS h FROM applications WHERE id = ?').get(app) as { h: number }).h;
    const r = await refused(s, 'applications.start', { householdId: hh, appliedOn: '2025-09-30', reason: '再次申请' });
    expect(r.details).toEqual([{ path: 'householdId', message: `该户已有办理中的申请（编号 ${app}）` }]);
  });
});

describe('other refusals from main carry their field path', () => {
  let s: S;
  beforeEach(() => { s = testServices(); zhongshanSettings(s); });
  afterEach(() => s.close());

  it('a 增发 that does not raise the amount is refused under newAmountFen', async () => {
    const hh = seedHousehold(s, { status: '在保', monthlyFen: 50000 });
    const r = await refused(s, 'applications.changeDecision', { householdId: hh, decision: '增发', reason: '收入减少', newAmountFen: 40000, date: '2025-10-10' },
      actorOf('reviewer'));
    expect(r.details).toEqual([{ path: 'newAmountFen', message: '增发后的金额（400 元）应高于原金额（500 元）' }]);
  });

  it('a setting refused by its schema names the path under value, without the key in the words', async () => {
    const r = await refused(s, 'settings.set', { key: 'benefit.standards', value: { 2027: { 城市: { monthlyFen: -5 } } } }, actorOf('admin'));
    expect(r.code).toBe('VALIDATION');
    expect(r.details.map((d) => d.path)).toEqual(['value.2027.城市.monthlyFen']);
    expect(r.message).not.toContain('benefit.standards');
  });

  it('a village name already used is refused under name', async () => {
    const township = (s.handle.sqlite.prepare("SELECT id FROM regions WHERE level = 'township'").get() as { id: number }).id;
    await ok(s, 'regions.create', { parentId: township, name: '石桥村' });
    const r = await refused(s, 'regions.create', { parentId: township, name: '石桥村' }, actorOf('admin'));
    expect(r.details).toEqual([{ path: 'name', message: expect.stringContaining('已有“石桥村”') }]);
  });

  it('公示: an early close under closedAt, a household not listed under householdId, a photo that is not a picture under photo', async () => {
    const hh = seedHousehold(s);
    const village = (s.handle.sqlite.prepare('SELECT village_id AS v FROM households WHERE id = ?').get(hh) as { v: number }).v;
    await ok(s, 'applications.start', { householdId: hh, appliedOn: '2025-09-24', reason: '因病' }, clerk);
    s.handle.sqlite.prepare("UPDATE applications SET stage = '待公示' WHERE household_id = ?").run(hh);
    const { id } = await ok(s, 'notices.recordPosting', { kind: '初审公示', villageId: village, periodStart: '2025-11-03', postedAt: '2025-11-03', place: '村务公开栏' }, clerk);
    const early = await refused(s, 'notices.closePosting', { id, closedAt: '2025-11-05' });
    expect(early.details).toEqual([{ path: 'closedAt', message: '公示期至2025年11月9日，期满后才能结束' }]);
    const other = seedHousehold(s, { status: '在保', monthlyFen: 50000 });
    const notListed = await refused(s, 'notices.addObjection', { postingId: id, householdId: other, receivedAt: '2025-11-04', content: '有车' });
    expect(notListed.details).toEqual([{ path: 'householdId', message: '该户不在此次公示名单中' }]);
    const pdf = saveToInbox(s.dir, '公示栏.pdf', Buffer.from('%PDF-1.4\n%%EOF\n')); // uploadable, but not a photo
    const photo = await refused(s, 'notices.recordPosting', { kind: '长期公示', periodStart: '2025-11-03', postedAt: '2025-11-03', place: '公开栏', photo: pdf });
    expect(photo.details).toEqual([{ path: 'photo', message: '张贴照片应为 JPG 或 PNG 图片' }]);
  });
});
