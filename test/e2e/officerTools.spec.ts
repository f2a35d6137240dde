// Issue 13, items 5–7: search with filters, highlighted folded matches and the draft status; nothing to search for an
// emoji; both lists exportable with a confirmation of the file; messages for people.
import { expect, test } from './test';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { reviewedDossier, REVIEWED_NAMES, UNREVIEWED_NAME, writeReviewedDossier } from '../fixtures/reviewedDossier';
import { writeFileSync } from 'node:fs';
import { FLOW_IDS, workflowDossier } from '../fixtures/workflowDossier';
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
    await expect(page.getByText(`«${file.suggestedFilename()}»: xem trong thư mục Tải xuống`)).toBeVisible();

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
    await expect(page.getByText('xem trong thư mục Tải xuống')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('draft-list-export.png') });
  } finally {
    await host.stop();
  }
});

test('report and dashboard open on the latest period with data, remember the choice, and a figure opens its regulations', async ({ page }, testInfo) => {
  const host = await reviewedHost(); // VPCP's opinions of 05/02/2024 are the latest figures
  try {
    await page.goto(host.url);
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await expect(page.getByTestId('report-period')).toContainText('Tháng 2/2024');
    const figures = page.getByTestId('report-figures');
    const removed = figures.getByRole('row', { name: /^Đề nghị không quy định \(TTHC\)/ });
    await expect(removed.getByRole('link').first()).toHaveText('1');
    await page.screenshot({ path: testInfo.outputPath('report-latest.png'), fullPage: true });

    // "1 đề nghị không quy định" opens the search on that regulation, the figure's condition shown and removable.
    await removed.getByRole('link').first().click();
    await expect(page.getByTestId('search-counted-in')).toContainText('Có ý kiến thẩm tra (đề nghị không quy định) từ 01/02/2024 đến 29/02/2024');
    await expect(page.getByTestId('search-count')).toHaveText('1 kết quả');
    await expect(page.getByTestId('search-results')).toContainText(REVIEWED_NAMES[2]);
    await page.screenshot({ path: testInfo.outputPath('search-from-figure.png') });
    await page.getByRole('button', { name: 'Bỏ điều kiện theo số liệu báo cáo' }).click();
    await expect(page.getByTestId('search-count')).toHaveText('4 kết quả');

    // The chosen mode is remembered across visits.
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await page.getByText('Khoảng ngày').click();
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await page.screenshot({ path: testInfo.outputPath('dashboard-latest.png'), fullPage: true });
    await expect(page.getByRole('button', { name: 'Đến tháng' })).toHaveText('Tháng 02/2024');
    // A monthly bar opens the regulations it counts: VPCP's three opinions of 02/2024.
    await page.locator('.recharts-bar-rectangle path[fill="#b93e0c"]').first().click();
    await expect(page.getByTestId('search-counted-in')).toContainText('Có ý kiến thẩm tra từ 01/02/2024 đến 29/02/2024');
    await expect(page.getByTestId('search-count')).toHaveText('3 kết quả');
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await expect(page.getByRole('radio', { name: 'Khoảng ngày' })).toBeChecked();
    await expect(page.getByTestId('report-period')).toContainText(/2024/);
  } finally {
    await host.stop();
  }
});

test('import messages speak to people: a wrong id in plain Vietnamese with its path in the details; a workbook named as such', async ({ page }, testInfo) => {
  const host = await reviewedHost();
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Nhập hồ sơ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập hồ sơ từ cơ quan khác' });
    const broken = { ...reviewedDossier, drafts: [{ ...reviewedDossier.drafts[0]!, id: 'abc' }] };
    await dialog.locator('input[type=file]').setInputFiles({ name: 'ho-so.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const problems = dialog.getByTestId('import-problems');
    await expect(problems).toContainText('Dự thảo thứ 1, mã định danh: không đúng dạng mã do ứng dụng tạo ra (UUID)');
    await expect(problems).not.toContainText('drafts[0]');
    const details = dialog.getByTestId('error-details');
    await expect(details.locator('pre')).toBeHidden();
    await details.getByText('Chi tiết kỹ thuật').click();
    await expect(details).toContainText('drafts[0].id');
    await page.screenshot({ path: testInfo.outputPath('import-plain-message.png') });

    // An XLSX picked by mistake: named as a workbook, never "Unexpected token 'P', "PK…" is not valid JSON".
    await dialog.locator('input[type=file]').setInputFiles({ name: 'danh-sach.json', mimeType: 'application/json', buffer: Buffer.from('PK\u0003\u0004 rest of a zip', 'latin1') });
    await expect(problems).toContainText('tệp nén ZIP');
    await expect(dialog).not.toContainText('Unexpected token');
  } finally {
    await host.stop();
  }
});

test('opinion editor: Enter on an empty item leaves the list, a comment defaults to the quoted component', async ({ page }, testInfo) => {
  const databasePath = temporaryDatabase('editor.sqlite');
  const file = resolve(dirname(databasePath), 'submitted.json');
  writeFileSync(file, JSON.stringify(workflowDossier({ status: 'submitted_for_appraisal' })));
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', file], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  const host = await startHost(databasePath, { profile: { agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Lê Hoa' } });
  try {
    await page.goto(host.url);
    await page.evaluate((id) => (window.location.hash = `#/regulations/${id}`), FLOW_IDS.transportLicence);
    await page.getByRole('tab', { name: 'Ý kiến' }).click();
    await page.getByRole('button', { name: /^Viết ý kiến/ }).click();
    const form = page.getByTestId('opinion-form');
    await form.getByText('Thống nhất', { exact: true }).click();
    const editor = form.getByRole('textbox', { name: 'Nội dung ý kiến' });
    await editor.click();
    await form.getByRole('button', { name: 'Danh sách đánh số' }).click();
    await page.keyboard.type('Một');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Hai');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // on the empty third item: out of the list
    await page.keyboard.type('Kết luận');
    await expect(editor.locator('ol > li')).toHaveCount(2);
    await expect(editor.locator('p', { hasText: 'Kết luận' })).toBeVisible();

    await form.getByRole('button', { name: 'Trích dẫn bộ phận' }).click();
    await page.getByRole('menuitem', { name: 'Thành phần, số lượng hồ sơ' }).click();
    await editor.locator('blockquote').getByText('Giấy đề nghị cấp giấy phép').dblclick();
    await form.getByRole('button', { name: 'Góp ý bộ phận' }).click();
    await expect(page.getByRole('textbox', { name: 'Bộ phận được góp ý' }).or(page.getByRole('combobox', { name: 'Bộ phận được góp ý' })).first()).toHaveValue('Thành phần, số lượng hồ sơ');
    await page.screenshot({ path: testInfo.outputPath('editor-comment.png') });
    await page.keyboard.press('Escape');

    await form.getByRole('button', { name: 'Lưu ý kiến' }).click();
    await expect(form).toBeHidden();
    const saved = page.getByTestId('opinion').first();
    await expect(saved).toContainText('Kết luận');
    await expect(saved.locator('li')).toHaveCount(2);
  } finally {
    await host.stop();
  }
});
