// The national TTHC database as the baseline: a catalogue imported with the CLI, an amended procedure started from
// its record in the regulation form and compared with it, a 2025 document type offered by date, and the
// publication list of an issued decree downloaded from its page.
import { expect, test, type Page } from './test';
import { openNewDraftDialog } from './draftDialog';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issuedDecreeDatabase } from './issuedDecree';
import { startHost } from './webHost';
const SHOTS = process.env.TTHC_SHOTS;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
};

test.use({ viewport: { width: 1366, height: 768 } });

test('an amended procedure starts from its catalogue record, shows what it changes, and the issued decree gives its publication list', async ({ page }) => {
  const { databasePath, folder } = issuedDecreeDatabase('catalogue.sqlite');
  const host = await startHost(databasePath);
  try {
    await page.goto(host.url);
    const dialog = await openNewDraftDialog(page);
    await dialog.getByLabel('Loại văn bản').click();
    // Joint circulars ended with the 2025 law; the Government's resolution is back.
    await expect(page.getByRole('option', { name: 'Thông tư liên tịch' })).toHaveCount(0);
    await page.getByRole('option', { name: 'Nghị quyết của Chính phủ', exact: true }).click();
    await dialog.getByLabel('Tên dự thảo').fill('Nghị quyết của Chính phủ về cắt giảm, đơn giản hóa thủ tục hộ tịch');
    await dialog.getByLabel('Cơ quan chủ trì soạn thảo').fill('Bộ Tư');
    await page.getByRole('option', { name: 'Bộ Tư pháp' }).click();
    await shot(page, 'draft-form-2025');
    await dialog.getByRole('button', { name: 'Lưu' }).click();

    await page.getByRole('button', { name: 'Thêm TTHC/QĐKD' }).click();
    await page.getByRole('button', { name: 'Lấy từ CSDL quốc gia' }).click();
    const picker = page.getByRole('dialog', { name: 'Chọn TTHC từ CSDL quốc gia' });
    await picker.getByLabel('Tìm theo mã hoặc tên TTHC').fill('dang ky khai sinh');
    await expect(picker.getByTestId('catalogue-hits').getByRole('row')).toHaveCount(2);
    await shot(page, 'catalogue-picker');
    await picker.getByRole('button', { name: 'Dùng 1.001193' }).click();
    await expect(page.getByLabel('Tên thủ tục/quy định')).toHaveValue('Đăng ký khai sinh');
    await expect(page.getByLabel('Mã TTHC (CSDL quốc gia)')).toHaveValue('1.001193');
    await expect(page.getByRole('combobox', { name: 'Dự thảo quy định' })).toHaveValue('Sửa đổi, bổ sung');
    await page.getByLabel('Thời hạn giải quyết').fill('1');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();

    await page.getByRole('tab', { name: 'So với CSDL quốc gia' }).click();
    const diff = page.getByTestId('catalogue-diff');
    await expect(diff.locator('[data-component="timeLimitDays"]')).toHaveAttribute('data-status', 'changed');
    await expect(diff.locator('[data-component="steps"]')).toHaveAttribute('data-status', 'unchanged');
    await expect(diff.locator('[data-component="timeLimitDays"]')).toContainText('1 ngày làm việc');
    await shot(page, 'catalogue-compare');

    await page.getByRole('link', { name: 'Dự thảo VBQPPL' }).click();
    await page.getByRole('row').filter({ hasText: 'Nghị định sửa đổi, bổ sung một số điều' }).getByText(/^Nghị định sửa đổi/).click();
    await page.getByRole('button', { name: 'Quyết định công bố TTHC (DOCX)' }).click();
    // The number and the effective date may stay empty (publicationDecision.spec gives them).
    const started = page.waitForEvent('download');
    await page.getByRole('dialog', { name: 'Quyết định công bố TTHC' }).getByRole('button', { name: 'Lập quyết định (DOCX)' }).click();
    const file = await started;
    const path = join(folder, file.suggestedFilename());
    await file.saveAs(path);
    const document = strFromU8(unzipSync(new Uint8Array(readFileSync(path)))['word/document.xml']!);
    expect(document).toContain('PHẦN I. DANH MỤC THỦ TỤC HÀNH CHÍNH');
    expect(document).toContain('1.001193');
    await shot(page, 'issued-draft-publication');
  } finally {
    await host.stop();
  }
});
