import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Township } from '../settings/store';
import type { SealHeader } from './seal';

/** The signed table of contents of a package: who, which month, which sequence, and every file's hash and rows. */
export interface ManifestFile {
  name: string; sha256: string; bytes: number; rows: Record<string, number>;
  /** Encrypted packages: the file on the stick is ciphertext (name, sha256, bytes above); this is what it decrypts to. */
  plain?: { name: string; sha256: string; bytes: number; rows: Record<string, number> };
  /** Encrypted packages: the AES-GCM nonce of this file (base64). */
  iv?: string;
}
export interface Manifest {
  format: typeof PACKAGE_FORMAT;
  township: Township;
  divisionCode: string;
  period: string;
  sequence: number;
  folderName: string;
  appVersion: string;
  createdAt: string;
  createdBy: string;
  keyFingerprint: string;
  files: ManifestFile[];
  /** The township's audit chain when the package was written (length, last hash): an anchor the county keeps. */
  audit: { rows: number; headHash: string | null };
  /** Encrypted for the county (absent: a plaintext package, exported while no county key was registered). */
  encryption?: SealHeader;
  /**
   * Earlier packages whose audit head the township gave up by restoring an older backup (an administrator's audited
   * override): the county then accepts a shorter chain, with a warning, instead of refusing every later package.
   */
  auditRollbacks?: { package: string; rows: number; rolledBackTo: number; at: string }[];
}

export const PACKAGE_FORMAT = 'dibao-package/1';
export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const DATA_FILE = 'data.json';
/** Rows above the data in every sheet (title, header). */
export const HEADER_ROWS = 2;

export const folderNameOf = (divisionCode: string, period: string, sequence: number) =>
  `${divisionCode}_${period}_${String(sequence).padStart(3, '0')}`;

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const YIELD_EVERY_ROWS = 200;

/** Data rows per sheet of an xlsx, read back with the streaming reader (so a 100,000-row roster stays small in memory). */
export async function xlsxRowCounts(file: string | Buffer, onRows?: (read: number) => void): Promise<number[]> {
  const input = typeof file === 'string' ? file : Readable.from([file]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
  const counts: number[] = [];
  let before = 0; // rows of the sheets already read, for the progress count over the whole file
  for await (const sheet of reader) {
    let n = 0;
    // the rows of a parsed chunk come as one unbroken run of microtasks: without a turn of the event loop now and
    // then, reading back a package's rosters kept the main process from answering for half a second and more
    for await (const _row of sheet as AsyncIterable<unknown>) {
      if (++n % YIELD_EVERY_ROWS !== 0) continue;
      onRows?.(before + n);
      await new Promise(setImmediate);
    }
    before += n;
    onRows?.(before); // the sheet's last count is always told, not only every YIELD_EVERY_ROWS
    counts.push(Math.max(0, n - HEADER_ROWS));
  }
  return counts;
}

/** Rows of a file as the manifest records them: per sheet for xlsx, persons for data.json, none otherwise. */
export async function countRows(file: string | Buffer, name: string, onRows?: (read: number) => void): Promise<number[]> {
  if (name.endsWith('.xlsx')) return xlsxRowCounts(file, onRows);
  const text = typeof file === 'string' ? fs.readFileSync(file, 'utf8') : file.toString('utf8');
  if (name === DATA_FILE) return [(JSON.parse(text) as { persons: unknown[] }).persons.length];
  return [];
}
