import { expect, test, type Download } from './test';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildDossierForFigures, REFERENCE_002_FIGURES } from '../fixtures/reportFigures';
import { pickMonth } from './datePickers';
import { startHost, temporaryDatabase } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function downloaded(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

test('an officer reads VPCP’s November 2023 report, downloads it, and reads the overview charts', async ({ page, request }, testInfo) => {
  // The dossier rebuilt from reference 002's figures, imported by the CLI as an agency would receive it.
  const databasePath = temporaryDatabase();
  const dossierPath = join(dirname(databasePath), 'reference-002.json');
  writeFileSync(dossierPath, JSON.stringify(buildDossierForFigures(REFERENCE_002_FIGURES)));
  execFileSync(process.execPath, [CLI, '--db', databasePath, 'import', dossierPath]);

  const host = await startHost(databasePath);
  try {
    const profile = { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Lê Văn C' };
    expect((await request.post(`${host.origin}/api/saveProfile`, { data: profile, headers: { 'x-tthc-token': host.token } })).ok()).toBe(true);
    await page.goto(host.url);

    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await pickMonth(page, 'Tháng báo cáo', '2023-11');
    await expect(page.getByRole('button', { name: 'Tháng báo cáo' })).toHaveText('Tháng 11/2023');
    await expect(page.getByTestId('report-period')).toHaveText('Tháng 11/2023');
    const paragraphs = page.getByTestId('report-paragraphs');
    await expect(paragraphs).toContainText('đã đánh giá tác động 130 TTHC tại 18 dự thảo VBQPPL (gồm: 01 Luật, 06 Nghị định, 05 Thông tư và 06 Nghị quyết của HĐND cấp tỉnh)');
    // The reference month's regulations are all TTHC: the year to date names that kind alone (issue 19).
    await expect(paragraphs).toContainText('sửa đổi, bổ sung 559 TTHC, chiếm 62,5%');
    const figures = page.getByTestId('report-figures');
    await expect(figures.getByRole('row').filter({ hasText: 'Số TTHC' }).first()).toContainText(/130\s*1\.059/);
    await page.screenshot({ path: testInfo.outputPath('report-page.png'), fullPage: true });

    const reportDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải XLSX' }).click();
    const report = await reportDownload;
    expect(report.suggestedFilename()).toBe('bao-cao-kiem-soat-tthc-2023-11.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await downloaded(report)) as unknown as ExcelJS.Buffer);
    const labels: unknown[] = [];
    workbook.getWorksheet('Số liệu')?.eachRow((row) => labels.push(row.getCell(1).value));
    expect(labels).toContain('Đề nghị sửa đổi, bổ sung (TTHC)');

    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await pickMonth(page, 'Từ tháng', '2023-01');
    await pickMonth(page, 'Đến tháng', '2023-12');
    const activity = page.getByRole('region', { name: /Số TTHC, QĐKD được đánh giá tác động, thẩm định, thẩm tra theo tháng \(01\/2023–12\/2023\)/ });
    await expect(activity.locator('svg.recharts-surface')).toBeVisible();
    await expect(activity.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Ý kiến thẩm tra theo loại văn bản' }).locator('svg.recharts-surface')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Ý kiến thẩm tra theo cơ quan chủ trì soạn thảo' }).locator('svg.recharts-surface')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Dự thảo đang chờ ở từng bước' }).locator('svg.recharts-surface')).toBeVisible();
    // TTHC and QĐKD apart (issue 22): the reference month's regulations are all TTHC.
    const assessedKinds = page.getByTestId('dashboard-kinds').getByRole('row', { name: /^Đánh giá tác động/ }).getByRole('cell');
    await expect(assessedKinds.nth(1)).not.toHaveText('0');
    await expect(assessedKinds.nth(2)).toHaveText('0');
    await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });

    const pngDownload = page.waitForEvent('download');
    await activity.getByRole('button', { name: 'PNG' }).click();
    const png = await pngDownload;
    expect(png.suggestedFilename()).toBe('tthc-theo-thang-2023-01-2023-12.png');
    expect((await downloaded(png)).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);

    const dataDownload = page.waitForEvent('download');
    await activity.getByRole('button', { name: 'Dữ liệu XLSX' }).click();
    const data = await downloaded(await dataDownload);
    const months = new ExcelJS.Workbook();
    await months.xlsx.load(data as unknown as ExcelJS.Buffer);
    const november = months.getWorksheet('Theo tháng')?.getRows(1, 20)?.find((row) => row.getCell(1).value === '11/2023');
    expect(november?.getCell(2).value).toBe(130);
  } finally {
    await host.stop();
  }
});

