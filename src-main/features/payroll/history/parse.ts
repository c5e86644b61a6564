import { cellText, isTotalRow, nfkc, parseCount, parseMonth, parseYuan, type Cell } from '../../households/roster/cells';
import type { SheetRow } from '../../households/roster/read';
import { parseIdNumber } from '../../../domain/idNumber';

/**
 * Reading an office's earlier 发放表 (history import), row by row, without the database: which column is which, the
 * month of each row, and every cell that cannot be read. Matching to the township's people and the month checks
 * come after (resolve.ts).
 */

/** One paid line as the file states it. */
export interface HistoryRow {
  sheet: string; row: number; period: string; idNumber: string; name: string; baseFen: number; topUpFen: number;
  covered: number | null; bankName: string; bankAccount: string;
  /** Where the month, the ID and the name were read (e.g. "C列（身份证号码）"), for problems found later. */
  columns: { period: string; id: string; name: string };
}
/** One bad row (or, with row null, a problem of the whole sheet or file). */
export interface HistoryProblem { sheet: string; row: number | null; column: string; reason: string }

type Field = 'period' | 'id' | 'name' | 'base' | 'topUp' | 'total' | 'covered' | 'bankName' | 'bankAccount';
const FIELD_LABELS: Record<Field, string> = {
  period: '发放月份', id: '身份证号', name: '姓名', base: '保障金', topUp: '分类施保金', total: '发放金额',
  covered: '保障人数', bankName: '开户银行', bankAccount: '账号',
};

/** Header words offices use, checked in this order (分类施保 before 保障金: "分类施保金" must not read as base). */
const HEADERS: [Field, RegExp][] = [
  ['period', /^(发放)?(年月|月份)$/],
  ['id', /身份证|身份号码|证件号码/],
  ['name', /^(户主|领款人|收款人|户名|户主姓名|姓名|领款人姓名|收款人姓名)$/],
  ['topUp', /分类施保/],
  ['covered', /^(保障)?人(数|口)|^享受人数/],
  ['bankName', /开户(银)?行|^银行$|代发银行/],
  ['bankAccount', /账号|帐号|卡号|折号/],
  ['total', /^(合计|发放金额|实发金额|应发金额|金额|发放合计)(（元）|\(元\)|元)?$/],
  ['base', /保障金|低保金|救助金|补助金|月发放/],
];

export const columnName = (index: number) => {
  let s = ''; let n = index + 1;
  while (n > 0) { const r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); }
  return s;
};

function fieldOf(header: string): Field | null {
  const h = header.replace(/[\s\u3000]/g, '');
  for (const [f, re] of HEADERS) if (re.test(h)) return f;
  return null;
}

type Columns = Partial<Record<Field, { index: number; header: string }>>;

/** A header row: one naming an ID column and at least one amount column. */
function headerColumns(cells: Cell[]): Columns | null {
  const cols: Columns = {};
  cells.forEach((c, index) => {
    const header = cellText(c);
    const f = header ? fieldOf(header) : null;
    if (f && !cols[f]) cols[f] = { index, header };
  });
  return cols.id && (cols.base || cols.total) ? cols : null;
}

/** "2026年1月", "2026-01", "202601" as a sheet name → the sheet's month. */
function sheetMonth(name: string): string | null {
  const m = /(\d{4})\s*[年.\-/]?\s*(\d{1,2})\s*月?/.exec(name);
  if (!m) return null;
  const r = parseMonth({ kind: 'text', text: `${m[1]}-${m[2]}` });
  return r.ok ? r.value : null;
}

/** Reads the sheets' rows into lines and problems. Rows before a sheet's header row and 合计 rows are skipped. */
export class HistoryReader {
  readonly rows: HistoryRow[] = [];
  readonly problems: HistoryProblem[] = [];
  readonly sheets: { name: string; header: number | null; rows: number }[] = [];
  private cols: Columns | null = null;
  private sheet = '';

  constructor(private readonly today: Date) {}

  add(r: SheetRow) {
    if (r.sheet !== this.sheet) { this.sheet = r.sheet; this.cols = null; this.sheets.push({ name: r.sheet, header: null, rows: 0 }); }
    const cells = r.cells.map(nfkc);
    const texts = cells.map(cellText).filter(Boolean);
    if (!texts.length) return;
    if (!this.cols) {
      this.cols = r.row <= 20 ? headerColumns(r.cells) : null;
      if (this.cols) this.sheets.at(-1)!.header = r.row;
      return;
    }
    if (isTotalRow(texts) || /^(填表|制表|审核|负责人|备注|说明)/.test(texts[0])) return;
    this.sheets.at(-1)!.rows++;
    this.readLine(r, cells);
  }

