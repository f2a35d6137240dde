// Issue 20, item 4: a refused save shows its first error where the eye is, and the side check applies the same limit
// as the service.
import { expect, test } from './test';
import { ENTRY_LIMITS, type DraftDetail } from '../../shared/contract/api';
import { callApi, startHost, temporaryDatabase } from './webHost';

test.use({ viewport: { width: 1366, height: 768 } });

test('a name over the limit: Save scrolls to it and puts the cursor there, and the checklist does not call it done', async ({ page, request }, testInfo) => {
  const host = await startHost(temporaryDatabase('errors.sqlite'));
  try {
    const draft = await callApi<DraftDetail>(request, host, 'createDraft', {
      docType: 'nghi_dinh',
      title: 'Nghị định về đăng ký hộ tịch',
      draftingAgency: 'Bộ Tư pháp',
      submittedToGovernment: true,
    });
    await page.goto(host.url);
    await page.evaluate((id) => (window.location.hash = `#/drafts/${id}/regulations/new`), draft.id);
    const name = page.getByLabel('Tên thủ tục/quy định');
    const tooLong = 'Đăng ký khai sinh '.repeat(60).slice(0, 863);
    expect(tooLong.length).toBeGreaterThan(ENTRY_LIMITS.nameChars);
    await name.fill(tooLong);

    // The side check says what the service would say, as the officer types.
    const nameCheck = page.getByTestId('component-checklist').getByRole('listitem').filter({ hasText: 'Tên thủ tục' });
    await expect(nameCheck).toHaveAttribute('data-problem', 'true');
    await expect(nameCheck).toContainText(`dài quá ${ENTRY_LIMITS.nameChars} ký tự`);

    // Far down the form, Save brings the name back into view with the cursor in it.
    await page.getByRole('button', { name: 'Thêm phí, lệ phí' }).scrollIntoViewIfNeeded();
    await expect(name).not.toBeInViewport();
    await page.getByTestId('save-bar').getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(name).toBeFocused();
    await expect(name).toBeInViewport();
    await expect(page.getByText(`dài quá ${ENTRY_LIMITS.nameChars} ký tự`).first()).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath('first-error-in-view.png') });
  } finally {
    await host.stop();
  }
});
