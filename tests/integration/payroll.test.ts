import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { actorOf, callAs, ok, testServices } from '../helpers/services';
import { addMonths } from '../../src-main/domain/payroll';
import { localToday } from '../../src-main/domain/dates';
import { payrollSnapshotCheck } from '../../src-main/features/payroll/checks';
import { featureLedgers } from '../../src-main/features/ledgers/featureLedgers';
import { requireTownship } from '../../src-main/features/ledgers/registry';

// testServices builds the township and its demo for 2026-11-22, and the channels read the clock: the clock is held
// at a day these tests were written on (after November, before the demo's planted deadlines of 2026-12-19/20).
// Otherwise those deadlines fall overdue once CI runs later, and closing or checking a month fails for that alone.
// Only Date is faked: timers and worker threads run as usual.
vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true }); // the clock runs on from there (records are ordered by time)
vi.setSystemTime(new Date('2026-12-02T10:00:00'));
afterAll(() => { vi.useRealTimers(); });

// testServices builds the demo as of 2026-11-22: January–October 2026 are closed, November is open.
const CLOSED = '2026-10';
const OPEN = '2026-11';
const reviewer = actorOf('reviewer');
let s: ReturnType<typeof testServices>;
let usb: string;
beforeEach(() => {
  s = testServices({ demo: true, households: 40 });
  usb = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-usb-'));
});
afterEach(() => { s.close(); fs.rmSync(usb, { recursive: true, force: true }); });

/** A household paid in the closed month, with a living covered member and an amount above 100 元. */
function paidHousehold(): { id: number; fen: number } {
  return s.handle.sqlite.prepare(`SELECT l.household_id AS id, l.base_fen + l.top_up_fen AS fen FROM payroll_lines l JOIN households h ON h.id = l.household_id
    WHERE l.period = ? AND h.status = '在保' AND l.base_fen > 10000
    AND EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id AND m.state = '在户' AND m.covered = 1) ORDER BY l.seq LIMIT 1`).get(CLOSED) as { id: number; fen: number };
}

async function sheetXml(dir: string, prefix: string): Promise<string[]> {
  const file = fs.readdirSync(dir).find((f) => f.includes(prefix))!;
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, file)));
  const sheets = Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/sheet')).sort();
  return Promise.all(sheets.map((n) => zip.file(n)!.async('string')));
}

