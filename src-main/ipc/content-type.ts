import path from 'node:path';
import { AppError } from './errors';
import { decodeUtf16, isTableText, utf16Bom } from './text';

/**
 * What a file is, by its first bytes (never by its name): the only kinds the app reads or writes.
 * xlsx/ods are zip containers, xls is an OLE compound file; csv is text with no NUL byte, or UTF-16 text with a BOM.
 */
export type ContentKind = 'pdf' | 'jpg' | 'png' | 'tif' | 'zip' | 'ole' | 'sqlite' | 'csv';

const MAGIC: [ContentKind, number[]][] = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['jpg', [0xff, 0xd8, 0xff]],
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['tif', [0x49, 0x49, 0x2a, 0x00]],
  ['tif', [0x4d, 0x4d, 0x00, 0x2a]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['ole', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['sqlite', [...Buffer.from('SQLite format 3\0', 'latin1')]],
];

/** The extensions each kind may be uploaded under. */
const EXTENSIONS: Record<ContentKind, string[]> = {
  pdf: ['.pdf'], jpg: ['.jpg', '.jpeg'], png: ['.png'], tif: ['.tif', '.tiff'], zip: ['.xlsx', '.ods'],
  ole: ['.xls', '.et'], sqlite: ['.db'], csv: ['.csv', '.txt'],
};

const MARKUP = /<\s*[a-z!?/]/i;

/** UTF-16 text that decodes strictly, is a table's characters and has no markup (a binary behind a BOM is refused). */
function utf16Table(buf: Buffer): boolean {
  const text = decodeUtf16(buf);
  return text !== null && isTableText(text) && !MARKUP.test(text);
}

export function sniff(buf: Buffer, name = ''): ContentKind | null {
  for (const [kind, magic] of MAGIC) if (magic.every((b, i) => buf[i] === b)) return kind;
  // Text passes only under a text name and only without markup a browser would run.
  if (!EXTENSIONS.csv.includes(path.extname(name).toLowerCase())) return null;
  if (utf16Bom(buf)) return utf16Table(buf) ? 'csv' : null; // Excel's "Unicode 文本": UTF-16 with a BOM, NUL bytes and all
  if (!buf.includes(0) && !MARKUP.test(buf.toString('utf8', 0, 65536))) return 'csv';
  return null;
}

/**
 * Checks an upload by content: it must be a kind the app accepts and its name's extension must agree
 * (an HTML page renamed .pdf, or a PDF renamed .html, is refused).
 */
export function assertUploadable(buf: Buffer, name: string): ContentKind {
  const kind = sniff(buf, name);
  if (!kind) throw new AppError('BAD_FILE_TYPE', '只能上传 PDF、JPG、PNG、TIF 扫描件，Excel（xlsx/xls/ods/csv）表格或本程序的备份（.db）');
  if (!EXTENSIONS[kind].includes(path.extname(name).toLowerCase())) {
    throw new AppError('BAD_FILE_TYPE', `文件扩展名与内容不符（内容是 ${kind.toUpperCase()}），请确认选择的文件`);
  }
  return kind;
}

/** Checks that a file is one of the kinds a purpose allows (a board photo is a JPG or PNG). */
export function assertKind(buf: Buffer, allowed: ContentKind[], what: string): ContentKind {
  const kind = sniff(buf);
  if (!kind || !allowed.includes(kind)) {
    throw new AppError('BAD_FILE_TYPE', `${what}只能是 ${allowed.map((k) => k.toUpperCase()).join('、')} 文件`);
  }
  return kind;
}

export const extensionOf = (kind: ContentKind) => EXTENSIONS[kind][0];
