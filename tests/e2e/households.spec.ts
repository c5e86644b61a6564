import { test, expect, login } from './fixtures';
import { makeIdNumber } from '../../src-main/domain/idNumber';

test.use({ demo: true });

const headId = makeIdNumber('440524', '1958-04-12', 7, true);
const wifeId = makeIdNumber('440524', '1960-09-30', 8, false);

async function pick(page: import('@playwright/test').Page, label: string, option: string) {
  await page.getByLabel(label).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a clerk creates a household with two members, an invalid ID is refused inline, and pinyin initials find it', async ({ page, app }) => {
  await login(page, app.url, 'jingban', 'demo1234');
  await page.goto(`${app.url}#/households/new`);
  await pick(page, '保障类别', '农村低保');
  await pick(page, '村/居', '石桥村');
  await pick(page, '组', '1组');
  await page.getByLabel('户主姓名').fill('欧阳明月');
  await page.getByLabel('身份证号').fill(headId);
  await expect(page.getByText('男，1958年4月12日出生')).toBeVisible();
  await page.getByRole('button', { name: '保存户档案' }).click();
  await expect(page.getByRole('heading', { name: '欧阳明月户' })).toBeVisible();

  const form = page.getByRole('form', { name: '增加家庭成员' });
  await form.getByLabel('姓名').fill('李秋菊');
  await form.getByLabel('身份证号').fill('440524199902300011');
  await expect(form.getByText('身份证号中的出生日期 19990230 不存在')).toBeVisible();
  await expect(form.getByRole('button', { name: '增加成员' })).toBeDisabled();
  await form.getByLabel('身份证号').fill(wifeId.toLowerCase());
  await expect(form.getByText('女，1960年9月30日出生')).toBeVisible();
  await form.getByLabel('与户主关系').first().click();
  await page.getByRole('option', { name: '配偶', exact: true }).click();
  await form.getByRole('button', { name: '增加成员' }).click();
  await expect(page.getByRole('cell', { name: wifeId })).toBeVisible();
  await expect(page.getByRole('tab', { name: '家庭成员（2）' })).toBeVisible();

  await page.getByRole('tab', { name: /变动记录/ }).click();
  await expect(page.getByText(/成员增加：李秋菊/)).toBeVisible();

  await page.goto(`${app.url}#/households`);
  await page.getByLabel('检索').fill('oymy');
  await expect(page.getByTestId('household-total')).toHaveText('共 1 户');
  await page.getByRole('row', { name: /欧阳明月/ }).click();
  await expect(page.getByRole('heading', { name: '欧阳明月户' })).toBeVisible();
});

test('an ID already in another household is refused naming that household', async ({ page, app }) => {
  const r = app.cli(['call', 'households.list', '{"pageSize":1}']);
  const existing = JSON.parse(r.stdout).value.rows[0];
  await login(page, app.url, 'jingban', 'demo1234');
  await page.goto(`${app.url}#/households/new`);
  await page.getByLabel('身份证号').fill(existing.headIdNumber);
  await expect(page.getByText(new RegExp(`该身份证号已登记在.*${existing.headName}户`))).toBeVisible();
});

test('the roster wizard reports problems by row, offers column mapping, and imports a clean file', async ({ page, app }) => {
  const { messyRoster } = await import('../fixtures/rosters/build');
  const messy = `${app.dataDir}/村报花名册.xlsx`;
  const clean = `${app.dataDir}/花名册-修正.xlsx`;
  await messyRoster(messy);
  await messyRoster(clean, { withErrors: false });
  await login(page, app.url, 'jingban', 'demo1234');
  await page.goto(`${app.url}#/households/import`);
  await page.locator('input[type=file]').setInputFiles(messy);
  await page.getByRole('button', { name: '试导入', exact: true }).click();
  await expect(page.getByText('发现 4 个错误')).toBeVisible();
  const problems = page.getByRole('table', { name: '问题清单' });
  await expect(problems.getByRole('row', { name: /12.*D列（公民身份号码）.*Excel 只保留 15 位有效数字/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /正式导入/ })).toBeDisabled();
  await page.getByRole('button', { name: '调整列对应' }).click();
  await expect(page.getByRole('table', { name: '列对应' }).getByText('公民身份号码')).toBeVisible();

  await page.goto(`${app.url}#/households`);
  await page.getByRole('button', { name: '导入花名册' }).click();
  await page.locator('input[type=file]').setInputFiles(clean);
  await page.getByRole('button', { name: '试导入', exact: true }).click();
  await expect(page.getByText('没有错误')).toBeVisible();
  // 新建村 is close to the demo's 新街社区: the import waits until the clerk confirms it is a new village.
  await expect(page.getByRole('button', { name: '正式导入 4 户 7 人' })).toBeDisabled();
  await page.getByRole('combobox', { name: '“新建村”确认为' }).click();
  await page.getByRole('option', { name: /^新建/ }).click();
  await expect(page.getByText('村/组名称已确认')).toBeVisible();
  await page.getByRole('button', { name: '正式导入 4 户 7 人' }).click();
  await expect(page.getByText('已导入 4 户 7 人')).toBeVisible();
});
