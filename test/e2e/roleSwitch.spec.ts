// Issue 13: switching role from the header instead of a trip to Settings; the Delete button and the read-only rules
// follow the role shown; a level not valid on the draft's date is a warning, not an error.
import { expect, test } from './test';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { REVIEWED_IDS, writeReviewedDossier } from '../fixtures/reviewedDossier';
import { callApi, startHost, temporaryDatabase } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');

test.use({ viewport: { width: 1366, height: 768 } });

/** The hue (0–360°) of a computed CSS colour "rgb(r, g, b)". */
function hue(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+/g) ?? []).slice(0, 3).map((part) => Number(part) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max === min) return 0;
  const degrees = max === r ? ((g - b) / (max - min)) % 6 : max === g ? (b - r) / (max - min) + 2 : (r - g) / (max - min) + 4;
  return (degrees * 60 + 360) % 360;
}

test('the header switches the role; Delete and the read-only rules follow it; an old level is a warning', async ({ page, request }, testInfo) => {
  const databasePath = temporaryDatabase('roles.sqlite');
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', writeReviewedDossier(dirname(databasePath))], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  const host = await startHost(databasePath);
  try {
    const draft = await callApi<{ id: string }>(request, host, 'createDraft', { docType: 'nghi_dinh', title: 'Nghị định về hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
    // A record kept from before 1/7/2025 names the district level, which the draft's date no longer knows.
    const regulation = await callApi<{ id: string }>(request, host, 'createRegulation', {
      draftId: draft.id,
      fields: { kind: 'tthc', change: 'amended', name: 'Đăng ký khai sinh', level: 'district', components: {} },
    });

    await page.goto(host.url);
    await page.evaluate((id) => (window.location.hash = `#/regulations/${id}`), regulation.id);
    const badge = page.getByTestId('profile-badge');
    await expect(badge).toHaveAttribute('data-role', 'drafter');
    await expect(badge).toContainText('Cơ quan chủ trì soạn thảo');
    const saveBar = page.getByTestId('save-bar');
    await expect(saveBar.getByRole('button', { name: 'Xóa' })).toBeVisible();

    // The level warning is drawn in the warning (amber) colour, with its sign, and the field is not marked invalid.
    const warning = page.getByTestId('validity-warning');
    await expect(warning).toContainText('30/06/2025');
    const warningColour = await warning.evaluate((element) => getComputedStyle(element).color);
    expect(hue(warningColour), warningColour).toBeGreaterThanOrEqual(28);
    expect(hue(warningColour), warningColour).toBeLessThanOrEqual(50);
    await expect(page.getByRole('combobox', { name: 'Cấp thực hiện' })).not.toHaveAttribute('aria-invalid', 'true');
    await page.screenshot({ path: testInfo.outputPath('regulation-level-warning.png') });

    // Switch to the appraisal body from the header: saved in the profile, shown, and the form turns read-only.
    await badge.click();
    await expect(page.getByRole('menuitem', { name: /Cơ quan chủ trì soạn thảo/ })).toContainText('Đang dùng');
    await expect(page.getByRole('menuitem', { name: /Cơ quan thẩm định/ })).not.toContainText('Đang dùng');
    await page.screenshot({ path: testInfo.outputPath('role-menu.png') });
    await page.getByRole('menuitem', { name: /Cơ quan thẩm định/ }).click();
    await expect(badge).toHaveAttribute('data-role', 'appraiser');
    await expect(badge).toContainText('Cơ quan thẩm định');
    expect((await callApi<{ profile: { role: string; agency: string } }>(request, host, 'getProfile', {})).profile).toMatchObject({ role: 'appraiser', agency: 'Bộ Tư pháp' });
    await expect(page.getByTestId('read-only-note')).toContainText('Chỉ «Cơ quan chủ trì soạn thảo»');
    await expect(page.getByLabel('Lĩnh vực')).toBeDisabled();
    await expect(saveBar.getByRole('button', { name: 'Xóa' })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('regulation-as-appraiser.png') });

    // Back to the drafter: the form is writable again. On a reviewed draft the drafter may edit but not delete.
    await badge.click();
    await page.getByRole('menuitem', { name: /Cơ quan chủ trì soạn thảo/ }).click();
    await expect(badge).toHaveAttribute('data-role', 'drafter');
    await expect(page.getByTestId('read-only-note')).toHaveCount(0);
    await expect(page.getByLabel('Lĩnh vực')).toBeEnabled();
    await page.evaluate((id) => (window.location.hash = `#/regulations/${id}`), REVIEWED_IDS.licence);
    await expect(page.getByLabel('Lĩnh vực')).toHaveValue('Đường bộ');
    await expect(page.getByLabel('Lĩnh vực')).toBeEnabled();
    await expect(saveBar.getByRole('button', { name: 'Lưu', exact: true })).toBeVisible();
    await expect(saveBar.getByRole('button', { name: 'Xóa' })).toHaveCount(0);
  } finally {
    await host.stop();
  }
});

test('switching role on the Quy trình tab redraws its actions for the new role (issue 20, item 5)', async ({ page }) => {
  const databasePath = temporaryDatabase('roles-workflow.sqlite');
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', writeReviewedDossier(dirname(databasePath))], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  const host = await startHost(databasePath);
  try {
    await page.goto(host.url);
    await page.evaluate((id) => (window.location.hash = `#/drafts/${id}/workflow`), REVIEWED_IDS.draft);
    const actions = page.getByRole('heading', { name: /^Thao tác của/ });
    await expect(actions).toHaveText('Thao tác của Cơ quan chủ trì soạn thảo');
    await expect(page.getByRole('button', { name: 'Ban hành văn bản', exact: true })).toBeVisible();

    const badge = page.getByTestId('profile-badge');
    await badge.click();
    await page.getByRole('menuitem', { name: /Văn phòng Chính phủ \(thẩm tra\)/ }).click();
    await expect(badge).toHaveAttribute('data-role', 'reviewer');
    // The drafter's button is gone without a reload; the reviewer's own actions stand in its place.
    await expect(actions).toHaveText('Thao tác của Văn phòng Chính phủ (thẩm tra)');
    await expect(page.getByRole('button', { name: 'Ban hành văn bản', exact: true })).toHaveCount(0);
  } finally {
    await host.stop();
  }
});
