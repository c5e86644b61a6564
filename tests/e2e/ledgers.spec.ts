import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, login } from './fixtures';

test.use({ demo: true });

test('a clerk sees the monthly checks and puts the signed package on a folder in one step', async ({ page, app }) => {
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-usb-'));
  try {
    await login(page, app.url, 'jingban', 'demo1234');
    await page.goto(`${app.url}#/ledgers/package`);
    await expect(page.getByRole('status').filter({ hasText: '数据校验' })).toBeVisible();
    await page.getByLabel('目标文件夹（U盘）').fill(usb);
    const accept = page.getByLabel('校验未通过，已了解原因，仍然导出');
    if (await accept.isVisible()) await accept.check();
    await page.getByRole('button', { name: '导出报送包' }).click();
    await expect(page.getByText('报送包已写入并校验通过')).toBeVisible({ timeout: 60_000 });
    const [folder] = fs.readdirSync(usb);
    expect(folder).toMatch(/^510902105000_\d{4}-\d{2}_001$/);
    await expect(page.getByText(folder).first()).toBeVisible();
    const verify = app.cli(['verify', path.join(usb, folder)]);
    expect(verify.status).toBe(0);
  } finally { fs.rmSync(usb, { recursive: true, force: true }); }
});

test('exporting to a folder that does not exist explains why nothing was written', async ({ page, app }) => {
  await login(page, app.url);
  await page.goto(`${app.url}#/ledgers/package`);
  await page.getByLabel('目标文件夹（U盘）').fill(path.join(os.tmpdir(), 'no-such-usb-drive'));
  const accept = page.getByLabel('校验未通过，已了解原因，仍然导出');
  if (await accept.isVisible()) await accept.check();
  await page.getByRole('button', { name: '导出报送包' }).click();
  await expect(page.getByRole('alert', { name: '报送包未导出' })).toContainText('目标位置不存在');
});
