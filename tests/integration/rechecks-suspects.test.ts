import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callAs, ADMIN, dbFingerprint, ok, testServices } from '../helpers/services';
import { saveToInbox } from '../../src-main/ipc/files';

type S = ReturnType<typeof testServices>;
let s: S;
beforeEach(() => { s = testServices({ demo: true, households: 40 }); });
afterEach(() => s.close());

const HEADERS = ['序号', '疑点类型', '姓名', '公民身份号码', '所属乡镇', '核实情况', '处理意见', '核实人'];

/** A county list in its own layout: one real member, then bad rows (numeric ID, bad check digit, unknown person, empty ID). */
async function countySheet(): Promise<{ inbox: string; member: { name: string; id_number: string; household_id: number } }> {
  const member = s.handle.sqlite.prepare("SELECT name, id_number, household_id FROM members WHERE state = '在户' ORDER BY id LIMIT 1").get() as { name: string; id_number: string; household_id: number };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('疑点');
  ws.addRow(HEADERS);
  ws.addRow([1, '车辆信息', member.name, member.id_number, '青溪镇', null, null, null]);
  ws.addRow([2, '死亡信息', '数字格式', 110105194912310000, '青溪镇']);
  ws.addRow([3, '工商登记', '校验错', '110105194912310021', '青溪镇']);
  ws.addRow([4, '财政供养', '外乡人', '440524188001010014', '青溪镇']);
  ws.addRow([5, '住房公积金', '缺号码', null, '青溪镇']);
  const file = path.join(s.dir, 'county.xlsx');
  await wb.xlsx.writeFile(file);
  return { inbox: saveToInbox(s.dir, '示范县疑点.xlsx', fs.readFileSync(file)), member };
}

describe('county 疑点 import', () => {
  it('guesses the column mapping from the headers and a dry run writes nothing', async () => {
    const { inbox } = await countySheet();
    const preview = await ok(s, 'rechecks.suspects.preview', { inboxName: inbox });
    expect(preview.mapping).toMatchObject({ idNumber: '公民身份号码', name: '姓名', reason: '疑点类型', result: '核实情况', action: '处理意见', checker: '核实人' });
    const before = dbFingerprint(s);
    const r = await ok(s, 'rechecks.suspects.import', { inboxName: inbox, dryRun: true });
    expect(r).toMatchObject({ rows: 5, matched: 1, importId: null });
    expect(dbFingerprint(s)).toBe(before);
  });

  it('reports every row that matches nobody with its reason, and makes a task of each hit', async () => {
    const { inbox, member } = await countySheet();
    const r = await ok(s, 'rechecks.suspects.import', { inboxName: inbox, dryRun: false });
    expect(r.matched).toBe(1);
    const problems = Object.fromEntries(r.unmatched.map((u: { row: number; problem: string }) => [u.row, u.problem]));
    expect(problems[3]).toContain('数字格式');
    expect(problems[4]).toContain('身份证号有误');
    expect(problems[5]).toContain('本乡镇无此人');
    expect(problems[6]).toContain('为空');
    const tasks = await ok(s, 'rechecks.suspects.tasks', { importId: r.importId });
    expect(tasks.rows).toMatchObject([{ name: member.name, suspectReason: '车辆信息', householdId: member.household_id, result: null }]);
    const remembered = s.handle.sqlite.prepare("SELECT value FROM settings WHERE key = 'rechecks.suspectMappings'").get() as { value: string };
    expect(JSON.parse(remembered.value)['示范县'].idNumber).toBe('公民身份号码');
  });

  it('needs an action unless the 疑点 is 不属实, and exports the feedback in the county column order', async () => {
    const { inbox, member } = await countySheet();
    const r = await ok(s, 'rechecks.suspects.import', { inboxName: inbox, dryRun: false });
    const [task] = (await ok(s, 'rechecks.suspects.tasks', { importId: r.importId })).rows;
    const missing = await callAs(s, ADMIN, 'rechecks.suspects.answer', { taskId: task.id, result: '属实', checker: '李经办', checkDate: '2026-11-20' });
    expect(missing.ok).toBe(false);
    await ok(s, 'rechecks.suspects.answer', { taskId: task.id, result: '属实', action: '已停保', checker: '李经办', checkDate: '2026-11-20' });
    const out = await ok(s, 'rechecks.suspects.export', { importId: r.importId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(s.dir, 'outbox', out.outboxName));
    const ws = wb.worksheets[0];
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual([...HEADERS, '核查日期']);
    expect(row(2)).toEqual([1, '车辆信息', member.name, member.id_number, '青溪镇', '属实', '已停保', '李经办', '2026-11-20']);
    expect(row(3)[3]).toBe('110105194912310000');
    expect(String(row(3)[6])).toContain('数字格式');
    expect(ws.rowCount).toBe(6);
  });

  it('is available on the command line as `import suspects FILE --dry-run`', async () => {
    const { rechecksVerbs } = await import('../../src-main/features/rechecks/cli');
    const { inbox } = await countySheet();
    const outs: unknown[] = [];
    const code = await rechecksVerbs['import suspects'].run({ positional: [path.join(s.dir, 'inbox', inbox)], flags: { 'dry-run': true }, dataDir: s.dir },
      { services: () => s, out: (v) => outs.push(v), progress: () => {} });
    expect(code).toBe(0);
    expect(outs[0]).toMatchObject({ ok: true, value: { dryRun: true, matched: 1, rows: 5 } });
  });
});
