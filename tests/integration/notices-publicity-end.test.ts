import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorOf, ok, testServices } from '../helpers/services';
import { seedHousehold } from './applications-helpers';

type S = ReturnType<typeof testServices>;
const clerk = actorOf('clerk');

/** Takes one application to 公示中 from 2026-11-02 with the 2021 rules (dates in the past: steps cannot be dated later than today). */
async function inPublicity(s: S, householdId: number) {
  const { id } = await ok(s, 'applications.start', { householdId, appliedOn: '2026-10-08', reason: '因病致贫' }, clerk);
  const rec = (input: Record<string, unknown>) => ok(s, 'applications.record', { applicationId: id, ...input }, clerk);
  await rec({ kind: 'accept', date: '2026-10-09' });
  await rec({ kind: 'homeVisit', date: '2026-10-12', investigators: ['王调查', '刘村干'], presentMembers: ['张建国'], findings: '收入低' });
  await rec({ kind: 'verifyRequest', date: '2026-10-12' });
  await rec({ kind: 'verifyResult', date: '2026-10-19', result: '无车辆' });
  await rec({ kind: 'neighbourVisit', date: '2026-10-19', neighbours: '邻居', findings: '属实' });
  await ok(s, 'applications.review', { applicationId: id, date: '2026-10-26', opinion: '同意', reason: '符合条件' }, actorOf('reviewer'));
  await rec({ kind: 'publicityStart', date: '2026-11-02', place: '村务公开栏' });
  return id;
}

async function postReviewNotice(s: S, householdId: number) {
  const villageId = (s.handle.sqlite.prepare('SELECT village_id AS v FROM households WHERE id = ?').get(householdId) as { v: number }).v;
  return (await ok(s, 'notices.recordPosting', { kind: '初审公示', villageId, periodStart: '2026-11-02', postedAt: '2026-11-02', place: '村务公开栏' }, clerk)).id as number;
}

describe('the end of a 初审公示 period moves the procedure on', () => {
  let s: S;
  beforeEach(() => { s = testServices(); });
  afterEach(() => s.close());

  it('sends a case without a substantiated objection on to 待确认', async () => {
    const hh = seedHousehold(s);
    const app = await inPublicity(s, hh);
    const posting = await postReviewNotice(s, hh);
    const closed = await ok(s, 'notices.closePosting', { id: posting, closedAt: '2026-11-09' }, clerk);
    expect(closed.cases).toEqual([{ applicationId: app, householdId: hh, result: '公示无异议' }]);
    expect((await ok(s, 'applications.get', { id: app })).stage).toBe('待确认');
  });

  it('sends a case whose objection was found 属实 back to investigation', async () => {
    const hh = seedHousehold(s);
    const app = await inPublicity(s, hh);
    const posting = await postReviewNotice(s, hh);
    const obj = await ok(s, 'notices.addObjection', { postingId: posting, householdId: hh, receivedAt: '2026-11-04', via: '来电', content: '该户有营运车辆' }, clerk);
    await ok(s, 'notices.handleObjection', { id: obj.id, handling: '重新入户调查', result: '属实', handledAt: '2026-11-06' }, clerk);
    const closed = await ok(s, 'notices.closePosting', { id: posting, closedAt: '2026-11-09' }, clerk);
    expect(closed.cases[0]).toMatchObject({ applicationId: app, result: '异议属实，退回调查' });
    expect((await ok(s, 'applications.get', { id: app })).stage).toBe('调查中');
  });
});
