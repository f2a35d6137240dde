// Issue 21: on a unit's team server nothing shows before sign-in; a wrong password is told in Vietnamese without
// saying whether the login exists; once signed in the header names the person and their role, the drafts of the unit
// are there, and signing out leaves the browser holding nothing.
import { expect, test, watchScreens, type Page } from './test';
import { HOA, LAN, signInOnPage, startDraftingUnit, teamServerMissing, type RunningTeamServer } from './teamServer';

test.use({ viewport: { width: 1366, height: 768 }, ignoreHTTPSErrors: true });
test.describe.configure({ mode: 'serial' });

const missing = teamServerMissing();
test.skip(missing !== null, missing ?? '');

let server: RunningTeamServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ({ server } = await startDraftingUnit({
    officers: [LAN, { ...HOA, roles: 'drafter,appraiser' }],
    drafts: [
      { docType: 'nghi_dinh', title: 'Nghị định về kinh doanh xăng dầu' },
      { docType: 'thong_tu', title: 'Thông tư về nhãn năng lượng' },
    ],
  }));
});

/** Nguyễn Văn Quản, the unit's administrator (and a drafter), signs in on `page`. */
async function signInAsAdministrator(page: Page): Promise<void> {
  await signInOnPage(page, server, 'quantri');
}

test.afterAll(async () => {
  await server?.stop();
});

test('sign-in: a wrong password is refused in Vietnamese, then the person sees the drafts, their name and role, and signs out', async ({ page }, testInfo) => {
  await page.goto(server.origin);
  const form = page.getByTestId('sign-in');
  await expect(form.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  // Nothing of the app before sign-in: no navigation, no header badge.
  await expect(page.getByTestId('profile-badge')).toHaveCount(0);
  // English second, before anyone is known.
  await page.getByText('English', { exact: true }).click();
  await expect(form.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByText('Tiếng Việt', { exact: true }).click();
  await expect(form.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();

  await form.getByLabel('Tên đăng nhập').fill('lan');
  await form.getByLabel('Mật khẩu').fill('không phải mật khẩu');
  await form.getByRole('button', { name: 'Đăng nhập' }).click();
  const refusal = form.getByRole('alert');
  await expect(refusal).toContainText('Không đăng nhập được');
  const wrongPassword = (await refusal.textContent()) ?? '';
  await page.screenshot({ path: testInfo.outputPath('sign-in-refused.png') });
  // An unknown login reads exactly the same: the screen never tells which logins exist.
  await form.getByLabel('Tên đăng nhập').fill('khongcoai');
  await form.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(refusal).toHaveText(wrongPassword);

  await form.getByLabel('Tên đăng nhập').fill('lan');
  await form.getByLabel('Mật khẩu').fill(server.passwords.lan!);
  // Each failure on an account slows its next sign-in by a second or more: the screen says so, and then lets her in.
  const submit = form.getByRole('button', { name: 'Đăng nhập' });
  await expect(async () => {
    if (await submit.isVisible()) await submit.click();
    await expect(page.getByTestId('profile-badge')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });

  const badge = page.getByTestId('profile-badge');
  await expect(badge).toHaveAttribute('data-role', 'drafter');
  await expect(badge).toContainText('Cơ quan chủ trì soạn thảo');
  await expect(badge).toContainText('Trần Thị Lan');
  await expect(badge).toContainText('Bộ Công Thương');
  await expect(page.getByText('Nghị định về kinh doanh xăng dầu')).toBeVisible();
  await expect(page.getByText('Thông tư về nhãn năng lượng')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('signed-in.png') });

  // Only her own role is offered, and no Settings to change who she is.
  await badge.click();
  await expect(page.getByRole('menuitem', { name: /Cơ quan thẩm định/ })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: /Cài đặt/ })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('person-menu.png') });
  await page.getByRole('menuitem', { name: 'Đăng xuất', exact: true }).click();

  await expect(form).toBeVisible();
  await expect(page.getByText('Nghị định về kinh doanh xăng dầu')).toHaveCount(0);
  // The cookie is gone from the browser, and a reload does not bring the session back.
  expect((await page.context().cookies()).filter((cookie) => cookie.name.includes('tthc-session'))).toEqual([]);
  await page.reload();
  await expect(form).toBeVisible();
});

