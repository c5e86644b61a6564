import type Database from 'better-sqlite3';
import type { HandlerContext } from '../../ipc/contract';
import { conflict, notFound } from '../../ipc/errors';
import { inboxPath, originalName } from '../../ipc/files';
import { newOutboxFile } from '../../ipc/outbox';
import { getTownship } from '../settings/store';
import { getSuspectMappings, rememberSuspectMapping, type SuspectMapping } from './settings';
import { checkMapping, findMembers, guessMapping, parseRows, readSuspectSheet, writeFeedback, type FeedbackRow } from './suspects';

const countyOf = (sqlite: Database.Database, county?: string) => county || getTownship(sqlite)?.county || '本县';

/** Headers of an uploaded sheet and the mapping that would be used (remembered for the county, else guessed). */
export async function previewSuspects(ctx: HandlerContext, i: { inboxName: string; county?: string }) {
  const sheet = await readSuspectSheet(inboxPath(ctx.dataDir, i.inboxName));
  const county = countyOf(ctx.sqlite, i.county);
  const remembered = getSuspectMappings(ctx.sqlite)[county];
  const usable = remembered && Object.values(remembered).every((h) => !h || sheet.headers.includes(h));
  return { county, headers: sheet.headers, rows: sheet.rows.length, mapping: usable ? remembered : guessMapping(sheet.headers), remembered: !!usable };
}

export interface ImportInput { inboxName: string; county?: string; dryRun: boolean; mapping?: SuspectMapping }

/**
 * Reads a county 疑点 list, matches 身份证号 against local members and reports the rows that match nobody.
 * Each hit becomes a task. All-or-nothing: one transaction; a dry run writes nothing.
 */
