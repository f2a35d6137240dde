// The page draws its screens once it knows who acts here (App.tsx). A screen drawn before the profile arrived was drawn
// again when it did: a new draft's dialog opened in that moment lost its typed title to the profile's defaults, a
// letter's fields reopened for the role. On a loaded machine the profile's answer can come after the first click.
import { expect, test, type Page } from './test';
import { openNewDraftDialog } from './draftDialog';
import { startHost, temporaryDatabase } from './webHost';

/** Holds the page's request for the profile until `release()`; `asked` settles once the page has made it. */
async function holdProfile(page: Page): Promise<{ asked: Promise<void>; release: () => void }> {
  let release: () => void = () => {};
  const released = new Promise<void>((done) => (release = done));
  let made: () => void = () => {};
  const asked = new Promise<void>((done) => (made = done));
  await page.route('**/api/getProfile', async (route) => {
    made();
    await released;
    await route.continue();
  });
  return { asked, release };
}

test.describe('the profile first', () => {
  test('while the profile is on its way nothing of a screen is offered; the new draft then starts from it', async ({ page }) => {
    const host = await startHost(temporaryDatabase('profile-first.sqlite'));
    try {
      const profile = await holdProfile(page);
      const listAsked: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/api/listDrafts')) listAsked.push(request.url());
      });
      await page.goto(host.url);
      await profile.asked;
      await expect(page.getByTestId('profile-loading')).toBeVisible();
      await expect(page.getByRole('link', { name: 'Cài đặt' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Tạo dự thảo' })).toHaveCount(0);
      expect(listAsked, 'the draft list was asked for before the profile arrived').toEqual([]);

      profile.release();
      const dialog = await openNewDraftDialog(page);
      await expect(page.getByTestId('profile-loading')).toHaveCount(0);
      await dialog.getByLabel('Tên dự thảo').fill('Nghị định về đăng ký kinh doanh');
      // The installation's agency, and what was typed stays.
      await expect(dialog.getByLabel('Cơ quan chủ trì soạn thảo')).toHaveValue('Bộ Tư pháp');
      await expect(dialog.getByLabel('Tên dự thảo')).toHaveValue('Nghị định về đăng ký kinh doanh');
    } finally {
      await host.stop();
    }
  });

  test('a profile that cannot be read is told, and the screens still show', async ({ page }) => {
    const host = await startHost(temporaryDatabase('profile-unread.sqlite'));
    try {
      await page.route('**/api/getProfile', (route) => route.abort('connectionrefused'));
      await page.goto(host.url);
      await expect(page.getByRole('button', { name: 'Tạo dự thảo' })).toBeVisible();
      await expect(page.getByTestId('profile-loading')).toHaveCount(0);
    } finally {
      await host.stop();
    }
  });
});
