// Issue 20: what confused a new officer — four «Tiếp thu, giải trình» tables offered on a new, empty draft; VPCP
// offered «Nhập từ Excel» on a ministry's draft; a province's officer offered «Nghị định» first; and a pasted bell
// refused as «U+0007». Each as the officer met it, at 1366×768.
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './test';
import { REVIEWED_TITLE } from '../fixtures/reviewedDossier';
import { reviewedHost } from './reviewedHost';
import { startHost, temporaryDatabase, type RunningHost } from './webHost';

const RESPONSES = /^Tiếp thu, giải trình ý kiến/;

test.use({ viewport: { width: 1366, height: 768 } });

const saveProfile = async (host: RunningHost, request: APIRequestContext, profile: { agency: string; role: string; officerName: string }) =>
  expect((await request.post(`${host.origin}/api/saveProfile`, { data: profile, headers: { 'x-tthc-token': host.token } })).ok()).toBe(true);

test('«Tiếp thu, giải trình» is offered once a stage has issued opinions, not on a new draft', async ({ page }, testInfo) => {
  const host = await reviewedHost('offers-responses.sqlite');
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Tạo dự thảo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo dự thảo mới' });
    await dialog.getByLabel('Tên dự thảo').fill('Nghị định về đăng ký hộ tịch');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByRole('heading', { name: 'Nghị định về đăng ký hộ tịch' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Xuất Excel' })).toBeVisible();
    await expect(page.getByRole('button', { name: RESPONSES })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('new-draft.png') });

    // The reviewed draft: both stages have ruled, so both tables, each as DOCX and XLSX.
    await page.getByRole('link', { name: 'Dự thảo VBQPPL' }).click();
    await page.getByRole('row').filter({ hasText: REVIEWED_TITLE }).click();
    await expect(page.getByRole('heading', { name: REVIEWED_TITLE })).toBeVisible();
    await expect(page.getByRole('button', { name: RESPONSES })).toHaveText([
      'Tiếp thu, giải trình ý kiến thẩm định (DOCX)',
      'Tiếp thu, giải trình ý kiến thẩm định (XLSX)',
      'Tiếp thu, giải trình ý kiến thẩm tra (DOCX)',
      'Tiếp thu, giải trình ý kiến thẩm tra (XLSX)',
    ]);
  } finally {
    await host.stop();
  }
});

test('VPCP is not offered «Nhập từ Excel» on a ministry’s draft, and is told why', async ({ page, request }, testInfo) => {
  const host = await reviewedHost('offers-import.sqlite');
  try {
    await saveProfile(host, request, { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Văn Bình' });
    await page.goto(host.url);
    await page.getByRole('row').filter({ hasText: REVIEWED_TITLE }).click();
    const importButton = page.getByRole('button', { name: 'Nhập từ Excel' });
    await expect(importButton).toBeDisabled();
    await expect(importButton).toHaveAttribute('title', /^Chỉ «Cơ quan chủ trì soạn thảo» được thêm, sửa, xóa TTHC\/QĐKD/);
    await expect(page.getByRole('button', { name: 'Thêm TTHC/QĐKD' })).toBeDisabled();
    await page.screenshot({ path: testInfo.outputPath('vpcp-draft.png') });
  } finally {
    await host.stop();
  }
});

test('a province’s new draft starts on its People’s Council’s resolution; a pasted bell is named in words', async ({ page, request }, testInfo) => {
  const host = await startHost(temporaryDatabase('offers-province.sqlite'));
  try {
    await saveProfile(host, request, { agency: 'Ủy ban nhân dân tỉnh Lạng Sơn', role: 'drafter', officerName: 'Hoàng Văn Nam' });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Tạo dự thảo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo dự thảo mới' });
    await expect(dialog.getByRole('combobox', { name: 'Loại văn bản' })).toHaveValue('Nghị quyết của HĐND cấp tỉnh');
    await expect(dialog.getByLabel('Cơ quan chủ trì soạn thảo')).toHaveValue('Ủy ban nhân dân tỉnh Lạng Sơn');
    await expect(dialog.getByRole('checkbox', { name: /^Trình Chính phủ/ })).not.toBeChecked();
    // Its example title is a province's document, not a ministry's decree (issue 20).
    await expect(dialog.getByLabel('Tên dự thảo')).toHaveAttribute('placeholder', /^Ví dụ: Nghị quyết .* trên địa bàn tỉnh$/);
    await page.screenshot({ path: testInfo.outputPath('province-title-example.png') });
    // The dialog puts the cursor in «Tên dự thảo» as it opens; the type list is opened after that, or it closes.
    await expect(dialog.getByLabel('Tên dự thảo')).toBeFocused();
    await dialog.getByRole('combobox', { name: 'Loại văn bản' }).click();
    await page.getByRole('option', { name: 'Nghị quyết của HĐND cấp xã' }).click();
    await expect(dialog.getByLabel('Tên dự thảo')).toHaveAttribute('placeholder', /^Ví dụ: Nghị quyết .* trên địa bàn xã$/);
    await dialog.getByRole('combobox', { name: 'Loại văn bản' }).click();
    await page.getByRole('option', { name: 'Nghị quyết của HĐND cấp tỉnh' }).click();
    await expect(dialog.getByRole('combobox', { name: 'Loại văn bản' })).toHaveValue('Nghị quyết của HĐND cấp tỉnh');

    await dialog.getByLabel('Tên dự thảo').fill('Nghị quyết quy định\u0007 mức thu phí');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog).toContainText('chứa một ký tự điều khiển không in được');
    await expect(dialog).toContainText('ở ký tự thứ 20, ngay sau «Nghị quyết quy định»');
    await expect(dialog).not.toContainText('U+0007');
    await page.screenshot({ path: testInfo.outputPath('province-draft-form.png') });
  } finally {
    await host.stop();
  }
});
