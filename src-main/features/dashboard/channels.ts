import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { getTownship } from '../settings/store';

export const dashboardChannels = {
  'dashboard.summary': channel({
    title: '首页统计', permission: 'read', kind: 'query', input: z.object({}),
    handler: (ctx) => {
      const q = <T>(sql: string, ...a: unknown[]) => ctx.sqlite.prepare(sql).all(...a) as T[];
      const one = (sql: string) => (ctx.sqlite.prepare(sql).get() as { n: number }).n;
      const paid = "h.status IN ('在保','渐退')";
      return {
        township: getTownship(ctx.sqlite),
        byStatus: q<{ status: string; households: number }>('SELECT status, COUNT(*) AS households FROM households GROUP BY status ORDER BY status'),
        byCategory: q<{ category: string; households: number; persons: number }>(`SELECT h.category, COUNT(DISTINCT h.id) AS households,
          COUNT(m.id) AS persons FROM households h LEFT JOIN members m ON m.household_id = h.id AND m.state = '在户' AND m.covered = 1
          WHERE ${paid} GROUP BY h.category ORDER BY households DESC`),
        byVillage: q<{ village: string; households: number; amountFen: number }>(`SELECT r.name AS village, COUNT(h.id) AS households,
          COALESCE(SUM(h.monthly_amount_fen + h.top_up_fen), 0) AS amountFen FROM regions r
          LEFT JOIN households h ON h.village_id = r.id AND ${paid} WHERE r.level = 'village' GROUP BY r.id ORDER BY r.sort, r.id`),
        totals: {
          households: one(`SELECT COUNT(*) AS n FROM households h WHERE ${paid}`),
          persons: one(`SELECT COUNT(*) AS n FROM members m JOIN households h ON h.id = m.household_id WHERE ${paid} AND m.state = '在户' AND m.covered = 1`),
          monthlyFen: one(`SELECT COALESCE(SUM(monthly_amount_fen + top_up_fen), 0) AS n FROM households h WHERE ${paid}`),
          applying: one("SELECT COUNT(*) AS n FROM households WHERE status = '申请中'"),
        },
      };
    },
  }),
};
