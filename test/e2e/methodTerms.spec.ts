// Issue 22 item 5 on the regulation form: a time limit and a fee per filing method, as the national TTHC database
// records them — one row per method, added and removed, blank figures reading as the procedure's own, wrong figures
// refused in Vietnamese on their own row, and every row kept across a save and a reload.
import { expect, test, type Page } from './test';
import { chooseDocType, openNewDraftDialog } from './draftDialog';
import { startHost, temporaryDatabase } from './webHost';

/** A new draft amending Decree 105/2017 of Bộ Công Thương, made on its dialog, and its first procedure's form opened. */
async function newProcedureOfDecree105(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const dialog = await openNewDraftDialog(page);
  await chooseDocType(page, dialog, 'Nghị định');
  await dialog.getByLabel('Tên dự thảo').fill('Nghị định sửa đổi Nghị định 105/2017/NĐ-CP về kinh doanh rượu');
  await dialog.getByLabel('Cơ quan chủ trì soạn thảo').fill('Bộ Công Thương');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await page.getByRole('button', { name: 'Thêm TTHC/QĐKD' }).click();
}

test('an officer gives each filing method its own time limit and fee, removes one, and finds them after a reload', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const host = await startHost(temporaryDatabase());
  try {
    await newProcedureOfDecree105(page, host.url);

    await page.getByLabel('Tên thủ tục/quy định').fill('Cấp Giấy phép bán lẻ rượu');
    await page.getByLabel('Thời hạn giải quyết').fill('10');
    await page.getByRole('button', { name: 'Thêm phí, lệ phí' }).click();
    await page.getByLabel('Tên phí, lệ phí').fill('Phí thẩm định');
    await page.getByLabel('Mức thu (đồng)').fill('1200000');

    const table = page.getByTestId('method-terms');
    await expect(table).toContainText('Chưa nêu cách thức nộp hồ sơ nào.');
    for (const method of ['Trực tiếp', 'Trực tuyến', 'Qua bưu chính']) {
      await page.getByRole('button', { name: 'Thêm cách thức nộp' }).click();
      await page.getByRole('menuitem', { name: method }).click();
    }
    // All three listed: nothing left to add.
    await expect(page.getByRole('button', { name: 'Thêm cách thức nộp' })).toHaveCount(0);
    // A blank figure is the procedure's own, and says so.
    await expect(table.getByLabel('Thời hạn riêng khi nộp: Trực tiếp')).toHaveAttribute('placeholder', '10');
    await expect(table.getByLabel('Đơn vị tính thời hạn khi nộp: Trực tiếp')).toBeDisabled();
    await expect(table.getByLabel('Phí, lệ phí khi nộp: Trực tiếp')).toHaveAttribute('placeholder', '1.200.000 đ');

    // Typed the same as the procedure's: it is the procedure's, and follows it (stored blank, read as 10).
    await table.getByLabel('Thời hạn riêng khi nộp: Trực tiếp').fill('10');
    await table.getByLabel('Thời hạn riêng khi nộp: Trực tuyến').fill('7');
    await table.getByLabel('Đơn vị tính thời hạn khi nộp: Trực tuyến').click();
    await page.getByRole('option', { name: 'ngày', exact: true }).click();
    await table.getByLabel('Phí, lệ phí khi nộp: Trực tuyến').fill('-600000');
    await table.getByLabel('Thời hạn riêng khi nộp: Qua bưu chính').fill('4000');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    // Refused on the rows that are wrong, in Vietnamese; nothing saved yet.
    const online = table.locator('tr[data-method="online"]');
    const post = table.locator('tr[data-method="post"]');
    await expect(online).toContainText('không được âm');
    await expect(post).toContainText('không quá');
    await expect(table.locator('tr[data-method="in_person"]')).not.toContainText('không');
    await page.screenshot({ path: testInfo.outputPath('method-terms-refused.png') });

    await table.getByLabel('Phí, lệ phí khi nộp: Trực tuyến').fill('600000');
    await table.getByLabel('Thời hạn riêng khi nộp: Qua bưu chính').fill('12');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Thông tin TTHC/QĐKD' })).toBeVisible();
    await page.getByRole('button', { name: 'Bỏ cách thức nộp: Qua bưu chính' }).click();
    await expect(table.locator('tr[data-method="post"]')).toHaveCount(0);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByText('Đã lưu').first()).toBeVisible();

    await page.reload();
    await expect(table.locator('tbody tr')).toHaveCount(2);
    await expect(table.getByLabel('Thời hạn riêng khi nộp: Trực tuyến')).toHaveValue('7');
    await expect(table.getByLabel('Đơn vị tính thời hạn khi nộp: Trực tuyến')).toHaveValue('ngày');
    await expect(table.getByLabel('Phí, lệ phí khi nộp: Trực tuyến')).toHaveValue('600.000 đ');
    await expect(table.getByLabel('Thời hạn riêng khi nộp: Trực tiếp')).toHaveValue('');
    await expect(table.getByLabel('Thời hạn riêng khi nộp: Trực tiếp')).toHaveAttribute('placeholder', '10');
    await expect(table.getByLabel('Phí, lệ phí khi nộp: Trực tiếp')).toHaveValue('');
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('method-terms.png') });
  } finally {
    await host.stop();
  }
});

