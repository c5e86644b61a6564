import type Database from 'better-sqlite3';
import { AppError } from '../../ipc/errors';
import { archiveSettings } from './terms';
import { arrange, missingDocuments, overdueDays, retentionUntil, type HouseholdFacts } from './rules';
import { bagOf, type BagRow } from './bags';
import { LIKE_ESCAPE, likeContains, likePrefix } from '../../db/like';

/** 单独管理: the bag's own flag, the household flag 近亲属备案, or a near-relative case filed by the supervision feature. */
export const SEPARATE_SQL = `(COALESCE(b.separate, 0) = 1 OR h.flags LIKE '%近亲属备案%'
  OR EXISTS (SELECT 1 FROM relative_matches rm WHERE rm.household_id = h.id))`;

const FACTS_SQL = `SELECT h.id AS household_id, h.status, h.start_month, h.category, h.village_id, h.group_id, b.id AS bag_id,
  b.archive_no, b.location_code, b.status AS bag_status,
  (SELECT name FROM members m WHERE m.id = h.head_member_id) AS head_name,
  (SELECT name FROM regions r WHERE r.id = h.village_id) AS village_name,
  (SELECT name FROM regions r WHERE r.id = h.group_id) AS group_name,
  EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id AND m.state = '在户'
    AND (m.health IN ('重病', '残疾', '残疾且患病') OR m.disability_grade IS NOT NULL)) AS dis,
  ${SEPARATE_SQL} AS sep,
  (SELECT group_concat(DISTINCT i.doc_type) FROM archive_items i WHERE i.bag_id = b.id AND i.removed_at IS NULL) AS filed
  FROM households h LEFT JOIN archive_bags b ON b.household_id = h.id`;

interface FactsRow { household_id: number; status: string; start_month: string | null; category: string; village_id: number; group_id: number | null;
  bag_id: number | null; archive_no: string | null; location_code: string | null; bag_status: string | null; head_name: string | null;
  village_name: string | null; group_name: string | null; dis: number; sep: number; filed: string | null }

const toFacts = (r: FactsRow): HouseholdFacts => ({ status: r.status, startMonth: r.start_month, disabilityOrIllness: !!r.dis, separate: !!r.sep });
const filedOf = (r: FactsRow) => (r.filed ? r.filed.split(',') : []);

export function factsRowOf(sqlite: Database.Database, householdId: number): FactsRow {
  const r = sqlite.prepare(`${FACTS_SQL} WHERE h.id = ?`).get(householdId) as FactsRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', `未找到户档案（${householdId}）`);
  return r;
}

export function missingFor(sqlite: Database.Database, r: FactsRow, today: string) {
  return missingDocuments(toFacts(r), filedOf(r), archiveSettings(sqlite).ruleSet, today);
}

export interface ItemRow { id: number; bag_id: number; doc_type: string; doc_no: string; title: string; responsible: string; date: string; pages: number;
  note: string; file_sha256: string | null; file_name: string; source: string; created_by: string; created_at: string; ext: string | null; size: number | null }

export function catalogue(sqlite: Database.Database, bagId: number) {
  const rows = sqlite.prepare(`SELECT i.*, f.ext, f.size FROM archive_items i LEFT JOIN archive_files f ON f.sha256 = i.file_sha256
    WHERE i.bag_id = ? AND i.removed_at IS NULL`).all(bagId) as ItemRow[];
  return arrange(rows.map((r) => ({ id: r.id, docType: r.doc_type, docNo: r.doc_no, title: r.title, responsible: r.responsible, date: r.date,
    pages: r.pages, note: r.note, hasFile: !!r.file_sha256, fileName: r.file_name, fileType: r.ext, fileSize: r.size, source: r.source,
    createdBy: r.created_by })));
}

const publicBag = (b: BagRow) => ({ id: b.id, householdId: b.household_id, archiveNo: b.archive_no, fondsNo: b.fonds_no, year: b.year,
  retentionCode: b.retention_code, pieceNo: b.piece_no, cabinetNo: b.cabinet_no, boxNo: b.box_no, bagNo: b.bag_no,
  locationCode: b.location_code, locationLabel: b.location_label, status: b.status, exitedAt: b.exited_at, exitStatus: b.exit_status,
  remark: b.remark, filedBy: b.filed_by, checkedBy: b.checked_by, remarkDate: b.remark_date });

