import type Database from 'better-sqlite3';
import { suggestFlags, type FlagSuggestion } from '../../domain/recheckFlags';
import { notFound } from '../../ipc/errors';
import { HOUSEHOLD_SELECT, flagFacts, incomesByHousehold, membersByHousehold, type HouseholdRow } from './facts';
import { standardFenFor } from './standards';

export const PHASE_NAMES = ['准备', '清理实施', '抽查', '总结'] as const;
export const TEAM_ROLES = ['驻村领导', '驻村干部', '村干部'] as const;
export const OUTCOMES = ['维持', '增发', '减发', '停保', '渐退'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface ScopeFilter { villageIds?: number[]; categories?: string[] }

export interface CampaignRow { id: number; name: string; basis: string; scope_date: string; scope_filter: string; status: string; created_by: string; created_at: string }

export function getCampaign(sqlite: Database.Database, id: number): CampaignRow {
  const c = sqlite.prepare('SELECT * FROM campaigns WHERE id = ?').get(id) as CampaignRow | undefined;
  if (!c) throw notFound('专项行动', id);
  return c;
}

/**
 * Households in scope: every household receiving 低保 on the scope date (cover started by that month, and not
 * exited before it), narrowed by the filter. 申请中 / 未通过 households were never in 保.
 */
export function householdsInScope(sqlite: Database.Database, scopeDate: string, f: ScopeFilter): HouseholdRow[] {
  const where = [`h.start_month IS NOT NULL AND h.start_month <= ?`,
    `(h.status IN ('在保', '渐退') OR (h.status = '停保' AND h.exited_at > ?))`];
  const args: unknown[] = [scopeDate.slice(0, 7), scopeDate];
  if (f.villageIds?.length) { where.push(`h.village_id IN (${f.villageIds.map(() => '?').join(',')})`); args.push(...f.villageIds); }
  if (f.categories?.length) { where.push(`h.category IN (${f.categories.map(() => '?').join(',')})`); args.push(...f.categories); }
  return sqlite.prepare(`${HOUSEHOLD_SELECT} WHERE ${where.join(' AND ')} ORDER BY h.village_id, h.group_id, h.id`).all(...args) as HouseholdRow[];
}

/** Snapshots the scope into campaign_households with the flags the data suggests. Returns the count. */
export function enrolHouseholds(sqlite: Database.Database, campaignId: number, rows: HouseholdRow[], scopeDate: string): number {
  const ids = rows.map((r) => r.id);
  const members = membersByHousehold(sqlite, ids);
  const incomes = incomesByHousehold(sqlite, ids);
  const ins = sqlite.prepare(`INSERT OR IGNORE INTO campaign_households (campaign_id, household_id, village_id, amount_before_fen,
    suggested_flags, flags, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const now = new Date().toISOString();
  // One standard per category on the scope date: read the setting once per category, not once per household.
  const standards = new Map<string, number | null>();
  const standardOf = (category: string) => {
    if (!standards.has(category)) standards.set(category, standardFenFor(sqlite, category, scopeDate));
    return standards.get(category) ?? null;
  };
  let n = 0;
  for (const h of rows) {
    const suggested = suggestFlags(flagFacts(h, members.get(h.id) ?? [], incomes.get(h.id) ?? [], standardOf(h.category)));
    const codes = [...new Set(suggested.map((s) => s.code))];
    n += ins.run(campaignId, h.id, h.village_id, h.monthly_amount_fen + h.top_up_fen, JSON.stringify(suggested), JSON.stringify(codes), now).changes;
  }
  return n;
}

export interface ProgressRow {
  villageId: number; village: string; total: number; visited: number; decided: number;
  outcomes: Record<Outcome, number>; flagged: number; team: { id: number; name: string; role: string }[];
  signoff: { returnedDate: string; scanRef: string } | null;
}

/** Progress per village (households visited, outcomes decided, sheet returned) and overall. */
export function campaignProgress(sqlite: Database.Database, campaignId: number) {
  const rows = sqlite.prepare(`SELECT ch.village_id AS villageId, v.name AS village, COUNT(*) AS total,
    SUM(ch.visit_date IS NOT NULL) AS visited, SUM(ch.outcome IS NOT NULL) AS decided, SUM(ch.flags <> '[]') AS flagged,
    ${OUTCOMES.map((o, i) => `SUM(ch.outcome = '${o}') AS o${i}`).join(', ')}
    FROM campaign_households ch JOIN regions v ON v.id = ch.village_id WHERE ch.campaign_id = ?
    GROUP BY ch.village_id ORDER BY v.sort, v.id`).all(campaignId) as Record<string, number | string>[];
  const seats = teamsOf(sqlite, campaignId);
  const signoffs = new Map((sqlite.prepare('SELECT village_id AS v, returned_date AS returnedDate, scan_ref AS scanRef FROM campaign_signoffs WHERE campaign_id = ?')
    .all(campaignId) as { v: number; returnedDate: string; scanRef: string }[]).map((s) => [s.v, { returnedDate: s.returnedDate, scanRef: s.scanRef }]));
  const villages: ProgressRow[] = rows.map((r) => ({
    villageId: Number(r.villageId), village: String(r.village), total: Number(r.total), visited: Number(r.visited),
    decided: Number(r.decided), flagged: Number(r.flagged),
    outcomes: Object.fromEntries(OUTCOMES.map((o, i) => [o, Number(r[`o${i}`] ?? 0)])) as Record<Outcome, number>,
    team: seats.get(Number(r.villageId)) ?? [], signoff: signoffs.get(Number(r.villageId)) ?? null,
  }));
  const sum = (k: 'total' | 'visited' | 'decided' | 'flagged') => villages.reduce((s, v) => s + v[k], 0);
  const overall = { total: sum('total'), visited: sum('visited'), decided: sum('decided'), flagged: sum('flagged'),
    signedVillages: villages.filter((v) => v.signoff).length, villages: villages.length,
    outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, villages.reduce((s, v) => s + v.outcomes[o], 0)])) as Record<Outcome, number> };
  return { villages, overall };
}

export function teamsOf(sqlite: Database.Database, campaignId: number, villageId?: number) {
  const rows = sqlite.prepare(`SELECT s.village_id AS villageId, s.role, t.id, t.name, t.phone FROM campaign_team_seats s
    JOIN team_members t ON t.id = s.team_member_id WHERE s.campaign_id = ? ${villageId ? 'AND s.village_id = ?' : ''}
    ORDER BY CASE s.role WHEN '驻村领导' THEN 0 WHEN '驻村干部' THEN 1 ELSE 2 END, t.id`)
    .all(...(villageId ? [campaignId, villageId] : [campaignId])) as { villageId: number; role: string; id: number; name: string; phone: string }[];
  const out = new Map<number, { id: number; name: string; role: string; phone: string }[]>();
  for (const r of rows) out.set(r.villageId, [...(out.get(r.villageId) ?? []), { id: r.id, name: r.name, role: r.role, phone: r.phone }]);
  return out;
}

export interface CampaignHouseholdView {
  id: number; householdId: number; headName: string; group: string | null; category: string; status: string; memberCount: number;
  amountBeforeFen: number; suggestedFlags: FlagSuggestion[]; flags: number[]; visitDate: string | null; findings: string;
  checkResult: string; outcome: Outcome | null; reason: string; newAmountFen: number | null; checkedBy: string; decisionRef: string | null;
}

const VIEW_SELECT = `SELECT ch.*, hm.name AS head_name, g.name AS group_name, h.category, h.status,
  (SELECT COUNT(*) FROM members m WHERE m.household_id = h.id AND m.state = '在户') AS member_count
  FROM campaign_households ch JOIN households h ON h.id = ch.household_id LEFT JOIN members hm ON hm.id = h.head_member_id
  LEFT JOIN regions g ON g.id = h.group_id`;

export function toView(r: Record<string, any>): CampaignHouseholdView {
  return { id: r.id, householdId: r.household_id, headName: r.head_name ?? '', group: r.group_name, category: r.category, status: r.status,
    memberCount: r.member_count, amountBeforeFen: r.amount_before_fen, suggestedFlags: JSON.parse(r.suggested_flags), flags: JSON.parse(r.flags),
    visitDate: r.visit_date, findings: r.findings, checkResult: r.check_result, outcome: r.outcome, reason: r.reason,
    newAmountFen: r.new_amount_fen, checkedBy: r.checked_by, decisionRef: r.decision_ref };
}

export function villageHouseholds(sqlite: Database.Database, campaignId: number, villageId: number, page?: { offset: number; limit: number }, pending?: boolean) {
  const where = `WHERE ch.campaign_id = ? AND ch.village_id = ?${pending ? ' AND ch.outcome IS NULL' : ''}`;
  const total = (sqlite.prepare(`SELECT COUNT(*) AS n FROM campaign_households ch ${where}`).get(campaignId, villageId) as { n: number }).n;
  const limit = page ? ` LIMIT ${page.limit} OFFSET ${page.offset}` : '';
  const rows = sqlite.prepare(`${VIEW_SELECT} ${where} ORDER BY h.group_id, ch.household_id${limit}`).all(campaignId, villageId) as Record<string, any>[];
  return { total, rows: rows.map(toView) };
}

export function getCampaignHousehold(sqlite: Database.Database, id: number): CampaignHouseholdView & { campaignId: number; villageId: number } {
  const r = sqlite.prepare(`${VIEW_SELECT} WHERE ch.id = ?`).get(id) as Record<string, any> | undefined;
  if (!r) throw notFound('专项行动中的户', id);
  return { ...toView(r), campaignId: r.campaign_id, villageId: r.village_id };
}
