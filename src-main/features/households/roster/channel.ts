import fs from 'node:fs';
import { z } from 'zod';
import { channel, type HandlerContext } from '../../../ipc/contract';
import { AppError } from '../../../ipc/errors';
import { inboxPath, originalName } from '../../../ipc/files';
import { CATEGORIES } from '../../../domain/glossary';
import { readWorkbook } from './read';
import { RosterPlanner, type RosterOptions } from './plan';
import { resolvePlan, type PlaceChoices } from './resolve';
import { applyPlan } from './apply';
import { ROSTER_FIELDS } from './headers';

/** Reads, checks and (unless a dry run, or anything is wrong) imports a roster in ONE transaction. */
export async function importRoster(ctx: HandlerContext, file: string, name: string, opts: RosterOptions & { dryRun: boolean; places?: PlaceChoices }) {
  const planner = new RosterPlanner(opts);
  let rows = 0;
  for (const row of readWorkbook(fs.readFileSync(file), name)) {
    planner.add(row);
    if (++rows % 2000 === 0) {
      ctx.progress({ done: rows, total: 0, message: `已读取 ${rows} 行` });
      await nextTurn(); // the progress goes out and a 取消 from the window comes in while a big file is read
      if (ctx.cancelled()) throw new AppError('CANCELLED', '已取消导入，没有写入任何数据');
    }
  }
  planner.finish();
  const res = resolvePlan(ctx.sqlite, planner.households, planner.problems, opts.places);
  const sheetOrder = new Map(planner.sheets.map((s, i) => [s.name, i]));
  const problems = [...planner.problems].sort((a, b) => (sheetOrder.get(a.sheet) ?? -1) - (sheetOrder.get(b.sheet) ?? -1) || (a.row ?? 0) - (b.row ?? 0));
  const errors = problems.filter((p) => p.level === 'error').length;
  const report = {
    file: name, dryRun: opts.dryRun, imported: false, sheets: planner.sheets, problems, errors, warnings: problems.length - errors,
    skipped: planner.skipped, choices: res.choices, pendingChoices: res.choices.filter((c) => !c.chosen).length,
    households: { new: res.toCreate.length, existing: res.existing },
    members: { new: res.toCreate.reduce((s, h) => s + h.members.length, 0) },
    newVillages: res.newVillages, newGroups: res.newGroups,
    preview: res.toCreate.slice(0, 20).map((h) => ({ sheet: h.sheet, row: h.row, headName: h.headName, village: h.village, group: h.group,
      category: h.category, members: h.members.length, monthlyFen: h.monthlyFen, startMonth: h.startMonth })),
    fields: Object.entries(ROSTER_FIELDS).map(([value, d]) => ({ value, label: d.label })),
  };
  if (opts.dryRun || errors > 0 || report.pendingChoices > 0 || res.toCreate.length === 0) return report;
  ctx.progress({ done: 0, total: res.toCreate.length, message: '正在写入' });
  const written = ctx.tx(() => applyPlan(ctx, res.toCreate, name));
  ctx.progress({ done: res.toCreate.length, total: res.toCreate.length, message: '导入完成' });
  return { ...report, imported: true, written };
}
/** Lets the event loop run (IPC, progress events) between steps of a long read; nothing is written before it ends. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

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
