// Issue 21: on a unit's team server nothing shows before sign-in; a wrong password is told in Vietnamese without
// saying whether the login exists; once signed in the header names the person and their role, the drafts of the unit
// are there, and signing out leaves the browser holding nothing.
import { expect, test } from './test';
import { startTeamServer, teamServerMissing, type RunningTeamServer } from './teamServer';

test.use({ viewport: { width: 1366, height: 768 }, ignoreHTTPSErrors: true });
test.describe.configure({ mode: 'serial' });

const missing = teamServerMissing();
test.skip(missing !== null, missing ?? '');

let server: RunningTeamServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startTeamServer({ login: 'quantri', name: 'Nguyễn Văn Quản', roles: 'drafter', admin: true }, [
    { login: 'lan', name: 'Trần Thị Lan', roles: 'drafter' },
    { login: 'hoa', name: 'Lê Thị Hoa', roles: 'drafter,appraiser' },
  ]);
  const lan = await server.signedIn('lan');
  for (const title of ['Nghị định về kinh doanh xăng dầu', 'Thông tư về nhãn năng lượng']) {
    await lan.call('createDraft', { docType: title.startsWith('Nghị') ? 'nghi_dinh' : 'thong_tu', title, draftingAgency: 'Bộ Công Thương', submittedToGovernment: title.startsWith('Nghị') });
  }
  await lan.dispose();
});

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
  await page.goto(server.origin);
  const form = page.getByTestId('sign-in');
  await form.getByLabel('Tên đăng nhập').fill('hoa');
  await form.getByLabel('Mật khẩu').fill(server.passwords.hoa!);
  await form.getByRole('button', { name: 'Đăng nhập' }).click();
  const badge = page.getByTestId('profile-badge');
  await expect(badge).toHaveAttribute('data-role', 'drafter');
  await badge.click();
  await expect(page.getByRole('menuitem')).toHaveText([/Cơ quan chủ trì soạn thảo/, /Cơ quan thẩm định/, 'Đăng xuất', 'Đăng xuất trên mọi thiết bị']);
  await page.getByRole('menuitem', { name: /Cơ quan thẩm định/ }).click();
  await expect(badge).toHaveAttribute('data-role', 'appraiser');
  // The choice is this tab's: a reload keeps it, and the server answers the profile in that role.
  await page.reload();
  await expect(badge).toHaveAttribute('data-role', 'appraiser');
  await expect(badge).toContainText('Lê Thị Hoa');
});
