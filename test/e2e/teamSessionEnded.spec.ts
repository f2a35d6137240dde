// Issue 21 item 4: a session that ends over an open form (idle expiry, or signed out from another device) does not
// cost the officer what they typed. The app stays under a sign-in dialog, and the save the server refused is sent
// again once they are back. The server runs with a 4-second idle expiry (TTHC_TEST_SESSION_IDLE_MS) instead of 8 hours.
import { expect, test, watchScreens, type Page } from './test';
import { LAN, signInOnPage, startDraftingUnit, teamServerMissing, type RunningTeamServer } from './teamServer';

test.use({ viewport: { width: 1366, height: 768 }, ignoreHTTPSErrors: true });
test.describe.configure({ mode: 'serial' });

const missing = teamServerMissing();
test.skip(missing !== null, missing ?? '');

const IDLE_MS = 4_000;
/** The procedure each test opens, each in a draft of its own, made by Lan through the API before the page signs in. */
const PROCEDURES = ['Cấp giấy phép kinh doanh xăng dầu', 'Cấp giấy chứng nhận đủ điều kiện kinh doanh khí'] as const;
let server: RunningTeamServer;
let regulationIds: string[];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  let drafts: { procedureId?: string }[];
  ({ server, drafts } = await startDraftingUnit({
    officers: [LAN],
    sessionIdleMs: IDLE_MS,
    drafts: PROCEDURES.map((name) => ({ docType: 'nghi_dinh' as const, title: `Nghị định về ${name.toLowerCase()}`, procedure: { name, level: 'central' as const } })),
  }));
  regulationIds = drafts.map(({ procedureId }) => procedureId!);
});

test.afterAll(async () => {
  await server?.stop();
});

async function signIn(page: Page, login: string): Promise<void> {
  await signInOnPage(page, server, login);
}

/**
 * Lan's page open on the test's regulation, right after her sign-in. Its draft was made in the API's own session
 * before: made here, between the page's sign-in and its next call, that sign-in and two writes took longer than the
 * 4-second expiry on a loaded machine, and the page's session ended before the form had loaded.
 */
async function openRegulation(page: Page, name: (typeof PROCEDURES)[number]): Promise<{ id: string }> {
  const id = regulationIds[PROCEDURES.indexOf(name)]!;
  await page.evaluate((regulation) => (window.location.hash = `#/regulations/${regulation}`), id);
  await expect(page.getByLabel('Tên thủ tục/quy định')).toHaveValue(name);
  return { id };
}

/** The stored name, read as the administrator (a session of its own). */
async function storedName(id: string): Promise<string> {
  const reader = await server.signedIn('quantri');
  const { name } = await reader.call<{ name: string }>('getRegulation', { id });
  await reader.dispose();
  return name;
}

test('the session expires while Lan types: signing in again over the form keeps her typing and saves it', async ({ page }, testInfo) => {
  await signIn(page, 'lan');
  const regulation = await openRegulation(page, 'Cấp giấy phép kinh doanh xăng dầu');
  const name = page.getByLabel('Tên thủ tục/quy định');
  await name.fill('Cấp giấy phép kinh doanh xăng dầu (sửa đổi)');
  // Nothing is asked of the server for longer than the idle expiry: the session ends.
  await page.waitForTimeout(IDLE_MS + 1_000);
  await page.getByTestId('save-bar').getByRole('button', { name: 'Lưu', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'Phiên đăng nhập đã kết thúc' });
  await expect(dialog).toContainText('Những gì đang nhập trên màn hình vẫn còn nguyên');
  // The app is still there under the dialog, with what she typed, and the save has not happened yet.
  await expect(name).toHaveValue('Cấp giấy phép kinh doanh xăng dầu (sửa đổi)');
  await expect(dialog.getByLabel('Tên đăng nhập')).toHaveValue('lan');
  // Her login is known: the cursor waits in the password field, so she only types it and presses Enter.
  await expect(dialog.getByLabel('Mật khẩu')).toBeFocused();
  expect(await storedName(regulation.id)).toBe('Cấp giấy phép kinh doanh xăng dầu');
  await page.screenshot({ path: testInfo.outputPath('session-ended.png') });

  await dialog.getByLabel('Mật khẩu').fill(server.passwords.lan!);
  await dialog.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(dialog).toHaveCount(0);
  // The refused save went again by itself.
  await expect(page.getByTestId('save-state')).toHaveText('Đã lưu mọi thay đổi');
  await expect(name).toHaveValue('Cấp giấy phép kinh doanh xăng dầu (sửa đổi)');
  expect(await storedName(regulation.id)).toBe('Cấp giấy phép kinh doanh xăng dầu (sửa đổi)');
});

test('signed out everywhere from another device: the open form asks for sign-in and saves after it', async ({ page, browser }) => {
  await signIn(page, 'lan');
  const regulation = await openRegulation(page, 'Cấp giấy chứng nhận đủ điều kiện kinh doanh khí');
  const name = page.getByLabel('Tên thủ tục/quy định');
  await name.fill('Cấp giấy chứng nhận đủ điều kiện kinh doanh khí dầu mỏ');

  // Lan, on another computer, signs out everywhere.
  const elsewhere = await browser.newContext({ viewport: { width: 1366, height: 768 }, ignoreHTTPSErrors: true, locale: 'vi-VN' });
  await watchScreens(elsewhere);
  const other = await elsewhere.newPage();
  await signIn(other, 'lan');
  await other.getByTestId('profile-badge').click();
  await other.getByRole('menuitem', { name: 'Đăng xuất trên mọi thiết bị' }).click();
  await expect(other.getByTestId('sign-in')).toBeVisible();
  await elsewhere.close();

  await page.getByTestId('save-bar').getByRole('button', { name: 'Lưu', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Phiên đăng nhập đã kết thúc' });
  await expect(dialog).toBeVisible();
  await expect(name).toHaveValue('Cấp giấy chứng nhận đủ điều kiện kinh doanh khí dầu mỏ');
  await dialog.getByLabel('Mật khẩu').fill(server.passwords.lan!);
  await dialog.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Đã lưu mọi thay đổi');
  expect(await storedName(regulation.id)).toBe('Cấp giấy chứng nhận đủ điều kiện kinh doanh khí dầu mỏ');
});
