// Issue 22 item 5 on the regulation form: a time limit and a fee per filing method, as the national TTHC database
// records them — one row per method, added and removed, blank figures reading as the procedure's own, wrong figures
// refused in Vietnamese on their own row, and every row kept across a save and a reload.
import { expect, test } from './test';
import { startHost, temporaryDatabase } from './webHost';

test('an officer gives each filing method its own time limit and fee, removes one, and finds them after a reload', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const host = await startHost(temporaryDatabase());
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Tạo dự thảo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Loại văn bản').click();
    await page.getByRole('option', { name: 'Nghị định', exact: true }).click();
    await dialog.getByLabel('Tên dự thảo').fill('Nghị định sửa đổi Nghị định 105/2017/NĐ-CP về kinh doanh rượu');
    await dialog.getByLabel('Cơ quan chủ trì soạn thảo').fill('Bộ Công Thương');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('button', { name: 'Thêm TTHC/QĐKD' }).click();

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
    await expect(table.getByLabel('Phí, lệ phí khi nộp: Trực tiếp')).toHaveValue('');
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('method-terms.png') });
  } finally {
    await host.stop();
  }
});
