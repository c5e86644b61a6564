import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorOf, ok, testServices } from '../helpers/services';
import { seedHousehold } from './applications-helpers';
import { runStartupJobs } from '../../src-main/startup';

type S = ReturnType<typeof testServices>;

describe('start-up jobs', () => {
  let s: S;
  beforeEach(() => { s = testServices(); });
  afterEach(() => s.close());

  it('moves a household whose 渐退 period has ended to 停保, audited as 系统自动', async () => {
    const hh = seedHousehold(s, { status: '在保', monthlyFen: 60000 });
    await ok(s, 'applications.changeDecision', { householdId: hh, decision: '渐退', workIncomeConfirmed: true, workIncomeNote: '长子在县城务工，月工资 3,000 元', phaseOutMonths: 3, reason: '长子稳定就业', date: '2026-01-15' }, actorOf('reviewer'));
    await runStartupJobs(s);
    expect(s.handle.sqlite.prepare('SELECT status FROM households WHERE id = ?').get(hh)).toEqual({ status: '停保' });
    const audit = s.handle.sqlite.prepare("SELECT username FROM audit_log WHERE channel = 'applications.endPhaseOuts'").all();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit).toContainEqual({ username: 'system' });
  });

  it('leaves a household still inside its 渐退 period alone', async () => {
    const hh = seedHousehold(s, { status: '在保', monthlyFen: 60000 });
    const thisMonth = `${new Date().getFullYear()}-${String(new Date().getMonth() + 1).padStart(2, '0')}-01`;
    await ok(s, 'applications.changeDecision', { householdId: hh, decision: '渐退', workIncomeConfirmed: true, workIncomeNote: '长子在县城务工，月工资 3,000 元', phaseOutMonths: 6, reason: '就业', date: thisMonth }, actorOf('reviewer'));
    await runStartupJobs(s);
    expect(s.handle.sqlite.prepare('SELECT status FROM households WHERE id = ?').get(hh)).toEqual({ status: '渐退' });
  });

  it('does nothing before the first-run setup', async () => {
    const empty = testServices({ init: false });
    await expect(runStartupJobs(empty)).resolves.toBeUndefined();
    expect((empty.handle.sqlite.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBe(0);
    empty.close();
  });
});
