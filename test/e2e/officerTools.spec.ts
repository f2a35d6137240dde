// Issue 13, items 5–7: search with filters, highlighted folded matches and the draft status; nothing to search for an
// emoji; both lists exportable with a confirmation of the file; messages for people.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { REVIEWED_NAMES, UNREVIEWED_NAME, writeReviewedDossier } from '../fixtures/reviewedDossier';
import { startHost, temporaryDatabase } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');

test.use({ viewport: { width: 1366, height: 768 } });

async function reviewedHost() {
  const databasePath = temporaryDatabase('officer.sqlite');
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', writeReviewedDossier(dirname(databasePath))], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  return startHost(databasePath);
}

test('search: filters, folded highlights, the draft status, nothing to search for an emoji, export confirmed', async ({ page }, testInfo) => {
  const host = await reviewedHost();
  try {
    await page.goto(host.url);
    await page.getByRole('link', { name: 'Tra cứu TTHC' }).click();
    const box = page.getByRole('textbox', { name: 'Tra cứu TTHC/QĐKD trong mọi dự thảo' });
    const results = page.getByTestId('search-results');

    await box.fill('giay phep');
    await expect(page.getByTestId('search-count')).toHaveText('2 kết quả');
    await expect(results.locator('mark').first()).toHaveText('giấy');
    await expect(results.locator('mark', { hasText: 'phép' }).first()).toBeVisible();
    await expect(results).toContainText('Đã có ý kiến thẩm tra');
    await page.screenshot({ path: testInfo.outputPath('search-highlight.png') });

    // A filter narrows the same text: the new one is not among "giấy phép" (both amended).
    await box.fill('');
    await page.getByRole('combobox', { name: 'Hình thức' }).click();
    await page.getByRole('option', { name: 'Ban hành mới' }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('search-count')).toHaveText('1 kết quả');
    await expect(results).toContainText(REVIEWED_NAMES[2]);
    await expect(results).not.toContainText(UNREVIEWED_NAME);
    await page.screenshot({ path: testInfo.outputPath('search-filtered.png') });

    // The export takes the filters and says which file to look for.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    await expect(page.getByText(`Tệp «${file.suggestedFilename()}» đã được chuyển cho trình duyệt`)).toBeVisible();

    // Only an emoji: not every regulation, but a plain sentence.
    await box.fill('😀');
    await expect(page.getByTestId('search-nothing')).toContainText('Không có gì để tìm');
    await expect(page.getByTestId('search-count')).toHaveCount(0);
    await expect(results.getByRole('link')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('search-nothing.png') });
  } finally {
    await host.stop();
  }
});

test('the draft list exports what it shows', async ({ page }, testInfo) => {
  const host = await reviewedHost();
  try {
    await page.goto(host.url);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/^Danh-sach-du-thao|\.xlsx$/);
    await expect(page.getByText('đã được chuyển cho trình duyệt')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('draft-list-export.png') });
  } finally {
    await host.stop();
  }
});
