import { test, expect, login } from './fixtures';
import type { Page } from '@playwright/test';

test.use({ demo: true });

interface H { id: number; headName: string; members: { name: string; isHead: boolean }[]; address: string; bankName: string; bankAccount: string; housing: string; certificateNo: string | null; villageId: number; status: string }
function get(app: { cli(a: string[]): { stdout: string } }, id: number): H {
  const h = JSON.parse(app.cli(['call', 'households.get', JSON.stringify({ id })]).stdout).value as H;
  return { ...h, headName: h.members.find((m) => m.isHead)?.name ?? '（无户主）' };
}

/** Opens 变更户信息 and checks that every field shows this household's values. */
async function expectForm(page: Page, h: H) {
  await expect(page.getByRole('heading', { name: `${h.headName}户` })).toBeVisible();
  await page.getByRole('tab', { name: '变更户信息' }).click();
  await expect(page.getByLabel('住址')).toHaveValue(h.address);
  await expect(page.getByLabel('开户银行')).toHaveValue(h.bankName);
  await expect(page.getByLabel('银行账号')).toHaveValue(h.bankAccount);
  await expect(page.getByLabel('住房')).toHaveValue(h.housing);
  await expect(page.getByLabel('低保证号')).toHaveValue(h.certificateNo ?? '');
  await expect(page.getByLabel('状态', { exact: true })).toHaveValue(h.status);
  await expect(page.getByLabel('状态', { exact: true })).toHaveAttribute('readonly', '');
}

test('变更户信息 follows the household in the URL and back/forward, and saving changes only that household', async ({ page, app }) => {
  const a = get(app, 1);
  const b = get(app, 2);
  expect(a.address).not.toBe(b.address);
  await login(page, app.url);
  await page.goto(`${app.url}#/households/1`);
  await expectForm(page, a);
  await page.goto(`${app.url}#/households/2`);
  await expectForm(page, b);
  await page.goBack();
  await expectForm(page, a);
  await page.goForward();
  await expectForm(page, b);
  await page.getByLabel('住址').fill('测试新址8号');
  await page.getByLabel('变更原因').fill('门牌整编');
  await page.getByRole('button', { name: '保存变更' }).click();
  await expect(page.getByText('已保存变更')).toBeVisible();
  const b2 = get(app, 2);
  const a2 = get(app, 1);
  expect(b2.address).toBe('测试新址8号');
  expect({ ...b2, address: b.address }).toMatchObject({ bankAccount: b.bankAccount, villageId: b.villageId, status: b.status });
  expect(a2).toMatchObject({ address: a.address, bankAccount: a.bankAccount, villageId: a.villageId, status: a.status });
});

test('数据体检 lists nothing for the fresh demo and shows its planted 待调整 tasks with links', async ({ page, app }) => {
  await login(page, app.url);
  await page.goto(`${app.url}#/households/health`);
  await expect(page.getByTestId('health-clean')).toBeVisible();
  await expect(page.getByText(/待调整、待停保（2）/)).toBeVisible();
  await page.screenshot({ path: 'test-results/data-check.png', fullPage: true });
  await page.getByRole('button', { name: /户（档案号 \d+）/ }).first().click();
  await expect(page.getByRole('tab', { name: /家庭成员/ })).toBeVisible();
});
