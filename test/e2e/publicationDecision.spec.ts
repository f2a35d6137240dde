// The Quyết định công bố from the issued decree's page: the officer gives the issued document's number and the day it
// takes effect (Điều 2), as `tthc publication --issued-number --effective-date` does; a typed day that is no day is
// refused in the field and the decision waits for it, rather than leaving Điều 2 blank unasked.
import { expect, test, type Page } from './test';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issuedDecreeDatabase } from './issuedDecree';
import { startHost } from './webHost';

test.use({ viewport: { width: 1366, height: 768 } });

/** The issued decree's page, on the host. */
async function openIssuedDecree(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('row').filter({ hasText: 'Nghị định sửa đổi, bổ sung một số điều' }).getByText(/^Nghị định sửa đổi/).click();
}

test('the publication decision takes the issued number and the effective date typed before export', async ({ page }) => {
  const { databasePath, folder } = issuedDecreeDatabase('publication.sqlite');
  const host = await startHost(databasePath);
  try {
    await openIssuedDecree(page, host.url);
    await page.getByRole('button', { name: 'Quyết định công bố TTHC (DOCX)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Quyết định công bố TTHC' });
    const make = dialog.getByRole('button', { name: 'Lập quyết định (DOCX)' });
    await dialog.getByLabel('Số, ký hiệu văn bản được công bố').fill('17/2030/NĐ-CP');

    const day = dialog.getByLabel('Ngày văn bản có hiệu lực');
    await day.fill('31/02/2030');
    await day.press('Tab');
    await expect(dialog.getByText('Ngày 31/02/2030 không có trên lịch.')).toBeVisible();
    await expect(make).toBeDisabled();
    await day.fill('01/08/2030');
    await day.press('Tab');
    await expect(dialog.getByText('không có trên lịch')).toHaveCount(0);
    await expect(make).toBeEnabled();
    await page.screenshot({ path: join(process.env.TTHC_E2E_SCREENSHOT_DIR ?? folder, 'publication-decision-dialog.png') });

    const started = page.waitForEvent('download');
    await make.click();
    const file = await started;
    const path = join(folder, file.suggestedFilename());
    await file.saveAs(path);
    const document = strFromU8(unzipSync(new Uint8Array(readFileSync(path)))['word/document.xml']!);
    const paragraphs = [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((match) => [...(match[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(paragraphs).toContain('Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 8 năm 2030.');
    expect(paragraphs.join('\n').replace(/[\u00a0\u2011]/g, (c) => (c === '\u2011' ? '-' : ' '))).toContain('17/2030/NĐ-CP');
  } finally {
    await host.stop();
  }
});

test('the publication list (XLSX) cites the issued number typed before export, not the draft’s title', async ({ page }) => {
  const { databasePath, folder } = issuedDecreeDatabase('publication.sqlite');
  const host = await startHost(databasePath);
  try {
    await openIssuedDecree(page, host.url);
    await page.getByRole('button', { name: 'Danh mục TTHC công bố (XLSX)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Danh mục TTHC công bố' });
    // Only the decision's Điều 2 needs the effective date: the list asks for the number alone.
    await expect(dialog.getByLabel('Ngày văn bản có hiệu lực')).toHaveCount(0);
    await dialog.getByLabel('Số, ký hiệu văn bản được công bố').fill('17/2030/NĐ-CP');
    const started = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Lập danh mục (XLSX)' }).click();
    const file = await started;
    const path = join(folder, file.suggestedFilename());
    await file.saveAs(path);
    const strings = strFromU8(unzipSync(new Uint8Array(readFileSync(path)))['xl/sharedStrings.xml']!);
    const texts = [...strings.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((match) => match[1] ?? '');
    expect(texts.some((text) => text.includes('Nghị định số 17/2030/NĐ-CP'))).toBe(true);
  } finally {
    await host.stop();
  }
});
