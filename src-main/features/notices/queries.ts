import type Database from 'better-sqlite3';
import { PAID_STATUSES } from '../../domain/glossary';
import { isMinorOn, publicHeadName, type NoticeKind } from './rules';

/** One notice line, already safe to post: names of minors masked, nothing but what a notice may carry. */
export interface NoticeRow {
  householdId: number;
  headName: string;
  /** The head is a minor: only the surname is shown. */
  nameWithheld: boolean;
  familySize: number;
  coveredSize: number;
  amountFen: number;
  category: string;
  place: string;
  startMonth: string | null;
  exitedAt: string | null;
  /** 确认公布: who decided its latest confirmed case — 'township' (delegated), the county unit recorded, or null (no case here). */
  decidedBy: string | null;
}
export interface VillageRun { villageId: number; villageName: string; rows: NoticeRow[] }

export interface Scope { villageId?: number; groupId?: number }
/** Per-kind selection: 确认公布 by 起始保障年月, 停保公示 by 停保日期. */
export interface Selection extends Scope { fromMonth?: string; toMonth?: string; fromDate?: string; toDate?: string }

const paid = PAID_STATUSES.map((s) => `'${s}'`).join(', ');

/** Application stages whose household belongs on a 初审公示 (the applications feature's procedure). */
const IN_PUBLICITY = `'待公示', '公示中'`;

/**
 * Who a notice lists. 初审公示: households whose application is 待公示/公示中, plus households still 申请中
 * that have no application record (entered before the procedure was tracked here); 确认公布: recipients whose
 * cover started in the month range; 长期公示: every current 低保 recipient with a living covered member; 停保公示:
 * households stopped in the range.
 */
function kindFilter(kind: NoticeKind, s: Selection): { sql: string; args: unknown[] } {
  switch (kind) {
    case '初审公示': return {
      sql: `(h.id IN (SELECT household_id FROM applications WHERE stage IN (${IN_PUBLICITY}))
        OR (h.status = '申请中' AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.household_id = h.id)))`,
      args: [],
    };
    // 低保 only (特困 and 低保边缘 are not 低保 recipients and are left off this title), and never a household
    // without a living covered member (issue 13 item 9: a 0-person row with an amount must not be posted).
    case '长期公示': return {
      sql: `h.status IN (${paid}) AND h.category IN ('城市低保', '农村低保')
        AND EXISTS (SELECT 1 FROM members x WHERE x.household_id = h.id AND x.state = '在户' AND x.covered = 1)`,
      args: [],
    };
    case '确认公布': return {
      sql: `h.status IN (${paid}) AND h.start_month >= ? AND h.start_month <= ?`,
      args: [s.fromMonth ?? '0000-00', s.toMonth ?? '9999-99'],
    };
    case '停保公示': return {
      sql: `h.status = '停保' AND h.exited_at >= ? AND h.exited_at <= ?`,
      args: [s.fromDate ?? '0000-00-00', s.toDate ?? '9999-99-99'],
    };
  }
}

/** The amount a notice shows: on a 初审公示 the proposed amount of the application in publicity, if it has one. */
const amountSql = (kind: NoticeKind) => kind === '初审公示'
  ? `COALESCE((SELECT a.amount_fen + COALESCE(a.top_up_fen, 0) FROM applications a WHERE a.household_id = h.id
      AND a.stage IN (${IN_PUBLICITY}) ORDER BY a.id DESC LIMIT 1), h.monthly_amount_fen + h.top_up_fen)`
  : 'h.monthly_amount_fen + h.top_up_fen';

interface Raw { id: number; category: string; village_id: number; village: string; grp: string | null; head_name: string | null;
  head_birth: string | null; amount_fen: number; family_size: number; covered_size: number; start_month: string | null; exited_at: string | null;
  decided_by: string | null }

/** The body that confirmed the household's latest confirmed case (issue 13 item 7: the 确认公布 names who decided). */
const DECIDED_BY = `(SELECT CASE WHEN a.delegated = 1 THEN 'township' ELSE (SELECT cd.unit FROM county_decisions cd
    WHERE cd.application_id = a.id ORDER BY cd.id DESC LIMIT 1) END
  FROM applications a WHERE a.household_id = h.id AND a.stage = '已确认' ORDER BY a.id DESC LIMIT 1)`;

/** The notice lines grouped by village (villages in address-tree order), as they print on the given day. */
export function noticeRuns(sqlite: Database.Database, kind: NoticeKind, sel: Selection, on: string): VillageRun[] {
  const f = kindFilter(kind, sel);
  const raws = sqlite.prepare(`
    SELECT h.id, h.category, h.village_id, v.name AS village, g.name AS grp, m.name AS head_name, m.birth_date AS head_birth,
      ${amountSql(kind)} AS amount_fen, h.start_month, h.exited_at, ${kind === '确认公布' ? DECIDED_BY : 'NULL'} AS decided_by,
      (SELECT COUNT(*) FROM members x WHERE x.household_id = h.id AND x.state = '在户') AS family_size,
      (SELECT COUNT(*) FROM members x WHERE x.household_id = h.id AND x.state = '在户' AND x.covered = 1) AS covered_size
    FROM households h JOIN regions v ON v.id = h.village_id LEFT JOIN regions g ON g.id = h.group_id
      LEFT JOIN members m ON m.id = h.head_member_id
    WHERE ${f.sql} AND (? IS NULL OR h.village_id = ?) AND (? IS NULL OR h.group_id = ?)
    ORDER BY v.sort, v.id, g.sort, g.id, h.id`)
    .all(...f.args, sel.villageId ?? null, sel.villageId ?? null, sel.groupId ?? null, sel.groupId ?? null) as Raw[];
  const runs = new Map<number, VillageRun>();
  for (const r of raws) {
    let run = runs.get(r.village_id);
    if (!run) { run = { villageId: r.village_id, villageName: r.village, rows: [] }; runs.set(r.village_id, run); }
    run.rows.push({
      householdId: r.id, headName: publicHeadName(r.head_name ?? '', r.head_birth, on),
      nameWithheld: !!r.head_birth && isMinorOn(r.head_birth, on), familySize: r.family_size,
      coveredSize: r.covered_size, amountFen: r.amount_fen, category: r.category, place: `${r.village}${r.grp ?? ''}`,
      startMonth: r.start_month, exitedAt: r.exited_at, decidedBy: r.decided_by,
    });
  }
  return [...runs.values()];
}

/** The villages a scope covers, in tree order (an empty village still gets its page when named). */
export function scopeVillages(sqlite: Database.Database, s: Scope): { id: number; name: string }[] {
  return sqlite.prepare(`SELECT id, name FROM regions WHERE level = 'village' AND (? IS NULL OR id = ?) ORDER BY sort, id`)
    .all(s.villageId ?? null, s.villageId ?? null) as { id: number; name: string }[];
}