describe('monthly payroll', () => {
  it('a closed month never changes: a later decision for it leaves data.json and the roster identical and pays 扣回 next month', async () => {
    const first = await ok(s, 'ledgers.exportPackage', { period: CLOSED, destination: usb });
    const h = paidHousehold();
    const cut = await ok(s, 'applications.changeDecision', { householdId: h.id, decision: '减发', newAmountFen: 10000, newTopUpFen: 0,
      reason: '复核发现务工收入未申报', date: '2026-11-10', effectiveMonth: CLOSED }, reviewer);
    const second = await ok(s, 'ledgers.exportPackage', { period: CLOSED, destination: usb });
    expect(fs.readFileSync(path.join(second.path, 'data.json'))).toEqual(fs.readFileSync(path.join(first.path, 'data.json')));
    expect(await sheetXml(second.path, '花名册')).toEqual(await sheetXml(first.path, '花名册'));
    const roster = await sheetXml(first.path, '花名册');
    expect(roster[0]).toContain(((h.fen) / 100).toString());

    const next = await ok(s, 'payroll.month', { period: OPEN, pageSize: 500 });
    const back = next.changes.filter((c: { householdId: number; kind: string }) => c.householdId === h.id && c.kind === '扣回');
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ forMonth: CLOSED, amountFen: 10000 - h.fen, decisionRef: `change:${cut.id}` });
    expect(back[0].decisionLabel).toContain('减发');
    const line = next.lines.find((l: { householdId: number }) => l.householdId === h.id);
    expect(line.baseFen + line.topUpFen).toBe(10000);
    expect(next.totals.adjustFen).toBe(10000 - h.fen);

    // Once November is closed, the 扣回 is paid: December owes nothing more for October.
    await ok(s, 'payroll.close', { period: OPEN, closedOn: '2026-11-30' }, reviewer);
    const dec = await ok(s, 'payroll.month', { period: '2026-12', pageSize: 1 });
    expect(dec.changes.filter((c: { kind: string; householdId: number }) => c.householdId === h.id && (c.kind === '扣回' || c.kind === '补发'))).toEqual([]);
  });

  it('本年累计 is the sum of the closed payrolls, and 当月发放 the month total', async () => {
    const months = s.handle.sqlite.prepare("SELECT period, total_fen AS fen FROM payroll_months WHERE period LIKE '2026-%' ORDER BY period").all() as { period: string; fen: number }[];
    expect(months.map((m) => m.period)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    const h = paidHousehold();
    await ok(s, 'applications.changeDecision', { householdId: h.id, decision: '停保', reason: '家庭收入超过保障标准', date: '2026-11-05', effectiveMonth: OPEN }, reviewer);
    await ok(s, 'payroll.close', { period: OPEN, closedOn: '2026-11-30' }, reviewer);
    const nov = s.handle.sqlite.prepare("SELECT total_fen FROM payroll_months WHERE period = ?").pluck().get(OPEN) as number;
    expect(nov).toBe(months.at(-1)!.fen - h.fen);
    for (const [i, m] of [...months, { period: OPEN, fen: nov }].entries()) {
      const stats = await ok(s, 'ledgers.stats', { period: m.period });
      expect(stats.total.fundsFen).toBe(m.fen);
      expect(stats.total.ytdFen).toBe(months.slice(0, i + 1).reduce((a, x) => a + x.fen, 0) + (m.period === OPEN ? nov : 0));
      expect(stats.payroll.closed).toBe(true);
    }
    const novStats = await ok(s, 'ledgers.stats', { period: OPEN });
    expect(novStats.total.exitHouseholds).toBe(1); // the 停保 decided on 11-05
    const novPayroll = await ok(s, 'payroll.month', { period: OPEN, pageSize: 1 });
    expect(novPayroll.changes.find((c: { householdId: number }) => c.householdId === h.id)).toMatchObject({ kind: '停发', beforeFen: h.fen, afterFen: 0 });
  });

  it('a refused applicant is never an exit', async () => {
    const app = s.handle.sqlite.prepare("SELECT id FROM applications WHERE stage IN ('调查中', '待初审', '待公示', '公示中', '待确认') LIMIT 1").pluck().get() as number | undefined;
    if (app === undefined) throw new Error('demo has no open application');
    // The household carries the refusal as the old code saw it (status 未通过, exited_at in the month): it was never paid, so no exit.
    s.handle.sqlite.prepare("UPDATE households SET status = '未通过', exited_at = '2026-11-10' WHERE id = (SELECT household_id FROM applications WHERE id = ?)").run(app);
    const stats = await ok(s, 'ledgers.stats', { period: OPEN });
    expect(stats.total.exitHouseholds).toBe(0);
  });

  it('closing is refused with every problem listed; only the reviewer closes, only an admin reopens, with a reason, before export', async () => {
    const sq = s.handle.sqlite;
    const [a, b] = sq.prepare(`SELECT household_id FROM payroll_lines WHERE period = ? ORDER BY seq LIMIT 2`).pluck().all(CLOSED) as number[];
    const acct = sq.prepare('SELECT bank_account FROM households WHERE id = ?').pluck().get(a) as string;
    sq.prepare("UPDATE households SET bank_account = '6217 0000 1111' WHERE id = ?").run(a);
    const [c] = sq.prepare(`SELECT household_id FROM payroll_lines WHERE period = ? ORDER BY seq DESC LIMIT 1`).pluck().all(CLOSED) as number[];
    sq.prepare('UPDATE households SET bank_account = (SELECT bank_account FROM households WHERE id = ?) WHERE id = ?').run(b, c);
    const refused = await callAs(s, reviewer, 'payroll.close', { period: OPEN });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('CHECKS_FAILED');
    expect(refused.error.message).toContain('账号含空格');
    expect(refused.error.message).toContain('同一账号发放两户');
    // The case-record invariants run too: a paid household whose only covered members have all died.
    const dead = sq.prepare(`SELECT household_id FROM payroll_lines WHERE period = ? AND covered = 1 ORDER BY seq DESC LIMIT 1 OFFSET 1`).pluck().get(CLOSED) as number;
    sq.prepare("UPDATE members SET state = '死亡', death_date = '2026-06-01' WHERE household_id = ?").run(dead);
    const again = await callAs(s, reviewer, 'payroll.close', { period: OPEN });
    expect(again.ok || again.error.message).toContain('没有在世的保障对象');
    sq.prepare("UPDATE members SET state = '在户', death_date = NULL WHERE household_id = ?").run(dead);
    expect(sq.prepare('SELECT COUNT(*) FROM payroll_months WHERE period = ?').pluck().get(OPEN)).toBe(0);
    sq.prepare('UPDATE households SET bank_account = ? WHERE id = ?').run(acct, a);
    sq.prepare("UPDATE households SET bank_account = '62170000999988887777' WHERE id = ?").run(c);

    expect((await callAs(s, actorOf('clerk'), 'payroll.close', { period: OPEN })).ok).toBe(false);
    expect((await callAs(s, reviewer, 'payroll.close', { period: '2026-12' })).ok).toBe(false); // not yet come (and not after 11)
    const closed = await ok(s, 'payroll.close', { period: OPEN, closedOn: '2026-11-30' }, reviewer);
    expect(closed).toMatchObject({ period: OPEN, closedOn: '2026-11-30', closedByName: 'reviewer' });

    expect((await callAs(s, reviewer, 'payroll.reopen', { period: OPEN, reason: '发现漏发一户' })).ok).toBe(false);
    expect((await callAs(s, actorOf('admin'), 'payroll.reopen', { period: OPEN, reason: '' })).ok).toBe(false);
    const early = await callAs(s, actorOf('admin'), 'payroll.reopen', { period: CLOSED, reason: '发现漏发一户' });
    expect(early.ok || early.error.message).toContain('只能解锁最近锁定的月份');
    await ok(s, 'payroll.reopen', { period: OPEN, reason: '发现漏发一户，重新核对' }, actorOf('admin'));
    const audit = sq.prepare("SELECT after FROM audit_log WHERE entity = 'payroll_month' AND entity_id = ? ORDER BY id").pluck().all(OPEN) as string[];
    expect(audit.map((x) => JSON.parse(x).action)).toEqual(['锁定', '解锁']);
    expect(sq.prepare('SELECT reason FROM payroll_reopens WHERE period = ?').pluck().get(OPEN)).toBe('发现漏发一户，重新核对');

    await ok(s, 'payroll.close', { period: OPEN, closedOn: '2026-11-30' }, reviewer);
    await ok(s, 'ledgers.exportPackage', { period: OPEN, destination: usb });
    const late = await callAs(s, actorOf('admin'), 'payroll.reopen', { period: OPEN, reason: '导出后再改' });
    expect(late.ok || late.error.message).toContain('已于');
  });

  it('the 近亲属备案台账 of a closed month lists the registered cases paid in that month, even those matched later', async () => {
    const sq = s.handle.sqlite;
    const expected = sq.prepare(`SELECT COUNT(*) FROM relative_matches x JOIN staff_relatives r ON r.id = x.relative_id
      WHERE r.removed_at IS NULL AND x.household_id IN (SELECT household_id FROM payroll_lines WHERE period = ?)`).pluck().get(CLOSED) as number;
    expect(expected).toBeGreaterThan(0);
    sq.prepare("UPDATE relative_matches SET matched_at = '2026-11-20T08:00:00.000Z'").run(); // all found after October
    const r = await ok(s, 'ledgers.exportPackage', { period: CLOSED, destination: usb });
    const file = r.files.find((f: { name: string }) => f.name.includes('近亲属备案台账'));
    expect(file.rows['近亲属备案台账']).toBe(expected);
  });

  it('首页 lists last month\'s payroll until the reviewer closes it', async () => {
    const last = addMonths(localToday().slice(0, 7), -1);
    const keys = async () => (await ok(s, 'worklist.today', {}, reviewer)).items.map((i: { key: string }) => i.key);
    expect(await keys()).toContain(`payroll:${last}`);
    if (last !== OPEN) return; // the demo is built as of 2026-11-22; closing in order is only possible for the month after it
    await ok(s, 'payroll.close', { period: OPEN, closedOn: '2026-11-30' }, reviewer);
    expect(await keys()).not.toContain(`payroll:${last}`);
  });

  it('cli check finds a closed month edited behind the app (an amount, an account, a removed line)', async () => {
    expect((await payrollSnapshotCheck(s)).ok).toBe(true);
    for (const edit of ["UPDATE payroll_lines SET base_fen = base_fen + 1 WHERE period = '2026-05' AND seq = 2",
      "UPDATE payroll_lines SET bank_account = '62170000000000000001' WHERE period = '2026-05' AND seq = 2",
      "DELETE FROM payroll_lines WHERE period = '2026-05' AND seq = 2"]) {
      const sq = s.handle.sqlite;
      sq.exec('SAVEPOINT t');
      sq.exec(edit);
      const r = await payrollSnapshotCheck(s);
      expect(r.ok, edit).toBe(false);
      expect(JSON.stringify(r.details)).toContain('2026年5月');
      sq.exec('ROLLBACK TO t; RELEASE t');
    }
  });

  it('cli check finds a frozen ledger, the statistics or the month\'s own row edited behind the app, against the keyed close record', async () => {
    const sq = s.handle.sqlite;
    expect((await payrollSnapshotCheck(s)).ok).toBe(true);
    const edits: [string, RegExp][] = [
      // a 复核结果 row rewritten in the frozen ledgers: the package of that month would show it
      ["UPDATE payroll_ledger_rows SET rows_json = replace(rows_json, '\"', '\"改') WHERE period = '2026-05' AND ledger = (SELECT MIN(ledger) FROM payroll_ledger_rows WHERE period = '2026-05' AND row_count > 0)", /2026年5月冻结的台账或统计表/],
      ["UPDATE payroll_ledger_rows SET row_count = row_count + 1 WHERE period = '2026-05'", /2026年5月冻结的台账或统计表/],
      ["UPDATE payroll_months SET stats_json = replace(stats_json, '1', '2') WHERE period = '2026-05'", /2026年5月冻结的台账或统计表/],
      // the month's row rewritten to match its edited lines: only the audit row of the close still knows the truth
      ["UPDATE payroll_months SET total_fen = total_fen + 1, digest = 'a' || substr(digest, 2) WHERE period = '2026-05'", /2026年5月的锁定记录.*与操作日志中锁定时记下的不符/],
    ];
    for (const [edit, expected] of edits) {
      sq.exec('SAVEPOINT t');
      sq.exec(edit);
      const r = await payrollSnapshotCheck(s);
      expect(r.ok, edit).toBe(false);
      expect(((r.details as { problems: string[] }).problems).join('；'), edit).toMatch(expected);
      sq.exec('ROLLBACK TO t; RELEASE t');
    }
    expect((await payrollSnapshotCheck(s)).ok).toBe(true);
  });

  it('an open month does not export; accounts are masked for a role without sensitive.read', async () => {
    const r = await callAs(s, actorOf('admin'), 'ledgers.exportPackage', { period: OPEN, destination: usb });
    expect(r.ok || r.error.code).toBe('NOT_CLOSED');
    const full = await ok(s, 'payroll.month', { period: CLOSED, pageSize: 3 }, actorOf('clerk'));
    const masked = await ok(s, 'payroll.month', { period: CLOSED, pageSize: 3 }, reviewer);
    expect(full.lines[0].bankAccount).toMatch(/^\d{10,}$/);
    expect(masked.lines[0].bankAccount).toMatch(/^\d{4}\*+\d{4}$/);
    expect(masked.lines[0].headId).not.toBe(full.lines[0].headId);
    expect(JSON.stringify(masked)).not.toContain(full.lines[0].bankAccount);
  });
});