/** Everything the household page shows: where the bag is, what is in it, what is missing. */
export function bagDetail(sqlite: Database.Database, householdId: number, today: string) {
  const bag = bagOf(sqlite, householdId);
  const r = factsRowOf(sqlite, householdId);
  const items = bag ? catalogue(sqlite, bag.id) : [];
  const s = archiveSettings(sqlite);
  const household = { id: r.household_id, headName: r.head_name ?? '', status: r.status, category: r.category,
    village: r.village_name ?? '', group: r.group_name ?? '' };
  if (!bag) return { household, bag: null, items, missing: missingFor(sqlite, r, today), separate: !!r.sep, moves: [], borrowing: null, retentionUntil: null };
  const moves = sqlite.prepare('SELECT from_location AS "from", to_location AS "to", date, reason, operator FROM archive_bag_moves WHERE bag_id = ? ORDER BY id')
    .all(bag.id) as { from: string; to: string; date: string; reason: string; operator: string }[];
  const borrowing = sqlite.prepare('SELECT id, borrower, purpose, borrowed_at AS borrowedAt, due_date AS dueDate FROM archive_borrowings WHERE bag_id = ? AND returned_at IS NULL')
    .get(bag.id) as { id: number; borrower: string; purpose: string; borrowedAt: string; dueDate: string } | undefined;
  return { household, bag: publicBag(bag), items, missing: missingFor(sqlite, r, today), separate: !!r.sep, moves,
    borrowing: borrowing ? { ...borrowing, overdueDays: overdueDays(borrowing.dueDate, today) } : null,
    retentionUntil: retentionUntil(bag.exited_at, items.map((i) => i.docType), s) };
}

export interface BagListQuery { page: number; pageSize: number; sort: 'location' | 'archiveNo' | 'headName'; villageId?: number;
  status?: string; separate?: boolean; q?: string }

const SORTS = { location: 'b.container_key, b.bag_no', archiveNo: 'b.archive_no', headName: 'head_name, b.id' } as const;

/** One page of bags with the household's head and village; sorted and filtered in SQL. */
export function listBags(sqlite: Database.Database, q: BagListQuery) {
  const where = ['1 = 1'];
  const args: unknown[] = [];
  if (q.villageId) { where.push('b.village_id = ?'); args.push(q.villageId); }
  if (q.status) { where.push('b.status = ?'); args.push(q.status); }
  if (q.separate) where.push(SEPARATE_SQL);
  if (q.q) { where.push(`(b.archive_no LIKE ? ${LIKE_ESCAPE} OR EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id AND (m.name LIKE ? ${LIKE_ESCAPE} OR m.pinyin_initials LIKE ? ${LIKE_ESCAPE})))`);
    args.push(likeContains(q.q), likeContains(q.q), likePrefix(q.q.toLowerCase())); }
  const from = `FROM archive_bags b JOIN households h ON h.id = b.household_id WHERE ${where.join(' AND ')}`;
  const total = (sqlite.prepare(`SELECT COUNT(*) AS n ${from}`).get(...args) as { n: number }).n;
  const rows = sqlite.prepare(`SELECT b.id, b.household_id AS householdId, b.archive_no AS archiveNo, b.location_code AS locationCode,
    b.location_label AS locationLabel, b.status, b.exited_at AS exitedAt, h.status AS householdStatus,
    (SELECT name FROM members m WHERE m.id = h.head_member_id) AS head_name,
    (SELECT name FROM regions r WHERE r.id = b.village_id) AS village, ${SEPARATE_SQL} AS separate,
    (SELECT COUNT(*) FROM archive_items i WHERE i.bag_id = b.id AND i.removed_at IS NULL) AS items
    ${from} ORDER BY ${SORTS[q.sort]} LIMIT ? OFFSET ?`).all(...args, q.pageSize, (q.page - 1) * q.pageSize) as
    { id: number; householdId: number; archiveNo: string; locationCode: string; locationLabel: string; status: string; exitedAt: string | null;
      householdStatus: string; head_name: string | null; village: string; separate: number; items: number }[];
  return { total, rows: rows.map(({ head_name, separate, ...r }) => ({ ...r, headName: head_name ?? '', separate: !!separate })) };
}