test('a person with two roles chooses among their own; the server acts in the one chosen', async ({ page }) => {
  await signInOnPage(page, server, 'hoa');
  const badge = page.getByTestId('profile-badge');
  await expect(badge).toHaveAttribute('data-role', 'drafter');
  await badge.click();
  await expect(page.getByRole('menuitem')).toHaveText([/Cơ quan chủ trì soạn thảo/, /Cơ quan thẩm định/, 'Đổi mật khẩu', 'Đăng xuất', 'Đăng xuất trên mọi thiết bị']);
  await page.getByRole('menuitem', { name: /Cơ quan thẩm định/ }).click();
  await expect(badge).toHaveAttribute('data-role', 'appraiser');
  // The choice is this tab's: a reload keeps it, and the server answers the profile in that role.
  await page.reload();
  await expect(badge).toHaveAttribute('data-role', 'appraiser');
  await expect(badge).toContainText('Lê Thị Hoa');
});

test('Cài đặt on the team server shows who the person is from their account, and no form or copies of this machine', async ({ page }, testInfo) => {
  await signInOnPage(page, server, 'hoa');
  await page.getByRole('link', { name: 'Cài đặt' }).click();
  const account = page.getByTestId('team-account');
  await expect(account).toContainText('Lê Thị Hoa');
  await expect(account).toContainText('Bộ Công Thương');
  await expect(account).toContainText('Cơ quan chủ trì soạn thảo, Cơ quan thẩm định');
  // The machine's profile form would be refused on save; the unit database's copies are the server administrator's.
  await expect(page.getByRole('heading', { name: 'Cơ quan và vai trò của máy này' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Sao lưu và khôi phục' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Máy chủ của đơn vị' })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('team-settings.png') });

  // Nor does the server hand them out to an officer who asks it directly: neither the list, a copy, nor a restore.
  const hoa = await server.signedIn('hoa');
  for (const [method, input] of [
    ['listBackups', {}],
    ['createBackup', {}],
    ['downloadBackup', { name: 'tthc-2026-01-01.dump' }],
    ['restoreBackup', { name: 'tthc-2026-01-01.dump' }],
  ] as const) {
    await expect(hoa.call(method, input)).rejects.toThrow(/"code":"forbidden".*người quản trị máy chủ/);
  }
  await hoa.dispose();
});

