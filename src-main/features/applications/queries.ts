import type Database from 'better-sqlite3';
import { CLOSED_STAGES, countyVisitMissing, deadlines, deadlineState, foldSteps, missingForPreliminary, OFFERED_STEPS, STEP_LABELS, type Stage, type StepRecord } from '../../domain/procedure';
import { caseFor, caseOf, CLOSED_SQL, factsOf, getApplication, stepRows, toRecord, type ApplicationRow, type StepRow } from './cases';
import { countyDecisions, decidingOrg, type CountyDecision } from './countyDecision';
import { calculateForHousehold, householdState, type HouseholdCalculation } from './household';
import { blockedUntil, integrityRecords } from './integrity';
import { changeRows } from './decisions';
import { workCalendar } from './settings';
import { localToday } from '../households/store';
import type { ListInput } from './schemas';
import { LIKE_ESCAPE, likeContains, likePrefix } from '../../db/like';

type Sqlite = Database.Database;
const ROLE_LABEL: Record<string, string> = { admin: '管理员', clerk: '经办人', reviewer: '审核人', readonly: '只读', county: '县级' };

const SORT_SQL: Record<ListInput['sort'], string> = {
  id: 'a.id', appliedOn: 'a.applied_on', stage: 'a.stage', village: 'v.name', head: 'm.name',
};
const FROM = `FROM applications a JOIN households h ON h.id = a.household_id LEFT JOIN regions v ON v.id = h.village_id
  LEFT JOIN regions g ON g.id = h.group_id LEFT JOIN members m ON m.id = h.head_member_id`;

export function listApplications(sqlite: Sqlite, i: ListInput) {
  const where: string[] = [];
  const args: unknown[] = [];
  if (i.stage) { where.push('a.stage = ?'); args.push(i.stage); }
  if (i.open !== undefined) where.push(`a.stage ${i.open ? 'NOT ' : ''}IN (${CLOSED_SQL})`);
  if (i.villageId) { where.push('h.village_id = ?'); args.push(i.villageId); }
  if (i.q) { where.push(`(m.name LIKE ? ${LIKE_ESCAPE} OR a.applicant_name LIKE ? ${LIKE_ESCAPE} OR m.pinyin_initials LIKE ? ${LIKE_ESCAPE})`); args.push(likeContains(i.q), likeContains(i.q), likePrefix(i.q.toLowerCase())); }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (sqlite.prepare(`SELECT COUNT(*) AS n ${FROM} ${w}`).get(...args) as { n: number }).n;
  const rows = sqlite.prepare(`SELECT a.id, a.household_id AS householdId, COALESCE(m.name, '') AS headName, a.applicant_name AS applicantName,
      COALESCE(v.name, '') AS village, COALESCE(g.name, '') AS "group", a.stage, a.applied_on AS appliedOn, a.rule_set AS ruleSet,
      a.amount_fen AS amountFen, a.top_up_fen AS topUpFen, a.near_relative AS nearRelative
    ${FROM} ${w} ORDER BY ${SORT_SQL[i.sort]} ${i.desc ? 'DESC' : 'ASC'}, a.id DESC LIMIT ? OFFSET ?`)
    .all(...args, i.pageSize, (i.page - 1) * i.pageSize) as { id: number; householdId: number; headName: string; applicantName: string;
      village: string; group: string; stage: Stage; appliedOn: string; ruleSet: string; amountFen: number | null; topUpFen: number | null; nearRelative: number }[];
  return { total, rows: rows.map((r) => ({ ...r, nearRelative: !!r.nearRelative })) };
}

function stepView(s: ReturnType<typeof stepRows>[number], county?: Map<number, CountyDecision>) {
  return { id: s.id, kind: s.kind, label: STEP_LABELS[s.kind], date: s.date, stageAfter: s.stage_after, opinion: s.opinion,
    reason: s.reason, payload: JSON.parse(s.payload) as Record<string, unknown>, by: s.display_name, role: ROLE_LABEL[s.role] ?? s.role, at: s.created_at,
    county: county?.get(s.id) ?? null };
}
const stepViews = (sqlite: Sqlite, applicationId: number) => {
  const county = countyDecisions(sqlite, applicationId);
  return stepRows(sqlite, applicationId).map((s) => stepView(s, county));
};

/** One case: household, every step, the stage, what may come next, deadlines and the amount (confirmed or a preview). */
export function applicationDetail(sqlite: Sqlite, id: number) {
  const a = getApplication(sqlite, id);
  const facts = factsOf(sqlite, a);
  const cal = workCalendar(sqlite);
  const now = localToday();
  const household = householdState(sqlite, a.household_id);
  let calculation: HouseholdCalculation | null = a.calculation ? JSON.parse(a.calculation) : null;
  let calculationError: string | null = null;
  if (!calculation && !CLOSED_STAGES.includes(a.stage)) {
    try { calculation = calculateForHousehold(sqlite, a.household_id, now); } catch (e) { calculationError = (e as Error).message; }
  }
  const open = !CLOSED_STAGES.includes(a.stage);
  return {
    ...applicationSummary(a), household,
    steps: stepViews(sqlite, a.id),
    /** 第二十条: why the county must visit before 审核确认 (an objection or a complaint), while it has not. */
    countyVisitMissing: open ? countyVisitMissing(caseFor(sqlite, a), facts) : [],
    /** Who decides (乡镇人民政府 or the county's 民政部门) and, when not delegated, that its decision must be entered. */
    decidingOrg: decidingOrg(sqlite, a), countyDecisionRequired: !a.delegated,
    offered: OFFERED_STEPS[a.stage].filter((k) => !(k === 'noticeServed' && facts.noticeServedOn)).map((k) => ({ kind: k, label: STEP_LABELS[k] })),
    missingForPreliminary: ['调查中', '待初审'].includes(a.stage) ? missingForPreliminary(caseOf(a), facts) : [],
    publicityStartOn: facts.publicityStartOn, countyVisitDone: !!facts.countyVisitOn,
    deadlines: deadlines(caseOf(a), facts, cal).map((d) => ({ ...d, state: deadlineState(d, now, cal) })),
    calculation, calculationConfirmed: !!a.calculation, calculationError,
    integrity: integrityRecords(sqlite, a.household_id),
  };
}

