import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testServices, ok, dbFingerprint, ADMIN } from '../helpers/services';
import { rosterTownship, uploadRoster, importRosterWith, type RosterServices } from '../helpers/roster';
import { outboxDir, saveToInbox } from '../../src-main/ipc/files';
import { countyTemplateRoster, householdLevelRoster, layoutIds } from '../fixtures/rosters/build';

/** Issue 16 items 2 and 4: rosters as offices keep them (footers, two-row headers, household rows, typos in 村). */
type S = RosterServices;
let s: S;
beforeEach(async () => { s = await rosterTownship(); });
afterEach(() => s.close());

const upload = (build: (f: string) => Promise<void>, name?: string) => uploadRoster(s, build, name);
const importAs = importRosterWith({ defaultCategory: '农村低保' });
const run = (inboxName: string, dryRun: boolean, extra = {}) => importAs(s, inboxName, dryRun, extra);
const regionNames = () => s.handle.sqlite.prepare("SELECT name FROM regions WHERE level = 'village' ORDER BY id").pluck().all();
type Row = { headName: string; village: string; group: string; monthlyFen: number; startMonth: string; familySize: number };
const households = async () => (await ok(s, 'households.list', { sort: 'id', dir: 'asc' })).rows.map((x: Row) =>
  [x.headName, x.village, x.group, x.monthlyFen, x.startMonth, x.familySize]);

