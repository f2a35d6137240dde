// Issue 20, item 12: notices come one at a time, and a second save's notice waited behind the first one's seconds —
// tests (and officers) waited for it. A newer notice of the same kind now takes the shown one's place at once.
import { expect, test } from './test';
import { startHost, temporaryDatabase } from './webHost';

test.use({ viewport: { width: 1366, height: 768 } });

test('a second save’s notice replaces the first at once', async ({ page }) => {
  const host = await startHost(temporaryDatabase('notices.sqlite'), { profile: { agency: 'Bộ Tư pháp', role: 'drafter', officerName: 'Nguyễn Văn A' } });
  try {
    await page.goto(host.url);
    await page.getByRole('link', { name: 'Cài đặt' }).click();
    const officer = page.getByLabel('Họ và tên cán bộ');
    await officer.fill('Nguyễn Văn Bình');
    await officer.press('Control+s');
    const profileSaved = page.getByText('Đã lưu cơ quan và vai trò');
    await expect(profileSaved).toBeVisible();

    await page.locator('section[aria-labelledby="income-settings-title"]').getByRole('button', { name: 'Lưu', exact: true }).click();
    // The first notice would have stayed its 4 s, the second waiting behind it.
    await expect(page.getByText('Đã lưu thu nhập theo năm.')).toBeVisible({ timeout: 2_000 });
    await expect(profileSaved).toHaveCount(0, { timeout: 2_000 });
  } finally {
    await host.stop();
  }
});
