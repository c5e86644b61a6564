import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { AppError } from '../../../ipc/errors';
import { toCell, type Cell } from './cells';

/** One row of one sheet, as kinds of cells (index 0 = column A). `row` is the 1-based row number in the sheet. */
export interface SheetRow { sheet: string; row: number; cells: Cell[] }

/**
 * Roster files are read with SheetJS (@e965/xlsx) in dense mode, not exceljs's streaming WorkbookReader: that
 * reader decodes multibyte UTF-8 across chunk boundaries and silently turned 曾慧晓 into 曾��晓 in large files
 * (exceljs #2063/#2084). SheetJS inflates each part whole before decoding, so text is exact at any size, and it
 * reads .xls/.et (BIFF), .ods and CSV too. Measured on a 50,000-member roster (bench/roster-import.bench.ts):
 * the whole file in memory costs well under the 300 MB budget, and every cell is read as it was saved.
 *
 * A pure function of the file's bytes (no file system, no database), so it can run in a worker thread.
 */
export function* readWorkbook(bytes: Uint8Array, name: string): Generator<SheetRow> {
  const wb = parse(bytes, name);
  for (const sheetName of wb.SheetNames) {
    const ws = wb.Sheets[sheetName];
    const data = (ws?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
    for (let r = 0; r < data.length; r++) {
      const src = data[r];
      if (!src) continue;
      data[r] = undefined; // let the parsed row go as soon as it is converted: peak memory stays near one copy
      const cells: Cell[] = new Array(src.length);
      for (let c = 0; c < src.length; c++) cells[c] = fromSheetJs(src[c]);
      yield { sheet: sheetName, row: r + 1, cells };
    }
  }
}

/** Formats offices send, by extension, for the file picker and for messages. */
export const ROSTER_EXTENSIONS = ['.xlsx', '.xls', '.et', '.ods', '.csv'] as const;

function badFile(name: string, why: string): AppError {
  return new AppError('BAD_FILE', `无法读取文件“${name}”：${why}`, { file: name });
}

type Kind = 'zip' | 'cfb' | 'text';

function kindOf(bytes: Uint8Array, name: string): Kind {
  const sig = bytes.length >= 4 ? (bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]) >>> 0 : 0;
  if (sig === 0x504b0304) return 'zip';
  if (sig === 0xd0cf11e0) return 'cfb';
  if (/\.(csv|txt)$/i.test(name) || looksLikeText(bytes)) return 'text';
  throw badFile(name, '不是表格文件（支持 .xlsx、.xls、.et、.ods、.csv），或文件已损坏');
}

/** No NUL bytes in the first 4 KB (UTF-16 text starts with a BOM and is checked before). */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return true;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return true;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return false;
  return n > 0;
}

const READ_OPTS: XLSX.ParsingOptions = { dense: true, cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false, cellText: false };

function parse(bytes: Uint8Array, name: string): XLSX.WorkBook {
  if (bytes.length === 0) throw badFile(name, '文件是空的');
  const kind = kindOf(bytes, name);
  if (kind === 'cfb' && isEncryptedPackage(bytes)) throw badFile(name, ENCRYPTED);
  try {
    // raw: CSV text stays text — SheetJS would otherwise turn an 18-digit ID into 5.1E+17 and 2021.10 into 2021.1.
    const wb = kind === 'text'
      ? XLSX.read(decodeText(bytes), { ...READ_OPTS, type: 'string', raw: true })
      : XLSX.read(bytes, { ...READ_OPTS, type: 'buffer' });
    if (!wb.SheetNames.length) throw new Error('no sheets');
    return wb;
  } catch (e) {
    throw badFile(name, reasonFor(e as Error, kind, name));
  }
}

const ENCRYPTED = '文件设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开并取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存，再导入';

/** A password-protected .xlsx is not a zip but an OLE file holding EncryptionInfo and EncryptedPackage streams. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  try {
    const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
    return !!(XLSX.CFB.find(cfb, 'EncryptedPackage') || XLSX.CFB.find(cfb, 'EncryptionInfo'));
  } catch { return false; } // not a readable compound file: the workbook parser reports it
}

function reasonFor(e: Error, kind: Kind, name: string): string {
  const msg = String(e?.message ?? '');
  if (/password-protected|ECMA-376 Encrypted|EncryptionInfo/i.test(msg) || (kind === 'cfb' && /encrypt/i.test(msg))) return ENCRYPTED;
  if (kind === 'cfb' && /\.et$/i.test(name)) return `WPS 表格（.et）文件无法解析（${msg.slice(0, 60)}）。请在 WPS 中“另存为”Excel 工作簿（.xlsx）后再导入`;
  if (kind === 'cfb') return `旧版 Excel（.xls）文件无法解析（${msg.slice(0, 60)}），文件可能已损坏。请在 WPS/Excel 中打开后“另存为”.xlsx 再试`;
  if (kind === 'zip') return `文件内容无法解析（${msg.slice(0, 60)}），文件可能已损坏或不完整。请在 WPS/Excel 中打开后“另存为”.xlsx 再试`;
  return `文本（CSV）内容无法解析（${msg.slice(0, 60)}）`;
}

/**
 * CSV from Chinese Excel/WPS is GBK (GB18030 is its superset); newer tools write UTF-8, with or without a BOM.
 * A BOM decides; else bytes that are valid UTF-8 are UTF-8 (GBK text of any length almost never is); else GB18030.
 */
export function decodeText(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.toString('utf8', 3);
  if (buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), 'utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return iconv.decode(buf.subarray(2), 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return iconv.decode(buf, 'gb18030');
  }
}

/** SheetJS cell → one of the four kinds. An error cell (#N/A, #REF!) becomes text so the field reports it. */
function fromSheetJs(c: XLSX.CellObject | undefined): Cell {
  if (!c) return { kind: 'empty' };
  switch (c.t) {
    case 's': return toCell(c.v);
    case 'n': return toCell(c.v);
    case 'b': return toCell(c.v);
    case 'd': return toCell(c.v);
    case 'e': return { kind: 'text', text: errorText(c.v) };
    default: return { kind: 'empty' };
  }
}

const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A' };
const errorText = (v: unknown) => (typeof v === 'number' ? ERRORS[v] ?? `#${v}` : String(v ?? ''));
