import { test, expect, login } from './fixtures';

test.use({ demo: true });

// Main refuses a form with several bad fields at once: each message is shown under its own field, none is lost.
test('forms report every refused field at once under the field (新建用户, 登记人员)', async ({ page, app }) => {
  test.setTimeout(240_000);
  await login(page, app.url);

  await page.goto(`${app.url}#/settings/users`);
  await page.getByRole('textbox', { name: '用户名' }).fill('a b');
  await page.getByRole('textbox', { name: '姓名' }).fill('新同事');
  await page.getByLabel('初始密码').fill('123');
  await page.getByRole('button', { name: '新建用户' }).click();
  await expect(page.getByRole('textbox', { name: '用户名' })).toHaveAccessibleDescription(/用户名只能含字母、数字、汉字和 _ \. -/);
  await expect(page.getByLabel('初始密码')).toHaveAccessibleDescription(/密码至少 6 位/);
  await expect(page.getByRole('textbox', { name: '姓名' })).not.toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: 'test-results/form-errors-users.png' });

  await page.goto(`${app.url}#/relatives/staff`);
  const form = page.getByRole('form', { name: '登记人员' });
  await form.getByRole('textbox', { name: '姓名' }).fill('张'.repeat(40));
  await form.getByRole('textbox', { name: '身份证号' }).fill('123');
  await form.getByRole('textbox', { name: '任期开始' }).fill('2026/3/1');
  await form.getByRole('button', { name: '登记人员' }).click();
  await expect(form.getByRole('textbox', { name: '姓名' })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('textbox', { name: '身份证号' })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('textbox', { name: '任期开始' })).toHaveValue('2026年3月1日');
  await expect(form.getByRole('textbox', { name: '任期开始' })).not.toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: 'test-results/form-errors-staff.png' });
});
