import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, login } from './fixtures';

test.use({ demo: true });

// A tiny valid PNG (1×1), standing in for a scanned page.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('a clerk attaches a scan to a household, sees it in the catalogue and prints the catalogue', async ({ page, app, context }) => {
  await login(page, app.url, 'jingban', 'demo1234');
  await page.evaluate(() => { window.location.hash = '/archive/bag/1'; });
  await expect(page.getByTestId('bag-location')).toContainText('存放位置');

  const form = page.getByRole('form', { name: '登记卷内文件' });
  await form.getByLabel('文件类别').click();
  await page.getByRole('option', { name: '其他', exact: true }).click();
  await form.getByLabel('题名').fill('收入情况说明扫描件');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), form.getByRole('button', { name: '选择扫描件（可选）' }).click()]);
  await chooser.setFiles({ name: '收入说明.png', mimeType: 'image/png', buffer: PNG });
  await form.getByRole('button', { name: '登记到卷内目录' }).click();

  const row = page.getByRole('table', { name: '卷内目录' }).getByRole('row').filter({ hasText: '收入情况说明扫描件' });
  await expect(row).toBeVisible();
  await expect(row.getByRole('button', { name: '查看PNG' })).toBeVisible();

  const popup = context.waitForEvent('page');
  await page.getByRole('button', { name: '打印卷内目录' }).click();
  await popup;
  const link = page.getByRole('link', { name: '下载PDF' }).first();
  await expect(link).toBeVisible();
  const pdf = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).toString());
  expect(pdf.ok()).toBe(true);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'archive-e2e-')), 'catalogue.pdf');
  fs.writeFileSync(file, await pdf.body());
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain('卷内目录');
  expect(text).toContain('收入情况说明扫描件');

  const check = app.cli(['check']);
  expect(JSON.parse(check.stdout).checks.find((c: { name: string }) => c.name.includes('档案库'))).toMatchObject({ ok: true, details: { files: 1 } });
});
