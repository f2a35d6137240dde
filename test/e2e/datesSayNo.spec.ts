// Issue 20, item 3: a typed date is read day first or refused on the spot, with a message; never replaced quietly.
import { expect, test } from './test';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import type { WorkflowView } from '../../shared/contract/api';
import { REVIEWED_IDS, REVIEWED_TITLE, writeReviewedDossier } from '../fixtures/reviewedDossier';
import { callApi, startHost, temporaryDatabase, TEST_PROFILE } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');

test.use({ viewport: { width: 1366, height: 768 } });

test('a date typed over the pre-filled one is the one stored; an impossible one is refused where it was typed', async ({ page, request }, testInfo) => {
  const databasePath = temporaryDatabase('dates.sqlite');
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', writeReviewedDossier(dirname(databasePath))], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  const host = await startHost(databasePath); // the drafting agency issues its reviewed decree
  try {
    // Every review opinion answered, so that the decree may be issued.
    const { regulations } = await callApi<{ regulations: Array<{ opinions: Array<{ id: string; stage: string; currentRound: boolean }> }> }>(request, host, 'getDraftOpinions', { draftId: REVIEWED_IDS.draft });
    for (const opinion of regulations.flatMap((regulation) => regulation.opinions).filter((opinion) => opinion.stage === 'review' && opinion.currentRound)) {
      await callApi(request, host, 'respondToOpinion', { opinionId: opinion.id, decision: 'accepted', text: 'Đã tiếp thu.' });
    }
    // The review letter is VPCP's to write: its particulars are typed there.
    await callApi(request, host, 'saveProfile', { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Văn Bình' });
    await page.goto(host.url);
    await page.getByRole('row').filter({ hasText: REVIEWED_TITLE }).click();

    // The letter's date: 31/02 does not exist. It stays as typed, says so, and nothing prints or saves with it.
    await page.getByRole('tab', { name: 'Văn bản góp ý' }).click();
    const letterDate = page.getByLabel('Ngày ban hành', { exact: true });
    await letterDate.fill('31/02/2026');
    await letterDate.blur();
    await expect(letterDate).toHaveValue('31/02/2026');
    await expect(page.getByText('Ngày 31/02/2026 không có trên lịch.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Tải DOCX' })).toBeDisabled();
    await letterDate.fill('28/02/2026');
    await letterDate.blur();
    await expect(page.getByText('Ngày 31/02/2026 không có trên lịch.')).toHaveCount(0);
    await expect(letterDate).toHaveValue('28/02/2026');

    // Issuing: the day is typed key by key over the pre-filled one, and confirmed at once with the mouse.
    await page.getByRole('tab', { name: 'Quy trình' }).click();
    await page.getByRole('dialog', { name: 'Có thay đổi chưa lưu' }).getByRole('button', { name: 'Bỏ thay đổi' }).click();
    // Issuing is the drafting agency's, on its own installation.
    await callApi(request, host, 'saveProfile', TEST_PROFILE);
    await page.reload();
    await page.getByRole('button', { name: 'Ban hành văn bản', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ban hành văn bản' });
    const issued = dialog.getByLabel('Ngày ban hành văn bản');
    await issued.click();
    await issued.press('Control+a');
    await issued.pressSequentially('10.12.2026x');
    await expect(dialog.getByText('Không đọc được ngày “10.12.2026x”: gõ theo dạng ngày/tháng/năm, ví dụ 05/02/2024.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Ban hành văn bản', exact: true })).toBeDisabled();
    await page.screenshot({ path: testInfo.outputPath('issue-date-refused.png') });
    await issued.press('Backspace');
    await dialog.getByRole('button', { name: 'Ban hành văn bản', exact: true }).click();
    await expect(dialog).toBeHidden();
    const workflow = await callApi<WorkflowView>(request, host, 'getWorkflow', { draftId: REVIEWED_IDS.draft });
    expect(workflow.snapshot.issuedAt).toBe('2026-12-10');
  } finally {
    await host.stop();
  }
});