describe('a county roster with a footer, a two-row header, full-width IDs and a misspelt village', () => {
  it('the dry run reports exactly those, and nothing is written', async () => {
    const inbox = await upload(countyTemplateRoster);
    const before = dbFingerprint(s);
    const r = await run(inbox, true);
    expect(dbFingerprint(s)).toBe(before);
    expect(r.sheets).toEqual([expect.objectContaining({ name: '2024年12月', headerRow: 2, headerRows: 2, dataRows: 5, noteRows: 3 })]);
    expect(r.sheets[0].columns.map((c: { field: string | null }) => c.field)).toEqual(
      ['ignore', 'village', 'group', 'headName', 'name', 'idNumber', 'relation', 'amount', 'startMonth']);
    expect(r.skipped).toEqual([
      { sheet: '2024年12月', row: 6, text: '备注：以下一户为新纳入对象' },
      { sheet: '2024年12月', row: 11, text: '单位负责人：王某某 审核人：李某 填表人：张某 联系电话：0817-1234567' },
      { sheet: '2024年12月', row: 12, text: '填报日期：2024年12月31日' },
    ]);
    expect(r.errors).toBe(0);
    expect(r.problems).toEqual([
      expect.objectContaining({ level: 'warning', row: 7, column: 'F列（家庭成员情况/身份证号）', reason: expect.stringContaining(`已去除，按 ${layoutIds.b} 导入`) }),
      expect.objectContaining({ level: 'warning', row: 9, column: 'F列（家庭成员情况/身份证号）', reason: expect.stringContaining(`已去除，按 ${layoutIds.c2} 导入`) }),
    ]);
    expect(r.choices).toEqual([expect.objectContaining({ kind: 'village', name: '石挢村', candidates: ['石桥村'], households: 1, chosen: null,
      firstRow: { sheet: '2024年12月', row: 7 } })]);
    expect(r.pendingChoices).toBe(1);
    expect(r.newVillages).toEqual(['新建村']); // 石挢村 is not "new" until the clerk says so
    expect(r.households.new).toBe(3);
    expect(r.members.new).toBe(5);
  });

  it('refuses the real import until the clerk has chosen, then imports the rest into the chosen village', async () => {
    const inbox = await upload(countyTemplateRoster);
    const before = dbFingerprint(s);
    const refused = await run(inbox, false);
    expect(refused.imported).toBe(false);
    expect(dbFingerprint(s)).toBe(before);

    const r = await run(inbox, false, { places: { 石挢村: { use: '石桥村' } } });
    expect(r.imported).toBe(true);
    expect(r.choices[0].chosen).toEqual({ use: '石桥村' });
    expect(r.written.createdVillages).toEqual(['新建村']);
    expect(regionNames()).toEqual(['石桥村', '新建村']);
    expect(await households()).toEqual([
      ['钱一', '石桥村', '3组', 56000, '2021-05', 2],
      ['周三', '石桥村', '3组', 48000, '2022-01', 1],
      ['吴四', '新建村', '1组', 62000, '2023-03', 2],
    ]);
    const ids = s.handle.sqlite.prepare('SELECT id_number FROM members ORDER BY id').pluck().all();
    expect(ids).toEqual([layoutIds.a, layoutIds.a2, layoutIds.b, layoutIds.c, layoutIds.c2]);
  });

  it('creates the misspelt village only when the clerk chooses to, and refuses a choice of a village that does not exist', async () => {
    const inbox = await upload(countyTemplateRoster);
    const bad = await s.router.call({ channel: 'households.importRoster', actor: ADMIN,
      input: { inboxName: inbox, dryRun: false, defaultCategory: '农村低保', places: { 石挢村: { use: '石娇村' } } } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('所选的村/居“石娇村”不存在');
    const malformed = await s.router.call({ channel: 'households.importRoster', actor: ADMIN,
      input: { inboxName: inbox, dryRun: false, places: { 石挢村: { use: '石桥村', create: true } } } });
    expect(malformed.ok).toBe(false);
    if (!malformed.ok) expect(malformed.error.code).toBe('VALIDATION');
    expect(regionNames()).toEqual(['石桥村']);

    const r = await run(inbox, false, { places: { 石挢村: { create: true } } });
    expect(r.imported).toBe(true);
    expect(regionNames()).toEqual(['石桥村', '石挢村', '新建村']);
  });
});

describe('household-level rosters, one sheet per village', () => {
  it('imports one head per row, takes the village from the sheet and the category from the title, and warns that members are missing', async () => {
    const r = await run(await upload(householdLevelRoster), false, { defaultCategory: undefined });
    expect(r.errors).toBe(0);
    expect(r.sheets.map((x: { name: string; level: string; noteRows: number }) => [x.name, x.level, x.noteRows])).toEqual([['石桥村', 'household', 1], ['新建村', 'household', 1]]);
    expect(r.problems).toEqual([
      expect.objectContaining({ level: 'warning', sheet: '石桥村', reason: expect.stringContaining('本表是户级花名册（每户一行），2 户只导入户主（其中 1 户家庭人口多于 1 人）') }),
      expect.objectContaining({ level: 'warning', sheet: '新建村', reason: expect.stringContaining('1 户只导入户主') }),
    ]);
    expect(r.imported).toBe(true);
    const list = (await ok(s, 'households.list', { sort: 'id', dir: 'asc' })).rows;
    expect(list.map((x: Row & { category: string }) => [x.headName, x.village, x.group, x.category, x.monthlyFen])).toEqual([
      ['钱一', '石桥村', '3组', '农村低保', 56000], ['周三', '石桥村', '3组', '农村低保', 48000], ['吴四', '新建村', '3组', '农村低保', 62000]]);
  });
});

describe("the app's own exported 花名册", () => {
  it('re-imports into a new township with zero errors, every household once, the same members and the same amounts', async () => {
    const demo = testServices({ demo: true, households: 60 });
    try {
      const exp = await ok(demo, 'ledgers.exportLedger', { name: 'roster', period: '2026-10' });
      const file = path.join(outboxDir(demo.dir), exp.fileName);
      // Each household by 村, 组, 户主姓名, amounts and its members' IDs (what the 花名册 carries).
      const households = (x: S, where: string) => (x.handle.sqlite.prepare(`SELECT v.name || '/' || COALESCE(g.name, '') || '/' || hm.name
        || '/' || h.monthly_amount_fen || '/' || h.top_up_fen || '/' || (SELECT group_concat(id_number, ',') FROM (SELECT id_number FROM members m
        WHERE m.household_id = h.id AND m.state = '在户' ORDER BY id_number)) FROM households h JOIN regions v ON v.id = h.village_id
        LEFT JOIN regions g ON g.id = h.group_id JOIN members hm ON hm.id = h.head_member_id ${where}`).pluck().all() as string[]).sort();
      const exported = households(demo, "WHERE h.status IN ('在保', '渐退') AND (h.start_month IS NULL OR h.start_month <= '2026-10')");
      expect(exported.length).toBe(exp.rows['低保对象花名册']);

      const bytes = fs.readFileSync(file);
      const dry = await ok(s, 'households.importRoster', { inboxName: saveToInbox(s.dir, exp.fileName, bytes), dryRun: true });
      const r = await ok(s, 'households.importRoster', { inboxName: saveToInbox(s.dir, exp.fileName, bytes), dryRun: false,
        places: Object.fromEntries(dry.choices.map((c: { key: string }) => [c.key, { create: true }])) });
      expect(r.problems.filter((p: { level: string }) => p.level === 'error')).toEqual([]);
      expect(r.sheets.map((x: { name: string; level: string }) => [x.name, x.level])).toEqual([['低保对象花名册', 'household'], ['家庭成员', 'member']]);
      expect(r.imported).toBe(true);
      // A household whose head on file has died keeps its living members; the 户主 name then differs, nothing else.
      const sameBut = (xs: string[]) => xs.map((x) => x.split('/').filter((_, i) => i !== 2).join('/')).sort();
      expect(sameBut(households(s, ''))).toEqual(sameBut(exported));
    } finally { demo.close(); }
  }, 60_000);
});
