// Issue 20, defect 9: where the officer is lives in the address — Back from a search result and a reload return to
// the same words and filters, not to every regulation.
import { expect, test } from './test';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { REVIEWED_IDS, REVIEWED_NAMES, REVIEWED_TITLE, writeReviewedDossier } from '../fixtures/reviewedDossier';
import { startHost, temporaryDatabase } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');

test.use({ viewport: { width: 1366, height: 768 } });

async function reviewedHost() {
  const databasePath = temporaryDatabase('url-place.sqlite');
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', writeReviewedDossier(dirname(databasePath))], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  return startHost(databasePath);
}

test('Back from a search result and a reload keep the search words and filters', async ({ page }, testInfo) => {
  const host = await reviewedHost();
  try {
    await page.goto(host.url);
    await page.getByRole('link', { name: 'Tra cứu TTHC' }).click();
    const box = page.getByRole('textbox', { name: 'Tra cứu TTHC/QĐKD trong mọi dự thảo' });
    const count = page.getByTestId('search-count');
    const results = page.getByTestId('search-results');
    const change = page.getByRole('combobox', { name: 'Hình thức' });

    // As an officer works: the words first, their results, then a filter on them.
    await box.fill('van tai');
    await expect(count).toHaveText('4 kết quả');
    await change.click();
    await page.getByRole('option', { name: 'Ban hành mới' }).click();
    await expect(change.locator('xpath=..')).toContainText('Ban hành mới');
    await page.keyboard.press('Escape');
    await expect(count).toHaveText('1 kết quả');

    await results.getByRole('link', { name: REVIEWED_NAMES[2] }).click();
    await expect(page.getByRole('heading', { name: REVIEWED_NAMES[2] })).toBeVisible();
    await page.goBack();
    await expect(box).toHaveValue('van tai');
    await expect(count).toHaveText('1 kết quả');
    await expect(results).toContainText(REVIEWED_NAMES[2]);
    await expect(change.locator('xpath=..')).toContainText('Ban hành mới');
    await page.screenshot({ path: testInfo.outputPath('search-after-back.png') });

    await page.reload();
    await expect(box).toHaveValue('van tai');
    await expect(count).toHaveText('1 kết quả');

    // Forward and Back again: the regulation, then the same search.
    await page.goForward();
    await expect(page.getByRole('heading', { name: REVIEWED_NAMES[2] })).toBeVisible();
    await page.goBack();
    await expect(count).toHaveText('1 kết quả');
  } finally {
    await host.stop();
  }
});

test('Back from a draft and a reload keep the draft list’s words and sort', async ({ page }, testInfo) => {
  const host = await reviewedHost();
  try {
    await page.goto(host.url);
    const box = page.getByRole('textbox', { name: 'Tìm theo tên dự thảo, cơ quan' });
    const count = page.getByTestId('draft-count');
    const titleHeader = page.getByRole('columnheader', { name: /Tên dự thảo/ });
    // Typed letter by letter: each one replaces the address, and the cursor stays in the box.
    await box.pressSequentially('van tai');
    await expect(box).toBeFocused();
    await titleHeader.click();
    await expect(titleHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(count).toHaveText('1 dự thảo');

    await page.getByRole('row').filter({ hasText: REVIEWED_TITLE }).click();
    await expect(page.getByRole('heading', { name: REVIEWED_TITLE })).toBeVisible();
    await page.goBack();
    await expect(box).toHaveValue('van tai');
    await expect(titleHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(count).toHaveText('1 dự thảo');
    await page.screenshot({ path: testInfo.outputPath('draft-list-after-back.png') });

    await page.reload();
    await expect(box).toHaveValue('van tai');
    await box.fill('khong co du thao nay');
    await expect(count).toHaveText('0 dự thảo');
  } finally {
    await host.stop();
  }
});

test('the assessment’s inner tab lives in the address: Back and a reload return to the cost worksheet', async ({ page }, testInfo) => {
  const host = await reviewedHost();
  try {
    await page.goto(host.url);
    await page.evaluate((hash) => (window.location.hash = hash), `#/regulations/${REVIEWED_IDS.licence}/assessment`);
    const costTab = page.getByRole('tab', { name: 'Chi phí tuân thủ', exact: true });
    const questionsTab = page.getByRole('tab', { name: /^Bảng câu hỏi/ });
    // A section of the questionnaire other than the first survives a reload.
    const legality = page.getByRole('tab', { name: /^III\./ });
    await legality.click();
    await expect(legality).toHaveAttribute('aria-selected', 'true');
    await page.reload();
    await expect(legality).toHaveAttribute('aria-selected', 'true');

    await costTab.click();
    await expect(costTab).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(new RegExp(`/regulations/${REVIEWED_IDS.licence}/assessment/cost$`));

    await page.reload();
    await expect(costTab).toHaveAttribute('aria-selected', 'true');
    await page.screenshot({ path: testInfo.outputPath('cost-tab-after-reload.png') });

    // Away to the draft and Back: the same inner tab, not the questionnaire.
    await page.getByRole('link', { name: `← ${REVIEWED_TITLE}` }).click();
    await expect(page.getByRole('heading', { name: REVIEWED_TITLE })).toBeVisible();
    await page.goBack();
    await expect(costTab).toHaveAttribute('aria-selected', 'true');

    // The questionnaire and Back: the cost worksheet again.
    await questionsTab.click();
    await expect(questionsTab).toHaveAttribute('aria-selected', 'true');
    await page.goBack();
    await expect(costTab).toHaveAttribute('aria-selected', 'true');
  } finally {
    await host.stop();
  }
});