test('the unit administrator adds a person (one-time password shown once), resets, disables and gives roles; an officer cannot', async ({ page, browser }, testInfo) => {
  await signInOnPage(page, server, 'quantri');
  await page.getByRole('link', { name: 'Người dùng của đơn vị' }).click();
  await expect(page.getByRole('heading', { name: 'Người dùng của đơn vị' })).toBeVisible();
  const persons = page.getByTestId('unit-persons');
  await expect(persons.locator('tbody tr')).toHaveCount(3);

  await page.getByRole('button', { name: 'Thêm người dùng' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
  await dialog.getByLabel('Họ tên').fill('Phạm Văn Minh');
  await dialog.getByLabel('Tên đăng nhập').fill('minh');
  await dialog.getByRole('button', { name: 'Thêm và tạo mật khẩu' }).click();
  const shown = page.getByTestId('one-time-password');
  await expect(shown).toContainText('Mật khẩu của Phạm Văn Minh (tên đăng nhập: minh)');
  await expect(shown).toContainText('chỉ hiện lần này');
  const password = (await page.getByTestId('one-time-password-value').textContent())!.trim();
  expect(password).toMatch(/^[a-zA-Z2-9]{16}$/);
  await page.screenshot({ path: testInfo.outputPath('one-time-password.png') });
  await shown.getByRole('button', { name: 'Đã ghi lại, đóng' }).click();
  // Shown once: gone from the screen once closed, and the list never carries it.
  await expect(page.getByText(password)).toHaveCount(0);
  const minhRow = persons.locator('tr[data-login="minh"]');
  await expect(minhRow).toContainText('Cơ quan chủ trì soạn thảo');
  await expect(minhRow).toContainText('Đang dùng');
  const minh = await server.signedIn('minh', password);
  await minh.dispose();

  // Roles: Minh also appraises.
  await page.getByRole('button', { name: 'Vai trò của Phạm Văn Minh' }).click();
  const roles = page.getByRole('dialog', { name: 'Vai trò của Phạm Văn Minh' });
  await roles.getByLabel('Cơ quan thẩm định').check();
  await roles.getByRole('button', { name: 'Lưu vai trò' }).click();
  await expect(minhRow).toContainText('Cơ quan thẩm định');

  // Disable Lan: confirmed first, then her sign-in is refused.
  await page.getByRole('button', { name: 'Khóa tài khoản của Trần Thị Lan' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Khóa', exact: true }).click();
  await expect(persons.locator('tr[data-login="lan"]')).toContainText('Đã khóa');
  await expect(server.signedIn('lan')).rejects.toThrow(/Tài khoản này đã bị khóa/);
  // The administrator is offered no way to lock themselves out.
  await expect(page.getByRole('button', { name: 'Khóa tài khoản của Nguyễn Văn Quản' })).toHaveCount(0);

  // A new password for Hoa: her old one stops working, the new one signs in.
  await page.getByRole('button', { name: 'Đặt lại mật khẩu của Lê Thị Hoa' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Đặt lại mật khẩu', exact: true }).click();
  const reset = (await page.getByTestId('one-time-password-value').textContent())!.trim();
  await page.getByTestId('one-time-password').getByRole('button', { name: 'Đã ghi lại, đóng' }).click();
  await expect(server.signedIn('hoa')).rejects.toThrow(/Tên đăng nhập hoặc mật khẩu không đúng/);
  server.passwords.hoa = reset;
  await page.screenshot({ path: testInfo.outputPath('unit-users.png') });

  // An officer sees no such screen, and the server refuses it by address too.
  const officerContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, ignoreHTTPSErrors: true, locale: 'vi-VN' });
  await watchScreens(officerContext);
  const officer = await officerContext.newPage();
  await officer.goto(server.origin);
  const officerForm = officer.getByTestId('sign-in');
  await officerForm.getByLabel('Tên đăng nhập').fill('minh');
  // Minh's own password: the API session above made his first sign-in's change (teamServer.ts signedIn).
  await officerForm.getByLabel('Mật khẩu').fill(server.passwords.minh!);
  await expect(async () => {
    if (await officerForm.isVisible()) await officerForm.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(officer.getByTestId('profile-badge')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(officer.getByRole('link', { name: 'Người dùng của đơn vị' })).toHaveCount(0);
  await officer.evaluate(() => (window.location.hash = '#/unit-users'));
  await expect(officer.getByRole('alert')).toContainText('Chỉ quản trị viên của đơn vị quản lý người dùng');
  await officerContext.close();
});

test('two officers save one procedure: the second sees both side by side, loses nothing, keeps theirs or takes the stored one', async ({ page }, testInfo) => {
  const hoa = await server.signedIn('hoa');
  const draft = await hoa.call<{ id: string }>('createDraft', { docType: 'nghi_dinh', title: 'Nghị định về kinh doanh khí', draftingAgency: 'Bộ Công Thương', submittedToGovernment: true });
  const fields = { kind: 'tthc', change: 'new', name: 'Cấp giấy phép kinh doanh khí', level: 'central', components: {} };
  const regulation = await hoa.call<{ id: string; version: number }>('createRegulation', { draftId: draft.id, fields });

  await signInAsAdministrator(page);
  await page.evaluate((id) => (window.location.hash = `#/regulations/${id}`), regulation.id);
  const name = page.getByLabel('Tên thủ tục/quy định');
  await expect(name).toHaveValue('Cấp giấy phép kinh doanh khí');
  await name.fill('Cấp giấy phép kinh doanh khí dầu mỏ hóa lỏng');

  // Hoa saves first, on the version both opened.
  const hoaSaved = await hoa.call<{ version: number }>('updateRegulation', { id: regulation.id, version: regulation.version, fields: { ...fields, name: 'Cấp Giấy phép kinh doanh khí (LPG)' } });
  const saveBar = page.getByTestId('save-bar');
  await saveBar.getByRole('button', { name: 'Lưu', exact: true }).click();
  const conflict = page.getByTestId('regulation-conflict');
  await expect(conflict).toContainText('Lê Thị Hoa (Bộ Công Thương) đã lưu thủ tục này lúc');
  const nameRow = conflict.locator('tr[data-field="name"]');
  await expect(nameRow.locator('[data-side="mine"]')).toHaveText('Cấp giấy phép kinh doanh khí dầu mỏ hóa lỏng');
  await expect(nameRow.locator('[data-side="stored"]')).toHaveText('Cấp Giấy phép kinh doanh khí (LPG)');
  await page.screenshot({ path: testInfo.outputPath('conflict.png') });

  // Later: nothing typed is lost, nothing overwritten.
  await page.getByRole('button', { name: 'Để sau (giữ nguyên phần đang nhập)' }).click();
  await expect(name).toHaveValue('Cấp giấy phép kinh doanh khí dầu mỏ hóa lỏng');
  expect((await hoa.call<{ name: string }>('getRegulation', { id: regulation.id })).name).toBe('Cấp Giấy phép kinh doanh khí (LPG)');

  // Keep mine: saved on the stored version, having seen it.
  await saveBar.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('button', { name: 'Giữ bản của tôi và lưu' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Đã lưu mọi thay đổi');
  const kept = await hoa.call<{ name: string; version: number }>('getRegulation', { id: regulation.id });
  expect(kept).toMatchObject({ name: 'Cấp giấy phép kinh doanh khí dầu mỏ hóa lỏng', version: hoaSaved.version + 1 });

  // Take the stored one: Hoa saves again; what Quản typed since gives way to hers, by his choice.
  await hoa.call('updateRegulation', { id: regulation.id, version: kept.version, fields: { ...fields, name: 'Cấp Giấy phép kinh doanh khí, lần hai' } });
  await name.fill('Bản nháp của Quản');
  await saveBar.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByRole('button', { name: 'Lấy bản đang lưu' }).click();
  await expect(name).toHaveValue('Cấp Giấy phép kinh doanh khí, lần hai');
  await expect(page.getByTestId('save-state')).toHaveText('Đã lưu mọi thay đổi');
  await hoa.dispose();
});

test('where the stream of changes cannot be had (a proxy refusing /events), the open draft still shows Hoa’s change within 2 s', async ({ page }, testInfo) => {
  const hoa = await server.signedIn('hoa');
  const draft = await hoa.call<{ id: string; version: number }>('createDraft', { docType: 'nghi_dinh', title: 'Nghị định về kinh doanh than', draftingAgency: 'Bộ Công Thương', submittedToGovernment: true });
  // As a reverse proxy that does not pass server-sent events answers them: the page must ask instead.
  await page.route('**/events', (route) => route.fulfill({ status: 502, contentType: 'text/plain', body: 'Bad Gateway' }));
  await signInAsAdministrator(page);
  await page.evaluate((id) => (window.location.hash = `#/drafts/${id}`), draft.id);
  await expect(page.getByRole('heading', { name: 'Nghị định về kinh doanh than' })).toBeVisible();
  // Let the first ask set where to start from.
  await page.waitForResponse((response) => response.url().endsWith('/api/getDraftChange'));

  await hoa.call('createRegulation', { draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Cấp giấy phép kinh doanh than', components: {} } });
  const notice = page.getByTestId('others-changed');
  await expect(notice).toContainText('Lê Thị Hoa vừa sửa dự thảo này', { timeout: 2_000 });
  await page.screenshot({ path: testInfo.outputPath('polled-change.png') });
  await notice.getByRole('button', { name: 'Tải lại' }).click();
  await expect(page.getByRole('link', { name: 'Cấp giấy phép kinh doanh than' })).toBeVisible();
  await hoa.dispose();
});

test('the desktop app signed in to the unit’s server shows Hoa’s change to the open draft within 2 s', async ({ page }, testInfo) => {
  const hoa = await server.signedIn('hoa');
  const draft = await hoa.call<{ id: string }>('createDraft', { docType: 'thong_tu', title: 'Thông tư về kinh doanh khí', draftingAgency: 'Bộ Công Thương', submittedToGovernment: false });
  // The desktop window's page is local and calls through its preload bridge; the main process forwards each call to the
  // unit's server with the session it holds (main/transports/unitServerClient.ts). Here the bridge forwards to the same
  // server with the page's own session, and answers the connection's status as the main process does once signed in.
  const signIn = await page.request.post(`${server.origin}/auth/sign-in`, { data: { login: 'quantri', password: server.passwords.quantri }, headers: { origin: server.origin } });
  expect(signIn.ok()).toBe(true);
  await page.addInitScript(() => {
    const forward = async (method: string, input: unknown) =>
      (await fetch(`./api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input ?? {}) })).json();
    const person = { login: 'quantri', fullName: 'Nguyễn Văn Quản', agency: 'Bộ Công Thương', roles: ['drafter'], administrator: true };
    const status = { state: 'signedIn', address: window.location.origin, pinnedCertificate: null, person, role: 'drafter' };
    Object.assign(window, { tthcBridge: { invoke: forward, save: forward, unitServer: async () => ({ ok: true, value: status }) } });
  });
  await page.route('**/events', (route) => route.abort());
  await page.goto(`${server.origin}/#/drafts/${draft.id}`);
  await expect(page.getByRole('heading', { name: 'Thông tư về kinh doanh khí' })).toBeVisible();
  await page.waitForResponse((response) => response.url().endsWith('/api/getDraftChange'));

  await hoa.call('createRegulation', { draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Cấp giấy chứng nhận đủ điều kiện kinh doanh khí', components: {} } });
  const notice = page.getByTestId('others-changed');
  await expect(notice).toContainText('Lê Thị Hoa vừa sửa dự thảo này', { timeout: 2_000 });
  await page.screenshot({ path: testInfo.outputPath('desktop-polled-change.png') });
  await notice.getByRole('button', { name: 'Tải lại' }).click();
  await expect(page.getByRole('link', { name: 'Cấp giấy chứng nhận đủ điều kiện kinh doanh khí' })).toBeVisible();

  // Quản's own change, made through the same bridge, is no news: two asks after it, still nothing to tell.
  await page.evaluate(async (draftId) => {
    const bridge = (window as unknown as { tthcBridge: { invoke: (method: string, input: unknown) => Promise<unknown> } }).tthcBridge;
    await bridge.invoke('createRegulation', { draftId, fields: { kind: 'tthc', change: 'new', name: 'Cấp giấy phép kinh doanh khí', components: {} } });
  }, draft.id);
  for (let ask = 0; ask < 2; ask += 1) await page.waitForResponse((response) => response.url().endsWith('/api/getDraftChange'));
  await expect(notice).toHaveCount(0);
  await hoa.dispose();
});
