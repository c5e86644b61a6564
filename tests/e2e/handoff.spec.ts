import { test, expect, login } from './fixtures';

test.use({ demo: true });
test.describe.configure({ timeout: 180_000 });

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

test('a 经办人 hands the 初审 to the 审核人\'s queue and the 审核人 confirms it; the step is signed by the 审核人', async ({ page, app }) => {
  // A case of the demo still under investigation: the clerk records what the 初审 needs, in the UI.
  const r = app.cli(['call', 'applications.list', JSON.stringify({ stage: '调查中', pageSize: 50 })]);
  const out = JSON.parse(r.stdout);
  const caseId = (out.value ?? out).rows[0].id as number;
  const today = iso(new Date());

  await login(page, app.url, 'jingban', 'demo1234');
  await page.goto(`${app.url}#/applications/${caseId}`);
  const next = page.getByTestId('next-steps');
  await expect(next).toBeVisible();
  // The clerk is not offered the reviewer's step itself, only the handoff.
  await expect(next.getByRole('button', { name: '初审意见', exact: true })).toHaveCount(0);
  const missing = await page.getByText(/初审前尚缺：/).innerText().catch(() => '');
  const fill = async (label: string, fields: Record<string, string>) => {
    await next.getByRole('button', { name: label, exact: true }).click();
    const form = page.getByRole('form', { name: `登记${label}` });
    await form.getByRole('textbox', { name: `${label}日期`, exact: true }).fill(today);
    for (const [name, value] of Object.entries(fields)) await form.getByRole('textbox', { name, exact: true }).fill(value);
    await form.getByRole('button', { name: `提交${label}` }).click();
    await expect(page.getByText(`已登记：${label}`).first()).toBeVisible();
  };
  if (missing.includes('入户调查')) await fill('入户调查', { '调查人员（至少 2 人，用顿号分隔）': '王调查、刘村干', '在场并签字的家庭成员（用顿号分隔）': '户主', '调查情况': '属实' });
  if (missing.includes('信息核对申请')) await fill('信息核对申请', {});
  if (missing.includes('信息核对')) await fill('信息核对结果', { '核对结果': '无异常' });
  if (missing.includes('邻里访问')) await fill('邻里访问', { '走访对象': '邻居两户', '走访情况': '属实' });
  if (missing.includes('民主评议')) await fill('民主评议', { '评议结论': '同意' });
  await expect(page.getByText(/初审前尚缺：/)).toHaveCount(0);

  await next.getByRole('button', { name: '初审意见（交审核人）' }).click();
  const form = page.getByRole('form', { name: '准备初审意见' });
  await form.getByRole('textbox', { name: '理由', exact: true }).fill('家庭收入低于当地低保标准，经入户调查属实');
  await form.getByRole('button', { name: '交审核人确认' }).click();
  await expect(page.getByTestId('pending-handoff')).toContainText('待审核人确认：初审意见');
  await expect(page.getByTestId('pending-handoff')).toContainText('等待审核人确认或退回');
  await page.getByRole('button', { name: '退出' }).click();

  await login(page, app.url, 'shenhe', 'demo1234');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审核确认' }).click();
  await page.getByRole('tab', { name: '交审核' }).click();
  const queue = page.getByTestId('handoff-queue');
  await expect(queue).toContainText('初审意见');
  await expect(queue).toContainText('家庭收入低于当地低保标准');
  await queue.getByRole('link', { name: new RegExp(`申请 ${caseId}`) }).click();
  await page.getByTestId('pending-handoff').getByRole('button', { name: '确认初审意见' }).click();
  await expect(page.getByText('已确认：初审意见')).toBeVisible();
  await expect(page.getByTestId('pending-handoff')).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: '初审意见' }).filter({ hasText: '家庭收入低于当地低保标准' });
  await expect(row).toContainText('（审核人）');
  await expect(page.getByText('待公示').first()).toBeVisible();

  await page.goto(`${app.url}#/applications/queue`);
  await expect(page.getByText('待审核人确认（0）')).toBeVisible();
});
