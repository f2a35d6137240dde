// Issue 20, item 13: the keyboard as in any editor. The procedure form opens with the cursor in its first field and
// puts Lưu after its fields; Enter in a one-line field of a form of several fields saves nothing; Ctrl+S saves every form.
import { expect, test, type Page } from './test';
import type { DraftDetail } from '../../shared/contract/api';
import { callApi, startHost, temporaryDatabase } from './webHost';

test.use({ viewport: { width: 1366, height: 768 } });

/** What takes focus in `scope`, in tab order (document order: the app sets no positive tabindex). */
async function tabOrder(page: Page, scope: string): Promise<Array<{ tag: string; name: string }>> {
  return page.locator(scope).evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('input, textarea, button, a[href], [tabindex]')]
      .filter((element) => element.tabIndex >= 0 && !element.hasAttribute('disabled') && element.checkVisibility())
      .map((element) => ({ tag: element.tagName.toLowerCase(), name: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim() })),
  );
}

test('the procedure form: cursor in the name, Lưu after the fields, Enter keeps to its field, Ctrl+S saves', async ({ page, request }, testInfo) => {
  const host = await startHost(temporaryDatabase('keys.sqlite'));
  try {
    const draft = await callApi<DraftDetail>(request, host, 'createDraft', { docType: 'nghi_dinh', title: 'Nghị định về hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
    await page.goto(host.url);
    await page.evaluate((id) => (window.location.hash = `#/drafts/${id}/regulations/new`), draft.id);
    const name = page.getByLabel('Tên thủ tục/quy định');
    await expect(name).toBeFocused();

    const order = await tabOrder(page, 'form');
    const save = order.findIndex((element) => element.tag === 'button' && element.name === 'Lưu');
    const lastField = order.findLastIndex((element) => element.tag === 'input' || element.tag === 'textarea');
    expect(save, JSON.stringify(order.slice(0, 4))).toBeGreaterThan(lastField);

    await page.keyboard.type('Đăng ký khai sinh');
    await page.keyboard.press('Enter');
    await page.getByLabel('Thời hạn giải quyết').fill('5');
    await page.getByLabel('Thời hạn giải quyết').press('Enter');
    await expect(page.getByTestId('save-state')).toHaveText('Có thay đổi chưa lưu');
    expect(page.url()).toContain('/regulations/new');
    await page.screenshot({ path: testInfo.outputPath('procedure-form-keyboard.png') });

    await name.press('Control+s');
    await expect(page).toHaveURL(/#\/regulations\/[0-9a-f-]{36}/);
    const stored = await callApi<DraftDetail>(request, host, 'getDraft', { id: draft.id });
    expect(stored.regulations.map((regulation) => regulation.name)).toEqual(['Đăng ký khai sinh']);
    await expect(page.getByTestId('save-state')).toHaveText('Đã lưu mọi thay đổi');

    // An existing procedure: Ctrl+S from a field saves the change.
    await page.getByLabel('Thời hạn giải quyết').fill('3');
    await expect(page.getByTestId('save-state')).toHaveText('Có thay đổi chưa lưu');
    await page.getByLabel('Thời hạn giải quyết').press('Control+s');
    await expect(page.getByTestId('save-state')).toHaveText('Đã lưu mọi thay đổi');
  } finally {
    await host.stop();
  }
});

test('Ctrl+S saves the draft dialog and the profile; Enter in their fields saves nothing', async ({ page, request }) => {
  const host = await startHost(temporaryDatabase('keys-forms.sqlite'));
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Tạo dự thảo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo dự thảo mới' });
    await dialog.getByLabel('Tên dự thảo').fill('Nghị định về chứng thực');
    await dialog.getByLabel('Tên dự thảo').press('Enter');
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Cơ quan chủ trì soạn thảo').fill('Bộ Tư pháp');
    await dialog.getByLabel('Cơ quan chủ trì soạn thảo').press('Enter');
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Tên dự thảo').press('Control+s');
    await expect(dialog).toBeHidden();
    const drafts = await callApi<{ total: number; items: Array<{ title: string }> }>(request, host, 'listDrafts', {});
    expect(drafts.items.map((draft) => draft.title)).toEqual(['Nghị định về chứng thực']);

    await page.getByRole('link', { name: 'Cài đặt' }).click();
    const officer = page.getByLabel('Họ và tên cán bộ');
    await officer.fill('Nguyễn Văn Bình');
    await officer.press('Enter');
    await expect(page.getByText('Đã lưu cơ quan và vai trò')).toHaveCount(0);
    await officer.press('Control+s');
    await expect(page.getByText('Đã lưu cơ quan và vai trò')).toBeVisible();
    await expect(page.getByTestId('profile-badge')).toContainText('Nguyễn Văn Bình');
  } finally {
    await host.stop();
  }
});
