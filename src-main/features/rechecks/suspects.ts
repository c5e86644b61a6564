import ExcelJS from 'exceljs';
import type Database from 'better-sqlite3';
import { parseIdNumber } from '../../domain/idNumber';
import { AppError, invalid } from '../../ipc/errors';
import type { SuspectMapping } from './settings';

/** A county 疑点 sheet as read: the header row in the county's order, then the data rows as text cells. */
export interface SuspectSheet { headers: string[]; rows: { rowNo: number; cells: (string | number | null)[] }[] }

export async function readSuspectSheet(file: string): Promise<SuspectSheet> {
  const wb = new ExcelJS.Workbook();
  try { await wb.xlsx.readFile(file); } catch (e) {
    throw new AppError('BAD_FILE', `无法读取该 Excel 文件（请用 Excel 或 WPS 另存为 .xlsx 后重试）：${(e as Error).message}`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw invalid('文件中没有工作表');
  let headers: string[] | null = null;
  const rows: SuspectSheet['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const cells = Array.from({ length: Math.max(row.cellCount, headers?.length ?? 0) }, (_, i) => cellValue(row.getCell(i + 1).value));
    if (!headers) { headers = cells.map((c) => String(c ?? '').trim()); return; }
    if (cells.every((c) => c === null || c === '')) return;
    rows.push({ rowNo, cells });
  });
  if (!headers) throw invalid('文件是空的，没有表头');
  return { headers, rows };
}

function cellValue(v: ExcelJS.CellValue): string | number | null {
  if (v == null) return null;
  if (typeof v === 'number') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return v.result == null ? null : cellValue(v.result as ExcelJS.CellValue);
  return String(v).trim();
}

const GUESS: [keyof SuspectMapping, RegExp][] = [
  ['idNumber', /身份证|身份号码|证件号/], ['name', /姓名/], ['reason', /疑点|比对|问题|预警/],
  ['result', /核[查实](结果|结论|情况)|是否属实/], ['action', /处理|措施|整改/], ['checker', /核[查实]人|经办人/], ['date', /日期|时间/],
];

/** A first guess of the mapping from the header names; the user confirms it once and it is remembered. */
export function guessMapping(headers: string[]): Partial<SuspectMapping> {
  const out: Partial<SuspectMapping> = {};
  for (const [field, re] of GUESS) {
    const h = headers.find((x) => re.test(x) && !Object.values(out).includes(x));
    if (h) out[field] = h;
  }
  return out;
}

export function checkMapping(headers: string[], m: Partial<SuspectMapping>): SuspectMapping {
  if (!m.idNumber) throw invalid('请指定哪一列是身份证号', { headers });
  for (const [field, h] of Object.entries(m)) {
    if (h && !headers.includes(h)) throw invalid(`列“${h}”（${field}）不在表头中`, { headers });
  }
  return m as SuspectMapping;
}

export interface ParsedRow { rowNo: number; cells: (string | number | null)[]; idNumber: string | null; name: string; reason: string; problem: string | null }

/** Reads each row's 身份证号: numeric cells lost digits in Excel and are refused with a clear message. */
export function parseRows(sheet: SuspectSheet, m: SuspectMapping): ParsedRow[] {
  const col = (h?: string) => (h ? sheet.headers.indexOf(h) : -1);
  const [idc, namec, reasonc] = [col(m.idNumber), col(m.name), col(m.reason)];
  return sheet.rows.map(({ rowNo, cells }) => {
    const raw = cells[idc];
    const name = namec >= 0 ? String(cells[namec] ?? '').trim() : '';
    const reason = reasonc >= 0 ? String(cells[reasonc] ?? '').trim() : '';
    const base = { rowNo, cells, name, reason };
    if (raw == null || raw === '') return { ...base, idNumber: null, problem: '身份证号为空' };
    if (typeof raw === 'number') return { ...base, idNumber: null, problem: '身份证号是数字格式，Excel 已丢失末几位；请把该列设为文本后重新导出' };
    const parsed = parseIdNumber(String(raw));
    if (!parsed.ok) return { ...base, idNumber: null, problem: `身份证号有误：${parsed.reason}` };
    return { ...base, idNumber: parsed.value.id, problem: null };
  });
}

export interface MemberHit { memberId: number; householdId: number; name: string }

export function findMembers(sqlite: Database.Database, ids: string[]): Map<string, MemberHit> {
  const out = new Map<string, MemberHit>();
  const stmt = sqlite.prepare('SELECT id AS memberId, household_id AS householdId, name FROM members WHERE id_number = ?');
  for (const id of new Set(ids)) {
    const hit = stmt.get(id) as MemberHit | undefined;
    if (hit) out.set(id, hit);
  }
  return out;
}

export const RESULT_HEADERS = { result: '核查结果', action: '处理措施', checker: '核查人', date: '核查日期' } as const;

export interface FeedbackRow { cells: (string | number | null)[]; result: string; action: string; checker: string; date: string }

/**
 * The feedback workbook in the county's own column order: the original cells, with the answer columns filled
 * where the county's sheet has them and appended at the end where it does not. 身份证号 is written as text.
 */
export async function writeFeedback(file: string, headers: string[], mapping: SuspectMapping, rows: FeedbackRow[]) {
  const extra = (Object.keys(RESULT_HEADERS) as (keyof typeof RESULT_HEADERS)[]).filter((k) => !mapping[k]);
  const allHeaders = [...headers, ...extra.map((k) => RESULT_HEADERS[k])];
  const index = (k: keyof typeof RESULT_HEADERS) => (mapping[k] ? headers.indexOf(mapping[k]!) : headers.length + extra.indexOf(k));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('疑点核查反馈');
  ws.addRow(allHeaders).font = { bold: true };
  const idCol = headers.indexOf(mapping.idNumber) + 1;
  ws.getColumn(idCol).numFmt = '@';
  for (const r of rows) {
    const cells = [...r.cells.slice(0, headers.length), ...Array(Math.max(0, allHeaders.length - r.cells.length)).fill(null)];
    cells.length = allHeaders.length;
    for (const k of Object.keys(RESULT_HEADERS) as (keyof typeof RESULT_HEADERS)[]) cells[index(k)] = r[k];
    if (typeof cells[idCol - 1] === 'number') cells[idCol - 1] = String(cells[idCol - 1]);
    ws.addRow(cells);
  }
  allHeaders.forEach((_, i) => { ws.getColumn(i + 1).width = i === idCol - 1 ? 22 : 14; });
  await wb.xlsx.writeFile(file);
}