describe('ledgers of a closed month', () => {
  it('复核结果, 信访举报台账, 银行卡代管登记, 疑点核查反馈 and 专项治理工作台账 show the month as closed, whatever is changed or backdated later', async () => {
    const sq = s.handle.sqlite;
    const frozen = new Map((sq.prepare('SELECT ledger, row_count AS n FROM payroll_ledger_rows WHERE period = ?').all(CLOSED) as { ledger: string; n: number }[])
      .map((r) => [r.ledger, r.n]));
    expect([...frozen.keys()].sort()).toEqual(['cardCustody', 'complaints', 'governance', 'rechecks', 'relatives', 'suspects']);
    for (const l of ['rechecks', 'complaints']) expect(frozen.get(l), l).toBeGreaterThan(0);
    const first = await ok(s, 'ledgers.exportPackage', { period: CLOSED, destination: usb });

    // After the close: a recheck's findings corrected, a complaint's result rewritten, a recheck backdated into the month.
    const recheck = sq.prepare('SELECT id, household_id FROM recheck_records WHERE date <= ? ORDER BY id LIMIT 1').get(`${CLOSED}-31`) as { id: number; household_id: number };
    sq.prepare("UPDATE recheck_records SET findings = '事后改写的复核情况', outcome = '停保' WHERE id = ?").run(recheck.id);
    sq.prepare(`INSERT INTO recheck_records (household_id, kind, date, outcome, findings, checked_by, created_at)
      SELECT household_id, kind, ?, outcome, '补记的复核', checked_by, ? FROM recheck_records WHERE id = ?`).run(`${CLOSED}-15`, new Date().toISOString(), recheck.id);
    sq.prepare("UPDATE complaints SET result = '事后改写的办理结果' WHERE received_date <= ?").run(`${CLOSED}-31`);
    const live = (name: string) => [...featureLedgers.find((l) => l.name === name)!.rows(sq, { period: CLOSED, township: requireTownship(sq) })];
    expect(JSON.stringify(live('rechecks'))).toContain('事后改写的复核情况');
    expect(live('rechecks')).toHaveLength(frozen.get('rechecks')! + 1);
    expect(JSON.stringify(live('complaints'))).toContain('事后改写的办理结果');

    const second = await ok(s, 'ledgers.exportPackage', { period: CLOSED, destination: usb });
    for (const title of ['复核结果', '信访举报台账', '银行卡代管登记', '疑点核查反馈', '专项治理工作台账', '近亲属备案台账']) {
      expect(await sheetXml(second.path, title), title).toEqual(await sheetXml(first.path, title));
    }
    expect((await sheetXml(second.path, '复核结果'))[0]).not.toContain('事后改写');
    // The open month reads the live tables; a reopen drops the frozen rows with the month.
    await ok(s, 'payroll.close', { period: OPEN, closedOn: '2026-11-30' }, reviewer);
    await ok(s, 'payroll.reopen', { period: OPEN, reason: '核对后重新锁定' }, actorOf('admin'));
    expect(sq.prepare('SELECT COUNT(*) FROM payroll_ledger_rows WHERE period = ?').pluck().get(OPEN)).toBe(0);
  });
});
