import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, dbFingerprint } from '../helpers/services';
import { rosterTownship, uploadRoster, importRosterWith, type RosterServices } from '../helpers/roster';
import { inboxDir } from '../../src-main/ipc/files';
import { messyRoster, headsOnlyRoster, ids } from '../fixtures/rosters/build';

type S = RosterServices;
let s: S;
beforeEach(async () => { s = await rosterTownship(); });
afterEach(() => s.close());

const upload = (build: (f: string) => Promise<void>, name?: string) => uploadRoster(s, build, name);
const importAs = importRosterWith();
const run = (inboxName: string, dryRun: boolean, extra = {}) => importAs(s, inboxName, dryRun, extra);

describe('roster import', () => {
  it('dry run reports every problem with sheet, row, column and reason, and writes nothing', async () => {
    const inbox = await upload((f) => messyRoster(f));
    const before = dbFingerprint(s);
    const r = await run(inbox, true);
    expect(dbFingerprint(s)).toBe(before);
    expect(r.sheets[0]).toMatchObject({ name: '低保花名册', headerRow: 3, blankRows: 1, totalRows: 1 });
    const errors = r.problems.filter((p: { level: string }) => p.level === 'error');
    expect(errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ sheet: '低保花名册', row: 12, column: 'D列（公民身份号码）', reason: expect.stringContaining('文件中实际是 510902196001010000）：Excel 只保留 15 位有效数字') }),
      expect.objectContaining({ row: 13, column: 'D列（公民身份号码）', reason: expect.stringContaining('19990230 不存在') }),
      expect.objectContaining({ row: 13, column: 'K列（保障金额（元））', reason: expect.stringContaining('无法识别的金额') }),
      expect.objectContaining({ row: 13, column: 'L列（起始保障年月）', reason: expect.stringContaining('不存在') }),
    ]));
    expect(r.errors).toBe(4);
    expect(r.households.new).toBe(4);
    expect(r.members.new).toBe(7);
    expect(r.newVillages).toEqual(['新建村']);
    expect(r.newGroups).toEqual(['新建村2组']);
  });

  it('refuses the real import while any error remains', async () => {
    const inbox = await upload((f) => messyRoster(f));
    const before = dbFingerprint(s);
    const r = await run(inbox, false);
    expect(r.imported).toBe(false);
    expect(dbFingerprint(s)).toBe(before);
  });

  it('imports a clean file in one go, parsing every month and amount form, and a second import adds nothing', async () => {
    const inbox = await upload((f) => messyRoster(f, { withErrors: false }));
    const r = await run(inbox, false);
    expect(r.errors).toBe(0);
    expect(r.imported).toBe(true);
    expect(r.written).toMatchObject({ households: 4, members: 7, createdVillages: ['新建村'], createdGroups: ['新建村2组'] });
    const list = await ok(s, 'households.list', { sort: 'id', dir: 'asc' });
    expect(list.rows.map((x: { headName: string; village: string; group: string; startMonth: string; monthlyFen: number; familySize: number }) =>
      [x.headName, x.village, x.group, x.startMonth, x.monthlyFen, x.familySize])).toEqual([
      ['张三', '石桥村', '3组', '2021-05', 56000, 3],
      ['王五', '石桥村', '3组', '2021-05', 56000, 1],
      ['赵六', '新建村', '2组', '2021-05', 48000, 1],
      ['孙七', '新建村', '2组', '2021-05', 62000, 2],
    ]);
    const zhang = await ok(s, 'households.get', { id: list.rows[0].id });
    expect(zhang.members.map((m: { name: string; relation: string; idNumber: string }) => [m.name, m.relation, m.idNumber])).toEqual([
      ['张三', '户主', ids.head1], ['李梅', '配偶', ids.wife1], ['张小军', '长子', ids.son1]]);
    const wang = await ok(s, 'households.get', { id: list.rows[1].id });
    expect(wang.members[0].idNumber).toBe(ids.head2);
    const audit = s.handle.sqlite.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'roster_import'").get() as { n: number };
    expect(audit.n).toBe(1);

    const again = await run(await upload((f) => messyRoster(f, { withErrors: false }), '花名册2.xlsx'), false);
    expect(again.households).toEqual({ new: 0, existing: 4 });
    expect((await ok(s, 'households.list', {})).total).toBe(4);
  });

  it('groups by household number, takes the category from the title and skips a sheet without a header', async () => {
    const r = await run(await upload(headsOnlyRoster), false);
    expect(r.errors).toBe(0);
    expect(r.sheets.map((x: { name: string; headerRow: number | null }) => [x.name, x.headerRow])).toEqual([['说明', null], ['城市低保', 2]]);
    expect(r.written.households).toBe(2);
    const list = await ok(s, 'households.list', { sort: 'id', dir: 'asc' });
    expect(list.rows.map((x: { category: string; startMonth: string; monthlyFen: number }) => [x.category, x.startMonth, x.monthlyFen]))
      .toEqual([['城市低保', '2020-03', 80000], ['城市低保', '2020-10', 80000]]);
  });

  it('a manual column mapping overrides the automatic one', async () => {
    const inbox = await upload(headsOnlyRoster);
    const r = await run(inbox, true, { mapping: { 月保障金: '' } });
    expect(r.sheets[1].columns.find((c: { header: string }) => c.header === '月保障金').field).toBe(null);
    expect(r.preview[0].monthlyFen).toBe(0);
  });

  it.each([
    ['a zip that is not a workbook', '村里报来的.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), '文件内容无法解析'],
    ['a damaged .xls file', '村里报来的.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]), '旧版 Excel（.xls）文件无法解析'],
    ['a damaged WPS .et file', '村里报来的.et', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]), 'WPS 表格（.et）文件无法解析'],
    ['an empty file', '村里报来的.xlsx', Buffer.alloc(0), '文件是空的'],
    ['a binary file that is no spreadsheet', '村里报来的.xlsx', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]), '不是表格文件'],
  ])('refuses %s with a clear error naming the file', async (_what, name, bytes, reason) => {
    // Straight into the inbox: the reader's own checks are under test, not the upload's content sniffing.
    const inbox = `0123456789ab-${name}`;
    fs.mkdirSync(inboxDir(s.dir), { recursive: true });
    fs.writeFileSync(path.join(inboxDir(s.dir), inbox), bytes);
    const r = await s.router.call({ channel: 'households.importRoster', input: { inboxName: inbox, dryRun: true }, actor: { userId: null, username: 'cli', displayName: 'cli', role: 'admin' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('BAD_FILE');
      expect(r.error.message).toContain(`“${name}”`);
      expect(r.error.message).toContain(reason);
    }
  });
});
