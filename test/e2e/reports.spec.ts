import { expect, test, type Download } from './test';
import ExcelJS from 'exceljs';
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
    await expect(paragraphs).toContainText('sửa đổi, bổ sung 559 TTHC, QĐKD, chiếm 62,5%');
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