  /** Sheets with rows but no recognisable header are reported, so nothing in the file is silently passed over. */
  finish() {
    if (!this.sheets.length) this.problems.push({ sheet: '', row: null, column: '', reason: '文件中没有工作表' });
    for (const s of this.sheets) if (s.header === null) {
      this.problems.push({ sheet: s.name, row: null, column: '', reason: '前 20 行中没有找到表头（需要“身份证号”列和“保障金”或“发放金额”列），此表未读取' });
    }
    if (this.sheets.length && this.sheets.every((s) => s.header !== null && s.rows === 0)) {
      this.problems.push({ sheet: '', row: null, column: '', reason: '文件中没有发放记录' });
    }
  }

  private readLine(r: SheetRow, cells: Cell[]) {
    const cols = this.cols!;
    let bad = false;
    const where = (f: Field) => { const c = cols[f]; return c ? `${columnName(c.index)}列（${c.header}）` : f === 'period' ? '工作表名称' : FIELD_LABELS[f]; };
    const problem = (f: Field, reason: string) => {
      bad = true;
      this.problems.push({ sheet: r.sheet, row: r.row, column: where(f), reason });
    };
    const cell = (f: Field): Cell => (cols[f] ? cells[cols[f]!.index] ?? { kind: 'empty' } : { kind: 'empty' });
    const text = (f: Field) => cellText(cell(f)).trim();

    let period: string | null = null;
    if (cols.period) {
      const m = parseMonth(cell('period'));
      if (!m.ok) problem('period', m.reason); else if (!m.value) problem('period', '发放月份为空'); else period = m.value;
    } else {
      period = sheetMonth(r.sheet);
      if (!period) problem('period', `无法确定发放月份：请加“发放月份”列，或把工作表命名为如“2026年1月”（现为“${r.sheet}”）`);
    }

    const idRaw = text('id');
    const id = idRaw ? parseIdNumber(idRaw.replace(/\s/g, ''), this.today) : null;
    if (!id) problem('id', '身份证号为空');
    else if (!id.ok) problem('id', `身份证号有误：${id.reason}`);

    const name = text('name').replace(/\s/g, '');
    if (cols.name && !name) problem('name', '姓名为空');

    const amounts = this.amounts(cell, problem);
    const covered = parseCount(cell('covered'));
    if (!covered.ok) problem('covered', covered.reason);
    if (bad || !amounts || !period || !id?.ok) return;
    this.rows.push({ sheet: r.sheet, row: r.row, period, idNumber: id.value.id, name, baseFen: amounts.baseFen, topUpFen: amounts.topUpFen,
      covered: covered.ok ? covered.value : null, bankName: text('bankName'), bankAccount: text('bankAccount').replace(/\s/g, ''),
      columns: { period: where('period'), id: where('id'), name: where('name') } });
  }

  /** 保障金 and 分类施保金, from whichever columns the file has; a 合计 column must agree with them. */
  private amounts(cell: (f: Field) => Cell, problem: (f: Field, reason: string) => void): { baseFen: number; topUpFen: number } | null {
    const read = (f: Field) => {
      if (!this.cols![f]) return null;
      const v = parseYuan(cell(f));
      if (!v.ok) { problem(f, v.reason); return undefined; }
      return v.value;
    };
    const base = read('base'), topUp = read('topUp'), total = read('total');
    if (base === undefined || topUp === undefined || total === undefined) return null;
    const baseFen = base ?? (total !== null ? total - (topUp ?? 0) : null);
    if (baseFen === null) { problem(this.cols!.base ? 'base' : 'total', '发放金额为空'); return null; }
    if (baseFen < 0) { problem('total', `发放金额小于分类施保金`); return null; }
    if (base !== null && total !== null && base + (topUp ?? 0) !== total) {
      problem('total', `合计 ${yuan(total)} 元不等于保障金 ${yuan(base)} 元加分类施保金 ${yuan(topUp ?? 0)} 元`);
      return null;
    }
    if (baseFen + (topUp ?? 0) === 0) { problem(this.cols!.base ? 'base' : 'total', '发放金额为 0：未发放的户不要列入发放表'); return null; }
    return { baseFen, topUpFen: topUp ?? 0 };
  }
}

const yuan = (fen: number) => (fen / 100).toFixed(2);
