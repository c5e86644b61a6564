import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { ensureBag } from './bags';
import { addYears } from './rules';
import { archiveSettings, todayIso } from './terms';

import { isoDate } from '../../ipc/schemas';
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** 借阅登记: lend a bag (one open loan per bag) and take it back. */
export const borrowingChannels = {
  'archive.lend': channel({
    title: '借出档案袋（借阅登记）', permission: 'case.write', kind: 'mutation',
    input: z.object({ householdId: z.number().int().positive(), borrower: z.string().trim().min(2, '请填写借阅人（单位、姓名）').max(60),
      purpose: z.string().trim().max(120).default(''), borrowedAt: isoDate, dueDate: isoDate.optional() }),
    handler: (ctx, i) => {
      const bag = ensureBag(ctx.sqlite, i.householdId, todayIso()).bag;
      if (bag.status === '已处置') throw new AppError('CONFLICT', '该档案已处置，不能借出');
      const open = ctx.sqlite.prepare('SELECT borrower FROM archive_borrowings WHERE bag_id = ? AND returned_at IS NULL').get(bag.id) as { borrower: string } | undefined;
      if (open) throw new AppError('CONFLICT', `该档案袋已被“${open.borrower}”借出，尚未归还`);
      const due = i.dueDate ?? addDays(i.borrowedAt, archiveSettings(ctx.sqlite).borrowDays);
      if (due < i.borrowedAt || due > addYears(i.borrowedAt, 1)) throw new AppError('VALIDATION', '归还期限应在借出日之后一年以内');
      const id = Number(ctx.sqlite.prepare(`INSERT INTO archive_borrowings (bag_id, borrower, purpose, borrowed_at, due_date, lent_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)`).run(bag.id, i.borrower, i.purpose, i.borrowedAt, due, ctx.actor.displayName, new Date().toISOString()).lastInsertRowid);
      ctx.audit({ entity: 'archiveBorrowing', entityId: id, after: { bagId: bag.id, borrower: i.borrower, borrowedAt: i.borrowedAt, dueDate: due } });
      return { id, dueDate: due };
    },
  }),
  'archive.return': channel({
    title: '归还档案袋', permission: 'case.write', kind: 'mutation',
    input: z.object({ borrowingId: z.number().int().positive(), returnedAt: isoDate }),
    handler: (ctx, i) => {
      const b = ctx.sqlite.prepare('SELECT * FROM archive_borrowings WHERE id = ?').get(i.borrowingId) as { id: number; borrowed_at: string; returned_at: string | null } | undefined;
      if (!b) throw new AppError('NOT_FOUND', `未找到借阅记录（${i.borrowingId}）`);
      if (b.returned_at) throw new AppError('CONFLICT', '该档案袋已归还');
      if (i.returnedAt < b.borrowed_at) throw new AppError('VALIDATION', '归还日期不能早于借出日期');
      ctx.sqlite.prepare('UPDATE archive_borrowings SET returned_at = ?, returned_to = ? WHERE id = ?').run(i.returnedAt, ctx.actor.displayName, b.id);
      ctx.audit({ entity: 'archiveBorrowing', entityId: b.id, before: { returnedAt: null }, after: { returnedAt: i.returnedAt } });
      return { id: b.id };
    },
  }),
};
