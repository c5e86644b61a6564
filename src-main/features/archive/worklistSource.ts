import type { WorklistItem, WorklistSource } from '../worklist/engine';

/** 首页: archive bags lent out and due back this week or overdue. */
export const borrowingsWorklist: WorklistSource = {
  id: 'archive.borrowings', label: '档案借阅归还',
  items: (w) => (w.ctx.sqlite.prepare(`SELECT w.id, w.borrower, w.due_date AS dueDate, b.household_id AS householdId, b.archive_no AS archiveNo,
      h.village_id AS villageId, v.name AS village, (SELECT name FROM members m WHERE m.id = h.head_member_id) AS headName
    FROM archive_borrowings w JOIN archive_bags b ON b.id = w.bag_id JOIN households h ON h.id = b.household_id
    LEFT JOIN regions v ON v.id = h.village_id
    WHERE w.returned_at IS NULL AND w.due_date <= ? ORDER BY w.due_date, w.id`).all(w.weekEnd) as
    { id: number; borrower: string; dueDate: string; householdId: number; archiveNo: string; villageId: number | null; village: string | null; headName: string | null }[])
    .map((r): WorklistItem => ({
      key: `borrowing:${r.id}`, kind: r.dueDate < w.today ? '借阅逾期' : '借阅到期',
      title: `${r.headName ?? ''}户档案 ${r.archiveNo} · 借阅人 ${r.borrower}`,
      due: r.dueDate, villageId: r.villageId, village: r.village, waitsFor: ['clerk', 'admin'], link: `/archive/bag/${r.householdId}`,
    })),
};
