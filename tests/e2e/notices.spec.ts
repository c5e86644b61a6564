import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, login } from './fixtures';

test.use({ demo: true });

test('a clerk prints the 长期公示 of one village from the notices page and receives a PDF that lists its recipients', async ({ page, app }) => {
  await login(page, app.url, 'jingban', 'demo1234');
  await page.goto(`${app.url}#/notices/print`);
  await page.getByRole('radio', { name: '长期公示' }).check({ force: true });
  await page.getByRole('combobox', { name: '村/居' }).click();
  await page.getByRole('option').first().click();
  await expect(page.getByText(/将列出 \d+ 户/)).toBeVisible();

  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: '生成长期公示PDF' }).click();
  const tab = await popup;
  expect(tab.url()).toContain('/api/outbox/');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载PDF' }).click();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'notice-')), 'notice.pdf');
  await (await download).saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('最低生活保障对象长期公示');
  expect(text).not.toMatch(/(?<!\d)(\d{17}[\dX]|\d{15})(?!\d)/);

  // the clerk records the posting right after printing
  await page.getByRole('button', { name: '登记张贴' }).click();
  await expect(page.getByText(/可在“张贴记录”中登记异议/)).toBeVisible();
  await page.getByRole('tab', { name: '张贴记录' }).click();
  await expect(page.getByRole('cell', { name: '村务公开栏' })).toBeVisible();
});
