import path from 'node:path';
import { test, expect, login } from './fixtures';

test.use({ demo: true });
test.describe.configure({ timeout: 180_000 });

test('the audit log reads in Chinese: action names from the channel titles, amounts in 元, links to the records, no raw JSON', async ({ page, app }) => {
  await login(page, app.url);
  await page.goto(`${app.url}#/settings/audit`);
  const table = page.getByRole('table');
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const text = await table.innerText();
  expect(text).toContain('登录');                    // auth.login's title
  expect(text).not.toMatch(/\b[a-z]+\.[a-zA-Z]+\b/);  // no channel code such as auth.login
  expect(text).not.toMatch(/[{}"]/);                  // no JSON
  expect(text).not.toMatch(/Fen\b/);

  // 月度发放锁定 carries amounts: shown in 元. Filter by the action's Chinese name.
  await page.getByRole('combobox', { name: '操作' }).fill('锁定');
  await page.getByRole('option', { name: /锁定月度发放名册/ }).click();
  await expect(table).toContainText(/合计：[\d,.]+ 元/);
  await page.goto(`${app.url}#/settings/users`); await page.goto(`${app.url}#/settings/audit`);

  // A step row links to its case.
  await page.getByRole('combobox', { name: '对象类型' }).fill('办理步骤');
  await page.getByRole('option', { name: '办理步骤' }).click();
  const link = table.getByRole('link').first();
  await expect(link).toHaveAttribute('href', /#\/applications\/\d+/);
  await expect(table).toContainText('环节：');
  await page.goto(`${app.url}#/settings/users`); await page.goto(`${app.url}#/settings/audit`);
  await expect(table).toContainText('登录');
  await page.screenshot({ path: path.resolve('docs/audit-log.png'), fullPage: false });
  await link.click().catch(() => undefined);
});
