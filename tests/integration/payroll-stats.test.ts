import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorOf, callAs, ok, testServices } from '../helpers/services';
import { outboxDir } from '../../src-main/ipc/files';
import { progressItems } from '../../src-main/features/ledgers/progress';

const CLOSED = '2026-10';
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
let s: ReturnType<typeof testServices>;
beforeEach(() => { s = testServices({ demo: true, households: 40 }); });
afterEach(() => s.close());

async function exportStats(period: string): Promise<string> {
  const r = await ok(s, 'ledgers.exportStats', { period });
  return path.join(outboxDir(s.dir), r.fileName);
}

describe('statistics from closed months', () => {
  it("seed 002's 统计表 in full: every item, header and sign-off block, numbers as numbers, entered values kept with the month", async () => {
    const refused = await callAs(s, actorOf('clerk'), 'ledgers.statsEntries.set', { period: CLOSED, values: { tekunVisited: '十二', meetingDate: '13月40日', newUrban: '3' } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message.split('；')).toHaveLength(3);
    await ok(s, 'ledgers.statsEntries.set', { period: CLOSED, values: { tekunVisited: '12', meetingDate: '10月9日' } }, actorOf('clerk'));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await exportStats(CLOSED));
    const ws = wb.getWorksheet('进展情况统计表')!;
    expect(String(ws.getCell('A2').value)).toMatch(/^填报单位（盖章）：青溪镇.*填报时间：2026年11月3日$/);
    const header = ws.getRow(3).values as string[];
    expect(header.slice(1)).toEqual(['序号', '项目名称', '工作措施', '数量', '单位', '来源']);
    const rows = Array.from({ length: progressItems.length }, (_, i) => ws.getRow(4 + i));
    expect(rows.map((r) => r.getCell(3).value)).toEqual(progressItems.map((p) => p.label));
    expect(progressItems.length).toBeGreaterThanOrEqual(34);
    const visited = rows.find((r) => r.getCell(3).value === '走访探视分散特困老人')!;
    expect(visited.getCell(4).value).toBe(12);
    expect(rows[0].getCell(4).value).toBe('10月9日');
    for (const r of rows.filter((x) => x.getCell(6).value === '系统统计')) expect(typeof r.getCell(4).value).toBe('number');
    const after = ws.getRow(4 + progressItems.length).getCell(1).value as string;
    expect(after).toMatch(/单位负责人：.*审核人：王审核.*填表人：.*联系电话：/);

    const main = wb.getWorksheet('月度统计表')!;
    expect(main.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, scale: 80, fitToPage: false });
    const total = main.getRow(3 + 7); // title, subtitle, header, 6 categories, then 合计
    expect(total.getCell(1).value).toBe('合计');
    for (let c = 2; c <= main.columnCount; c++) expect(typeof total.getCell(c).value).toBe('number');
  });

  it('经济状况核对 is entered (the 核对系统 is the county\'s), 入户核查 counted from the visits; each bad entry is reported on its own field', async () => {
    const economic = progressItems.find((p) => p.key === 'economicCheck')!;
    const home = progressItems.find((p) => p.key === 'homeCheck')!;
    expect(economic.count).toBeUndefined();
    expect(home.count).toBeTypeOf('function');
    const refused = await callAs(s, actorOf('clerk'), 'ledgers.statsEntries.set', { period: '2026-11', values: { economicCheck: '十二', alertDibao: '-3', tekunVisited: '4' } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('VALIDATION');
      expect((refused.error.details as { path: string }[]).map((d) => d.path)).toEqual(['values.economicCheck', 'values.alertDibao']);
    }
    expect(s.handle.sqlite.prepare("SELECT COUNT(*) FROM stats_entries WHERE period = '2026-11'").pluck().get()).toBe(0);
    await ok(s, 'ledgers.statsEntries.set', { period: '2026-11', values: { economicCheck: '37' } }, actorOf('clerk'));
    const stats = await ok(s, 'ledgers.stats', { period: '2026-11' });
    const byKey = new Map(stats.progress.map((p: { key: string }) => [p.key, p]));
    expect(byKey.get('economicCheck')).toMatchObject({ source: '填报', value: 37 });
    expect(byKey.get('homeCheck')).toMatchObject({ source: '系统统计' });
    const visited = s.handle.sqlite.prepare(`SELECT COUNT(*) FROM members WHERE state = '在户' AND covered = 1 AND household_id IN (SELECT household_id
      FROM recheck_records WHERE date BETWEEN '2026-11-01' AND '2026-11-30' AND kind IN ('定期复核', '死亡复核', '专项复核'))`).pluck().get();
    expect(byKey.get('homeCheck')).toMatchObject({ value: visited });
    // A 只读 user cannot enter.
    expect((await callAs(s, actorOf('readonly'), 'ledgers.statsEntries.set', { period: '2026-11', values: { economicCheck: '1' } })).ok).toBe(false);
  });

  it.skipIf(!hasSoffice)('every statistics sheet prints on A4 landscape with text of 8 pt or more (LibreOffice)', async () => {
    const xlsx = await exportStats(CLOSED);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-pdf-'));
    try {
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'pdf', '--outdir', out, xlsx], { timeout: 120_000, stdio: 'ignore' });
      const pdf = path.join(out, path.basename(xlsx).replace(/\.xlsx$/, '.pdf'));
      expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
      const html = execFileSync('pdftotext', ['-bbox', pdf, '-']).toString();
      const heights = [...html.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => Number(m[2]) - Number(m[1]));
      expect(heights.length).toBeGreaterThan(200);
      // A word's box is about 1.3 × its font size (ascent + descent): 8 pt text gives boxes of ≥ 10.4 pt.
      expect(Math.min(...heights) / 1.3).toBeGreaterThanOrEqual(8);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
      for (const needle of ['月度统计表', '进展情况统计表', '单位负责人', '数据校验']) expect(text).toContain(needle);
    } finally { fs.rmSync(out, { recursive: true, force: true }); }
  }, 180_000);
});
