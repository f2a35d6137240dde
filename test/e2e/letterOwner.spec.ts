// Issue 20 (step 2 of the session): a letter's particulars are the writing body's — the appraisal body's at appraisal,
// VPCP's at review. The drafting agency reads them as they will print, read-only, with the reason the service gives.
import { expect, test } from './test';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { REVIEWED_IDS, REVIEWED_TITLE, writeReviewedDossier } from '../fixtures/reviewedDossier';
import { callApi, startHost, temporaryDatabase } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');

test.use({ viewport: { width: 1366, height: 768 } });

test('the drafter reads the review and appraisal letters’ particulars; VPCP edits its own', async ({ page, request }, testInfo) => {
  const databasePath = temporaryDatabase('letter-owner.sqlite');
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', writeReviewedDossier(dirname(databasePath))], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  const host = await startHost(databasePath); // the drafting agency
  try {
    await page.goto(host.url);
    await page.getByRole('row').filter({ hasText: REVIEWED_TITLE }).click();
    await page.getByRole('tab', { name: 'Văn bản góp ý' }).click();
    const note = page.getByTestId('read-only-note');
    await expect(note).toContainText('Chỉ «Văn phòng Chính phủ (thẩm tra)» được sửa thông tin văn bản thẩm tra');
    await expect(page.getByLabel('Số, ký hiệu')).toBeDisabled();
    await expect(page.getByLabel('Đoạn kết')).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Lưu thông tin văn bản' })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('letter-drafter-read-only.png') });

    await page.getByText('Thẩm định', { exact: true }).click();
    await expect(note).toContainText('thông tin văn bản thẩm định');
    await expect(page.getByLabel('Số, ký hiệu')).toBeDisabled();
    // The service refuses what the screen does not offer, in the same words.
    const refused = await request.post(`${host.origin}/api/saveLetterMetadata`, {
      headers: { 'x-tthc-token': host.token },
      data: { draftId: REVIEWED_IDS.draft, stage: 'appraisal', metadata: (await callApi<{ metadata: unknown }>(request, host, 'getOpinionLetter', { draftId: REVIEWED_IDS.draft, stage: 'appraisal' })).metadata },
    });
    expect(JSON.stringify(await refused.json())).toContain('thông tin văn bản thẩm định');

    // VPCP writes its own letter on the reviewed draft.
    await callApi(request, host, 'saveProfile', { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Văn Bình' });
    await page.reload();
    await page.getByText('Thẩm tra', { exact: true }).click();
    await expect(page.getByLabel('Số, ký hiệu')).toBeEnabled();
    await expect(note).toHaveCount(0);
    await page.getByLabel('Số, ký hiệu').fill('05/VPCP-KSTT');
    await page.getByRole('button', { name: 'Lưu thông tin văn bản' }).click();
    await expect(page.getByText('Đã lưu thông tin văn bản')).toBeVisible();
  } finally {
    await host.stop();
  }
});

test('the reviewer’s unsaved letter stays the reviewer’s: not put into the drafter’s view after a role switch (issue 20)', async ({ page }, testInfo) => {
  const databasePath = temporaryDatabase('letter-owner-switch.sqlite');
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', writeReviewedDossier(dirname(databasePath))], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  const host = await startHost(databasePath, { profile: { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Văn Bình' } });
  try {
    await page.goto(host.url);
    await page.evaluate((id) => (window.location.hash = `#/drafts/${id}`), REVIEWED_IDS.draft);
    await page.getByRole('tab', { name: 'Văn bản góp ý' }).click();
    await page.getByText('Thẩm tra', { exact: true }).click();
    const closing = page.getByLabel('Đoạn kết');
    await expect(closing).toBeEnabled();
    const stored = await closing.inputValue();
    await closing.fill('Đoạn kết VPCP đang soạn, chưa lưu.');
    await page.getByLabel('Số, ký hiệu').fill('77/VPCP-KSTT');

    // Switched to the drafter from the header, work left unsaved.
    const badge = page.getByTestId('profile-badge');
    await badge.click();
    await page.getByRole('menuitem', { name: /Cơ quan chủ trì soạn thảo/ }).click();
    await expect(badge).toHaveAttribute('data-role', 'drafter');
    await page.getByRole('tab', { name: 'Văn bản góp ý' }).click();
    await page.getByText('Thẩm tra', { exact: true }).click();
    await expect(page.getByTestId('read-only-note')).toBeVisible();
    // The drafter reads the letter as stored, with no restored-work notice asking to save what it may not save.
    await expect(closing).toHaveValue(stored);
    await expect(page.getByLabel('Số, ký hiệu')).not.toHaveValue('77/VPCP-KSTT');
    await expect(page.getByTestId('unsaved-restored')).toHaveCount(0);
    await expect(page.getByText('Hãy lưu để giữ lại', { exact: false })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('letter-drafter-after-switch.png') });

    // After a reload too.
    await page.reload();
    await page.getByRole('tab', { name: 'Văn bản góp ý' }).click();
    await page.getByText('Thẩm tra', { exact: true }).click();
    await expect(closing).toHaveValue(stored);
    await expect(page.getByTestId('unsaved-restored')).toHaveCount(0);

    // Back as the reviewer: the work typed is still there, the reviewer's own.
    await badge.click();
    await page.getByRole('menuitem', { name: /Văn phòng Chính phủ \(thẩm tra\)/ }).click();
    await expect(badge).toHaveAttribute('data-role', 'reviewer');
    await expect(page.getByRole('tab', { name: 'Văn bản góp ý' })).toHaveAttribute('aria-selected', 'true');
    await expect(closing).toHaveValue('Đoạn kết VPCP đang soạn, chưa lưu.');
    await expect(page.getByTestId('unsaved-restored')).toBeVisible();
  } finally {
    await host.stop();
  }
});
