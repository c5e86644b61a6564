import type Database from 'better-sqlite3';
import type { HandlerContext } from '../../ipc/contract';
import { AppError, notFound, refuseAt } from '../../ipc/errors';
import { emit } from '../events';
import { isNearRelativeHousehold, nearRelativeReason } from '../supervision/matching';
import { applyStep, CLOSED_STAGES, foldSteps, needsCountySample, refusalDetails, sameAccountRefusal, STEP_LABELS, type Facts, type ProcedureCase,
  type RuleSet, type Stage, type StepKind, type StepRecord } from '../../domain/procedure';
import { calculateForHousehold, householdState, setHouseholdStatus } from './household';
import { blockedUntil } from './integrity';
import { defaultRuleSet, delegatedByDefault, nextMonth, separateConfirm } from './settings';
import { countyDecisionRefusal, countyDecisionText, recordCountyDecision } from './countyDecision';
import { localToday } from '../households/store';
import type { z } from 'zod';
import type { CountyDecisionInput, startInput } from './schemas';

type Sqlite = Database.Database;

/** CLOSED_STAGES as an SQL list, for `stage [NOT] IN (...)`. */
export const CLOSED_SQL = CLOSED_STAGES.map((s) => `'${s}'`).join(', ');

export interface ApplicationRow {
  id: number; household_id: number; kind: string; rule_set: RuleSet; stage: Stage; applied_on: string; applicant_name: string;
  entrusted: number; reason: string; delegated: number; special: number; near_relative: number; near_relative_note: string;
  county_visit_required: number; amount_fen: number | null; top_up_fen: number | null; calculation: string | null;
  start_month: string | null; created_by: string; created_at: string; updated_at: string;
}
export interface StepRow {
  id: number; application_id: number; kind: StepKind; date: string; stage_after: Stage; opinion: string; reason: string;
  payload: string; user_id: number | null; username: string; display_name: string; role: string; created_at: string;
}

export function getApplication(sqlite: Sqlite, id: number): ApplicationRow {
  const a = sqlite.prepare('SELECT * FROM applications WHERE id = ?').get(id) as ApplicationRow | undefined;
  if (!a) throw notFound('申请', id);
  return a;
}

export const stepRows = (sqlite: Sqlite, applicationId: number) =>
  sqlite.prepare('SELECT * FROM application_steps WHERE application_id = ? ORDER BY id').all(applicationId) as StepRow[];

export const caseOf = (a: ApplicationRow): ProcedureCase =>
  ({ ruleSet: a.rule_set, countyVisitRequired: !!a.county_visit_required, delegated: !!a.delegated, special: !!a.special });

export const toRecord = (s: StepRow): StepRecord => ({ kind: s.kind, date: s.date, payload: JSON.parse(s.payload) });

/** The latest 信访举报 on the household received since the application (it requires the county visit). */
export function complaintSince(sqlite: Sqlite, a: ApplicationRow): string | null {
  const r = sqlite.prepare(`SELECT MAX(c.received_date) AS d FROM complaints c JOIN complaint_households ch ON ch.complaint_id = c.id
    WHERE ch.household_id = ? AND c.received_date >= ?`).get(a.household_id, a.applied_on) as { d: string | null };
  return r.d;
}

/** The case as the refusals of a step judge it: caseOf plus what only the database knows (a complaint). */
export const caseFor = (sqlite: Sqlite, a: ApplicationRow): ProcedureCase => ({ ...caseOf(a), complaintOn: complaintSince(sqlite, a) });

export function factsOf(sqlite: Sqlite, a: ApplicationRow): Facts {
  return foldSteps(caseOf(a), stepRows(sqlite, a.id).map(toRecord));
}

