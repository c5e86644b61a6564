import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../ipc/errors';

/**
 * The archive store: <dataDir>/archive-store/<sha256>. A file is named by its content hash, so the same
 * scan uploaded twice is stored once, a name can never point outside the store, and `cli check` can
 * prove each file is unchanged.
 */
export const storeDir = (dataDir: string) => path.join(dataDir, 'archive-store');

const SHA = /^[0-9a-f]{64}$/;

/** Accepted types, recognised by their first bytes (the name's extension must agree). */
export const FILE_TYPES = {
  pdf: { label: 'PDF', mime: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  jpg: { label: 'JPG', mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  png: { label: 'PNG', mime: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  tif: { label: 'TIF', mime: 'image/tiff', magic: [[0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]] },
} as const;
export type FileExt = keyof typeof FILE_TYPES;
export const TYPE_LIST = Object.values(FILE_TYPES).map((t) => t.label).join('、');

const ALIASES: Record<string, FileExt> = { pdf: 'pdf', jpg: 'jpg', jpeg: 'jpg', png: 'png', tif: 'tif', tiff: 'tif' };

export function storePath(dataDir: string, sha256: string): string {
  if (!SHA.test(sha256)) throw new AppError('BAD_FILE_NAME', `档案库文件名不合法：${String(sha256).slice(0, 40)}`);
  return path.join(storeDir(dataDir), sha256);
}

export function detectType(buf: Buffer): FileExt | null {
  for (const [ext, t] of Object.entries(FILE_TYPES) as [FileExt, (typeof FILE_TYPES)[FileExt]][]) {
    if (t.magic.some((m) => m.every((b, i) => buf[i] === b))) return ext;
  }
  return null;
}

/** Checks size and type; returns the file's type. */
export function checkUpload(buf: Buffer, originalName: string, maxMB: number): FileExt {
  if (buf.length === 0) throw new AppError('EMPTY_FILE', '文件是空的');
  if (buf.length > maxMB * 1024 * 1024) throw new AppError('FILE_TOO_LARGE', `文件超过 ${maxMB} MB，请压缩或分页扫描后再上传`);
  const byName = ALIASES[path.extname(originalName).slice(1).toLowerCase()];
  const byContent = detectType(buf);
  if (!byName || !byContent) throw new AppError('BAD_FILE_TYPE', `只能归档 ${TYPE_LIST} 文件`);
  if (byName !== byContent) throw new AppError('BAD_FILE_TYPE', `文件扩展名与内容不符（内容是 ${FILE_TYPES[byContent].label}）`);
  return byContent;
}

export interface Stored { sha256: string; size: number; ext: FileExt; alreadyStored: boolean }

/** Copies content into the store (once per hash) and records it in archive_files. */
export function storeFile(sqlite: Database.Database, dataDir: string, buf: Buffer, originalName: string, maxMB: number): Stored {
  const ext = checkUpload(buf, originalName, maxMB);
  const sha256 = crypto.createHash('sha256').update(buf).digest('hex');
  const target = storePath(dataDir, sha256);
  const onDisk = fs.existsSync(target) && hashFile(target) === sha256;
  if (!onDisk) {
    fs.mkdirSync(storeDir(dataDir), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, buf);
    fs.renameSync(tmp, target); // atomic: a crash never leaves half a file under a hash name
  }
  const known = sqlite.prepare('SELECT 1 FROM archive_files WHERE sha256 = ?').get(sha256);
  if (!known) {
    sqlite.prepare('INSERT INTO archive_files (sha256, size, ext, created_at) VALUES (?, ?, ?, ?)')
      .run(sha256, buf.length, ext, new Date().toISOString());
  }
  return { sha256, size: buf.length, ext, alreadyStored: !!known };
}

export const hashFile = (p: string) => crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');

export interface StoreReport { ok: boolean; files: number; missing: string[]; changed: string[]; badNames: string[]; unreferenced: string[] }

/** Verifies every recorded file against its hash; also lists store files nobody recorded (left by a failed write). */
export function verifyStore(sqlite: Database.Database, dataDir: string): StoreReport {
  const rows = sqlite.prepare('SELECT sha256 FROM archive_files ORDER BY sha256').all() as { sha256: string }[];
  const r: StoreReport = { ok: true, files: rows.length, missing: [], changed: [], badNames: [], unreferenced: [] };
  for (const { sha256 } of rows) {
    if (!SHA.test(sha256)) { r.badNames.push(sha256); continue; }
    const p = storePath(dataDir, sha256);
    if (!fs.existsSync(p)) r.missing.push(sha256);
    else if (hashFile(p) !== sha256) r.changed.push(sha256);
  }
  const known = new Set(rows.map((x) => x.sha256));
  if (fs.existsSync(storeDir(dataDir))) {
    r.unreferenced = fs.readdirSync(storeDir(dataDir)).filter((n) => !known.has(n)).sort();
  }
  r.ok = r.missing.length === 0 && r.changed.length === 0 && r.badNames.length === 0;
  return r;
}
