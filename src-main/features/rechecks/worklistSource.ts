import type { WorklistItem, WorklistSource } from '../worklist/engine';
import { computeDue } from './schedule';

/** 首页: rechecks that are overdue or due this week (regular schedule and triggers such as a member's death). */
export const rechecksWorklist: WorklistSource = {
  id: 'rechecks.due', label: '到期复核',
  items: (w) => computeDue(w.ctx.sqlite, w.today).filter((r) => r.dueDate <= w.weekEnd).map((r): WorklistItem => ({
    key: `recheck:${r.householdId}`, kind: r.dueDate < w.today ? '复核逾期' : '到期复核',
    title: `${r.headName || '（无户主）'}户 · ${r.reason}`,
    due: r.dueDate, villageId: r.villageId, village: r.village, waitsFor: ['clerk', 'admin'],
    link: `/households/${r.householdId}`,
  })),
};

/** 首页: each campaign village with households not yet checked, due at the end of the current (else last) phase. */
export const campaignsWorklist: WorklistSource = {
  id: 'rechecks.campaigns', label: '专项行动入户核实',
  items: (w) => (w.ctx.sqlite.prepare(`SELECT c.id AS campaignId, c.name, ch.village_id AS villageId, v.name AS village, COUNT(*) AS n,
      COALESCE((SELECT MIN(p.end_date) FROM campaign_phases p WHERE p.campaign_id = c.id AND p.end_date >= ?),
               (SELECT MAX(p.end_date) FROM campaign_phases p WHERE p.campaign_id = c.id)) AS due
    FROM campaign_households ch JOIN campaigns c ON c.id = ch.campaign_id LEFT JOIN regions v ON v.id = ch.village_id
    WHERE c.status = '进行中' AND ch.checked_at IS NULL GROUP BY c.id, ch.village_id`).all(w.today) as
    { campaignId: number; name: string; villageId: number; village: string | null; n: number; due: string | null }[])
    .map((r): WorklistItem => ({
      key: `campaign:${r.campaignId}:${r.villageId}`, kind: '专项行动',
      title: `${r.name} · ${r.village ?? ''} · ${r.n} 户未核实`,
      due: r.due, villageId: r.villageId, village: r.village, waitsFor: ['clerk', 'admin'],
      link: `/rechecks/campaigns/${r.campaignId}/${r.villageId}`, pending: true,
    })),
};

/** 首页: county 疑点 not yet answered (属实 / 不属实 / 部分属实); they have no date but wait for the clerk. */
export const suspectsWorklist: WorklistSource = {
  id: 'rechecks.suspects', label: '疑点核查',
  items: (w) => (w.ctx.sqlite.prepare(`SELECT t.id, t.name, t.suspect_reason AS reason, h.village_id AS villageId, v.name AS village, i.county
    FROM suspect_tasks t JOIN suspect_imports i ON i.id = t.import_id JOIN households h ON h.id = t.household_id
    LEFT JOIN regions v ON v.id = h.village_id WHERE t.result IS NULL ORDER BY t.id`).all() as
    { id: number; name: string; reason: string; villageId: number | null; village: string | null; county: string }[])
    .map((r): WorklistItem => ({
      key: `suspect:${r.id}`, kind: '疑点待核', title: `${r.name} · ${r.county}疑点${r.reason ? `：${r.reason}` : ''}`,
      due: null, villageId: r.villageId, village: r.village, waitsFor: ['clerk', 'admin'], link: '/rechecks/suspects', pending: true,
    })),
};
