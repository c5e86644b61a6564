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
