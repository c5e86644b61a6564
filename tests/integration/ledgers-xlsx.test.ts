import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorOf, callAs, ok, testServices } from '../helpers/services';
import { outboxDir } from '../../src-main/ipc/files';

let s: ReturnType<typeof testServices>;
beforeEach(() => { s = testServices({ demo: true, households: 60 }); });
afterEach(() => s.close());

const PERIOD = '2026-10';

describe('ledger exports', () => {
  it('writes the roster with 身份证号 and bank accounts as text, counts matching the database, and A4 print setup', async () => {
    const r = await ok(s, 'ledgers.exportLedger', { name: 'roster', period: PERIOD });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outboxDir(s.dir), r.fileName));
    const hh = wb.getWorksheet('低保对象花名册')!;
    const members = wb.getWorksheet('家庭成员')!;
    const sq = s.handle.sqlite;
    const paid = sq.prepare(`SELECT COUNT(*) FROM households WHERE status IN ('在保','渐退') AND (start_month IS NULL OR start_month <= ?)`).pluck().get(PERIOD);
    const people = sq.prepare(`SELECT COUNT(*) FROM members m JOIN households h ON h.id = m.household_id
      WHERE h.status IN ('在保','渐退') AND (h.start_month IS NULL OR h.start_month <= ?) AND m.state = '在户'`).pluck().get(PERIOD);
    expect(hh.rowCount - 2).toBe(paid);
    expect(members.rowCount - 2).toBe(people);
    expect(r.rows).toEqual({ 低保对象花名册: paid, 家庭成员: people });

    expect(String(hh.getCell('A1').value)).toContain('青溪镇低保对象花名册（2026年10月）');
    expect(hh.getRow(2).values).toContain('身份证号');
    const ids = new Set(sq.prepare("SELECT id_number FROM members").pluck().all() as string[]);
    for (let row = 3; row <= members.rowCount; row++) {
      const cell = members.getCell(row, 6);
      expect(typeof cell.value).toBe('string');
      expect(ids.has(cell.value as string)).toBe(true);
      expect(cell.numFmt).toBe('@');
    }
    const account = hh.getCell(3, 17);
    expect(typeof account.value).toBe('string');
    expect(String(account.value)).toMatch(/^62\d{18}$/);

    expect(hh.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(hh.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(hh.pageSetup.printTitlesRow).toBe('1:2');
    expect(hh.getColumn(6).width).toBeGreaterThanOrEqual(20);
  });

  it('lists every ledger and exports the ones of other features once their tables exist', async () => {
    const list = await ok(s, 'ledgers.list', {});
    expect(list.map((l: { title: string }) => l.title)).toEqual(
      ['低保对象花名册', '近亲属备案台账', '专项治理工作台账', '信访举报台账', '银行卡代管登记', '疑点核查反馈', '复核结果']);
    for (const l of list.filter((x: { available: boolean }) => x.available)) {
      const r = await ok(s, 'ledgers.exportLedger', { name: l.name, period: PERIOD });
      expect(r.fileName).toContain(l.title);
    }
  });

  it('refuses the ID-bearing roster to a read-only user but lets them see the statistics', async () => {
    const r = await callAs(s, actorOf('readonly'), 'ledgers.exportLedger', { name: 'roster', period: PERIOD });
    expect(r.ok).toBe(false);
    const stats = await ok(s, 'ledgers.stats', { period: PERIOD }, actorOf('readonly'));
    expect(stats.total.households).toBeGreaterThan(0);
    expect(stats.total.perCapitaYuan).toBe(Math.round(stats.total.fundsFen / stats.total.persons / 100));
    const labour = Object.values(stats.total.labour as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(labour).toBe(stats.total.persons);
  });

  it('explains a failed cross-check: a paid household whose only member died', async () => {
    // The month still open (the demo closed the months before it): its draft statistics follow today's records.
    const open = '2026-11';
    const sq = s.handle.sqlite;
    const h = sq.prepare(`SELECT h.id FROM households h WHERE h.status = '在保' AND (h.start_month IS NULL OR h.start_month <= ?) LIMIT 1`).pluck().get(open) as number;
    sq.prepare("UPDATE members SET state = '死亡', death_date = '2026-09-01' WHERE household_id = ?").run(h);
    const stats = await ok(s, 'ledgers.stats', { period: open });
    expect(stats.payroll.closed).toBe(false);
    const check = stats.checks.find((c: { name: string }) => c.name === '每户至少一名保障对象');
    expect(check.ok).toBe(false);
    expect(check.detail).toContain('请复核这些户');
    expect(stats.checksOk).toBe(false);
  });
});
