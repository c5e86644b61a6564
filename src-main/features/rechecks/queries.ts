import type Database from 'better-sqlite3';
import type { HandlerContext } from '../../ipc/contract';
import { notFound } from '../../ipc/errors';

/** Households in 渐退 with the last month paid, from the latest 渐退 change decision (benefit_changes). */
export function gradualExits(sqlite: Database.Database) {
  return sqlite.prepare(`SELECT h.id AS householdId, hm.name AS headName, v.name AS village, h.monthly_amount_fen AS monthlyAmountFen,
      (SELECT c.phase_out_end_month FROM benefit_changes c WHERE c.household_id = h.id AND c.decision = '渐退' ORDER BY c.id DESC LIMIT 1) AS endMonth,
      (SELECT c.reason FROM benefit_changes c WHERE c.household_id = h.id AND c.decision = '渐退' ORDER BY c.id DESC LIMIT 1) AS reason
    FROM households h JOIN regions v ON v.id = h.village_id LEFT JOIN members hm ON hm.id = h.head_member_id
    WHERE h.status = '渐退' ORDER BY endMonth IS NULL, endMonth, h.id`).all() as
    { householdId: number; headName: string | null; village: string; monthlyAmountFen: number; endMonth: string | null; reason: string | null }[];
}

export function listCampaigns(sqlite: Database.Database) {
  return sqlite.prepare(`SELECT c.id, c.name, c.scope_date AS scopeDate, c.status, c.created_at AS createdAt,
      (SELECT COUNT(*) FROM campaign_households ch WHERE ch.campaign_id = c.id) AS households,
      (SELECT COUNT(*) FROM campaign_households ch WHERE ch.campaign_id = c.id AND ch.outcome IS NOT NULL) AS decided
    FROM campaigns c ORDER BY c.id DESC`).all() as { id: number; name: string; scopeDate: string; status: string; createdAt: string; households: number; decided: number }[];
}

export const phasesOf = (sqlite: Database.Database, campaignId: number) =>
  sqlite.prepare('SELECT name, start_date AS startDate, end_date AS endDate FROM campaign_phases WHERE campaign_id = ? ORDER BY sort, id')
    .all(campaignId) as { name: string; startDate: string; endDate: string }[];

export function listTeam(sqlite: Database.Database, includeInactive: boolean) {
  return (sqlite.prepare(`SELECT t.id, t.name, t.role, t.phone, t.village_id AS villageId, v.name AS village, t.active
    FROM team_members t LEFT JOIN regions v ON v.id = t.village_id ${includeInactive ? '' : 'WHERE t.active = 1'}
    ORDER BY CASE t.role WHEN '驻村领导' THEN 0 WHEN '驻村干部' THEN 1 ELSE 2 END, t.id`).all() as
    { id: number; name: string; role: string; phone: string; villageId: number | null; village: string | null; active: number }[])
    .map((r) => ({ ...r, active: !!r.active }));
}

export function saveTeamMember(ctx: HandlerContext, i: { id?: number; name: string; role: string; phone: string; villageId: number | null; active: boolean }) {
  if (i.id) {
    const before = ctx.sqlite.prepare('SELECT * FROM team_members WHERE id = ?').get(i.id);
    if (!before) throw notFound('小组成员', i.id);
    ctx.sqlite.prepare('UPDATE team_members SET name = ?, role = ?, phone = ?, village_id = ?, active = ? WHERE id = ?')
      .run(i.name, i.role, i.phone, i.villageId, i.active ? 1 : 0, i.id);
    ctx.audit({ entity: 'team_member', entityId: i.id, before, after: i });
    return { id: i.id };
  }
  const id = Number(ctx.sqlite.prepare('INSERT INTO team_members (name, role, phone, village_id, active, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(i.name, i.role, i.phone, i.villageId, i.active ? 1 : 0, new Date().toISOString()).lastInsertRowid);
  ctx.audit({ entity: 'team_member', entityId: id, after: i });
  return { id };
}