/** Per-village completeness for the county's spot check and for campaigns; `villageId` adds the household list. */
export function completenessReport(sqlite: Database.Database, today: string, villageId?: number) {
  const rows = sqlite.prepare(`${FACTS_SQL} WHERE COALESCE(b.status, '') <> '已处置' ORDER BY h.village_id, h.group_id, h.id`).all() as FactsRow[];
  const villages = new Map<number, { villageId: number; village: string; households: number; complete: number; missing: Record<string, number> }>();
  const households: { householdId: number; headName: string; group: string; status: string; archiveNo: string; missing: string[] }[] = [];
  const { ruleSet } = archiveSettings(sqlite);
  for (const r of rows) {
    const v = villages.get(r.village_id) ?? { villageId: r.village_id, village: r.village_name ?? '', households: 0, complete: 0, missing: {} };
    villages.set(r.village_id, v);
    const miss = missingDocuments(toFacts(r), filedOf(r), ruleSet, today);
    v.households++;
    if (miss.length === 0) v.complete++;
    for (const m of miss) v.missing[m.docType] = (v.missing[m.docType] ?? 0) + 1;
    if (villageId === r.village_id && miss.length > 0) {
      households.push({ householdId: r.household_id, headName: r.head_name ?? '', group: r.group_name ?? '', status: r.status,
        archiveNo: r.archive_no ?? '（未建袋）', missing: miss.map((m) => m.docType) });
    }
  }
  const list = [...villages.values()].map((v) => ({ ...v, incomplete: v.households - v.complete }));
  return { ruleSet, villages: list, households };
}

/** Exited bags whose retention has ended (candidates for disposal), oldest first. */
export function retentionDue(sqlite: Database.Database, today: string) {
  const s = archiveSettings(sqlite);
  const rows = sqlite.prepare(`SELECT b.id, b.household_id AS householdId, b.archive_no AS archiveNo, b.location_code AS locationCode,
    b.exited_at AS exitedAt, b.exit_status AS exitStatus, (SELECT name FROM members m WHERE m.id = h.head_member_id) AS headName,
    (SELECT group_concat(DISTINCT i.doc_type) FROM archive_items i WHERE i.bag_id = b.id AND i.removed_at IS NULL) AS filed
    FROM archive_bags b JOIN households h ON h.id = b.household_id WHERE b.status = '停保档案' ORDER BY b.exited_at, b.id`).all() as
    { id: number; householdId: number; archiveNo: string; locationCode: string; exitedAt: string; exitStatus: string; headName: string | null; filed: string | null }[];
  return rows
    .map(({ filed, ...r }) => ({ ...r, headName: r.headName ?? '', retentionUntil: retentionUntil(r.exitedAt, filed ? filed.split(',') : [], s)! }))
    .filter((r) => r.retentionUntil < today);
}

export function borrowings(sqlite: Database.Database, filter: 'open' | 'overdue' | 'all', page: number, pageSize: number, today: string) {
  const where = filter === 'all' ? '1 = 1' : filter === 'open' ? 'w.returned_at IS NULL' : 'w.returned_at IS NULL AND w.due_date < ?';
  const args = filter === 'overdue' ? [today] : [];
  const from = `FROM archive_borrowings w JOIN archive_bags b ON b.id = w.bag_id JOIN households h ON h.id = b.household_id WHERE ${where}`;
  const total = (sqlite.prepare(`SELECT COUNT(*) AS n ${from}`).get(...args) as { n: number }).n;
  const rows = sqlite.prepare(`SELECT w.id, w.bag_id AS bagId, b.household_id AS householdId, b.archive_no AS archiveNo, w.borrower, w.purpose,
    w.borrowed_at AS borrowedAt, w.due_date AS dueDate, w.returned_at AS returnedAt, w.lent_by AS lentBy, w.returned_to AS returnedTo,
    (SELECT name FROM members m WHERE m.id = h.head_member_id) AS headName ${from}
    ORDER BY w.returned_at IS NOT NULL, w.due_date, w.id LIMIT ? OFFSET ?`).all(...args, pageSize, (page - 1) * pageSize) as
    { id: number; bagId: number; householdId: number; archiveNo: string; borrower: string; purpose: string; borrowedAt: string; dueDate: string;
      returnedAt: string | null; lentBy: string; returnedTo: string | null; headName: string | null }[];
  return { total, rows: rows.map((r) => ({ ...r, headName: r.headName ?? '', overdueDays: r.returnedAt ? 0 : overdueDays(r.dueDate, today) })) };
}
