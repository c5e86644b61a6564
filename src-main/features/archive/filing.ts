import fs from 'node:fs';
import type { HandlerContext } from '../../ipc/contract';
import { prepared } from '../../db/prepared';
import { ensureBag } from './bags';
import { insertItem, pdfPages } from './items';
import { storeFile } from './store';
import { archiveSettings, todayIso, townshipName, type ArchiveDocType } from './terms';

export interface StoredDocument {
  householdIds: number[];
  /** The content, or a path main itself resolved (an inbox or outbox file); never a path from the renderer. */
  bytes?: Buffer; sourcePath?: string;
  fileName: string; docType: ArchiveDocType; title: string; date: string;
  responsible?: string; note?: string; source?: '扫描上传' | '系统打印';
}

export interface FiledDocument {
  sha256: string;
  filed: { householdId: number; bagId: number; itemId: number }[];
  /** Bags that already hold this file under this type (a re-recorded sheet) or were disposed of. */
  skipped: { householdId: number; reason: '已归档' | '档案已处置' }[];
}

/**
 * Files one document other features received (a signed sheet, a board photo, an agreement) into the bag of each
 * household it concerns: the bytes are stored once by SHA-256, each bag gets its own 卷内目录 entry. Runs inside the
 * caller's transaction and audits once; a bag that already lists the same file as the same type is left alone, so
 * recording the same return twice does not double the catalogue.
 */
export function fileStoredDocument(ctx: HandlerContext, d: StoredDocument): FiledDocument {
  const buf = d.bytes ?? fs.readFileSync(d.sourcePath!);
  const stored = storeFile(ctx.sqlite, ctx.dataDir, buf, d.fileName, archiveSettings(ctx.sqlite).maxFileMB);
  const item = { docType: d.docType, title: d.title, date: d.date, responsible: d.responsible ?? `${townshipName(ctx.sqlite)}民政办`,
    pages: stored.ext === 'pdf' ? pdfPages(buf) : 1, docNo: '', note: d.note ?? '' };
  const file = { sha256: stored.sha256, name: d.fileName, source: d.source ?? '扫描上传' };
  const result: FiledDocument = { sha256: stored.sha256, filed: [], skipped: [] };
  const held = prepared(ctx.sqlite, `SELECT 1 FROM archive_items WHERE bag_id = ? AND file_sha256 = ? AND doc_type = ? AND removed_at IS NULL`);
  for (const householdId of [...new Set(d.householdIds)]) {
    const bag = ensureBag(ctx.sqlite, householdId, todayIso()).bag;
    if (bag.status === '已处置') result.skipped.push({ householdId, reason: '档案已处置' });
    else if (held.get(bag.id, stored.sha256, d.docType)) result.skipped.push({ householdId, reason: '已归档' });
    else result.filed.push({ householdId, bagId: bag.id, itemId: insertItem(ctx.sqlite, bag.id, item, ctx.actor.displayName, file) });
  }
  ctx.audit({ entity: 'archiveItem', entityId: null, after: { docType: d.docType, title: d.title, date: d.date, file: stored.sha256,
    items: result.filed.map((f) => f.itemId), skipped: result.skipped } });
  return result;
}
