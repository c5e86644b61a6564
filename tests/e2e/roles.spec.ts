import type { Page } from '@playwright/test';
import { test, expect, login, type AppServer } from './fixtures';
import { STEP_LABELS } from '../../src-main/domain/procedure';

test.use({ demo: true });
// Two full walks of the app, and the demo build in the fixture, on a shared machine.
test.describe.configure({ timeout: 300_000 });

/**
 * Buttons whose words say they change data. Together with [data-write] (every control <Can> offers) this is how
 * the walk recognises a write control without a list per page; step names come from the procedure itself.
 */
const WRITE_WORDS = /^(新建|新增|增加|登记|保存|提交|删除|导入|试导入|修改|添加|录入|作废|撤销|退回|归档|受理|不予|停用|启用|恢复|停止|设为|借出|归还|销毁|处置|建立|立即备份|改名|标记|上传|抽取|移交|交审核|确认|反馈|存入|设定|导出报送包|导出反馈表|为缺)/;
const STEP_NAMES = new Set<string>(Object.values(STEP_LABELS));

/** Every visible, enabled write control on the page: [data-write] ones, and buttons whose words write. */
async function enabledWriteControls(page: Page): Promise<string[]> {
  return page.evaluate(({ words, steps }) => {
    const re = new RegExp(words);
    const stepNames = new Set(steps);
    const visible = (e: Element) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
    const enabled = (e: Element) => !e.matches(':disabled') && e.getAttribute('aria-disabled') !== 'true' && !e.hasAttribute('data-disabled');
    const out: string[] = [];
    const main = document.querySelector('main') ?? document.body;
    for (const e of main.querySelectorAll('[data-write]')) {
      if (visible(e) && enabled(e)) out.push(`[data-write=${e.getAttribute('data-write')}] ${(e.textContent ?? '').trim().slice(0, 30)}`);
    }
    for (const area of main.querySelectorAll('[data-write-area]')) {
      for (const e of area.querySelectorAll('button, input, textarea')) if (visible(e) && enabled(e)) out.push(`[data-write-area=${area.getAttribute('data-write-area')}] ${e.tagName}`);
    }
    for (const b of main.querySelectorAll('button')) {
      if (!visible(b) || !enabled(b) || b.getAttribute('role') === 'tab' || b.hasAttribute('data-print')) continue;
      const name = (b.getAttribute('aria-label') || b.textContent || '').trim();
      if (re.test(name) || stepNames.has(name)) out.push(`button "${name}"`);
    }
    return [...new Set(out)];
  }, { words: WRITE_WORDS.source, steps: [...STEP_NAMES] });
}

/**
 * Waits for the page to settle: the main area shows `route` (when given; a click changes it a moment later), its
 * queries have answered (data-state, set before the first paint, so a page that has not asked yet never reads
 * ready) and no loader is left. Only a loader's absence was checked before, which holds just after a click too.
 */
async function settled(page: Page, route?: string) {
  const main = page.locator('main[data-state]');
  const escaped = route?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (route !== undefined) await expect(main).toHaveAttribute('data-route', new RegExp(`^${escaped}(/|$)`));
  await expect(main).toHaveAttribute('data-state', /^(ready|error)$/);
  await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0);
}

