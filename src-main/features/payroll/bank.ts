import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type Database from 'better-sqlite3';
import { AppError } from '../../ipc/errors';
import { getSetting } from '../settings/store';
import { BANK_FIELDS, cellText, csvField, DEFAULT_BANK_TEMPLATE, templateProblems, type BankRow, type BankTemplate } from '../../domain/bankTemplate';
import { readClosed } from './snapshot';
import type { Payroll } from './compute';

export const BANK_TEMPLATE_KEY = 'payroll.bankTemplate';
export const bankTemplate = (sqlite: Database.Database) => getSetting<BankTemplate>(sqlite, BANK_TEMPLATE_KEY, DEFAULT_BANK_TEMPLATE);

const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * What the bank pays each household for the month: its line plus its 补发/扣回. A household whose 扣回 is more than
 * the month's amount is not sent to the bank (nothing to pay) and is listed in `heldBack` for recovery in person.
 */
export function bankRows(p: Payroll): { rows: BankRow[]; totalFen: number; heldBack: { label: string; netFen: number }[] } {
  const adjust = new Map<number, number>();
  for (const c of p.changes) if (c.amountFen) adjust.set(c.householdId, (adjust.get(c.householdId) ?? 0) + c.amountFen);
  const rows: BankRow[] = [];
  const heldBack: { label: string; netFen: number }[] = [];
  const onLines = new Set<number>();
  for (const l of p.lines) {
    if (l.householdId !== null) onLines.add(l.householdId);
    const extra = l.householdId !== null ? adjust.get(l.householdId) ?? 0 : 0;
    const net = l.baseFen + l.topUpFen + extra;
    const remark = extra > 0 ? `含补发 ${yuan(extra)} 元` : extra < 0 ? `含扣回 ${yuan(-extra)} 元` : '';
    if (net <= 0) { heldBack.push({ label: `${l.village} ${l.headName}`, netFen: net }); continue; }
    rows.push({ seq: rows.length + 1, headName: l.headName, headId: l.headId, bankAccount: l.bankAccount, amountFen: net, bankName: l.bankName,
      remark, village: l.village, group: l.grp, certificateNo: l.certificateNo, covered: l.covered });
  }
  for (const c of p.changes) {
    if (c.amountFen && !onLines.has(c.householdId) && !heldBack.some((h) => h.label === c.label)) {
      heldBack.push({ label: c.label, netFen: adjust.get(c.householdId) ?? 0 });
    }
  }
  return { rows, totalFen: rows.reduce((a, r) => a + r.amountFen, 0), heldBack };
}

/**
 * Writes the closed month's payment list in the office's template to `dir` (a folder the clerk picks, e.g. the USB
 * stick for the bank). Refused for an open month and for a template that fails templateProblems. The last line is
 * the totals line; its amount equals the payroll's total whenever no household's 扣回 exceeds its month.
 */
export async function writeBankFile(sqlite: Database.Database, period: string, dir: string, stem: string) {
  const t = bankTemplate(sqlite);
  const problems = templateProblems(t);
  if (problems.length) throw new AppError('VALIDATION', `银行发放清单模板不能使用：${problems.join('；')}`);
  if (t.public) throw new AppError('VALIDATION', '银行发放清单只交银行，不能使用“公开”模板');
  const p = readClosed(sqlite, period);
  if (!p) throw new AppError('NOT_CLOSED', `${period} 的发放名册尚未锁定，不能生成银行发放清单`);
  const { rows, totalFen, heldBack } = bankRows(p);
  const totalsLine = t.columns.map((c, i) => (c.field === 'amount' ? yuan(totalFen) : i === 0 ? `合计 ${rows.length} 户` : ''));
  const file = path.join(dir, `${stem}.${t.format}`);
  if (fs.existsSync(file)) throw new AppError('CONFLICT', `目标位置已有 ${path.basename(file)}`);
  if (t.format === 'csv') {
    const lines = [t.columns.map((c) => csvField(c.header)), ...rows.map((r) => t.columns.map((c) => csvField(cellText(c.field, r)))), totalsLine.map(csvField)];
    const text = lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
    fs.writeFileSync(file, t.encoding === 'GBK' ? iconv.encode(text, 'gbk') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
  } else {
    await writeXlsx(file, t, rows, totalsLine, totalFen);
  }
  return { file, format: t.format, encoding: t.encoding, households: rows.length, totalFen, payrollTotalFen: p.totals.totalFen, heldBack,
    columns: t.columns.map((c) => c.header) };
}

async function writeXlsx(file: string, t: BankTemplate, rows: BankRow[], totalsLine: string[], totalFen: number) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(t.name.slice(0, 31) || '发放清单');
  ws.columns = t.columns.map((c) => ({ key: c.field, width: c.field === 'headId' || c.field === 'bankAccount' ? 24 : 12 }));
  ws.addRow(t.columns.map((c) => c.header)).commit();
  const textStyle: Partial<ExcelJS.Style> = { numFmt: '@' };
  const moneyStyle: Partial<ExcelJS.Style> = { numFmt: '0.00' };
  for (const r of rows) {
    // IDs and accounts as text (never 6.2E+18); the amount as a number so the bank's SUM works.
    const row = ws.addRow(t.columns.map((c) => (c.field === 'amount' ? r.amountFen / 100 : cellText(c.field, r))));
    t.columns.forEach((c, i) => { row.getCell(i + 1).style = c.field === 'amount' ? moneyStyle : textStyle; });
    row.commit();
  }
  const total = ws.addRow(totalsLine.map((v, i) => (t.columns[i].field === 'amount' ? totalFen / 100 : v)));
  total.commit();
  ws.commit();
  await wb.commit();
}

export const fieldNames = BANK_FIELDS;
