import { z } from 'zod';
import { channel, type HandlerContext } from '../../ipc/contract';
import { AppError, conflict, forbidden, notFound, refuseAt } from '../../ipc/errors';
import { roleHas } from '../../ipc/permissions';
import { OFFERED_STEPS, refusalDetails, STEP_LABELS, type StepKind } from '../../domain/procedure';
import { caseFor, factsOf, getApplication, recordStep } from './cases';
import { countyDecisionInput } from './schemas';
import { id, isoDate } from '../households/schemas';
import { localToday } from '../households/store';

/**
 * The 经办人 → 审核人 handoff: a clerk prepares the 初审意见 or the 审核确认 record, it waits in the reviewer's
 * queue, and becomes a step only when the reviewer confirms it (signed by the reviewer's account, through the
 * same recordStep every step goes through). A return keeps the reviewer's note for the clerk.
 */
export const HANDOFF_KINDS = ['preliminary', 'confirm', 'refuseConfirm'] as const;
export type HandoffKind = (typeof HANDOFF_KINDS)[number];

interface HandoffRow {
  id: number; application_id: number; kind: HandoffKind; date: string; opinion: string; reason: string;
  prepared_by_user_id: number | null; prepared_by: string; prepared_at: string; status: string;
  decided_by_user_id: number | null; decided_by: string | null; decided_at: string | null; note: string; step_id: number | null;
}

const text = (max: number) => z.string().trim().max(max);
export const prepareInput = z.object({
  applicationId: id, kind: z.enum(HANDOFF_KINDS), date: isoDate.optional(),
  opinion: text(200).default(''), reason: text(500).default(''),
}).superRefine((i, c) => {
  if (i.kind === 'preliminary' && !['同意', '不同意'].includes(i.opinion)) {
    c.addIssue({ code: 'custom', path: ['opinion'], message: '初审意见须为“同意”或“不同意”' });
  }
  if (i.kind === 'refuseConfirm' && !i.reason) c.addIssue({ code: 'custom', path: ['reason'], message: '请填写不予确认的理由' });
});
export const decideInput = z.object({
  handoffId: id, accept: z.boolean(), note: text(500).default(''),
  /** The county's decision, entered by the reviewer when confirming a record of a case that is not delegated. */
  county: countyDecisionInput.optional(),
}).refine((i) => i.accept || i.note.length > 0, { path: ['note'], message: '退回时请写明原因，经办人据此补正' });

const pending = (ctx: HandlerContext, applicationId: number) => ctx.sqlite
  .prepare("SELECT * FROM application_handoffs WHERE application_id = ? AND status = '待审核'").get(applicationId) as HandoffRow | undefined;

