// Near-relative matching by 身份证号: registered relatives × household members. Other features read the
// result through isNearRelativeHousehold / nearRelativeHouseholds (单独管理 in the archive, the 受理 flag).
import type Database from 'better-sqlite3';
import type { HandlerContext } from '../../ipc/contract';
import { prepared } from '../../db/prepared';

export type MatchTrigger = '登记近亲属' | '新增成员' | '受理申请' | '全面比对';
type Ctx = Pick<HandlerContext, 'sqlite' | 'audit'>;

/** A match counts while its relative is still declared and its staff member still in office. */
export const ACTIVE_MATCH = 'r.removed_at IS NULL AND s.active = 1';

const MATCH_FROM = `relative_matches x JOIN staff_relatives r ON r.id = x.relative_id
  JOIN supervised_staff s ON s.id = r.staff_id JOIN members m ON m.id = x.member_id`;

export interface Pair { relativeId: number; memberId: number; householdId: number }

function record(ctx: Ctx, pairs: Pair[], trigger: MatchTrigger): number[] {
  const now = new Date().toISOString();
  const ins = prepared(ctx.sqlite, `INSERT OR IGNORE INTO relative_matches (relative_id, member_id, household_id, trigger, matched_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const ids: number[] = [];
  for (const p of pairs) {
    const r = ins.run(p.relativeId, p.memberId, p.householdId, trigger, now, now);
    if (r.changes === 0) continue;
    const id = Number(r.lastInsertRowid);
    ids.push(id);
    ctx.audit({ entity: 'relative_match', entityId: id, after: { ...p, trigger } });
  }
  return ids;
}

/** Matches one declared relative against every member (at registration). Returns new match ids. */
export function matchRelative(ctx: Ctx, relativeId: number, trigger: MatchTrigger = '登记近亲属'): number[] {
  const pairs = prepared(ctx.sqlite, `SELECT r.id AS relativeId, m.id AS memberId, m.household_id AS householdId
    FROM staff_relatives r JOIN members m ON m.id_number = r.id_number WHERE r.id = ? AND r.removed_at IS NULL`).all(relativeId) as Pair[];
  return record(ctx, pairs, trigger);
}

/**
 * Matches one member against every declared relative (a member added to a household). Runs once per member of
 * a roster import, so it looks up the relatives' 身份证号 index directly with the ID the event carries.
 */
export function matchMember(ctx: Ctx, m: { memberId: number; householdId: number; idNumber: string }, trigger: MatchTrigger = '新增成员'): number[] {
  const relatives = prepared(ctx.sqlite, 'SELECT id FROM staff_relatives WHERE id_number = ? AND removed_at IS NULL').all(m.idNumber) as { id: number }[];
  return record(ctx, relatives.map((r) => ({ relativeId: r.id, memberId: m.memberId, householdId: m.householdId })), trigger);
}

/** Matches every member of one household (at application acceptance). */
export function matchHousehold(ctx: Ctx, householdId: number, trigger: MatchTrigger = '受理申请'): number[] {
  const pairs = prepared(ctx.sqlite, `SELECT r.id AS relativeId, m.id AS memberId, m.household_id AS householdId
    FROM members m JOIN staff_relatives r ON r.id_number = m.id_number WHERE m.household_id = ? AND r.removed_at IS NULL`).all(householdId) as Pair[];
  return record(ctx, pairs, trigger);
}

/** Full comparison of all relatives against all members (after an import, or on demand). */
export function matchAll(ctx: Ctx): number[] {
  return recordFullComparison(ctx, allPairs(ctx.sqlite));
}

/** Every declared relative × member pair by 身份证号: the read of 全面比对 (run in a worker by the channel). */
export function allPairs(sqlite: Database.Database): Pair[] {
  return sqlite.prepare(`SELECT r.id AS relativeId, m.id AS memberId, m.household_id AS householdId
    FROM staff_relatives r JOIN members m ON m.id_number = r.id_number WHERE r.removed_at IS NULL`).all() as Pair[];
}

/**
 * Records the new pairs of a full comparison (pairs already matched are kept as they are). Returns new match ids.
 * The pairs may come from a worker's snapshot: each is checked again here, so a relative removed or a 身份证号
 * corrected meanwhile is not matched (pairs that appeared meanwhile were matched by the listeners above).
 */
export function recordFullComparison(ctx: Ctx, pairs: Pair[]): number[] {
  const still = prepared(ctx.sqlite, `SELECT 1 FROM staff_relatives r JOIN members m ON m.id_number = r.id_number
    WHERE r.id = ? AND m.id = ? AND m.household_id = ? AND r.removed_at IS NULL`);
  return record(ctx, pairs.filter((p) => still.get(p.relativeId, p.memberId, p.householdId)), '全面比对');
}

/** True when a current member of the household is a near relative of serving staff (单独登记备案). */
export function isNearRelativeHousehold(sqlite: Database.Database, householdId: number): boolean {
  return !!sqlite.prepare(`SELECT 1 FROM ${MATCH_FROM} WHERE m.household_id = ? AND m.state = '在户' AND ${ACTIVE_MATCH} LIMIT 1`).get(householdId);
}

export interface FlaggedHousehold { householdId: number; reasons: string }

/** Every flagged household with a one-line reason ("张三（村委会主任）之配偶 李四"), for 单独管理 and lists. */
export function nearRelativeHouseholds(sqlite: Database.Database): FlaggedHousehold[] {
  return sqlite.prepare(`SELECT m.household_id AS householdId,
      group_concat(s.name || '（' || CASE WHEN s.post = '' THEN s.kind ELSE s.post END || '）之' || r.relation || ' ' || m.name, '；') AS reasons
    FROM ${MATCH_FROM} WHERE m.state = '在户' AND ${ACTIVE_MATCH} GROUP BY m.household_id ORDER BY m.household_id`).all() as FlaggedHousehold[];
}

/** The reason line for one household ('' when not flagged), e.g. for the application's near-relative note. */
export function nearRelativeReason(sqlite: Database.Database, householdId: number): string {
  const r = sqlite.prepare(`SELECT group_concat(s.name || '（' || CASE WHEN s.post = '' THEN s.kind ELSE s.post END || '）之' || r.relation || ' ' || m.name, '；') AS reasons
    FROM ${MATCH_FROM} WHERE m.household_id = ? AND m.state = '在户' AND ${ACTIVE_MATCH}`).get(householdId) as { reasons: string | null };
  return r.reasons ?? '';
}

/** Domain-event listener: a member was added to a household. */
export function onMemberAdded(ctx: HandlerContext, e: { householdId: number; memberId: number; idNumber: string }) {
  matchMember(ctx, e, '新增成员');
}

/**
 * Domain-event listener: an application was accepted. Matches the household's members so the case is
 * filed separately; the applications feature reads the result with isNearRelativeHousehold().
 */
export function onApplicationAccepted(ctx: HandlerContext, e: { householdId: number }) {
  matchHousehold(ctx, e.householdId, '受理申请');
}
