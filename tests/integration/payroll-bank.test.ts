import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorOf, callAs, ok, testServices } from '../helpers/services';

const CLOSED = '2026-10';
let s: ReturnType<typeof testServices>;
let usb: string;
beforeEach(() => { s = testServices({ demo: true, households: 40 }); usb = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-bank-')); });
afterEach(() => { s.close(); fs.rmSync(usb, { recursive: true, force: true }); });

const payrollTotal = () => s.handle.sqlite.prepare('SELECT total_fen FROM payroll_months WHERE period = ?').pluck().get(CLOSED) as number;

describe('bank file (一卡通发放清单)', () => {
  it('xlsx in the default template: IDs and accounts as text, amounts as numbers, a totals line equal to the payroll', async () => {
    const r = await ok(s, 'payroll.bankFile', { period: CLOSED, destination: usb }, actorOf('clerk'));
    expect(r.totalFen).toBe(payrollTotal());
    const wb = XLSX.read(fs.readFileSync(r.file));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: true });
    expect(rows[0]).toEqual(['序号', '户名', '身份证号', '账号', '金额', '开户行', '备注']);
    const data = rows.slice(1, -1) as (string | number)[][];
    expect(data).toHaveLength(r.households);
    for (const row of data) { expect(typeof row[2]).toBe('string'); expect(typeof row[3]).toBe('string'); expect(typeof row[4]).toBe('number'); }
    const totals = rows.at(-1) as (string | number)[];
    expect(totals[0]).toBe(`合计 ${r.households} 户`);
    expect(Math.round((totals[4] as number) * 100)).toBe(payrollTotal());
    expect(Math.round(data.reduce((a, x) => a + (x[4] as number) * 100, 0))).toBe(payrollTotal());
  });

  it('CSV in GBK in the order the bank asks for', async () => {
    await ok(s, 'payroll.setBankTemplate', { name: '信用社代发', format: 'csv', encoding: 'GBK', public: false,
      columns: [{ field: 'bankAccount', header: '卡号' }, { field: 'headName', header: '姓名' }, { field: 'amount', header: '发放金额' }, { field: 'headId', header: '证件号码' }] });
    const r = await ok(s, 'payroll.bankFile', { period: CLOSED, destination: usb }, actorOf('clerk'));
    const text = iconv.decode(fs.readFileSync(r.file), 'gbk');
    const lines = text.trimEnd().split('\r\n').map((l) => l.split(','));
    expect(lines[0]).toEqual(['卡号', '姓名', '发放金额', '证件号码']);
    expect(lines[1][0]).toMatch(/^\d{10,25}$/);
    expect(lines[1][3]).toMatch(/^\d{17}[\dX]$/);
    expect(lines.at(-1)![2]).toBe((payrollTotal() / 100).toFixed(2));
    expect(lines.slice(1, -1).reduce((a, l) => a + Math.round(Number(l[2]) * 100), 0)).toBe(payrollTotal());
  });

  it('refuses a public template with an ID or account, an open month, and a role without sensitive.read', async () => {
    const pub = await callAs(s, actorOf('admin'), 'payroll.setBankTemplate', { name: '张贴名单', format: 'xlsx', public: true,
      columns: [{ field: 'headName', header: '户主' }, { field: 'headId', header: '身份证' }, { field: 'bankAccount', header: '账号' }] });
    expect(pub.ok).toBe(false);
    if (!pub.ok) expect(pub.error.message).toContain('不能包含“身份证号”、“账号”');
    const noAccount = await callAs(s, actorOf('admin'), 'payroll.setBankTemplate', { name: '缺账号', format: 'csv', columns: [{ field: 'headName', header: '户名' }] });
    expect(noAccount.ok).toBe(false);
    const open = await callAs(s, actorOf('clerk'), 'payroll.bankFile', { period: '2026-11', destination: usb });
    expect(open.ok || open.error.code).toBe('NOT_CLOSED');
    const reviewer = await callAs(s, actorOf('reviewer'), 'payroll.bankFile', { period: CLOSED, destination: usb });
    expect(reviewer.ok || reviewer.error.code).toBe('FORBIDDEN');
    expect(fs.readdirSync(usb)).toEqual([]);
  });
});
