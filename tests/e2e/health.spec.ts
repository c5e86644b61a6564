import fs from 'node:fs';
import path from 'node:path';
import { test, expect, login } from './fixtures';

test.use({ demo: true });

/** 首页 数据体检 (issue 17): checked in a worker in the background, shown with its time; the page reuses an unchanged result. */
test('首页 shows the 数据体检 result with its time, 重新体检 checks again, and the page reuses the unchanged result', async ({ page, app }) => {
  await login(page, app.url);
  await expect(page.getByTestId('home')).toHaveAttribute('data-state', 'ready');
  const badge = page.getByTestId('health-badge');
  // the first check waits for the worker thread to load (tens of seconds under tsx on a loaded machine)
  await expect(badge).toHaveAttribute('data-state', 'ready', { timeout: 120_000 });
  await expect(badge.getByText('数据体检问题 0')).toBeVisible();
  await expect(badge.getByText(/^上次体检 \d{4}年\d+月\d+日 \d\d:\d\d，共 \d+ 户$/)).toBeVisible();
  await page.screenshot({ path: 'test-results/home-health.png', fullPage: false });
  await badge.getByRole('button', { name: '重新体检' }).click();
  await expect(badge).toHaveAttribute('data-state', 'ready');
  await page.goto(`${app.url}#/households/health`);
  const root = page.locator('[data-state]:not(main)').filter({ has: page.getByRole('heading', { name: '数据体检' }) });
  await expect(root).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('health-clean')).toBeVisible();
  await expect(page.getByText(/体检（此后数据未变，沿用该次结果），检查了 \d+ 户/)).toBeVisible();
  await page.getByRole('button', { name: '重新体检' }).click();
  await expect(root).toHaveAttribute('data-state', 'ready');
  await expect(page.getByText(/沿用该次结果/)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/data-check-health.png', fullPage: false });
});

/** 全面比对 (issue 17): it says what it does while it runs and what it found, instead of nothing at all. */
test('近亲属 全面比对 shows its progress and says what it compared and found', async ({ page, app }) => {
  await login(page, app.url);
  await page.goto(`${app.url}#/relatives/cases`);
  await expect(page.getByTestId('cases-table')).toBeVisible();
  await page.getByRole('button', { name: '全面比对' }).click();
  await expect(page.getByText(/^比对完成（\d+ 名近亲属 × \d+ 名家庭成员），新发现 0 条$/)).toBeVisible({ timeout: 120_000 });
});

/** 台账清单 (issue 17): an export shows its progress with 取消; cancelled, it leaves no file. */
test('a ledger export can be cancelled from its progress bar and leaves nothing in the outbox', async ({ page, app }) => {
  await login(page, app.url);
  await page.goto(`${app.url}#/ledgers/ledgers`);
  const table = page.getByRole('table', { name: '台账清单' });
  await table.getByRole('button', { name: '导出 Excel' }).first().click();
  const bar = table.locator('[data-job-state]');
  await expect(bar).toHaveAttribute('data-job-state', 'running');
  await bar.getByRole('button', { name: '取消' }).click();
  await expect(page.getByText(/^已取消导出.+，没有留下文件$/)).toBeVisible({ timeout: 120_000 });
  const outbox = path.join(app.dataDir, 'outbox');
  expect(fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((f) => f.endsWith('.xlsx') || f.endsWith('.part')) : []).toEqual([]);
});
