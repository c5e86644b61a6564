import { test, expect, login, bridge } from './fixtures';

test.use({ demo: true });
test.setTimeout(240_000);

// Issue 18 item 5: a 首页 group of more than 10 items pages; page 2 shows the 11th item with a working link.
// The items are archive bags lent in January 2025, so they are overdue whatever day the test runs.
test('a 首页 worklist group of 12 items shows 10, and page 2 shows the 11th with a working link', async ({ page, app }) => {
  const call = await bridge(page, app.url);
  type Bag = { householdId: number; village: string; archiveNo: string };
  const bags = (await call('archive.bags', { pageSize: 200 })).rows as Bag[];
  const open = new Set(((await call('archive.borrowings', { filter: 'open', pageSize: 200 })).rows as { householdId: number }[]).map((b) => b.householdId));
  const byVillage = new Map<string, Bag[]>();
  for (const b of bags.filter((x) => !open.has(x.householdId))) byVillage.set(b.village, [...(byVillage.get(b.village) ?? []), b]);
  const [village, free] = [...byVillage.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  expect(free.length).toBeGreaterThanOrEqual(12);
  for (let k = 0; k < 12; k++) {
    await call('archive.lend', { householdId: free[k].householdId, borrower: '县民政局 检查组', purpose: '专项检查', borrowedAt: `2025-01-${String(k + 1).padStart(2, '0')}` });
  }
  // the worklist's own order (by due date): the 11th of this village's overdue loans
  const items = ((await call('worklist.today', {})).items as { kind: string; village: string | null; link: string; title: string }[])
    .filter((i) => i.kind === '借阅逾期' && i.village === village);
  expect(items.length).toBeGreaterThanOrEqual(12);
  const eleventh = items[10];

  await login(page, app.url);
  const overdue = page.getByTestId('worklist-已逾期');
  const group = overdue.getByTestId('worklist-group').filter({ hasText: '借阅逾期' }).filter({ hasText: village });
  await expect(group).toContainText(`${items.length} 项`);
  await group.getByRole('button', { name: /^展开/ }).click();
  const rows = overdue.getByTestId('worklist-group-item').filter({ hasText: '借阅逾期' });
  await expect(rows).toHaveCount(10);
  await expect(rows.filter({ hasText: eleventh.title })).toHaveCount(0);
  const pager = overdue.getByLabel(`${village}借阅逾期分页`);
  await pager.getByRole('button', { name: '2', exact: true }).click();
  await expect(rows).toHaveCount(items.length - 10);
  await expect(rows.first()).toContainText(eleventh.title);
  await pager.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/worklist-group-page2.png' });
  await rows.first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#${eleventh.link.replace(/[/]/g, '\\/')}$`));
  // the bag of the 11th loan: its archive number, lent on 2025年1月11日 (the loans were made a day apart, in order)
  const archiveNo = /户档案 (\S+) ·/.exec(eleventh.title)![1];
  await expect(page.getByRole('heading', { name: `档号 ${archiveNo}` })).toBeVisible();
  await expect(page.getByText(/2025年1月11日 借出/)).toBeVisible();
});
