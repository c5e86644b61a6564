import ExcelJS from 'exceljs';

/**
 * One streaming xlsx writer for every ledger: a merged title row, a frozen header row, A4 landscape
 * print setup (fit to width, header rows repeated on each page), and text columns written as text so an
 * 18-digit 身份证号 or a bank account never turns into 1.1E+17 in Excel or WPS.
 */
export type ColumnKind = 'text' | 'int' | 'yuan';
export interface LedgerColumn { key: string; header: string; kind?: ColumnKind; /** Width in Latin characters. */ width?: number }
export type LedgerRow = Record<string, string | number | null | undefined>;
export interface LedgerSheet {
  name: string; title: string; columns: LedgerColumn[]; rows: Iterable<LedgerRow>; note?: string;
  /** A line under the title (填报单位、填报时间 of a form). */
  subtitle?: string;
  /** Lines after the rows (a sign-off block: 单位负责人、审核人、填表人、联系电话). */
  footer?: string[];
  /**
   * Print at this scale (percent) instead of fitting all columns to one page width, so the text stays readable
   * (11 pt × 80 % ≈ 8.8 pt); wide sheets then continue on further pages with the first column repeated.
   */
  printScale?: number;
}

export interface WriteOptions {
  /** Called every `every` rows; the writer yields to the event loop there so the zip stream drains. */
  onRows?: (written: number) => void;
  cancelled?: () => boolean;
  every?: number;
}

/** Display width: a CJK character takes about two Latin characters in Excel's default font. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2.1 : 1;
  return w;
}

export function columnWidth(c: LedgerColumn): number {
  return Math.min(60, Math.ceil(Math.max(c.width ?? 0, displayWidth(c.header)) + 2));
}

const THIN = { style: 'thin' as const };
/**
 * Every new exceljs row carries its own empty style object, and exceljs resolves a row's style at commit by object
 * identity: a fresh {} per row misses its cache and renders a style record to XML for each of 140,000 rows (~0.7 s
 * of a 100,000-member roster). One shared empty style resolves once; the output is the same (no row style).
 */
const NO_ROW_STYLE: Partial<ExcelJS.Style> = Object.freeze({});
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const NUM_FMT: Record<ColumnKind, string> = { text: '@', int: '0', yuan: '#,##0.00' };

/** Writes the sheets to `file` and returns each sheet's row count after the title and header rows (see below). */
export async function writeLedgerWorkbook(file: string, sheets: LedgerSheet[], opts: WriteOptions = {}): Promise<Record<string, number>> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = 'dibao-desk';
  const counts: Record<string, number> = {};
  let total = 0;
  const every = opts.every ?? 1000;
  for (const sheet of sheets) {
    const head = sheet.subtitle ? 3 : 2;
    const fit = sheet.printScale ? { fitToPage: false, scale: sheet.printScale, printTitlesColumn: 'A:A' } : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    const ws = wb.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', ySplit: head }],
      pageSetup: { paperSize: 9, orientation: 'landscape', ...fit,
        printTitlesRow: `1:${head}`, margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
      headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    });
    // One style object per column, assigned to every cell: exceljs caches style ids by object identity, so the
    // styles are resolved once per column instead of once per cell (the difference is ~2× on a 100,000-row roster).
    const styles = sheet.columns.map((c): Partial<ExcelJS.Style> => ({ numFmt: NUM_FMT[c.kind ?? 'text'], border: BORDER, alignment: { vertical: 'middle' } }));
    ws.columns = sheet.columns.map((c) => ({ key: c.key, width: columnWidth(c) }));
    writeTitle(ws, sheet);
    let n = 0;
    for (const row of sheet.rows) {
      const r = ws.addRow(toCells(sheet.columns, row));
      for (let i = 0; i < styles.length; i++) r.getCell(i + 1).style = styles[i];
      (r as ExcelJS.Row & { style: Partial<ExcelJS.Style> }).style = NO_ROW_STYLE; // exceljs types omit Row.style
      r.commit();
      n++; total++;
      if (total % every === 0) {
        if (opts.cancelled?.()) { await abandon(wb); throw new Cancelled(); }
        opts.onRows?.(total);
        await new Promise((r) => setImmediate(r));
      }
    }
    if (sheet.note) ws.addRow([sheet.note]).commit();
    for (const line of sheet.footer ?? []) ws.addRow([line]).commit();
    // The manifest's count is every row after the title and header rows (what verify counts back): the data rows plus a
    // form's subtitle, note and sign-off lines.
    counts[sheet.name] = n + (sheet.subtitle ? 1 : 0) + (sheet.note ? 1 : 0) + (sheet.footer?.length ?? 0);
    ws.commit();
  }
  await wb.commit();
  return counts;
}

export class Cancelled extends Error { constructor() { super('已取消'); } }

function writeTitle(ws: ExcelJS.Worksheet, sheet: LedgerSheet) {
  const title = ws.addRow([sheet.title]);
  title.height = 30;
  // A sheet printed across several pages starts its title at the left, so it is on the first page.
  title.getCell(1).style = { font: { bold: true, size: 16 }, alignment: { horizontal: sheet.printScale ? 'left' : 'center', vertical: 'middle' } };
  ws.mergeCells(1, 1, 1, sheet.columns.length);
  title.commit();
  if (sheet.subtitle) {
    const sub = ws.addRow([sheet.subtitle]);
    sub.getCell(1).style = { alignment: { horizontal: 'left', vertical: 'middle' } };
    ws.mergeCells(2, 1, 2, sheet.columns.length);
    sub.commit();
  }
  const header = ws.addRow(sheet.columns.map((c) => c.header));
  header.height = 24;
  header.eachCell((cell) => {
    cell.style = { font: { bold: true }, border: BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } } };
  });
  header.commit();
}

function toCells(columns: LedgerColumn[], row: LedgerRow): (string | number | null)[] {
  return columns.map((c) => {
    const v = row[c.key];
    if (v == null || v === '') return null;
    if (c.kind === 'yuan') return Number(v) / 100;
    // An item that may hold a number or a text (a date such as 7月5日) keeps the text; a number is a number cell.
    if (c.kind === 'int') return typeof v === 'number' || /^-?\d+$/.test(v) ? Number(v) : String(v);
    return String(v);
  });
}

async function abandon(wb: ExcelJS.stream.xlsx.WorkbookWriter) {
  try { await wb.commit(); } catch { /* the caller deletes the partial file */ }
}
