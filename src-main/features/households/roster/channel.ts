import { z } from 'zod';
import { channel, type HandlerContext } from '../../../ipc/contract';
import { inboxPath, originalName } from '../../../ipc/files';
import { CATEGORIES } from '../../../domain/glossary';
import type { RosterOptions } from './plan';
import type { PlaceChoices } from './resolve';
import { applyPlan } from './apply';
import { parsePlanned, type PlannedRoster, type RosterRequest } from './job';
import { timeSlices } from '../../../ipc/writer';

/**
 * Reads and checks a roster in a worker thread, then (unless a dry run, or anything is wrong) imports it in ONE
 * transaction, written in short slices so the window keeps answering (ctx.txSliced).
 */
export async function importRoster(ctx: HandlerContext, file: string, name: string, opts: RosterOptions & { dryRun: boolean; places?: PlaceChoices }) {
  const { report, toCreate: planned } = await ctx.inWorker<PlannedRoster>('households.planRoster', { ...opts, file, name } satisfies RosterRequest);
  if (!planned) return report;
  const pause = timeSlices();
  const toCreate = await parsePlanned(planned, pause);
  const waiting = () => ctx.progress({ done: 0, total: 0, message: '等待其他后台任务结束后写入' });
  const written = await ctx.txSliced(async () => {
    ctx.progress({ done: 0, total: toCreate.length, message: '正在写入' });
    return applyPlan(ctx, toCreate, name, pause);
  }, waiting);
  ctx.progress({ done: toCreate.length, total: toCreate.length, message: '导入完成' });
  return { ...report, imported: true, written };
}

export type RosterReport = Awaited<ReturnType<typeof importRoster>>;

export const rosterChannels = {
  'households.importRoster': channel({
    title: '导入花名册（试导入报告问题；正式导入一次性写入）', permission: 'case.write', kind: 'job',
    input: z.object({
      inboxName: z.string().min(1).max(200),
      dryRun: z.boolean().default(true),
      mapping: z.record(z.string().max(100), z.string().max(30)).optional(),
      defaultCategory: z.enum(CATEGORIES).optional(),
      /** The clerk's answer for each place close to an existing one: key = 村 as in the roster, or 村/组. */
      places: z.record(z.string().min(1).max(60), z.union([
        z.object({ use: z.string().min(1).max(50) }).strict(), z.object({ create: z.literal(true) }).strict(),
      ])).optional(),
    }),
    handler: (ctx, i) => importRoster(ctx, inboxPath(ctx.dataDir, i.inboxName), originalName(i.inboxName), i),
  }),
};