/** The clerk hands a record over; refused at once with every reason the step itself would be refused for. */
export function prepareHandoff(ctx: HandlerContext, i: z.output<typeof prepareInput>) {
  const a = getApplication(ctx.sqlite, i.applicationId);
  const label = STEP_LABELS[i.kind];
  if (!OFFERED_STEPS[a.stage].includes(i.kind)) throw conflict(`当前为“${a.stage}”，不能准备${label}`);
  const date = i.date ?? localToday();
  if (date > localToday()) throw refuseAt('VALIDATION', 'date', `${label}日期不能晚于今天`);
  const reasons = refusalDetails(caseFor(ctx.sqlite, a), factsOf(ctx.sqlite, a), { kind: i.kind as StepKind, date, payload: { reason: i.reason } });
  if (reasons.length) throw new AppError('STEP_REFUSED', `不能交审核人：${reasons.map((x) => x.message).join('；')}`, reasons);
  const open = pending(ctx, a.id);
  if (open) throw conflict(`本案已有待审核人确认的${STEP_LABELS[open.kind]}（${open.prepared_by} 提交），请等待确认或退回`);
  const r = ctx.sqlite.prepare(`INSERT INTO application_handoffs (application_id, kind, date, opinion, reason, prepared_by_user_id,
    prepared_by, prepared_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(a.id, i.kind, date, i.opinion, i.reason,
    ctx.actor.userId, ctx.actor.displayName, new Date().toISOString());
  const handoffId = Number(r.lastInsertRowid);
  ctx.audit({ entity: 'application_handoff', entityId: handoffId, after: { applicationId: a.id, kind: i.kind, date, opinion: i.opinion } });
  return { handoffId };
}

/** The reviewer confirms (the step is recorded under the reviewer's account) or returns it with a note. */
export function decideHandoff(ctx: HandlerContext, i: z.output<typeof decideInput>) {
  const h = ctx.sqlite.prepare('SELECT * FROM application_handoffs WHERE id = ?').get(i.handoffId) as HandoffRow | undefined;
  if (!h) throw notFound('交审核记录', i.handoffId);
  if (h.status !== '待审核') throw conflict(`该记录已${h.status}（${h.decided_by ?? ''}），不能再处理`);
  if (h.kind !== 'preliminary' && !roleHas(ctx.actor.role, 'case.confirm')) throw forbidden('审核确认须由有审核确认权限的账号办理');
  if (h.prepared_by_user_id != null && h.prepared_by_user_id === ctx.actor.userId) {
    throw forbidden('自己准备的记录须由另一个账号（审核人）确认或退回');
  }
  let stepId: number | null = null;
  if (i.accept) {
    const channel = h.kind === 'preliminary' ? 'applications.review' : 'applications.confirm';
    stepId = recordStep({ ...ctx, channel }, h.application_id, { kind: h.kind, date: h.date, opinion: h.opinion, reason: h.reason,
      payload: i.county ? { county: i.county } : {} }).stepId;
  }
  const status = i.accept ? '已确认' : '已退回';
  ctx.sqlite.prepare(`UPDATE application_handoffs SET status = ?, decided_by_user_id = ?, decided_by = ?, decided_at = ?, note = ?, step_id = ?
    WHERE id = ?`).run(status, ctx.actor.userId, ctx.actor.displayName, new Date().toISOString(), i.note, stepId, h.id);
  ctx.audit({ entity: 'application_handoff', entityId: h.id, before: { status: h.status }, after: { status, note: i.note, stepId } });
  return { status, stepId };
}

const view = (r: HandoffRow & { headName?: string; village?: string; householdId?: number; stage?: string }) => ({
  id: r.id, applicationId: r.application_id, kind: r.kind, label: STEP_LABELS[r.kind], date: r.date, opinion: r.opinion,
  reason: r.reason, preparedBy: r.prepared_by, preparedAt: r.prepared_at, status: r.status, decidedBy: r.decided_by,
  decidedAt: r.decided_at, note: r.note, headName: r.headName ?? '', village: r.village ?? '', householdId: r.householdId ?? null,
  stage: r.stage ?? '',
});

/** The reviewer's queue (待审核), or the records returned to clerks (已退回) that were not prepared again. */
export function handoffQueue(ctx: HandlerContext, status: '待审核' | '已退回') {
  const rows = ctx.sqlite.prepare(`SELECT o.*, a.household_id AS householdId, a.stage, COALESCE(m.name, '') AS headName,
      COALESCE(v.name, '') AS village
    FROM application_handoffs o JOIN applications a ON a.id = o.application_id JOIN households h ON h.id = a.household_id
    LEFT JOIN members m ON m.id = h.head_member_id LEFT JOIN regions v ON v.id = h.village_id
    WHERE o.status = ? AND (? = '待审核' OR NOT EXISTS (SELECT 1 FROM application_handoffs n WHERE n.application_id = o.application_id AND n.id > o.id))
    ORDER BY o.id`).all(status, status) as Parameters<typeof view>[0][];
  return rows.map(view);
}

export const handoffChannels = {
  'applications.handoff.prepare': channel({
    title: '经办人准备初审意见或审核确认记录，交审核人', permission: 'case.write', kind: 'mutation', input: prepareInput,
    handler: prepareHandoff,
  }),
  'applications.handoff.decide': channel({
    title: '审核人确认或退回经办人交来的记录', permission: 'case.review', kind: 'mutation', input: decideInput,
    handler: decideHandoff,
  }),
  'applications.handoff.queue': channel({
    title: '待审核人确认的记录（或已退回经办人的记录）', permission: 'read', kind: 'query',
    input: z.object({ status: z.enum(['待审核', '已退回']).default('待审核') }),
    handler: (ctx, i) => handoffQueue(ctx, i.status),
  }),
  'applications.handoff.forCase': channel({
    title: '一个申请的交审核记录', permission: 'read', kind: 'query', input: z.object({ applicationId: id }),
    handler: (ctx, i) => (ctx.sqlite.prepare('SELECT * FROM application_handoffs WHERE application_id = ? ORDER BY id DESC')
      .all(i.applicationId) as HandoffRow[]).map(view),
  }),
};
