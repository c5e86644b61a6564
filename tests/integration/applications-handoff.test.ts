import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callAs, ok, testServices } from '../helpers/services';
import { seedHousehold, zhongshanSettings } from './applications-helpers';
import type { Actor } from '../../src-main/ipc/contract';

type S = ReturnType<typeof testServices>;
const clerk: Actor = { userId: 11, username: 'jingban', displayName: '李经办', role: 'clerk' };
const reviewer: Actor = { userId: 12, username: 'shenhe', displayName: '王审核', role: 'reviewer' };
const admin: Actor = { userId: 13, username: 'boss', displayName: '张站长', role: 'admin' };

/** A case investigated up to 待初审 (every fact the 初审 needs is recorded). */
async function toPreliminary(s: S) {
  const { id } = await ok(s, 'applications.start', { householdId: seedHousehold(s, { incomeFen: 210000 }), appliedOn: '2025-09-24', reason: '因病致贫' }, clerk);
  const rec = (input: Record<string, unknown>) => ok(s, 'applications.record', { applicationId: id, ...input }, clerk);
  await rec({ kind: 'accept', date: '2025-09-26' });
  await rec({ kind: 'homeVisit', date: '2025-09-28', investigators: ['王调查', '刘村干'], presentMembers: ['张建国'], findings: '住房简陋' });
  await rec({ kind: 'verifyRequest', date: '2025-09-28' });
  await rec({ kind: 'verifyResult', date: '2025-10-09', result: '无车辆、无工商登记' });
  await rec({ kind: 'neighbourVisit', date: '2025-10-09', neighbours: '邻居赵某', findings: '情况属实' });
  return id;
}
const steps = async (s: S, id: number) => (await ok(s, 'applications.get', { id })).steps as { kind: string; by: string }[];

describe('经办人 → 审核人 handoff', () => {
  let s: S;
  beforeEach(() => { s = testServices(); zhongshanSettings(s); });
  afterEach(() => s.close());

  it('a clerk prepares the 初审意见, it waits in the reviewer queue, and becomes the reviewer\'s step only on confirm', async () => {
    const id = await toPreliminary(s);
    const { handoffId } = await ok(s, 'applications.handoff.prepare', { applicationId: id, kind: 'preliminary', date: '2025-10-10', opinion: '同意', reason: '符合条件' }, clerk);
    expect((await steps(s, id)).map((x) => x.kind)).not.toContain('preliminary');
    const queue = await ok(s, 'applications.handoff.queue', {}, reviewer);
    expect(queue).toMatchObject([{ id: handoffId, applicationId: id, label: '初审意见', opinion: '同意', preparedBy: '李经办', headName: '张建国' }]);

    expect(await ok(s, 'applications.handoff.decide', { handoffId, accept: true }, reviewer)).toMatchObject({ status: '已确认' });
    const done = (await steps(s, id)).find((x) => x.kind === 'preliminary');
    expect(done?.by).toBe('王审核');
    expect((await ok(s, 'applications.get', { id })).stage).toBe('待公示');
    expect(await ok(s, 'applications.handoff.queue', {}, reviewer)).toEqual([]);
    expect(await callAs(s, reviewer, 'applications.handoff.decide', { handoffId, accept: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a return needs a note, leaves no step and shows the note to the clerk until the record is prepared again', async () => {
    const id = await toPreliminary(s);
    const { handoffId } = await ok(s, 'applications.handoff.prepare', { applicationId: id, kind: 'preliminary', opinion: '同意' }, clerk);
    const noNote = await callAs(s, reviewer, 'applications.handoff.decide', { handoffId, accept: false });
    expect(noNote).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await ok(s, 'applications.handoff.decide', { handoffId, accept: false, note: '邻里访问只走访了一户，请补充' }, reviewer);
    expect((await steps(s, id)).map((x) => x.kind)).not.toContain('preliminary');
    expect(await ok(s, 'applications.handoff.queue', { status: '已退回' }, clerk)).toMatchObject([{ id: handoffId, note: '邻里访问只走访了一户，请补充' }]);
    await ok(s, 'applications.handoff.prepare', { applicationId: id, kind: 'preliminary', opinion: '同意', reason: '已补充走访' }, clerk);
    expect(await ok(s, 'applications.handoff.queue', { status: '已退回' }, clerk)).toEqual([]);
  });

  it('refuses a handoff the step itself would refuse, a second pending one, and a decision by the preparer or a clerk', async () => {
    const { id: early } = await ok(s, 'applications.start', { householdId: seedHousehold(s), appliedOn: '2025-09-24' }, clerk);
    const tooEarly = await callAs(s, clerk, 'applications.handoff.prepare', { applicationId: early, kind: 'preliminary', opinion: '同意' });
    expect(tooEarly).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const id = await toPreliminary(s);
    const before = await callAs(s, clerk, 'applications.handoff.prepare', { applicationId: id, kind: 'preliminary', date: '2025-10-01', opinion: '同意' });
    expect(before).toMatchObject({ ok: false, error: { code: 'STEP_REFUSED' } });
    expect(!before.ok && before.error.message).toMatch(/日期不能早于上一步/);
    const badOpinion = await callAs(s, clerk, 'applications.handoff.prepare', { applicationId: id, kind: 'preliminary', opinion: '可以' });
    expect(badOpinion).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const { handoffId } = await ok(s, 'applications.handoff.prepare', { applicationId: id, kind: 'preliminary', opinion: '同意' }, admin);
    expect(await callAs(s, clerk, 'applications.handoff.prepare', { applicationId: id, kind: 'preliminary', opinion: '同意' }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await callAs(s, clerk, 'applications.handoff.decide', { handoffId, accept: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await callAs(s, admin, 'applications.handoff.decide', { handoffId, accept: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await steps(s, id)).map((x) => x.kind)).not.toContain('preliminary');
  });
});
