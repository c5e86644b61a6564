import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorOf, callAs, ok, testServices } from '../helpers/services';
import { seedHousehold } from './applications-helpers';

type S = ReturnType<typeof testServices>;
const reviewer = actorOf('reviewer');
const clerk = actorOf('clerk');
const status = (s: S, id: number) => s.handle.sqlite.prepare('SELECT status, monthly_amount_fen AS fen FROM households WHERE id = ?').get(id);

describe('change decisions on households already 在保', () => {
  let s: S;
  beforeEach(() => { s = testServices(); });
  afterEach(() => s.close());

  it('raises, lowers and keeps the amount with an insert-only record each', async () => {
    const hh = seedHousehold(s, { status: '在保', monthlyFen: 60000 });
    await ok(s, 'applications.changeDecision', { householdId: hh, decision: '增发', newAmountFen: 80000, reason: '户主患重病', date: '2026-03-10' }, reviewer);
    await ok(s, 'applications.changeDecision', { householdId: hh, decision: '减发', newAmountFen: 50000, reason: '长子就业', date: '2026-05-10' }, reviewer);
    await ok(s, 'applications.changeDecision', { householdId: hh, decision: '维持', reason: '年度复核无变化', date: '2026-06-10', source: '复核' }, reviewer);
    expect(status(s, hh)).toEqual({ status: '在保', fen: 50000 });
    const p = await ok(s, 'applications.forHousehold', { householdId: hh });
    expect(p.changes.map((c: { decision: string; effectiveMonth: string; afterAmountFen: number }) => [c.decision, c.effectiveMonth, c.afterAmountFen]))
      .toEqual([['维持', '2026-07', 50000], ['减发', '2026-06', 50000], ['增发', '2026-04', 80000]]);
  });

  it('refuses a 增发 that does not raise and a 减发 to zero', async () => {
    const hh = seedHousehold(s, { status: '在保', monthlyFen: 60000 });
    const up = await callAs(s, reviewer, 'applications.changeDecision', { householdId: hh, decision: '增发', newAmountFen: 50000, reason: '误' });
    expect(up.ok ? '' : up.error.message).toContain('应高于原金额');
    const down = await callAs(s, reviewer, 'applications.changeDecision', { householdId: hh, decision: '减发', newAmountFen: 0, reason: '误' });
    expect(down.ok ? '' : down.error.message).toContain('减到 0 请选停保');
    const role = await callAs(s, clerk, 'applications.changeDecision', { householdId: hh, decision: '停保', reason: '死亡' });
    expect(role.ok ? '' : role.error.code).toBe('FORBIDDEN');
  });

  it('moves a 渐退 household to 停保 when its period ends, with its own decision record for the notice', async () => {
    const hh = seedHousehold(s, { status: '在保', monthlyFen: 60000 });
    const long = await callAs(s, reviewer, 'applications.changeDecision', { householdId: hh, decision: '渐退', phaseOutMonths: 7, reason: '就业', date: '2026-01-15' });
    expect(long.ok ? '' : long.error.message).toBe('渐退期不能超过 6 个月');
    const r = await ok(s, 'applications.changeDecision', { householdId: hh, decision: '渐退', phaseOutMonths: 3, reason: '长子稳定就业', date: '2026-01-15' }, reviewer);
    expect(r).toMatchObject({ status: '渐退', effectiveMonth: '2026-02', phaseOutEndMonth: '2026-04' });
    expect(await ok(s, 'applications.endPhaseOuts', { asOf: '2026-04-30' }, reviewer)).toEqual([]);
    const ended = await ok(s, 'applications.endPhaseOuts', { asOf: '2026-05-02' }, reviewer);
    expect(ended).toEqual([expect.objectContaining({ householdId: hh, status: '停保', effectiveMonth: '2026-05', needsNotice: true })]);
    expect(status(s, hh)).toEqual({ status: '停保', fen: 0 });
    const events = s.handle.sqlite.prepare("SELECT reason FROM household_events WHERE household_id = ? AND type = '状态变更' ORDER BY id").all(hh);
    expect(events).toEqual([{ reason: '渐退至 2026-04：长子稳定就业（审核确认）' }, { reason: '停保：渐退期满（发放至 2026-04）（渐退到期）' }]);
  });
});
