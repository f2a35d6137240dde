// What VPCP hands on: a reviewed draft, imported with the CLI, gives its review letter as DOCX and PDF after the
// officer fills in the particulars, and its list of procedures as XLSX; a ministry's Excel list is imported into
// another draft through the column mapping and the preview.
import { expect, test, type Page } from './test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { REVIEWED_NAMES, REVIEWED_TITLE, UNREVIEWED_NAME, writeReviewedDossier } from '../fixtures/reviewedDossier';
import { startHost, temporaryDatabase } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');
const OTHER_DRAFT = 'Thông tư quy định về đăng ký hộ tịch';

/** Saves the download the click starts and returns its bytes. */
async function download(page: Page, button: string, folder: string): Promise<Buffer> {
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await started;
  const path = join(folder, file.suggestedFilename());
  await file.saveAs(path);
  return readFileSync(path);
}

const wordText = (docx: Buffer) => strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!);

/** A ministry's list: its own column titles, one of which the app cannot guess, and one bad time limit. */
async function ministryWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Danh muc').addRows([
    ['DANH MỤC TTHC SỬA ĐỔI'],
    [],
    ['STT', 'Ten thu tuc hanh chinh', 'Hinh thuc', 'Thoi han giai quyet', 'Nơi tiếp nhận'],
    [1, 'Đăng ký khai sinh', 'Sửa đổi, bổ sung', '03 ngày làm việc', 'Ủy ban nhân dân cấp xã'],
    [2, 'Đăng ký kết hôn', 'Sửa đổi, bổ sung', 'trong ngày', 'Ủy ban nhân dân cấp xã'],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('the review letter, the regulation list and an Excel import, each through the UI', async ({ page, request }) => {
  const databasePath = temporaryDatabase('exports.sqlite');
  const folder = dirname(databasePath);
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', writeReviewedDossier(folder)], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);

  // A drafting agency's own draft, for the Excel import below; then VPCP's installation writes the review letter.
  const host = await startHost(databasePath);
  const asProfile = async (profile: { agency: string; role: string; officerName: string }) =>
    expect((await request.post(`${host.origin}/api/saveProfile`, { data: profile, headers: { 'x-tthc-token': host.token } })).ok()).toBe(true);
  try {
    const created = await request.post(`${host.origin}/api/createDraft`, {
      data: { docType: 'thong_tu', title: OTHER_DRAFT, draftingAgency: 'Bộ Tư pháp', submittedToGovernment: false },
      headers: { 'x-tthc-token': host.token },
    });
    expect(created.ok()).toBe(true);
    await asProfile({ agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Văn Bình' });

    await page.goto(host.url);

    // The letter: particulars filled in, the preview follows, both files download.
    await page.getByRole('row').filter({ hasText: REVIEWED_TITLE }).click();
    await page.getByRole('tab', { name: 'Văn bản góp ý' }).click();
    await expect(page.getByText('3 TTHC/QĐKD có ý kiến thẩm tra sẽ được đưa vào văn bản.', { exact: false })).toBeVisible();
    await page.getByLabel('Số, ký hiệu').fill('05/VPCP-KSTT');
    // Typed day first, as an officer writes it, whatever the browser's locale: 05/02/2024 is 5 February.
    await page.getByLabel('Ngày ban hành').fill('05/02/2024');
    await page.getByLabel('Ngày ban hành').blur();
    await expect(page.getByLabel('Ngày ban hành')).toHaveValue('05/02/2024');
    await page.getByLabel('Kính gửi (mỗi nơi một dòng)').fill('Bộ Giao thông vận tải\nBộ Tư pháp');
    await page.getByLabel('Nơi nhận (mỗi nơi một dòng, không ghi dòng “Lưu”)').fill('Như trên\nThủ tướng Chính phủ (để b/c)');
    const preview = page.getByTestId('letter-preview');
    await expect(preview).toContainText('Số: 05/VPCP-KSTT');
    await expect(preview).toContainText('Hà Nội, ngày 05 tháng 02 năm 2024');
    await expect(preview).toContainText('- Bộ Tư pháp.');
    await expect(preview.getByTestId('letter-section')).toHaveCount(3);
    await expect(preview).not.toContainText(UNREVIEWED_NAME);

    const docx = await download(page, 'Tải DOCX', folder);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const letter = wordText(docx);
    expect(letter).toContain('Số: 05/VPCP-KSTT');
    expect(letter).toContain('Hà Nội, ngày 05 tháng 02 năm 2024');
    for (const name of REVIEWED_NAMES) expect(letter).toContain(name);
    const pdf = await download(page, 'Tải PDF', folder);
    expect(pdf.length).toBeGreaterThan(1000);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The list of the draft's procedures as a workbook.
    await page.getByRole('tab', { name: /Thủ tục hành chính và quy định kinh doanh/ }).click();
    const xlsx = await download(page, 'Xuất Excel', folder);
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
    const listed = new ExcelJS.Workbook();
    await listed.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    const names = listed.worksheets[0]!.getColumn(2).values.slice(5);
    expect(names).toEqual([...REVIEWED_NAMES, UNREVIEWED_NAME]);

    // A ministry's list into its own draft (only the drafting agency adds regulations): fix the mapping until every
    // row is valid, then import.
    await asProfile({ agency: 'Bộ Tư pháp', role: 'drafter', officerName: 'Cán bộ kiểm thử' });
    await page.reload();
    await page.getByRole('link', { name: 'Dự thảo VBQPPL' }).click();
    await page.getByRole('row').filter({ hasText: OTHER_DRAFT }).click();
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập TTHC/QĐKD từ tệp Excel' });
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'danh-muc.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await ministryWorkbook(),
    });
    await expect(dialog.getByText('1/2 dòng hợp lệ')).toBeVisible();
    const preview2 = dialog.getByTestId('import-preview');
    await expect(preview2.getByRole('row').filter({ hasText: 'Đăng ký kết hôn' })).toContainText('không phải thời hạn');
    const commit = dialog.getByRole('button', { name: 'Nhập 2 TTHC/QĐKD' });
    await expect(commit).toBeDisabled();

    await dialog.getByRole('combobox', { name: 'Thời hạn giải quyết' }).click();
    await page.getByRole('option', { name: '(không nhập)' }).click();
    await dialog.getByRole('combobox', { name: 'Cơ quan thực hiện' }).click();
    await page.getByRole('option', { name: 'E — Nơi tiếp nhận' }).click();
    await expect(dialog.getByText('2/2 dòng hợp lệ')).toBeVisible();
    await commit.click();
    await expect(dialog).toBeHidden();

    const table = page.getByRole('table');
    await expect(table.getByRole('row').filter({ hasText: 'Đăng ký khai sinh' })).toContainText('Sửa đổi, bổ sung');
    await expect(table.getByRole('row').filter({ hasText: 'Đăng ký kết hôn' })).toBeVisible();
  } finally {
    await host.stop();
  }
});

