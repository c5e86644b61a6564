import type { HandlerContext } from '../../ipc/contract';
import { AppError, conflict, invalid, notFound, refuseAt } from '../../ipc/errors';
import { getRegion } from '../regions/channels';
import { enrolHouseholds, getCampaignHousehold, householdsInScope, type Outcome, type ScopeFilter } from './campaigns';
import { insertRecheck } from './schedule';
import { applyOutcome } from './decide';
import { inboxPath, originalName } from '../../ipc/files';
import { fileStoredDocument } from '../archive/filing';

/** Writes of the campaign workflow, each called inside the router's transaction. */

export interface NewCampaign { name: string; basis: string; scopeDate: string; filter: ScopeFilter; phases: { name: string; startDate: string; endDate: string }[] }

export function createCampaign(ctx: HandlerContext, i: NewCampaign) {
  // every bad phase at once, each under its 结束 box
  const bad = i.phases.flatMap((p, k) => (p.endDate < p.startDate ? [{ path: `phases.${k}.endDate`, message: `阶段“${p.name}”的结束日期早于开始日期` }] : []));
  if (bad.length) throw invalid(bad.map((b) => b.message).join('；'), bad);
  const now = new Date().toISOString();
  const id = Number(ctx.sqlite.prepare(`INSERT INTO campaigns (name, basis, scope_date, scope_filter, status, created_by, created_at)
    VALUES (?, ?, ?, ?, '进行中', ?, ?)`).run(i.name, i.basis, i.scopeDate, JSON.stringify(i.filter), ctx.actor.displayName, now).lastInsertRowid);
  const phase = ctx.sqlite.prepare('INSERT INTO campaign_phases (campaign_id, name, start_date, end_date, sort) VALUES (?, ?, ?, ?, ?)');
  i.phases.forEach((p, k) => phase.run(id, p.name, p.startDate, p.endDate, k));
  const households = enrolHouseholds(ctx.sqlite, id, householdsInScope(ctx.sqlite, i.scopeDate, i.filter), i.scopeDate);
  if (households === 0) throw refuseAt('VALIDATION', 'scopeDate', `${i.scopeDate} 时点没有符合范围的在保户，未建立专项行动`);
  ctx.audit({ entity: 'campaign', entityId: id, after: { ...i, households } });
  return { id, households };
}

export interface Seat { teamMemberId: number; role: string }

/** One team per village: exactly one 驻村领导 leads; 驻村干部 and 村干部 serve. Replaces the village's team. */
export function setTeam(ctx: HandlerContext, i: { campaignId: number; villageId: number; seats: Seat[] }) {
  const village = getRegion(ctx.sqlite, i.villageId);
  if (village.level !== 'village') throw invalid('清理小组按村（居）组建，请选择村（居）');
  const leaders = i.seats.filter((s) => s.role === '驻村领导').length;
  if (leaders !== 1) throw invalid(`每个清理小组由一名驻村领导任组长（现为 ${leaders} 名）`);
  const known = ctx.sqlite.prepare('SELECT id FROM team_members WHERE id = ? AND active = 1');
  for (const s of i.seats) if (!known.get(s.teamMemberId)) throw notFound('在册的小组成员', s.teamMemberId);
  const before = ctx.sqlite.prepare('SELECT team_member_id AS teamMemberId, role FROM campaign_team_seats WHERE campaign_id = ? AND village_id = ?').all(i.campaignId, i.villageId);
  ctx.sqlite.prepare('DELETE FROM campaign_team_seats WHERE campaign_id = ? AND village_id = ?').run(i.campaignId, i.villageId);
  const ins = ctx.sqlite.prepare('INSERT INTO campaign_team_seats (campaign_id, village_id, team_member_id, role) VALUES (?, ?, ?, ?)');
  for (const s of i.seats) ins.run(i.campaignId, i.villageId, s.teamMemberId, s.role);
  ctx.audit({ entity: 'campaign_team', entityId: `${i.campaignId}:${i.villageId}`, before, after: i.seats });
  return { seats: i.seats.length };
}

export interface Finding {
  id: number; flags: number[]; visitDate: string; findings: string; checkResult: string;
  outcome: Outcome; reason: string; newAmountFen: number | null; newTopUpFen?: number; phaseOutMonths?: number; checkedBy: string;
  workIncomeConfirmed?: boolean; workIncomeNote?: string;
}

/**
 * Records the team's visit and outcome for one household. A change (增发/减发/停保/渐退) goes through the change
 * decision of the procedure (its notice prints with the reason); the visit also counts as the household's recheck.
 */
