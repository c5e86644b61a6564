import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { isoMonth } from '../../ipc/schemas';
import { enteredValueProblem, progressItems } from './progress';
import { monthRow } from '../payroll/snapshot';

/**
 * Seed 002's items the app cannot count, entered per month. All values of one save are checked first and every
 * problem is reported; nothing is written unless all are valid. An exported month's values are final.
 */
export const statsEntryChannels = {
  'ledgers.statsEntries.set': channel({
    title: '填报进展情况统计表中系统不能统计的项目（按月保存）', permission: 'case.write', kind: 'mutation',
    input: z.object({ period: isoMonth, values: z.record(z.string().max(40), z.string().trim().max(20)) }),
    handler: (ctx, i) => {
      if (monthRow(ctx.sqlite, i.period)?.exportedAt) throw new AppError('CONFLICT', `${i.period} 的报送包已导出，填报数据不能再修改`);
      // One detail per field (path values.<key>), so the form shows each problem under its own input.
      const problems = Object.entries(i.values).filter(([, v]) => v !== '')
        .map(([k, v]) => ({ path: `values.${k}`, message: enteredValueProblem(k, v) })).filter((p): p is { path: string; message: string } => !!p.message);
      if (problems.length) throw new AppError('VALIDATION', `未保存：${problems.map((p) => p.message).join('；')}`, problems);
      const before = Object.fromEntries((ctx.sqlite.prepare('SELECT key, value FROM stats_entries WHERE period = ?').all(i.period) as { key: string; value: string }[])
        .map((r) => [r.key, r.value]));
      const upsert = ctx.sqlite.prepare(`INSERT INTO stats_entries (period, key, value, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(period, key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
      const remove = ctx.sqlite.prepare('DELETE FROM stats_entries WHERE period = ? AND key = ?');
      for (const [k, v] of Object.entries(i.values)) {
        if (v === '') remove.run(i.period, k); else upsert.run(i.period, k, v, ctx.actor.username, new Date().toISOString());
      }
      ctx.audit({ entity: 'stats_entries', entityId: i.period, before, after: i.values });
      return { period: i.period, saved: Object.keys(i.values).length, items: progressItems.filter((p) => !p.count).length };
    },
  }),
};