// Nghị định 63/2010, Điều 11: Bộ Tư pháp's appraisal of the decree's TTHC goes inside its Báo cáo thẩm định; the
// appraisal screen gives that part as a DOCX beside the letter.
test('the appraisal body downloads the TTHC part of its Báo cáo thẩm định from the appraisal screen', async ({ page, request }) => {
  const databasePath = temporaryDatabase('appraisal-report.sqlite');
  const folder = dirname(databasePath);
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', writeReviewedDossier(folder)], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  const host = await startHost(databasePath);
  try {
    const profile = { agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Lê Thị Hoa' };
    expect((await request.post(`${host.origin}/api/saveProfile`, { data: profile, headers: { 'x-tthc-token': host.token } })).ok()).toBe(true);
    await page.goto(host.url);
    await page.getByRole('row').filter({ hasText: REVIEWED_TITLE }).click();
    await page.getByRole('tab', { name: 'Văn bản góp ý' }).click();
    await page.getByText('Thẩm định', { exact: true }).click();
    await expect(page.getByText('1 TTHC/QĐKD có ý kiến thẩm định sẽ được đưa vào văn bản.', { exact: false })).toBeVisible();
    await expect(page.getByText('Ý kiến thẩm định về TTHC là một phần của Báo cáo thẩm định')).toBeVisible();

    const docx = await download(page, 'Phần TTHC của Báo cáo thẩm định (DOCX)', folder);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const part = wordText(docx);
    expect(part).toMatch(/V\. SỰ CẦN THIẾT, TÍNH HỢP LÝ, CHI PHÍ TUÂN THỦ/u);
    expect(part).toContain(REVIEWED_NAMES[0]);
    expect(part).not.toContain(UNREVIEWED_NAME);
  } finally {
    await host.stop();
  }
});