function insertStep(ctx: HandlerContext, applicationId: number, s: StepRecord & { opinion?: string; reason?: string }, stageAfter: Stage): number {
  const r = ctx.sqlite.prepare(`INSERT INTO application_steps (application_id, kind, date, stage_after, opinion, reason, payload, user_id,
    username, display_name, role, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(applicationId, s.kind, s.date, stageAfter,
    s.opinion ?? '', s.reason ?? '', JSON.stringify(s.payload ?? {}), ctx.actor.userId, ctx.actor.username, ctx.actor.displayName,
    ctx.actor.role, new Date().toISOString());
  return Number(r.lastInsertRowid);
}

/** Starts a new application for an existing household (申请), refused while one is open or the household is blocked. */
export function startApplication(ctx: HandlerContext, i: z.output<typeof startInput>) {
  const h = householdState(ctx.sqlite, i.householdId);
  const until = blockedUntil(ctx.sqlite, h.id);
  if (until && i.appliedOn < until) {
    const message = `该户已两次虚假申报，列入诚信黑名单，${until} 前不得申请低保`;
    throw new AppError('INTEGRITY_BLOCKED', message, [{ path: 'appliedOn', message }]);
  }
  if (h.status === '在保' || h.status === '渐退') throw refuseAt('CONFLICT', 'householdId', `该户当前为“${h.status}”，调整保障请作变更决定，不需新申请`);
  const open = ctx.sqlite.prepare(`SELECT id FROM applications WHERE household_id = ? AND stage NOT IN (${CLOSED_SQL})`).get(h.id) as { id: number } | undefined;
  if (open) throw refuseAt('CONFLICT', 'householdId', `该户已有办理中的申请（编号 ${open.id}）`);
  // Delegation is the county's decision for the township (setting applications.delegated, admin only): a case
  // cannot claim it, or a clerk could skip recording the county's decision.
  const delegated = delegatedByDefault(ctx.sqlite);
  if (i.delegated !== undefined && i.delegated !== delegated) {
    throw new AppError('VALIDATION', `审核确认权限${delegated ? '已' : '未'}下放乡镇（系统设置），不能按申请另行设定`, [{ path: 'delegated', message: '按系统设置，不能按申请另行设定' }]);
  }
  const now = new Date().toISOString();
  const id = Number(ctx.sqlite.prepare(`INSERT INTO applications (household_id, kind, rule_set, stage, applied_on, applicant_name, entrusted,
    reason, delegated, special, created_by, created_at, updated_at) VALUES (?, '新申请', ?, '待受理', ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    h.id, i.ruleSet ?? defaultRuleSet(ctx.sqlite), i.appliedOn, i.applicantName || h.headName, i.entrusted ? 1 : 0, i.reason,
    delegated ? 1 : 0, i.special ? 1 : 0, ctx.actor.displayName, now, now).lastInsertRowid);
  insertStep(ctx, id, { kind: 'apply', date: i.appliedOn, reason: i.reason, payload: { entrusted: i.entrusted } }, '待受理');
  // The special limit is a decision with its reason on the record, whether taken at the start or later.
  if (i.special) insertStep(ctx, id, { kind: 'specialLimit', date: i.appliedOn, reason: i.specialReason, payload: {} }, '待受理');
  ctx.audit({ entity: 'application', entityId: id, after: { householdId: h.id, appliedOn: i.appliedOn, ruleSet: i.ruleSet,
    special: i.special, specialReason: i.special ? i.specialReason : undefined } });
  if (h.status !== '申请中') setHouseholdStatus(ctx, h.id, '申请中', { date: i.appliedOn, reason: `提出低保申请（编号 ${id}）`, startMonth: null });
  return { id };
}

export interface StepInput { kind: StepKind; date?: string; opinion?: string; reason?: string; payload?: Record<string, unknown> }

/**
 * Records one step: refused with every reason when it skips a required one; otherwise inserted (never edited),
 * the stage projection updated, and the household follows at acceptance, confirmation and refusal.
 */
export function recordStep(ctx: HandlerContext, applicationId: number, input: StepInput) {
  const a = getApplication(ctx.sqlite, applicationId);
  const c = caseFor(ctx.sqlite, a);
  const facts = factsOf(ctx.sqlite, a);
  const { county, ...payload } = (input.payload ?? {}) as Record<string, unknown> & { county?: CountyDecisionInput };
  const step: StepRecord = { kind: input.kind, date: input.date ?? localToday(), payload: { ...payload, reason: input.reason } as StepRecord['payload'] };
  if (step.date > localToday()) throw refuseAt('VALIDATION', 'date', `${STEP_LABELS[step.kind]}日期不能晚于今天`);
  // every reason at once, each with the field it is about (details: { path, message }), so the form places it
  const reasons = refusalDetails(c, facts, step);
  const sameAccount = separateConfirm(ctx.sqlite) ? sameAccountRefusal(stepRows(ctx.sqlite, a.id).map(accountOf), step.kind, ctx.actor) : null;
  if (sameAccount) reasons.push({ path: '', message: sameAccount });
  if (reasons.length) throw new AppError('STEP_REFUSED', `不能登记${STEP_LABELS[step.kind]}：${reasons.map((x) => x.message).join('；')}`, reasons);
  const countyRefusal = countyDecisionRefusal(a, facts, step, county);
  if (countyRefusal) throw countyRefusal;
  const sideEffects = before(ctx, a, step);
  const next = applyStep(c, facts, step);
  const stepId = insertStep(ctx, a.id, { ...step, opinion: input.opinion, reason: input.reason }, next.stage);
  if (county) recordCountyDecision(ctx, a.id, stepId, county);
  ctx.sqlite.prepare('UPDATE applications SET stage = ?, updated_at = ? WHERE id = ?').run(next.stage, new Date().toISOString(), a.id);
  ctx.audit({ entity: 'application_step', entityId: stepId, after: { applicationId: a.id, kind: step.kind, date: step.date, stage: next.stage,
    opinion: input.opinion, reason: input.reason } });
  after(ctx, a, step, input, sideEffects);
  return { stepId, stage: next.stage };
}

