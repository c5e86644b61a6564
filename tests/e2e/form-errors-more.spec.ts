import { test, expect, login } from './fixtures';

test.use({ demo: true });
test.describe.configure({ timeout: 240_000 });

// Issue 18 items 1-2: more forms converted to per-field errors, each refusal from main under its own field.
test('专项行动 phases, 借出档案袋 and 登记申请: main\'s refusal is shown under the field it is about', async ({ page, app }) => {
  await login(page, app.url);

  // 专项行动: a phase ending before it starts is refused under that phase's 结束 box; the name typed stays
  await page.goto(`${app.url}#/rechecks/campaigns`);
  await page.getByRole('textbox', { name: '行动名称' }).fill('2026年冬季专项清理');
  await page.getByRole('textbox', { name: '统计时点（该日在保的户）' }).fill('2026/11/1');
  await page.getByRole('textbox', { name: '抽查开始' }).fill('2026/12/20');
  await page.getByRole('textbox', { name: '抽查结束' }).fill('2026/12/10');
  await page.getByRole('button', { name: '建立专项行动' }).click();
  const end = page.getByRole('textbox', { name: '抽查结束' });
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(end).toHaveAccessibleDescription('阶段“抽查”的结束日期早于开始日期');
  await expect(page.getByRole('textbox', { name: '抽查开始' })).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('textbox', { name: '行动名称' })).toHaveValue('2026年冬季专项清理');
  await page.screenshot({ path: 'test-results/refusal-campaign-phase.png' });

  // 借出档案袋: a one-character borrower is refused under 借阅人
  const bags = JSON.parse(app.cli(['call', 'archive.bags', JSON.stringify({ pageSize: 5 })]).stdout);
  const hh = (bags.value ?? bags).rows[0].householdId as number;
  await page.goto(`${app.url}#/archive/bag/${hh}`);
  const lend = page.getByRole('form', { name: '借出档案袋' });
  await lend.getByRole('textbox', { name: '借阅人（单位、姓名）' }).fill('王');
  await lend.getByRole('textbox', { name: '用途' }).fill('县级抽查');
  await lend.getByRole('button', { name: '登记借出' }).click();
  await expect(lend.getByRole('textbox', { name: '借阅人（单位、姓名）' })).toHaveAccessibleDescription('请填写借阅人（单位、姓名）');
  await expect(lend.getByRole('textbox', { name: '用途' })).toHaveValue('县级抽查');
  await page.screenshot({ path: 'test-results/refusal-archive-lend.png' });

  // 登记申请 for a household that already has one open: under 申请的户
  const list = JSON.parse(app.cli(['call', 'applications.list', JSON.stringify({ stage: '调查中', pageSize: 5 })]).stdout);
  const open = (list.value ?? list).rows[0] as { id: number; householdId: number };
  await page.goto(`${app.url}#/applications/new/${open.householdId}`);
  await page.getByRole('textbox', { name: '申请理由' }).fill('再次申请');
  await page.getByRole('button', { name: '登记申请' }).click();
  await expect(page.getByRole('radiogroup', { name: '申请的户' })).toHaveAccessibleDescription(`该户已有办理中的申请（编号 ${open.id}）`);
  await expect(page.getByRole('textbox', { name: '申请理由' })).toHaveValue('再次申请');
  await page.screenshot({ path: 'test-results/refusal-new-application.png' });
});
