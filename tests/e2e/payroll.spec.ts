import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { test, expect, login } from './fixtures';

test.use({ demo: true });

test('the reviewer reads last month as closed, checks this month and closes it from the keyboard', async ({ page, app }) => {
  await login(page, app.url, 'shenhe', 'demo1234');
  await page.goto(`${app.url}#/payroll`);
  await expect(page.getByText(/^已锁定：/)).toBeVisible();
  await expect(page.getByRole('table', { name: '发放对象' })).toContainText('建档导入');
  // A reviewer has no sensitive.read: accounts are masked.
  await expect(page.getByRole('table', { name: '发放对象' }).locator('td').filter({ hasText: /^\d{4}\*+\d{4}$/ }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/payroll-closed.png', fullPage: false });
  const now = new Date();
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const input = page.getByLabel('发放月份');
  await input.fill(month);
  await expect(page.getByText('未锁定（按现行决定计算的草稿）')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '锁定前校验：全部通过' })).toBeVisible();
  await page.getByRole('button', { name: '锁定本月发放名册' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^已锁定：/)).toBeVisible();
  await page.screenshot({ path: 'test-results/payroll-closing.png', fullPage: false });
});

/** The month before `month` (YYYY-MM). */
const monthBefore = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
const thisMonth = () => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`; };

test('the reviewer imports last month\'s 发放表: the dry run lists the bad row, the clean file is confirmed and the month shows as 导入', async ({ page, app }) => {
  const last = monthBefore(thisMonth());
  expect(app.cli(['call', 'payroll.reopen', JSON.stringify({ period: last, reason: '改为导入原发放表' })]).status).toBe(0);
  const out = JSON.parse(app.cli(['call', 'payroll.month', JSON.stringify({ period: monthBefore(last), pageSize: 500 })]).stdout);
  const prev = (out.value ?? out) as { lines: { headName: string; headId: string; baseFen: number; topUpFen: number }[] };
  const sheetName = `${Number(last.slice(0, 4))}年${Number(last.slice(5))}月`;
  const write = async (file: string, bad: boolean) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(sheetName);
    ws.addRow(['序号', '户主姓名', '身份证号码', '月保障金', '分类施保金']);
    prev.lines.forEach((l, i) => ws.addRow([i + 1, l.headName, l.headId, bad && i === 1 ? '五百元' : l.baseFen / 100, l.topUpFen / 100]));
    await wb.xlsx.writeFile(file);
  };
  fs.mkdirSync('test-results', { recursive: true });
  const badFile = path.resolve('test-results', '发放表-有误.xlsx');
  const goodFile = path.resolve('test-results', '发放表.xlsx');
  await write(badFile, true);
  await write(goodFile, false);

  await login(page, app.url, 'shenhe', 'demo1234');
  await page.goto(`${app.url}#/payroll`);
  const card = page.getByLabel('导入以前月份的发放表');
  await card.locator('input[type=file]').setInputFiles(badFile);
  await card.getByRole('button', { name: '试导入' }).click();
  await expect(card.getByRole('alert')).toContainText('试导入：1 个问题，未导入任何数据');
  await expect(card.getByRole('table', { name: '问题行' })).toContainText('无法识别的金额“五百元”');
  await expect(card.getByRole('table', { name: '问题行' })).toContainText('D列（月保障金）');
  await expect(card.getByRole('button', { name: /确认导入/ })).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/payroll-history-bad.png', fullPage: false });

  await card.locator('input[type=file]').setInputFiles(goodFile);
  await card.getByRole('button', { name: '试导入' }).click();
  await expect(card.getByText('试导入：没有问题')).toBeVisible();
  // months read as people write them (2026年11月), not YYYY-MM
  await expect(card.getByRole('table', { name: '导入月份' })).toContainText(`${Number(last.slice(0, 4))}年${Number(last.slice(5, 7))}月`);
  await card.getByRole('button', { name: '确认导入 1 个月' }).click();
  await expect(card.getByText('导入完成')).toBeVisible();
  await page.getByLabel('发放月份').fill(last);
  await expect(page.getByText(/^已锁定：.*（历史导入）$/)).toBeVisible();
  await page.screenshot({ path: 'test-results/payroll-history-done.png', fullPage: true });
});

test('只读 reads the payroll with no write control: it is told who may close, reopen, import and make the bank file', async ({ page, app }) => {
  await login(page, app.url, 'chakan', 'demo1234');
  await page.goto(`${app.url}#/payroll`);
  await expect(page.getByText(/^已锁定：/)).toBeVisible();
  await expect(page.getByText('导入以前月份的发放表：仅管理员、审核人可操作')).toBeVisible();
  await expect(page.getByText(/^生成银行一卡通发放清单（含身份证号和账号）：仅/)).toBeVisible();
  await expect(page.getByText('解锁：仅管理员可操作')).toBeVisible();
  await expect(page.locator('input[type=file]')).toHaveCount(0);
  await page.getByLabel('发放月份').fill(thisMonth());
  await expect(page.getByText('未锁定（按现行决定计算的草稿）')).toBeVisible();
  await expect(page.getByText('锁定本月发放名册：仅管理员、审核人可操作')).toBeVisible();
  const writes = page.getByRole('main').getByRole('button', { name: /锁定|解锁|导入|生成/ });
  await expect(writes).toHaveCount(0);
  await page.screenshot({ path: 'test-results/payroll-readonly.png', fullPage: true });
});
