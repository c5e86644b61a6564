import { test, expect, login } from './fixtures';

test.use({ demo: true });

test.describe('an en-US browser', () => {
  // The office PC may run an English browser/Windows; dates must still read 2026年12月1日.
  test.use({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });

  test('date boxes show 2026年12月1日 whatever the browser locale, and accept what a clerk types', async ({ page, app }) => {
    test.setTimeout(240_000);
    await login(page, app.url);
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await page.goto(`${app.url}#/applications/new`);
    const box = page.getByRole('textbox', { name: '申请日期' });
    await expect(box).toHaveValue(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    for (const typed of ['2026/12/1', '20261201', '2026-12-01', '2026年12月1日']) {
      await box.fill(typed);
      await box.press('Tab');
      await expect(box).toHaveValue('2026年12月1日');
    }
    // a date that does not exist is not taken: the box falls back to the last real date
    await box.fill('2026-02-30');
    await box.press('Tab');
    await expect(box).toHaveValue('2026年12月1日');
    // the calendar opens on a click and picking a day writes it in the same form
    await box.click();
    const dropdown = page.locator('[data-dates-dropdown]');
    await expect(dropdown).toBeVisible();
    await dropdown.getByRole('button', { name: /^15 / }).or(dropdown.locator('button[data-day]').filter({ hasText: /^15$/ })).first().click();
    await expect(box).toHaveValue('2026年12月15日');
    await page.screenshot({ path: 'test-results/dates-en-us.png' });
  });
});
