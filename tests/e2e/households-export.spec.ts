import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { test, expect, login } from './fixtures';

test.use({ demo: true });
test.describe.configure({ timeout: 180_000 });

const ID18 = /\d{17}[\dX]/;

test('the filtered household list exports to xlsx with exactly the filtered rows, and prints with ID numbers masked for 只读', async ({ page, app }) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-hh-list-'));
  await login(page, app.url, 'chakan', 'demo1234');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '户档案' }).click();
  await page.getByRole('combobox', { name: '状态' }).click();
  await page.getByRole('option', { name: '在保', exact: true }).click();
  await page.getByRole('combobox', { name: '村/居' }).click();
  const village = (await page.getByRole('option').first().innerText()).trim();
  await page.getByRole('option').first().click();
  await expect(page.getByTestId('household-total')).toHaveText(/共 \d+ 户/);
  const shown = Number(/共 (\d+) 户/.exec(await page.getByTestId('household-total').innerText())![1]);
  expect(shown).toBeGreaterThan(0);

  // What main lists for the same filter (as the CLI operator, with full numbers).
  const tree = JSON.parse(app.cli(['call', 'regions.tree', '{}']).stdout);
  const villageId = (tree.value ?? tree)[0].children.find((v: { name: string }) => v.name === village).id;
  const listed = JSON.parse(app.cli(['call', 'households.list', JSON.stringify({ status: '在保', villageId, pageSize: 500 })]).stdout);
  const expected = (listed.value ?? listed).rows as { id: number; headName: string; headIdNumber: string; monthlyFen: number }[];
  expect(expected.length).toBe(shown);
  const all = JSON.parse(app.cli(['call', 'households.list', JSON.stringify({ pageSize: 1 })]).stdout);
  expect((all.value ?? all).total).toBeGreaterThan(shown); // the filter really narrows the list

  await page.getByRole('button', { name: '导出当前列表（Excel）' }).click();
  const link = page.getByTestId('household-export-link');
  await expect(link).toBeVisible();
  const xlsx = await page.request.get(new URL(await link.getAttribute('href') ?? '', page.url()).toString());
  expect(xlsx.ok()).toBe(true);
  const file = path.join(tmp, 'list.xlsx');
  fs.writeFileSync(file, await xlsx.body());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  expect(String(ws.getCell('A1').value)).toContain(`筛选：在保，${village}`);
  const header = (ws.getRow(2).values as unknown[]).slice(1).map(String);
  expect(header).toEqual(['序号', '档案号', '户主', '户主身份证号', '村/组', '保障类别', '状态', '家庭人口', '保障人口', '月保障金（元）', '起始年月']);
  const rows: { id: number; name: string; idNumber: string; yuan: number; status: string }[] = [];
  ws.eachRow((row, n) => {
    if (n <= 2 || row.getCell(2).value == null) return;
    rows.push({ id: Number(row.getCell(2).value), name: String(row.getCell(3).value), idNumber: String(row.getCell(4).value),
      yuan: Number(row.getCell(10).value), status: String(row.getCell(7).value) });
  });
  expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  expect(rows.map((r) => r.name)).toEqual(expected.map((r) => r.headName));
  expect(rows.map((r) => r.yuan)).toEqual(expected.map((r) => r.monthlyFen / 100));
  expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['在保']));
  // 只读 has no sensitive.read: every ID number in the workbook is masked.
  for (const r of rows) { expect(r.idNumber).not.toMatch(ID18); expect(r.idNumber).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/); }

  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: '打印当前列表' }).click();
  const pdf = await page.request.get((await popup).url());
  fs.writeFileSync(path.join(tmp, 'list.pdf'), await pdf.body());
  const text = execFileSync('pdftotext', ['-layout', path.join(tmp, 'list.pdf'), '-'], { encoding: 'utf8' });
  expect(text).toContain('户档案列表');
  expect(text).toContain(`共 ${shown} 户`);
  expect(text).not.toMatch(ID18);
  expect(text).toContain(rows[0].idNumber);

  // The same list printed by an account with sensitive.read (the CLI operator, 管理员) carries the full numbers.
  const out = path.join(tmp, 'admin.pdf');
  expect(app.cli(['print', 'households.list', '--out', out, '--json', JSON.stringify({ status: '在保', villageId })]).status).toBe(0);
  const adminText = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
  expect(adminText).toContain(expected[0].headIdNumber);
  fs.rmSync(tmp, { recursive: true, force: true });
});
