import type { WorklistSource } from '../worklist/engine';
import { listOpenTasks } from './tasks';

const yuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`;

/** 首页: the open 待调整 / 待停保 tasks (decided by the 审核人 through a change decision). */
export const caseRecordWorklist: WorklistSource = {
  id: 'caseRecord.tasks', label: '待调整、待停保与数据体检',
  items: (w) => listOpenTasks(w.ctx.sqlite).map((t) => ({
    key: `caseTask:${t.id}`, kind: t.kind,
    title: `${t.household} · ${t.trigger} · ${t.kind === '待停保' ? `应停保（现发 ${yuan(t.beforeFen)}）` : `${yuan(t.beforeFen)} → ${yuan(t.afterFen)}`}`,
    due: t.dueDate, villageId: t.villageId, village: t.village || null, waitsFor: ['reviewer', 'admin'],
    link: `/households/${t.householdId}`,
  })),
  // the 数据体检 count is not here: the full check takes seconds at county scale; 首页 shows it from features/health
};
