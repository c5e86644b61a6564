import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { actorOf, callAs, dbFingerprint, ok, testServices } from '../helpers/services';
import { saveToInbox } from '../../src-main/ipc/files';
import { makeIdNumber } from '../../src-main/domain/idNumber';
import { payrollSnapshotCheck } from '../../src-main/features/payroll/checks';
import { monthsBetween } from '../../src-main/domain/payroll';

// testServices builds the township and its demo for 2026-11-22, and the channels read the clock: the clock is held
// at a day these tests were written on (after November, before the demo's planted deadlines of 2026-12-19/20).
// Otherwise those deadlines fall overdue once CI runs later, and closing or checking a month fails for that alone.
// Only Date is faked: timers and worker threads run as usual.
vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true }); // the clock runs on from there (records are ordered by time)
vi.setSystemTime(new Date('2026-12-02T10:00:00'));
afterAll(() => { vi.useRealTimers(); });

// testServices builds the demo as of 2026-11-22: January–October 2026 are closed through the app.
const reviewer = actorOf('reviewer');
const admin = actorOf('admin');
let s: ReturnType<typeof testServices>;
beforeEach(() => { s = testServices({ demo: true, households: 30 }); });
afterEach(() => s.close());

interface Line { headId: string; headName: string; baseFen: number; topUpFen: number; account: string }
const linesOf = (period: string) => s.handle.sqlite.prepare(`SELECT head_id AS headId, head_name AS headName, base_fen AS baseFen, top_up_fen AS topUpFen,
  bank_account AS account FROM payroll_lines WHERE period = ? ORDER BY seq`).all(period) as Line[];

/** Reopens the closed months from the latest back to `from`, as an administrator would for an office starting over. */
async function reopenBackTo(from: string) {
  const closed = s.handle.sqlite.prepare('SELECT period FROM payroll_months WHERE period >= ? ORDER BY period DESC').pluck().all(from) as string[];
  for (const period of closed) await ok(s, 'payroll.reopen', { period, reason: '改为导入原发放表' }, admin);
}

type Row = (string | number | null)[];
/** An office's 发放表: a title row, the header, the lines, a 合计 row; one sheet per entry. */
async function upload(sheets: { name: string; header: string[]; rows: Row[] }[], name = '2026年发放表.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const sh of sheets) {
    const ws = wb.addWorksheet(sh.name);
    ws.addRow([`青溪镇城乡低保资金发放表（${sh.name}）`]);
    ws.addRow(sh.header);
    for (const r of sh.rows) ws.addRow(r);
    ws.addRow(['合计', '', '', '']);
  }
  const file = path.join(s.dir, name);
  await wb.xlsx.writeFile(file);
  return saveToInbox(s.dir, name, fs.readFileSync(file));
}
const HEADER = ['序号', '户主姓名', '身份证号码', '月保障金（元）', '分类施保金', '合计', '银行账号'];
const rowOf = (l: Line, i: number): Row => [i + 1, l.headName, l.headId, l.baseFen / 100, l.topUpFen / 100, (l.baseFen + l.topUpFen) / 100, l.account];

