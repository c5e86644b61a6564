import fs from 'node:fs';
import type { HandlerContext } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { prepared } from '../../db/prepared';
import { ensureBag } from './bags';
import { insertItem, pdfPages, readStored } from './items';
import { storeFile, type FileExt, type Stored } from './store';
import { archiveSettings, todayIso, townshipName, type ArchiveDocType } from './terms';

export interface StoredDocument {
  householdIds: number[];
  /** The content, or a path main itself resolved (an inbox or outbox file); never a path from the renderer. */
  bytes?: Buffer; sourcePath?: string;
  fileName: string; docType: ArchiveDocType; title: string; date: string;
  responsible?: string; note?: string; source?: '扫描上传' | '系统打印';
  /**
   * A disposed (已处置) bag takes no new papers. 'skip' (the default) passes it over and reports it: right when one paper
   * is filed into many bags as a side effect of another record. 'refuse' throws before anything is stored: right when a
   * clerk files one paper into one bag on purpose and must be told why it did not go in.
   */
  whenDisposed?: 'skip' | 'refuse';
}

export interface FiledDocument {
  sha256: string;
  filed: { householdId: number; bagId: number; itemId: number }[];
  /** Bags that already hold this file under this type (a re-recorded sheet) or were disposed of. */
  skipped: { householdId: number; reason: '已归档' | '档案已处置'; itemId?: number }[];
}

/**
 * Files one document other features received (a signed sheet, a board photo, an agreement) into the bag of each
 * household it concerns: the bytes are stored once by SHA-256, each bag gets its own 卷内目录 entry. Runs inside the
 * caller's transaction and audits once; a bag that already lists the same file as the same type is left alone, so
 * recording the same return twice does not double the catalogue.
 */
export function fileStoredDocument(ctx: HandlerContext, d: StoredDocument): FiledDocument {
  const bags = [...new Set(d.householdIds)].map((householdId) => ({ householdId, bag: ensureBag(ctx.sqlite, householdId, todayIso()).bag }));
  if (d.whenDisposed === 'refuse' && bags.some((b) => b.bag.status === '已处置')) throw new AppError('CONFLICT', '该档案已处置，不能再归档文件');
  const buf = d.bytes ?? fs.readFileSync(d.sourcePath!);
  const stored = storeFile(ctx.sqlite, ctx.dataDir, buf, d.fileName, archiveSettings(ctx.sqlite).maxFileMB);
  const item = { docType: d.docType, title: d.title, date: d.date, responsible: d.responsible ?? `${townshipName(ctx.sqlite)}民政办`,
    pages: stored.ext === 'pdf' ? pdfPages(buf) : 1, docNo: '', note: d.note ?? '' };
  const file = { sha256: stored.sha256, name: d.fileName, source: d.source ?? '扫描上传' };
  const result: FiledDocument = { sha256: stored.sha256, filed: [], skipped: [] };
  const held = prepared(ctx.sqlite, `SELECT id FROM archive_items WHERE bag_id = ? AND file_sha256 = ? AND doc_type = ? AND removed_at IS NULL`);
  for (const { householdId, bag } of bags) {
    const existing = held.get(bag.id, stored.sha256, d.docType) as { id: number } | undefined;
    if (bag.status === '已处置') result.skipped.push({ householdId, reason: '档案已处置' });
    else if (existing) result.skipped.push({ householdId, reason: '已归档', itemId: existing.id });
    else result.filed.push({ householdId, bagId: bag.id, itemId: insertItem(ctx.sqlite, bag.id, item, ctx.actor.displayName, file) });
  }
  ctx.audit({ entity: 'archiveItem', entityId: null, after: { docType: d.docType, title: d.title, date: d.date, file: stored.sha256,
    items: result.filed.map((f) => f.itemId), skipped: result.skipped } });
  return result;
}

/** Keeps a received file in the archive store (by SHA-256, checked like any scan) before it is listed in any bag. */
export function storeReceived(ctx: HandlerContext, bytes: Buffer, fileName: string): Stored {
  return storeFile(ctx.sqlite, ctx.dataDir, bytes, fileName, archiveSettings(ctx.sqlite).maxFileMB);
}

/** Copies a stored file to the outbox under the given name, so the renderer can open it. */
export function copyStoredToOutbox(dataDir: string, sha256: string, ext: FileExt, outboxFile: string) {
  fs.writeFileSync(outboxFile, readStored(dataDir, sha256, ext).buf);
}
