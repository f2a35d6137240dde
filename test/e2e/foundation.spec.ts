import { expect, test } from './test';
import { chooseDocType, openNewDraftDialog } from './draftDialog';
import { startHost, temporaryDatabase } from './webHost';

test('an officer creates a draft, adds a procedure with its components, finds it without diacritics, and finds it again after a restart', async ({ page }) => {
  const databasePath = temporaryDatabase();
  let host = await startHost(databasePath);
  await page.goto(host.url);

  const dialog = await openNewDraftDialog(page);
  await chooseDocType(page, dialog, 'Thông tư');
  await dialog.getByLabel('Tên dự thảo').fill('Thông tư quy định về đăng ký hộ tịch trực tuyến');
  await dialog.getByLabel('Cơ quan chủ trì soạn thảo').fill('Bộ Tư pháp');
  await dialog.getByLabel(/Trình Chính phủ/).uncheck();
  await dialog.getByRole('button', { name: 'Lưu' }).click();

  await expect(page.getByRole('heading', { name: 'Thông tư quy định về đăng ký hộ tịch trực tuyến' })).toBeVisible();
  await page.getByRole('button', { name: 'Thêm TTHC/QĐKD' }).click();

  await page.getByLabel('Tên thủ tục/quy định').fill('Đăng ký khai sinh');
  await page.getByLabel('Điều, khoản quy định').fill('Điều 5');
  await page.getByLabel('Lĩnh vực').fill('Hộ tịch');
  await page.getByPlaceholder('Bước 1').fill('Nộp hồ sơ tại UBND cấp xã');
  await page.getByRole('button', { name: 'Thêm bước' }).click();
  await page.getByPlaceholder('Bước 2').fill('Công chức tư pháp - hộ tịch kiểm tra và cấp Giấy khai sinh');
  for (const method of ['Trực tiếp', 'Trực tuyến']) {
    await page.getByRole('button', { name: 'Thêm cách thức nộp' }).click();
    await page.getByRole('menuitem', { name: method }).click();
  }
  await page.getByLabel('Giấy tờ').first().fill('Tờ khai đăng ký khai sinh');
  await page.getByLabel('Thời hạn giải quyết').fill('1');

  // A circular must set every mandatory component: the checklist still flags what is missing.
  const checklist = page.getByTestId('component-checklist');
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Đối tượng thực hiện' })).toHaveAttribute('data-filled', 'false');
  const subjects = page.getByRole('combobox', { name: 'Đối tượng thực hiện' });
  await subjects.fill('Cá nhân');
  await subjects.press('Enter');
  await page.getByLabel('Cơ quan thực hiện').fill('Ủy ban nhân dân cấp xã');
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Đối tượng thực hiện' })).toHaveAttribute('data-filled', 'true');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Thông tin TTHC/QĐKD' })).toBeVisible();

  await page.getByRole('link', { name: /Thông tư quy định về đăng ký hộ tịch/ }).click();
  const row = page.getByRole('row').filter({ hasText: 'Đăng ký khai sinh' });
  await expect(row).toContainText('Thiếu 1 thành phần'); // the result (kết quả) was left empty

  for (const query of ['dang ky khai', 'ĐĂNG KÝ KHAI SINH', 'ho tich']) {
    await page.getByRole('link', { name: 'Tra cứu TTHC' }).click();
    await page.getByRole('textbox', { name: 'Tra cứu TTHC/QĐKD trong mọi dự thảo' }).fill(query);
    await expect(page.getByTestId('search-count')).toHaveText('1 kết quả');
    await expect(page.getByTestId('search-results')).toContainText('Đăng ký khai sinh');
  }

  await host.stop();
  host = await startHost(databasePath);
  await page.goto(host.url);
  await page.getByRole('row').filter({ hasText: 'Thông tư quy định về đăng ký hộ tịch trực tuyến' }).click();
  await page.getByRole('link', { name: 'Đăng ký khai sinh' }).click();
  await expect(page.getByPlaceholder('Bước 2')).toHaveValue('Công chức tư pháp - hộ tịch kiểm tra và cấp Giấy khai sinh');
  await expect(page.getByLabel('Thời hạn giải quyết')).toHaveValue(/^1/);
  await host.stop();
});

test('the web host refuses API calls without the per-run token', async ({ request }) => {
  const host = await startHost(temporaryDatabase());
  try {
    const withoutToken = await request.post(`${host.origin}/api/listDrafts`, { data: {} });
    expect(withoutToken.status()).toBe(401);
    const wrongToken = await request.post(`${host.origin}/api/listDrafts`, { data: {}, headers: { 'x-tthc-token': 'x'.repeat(48) } });
    expect(wrongToken.status()).toBe(401);
    const withToken = await request.post(`${host.origin}/api/listDrafts`, { data: {}, headers: { 'x-tthc-token': host.token } });
    expect(withToken.status()).toBe(200);
    expect(await withToken.json()).toEqual({ ok: true, value: { total: 0, items: [], next: null } });
    const badInput = await request.post(`${host.origin}/api/createDraft`, {
      data: { docType: 'sac_lenh', title: '' },
      headers: { 'x-tthc-token': host.token },
    });
    const body = (await badInput.json()) as { ok: boolean; error: { code: string; problems: { path: string }[] } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.problems.map((problem) => problem.path)).toEqual(expect.arrayContaining(['docType', 'title']));
  } finally {
    await host.stop();
  }
});
