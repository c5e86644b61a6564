import { z } from 'zod';
import { channel } from '../../ipc/contract';
import { localToday } from '../../domain/dates';
import { addDays } from '../../domain/workdays';
import { collectWorklist, type Bucket } from './engine';
import { worklistSources } from './registry';
import { calendarYears } from '../calendar/years';
import { ROLE_LABELS } from '../../ipc/permissions';

/** 本周 = the next 7 days including today, so on a Friday next Monday's deadline is already in view. */
const WEEK_DAYS = 7;

export const worklistChannels = {
  'worklist.today': channel({
    title: '首页待办：逾期、今天、本周到期与待处理事项', permission: 'read', kind: 'query',
    input: z.object({ villageId: z.number().int().positive().optional() }),
    handler: (ctx, { villageId }) => {
      const today = localToday();
      const all = collectWorklist(worklistSources, { ctx, today, weekEnd: addDays(today, WEEK_DAYS - 1) });
      const villages = new Map<string, { villageId: number | null; village: string } & Record<Bucket, number>>();
      for (const it of all.items) {
        const k = String(it.villageId);
        const v = villages.get(k) ?? { villageId: it.villageId, village: it.village ?? '（未分村）', overdue: 0, today: 0, week: 0, open: 0 };
        v[it.bucket]++;
        villages.set(k, v);
      }
      const items = all.items.filter((it) => !villageId || it.villageId === villageId)
        .map((it) => ({ ...it, mine: it.waitsFor.includes(ctx.actor.role), waitsForLabel: it.waitsFor.map((r) => ROLE_LABELS[r]).join('/') }));
      const { missing, invalid } = calendarYears(ctx.sqlite, today);
      return { ...all, items, villages: [...villages.values()].sort((a, b) => a.village.localeCompare(b.village, 'zh-CN')), calendar: { missing, invalid } };
    },
  }),
};