export async function importSuspects(ctx: HandlerContext, i: ImportInput) {
  const file = inboxPath(ctx.dataDir, i.inboxName);
  const sheet = await readSuspectSheet(file);
  const county = countyOf(ctx.sqlite, i.county);
  const mapping = checkMapping(sheet.headers, i.mapping ?? getSuspectMappings(ctx.sqlite)[county] ?? guessMapping(sheet.headers));
  const parsed = parseRows(sheet, mapping);
  const hits = findMembers(ctx.sqlite, parsed.flatMap((r) => (r.idNumber ? [r.idNumber] : [])));
  const unmatched = parsed.filter((r) => r.problem || !hits.has(r.idNumber!)).map((r) => ({
    row: r.rowNo, name: r.name, idNumber: r.idNumber ?? String(r.cells[sheet.headers.indexOf(mapping.idNumber)] ?? ''),
    problem: r.problem ?? '本乡镇无此人（身份证号未匹配到任何家庭成员）', cells: r.cells,
  }));
  const matched = parsed.filter((r) => !r.problem && hits.has(r.idNumber!));
  const report = { county, mapping, rows: parsed.length, matched: matched.length,
    unmatched: unmatched.map(({ cells: _c, ...u }) => u), dryRun: i.dryRun };
  if (i.dryRun) return { ...report, importId: null };
  ctx.progress({ done: 0, total: matched.length, message: '正在建立核查任务…' });
  const importId = ctx.tx(() => {
    const now = new Date().toISOString();
    const id = Number(ctx.sqlite.prepare(`INSERT INTO suspect_imports (county, file_name, headers, mapping, row_count, unmatched, imported_by, imported_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(county, originalName(i.inboxName), JSON.stringify(sheet.headers), JSON.stringify(mapping),
      parsed.length, JSON.stringify(unmatched), ctx.actor.displayName, now).lastInsertRowid);
    const ins = ctx.sqlite.prepare(`INSERT INTO suspect_tasks (import_id, row_no, raw, id_number, name, suspect_reason, member_id, household_id, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const r of matched) {
      const m = hits.get(r.idNumber!)!;
      ins.run(id, r.rowNo, JSON.stringify(r.cells), r.idNumber, r.name || m.name, r.reason, m.memberId, m.householdId, now);
    }
    rememberSuspectMapping(ctx.sqlite, county, mapping);
    ctx.audit({ entity: 'suspect_import', entityId: id, after: { county, file: originalName(i.inboxName), rows: parsed.length, matched: matched.length, unmatched: unmatched.length } });
    return id;
  });
  ctx.progress({ done: matched.length, total: matched.length, message: '导入完成' });
  return { ...report, importId };
}

interface ImportRow { id: number; county: string; fileName: string; rowCount: number; unmatched: string; importedBy: string; importedAt: string; tasks: number; answered: number }

export interface TaskRow { id: number; rowNo: number; name: string; suspectReason: string; householdId: number; village: string; headName: string | null;
  result: string | null; action: string; checker: string; checkDate: string | null }

export function listImports(sqlite: Database.Database) {
  return (sqlite.prepare(`SELECT s.id, s.county, s.file_name AS fileName, s.row_count AS rowCount, s.unmatched, s.imported_by AS importedBy,
      s.imported_at AS importedAt, (SELECT COUNT(*) FROM suspect_tasks t WHERE t.import_id = s.id) AS tasks,
      (SELECT COUNT(*) FROM suspect_tasks t WHERE t.import_id = s.id AND t.result IS NOT NULL) AS answered
    FROM suspect_imports s ORDER BY s.id DESC`).all() as ImportRow[])
    .map(({ unmatched, ...r }) => ({ ...r, unmatched: (JSON.parse(unmatched) as { row: number; name: string; problem: string }[])
      .map((u) => ({ row: u.row, name: u.name, problem: u.problem })) }));
}

export function listTasks(sqlite: Database.Database, importId: number, pendingOnly: boolean, p: { offset: number; limit: number }) {
  const where = `WHERE t.import_id = ?${pendingOnly ? ' AND t.result IS NULL' : ''}`;
  const total = (sqlite.prepare(`SELECT COUNT(*) AS n FROM suspect_tasks t ${where}`).get(importId) as { n: number }).n;
  const rows = sqlite.prepare(`SELECT t.id, t.row_no AS rowNo, t.name, t.suspect_reason AS suspectReason, t.household_id AS householdId,
      v.name AS village, hm.name AS headName, t.result, t.action, t.checker, t.check_date AS checkDate
    FROM suspect_tasks t JOIN households h ON h.id = t.household_id JOIN regions v ON v.id = h.village_id
    LEFT JOIN members hm ON hm.id = h.head_member_id ${where} ORDER BY t.row_no LIMIT ? OFFSET ?`).all(importId, p.limit, p.offset) as TaskRow[];
  return { total, rows };
}

export function answerTask(ctx: HandlerContext, i: { taskId: number; result: string; action: string; checker: string; checkDate: string }) {
  const before = ctx.sqlite.prepare('SELECT result, action, checker, check_date FROM suspect_tasks WHERE id = ?').get(i.taskId);
  if (!before) throw notFound('疑点核查任务', i.taskId);
  if (i.result !== '不属实' && !i.action) throw conflict(`核查结果为${i.result}时须写明处理措施`);
  ctx.sqlite.prepare('UPDATE suspect_tasks SET result = ?, action = ?, checker = ?, check_date = ?, updated_at = ? WHERE id = ?')
    .run(i.result, i.action, i.checker, i.checkDate, new Date().toISOString(), i.taskId);
  ctx.audit({ entity: 'suspect_task', entityId: i.taskId, before, after: i });
  return { id: i.taskId };
}

/** The feedback sheet: every row of the county's list in its order, answered rows filled, unmatched rows explained. */
export async function exportFeedback(ctx: HandlerContext, importId: number) {
  const imp = ctx.sqlite.prepare('SELECT * FROM suspect_imports WHERE id = ?').get(importId) as
    { county: string; file_name: string; headers: string; mapping: string; unmatched: string } | undefined;
  if (!imp) throw notFound('疑点表', importId);
  const tasks = ctx.sqlite.prepare('SELECT row_no, raw, result, action, checker, check_date FROM suspect_tasks WHERE import_id = ?').all(importId) as
    { row_no: number; raw: string; result: string | null; action: string; checker: string; check_date: string | null }[];
  const unmatched = JSON.parse(imp.unmatched) as { row: number; problem: string; cells: (string | number | null)[] }[];
  const rows: (FeedbackRow & { rowNo: number })[] = [
    ...tasks.map((t) => ({ rowNo: t.row_no, cells: JSON.parse(t.raw), result: t.result ?? '', action: t.action, checker: t.checker, date: t.check_date ?? '' })),
    ...unmatched.map((u) => ({ rowNo: u.row, cells: u.cells, result: '', action: u.problem, checker: '', date: '' })),
  ].sort((a, b) => a.rowNo - b.rowNo);
  const out = newOutboxFile(ctx, `疑点核查反馈-${imp.county}-${importId}.xlsx`);
  await writeFeedback(out.path, JSON.parse(imp.headers), JSON.parse(imp.mapping), rows);
  return { outboxName: out.name, rows: rows.length, answered: tasks.filter((t) => t.result).length };
}