test('an officer types each method\'s time limit before the draft beside its row, and the cut is compared method by method', async ({ page }, testInfo) => {
  // Issue 22: the per-method limits before the draft had no input on the form (API, dossier and CLI only).
  await page.setViewportSize({ width: 1366, height: 768 });
  const host = await startHost(temporaryDatabase());
  try {
    await newProcedureOfDecree105(page, host.url);

    await page.getByLabel('Tên thủ tục/quy định').fill('Cấp Giấy phép phân phối rượu');
    await page.getByLabel('Thời hạn giải quyết').fill('10');
    const table = page.getByTestId('method-terms');
    for (const method of ['Qua bưu chính', 'Trực tuyến']) {
      await page.getByRole('button', { name: 'Thêm cách thức nộp' }).click();
      await page.getByRole('menuitem', { name: method }).click();
    }
    // A new procedure has nothing before the draft: no column for it.
    await expect(table.getByLabel('Thời hạn trước dự thảo khi nộp: Trực tuyến', { exact: true })).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Dự thảo quy định' }).click();
    await page.getByRole('option', { name: 'Sửa đổi, bổ sung', exact: true }).click();
    await table.getByLabel('Thời hạn riêng khi nộp: Trực tuyến').fill('5');
    const baseline = page.getByTestId('baseline-section');
    await baseline.getByLabel('Thời hạn hiện hành').fill('15');
    // A blank method's limit before is the procedure's, shown dimmed, its unit not chosen.
    await expect(table.getByLabel('Thời hạn trước dự thảo khi nộp: Trực tuyến', { exact: true })).toHaveAttribute('placeholder', '15');
    await expect(table.getByLabel('Đơn vị tính thời hạn trước dự thảo khi nộp: Trực tuyến')).toBeDisabled();

    // The same bounds as every time limit: refused on its own row, in Vietnamese.
    await table.getByLabel('Thời hạn trước dự thảo khi nộp: Qua bưu chính', { exact: true }).fill('400');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(table.locator('tr[data-method="post"]')).toContainText('không quá 365 ngày');
    await expect(table.locator('tr[data-method="online"]')).not.toContainText('không');

    await table.getByLabel('Thời hạn trước dự thảo khi nộp: Qua bưu chính', { exact: true }).fill('20');
    // Post 20 → 10 and online 15 → 5: (17,5 − 7,5) ÷ 17,5 over the methods, where the procedure's 15 → 10 alone says 33,33%.
    await expect(baseline.getByTestId('time-measure')).toContainText('Cắt giảm 57,14%');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Thông tin TTHC/QĐKD' })).toBeVisible();

    await page.reload();
    await expect(table.getByLabel('Thời hạn trước dự thảo khi nộp: Qua bưu chính', { exact: true })).toHaveValue('20');
    await expect(table.getByLabel('Thời hạn trước dự thảo khi nộp: Trực tuyến', { exact: true })).toHaveValue('');
    await expect(table.getByLabel('Thời hạn trước dự thảo khi nộp: Trực tuyến', { exact: true })).toHaveAttribute('placeholder', '15');
    await expect(baseline.getByTestId('time-measure')).toContainText('Cắt giảm 57,14%');
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('method-terms-before.png') });
  } finally {
    await host.stop();
  }
});