const accountOf = (s: StepRow) => ({ kind: s.kind, userId: s.user_id, username: s.username, displayName: s.display_name });

/** Checks that need the database before the step is written (the amount must exist to confirm). */
function before(ctx: HandlerContext, a: ApplicationRow, s: StepRecord) {
  if (s.kind !== 'confirm') return null;
  const calc = calculateForHousehold(ctx.sqlite, a.household_id, s.date);
  if (calc.amountFen <= 0) {
    throw new AppError('STEP_REFUSED', `不能审核确认：按现有收入核算为“${calc.eligibility}”，月保障金为 0，请作不予确认并写明理由`);
  }
  return calc;
}

function after(ctx: HandlerContext, a: ApplicationRow, s: StepRecord, input: StepInput, calc: ReturnType<typeof before>) {
  const p = input.payload ?? {};
  const county = p.county ? `；${countyDecisionText(p.county as CountyDecisionInput)}` : '';
  if (s.kind === 'specialLimit') {
    ctx.sqlite.prepare('UPDATE applications SET special = 1, updated_at = ? WHERE id = ?').run(new Date().toISOString(), a.id);
  }
  if (s.kind === 'accept') {
    const sample = a.rule_set === '2012' && needsCountySample(...countySampleSoFar(ctx.sqlite, a.id));
    ctx.sqlite.prepare('UPDATE applications SET near_relative = ?, near_relative_note = ?, county_visit_required = ? WHERE id = ?')
      .run(p.nearRelative ? 1 : 0, String(p.nearRelativeNote ?? ''), p.nearRelative || sample ? 1 : 0, a.id);
    emit.applicationAccepted(ctx, { applicationId: a.id, householdId: a.household_id });
    // The supervision listener has just matched the members against the near-relative registry.
    if (!p.nearRelative && isNearRelativeHousehold(ctx.sqlite, a.household_id)) {
      flagNearRelative(ctx, a.id, nearRelativeReason(ctx.sqlite, a.household_id));
    }
  }
  if (s.kind === 'confirm' && calc) {
    const startMonth = nextMonth(s.date);
    ctx.sqlite.prepare('UPDATE applications SET amount_fen = ?, top_up_fen = ?, calculation = ?, start_month = ? WHERE id = ?')
      .run(calc.amountFen, calc.topUpFen, JSON.stringify(calc), startMonth, a.id);
    setHouseholdStatus(ctx, a.household_id, '在保', { date: s.date, reason: `审核确认（申请编号 ${a.id}），${startMonth} 起发放${county}`,
      monthlyFen: calc.baseFen, topUpFen: calc.topUpFen, startMonth });
  }
  if (s.kind === 'refuseAccept' || s.kind === 'refuseConfirm') {
    const why = s.kind === 'refuseAccept' ? `不予受理：缺少${(p.missing as string[]).join('、')}` : `不予确认：${input.reason}${county}`;
    setHouseholdStatus(ctx, a.household_id, '未通过', { date: s.date, reason: why });
  }
}

/** [cases with a required county visit, cases] among other 2012 cases already accepted. */
function countySampleSoFar(sqlite: Sqlite, exceptId: number): [number, number] {
  const r = sqlite.prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(county_visit_required), 0) AS v FROM applications
    WHERE rule_set = '2012' AND id <> ? AND stage NOT IN ('待受理', '不予受理')`).get(exceptId) as { n: number; v: number };
  return [r.v, r.n];
}

/**
 * Marks a case 单独登记备案 (a member is a near relative of staff or a village committee member): the county
 * must then visit the home before confirmation. Called by the supervision feature's applicationAccepted listener.
 */
export function flagNearRelative(ctx: HandlerContext, applicationId: number, note: string) {
  const a = getApplication(ctx.sqlite, applicationId);
  if (CLOSED_STAGES.includes(a.stage)) throw new AppError('CONFLICT', `申请已${a.stage}，不能再标记近亲属备案`);
  ctx.sqlite.prepare('UPDATE applications SET near_relative = 1, near_relative_note = ?, county_visit_required = 1, updated_at = ? WHERE id = ?')
    .run(note, new Date().toISOString(), a.id);
  ctx.audit({ entity: 'application', entityId: a.id, before: { nearRelative: !!a.near_relative }, after: { nearRelative: true, note } });
}
