import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect, login } from './fixtures';

test.use({ demo: true });

/** A member of an on-benefit demo household that is not flagged yet (read straight from the demo database). */
function unflaggedMember(dataDir: string) {
  const db = new Database(path.join(dataDir, 'dibao.db'), { readonly: true });
  try {
    return db.prepare(`SELECT m.name, m.id_number AS idNumber, head.name AS headName FROM members m JOIN households h ON h.id = m.household_id
      JOIN members head ON head.id = h.head_member_id
      WHERE h.status = '在保' AND m.state = '在户' AND m.id NOT IN (SELECT member_id FROM relative_matches) ORDER BY m.id LIMIT 1`).get() as
      { name: string; idNumber: string; headName: string };
  } finally { db.close(); }
}

test('registering a cadre\'s relative flags the relative\'s household in the filing ledger', async ({ page, app }) => {
  const member = unflaggedMember(app.dataDir);
  await login(page, app.url, 'jingban', 'demo1234');
  await page.goto(`${app.url}#/relatives/staff`);

  const staffForm = page.getByRole('form', { name: '登记人员' });
  await staffForm.getByLabel('姓名').fill('测试村主任');
  await staffForm.getByLabel('身份证号').fill('11010519491231002X');
  await staffForm.getByLabel('单位').fill('石桥村委员会');
  await staffForm.getByLabel('职务').fill('主任');
  await staffForm.getByRole('button', { name: '登记人员' }).click();
  await expect(page.getByText('已登记人员')).toBeVisible();

  const relForm = page.getByRole('form', { name: '登记近亲属' });
  await relForm.getByLabel('近亲属姓名').fill(member.name);
  await relForm.getByLabel('近亲属身份证号').fill(member.idNumber);
  await relForm.getByLabel('关系').click();
  await page.getByRole('option', { name: '兄弟姐妹' }).click();
  await relForm.getByRole('button', { name: '登记近亲属' }).click();
  await expect(page.getByText(/比对发现该近亲属是 1 户低保家庭成员/)).toBeVisible();

  await page.getByRole('tab', { name: '备案台账' }).click();
  await page.getByRole('textbox', { name: '搜索' }).fill('测试村主任');
  const row = page.getByTestId('cases-table').getByRole('row').filter({ hasText: '测试村主任（主任）' });
  await expect(row).toContainText(`${member.name}（`);
  await expect(row).toContainText(member.headName);
  await expect(row).toContainText('近亲属备案户');
  await expect(row).toContainText('未备案');
});

test('the complaint register masks the reporter\'s phone and lists the overdue complaint', async ({ page, app }) => {
  await login(page, app.url);
  await page.goto(`${app.url}#/complaints/register`);
  await expect(page.getByRole('row').filter({ hasText: '马长贵' })).toContainText('139****4321');
  await expect(page.getByText('13987654321')).toHaveCount(0);
  await page.getByText('逾期未办结').click();
  await expect(page.getByRole('row').filter({ hasText: '县信访局转办' })).toContainText('逾期5天');
});
