import type Database from 'better-sqlite3';
import type { HandlerContext } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import type { Facts, StepRecord } from '../../domain/procedure';
import { getTownship } from '../settings/store';
import type { CountyDecisionInput } from './schemas';
import { cnDate } from '../../print/format';

/**
 * Who decided a case. Delegated (审核确认权限下放乡镇): the township government. Otherwise the county's 民政部门
 * decides and the township records its reply: decider, unit, 文号 and date, required on the 审核确认/不予确认 step.
 */
type Sqlite = Database.Database;
export interface CountyDecision { stepId: number; decider: string; unit: string; documentNo: string; decidedOn: string; enteredBy: string }

const DECIDING = new Set(['confirm', 'refuseConfirm']);
const FIELDS: [keyof CountyDecisionInput, string][] = [['decider', '县级审核确认人'], ['unit', '县级民政部门（单位）'], ['documentNo', '文号'], ['decidedOn', '县级决定日期']];

/** The refusal (with one detail per field, for the form) when the step and the case disagree about the county's decision. */
export function countyDecisionRefusal(a: { delegated: number }, f: Facts, s: StepRecord, county: CountyDecisionInput | undefined): AppError | null {
  if (!DECIDING.has(s.kind)) return county ? new AppError('VALIDATION', '只有审核确认或不予确认才登记县级决定') : null;
  if (a.delegated) {
    return county ? new AppError('VALIDATION', '本案审核确认权限已下放乡镇，由乡镇人民政府决定，不登记县级决定') : null;
  }
  if (!county) {
    return new AppError('VALIDATION', '本案审核确认权限未下放乡镇，须登记县级民政部门的决定：审核确认人、单位、文号和决定日期',
      FIELDS.map(([k, label]) => ({ path: `county.${k}`, message: `请填写${label}` })));
  }
  if (county.decidedOn > s.date) {
    return new AppError('VALIDATION', `县级决定日期不能晚于本步骤日期（${s.date}）`, [{ path: 'county.decidedOn', message: `不能晚于${s.date}` }]);
  }
  if (f.publicityDoneOn && county.decidedOn < f.publicityDoneOn) {
    return new AppError('VALIDATION', `县级决定日期不能早于公示结束（${f.publicityDoneOn}）`, [{ path: 'county.decidedOn', message: `不能早于公示结束 ${f.publicityDoneOn}` }]);
  }
  return null;
}

export function recordCountyDecision(ctx: HandlerContext, applicationId: number, stepId: number, c: CountyDecisionInput) {
  const id = Number(ctx.sqlite.prepare(`INSERT INTO county_decisions (application_id, step_id, decider, unit, document_no, decided_on, entered_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(applicationId, stepId, c.decider, c.unit, c.documentNo, c.decidedOn, ctx.actor.displayName,
    new Date().toISOString()).lastInsertRowid);
  ctx.audit({ entity: 'county_decision', entityId: id, after: { applicationId, stepId, ...c } });
}

/** The county decisions of a case by step id. */
export function countyDecisions(sqlite: Sqlite, applicationId: number): Map<number, CountyDecision> {
  const rows = sqlite.prepare(`SELECT step_id AS stepId, decider, unit, document_no AS documentNo, decided_on AS decidedOn, entered_by AS enteredBy
    FROM county_decisions WHERE application_id = ? ORDER BY id`).all(applicationId) as CountyDecision[];
  return new Map(rows.map((r) => [r.stepId, r]));
}

/** The body that decided (as printed and published): 乡镇人民政府 when delegated, else the county unit recorded (or its 民政局). */
export function decidingOrg(sqlite: Sqlite, a: { id: number; delegated: number }, stepId?: number): string {
  const t = getTownship(sqlite);
  if (a.delegated) return `${t?.name ?? ''}人民政府`;
  const all = [...countyDecisions(sqlite, a.id).values()];
  const c = stepId !== undefined ? all.find((x) => x.stepId === stepId) : all.at(-1);
  return c?.unit ?? `${t?.county ?? ''}民政局`;
}

/** One line for the timeline and the papers: '县级决定：示范县民政局 张局长，示民发〔2026〕12号，2026年11月20日'. */
export const countyDecisionText = (c: Pick<CountyDecision, 'unit' | 'decider' | 'documentNo' | 'decidedOn'>) =>
  `县级决定：${c.unit} ${c.decider}，${c.documentNo}，${cnDate(c.decidedOn)}`;
