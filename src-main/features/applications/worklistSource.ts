import type { WorklistSource } from '../worklist/engine';
import type { Role } from '../../ipc/permissions';
import type { Stage } from '../../domain/procedure';
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
