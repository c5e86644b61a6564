import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { AppError } from '../../ipc/errors';
import { prepared } from '../../db/prepared';
import { storeFile, storePath, FILE_TYPES, type FileExt } from './store';
import { archiveSettings } from './terms';
import type { BagRow } from './bags';

export interface NewItem { docType: string; title: string; date: string; responsible: string; pages: number; docNo: string; note: string }

/** One 卷内目录 entry, optionally with a file already read into memory (scan or printed PDF). */
export function addItem(sqlite: Database.Database, dataDir: string, bag: BagRow, it: NewItem, by: string,
  file?: { buf: Buffer; name: string; source: '扫描上传' | '系统打印' }) {
  if (bag.status === '已处置') throw new AppError('CONFLICT', '该档案已处置，不能再归档文件');
  const stored = file ? storeFile(sqlite, dataDir, file.buf, file.name, archiveSettings(sqlite).maxFileMB) : null;
  const id = insertItem(sqlite, bag.id, it, by, stored && file ? { sha256: stored.sha256, name: file.name, source: file.source } : undefined);
  return { id, file: stored };
}

/** The catalogue row itself, for a file already in the store (or none). */
export function insertItem(sqlite: Database.Database, bagId: number, it: NewItem, by: string,
  file?: { sha256: string; name: string; source: '扫描上传' | '系统打印' }): number {
  return Number(prepared(sqlite, `INSERT INTO archive_items (bag_id, doc_type, doc_no, title, responsible, date, pages, note, file_sha256,
    file_name, source, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(bagId, it.docType, it.docNo, it.title,
    it.responsible, it.date, it.pages, it.note, file?.sha256 ?? null, file?.name ?? '', file?.source ?? '手工登记', by,
    new Date().toISOString()).lastInsertRowid);
}

export interface ItemRecord { id: number; bag_id: number; doc_type: string; title: string; file_sha256: string | null; file_name: string; source: string; removed_at: string | null }

export function itemById(sqlite: Database.Database, id: number): ItemRecord {
  const r = sqlite.prepare('SELECT * FROM archive_items WHERE id = ?').get(id) as ItemRecord | undefined;
  if (!r || r.removed_at) throw new AppError('NOT_FOUND', `未找到卷内文件（${id}）`);
  return r;
}

/** Attaches a scan to an entry that had none (or replaces it; the old file stays in the store). */
export function attachFile(sqlite: Database.Database, dataDir: string, item: ItemRecord, buf: Buffer, name: string) {
  const stored = storeFile(sqlite, dataDir, buf, name, archiveSettings(sqlite).maxFileMB);
  sqlite.prepare("UPDATE archive_items SET file_sha256 = ?, file_name = ?, source = CASE source WHEN '手工登记' THEN '扫描上传' ELSE source END WHERE id = ?")
    .run(stored.sha256, name, item.id);
  return stored;
}

/** Pages of a PDF made by pdfmake/pdfkit (page objects are written uncompressed); 1 if unsure. */
export function pdfPages(buf: Buffer): number {
  const n = buf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  return Math.max(n, 1);
}

/** Reads a stored file back for viewing: returns its bytes and a display name with the right extension. */
export function readStored(dataDir: string, sha256: string, ext: FileExt) {
  const p = storePath(dataDir, sha256);
  if (!fs.existsSync(p)) throw new AppError('NOT_FOUND', '档案库中找不到该文件，请运行“存储校验”');
  return { buf: fs.readFileSync(p), ext, mime: FILE_TYPES[ext].mime };
}
