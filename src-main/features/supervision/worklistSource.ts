import type { WorklistItem, WorklistSource } from '../worklist/engine';

/** 首页: open 信访举报 due this week or overdue (transferred ones too: the reply is still ours), by the first linked household's village. */
export const complaintsWorklist: WorklistSource = {
  id: 'supervision.complaints', label: '信访举报办理期限',
  items: (w) => (w.ctx.sqlite.prepare(`SELECT c.id, c.channel, c.handler, c.received_date AS receivedDate, c.deadline,
      h.village_id AS villageId, v.name AS village
    FROM complaints c
    LEFT JOIN households h ON h.id = (SELECT MIN(ch.household_id) FROM complaint_households ch WHERE ch.complaint_id = c.id)
    LEFT JOIN regions v ON v.id = h.village_id
    WHERE c.closed_date IS NULL AND c.deadline <= ? ORDER BY c.deadline, c.id`).all(w.weekEnd) as
    { id: number; channel: string; handler: string; receivedDate: string; deadline: string; villageId: number | null; village: string | null }[])
    .map((r): WorklistItem => ({
      key: `complaint:${r.id}`, kind: r.deadline < w.today ? '信访逾期' : '信访到期',
      title: `信访举报第 ${r.id} 号（${r.channel}）${r.handler ? ` · 承办人 ${r.handler}` : ''}`,
      due: r.deadline, villageId: r.villageId, village: r.village, waitsFor: ['clerk', 'admin'], link: '/complaints/register',
    })),
};