export function recordFinding(ctx: HandlerContext, i: Finding) {
  const before = getCampaignHousehold(ctx.sqlite, i.id);
  if (before.decisionRef) throw conflict('该户的处理决定已作出，不能再修改；如需变更请另行办理调整');
  if (i.outcome !== '维持' && !i.reason.trim()) throw refuseAt('VALIDATION', 'reason', `${i.outcome}必须写明理由`);
  const decision = i.outcome === '维持' ? null : applyOutcome(ctx, { householdId: before.householdId, outcome: i.outcome, reason: i.reason,
    newAmountFen: i.newAmountFen, newTopUpFen: i.newTopUpFen, phaseOutMonths: i.phaseOutMonths, date: i.visitDate, source: '专项治理', sourceRef: `专项行动${before.campaignId}`,
    workIncomeConfirmed: i.workIncomeConfirmed, workIncomeNote: i.workIncomeNote });
  const decisionRef = decision ? String(decision.changeId) : null;
  const newAmount = decision ? decision.amountFen : before.amountBeforeFen;
  ctx.sqlite.prepare(`UPDATE campaign_households SET flags = ?, visit_date = ?, findings = ?, check_result = ?, outcome = ?, reason = ?,
    new_amount_fen = ?, checked_by = ?, checked_at = ?, decision_ref = ?, updated_at = ? WHERE id = ?`).run(
    JSON.stringify([...new Set(i.flags)].sort((a, b) => a - b)), i.visitDate, i.findings, i.checkResult, i.outcome, i.reason,
    newAmount, i.checkedBy, new Date().toISOString(), decisionRef, new Date().toISOString(), i.id);
  insertRecheck(ctx.sqlite, { householdId: before.householdId, kind: '专项复核', date: i.visitDate, campaignId: before.campaignId,
    outcome: i.outcome, findings: i.findings, checkedBy: i.checkedBy });
  ctx.audit({ entity: 'campaign_household', entityId: i.id, before, after: { ...i, newAmountFen: newAmount, decisionRef } });
  return { id: i.id, decisionRef, changeId: decision?.changeId ?? null, needsNotice: decision?.needsNotice ?? false };
}

export function recordSignoff(ctx: HandlerContext, i: { campaignId: number; villageId: number; returnedDate: string; scanRef: string }) {
  const pending = ctx.sqlite.prepare('SELECT COUNT(*) AS n FROM campaign_households WHERE campaign_id = ? AND village_id = ? AND outcome IS NULL')
    .get(i.campaignId, i.villageId) as { n: number };
  if (pending.n > 0) throw new AppError('CONFLICT', `本村还有 ${pending.n} 户未登记处理意见，登记表不能视为已签字交回`);
  const before = ctx.sqlite.prepare('SELECT * FROM campaign_signoffs WHERE campaign_id = ? AND village_id = ?').get(i.campaignId, i.villageId);
  ctx.sqlite.prepare(`INSERT INTO campaign_signoffs (campaign_id, village_id, returned_date, scan_ref, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT(campaign_id, village_id) DO UPDATE SET returned_date = excluded.returned_date, scan_ref = excluded.scan_ref, recorded_by = excluded.recorded_by`)
    .run(i.campaignId, i.villageId, i.returnedDate, i.scanRef, ctx.actor.displayName, new Date().toISOString());
  ctx.audit({ entity: 'campaign_signoff', entityId: `${i.campaignId}:${i.villageId}`, before: before ?? null, after: i });
  const archived = i.scanRef ? fileSignedSheet(ctx, i) : null;
  return { ok: true, archivedHouseholds: archived?.filed.length ?? 0 };
}

/** The signed sheet's scan goes once into the archive store and into the bag of every household of the village it lists. */
function fileSignedSheet(ctx: HandlerContext, i: { campaignId: number; villageId: number; returnedDate: string; scanRef: string }) {
  const names = ctx.sqlite.prepare('SELECT c.name AS campaign, v.name AS village FROM campaigns c, regions v WHERE c.id = ? AND v.id = ?')
    .get(i.campaignId, i.villageId) as { campaign: string; village: string };
  const households = ctx.sqlite.prepare('SELECT household_id AS id FROM campaign_households WHERE campaign_id = ? AND village_id = ? ORDER BY household_id')
    .all(i.campaignId, i.villageId) as { id: number }[];
  return fileStoredDocument(ctx, { householdIds: households.map((h) => h.id), sourcePath: inboxPath(ctx.dataDir, i.scanRef),
    fileName: originalName(i.scanRef), docType: '复核记录/签字表', title: `${names.campaign}清理核实登记表（${names.village}，签字）`,
    date: i.returnedDate, responsible: `${names.village}清理核实小组` });
}
