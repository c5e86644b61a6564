import { test, expect, login } from './fixtures';

test.describe('first run', () => {
  test('setup wizard → login → dashboard shows the demo township counts', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: '首次使用：设置本乡镇' })).toBeVisible();
    await page.getByLabel('使用演示数据', { exact: false }).check();
    await page.getByLabel('管理员密码（至少6位）').fill('admin123');
    await page.getByLabel('再次输入密码').fill('admin123');
    await page.getByRole('button', { name: '完成设置' }).click();
    // building the 600-household demo takes a minute and more on a busy 2-core machine (a budget, not a wait)
    await expect(page.getByRole('button', { name: '登录' })).toBeVisible({ timeout: 120_000 });
    await login(page, app.url);
    const r = app.cli(['call', 'dashboard.summary', '{}']);
    const totals = JSON.parse(r.stdout).value.totals;
    expect(totals.households).toBeGreaterThan(300);
    await expect(page.getByTestId('stat-households')).toHaveText(`${totals.households} 户`);
    await expect(page.getByTestId('stat-persons')).toHaveText(`${totals.persons} 人`);
    await expect(page.getByRole('img', { name: '各村在保户数柱状图' })).toContainText('石桥村');
  });

  test('a bad division code is refused by main with the reason', async ({ page, app }) => {
    await page.goto(app.url);
    await page.getByLabel('乡镇（街道）名称').fill('青溪镇');
    await page.getByLabel('统计用区划代码（12位）').fill('5109');
    await page.getByLabel('所属县（市、区）').fill('示范县');
    await page.getByLabel('管理员密码（至少6位）').fill('admin123');
    await page.getByLabel('再次输入密码').fill('admin123');
    await page.getByRole('button', { name: '完成设置' }).click();
    await expect(page.getByRole('alert')).toContainText('请按各项下方的提示修改（1 处）');
    await expect(page.getByText('统计用区划代码应为 12 位数字')).toBeVisible();
  });
});

test.describe('with the demo township', () => {
  test.use({ demo: true });

  test('a wrong password shows the error', async ({ page, app }) => {
    await page.goto(app.url);
    await page.getByLabel('用户名').fill('admin');
    await page.getByRole('textbox', { name: '密码', exact: true }).fill('nope');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
  });

  test('a 只读 user sees the data but is offered no save (the router refuses it too: foundation-auth)', async ({ page, app }) => {
    await login(page, app.url, 'chakan', 'demo1234');
    await expect(page.getByTestId('stat-households')).toBeVisible();
    await page.getByRole('link', { name: '系统设置', exact: true }).click();
    await page.getByRole('tab', { name: '参数' }).click();
    await expect(page.getByLabel('无操作多少分钟后锁定窗口')).toBeDisabled();
    await expect(page.getByRole('button', { name: '保存' }).first()).toBeDisabled();
    await expect(page.getByText('只读：参数仅管理员可操作')).toBeVisible();
    const settings = JSON.parse(app.cli(['call', 'settings.get', '{}']).stdout).value;
    expect(settings['security.idleMinutes']).toBeUndefined();
  });

  test('the dashboard screenshot for the README', async ({ page, app }) => {
    await login(page, app.url);
    await expect(page.getByRole('img', { name: '各村在保户数柱状图' })).toBeVisible();
    await expect(page.getByTestId('worklist-已逾期')).toBeVisible(); // the worklist has loaded, not its spinner
    await expect(page.getByTestId('health-badge')).toHaveAttribute('data-state', 'ready', { timeout: 120_000 }); // the check's result, not its bar
    await page.screenshot({ path: 'docs/screenshot.png' });
  });
});
