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
    const r = await ok(s, 'applications.changeDecision', { householdId: hh, decision: '渐退', workIncomeConfirmed: true, workIncomeNote: '长子在县城务工，月工资 3,000 元', phaseOutMonths: 3, reason: '长子稳定就业', date: '2026-01-15' }, reviewer);
    expect(r).toMatchObject({ status: '渐退', effectiveMonth: '2026-02', phaseOutEndMonth: '2026-04' });
    expect(await ok(s, 'applications.endPhaseOuts', { asOf: '2026-04-30' }, reviewer)).toEqual([]);
    const ended = await ok(s, 'applications.endPhaseOuts', { asOf: '2026-05-02' }, reviewer);
    expect(ended).toEqual([expect.objectContaining({ householdId: hh, status: '停保', effectiveMonth: '2026-05', needsNotice: true })]);
    expect(status(s, hh)).toEqual({ status: '停保', fen: 0 });
    const events = s.handle.sqlite.prepare("SELECT reason FROM household_events WHERE household_id = ? AND type = '状态变更' ORDER BY id").all(hh);
    expect(events).toEqual([{ reason: '渐退至 2026-04（第三十三条，就业增收：长子在县城务工，月工资 3,000 元）：长子稳定就业（审核确认）' }, { reason: '停保：渐退期满（发放至 2026-04）（渐退到期）' }]);
  });
});

describe('渐退 needs the 第三十三条 condition (issue 13 item 6)', () => {
  let s: S;
  beforeEach(() => { s = testServices(); });
  afterEach(() => s.close());
  const base = { decision: '渐退', phaseOutMonths: 3, reason: '长子稳定就业', date: '2026-01-15' };

  it('is refused without the explicit confirmation and how it was met, each under its field, and writes nothing', async () => {
    const hh = seedHousehold(s, { status: '在保', monthlyFen: 60000 });
    const changes = () => s.handle.sqlite.prepare('SELECT COUNT(*) FROM benefit_changes WHERE household_id = ?').pluck().get(hh);
    for (const [extra, paths] of [
      [{}, ['workIncomeConfirmed', 'workIncomeNote']],
      [{ workIncomeConfirmed: false, workIncomeNote: '长子在县城务工' }, ['workIncomeConfirmed']],
      [{ workIncomeConfirmed: true }, ['workIncomeNote']],
      [{ workIncomeConfirmed: true, workIncomeNote: '  就业 ' }, ['workIncomeNote']],
    ] as [Record<string, unknown>, string[]][]) {
      const r = await callAs(s, reviewer, 'applications.changeDecision', { householdId: hh, ...base, ...extra });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(!r.ok && r.error.message).toContain('渐退须符合第三十三条');
      expect(!r.ok && (r.error.details as { path: string }[]).map((d) => d.path)).toEqual(paths);
    }
    // A 复核 with the outcome 渐退 goes through the same decision and is refused the same way.
    const viaRecheck = await callAs(s, clerk, 'rechecks.record', { householdId: hh, kind: '定期复核', date: '2026-01-15', outcome: '渐退',
      findings: '长子就业', reason: '收入超过标准', phaseOutMonths: 3, checkedBy: '李经办' });
    expect(!viaRecheck.ok && viaRecheck.error.message).toContain('渐退须符合第三十三条');
    expect(changes()).toBe(0);
    expect(status(s, hh)).toEqual({ status: '在保', fen: 60000 });
  });

  it('is recorded with the condition, on the household timeline and in the decisions the household page lists', async () => {
    const hh = seedHousehold(s, { status: '在保', monthlyFen: 60000 });
    await ok(s, 'applications.changeDecision', { householdId: hh, ...base, workIncomeConfirmed: true, workIncomeNote: '长子在县城务工，月工资 3,000 元' }, reviewer);
    const [c] = (await ok(s, 'applications.forHousehold', { householdId: hh })).changes;
    expect(c).toMatchObject({ decision: '渐退', workIncomeConfirmed: 1, workIncomeNote: '长子在县城务工，月工资 3,000 元' });
    const event = s.handle.sqlite.prepare("SELECT reason FROM household_events WHERE household_id = ? AND type = '状态变更' ORDER BY id DESC").pluck().get(hh);
    expect(event).toContain('第三十三条，就业增收：长子在县城务工，月工资 3,000 元');
    // From a 复核 too, when the condition is given.
    const other = seedHousehold(s, { status: '在保', monthlyFen: 60000 });
    await ok(s, 'rechecks.record', { householdId: other, kind: '定期复核', date: '2026-01-15', outcome: '渐退', findings: '长女就业', reason: '收入超过标准',
      phaseOutMonths: 3, checkedBy: '李经办', workIncomeConfirmed: true, workIncomeNote: '长女在镇上超市就业' }, clerk);
    expect(status(s, other)).toEqual({ status: '渐退', fen: 60000 });
  });
});