test('VPCP’s officer writes sections II–IV on the Báo cáo screen, meets a colleague’s save, and downloads a DOCX that prints them', async ({ page, request }, testInfo) => {
  const host = await startHost(temporaryDatabase());
  const post = (method: string, data: unknown) => request.post(`${host.origin}/api/${method}`, { data, headers: { 'x-tthc-token': host.token } });
  const november = { from: '2023-11-01', to: '2023-11-30' };
  const written = {
    shortcomings: 'Một số bộ gửi hồ sơ đánh giá tác động chưa đầy đủ biểu mẫu.',
    causes: 'Thời gian soạn thảo ngắn, cán bộ kiểm soát TTHC còn kiêm nhiệm.',
    tasks: 'Thẩm tra các dự thảo nghị định trình Chính phủ trong tháng 12.',
    recommendations: 'Đề nghị các bộ gửi đủ hồ sơ đánh giá tác động kèm dự thảo.',
  };
  try {
    expect((await post('saveProfile', { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Lê Văn C' })).ok()).toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(host.url);
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await pickMonth(page, 'Tháng báo cáo', '2023-11');
    const card = page.getByTestId('report-texts');
    await expect(card.getByTestId('report-texts-state')).toHaveText('Chưa lưu lần nào');
    await card.getByLabel('II. Tồn tại, hạn chế').fill(written.shortcomings);
    await card.getByLabel('II. Nguyên nhân').fill(written.causes);
    await card.getByLabel('III. Nhiệm vụ trọng tâm kỳ tới').fill(written.tasks);
    await card.getByLabel('IV. Kiến nghị và đề xuất').fill('Đề nghị các bộ gửi hồ sơ sớm.');
    await expect(card.getByTestId('report-texts-state')).toHaveText('Có thay đổi chưa lưu');
    await card.getByRole('button', { name: 'Lưu mục II–IV' }).click();
    await expect(card.getByTestId('report-texts-state')).toHaveText('Đã lưu 1 lần');
    expect(await (await post('periodReportTexts', november)).json()).toMatchObject({ ok: true, value: { version: 1, texts: { causes: written.causes } } });

    // The new fields pass axe as painted (issue 19): labelled, in contrast, Vietnamese.
    const axe = await new AxeBuilder({ page }).include('[data-testid="report-texts"]').analyze();
    expect(axe.violations.filter((violation) => violation.impact === 'critical' || violation.impact === 'serious').map((violation) => violation.id)).toEqual([]);

    // A colleague saves the tasks meanwhile; the officer's next save meets it, sees both and who saved them when, and loses nothing.
    const colleague = { ...written, recommendations: 'Đề nghị các bộ gửi hồ sơ sớm.', tasks: 'Tổng kết công tác kiểm soát TTHC năm 2023.' };
    expect((await post('saveProfile', { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Thị D' })).ok()).toBe(true);
    expect((await post('savePeriodReportTexts', { ...november, texts: colleague, version: 1 })).ok()).toBe(true);
    expect((await post('saveProfile', { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Lê Văn C' })).ok()).toBe(true);
    await card.getByLabel('IV. Kiến nghị và đề xuất').fill(written.recommendations);
    await card.getByRole('button', { name: 'Lưu mục II–IV' }).click();
    const conflict = page.getByTestId('report_texts-conflict');
    await expect(page.getByRole('dialog', { name: 'Có người khác vừa lưu mục II–IV của báo cáo kỳ này' })).toBeVisible();
    await expect(conflict).toContainText(/Trần Thị D \(Văn phòng Chính phủ\) đã lưu mục II–IV của báo cáo kỳ này lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/u);
    await expect(conflict.locator('[data-field="tasks"] [data-side="stored"]')).toHaveText(colleague.tasks);
    await expect(conflict.locator('[data-field="recommendations"] [data-side="mine"]')).toHaveText(written.recommendations);
    await expect(card.getByLabel('IV. Kiến nghị và đề xuất')).toHaveValue(written.recommendations);
    await page.screenshot({ path: testInfo.outputPath('report-texts-conflict.png') });
    await conflict.getByRole('button', { name: 'Giữ bản của tôi và lưu' }).click();
    await expect(conflict).toHaveCount(0);
    await expect(card.getByTestId('report-texts-state')).toHaveText('Đã lưu 3 lần');

    // What is typed but not saved goes into the file too: the download saves it first.
    const unsavedCause = 'Thời gian soạn thảo ngắn.';
    await card.getByLabel('II. Nguyên nhân').fill(`${written.causes}\n${unsavedCause}`);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('report-texts.png') });
    const started = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải DOCX' }).click();
    const docx = readFileSync(await (await started).path());
    const text = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!).replace(/<[^>]+>/g, '');
    for (const paragraph of [...Object.values(written), unsavedCause]) expect(text).toContain(paragraph);
    expect(text).not.toContain('Chưa có nội dung');
    await expect(card.getByTestId('report-texts-state')).toHaveText('Đã lưu 4 lần');

    // Another agency's machine reads them and cannot change them.
    expect((await post('saveProfile', { agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Nguyễn Văn B' })).ok()).toBe(true);
    await page.reload();
    await expect(card.getByLabel('II. Tồn tại, hạn chế')).toHaveValue(written.shortcomings);
    await expect(card.getByLabel('II. Tồn tại, hạn chế')).toBeDisabled();
    await expect(card.getByTestId('read-only-note')).toContainText('do Văn phòng Chính phủ lập');
    await expect(card.getByRole('button', { name: 'Lưu mục II–IV' })).toHaveCount(0);
  } finally {
    await host.stop();
  }
});
