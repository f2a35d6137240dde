// Issue 20: cut text the screen watch did not see at 1366×768, each now seen by it (screenWords.ts) and fixed — the
// Tra cứu filter's chip «Ban h…», the «Mẫu đánh giá» select's chosen form, and the notice after «Tải PDF» running off
// the screen. Each test does what the officer did; the watch fails it if any of them is cut.
import { expect, test } from './test';
import { REVIEWED_TITLE } from '../fixtures/reviewedDossier';
import { reviewedHost } from './reviewedHost';
import { startHost, temporaryDatabase } from './webHost';

test.use({ viewport: { width: 1366, height: 768 } });

test('Tra cứu’s filter chips show the whole choice', async ({ page }, testInfo) => {
  const host = await reviewedHost('cut-chips.sqlite');
  try {
    await page.goto(host.url);
    await page.getByRole('link', { name: 'Tra cứu TTHC' }).click();
    const change = page.getByRole('combobox', { name: 'Hình thức' });
    await change.click();
    await page.getByRole('option', { name: 'Ban hành mới' }).click();
    await page.getByRole('option', { name: 'Sửa đổi, bổ sung' }).click();
    await page.keyboard.press('Escape');
    const status = page.getByRole('combobox', { name: 'Trạng thái' });
    await status.click();
    await page.getByRole('option', { name: 'Đã có ý kiến thẩm tra' }).click();
    await page.keyboard.press('Escape');
    const filters = page.getByTestId('search-filters');
    await expect(filters.locator('.mantine-Pill-label')).toHaveText(['Đã có ý kiến thẩm tra', 'Ban hành mới', 'Sửa đổi, bổ sung']);
    await expect(page.getByTestId('search-count')).toHaveText(/\d+ kết quả/);
    await page.screenshot({ path: testInfo.outputPath('search-chips.png') });
  } finally {
    await host.stop();
  }
});

// At the officers’ screen, and on smaller laptops: the 2025 form’s name was cut below ~1.200 px wide (issue 20).
for (const viewport of [{ width: 1366, height: 768 }, { width: 1280, height: 720 }, { width: 1152, height: 720 }]) {
  test(`the chosen assessment form is shown whole in «Mẫu đánh giá» at ${viewport.width}×${viewport.height}`, async ({ page, request }, testInfo) => {
    await page.setViewportSize(viewport);
    const host = await startHost(temporaryDatabase('cut-template.sqlite'));
    const call = async (method: string, data: object) => {
      const response = await request.post(`${host.origin}/api/${method}`, { data, headers: { 'x-tthc-token': host.token } });
      expect(response.ok(), await response.text()).toBe(true);
      return ((await response.json()) as { value: { id: string } }).value;
    };
    try {
      // A draft of today starts on the 2025 form, whose name is the longest.
      const draft = await call('createDraft', { docType: 'nghi_dinh', title: 'Nghị định về vận tải', draftingAgency: 'Bộ Xây dựng', submittedToGovernment: true });
      const regulation = await call('createRegulation', { draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Cấp giấy phép kinh doanh vận tải', components: {} } });
      await page.goto(host.url);
      await page.evaluate((hash) => (window.location.hash = hash), `#/regulations/${regulation.id}/assessment`);
      const picker = page.getByRole('combobox', { name: 'Mẫu đánh giá' });
      // The first screen of a run loads the assessment screen's code cold: at a load of 35 that took over 10 s.
      await expect(picker).toBeVisible({ timeout: 60_000 });
      await expect(picker).toHaveValue(/Luật số 64\/2025\/QH15.*bổ sung đánh giá từng bộ phận\)$/);
      expect(await picker.evaluate((input: HTMLInputElement) => input.scrollWidth <= input.clientWidth + 1)).toBe(true);
      await page.screenshot({ path: testInfo.outputPath(`template-picker-${viewport.width}.png`) });
      // The list names each form whole.
      await picker.click();
      await expect(page.getByRole('option', { name: /^Biểu mẫu đánh giá tác động thủ tục hành chính \(Luật số 64\/2025\/QH15/ })).toBeVisible();
      await picker.press('Escape');
    } finally {
      await host.stop();
    }
  });
}

test('the notice after «Tải PDF» stays on the screen', async ({ page, request }, testInfo) => {
  const host = await reviewedHost('cut-notice.sqlite');
  try {
    const profile = { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Văn Bình' };
    expect((await request.post(`${host.origin}/api/saveProfile`, { data: profile, headers: { 'x-tthc-token': host.token } })).ok()).toBe(true);
    await page.goto(host.url);
    await page.getByRole('row').filter({ hasText: REVIEWED_TITLE }).click();
    await page.getByRole('tab', { name: 'Văn bản góp ý' }).click();
    await page.getByLabel('Số, ký hiệu').fill('05/VPCP-KSTT');
    const started = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải PDF' }).click();
    const file = await started;
    // Checked right after the download, while the notice is still shown (it closes itself after 8 s).
    const notice = page.locator('.mantine-Notification-root').filter({ hasText: file.suggestedFilename() });
    await expect(notice).toBeVisible();
    const box = (await notice.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(await notice.evaluate((root) => [root, ...root.querySelectorAll('*')].every((part) => part.scrollWidth <= part.clientWidth + 1))).toBe(true);
    await page.screenshot({ path: testInfo.outputPath('pdf-notice.png') });
  } finally {
    await host.stop();
  }
});