describe('history import of earlier months\' 发放表', () => {
  it('a dry run and an import with bad rows report every one with sheet, row, column and reason, and write nothing', async () => {
    const sept = linesOf('2026-09');
    await reopenBackTo('2026-10');
    const stranger = makeIdNumber('510902', '1970-05-05', 777, true);
    const rows = sept.map(rowOf);
    rows[1][3] = '五百元';                                        // row 4: malformed amount
    rows[2][2] = `${sept[2].headId.slice(0, 17)}${sept[2].headId[17] === '1' ? '2' : '1'}`; // row 5: wrong check digit
    rows[3][2] = stranger;                                          // row 6: nobody of the township
    rows[4][1] = '张冒名';                                           // row 7: name does not match the ID
    rows[5][5] = (sept[5].baseFen + sept[5].topUpFen) / 100 + 1;    // row 8: 合计 disagrees
    rows.push(rowOf(sept[0], rows.length));                          // last row: the first household twice
    const dupRow = rows.length + 2;
    const inbox = await upload([
      { name: '2026年10月', header: HEADER, rows },
      { name: '补报', header: ['发放月份', '户主姓名', '身份证号码', '发放金额'], rows: [
        ['2026-03', sept[6].headName, sept[6].headId, 300],             // a month already closed
        ['2026-13', sept[7].headName, sept[7].headId, 300],             // no such month
        ['2026-12', sept[8].headName, sept[8].headId, 300],             // not yet past
      ] },
    ]);
    const before = dbFingerprint(s);
    for (const dryRun of [true, false]) {
      const r = await ok(s, 'payroll.importHistory', { inboxName: inbox, dryRun }, reviewer);
      expect(r.imported).toBe(false);
      const got = r.problems.map((p: { sheet: string; row: number; column: string }) => `${p.sheet}:${p.row}:${p.column}`);
      expect(got).toEqual([
        '2026年10月:4:D列（月保障金（元））', '2026年10月:5:C列（身份证号码）', '2026年10月:6:C列（身份证号码）', '2026年10月:7:B列（户主姓名）',
        '2026年10月:8:F列（合计）', `2026年10月:${dupRow}:C列（身份证号码）`, '补报:3:A列（发放月份）', '补报:4:A列（发放月份）', '补报:5:A列（发放月份）',
      ]);
      const reasons = r.problems.map((p: { reason: string }) => p.reason);
      expect(reasons[0]).toContain('无法识别的金额“五百元”');
      expect(reasons[1]).toContain('身份证号校验位错误');
      expect(reasons[2]).toContain('本镇户档案中没有身份证号为');
      expect(reasons[2]).not.toContain(stranger);
      expect(reasons[3]).toContain(`与户档案中该身份证号的姓名“${sept[4].headName}”不符`);
      expect(reasons[4]).toContain('不等于保障金');
      expect(reasons[5]).toContain('与第 3 行重复');
      expect(reasons[6]).toBe('2026-03 已锁定，不能再导入');
      expect(reasons[7]).toContain('2026年13月');
      expect(reasons[8]).toContain('不是已过去的月份');
      expect(dbFingerprint(s)).toBe(before);
    }
    // The clerk may not import; the permission is the reviewer's.
    const clerk = await callAs(s, actorOf('clerk'), 'payroll.importHistory', { inboxName: inbox, dryRun: true });
    expect(clerk.ok ? 'ok' : clerk.error.code).toBe('FORBIDDEN');
  });

  it('a clean import freezes each month as 导入, audited; 本年累计 is then the sum of the imported and the closed months', async () => {
    const months = monthsBetween('2026-01', '2026-09');
    const paid = Object.fromEntries(months.map((m) => [m, linesOf(m)]));
    await reopenBackTo('2026-01');
    // The office's own figures: March paid one household 20 元 more than the decisions would give (a real history, not recomputed).
    paid['2026-03'][0] = { ...paid['2026-03'][0], baseFen: paid['2026-03'][0].baseFen + 2000 };
    const inbox = await upload(months.map((m) => ({ name: `${Number(m.slice(0, 4))}年${Number(m.slice(5))}月`, header: HEADER, rows: paid[m].map(rowOf) })));
    const dry = await ok(s, 'payroll.importHistory', { inboxName: inbox }, reviewer);
    expect(dry).toMatchObject({ dryRun: true, imported: false, errors: 0 });
    const sums = months.map((m) => paid[m].reduce((a, l) => a + l.baseFen + l.topUpFen, 0));
    expect(dry.months.map((m: { period: string; totalFen: number }) => [m.period, m.totalFen])).toEqual(months.map((m, i) => [m, sums[i]]));
    expect(s.handle.sqlite.prepare('SELECT COUNT(*) FROM payroll_months').pluck().get()).toBe(0);

    const done = await ok(s, 'payroll.importHistory', { inboxName: inbox, dryRun: false }, reviewer);
    expect(done.imported).toBe(true);
    const listed = await ok(s, 'payroll.months', {});
    expect(listed.months.map((m: { period: string; source: string }) => `${m.period} ${m.source}`).reverse()).toEqual(months.map((m) => `${m} 导入`));
    const march = await ok(s, 'payroll.month', { period: '2026-03', pageSize: 500 });
    expect(march).toMatchObject({ closed: true, source: '导入' });
    expect(march.totals.totalFen).toBe(sums[2]);
    expect(march.lines[0].decisionLabel).toMatch(/^历史导入：2026年发放表\.xlsx 2026年3月 第3行$/);
    const audit = s.handle.sqlite.prepare("SELECT entity_id, after FROM audit_log WHERE entity = 'payroll_month' AND after LIKE '%历史导入%' ORDER BY id").all() as { entity_id: string }[];
    expect(audit.map((a) => a.entity_id)).toEqual(months);
    expect((await payrollSnapshotCheck(s)).ok).toBe(true);

    // Frozen like a closed month: importing again is refused row by row; an edit behind the app is found by check.
    const again = await ok(s, 'payroll.importHistory', { inboxName: inbox, dryRun: true }, reviewer);
    expect(again.errors).toBe(months.reduce((a, m) => a + paid[m].length, 0));
    expect(again.problems[0].reason).toBe('2026-01 已导入，不能再导入');

    // October is then computed and closed through the app; its 本年累计 counts the imported months as paid.
    const oct = await ok(s, 'payroll.close', { period: '2026-10', closedOn: '2026-11-03' }, reviewer);
    const stats = await ok(s, 'ledgers.stats', { period: '2026-10' });
    expect(stats.total.fundsFen).toBe(oct.totalFen);
    expect(stats.total.ytdFen).toBe(sums.reduce((a, x) => a + x, 0) + oct.totalFen);
    const sep = await ok(s, 'ledgers.stats', { period: '2026-09' });
    expect(sep.total.fundsFen).toBe(sums[8]);
    expect(sep.payroll).toMatchObject({ closed: true, source: '导入' });

    s.handle.sqlite.prepare("UPDATE payroll_lines SET base_fen = base_fen + 100 WHERE period = '2026-05' AND seq = 1").run();
    expect(await payrollSnapshotCheck(s)).toMatchObject({ ok: false, details: { problems: ['2026年5月的发放名册与锁定时的校验值不符'] } });
  });

  it('refuses a gap between imported and closed months, and a file with no readable sheet', async () => {
    await reopenBackTo('2026-09');
    const aug = linesOf('2026-08');
    const gap = await upload([{ name: '2026年10月', header: HEADER, rows: aug.map(rowOf) }], 'gap.xlsx');
    const r = await ok(s, 'payroll.importHistory', { inboxName: gap }, reviewer);
    expect(r.problems.map((p: { reason: string }) => p.reason)).toEqual(['导入后月份不连续，缺少 2026-09 的发放表：请一并导入，月份之间不能有空缺']);
    const none = await upload([{ name: 'Sheet1', header: ['序号', '姓名', '地址'], rows: [[1, '张三', '石桥村']] }], 'none.xlsx');
    const n = await ok(s, 'payroll.importHistory', { inboxName: none }, reviewer);
    expect(n.problems.map((p: { sheet: string; reason: string }) => `${p.sheet} ${p.reason}`)).toEqual([
      'Sheet1 前 20 行中没有找到表头（需要“身份证号”列和“保障金”或“发放金额”列），此表未读取']);
  });
});