export function applicationSummary(a: ApplicationRow) {
  return { id: a.id, householdId: a.household_id, kind: a.kind, ruleSet: a.rule_set, stage: a.stage, appliedOn: a.applied_on,
    applicantName: a.applicant_name, entrusted: !!a.entrusted, reason: a.reason, delegated: !!a.delegated, special: !!a.special,
    nearRelative: !!a.near_relative, nearRelativeNote: a.near_relative_note, countyVisitRequired: !!a.county_visit_required,
    amountFen: a.amount_fen, topUpFen: a.top_up_fen, startMonth: a.start_month };
}

/** Due and overdue deadlines of open cases (and unsent notices), by village. */
export function worklist(sqlite: Sqlite, i: { villageId?: number; include: 'due' | 'all'; page: number; pageSize: number }) {
  const cal = workCalendar(sqlite);
  const now = localToday();
  // Open cases, and refused ones whose notice may still be due; the steps come in one query for all of them.
  const where = `WHERE a.stage <> '已确认' ${i.villageId ? 'AND h.village_id = ?' : ''}`;
  const args = i.villageId ? [i.villageId] : [];
  const apps = sqlite.prepare(`SELECT a.*, h.village_id AS villageId, COALESCE(v.name, '') AS village, COALESCE(m.name, '') AS headName ${FROM} ${where}`)
    .all(...args) as (ApplicationRow & { villageId: number | null; village: string; headName: string })[];
  const steps = new Map<number, StepRecord[]>();
  for (const s of sqlite.prepare(`SELECT s.* FROM application_steps s JOIN applications a ON a.id = s.application_id
    JOIN households h ON h.id = a.household_id ${where} ORDER BY s.id`).all(...args) as StepRow[]) {
    const list = steps.get(s.application_id);
    if (list) list.push(toRecord(s)); else steps.set(s.application_id, [toRecord(s)]);
  }
  const items = apps.flatMap((a) => deadlines(caseOf(a), foldSteps(caseOf(a), steps.get(a.id) ?? []), cal)
    .map((d) => ({ applicationId: a.id, householdId: a.household_id, headName: a.headName, villageId: a.villageId, village: a.village, stage: a.stage as Stage,
      key: d.key, label: d.label, due: d.due, unverified: d.unverified, state: deadlineState(d, now, cal) }))
    .filter((d) => d.state !== '已完成' && (i.include === 'all' || d.state !== '未到期')));
  items.sort((x, y) => x.due.localeCompare(y.due) || x.village.localeCompare(y.village, 'zh-CN'));
  const byVillage = new Map<string, { village: string; overdue: number; due: number }>();
  for (const it of items) {
    const v = byVillage.get(it.village) ?? { village: it.village, overdue: 0, due: 0 };
    if (it.state === '已逾期') v.overdue++; else v.due++;
    byVillage.set(it.village, v);
  }
  return { today: now, total: items.length, villages: [...byVillage.values()], rows: items.slice((i.page - 1) * i.pageSize, i.page * i.pageSize) };
}

/** The household page's slot: its applications with steps, change decisions, 诚信 records and the calculation now. */
export function householdProcedure(sqlite: Sqlite, householdId: number) {
  const household = householdState(sqlite, householdId);
  const apps = sqlite.prepare('SELECT * FROM applications WHERE household_id = ? ORDER BY id DESC').all(householdId) as ApplicationRow[];
  let calculation: HouseholdCalculation | null = null;
  let calculationError: string | null = null;
  try { calculation = calculateForHousehold(sqlite, householdId, localToday()); } catch (e) { calculationError = (e as Error).message; }
  return {
    household,
    applications: apps.map((a) => ({ ...applicationSummary(a), steps: stepViews(sqlite, a.id) })),
    changes: changeRows(sqlite, householdId),
    integrity: integrityRecords(sqlite, householdId), blockedUntil: blockedUntil(sqlite, householdId),
    calculation, calculationError,
  };
}

/** Households to start an application for: by head name, pinyin initials or 档案号 (empty: those not on 低保); with any open case. */
export function householdOptions(sqlite: Sqlite, q: string) {
  const idq = /^\d+$/.test(q) ? Number(q) : -1;
  return sqlite.prepare(`SELECT h.id, COALESCE(m.name, '') AS headName, COALESCE(v.name, '') || COALESCE(g.name, '') AS place, h.status, h.category,
      (SELECT a.id FROM applications a WHERE a.household_id = h.id AND a.stage NOT IN (${CLOSED_SQL})) AS openApplicationId
    FROM households h LEFT JOIN members m ON m.id = h.head_member_id LEFT JOIN regions v ON v.id = h.village_id LEFT JOIN regions g ON g.id = h.group_id
    WHERE ${q ? `(m.name LIKE ? ${LIKE_ESCAPE} OR m.pinyin_initials LIKE ? ${LIKE_ESCAPE} OR h.id = ?)` : "h.status IN ('申请中', '未通过', '停保')"}
    ORDER BY h.status = '申请中' DESC, h.id LIMIT 20`)
    .all(...(q ? [likeContains(q), likePrefix(q.toLowerCase()), idq] : [])) as { id: number; headName: string; place: string; status: string; category: string; openApplicationId: number | null }[];
}
