import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test, expect, login } from './fixtures';

test.use({ demo: true });

test('a township runs a campaign for one village end to end and prints its signed-off sheet', async ({ page, app }) => {
  await login(page, app.url);
  await page.goto(`${app.url}#/rechecks/team`);
  for (const [name, role] of [['戴亮', '驻村领导'], ['魏平', '驻村干部'], ['陈宗刚', '村干部']]) {
    await page.getByLabel('姓名').fill(name);
    await page.getByRole('combobox', { name: '身份' }).click();
    await page.getByRole('option', { name: role, exact: true }).click();
    await page.getByRole('button', { name: '添加成员' }).click();
    await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  }

  await page.goto(`${app.url}#/rechecks/campaigns`);
  await page.getByLabel('行动名称').fill('2026年城乡低保精准兜底专项提升行动');
  await page.getByLabel('统计时点（该日在保的户）').fill('2026-11-01');
  await page.getByRole('button', { name: '建立专项行动' }).click();
  await expect(page.getByTestId('overall-progress')).toContainText('已出处理意见 0 户');

  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByText('清理核实', { exact: false }).first()).toBeVisible();
  await page.getByRole('combobox', { name: '驻村领导（组长）' }).click();
  await page.getByRole('option', { name: '戴亮' }).click();
  await page.getByRole('combobox', { name: '驻村干部', exact: true }).click();
  await page.getByRole('option', { name: '魏平' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: '村干部', exact: true }).click();
  await page.getByRole('option', { name: '陈宗刚' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '保存清理小组' }).click();
  await expect(page.getByText('已保存清理小组')).toBeVisible();

  const rows = page.getByTestId('campaign-household');
  const first = rows.first();
  const firstHead = (await first.getByRole('link').textContent())!;
  await first.getByRole('button', { name: '登记' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('入户日期').fill('2026-11-10');
  await dialog.getByLabel('核查人').fill('魏平');
  await dialog.getByLabel('入户核查情况').fill('入户核实，家庭成员、收入无变化');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(first).toContainText('维持');

  // 渐退 (issue 13 item 6): refused without the 第三十三条 confirmation, main's message under the checkbox; then recorded.
  const second = rows.nth(1);
  await second.getByRole('button', { name: '登记' }).click();
  await dialog.getByLabel('入户日期').fill('2026-11-10');
  await dialog.getByLabel('核查人').fill('魏平');
  await dialog.getByLabel('入户核查情况').fill('长子在县城务工，家庭人均收入超过标准');
  await dialog.getByRole('combobox', { name: '处理意见' }).click();
  await page.getByRole('option', { name: '渐退', exact: true }).click();
  await dialog.getByLabel('调整后月保障金（元，不含分类施保）').fill('300');
  await dialog.getByLabel('就业增收情况（谁、在何处就业、月收入）').fill('长子在县城务工，月工资 3,000 元');
  await dialog.getByLabel('理由（写入告知书）').fill('家庭人均收入超过低保标准');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByTestId('article-33')).toContainText('请确认：家庭成员就业（务工）后人均收入已超过低保标准');
  await page.screenshot({ path: 'test-results/recheck-phase-out-article33.png', fullPage: true });
  await dialog.getByLabel(/确认符合第三十三条/).check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(second).toContainText('渐退');

  await page.getByLabel('全选未处理的户').check();
  await page.getByLabel('入户日期').fill('2026-11-11');
  await page.getByLabel('核查人').fill('陈宗刚');
  await page.getByRole('button', { name: /所选 \d+ 户登记“维持”/ }).click();
  await expect(page.getByText(/已出处理意见 (\d+) 户/)).toBeVisible();
  const count = await rows.count();
  await expect(page.getByText(`已出处理意见 ${count} 户`)).toBeVisible();

  await page.getByRole('button', { name: '打印已填登记表' }).click();
  const link = page.getByRole('link', { name: '下载PDF' });
  await expect(link).toBeVisible();
  const pdf = path.join(app.dataDir, 'outbox', (await link.getAttribute('download'))!);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('清理核实登记表');
  expect(text).toContain(firstHead);
  for (const role of ['驻村领导', '驻村干部', '村干部']) expect(text).toContain(`${role}（签字）`);

  await page.getByLabel('交回日期').fill('2026-11-20');
  await page.getByRole('button', { name: '登记交回' }).click();
  await expect(page.getByText('已于 2026年11月20日 交回')).toBeVisible();
});
