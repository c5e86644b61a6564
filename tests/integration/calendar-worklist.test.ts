import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorOf, callAs, dbFingerprint, ok, testServices } from '../helpers/services';
import { seedHousehold, zhongshanSettings } from './applications-helpers';
import { addDays, OFFICIAL_CALENDARS } from '../../src-main/domain/workdays';
import { localToday } from '../../src-main/domain/dates';
import { collectWorklist, type WorklistSource } from '../../src-main/features/worklist/engine';

type S = ReturnType<typeof testServices>;
const clerk = actorOf('clerk');
const reviewer = actorOf('reviewer');
const plant = (s: S, key: string, value: unknown) => s.handle.sqlite.prepare('INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
  .run(key, JSON.stringify(value), new Date().toISOString());

async function accepted(s: S, date: string) {
  const hh = seedHousehold(s);
  const { id } = await ok(s, 'applications.start', { householdId: hh, appliedOn: date, reason: '因病致贫' }, clerk);
  await ok(s, 'applications.record', { applicationId: id, kind: 'accept', date }, clerk);
  return id;
}

describe('holiday calendars at the IPC boundary', () => {
  let s: S;
  beforeEach(() => { s = testServices(); });
  afterEach(() => s.close());

  it('refuses a malformed line with its line number, every bad line at once, and stores nothing', async () => {
    const before = dbFingerprint(s);
    const r = await s.router.call({ channel: 'calendar.setYear', input: { year: 2027, holidays: ['2027-01-01', '2027-10-1..2027-10-07'], workdays: ['2027-02-08'] }, actor: actorOf('admin') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.message).toMatch(/法定节假日第 2 行“2027-10-1\.\.2027-10-07”/);
    expect((r.error.details as { message: string }[]).map((d) => d.message)).toEqual([
      expect.stringMatching(/^法定节假日第 2 行/), expect.stringMatching(/^调休上班日第 1 行“2027-02-08”：2027年2月8日 是星期一/)]);
    expect(dbFingerprint(s)).toBe(before);
  });

  it('cannot be written past the checks through the generic settings channel, or by a clerk', async () => {
    const viaSettings = await s.router.call({ channel: 'settings.set', input: { key: 'workdays.calendars', value: { 2027: { holidays: ['2027-10-1'], workdays: [] } } }, actor: actorOf('admin') });
    expect(viaSettings.ok).toBe(false);
    const asClerk = await callAs(s, clerk, 'calendar.setYear', { year: 2027, holidays: ['2027-01-01'], workdays: [] });
    expect(asClerk.ok || asClerk.error.code).toBe('FORBIDDEN');
  });

  it('opens a shipped year with its dates; saving it keeps every line the clerk did not touch', async () => {
    const y = await ok(s, 'calendar.years', {});
    const y2026 = y.years.find((r: { year: number }) => r.year === 2026);
    expect(y2026).toMatchObject({ source: '内置', holidays: OFFICIAL_CALENDARS['2026'].holidays, workdays: OFFICIAL_CALENDARS['2026'].workdays });
    expect(y.years.find((r: { year: number }) => r.year === 2024).source).toBe('内置');
    const holidays = [...OFFICIAL_CALENDARS['2026'].holidays.slice(0, -1), '2026-10-01..2026-10-08'];
    await ok(s, 'calendar.setYear', { year: 2026, holidays, workdays: OFFICIAL_CALENDARS['2026'].workdays });
    const after = (await ok(s, 'calendar.years', {})).years.find((r: { year: number }) => r.year === 2026);
    expect(after).toMatchObject({ source: '已录入', holidays, workdays: OFFICIAL_CALENDARS['2026'].workdays });
    await ok(s, 'calendar.resetYear', { year: 2026 });
    expect((await ok(s, 'calendar.years', {})).years.find((r: { year: number }) => r.year === 2026).holidays).toEqual(OFFICIAL_CALENDARS['2026'].holidays);
  });

  it('reads a pasted notice for the clerk to confirm', async () => {
    const p = await ok(s, 'calendar.parseNotice', { text: '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日放假，共3天。\n二、春节：2月6日至2月13日放假调休，共8天。2月20日（周六）上班。' });
    expect(p).toMatchObject({ year: 2027, holidays: ['2027-01-01..2027-01-03', '2027-02-06..2027-02-13'], workdays: ['2027-02-20'], problems: [] });
  });
});

describe('deadlines in a year without a calendar are 未核定, never silently wrong', () => {
  let s: S;
  beforeEach(() => { s = testServices(); zhongshanSettings(s); });
  afterEach(() => s.close());

  it('marks the case page and the worklist, and 首页 names the missing year', async () => {
    const id = await accepted(s, '2023-12-20');
    const detail = await ok(s, 'applications.get', { id });
    expect(detail.deadlines.find((d: { key: string }) => d.key === 'total').unverified).toEqual([2023]);
    const w = await ok(s, 'worklist.today', {});
    const item = w.items.find((i: { key: string }) => i.key === `application:${id}:total`);
    expect(item).toMatchObject({ dueUnverified: true, unverifiedYears: [2023], link: `/applications/${id}`, bucket: 'overdue' });
    expect(w.calendar.missing).toContain(2023);
  });

  it('a bad year saved by an older version counts as 未核定 instead of failing every case page with INTERNAL', async () => {
    plant(s, 'workdays.calendars', { 2023: { holidays: ['2023-10-1..2023-10-07'], workdays: [] } });
    const id = await accepted(s, '2023-12-20');
    const detail = await ok(s, 'applications.get', { id });
    expect(detail.deadlines.find((d: { key: string }) => d.key === 'total').unverified).toEqual([2023]);
    const w = await ok(s, 'worklist.today', {});
    expect(w.failed).toEqual([]);
    expect(w.calendar.invalid).toEqual([{ year: 2023, problems: [expect.stringMatching(/法定节假日第 1 行/)] }]);
    expect((await ok(s, 'calendar.years', {})).years.find((r: { year: number }) => r.year === 2023).source).toBe('未录入');
  });

  it('a year entered and checked makes the deadline verified', async () => {
    const id = await accepted(s, '2023-12-20');
    await ok(s, 'calendar.setYear', { year: 2023, holidays: ['2022-12-31..2023-01-02', '2023-10-01..2023-10-06'], workdays: ['2023-10-07'] });
    const d = (await ok(s, 'applications.get', { id })).deadlines.find((x: { key: string }) => x.key === 'total');
    expect(d.unverified).toEqual([]);
  });
});

describe('首页 worklist', () => {
  let s: S;
  beforeEach(() => { s = testServices(); zhongshanSettings(s); });
  afterEach(() => s.close());

  it('shows a case waiting for 审核确认 as the reviewer\'s, even when its deadline is weeks away', async () => {
    const hh = seedHousehold(s, { incomeFen: 210000 });
    const day = (n: number) => addDays(localToday(), n);
    const { id } = await ok(s, 'applications.start', { householdId: hh, appliedOn: day(-20), reason: '因病致贫' }, clerk);
    const rec = (input: Record<string, unknown>) => ok(s, 'applications.record', { applicationId: id, date: day(-20), ...input }, clerk);
    await rec({ kind: 'accept' });
    await rec({ kind: 'homeVisit', investigators: ['王调查', '刘村干'], presentMembers: ['张建国'], findings: '住房简陋' });
    await rec({ kind: 'verifyRequest' });
    await rec({ kind: 'verifyResult', result: '无车辆' });
    await rec({ kind: 'neighbourVisit', neighbours: '邻居赵某', findings: '情况属实' });
    await ok(s, 'applications.review', { applicationId: id, date: day(-19), opinion: '同意', reason: '符合条件' }, reviewer);
    await rec({ kind: 'publicityStart', date: day(-10), place: '村务公开栏' });
    await rec({ kind: 'publicityEnd', date: day(-1), objection: false });
    const w = await callAs(s, reviewer, 'worklist.today', {});
    if (!w.ok) throw new Error(w.error.message);
    const item = (w.value as { items: Record<string, unknown>[] }).items.find((i) => i.key === `application:${id}:confirm`);
    expect(item).toMatchObject({ kind: '待审核确认', waitsFor: ['reviewer', 'admin'], mine: true, link: `/applications/${id}` });
    expect((item!.due as string) > addDays(localToday(), 6)).toBe(true); // after this week, listed as 待处理 all the same
    expect(item!.bucket).toBe('open');
  });

  it('lists a 初审 the 经办人 handed over in the 审核人\'s queue, and not as the clerk\'s own work', async () => {
    const hh = seedHousehold(s, { incomeFen: 210000 });
    const day = (n: number) => addDays(localToday(), n);
    const { id } = await ok(s, 'applications.start', { householdId: hh, appliedOn: day(-5), reason: '因病致贫' }, clerk);
    const rec = (input: Record<string, unknown>) => ok(s, 'applications.record', { applicationId: id, date: day(-5), ...input }, clerk);
    await rec({ kind: 'accept' });
    await rec({ kind: 'homeVisit', investigators: ['王调查', '刘村干'], presentMembers: ['张建国'], findings: '住房简陋' });
    await rec({ kind: 'verifyRequest' });
    await rec({ kind: 'verifyResult', result: '无车辆' });
    await rec({ kind: 'neighbourVisit', neighbours: '邻居赵某', findings: '情况属实' });
    const { handoffId } = await ok(s, 'applications.handoff.prepare', { applicationId: id, kind: 'preliminary', date: day(-4), opinion: '同意', reason: '符合条件' }, clerk);
    const asReviewer = await callAs(s, reviewer, 'worklist.today', {});
    const asClerk = await callAs(s, clerk, 'worklist.today', {});
    if (!asReviewer.ok || !asClerk.ok) throw new Error('worklist.today failed');
    const find = (r: typeof asReviewer) => (r.ok ? (r.value as { items: Record<string, unknown>[] }).items : []).find((i) => i.key === `handoff:${handoffId}`);
    expect(find(asReviewer)).toMatchObject({ kind: '待审核', mine: true, bucket: 'open', link: `/applications/${id}` });
    expect(find(asClerk)).toMatchObject({ mine: false });
  });

  it('reports a failing source by name and still shows the others', () => {
    const good: WorklistSource = { id: 'good', label: '好', items: () => [{ key: 'g', kind: 'k', title: 't', due: '2026-12-01', villageId: null, village: null, waitsFor: ['clerk'], link: '/' }] };
    const bad: WorklistSource = { id: 'bad', label: '坏来源', items: () => { throw new Error('boom'); } };
    const r = collectWorklist([bad, good], { ctx: null as never, today: '2026-12-01', weekEnd: '2026-12-07' });
    expect(r.items.map((i) => [i.key, i.bucket])).toEqual([['g', 'today']]);
    expect(r.failed).toEqual([{ id: 'bad', label: '坏来源', message: 'boom' }]);
  });
});