/** Visits every area of the navigation, every tab in it, and the detail pages; returns write controls per view. */
async function walk(page: Page, app: AppServer, details: string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  const look = async (view: string, route?: string) => { await settled(page, route); found[view] = await enabledWriteControls(page); };
  const nav = page.getByRole('navigation', { name: '主导航' }).getByRole('link');
  const areas = await nav.count();
  expect(areas).toBeGreaterThanOrEqual(10);
  for (let i = 0; i < areas; i++) {
    const name = (await nav.nth(i).innerText()).trim();
    const href = (await nav.nth(i).getAttribute('href'))!;
    await nav.nth(i).click();
    await look(name, href.replace(/^#\//, ''));
    const tabs = page.getByRole('main').getByRole('tab');
    for (let t = 0; t < await tabs.count(); t++) {
      const tabName = (await tabs.nth(t).innerText()).trim();
      await tabs.nth(t).click();
      await look(`${name} / ${tabName}`);
    }
  }
  for (const route of details) {
    await page.goto(`${app.url}#${route}`);
    await look(route, route.replace(/^\//, ''));
    const tabs = page.getByRole('main').getByRole('tab');
    for (let t = 0; t < await tabs.count(); t++) {
      const tabName = (await tabs.nth(t).innerText()).trim();
      await tabs.nth(t).click();
      await look(`${route} / ${tabName}`);
    }
  }
  return found;
}

/** Detail pages with write controls: an open case, a household with a bag, a campaign and one of its villages. */
function detailRoutes(app: AppServer): string[] {
  const value = (channel: string, input: unknown) => {
    const r = app.cli(['call', channel, JSON.stringify(input)]);
    expect(r.status, r.stdout).toBe(0);
    const out = JSON.parse(r.stdout);
    return out.value ?? out;
  };
  const open = value('applications.list', { open: true, pageSize: 50 }).rows as { id: number; stage: string; householdId: number }[];
  const investigating = open.find((a) => a.stage === '调查中' || a.stage === '待初审') ?? open[0];
  const households = value('households.list', { pageSize: 5 }).rows as { id: number }[];
  const villages = (value('regions.tree', {}) as { children?: { id: number; level: string }[] }[])[0].children!.filter((v) => v.level === 'village');
  const campaign = value('rechecks.campaigns.create', { name: '角色检查专项行动', scopeDate: '2026-10-01', filter: { villageIds: [villages[0].id] } }) as { id: number };
  return [`/applications/${investigating.id}`, `/households/${investigating.householdId}`, `/households/${households[0].id}`,
    `/archive/bag/${households[0].id}`, `/rechecks/campaigns/${campaign.id}`, `/rechecks/campaigns/${campaign.id}/${villages[0].id}`,
    '/households/new', '/households/import', '/applications/new'];
}

test('a 只读 user sees no enabled write control in any area, tab or detail page (and a 经办人 does, so the walk finds them)', async ({ page, app }) => {
  const details = detailRoutes(app);

  await login(page, app.url, 'jingban', 'demo1234');
  const clerk = await walk(page, app, details);
  const clerkViews = Object.entries(clerk).filter(([, c]) => c.length > 0).map(([v]) => v);
  // The walk reaches the write controls: households, 审核确认 steps, the campaign village page, rechecks, archive.
  for (const view of [details[0], details[5], '动态管理 / 专项行动', '动态管理 / 小组名册', '户档案', '审核确认']) {
    expect(clerkViews, `经办人 sees write controls on ${view}`).toContain(view);
  }
  await page.getByRole('button', { name: '退出' }).click();

  await login(page, app.url, 'chakan', 'demo1234');
  const reader = await walk(page, app, details);
  expect(Object.keys(reader).length).toBeGreaterThanOrEqual(40);
  const offered = Object.entries(reader).filter(([, c]) => c.length > 0);
  expect(offered, JSON.stringify(offered, null, 1)).toEqual([]);
  // Read-only screens say who can change them instead of offering the control.
  await page.goto(`${app.url}#/settings/params`);
  await expect(page.getByText('只读：参数仅管理员可操作')).toBeVisible();
  await page.goto(`${app.url}#${details[0]}`);
  await expect(page.getByTestId('next-steps')).toContainText('由管理员、经办人办理');
});

test('新建用户 is offered only to 管理员, and its role picker offers 管理员 only there', async ({ page, app }) => {
  await login(page, app.url, 'shenhe', 'demo1234');
  await page.goto(`${app.url}#/settings/users`);
  await expect(page.getByText('新建用户：仅管理员可操作')).toBeVisible();
  await expect(page.getByRole('button', { name: '新建用户' })).toHaveCount(0);
  await page.getByRole('button', { name: '退出' }).click();
  await login(page, app.url);
  await page.goto(`${app.url}#/settings/users`);
  await page.getByRole('combobox', { name: '角色' }).click();
  await expect(page.getByRole('option', { name: '管理员' })).toBeVisible();
});
