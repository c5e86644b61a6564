import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, login } from './fixtures';

test.use({ demo: true });

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const daysAgo = (n: number) => iso(new Date(Date.now() - n * 86_400_000));

/** Opens a step's form, dates it and fills its fields by label, then submits and waits for the record. */
async function step(page: Page, label: string, date: string, fields: Record<string, string> = {}) {
  await page.getByRole('button', { name: label, exact: true }).click();
  const form = page.getByRole('form', { name: `登记${label}` });
  await form.getByRole('textbox', { name: `${label}日期`, exact: true }).fill(date);
  for (const [name, value] of Object.entries(fields)) await form.getByRole('textbox', { name, exact: true }).fill(value);
  await form.getByRole('button', { name: `提交${label}` }).click();
  await expect(page.getByText(`已登记：${label}`)).toBeVisible();
}

test('one application runs from 申请 to 确认 in the UI, shows the amount, prints the 审核确认表 with it and files it into the household bag', async ({ page, app }) => {
  await login(page, app.url);
  const start = daysAgo(12);
  await page.goto(`${app.url}#/applications/new`);
  const householdId = await page.getByRole('radio', { disabled: false }).first().getAttribute('value');
  await page.getByRole('radio', { disabled: false }).first().check();
  await page.getByLabel('申请日期').fill(start);
  await page.getByLabel('申请理由').fill('户主患病，家庭收入低');
  await page.getByRole('button', { name: '登记申请' }).click();
  await expect(page.getByText('办理记录（只增不改）')).toBeVisible();

  await step(page, '受理', start);
  await step(page, '入户调查', start, { '调查人员（至少 2 人，用顿号分隔）': '王调查、刘村干', '在场并签字的家庭成员（用顿号分隔）': '户主', '调查情况': '住房简陋，无稳定收入' });
  await step(page, '信息核对申请', start);
  await step(page, '信息核对结果', start, { '核对结果': '无车辆、无工商登记、无存款异常' });
  await step(page, '邻里访问', start, { '走访对象': '邻居两户', '走访情况': '情况属实' });
  // 初审 and 审核确认 by different accounts (on by default): 王审核 gives the 初审意见, the administrator confirms.
  const caseUrl = page.url();
  const relogin = async (user: string, password: string) => {
    await page.getByRole('button', { name: '退出' }).click();
    await login(page, app.url, user, password);
    await page.goto(caseUrl);
  };
  await relogin('shenhe', 'demo1234');
  await step(page, '初审意见', start, { '理由': '符合条件' });
  await relogin('admin', 'admin123');
  await step(page, '公示开始', start, { '公示地点': '村务公开栏' });
  await step(page, '公示结束', daysAgo(5));
  // The demo township is not delegated: the 审核确认 records the county's decision from its reply.
  await expect(page.getByText(/由示范县民政局审核确认（登记县级决定）/)).toBeVisible();
  await page.getByRole('button', { name: '审核确认', exact: true }).click();
  const confirm = page.getByRole('form', { name: '登记审核确认' });
  const county = confirm.getByTestId('county-decision');
  await expect(county.getByRole('textbox', { name: '县级民政部门（单位）' })).toHaveValue('示范县民政局');
  await county.getByRole('textbox', { name: '县级审核确认人' }).fill('陈科长');
  await county.getByRole('textbox', { name: '文号' }).fill('示民发〔2026〕31号');
  await county.getByRole('textbox', { name: '县级决定日期' }).fill(daysAgo(0));
  await county.getByRole('textbox', { name: '县级决定日期' }).press('Tab');
  await page.screenshot({ path: 'test-results/application-county-form.png', fullPage: true });
  await step(page, '审核确认', daysAgo(0), { '审核确认意见': '同意' });
  await expect(page.getByRole('row').filter({ hasText: '审核确认' }).filter({ hasText: '县级决定：示范县民政局 陈科长，示民发〔2026〕31号' })).toBeVisible();
  await page.screenshot({ path: 'test-results/application-county-decision.png', fullPage: true });

  await expect(page.getByText('已确认').first()).toBeVisible();
  const amountText = await page.getByTestId('benefit-amount').innerText();
  const amount = /月保障金 ([\d,.]+) 元/.exec(amountText)![1].replaceAll(',', '');
  expect(Number(amount)).toBeGreaterThan(0);
  await expect(page.getByText('保障金核算（已确认）')).toBeVisible();

  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: '审核确认表' }).click();
  const pdfUrl = (await popup).url();
  const pdf = await page.request.get(pdfUrl);
  expect(pdf.ok()).toBe(true);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-pdf-')), 'confirm.pdf');
  fs.writeFileSync(file, await pdf.body());
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('最低生活保障审核确认表');
  expect(text).toContain(`月保障金合计：${amount} 元`);

  await page.getByRole('button', { name: '存入档案袋' }).click();
  await expect(page.getByText(/已存入档案袋（档号 /)).toBeVisible();
  await page.goto(`${app.url}#/archive/bag/${householdId}`);
  const filed = page.getByRole('table', { name: '卷内目录' }).getByRole('row').filter({ hasText: '审核确认表' });
  await expect(filed.getByRole('button', { name: '查看PDF' })).toBeVisible();
});

