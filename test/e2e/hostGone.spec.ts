// When the page gets no answer at all — the host has stopped, the network is down — it says so, in Vietnamese, and
// that what was just done is not confirmed; it used to show «Có lỗi không mong đợi» (seen after a host stopped while a
// catalogue workbook was being imported).
import { expect, test } from './test';
import { startHost, temporaryDatabase } from './webHost';

test.use({ viewport: { width: 1366, height: 768 } });

test('a call the host never answers is named as a lost connection, not as an unexpected error', async ({ page }) => {
  const host = await startHost(temporaryDatabase('host-gone.sqlite'));
  let stopped = false;
  try {
    await page.goto(host.url);
    await expect(page.getByRole('button', { name: 'Tạo dự thảo' })).toBeVisible();
    await host.stop();
    stopped = true;
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await expect(page.getByText('Không kết nối được tới ứng dụng Bàn thẩm định TTHC', { exact: false })).toBeVisible();
    await expect(page.getByText('Có lỗi không mong đợi', { exact: false })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('host-gone-1366.png') });
  } finally {
    if (!stopped) await host.stop();
  }
});
