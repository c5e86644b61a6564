import fs from 'node:fs';
import type { HandlerContext } from '../../ipc/contract';
import { AppError, notFound, refuseAt } from '../../ipc/errors';
import { inboxPath, originalName } from '../../ipc/files';
import { readableOutboxFile } from '../../ipc/outbox';
import { assertKind } from '../../ipc/content-type';
import { noticeRuns, type Selection } from './queries';
import { periodEnd, type NoticeKind } from './rules';
import { noticeSettings } from './settings';
import { fileStoredDocument, storeReceived } from '../archive/filing';

type Sqlite = HandlerContext['sqlite'];

const PHOTO_EXT = /\.(jpe?g|png)$/i;

/**
 * Board photos live in the archive store, by SHA-256 (one copy, checked by `cli check`); the posting keeps the hash,
 * and each listed household's bag lists the same file. Only JPG and PNG: a photo of a board.
 */
function storePhoto(ctx: HandlerContext, inboxName: string) {
  const name = originalName(inboxName);
  if (!PHOTO_EXT.test(name)) throw refuseAt('VALIDATION', 'photo', '张贴照片应为 JPG 或 PNG 图片');
  const bytes = fs.readFileSync(inboxPath(ctx.dataDir, inboxName));
  assertKind(bytes, ['jpg', 'png'], '张贴照片');
  const stored = storeReceived(ctx, bytes, name);
  return { sha256: stored.sha256, ext: stored.ext, name, bytes };
}

/** The posted PDF must be one the app printed itself (recorded in the outbox as its own PDF), never an upload. */
function assertPrintedNotice(ctx: HandlerContext, name: string) {
  const { record } = readableOutboxFile(ctx.sqlite, ctx.dataDir, ctx.actor, name);
  if (!record.inline) throw new AppError('VALIDATION', '张贴的公示文件必须是本程序打印的公示PDF');
}

export interface PostingInput extends Selection {
  kind: NoticeKind; periodStart: string; postedAt: string; place: string; photo?: string; printedFile?: string; note?: string;
}

/** Records a posting and snapshots the lines the notice listed, exactly as printed. */
export function recordPosting(ctx: HandlerContext, i: PostingInput): number {
  const s = noticeSettings(ctx.sqlite);
  const end = i.kind === '长期公示' ? null : periodEnd(i.periodStart, s.periodDays);
  if (i.printedFile) assertPrintedNotice(ctx, i.printedFile);
  const photo = i.photo ? storePhoto(ctx, i.photo) : null;
  const now = new Date().toISOString();
  const id = Number(ctx.sqlite.prepare(`INSERT INTO notice_postings (kind, village_id, group_id, period_start, period_end, posted_at, place,
      photo_sha256, photo_ext, photo_name, printed_file, note, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
    .run(i.kind, i.villageId ?? null, i.groupId ?? null, i.periodStart, end, i.postedAt, i.place, photo?.sha256 ?? null,
      photo?.ext ?? null, photo?.name ?? null, i.printedFile ?? null, i.note ?? '', ctx.actor.displayName, now).lastInsertRowid);
  const insert = ctx.sqlite.prepare(`INSERT INTO notice_posting_items (posting_id, household_id, head_name, family_size, covered_size,
      amount_fen, category, place) VALUES (?,?,?,?,?,?,?,?)`);
  const listed: number[] = [];
  for (const run of noticeRuns(ctx.sqlite, i.kind, i, i.periodStart)) {
    for (const r of run.rows) {
      insert.run(id, r.householdId, r.headName, r.familySize, r.coveredSize, r.amountFen, r.category, r.place);
      listed.push(r.householdId);
    }
  }
  const count = listed.length;
  if (photo && count > 0) {
    fileStoredDocument(ctx, { householdIds: listed, bytes: photo.bytes, fileName: photo.name,
      docType: '公示记录及照片', title: `${i.kind}张贴照片（${i.place}）`, date: i.postedAt });
  }
  ctx.audit({ entity: 'notice_posting', entityId: id, after: { kind: i.kind, villageId: i.villageId ?? null, groupId: i.groupId ?? null,
    periodStart: i.periodStart, periodEnd: end, postedAt: i.postedAt, place: i.place, photo: photo?.sha256 ?? null, households: count } });
  return id;
}

export interface PostingRow {
  id: number; kind: NoticeKind; villageId: number | null; villageName: string | null; groupName: string | null;
  periodStart: string; periodEnd: string | null; postedAt: string; place: string; photoName: string | null; photoSha256: string | null;
  printedFile: string | null; note: string; closedAt: string | null; closedNote: string; createdBy: string;
  households: number; objections: number; openObjections: number;
}

const POSTING_SELECT = `SELECT p.id, p.kind, p.village_id AS villageId, v.name AS villageName, g.name AS groupName,
    p.period_start AS periodStart, p.period_end AS periodEnd, p.posted_at AS postedAt, p.place, p.photo_name AS photoName,
    p.photo_sha256 AS photoSha256, p.printed_file AS printedFile, p.note, p.closed_at AS closedAt, p.closed_note AS closedNote,
    p.created_by AS createdBy,
    (SELECT COUNT(*) FROM notice_posting_items i WHERE i.posting_id = p.id) AS households,
    (SELECT COUNT(*) FROM notice_objections o WHERE o.posting_id = p.id) AS objections,
    (SELECT COUNT(*) FROM notice_objections o WHERE o.posting_id = p.id AND o.result IS NULL) AS openObjections
  FROM notice_postings p LEFT JOIN regions v ON v.id = p.village_id LEFT JOIN regions g ON g.id = p.group_id`;

export function listPostings(sqlite: Sqlite, f: { kind?: string; villageId?: number; page: number; pageSize: number }) {
  const where = `WHERE (? IS NULL OR p.kind = ?) AND (? IS NULL OR p.village_id = ?)`;
  const args = [f.kind ?? null, f.kind ?? null, f.villageId ?? null, f.villageId ?? null];
  const total = (sqlite.prepare(`SELECT COUNT(*) AS n FROM notice_postings p ${where}`).get(...args) as { n: number }).n;
  const rows = sqlite.prepare(`${POSTING_SELECT} ${where} ORDER BY p.posted_at DESC, p.id DESC LIMIT ? OFFSET ?`)
    .all(...args, f.pageSize, (f.page - 1) * f.pageSize) as PostingRow[];
  return { total, rows };
}

export function getPosting(sqlite: Sqlite, id: number): PostingRow {
  const row = sqlite.prepare(`${POSTING_SELECT} WHERE p.id = ?`).get(id) as PostingRow | undefined;
  if (!row) throw notFound('公示张贴记录', id);
  return row;
}

export function postingDetail(sqlite: Sqlite, id: number) {
  return {
    posting: getPosting(sqlite, id),
    items: sqlite.prepare(`SELECT household_id AS householdId, head_name AS headName, family_size AS familySize, covered_size AS coveredSize,
      amount_fen AS amountFen, category, place FROM notice_posting_items WHERE posting_id = ? ORDER BY id`).all(id),
    objections: sqlite.prepare(`SELECT o.id, o.household_id AS householdId, i.head_name AS headName, o.received_at AS receivedAt, o.via,
      o.complainant, o.content, o.handling, o.result, o.handled_at AS handledAt, o.handled_by AS handledBy
      FROM notice_objections o LEFT JOIN notice_posting_items i ON i.posting_id = o.posting_id AND i.household_id = o.household_id
      WHERE o.posting_id = ? ORDER BY o.received_at, o.id`).all(id),
  };
}