test('the worklist shows the overdue investigation of an accepted case by village', async ({ page, app }) => {
  await login(page, app.url);
  await page.goto(`${app.url}#/applications/new`);
  await page.getByRole('radio', { disabled: false }).first().check();
  await page.getByLabel('申请日期').fill(daysAgo(20));
  await page.getByRole('button', { name: '登记申请' }).click();
  await step(page, '受理', daysAgo(20));
  const id = /#\/applications\/(\d+)/.exec(page.url())![1];
  await page.goto(`${app.url}#/applications/worklist`);
  // this case's own row: the demo, built for today, may have its own overdue investigations in the same list
  const row = page.getByRole('row').filter({ has: page.locator(`a[href="#/applications/${id}"]`) });
  await expect(row).toContainText('受理后 3 个工作日内启动调查');
  await expect(row).toContainText('已逾期');
});

test('a 审核人 sets the special 45-day limit later with a reason (error under the field), and the settings offer who-decides switches', async ({ page, app }) => {
  const r = app.cli(['call', 'applications.list', JSON.stringify({ stage: '调查中', pageSize: 50 })]);
  const out = JSON.parse(r.stdout);
  const caseId = (out.value ?? out).rows[0].id as number;
  await login(page, app.url, 'shenhe', 'demo1234');
  await page.goto(`${app.url}#/applications/${caseId}`);
  await expect(page.getByText('全程 30 个工作日内办结')).toBeVisible();
  await page.getByRole('button', { name: '按特殊情况延长办理时限…' }).click();
  const form = page.getByRole('form', { name: '特殊情况办理时限' });
  const reason = form.getByRole('textbox', { name: '延长理由' });
  await reason.fill('无');
  await reason.press('Tab');
  await form.getByRole('button', { name: '确认延长' }).press('Enter');
  await expect(form.getByText('请写明按特殊情况延长办理时限的理由（至少 4 个字）')).toBeVisible();
  await reason.fill('户主在外地住院，需异地核查');
  await form.getByRole('button', { name: '确认延长' }).click();
  await expect(page.getByText('全程 45 个工作日内办结')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '特殊情况办理时限' }).filter({ hasText: '户主在外地住院，需异地核查' })).toContainText('王审核');
  await expect(page.getByRole('button', { name: '按特殊情况延长办理时限…' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/application-special-limit.png', fullPage: true });

  await page.getByRole('button', { name: '退出' }).click();
  await login(page, app.url, 'admin', 'admin123');
  await page.goto(`${app.url}#/settings`);
  await page.getByRole('tab', { name: /保障标准/ }).click();
  const separate = page.getByRole('switch', { name: '初审与审核确认须由不同账号办理' });
  await expect(separate).toBeChecked();
  await expect(page.getByRole('switch', { name: '县级已将审核确认权限下放乡镇（新申请）' })).not.toBeChecked();
  await page.screenshot({ path: 'test-results/settings-who-decides.png', fullPage: true });
});
