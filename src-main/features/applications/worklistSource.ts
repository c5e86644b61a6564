import type { WorklistSource } from '../worklist/engine';
import type { Role } from '../../ipc/permissions';
import { STEP_LABELS, type Stage, type StepKind } from '../../domain/procedure';
import { worklist } from './queries';

/** Who moves a case on from its stage: the 审核人 confirms (审核确认); everything before and the notices is the 经办人's. */
const WAITS_FOR: Partial<Record<Stage, Role[]>> = { 待确认: ['reviewer', 'admin'] };

/** 首页: procedure deadlines (受理后调查、全程办结、审核确认、告知) of open cases; a case waiting for 审核确认 always shows. */
export const applicationsWorklist: WorklistSource = {
  id: 'applications.deadlines', label: '审核确认办理期限',
  items: (w) => worklist(w.ctx.sqlite, { include: 'all', page: 1, pageSize: Number.MAX_SAFE_INTEGER }).rows.map((r) => ({
    key: `application:${r.applicationId}:${r.key}`,
    kind: r.key === 'confirm' ? '待审核确认' : '办理期限',
    title: `${r.headName || '（无户主）'}户 · ${r.stage} · ${r.label}`,
    due: r.due, dueUnverified: r.unverified.length > 0, unverifiedYears: r.unverified,
    villageId: r.villageId, village: r.village || null,
    waitsFor: WAITS_FOR[r.stage] ?? ['clerk', 'admin'],
    link: `/applications/${r.applicationId}`,
    pending: r.key === 'confirm',
  })),
};

/** 首页: a 经办人's prepared 初审/审核确认 waiting in the 审核人's queue, and records the reviewer returned to the clerk. */
export const handoffsWorklist: WorklistSource = {
  id: 'applications.handoffs', label: '交审核记录',
  items: (w) => (w.ctx.sqlite.prepare(`SELECT o.id, o.application_id AS applicationId, o.kind, o.status, o.prepared_by AS preparedBy, o.note,
      o.date, h.village_id AS villageId, v.name AS village, COALESCE(m.name, '') AS headName
    FROM application_handoffs o JOIN applications a ON a.id = o.application_id JOIN households h ON h.id = a.household_id
    LEFT JOIN members m ON m.id = h.head_member_id LEFT JOIN regions v ON v.id = h.village_id
    WHERE o.status = '待审核' OR (o.status = '已退回'
      AND NOT EXISTS (SELECT 1 FROM application_handoffs n WHERE n.application_id = o.application_id AND n.id > o.id))
    ORDER BY o.id`).all() as { id: number; applicationId: number; kind: StepKind; status: string; preparedBy: string; note: string | null;
      date: string; villageId: number | null; village: string | null; headName: string }[])
    .map((r) => ({
      key: `handoff:${r.id}`, kind: r.status === '待审核' ? '待审核' : '审核退回',
      title: r.status === '待审核' ? `${r.headName}户 · ${STEP_LABELS[r.kind]} · ${r.preparedBy} 交审核`
        : `${r.headName}户 · ${STEP_LABELS[r.kind]} 被退回${r.note ? `：${r.note}` : ''}`,
      due: null, villageId: r.villageId, village: r.village, pending: true,
      waitsFor: (r.status === '待审核' ? ['reviewer', 'admin'] : ['clerk', 'admin']) as Role[],
      link: `/applications/${r.applicationId}`,
    })),
};
