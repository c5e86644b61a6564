import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices, ok, ADMIN } from '../helpers/services';
import { inboxDir, saveToInbox } from '../../src-main/ipc/files';
import { countyTemplateRoster, layoutIds } from '../fixtures/rosters/build';
import { decodeText } from '../../src-main/features/households/roster/read';

/**
 * Issue 16 item 3: the same roster saved the way LibreOffice (as an office suite) saves it — .xls (BIFF8), .ods,
 * CSV in UTF-8, UTF-8 with BOM and GBK (as Chinese Excel/WPS save CSV) — gives the same dry run as the .xlsx.
 */
const hasSoffice = (() => { try { execFileSync('soffice', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } })();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-roster-formats-'));
const xlsx = path.join(work, '花名册.xlsx');
const converted: Record<string, string> = {};

function soffice(to: string, ext: string) {
  execFileSync('soffice', [`-env:UserInstallation=file://${work}/lo-profile`, '--headless', '--convert-to', to, '--outdir', path.join(work, ext), xlsx],
    { stdio: 'ignore', timeout: 120_000 });
  return path.join(work, ext, `花名册.${ext.replace(/-.*/, '')}`);
}

let s: ReturnType<typeof testServices>;
beforeAll(async () => {
  s = testServices();
  const tree = await ok(s, 'regions.tree', {});
  const v = await ok(s, 'regions.create', { parentId: tree[0].id, name: '石桥村' });
  await ok(s, 'regions.create', { parentId: v.id, name: '3组' });
  await countyTemplateRoster(xlsx);
  if (!hasSoffice) return;
  converted.xls = soffice('xls', 'xls');
  converted.ods = soffice('ods', 'ods');
  converted.csv = soffice('csv:Text - txt - csv (StarCalc):44,34,76', 'csv');
}, 400_000);
afterAll(() => { s.close(); fs.rmSync(work, { recursive: true, force: true }); });

/** What must not depend on the format: households, members, skipped lines, warnings, the village choice. */
async function dryRun(name: string, bytes: Buffer) {
  const r = await ok(s, 'households.importRoster', { inboxName: saveToInbox(s.dir, name, bytes), dryRun: true, defaultCategory: '农村低保' });
  return {
    errors: r.errors, households: r.households, members: r.members,
    skipped: r.skipped.map((x: { row: number; text: string }) => [x.row, x.text.replace(/\s+/g, ' ')]),
    warnings: r.problems.map((p: { row: number; reason: string }) => [p.row, p.reason]),
    choices: r.choices.map((c: { name: string; candidates: string[] }) => [c.name, c.candidates]),
    preview: r.preview.map((p: { headName: string; village: string; group: string; monthlyFen: number; startMonth: string; members: number }) =>
      [p.headName, p.village, p.group, p.monthlyFen, p.startMonth, p.members]),
  };
}

describe('roster formats', () => {
  let reference: Awaited<ReturnType<typeof dryRun>>;
  beforeAll(async () => { reference = await dryRun('花名册.xlsx', fs.readFileSync(xlsx)); });

  it('the .xlsx reference reads as expected', () => {
    expect(reference.errors).toBe(0);
    expect(reference.preview).toEqual([
      ['钱一', '石桥村', '3组', 56000, '2021-05', 2], ['周三', '石挢村', '3组', 48000, '2022-01', 1], ['吴四', '新建村', '1组', 62000, '2023-03', 2]]);
    expect(reference.skipped.map((x: unknown[]) => x[0])).toEqual([6, 11, 12]);
  });

  it.skipIf(!hasSoffice).each(['xls', 'ods', 'csv'])('a LibreOffice-saved .%s gives the same dry run as the .xlsx', async (ext) => {
    expect(await dryRun(`花名册.${ext}`, fs.readFileSync(converted[ext]))).toEqual(reference);
  });

  it.skipIf(!hasSoffice)('a WPS .et (an OLE/BIFF8 workbook like .xls) is read the same way', async () => {
    expect(await dryRun('花名册.et', fs.readFileSync(converted.xls))).toEqual(reference);
  });

  it.skipIf(!hasSoffice)('a CSV in GBK (Chinese Excel/WPS) and in UTF-8 with a BOM give the same dry run', async () => {
    const text = fs.readFileSync(converted.csv, 'utf8');
    expect(await dryRun('花名册-gbk.csv', iconv.encode(text, 'gbk'))).toEqual(reference);
    expect(await dryRun('花名册-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual(reference);
  });

  it('decodes GB18030 text outside GBK (Extension B 𠈌) and keeps IDs in a CSV as text', async () => {
    const csv = `户主姓名,姓名,身份证号,与户主关系,村,组,月保障金\r\n王𠈌,王𠈌,${layoutIds.a},户主,石桥村,3组,560\r\n`;
    expect(decodeText(iconv.encode(csv, 'gb18030'))).toBe(csv);
    const r = await ok(s, 'households.importRoster', { inboxName: saveToInbox(s.dir, '一户.csv', iconv.encode(csv, 'gb18030')), dryRun: true, defaultCategory: '农村低保' });
    expect(r.errors).toBe(0);
    expect(r.preview.map((p: { headName: string; monthlyFen: number }) => [p.headName, p.monthlyFen])).toEqual([['王𠈌', 56000]]);
  });

  it('a password-protected workbook (an Office encrypted package) is refused naming the file and the reason', async () => {
    // What Excel and WPS write for 文件→加密: an OLE compound file holding EncryptionInfo and EncryptedPackage.
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...Buffer.from('<?xml version="1.0"?><encryption/>')]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 0x5a));
    const bytes = Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
    const inbox = '0123456789ab-加密的花名册.xlsx';
    fs.mkdirSync(inboxDir(s.dir), { recursive: true });
    fs.writeFileSync(path.join(inboxDir(s.dir), inbox), bytes);
    const r = await s.router.call({ channel: 'households.importRoster', actor: ADMIN, input: { inboxName: inbox, dryRun: true } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^无法读取文件“加密的花名册\.xlsx”：文件设置了打开密码（已加密）/);
  });
});
