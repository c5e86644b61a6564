import fs from 'node:fs';
import { workerJobs, type WorkerJobContext } from '../../../jobs/contract';
import { AppError } from '../../../ipc/errors';
import { readWorkbook } from './read';
import { RosterPlanner, type PlannedHousehold, type RosterOptions } from './plan';
import { resolvePlan, type PlaceChoices } from './resolve';
import { ROSTER_FIELDS } from './headers';
import { namePinyin } from '../../../domain/pinyin';

export interface RosterRequest extends RosterOptions { file: string; name: string; dryRun: boolean; places?: PlaceChoices }

/**
 * Reading, checking and planning a roster run in a worker thread (issue 17): parsing a 10,000-row workbook alone takes
 * about a second of pure CPU. The worker reads a snapshot of the address tree and the IDs on file; only the write
 * goes back to the main process, which checks the IDs again inside its transaction (see applyPlan).
 */
export const rosterJobs = workerJobs({
  'households.planRoster': (ctx, i: RosterRequest) => planRoster(ctx, i),
});

/** The report the clerk reads, and the households to write when the import may go ahead (else null). */
export function planRoster(ctx: Pick<WorkerJobContext, 'sqlite' | 'progress' | 'cancelled'>, i: RosterRequest) {
  const planner = new RosterPlanner(i);
  let rows = 0;
  ctx.progress({ done: 0, total: 0, message: `正在打开文件“${i.name}”` }); // a 50,000-row workbook takes seconds to unpack
  for (const row of readWorkbook(fs.readFileSync(i.file), i.name)) {
    planner.add(row);
    if (++rows % 2000 === 0) {
      ctx.progress({ done: rows, total: 0, message: `已读取 ${rows} 行` });
      if (ctx.cancelled()) throw new AppError('CANCELLED', '已取消导入，没有写入任何数据');
    }
  }
  planner.finish();
  ctx.progress({ done: 0, total: 0, message: `已读取 ${rows} 行，正在与已建档人员和地址核对` });
  const res = resolvePlan(ctx.sqlite, planner.households, planner.problems, i.places);
  const sheetOrder = new Map(planner.sheets.map((s, n) => [s.name, n]));
  const problems = [...planner.problems].sort((a, b) => (sheetOrder.get(a.sheet) ?? -1) - (sheetOrder.get(b.sheet) ?? -1) || (a.row ?? 0) - (b.row ?? 0));
  const errors = problems.filter((p) => p.level === 'error').length;
  const report = {
    file: i.name, dryRun: i.dryRun, imported: false, sheets: planner.sheets, problems, errors, warnings: problems.length - errors,
    skipped: planner.skipped, choices: res.choices, pendingChoices: res.choices.filter((c) => !c.chosen).length,
    households: { new: res.toCreate.length, existing: res.existing },
    members: { new: res.toCreate.reduce((s, h) => s + h.members.length, 0) },
    newVillages: res.newVillages, newGroups: res.newGroups,
    preview: res.toCreate.slice(0, 20).map((h) => ({ sheet: h.sheet, row: h.row, headName: h.headName, village: h.village, group: h.group,
      category: h.category, members: h.members.length, monthlyFen: h.monthlyFen, startMonth: h.startMonth })),
    fields: Object.entries(ROSTER_FIELDS).map(([value, d]) => ({ value, label: d.label })),
  };
  const writable = !i.dryRun && errors === 0 && report.pendingChoices === 0 && res.toCreate.length > 0;
  if (!writable) return { report, toCreate: null as Uint8Array | null };
  // the pinyin dictionary's first load and a quarter of the write's CPU, done here instead of in the main process
  for (const hh of res.toCreate) for (const m of hh.members) m.pinyin = namePinyin(m.name);
  // One line of UTF-8 JSON per household, in one byte buffer: bytes cross to the main thread as one copy (20 MB in a
  // few ms), where 25,000 households as objects, or even as 25,000 strings, took 0.2–1 s to rebuild there in one
  // piece. The main thread parses them a slice at a time (parsePlanned).
  return { report, toCreate: new TextEncoder().encode(res.toCreate.map((hh) => JSON.stringify(hh)).join('\n')) };
}

export type PlannedRoster = ReturnType<typeof planRoster>;

/** The worker's households back as objects, parsed a slice at a time so the main thread keeps answering. */
export async function parsePlanned(lines: Uint8Array, pause: () => Promise<void>): Promise<PlannedHousehold[]> {
  const out: PlannedHousehold[] = [];
  const text = new TextDecoder('utf-8', { fatal: true });
  for (let start = 0; start < lines.length;) {
    const end = lines.indexOf(0x0a, start); // JSON text never holds a raw newline: \n inside a value is escaped
    const stop = end < 0 ? lines.length : end;
    out.push(JSON.parse(text.decode(lines.subarray(start, stop))) as PlannedHousehold);
    start = stop + 1;
    await pause();
  }
  return out;
}
