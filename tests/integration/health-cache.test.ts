import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ok, testServices } from '../helpers/services';
import { runCaseCheck } from '../../src-main/features/caseRecord/check';

/**
 * 数据体检 (issue 17 item 2): run in a worker, kept while the data is unchanged, checked again after any write —
 * through the app, by SQL on the app's connection, or by another process — and on demand (重新体检).
 */
describe('health.run / health.status', () => {
  let s: ReturnType<typeof testServices>;
  beforeAll(() => { s = testServices({ demo: true, households: 40 }); });
  afterAll(() => s?.close());
  const run = (force = false) => ok(s, 'health.run', { force });
  const status = () => ok(s, 'health.status', {});
  const someHousehold = () => s.handle.sqlite.prepare("SELECT id FROM households WHERE status = '在保' ORDER BY id DESC LIMIT 1").pluck().get() as number;

  it('has no result before the first check, then the same findings as the rules in this thread', async () => {
    expect(await status()).toEqual({ last: null, fresh: false });
    const r = await run();
    expect(r.fromCache).toBe(false);
    expect(r.findings).toEqual(runCaseCheck(s.handle.sqlite, r.today).findings);
    expect(await status()).toEqual({ last: { findings: r.findings.length, households: r.households, checkedAt: r.checkedAt }, fresh: true });
  });

  it('answers from the cache while nothing changed, and checks again when asked (重新体检)', async () => {
    const first = await run();
    const again = await run();
    expect(again).toMatchObject({ fromCache: true, checkedAt: first.checkedAt });
    const forced = await run(true);
    expect(forced.fromCache).toBe(false);
    expect(forced.checkedAt >= first.checkedAt).toBe(true);
  });

  it('a violation planted by SQL on the app connection makes the result stale and the next check reports it', async () => {
    const before = await run();
    const hh = someHousehold();
    s.handle.sqlite.prepare("UPDATE members SET state = '死亡', death_date = '2026-01-01' WHERE household_id = ?").run(hh);
    expect((await status()).fresh).toBe(false);
    const after = await run();
    expect(after.fromCache).toBe(false);
    expect(after.findings.length).toBeGreaterThan(before.findings.length);
    expect(after.findings.some((f: { householdId: number; rule: string }) => f.householdId === hh && f.rule === 'noLivingCovered')).toBe(true);
  });

  it('a write by another process (CLI, a tool) makes it stale too', async () => {
    await run();
    expect((await status()).fresh).toBe(true);
    const other = new Database(s.handle.file);
    try { other.prepare("UPDATE households SET monthly_amount_fen = monthly_amount_fen + 1 WHERE id = ?").run(someHousehold()); } finally { other.close(); }
    expect((await status()).fresh).toBe(false);
    const r = await run();
    expect(r.fromCache).toBe(false);
  });

  it('a write through a channel makes it stale', async () => {
    await run();
    await ok(s, 'settings.set', { key: 'supervision.complaintDays', value: 31 }, ADMIN);
    expect((await status()).fresh).toBe(false);
  });
});
