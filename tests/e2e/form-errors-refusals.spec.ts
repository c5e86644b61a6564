import { test, expect, login } from './fixtures';

test.use({ demo: true });
test.describe.configure({ timeout: 240_000 });

// Issue 18 items 1-3: a rule main refuses (not only zod) is shown under the field it is about, what was typed stays;
// the 发放月份 box reads 2026年11月 and takes what a clerk types.

test('a procedure step dated before the last step is refused under its date box, with the typed facts kept', async ({ page, app }) => {
  const r = app.cli(['call', 'applications.list', JSON.stringify({ stage: '调查中', pageSize: 50 })]);
  const out = JSON.parse(r.stdout);
  const caseId = (out.value ?? out).rows[0].id as number;

  await login(page, app.url, 'jingban', 'demo1234');
  await page.goto(`${app.url}#/applications/${caseId}`);
  const next = page.getByTestId('next-steps');
  await next.getByRole('button', { name: '入户调查', exact: true }).click();
  const form = page.getByRole('form', { name: '登记入户调查' });
  const date = form.getByRole('textbox', { name: '入户调查日期', exact: true });
  await date.fill('2020/1/2');
  await form.getByRole('textbox', { name: '调查人员（至少 2 人，用顿号分隔）' }).fill('王调查、刘村干');
  await form.getByRole('textbox', { name: '在场并签字的家庭成员（用顿号分隔）' }).fill('户主');
  await form.getByRole('textbox', { name: '调查情况' }).fill('住房简陋，收入不稳定');
  await form.getByRole('button', { name: '提交入户调查' }).click();
  // under the date box, in words with a Chinese date; the other boxes are not marked and keep their text
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription(/日期不能早于上一步（\d{4}年\d{1,2}月\d{1,2}日）/);
  await expect(date).toHaveValue('2020年1月2日');
  await expect(form.getByRole('textbox', { name: '调查情况' })).toHaveValue('住房简陋，收入不稳定');
  await expect(form.getByRole('textbox', { name: '调查情况' })).not.toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: 'test-results/refusal-step-date.png' });
});

test('archive settings, 村组地址 and 发放月份: each refusal under its field, months read 2026年11月', async ({ page, app }) => {
  await login(page, app.url);

  await page.goto(`${app.url}#/archive/settings`);
  const pattern = page.getByRole('textbox', { name: '档号格式' });
  await pattern.fill('{全宗号}-{年度}');
  await page.getByRole('button', { name: '保存档案设置' }).click();
  await expect(pattern).toHaveAccessibleDescription(/档号格式必须含 \{件号\}/);
  await expect(pattern).toHaveValue('{全宗号}-{年度}');
  await page.screenshot({ path: 'test-results/refusal-archive-settings.png' });

  await page.goto(`${app.url}#/settings/regions`);
  const tree = JSON.parse(app.cli(['call', 'regions.tree', '{}']).stdout);
  const village = ((tree.value ?? tree)[0].children[0].name) as string;
  const box = page.getByRole('textbox', { name: '新增村/居名称' });
  await box.fill(village);
  await page.getByRole('button', { name: '新增村/居' }).click();
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toHaveAccessibleDescription(new RegExp(`已有“${village}”`));
  await expect(box).toHaveValue(village);
  await page.mouse.wheel(0, 10_000); // the township's box is at the end of the tree: show it with its message
  await page.screenshot({ path: 'test-results/refusal-regions.png' });

  await page.goto(`${app.url}#/payroll`);
  const month = page.getByRole('textbox', { name: '发放月份' });
  await expect(month).toHaveValue(/^\d{4}年\d{1,2}月$/);
  await month.fill('2026-10');
  await month.blur();
  await expect(month).toHaveValue('2026年10月');
  await month.fill('202609');
  await month.blur();
  await expect(month).toHaveValue('2026年9月');
  await expect(page.getByText(/发放对象（\d+ 户）/)).toBeVisible();
  await month.fill('2026年13月');
  await month.blur();
  await expect(month).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: 'test-results/payroll-month.png' });
});

test('保障标准 and 公示 forms: the refused field is marked with main\'s words, the typed values stay', async ({ page, app }) => {
  await login(page, app.url);
  await page.goto(`${app.url}#/settings/standards`);
  const year = page.getByRole('textbox', { name: '年度' });
  await year.fill('明年');
  await page.getByRole('textbox', { name: '城市低保标准（元/人·月）' }).fill('980');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(year).toHaveAttribute('aria-invalid', 'true');
  await expect(year).toHaveAccessibleDescription('年份应为 4 位数字');
  await expect(year).toHaveValue('明年');
  await expect(page.getByRole('textbox', { name: '城市低保标准（元/人·月）' })).toHaveValue('980');
  await page.screenshot({ path: 'test-results/refusal-standards.png' });

  // 公示设置: the refused 发布单位 says how long it may be, under the box
  await page.goto(`${app.url}#/notices/settings`);
  const issuer = page.getByRole('textbox', { name: '发布单位（盖章单位）' });
  await issuer.fill('青'.repeat(200));
  await page.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect(issuer).toHaveAttribute('aria-invalid', 'true');
  await expect(issuer).toHaveAccessibleDescription(/最多 40 个字/);
  await expect(issuer).toHaveValue('青'.repeat(200));
  await page.screenshot({ path: 'test-results/refusal-notice-settings.png' });
});
