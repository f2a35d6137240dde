// Issue 20, items 1 and 2: nothing typed is lost — not on a tab switch, not on the browser's Back or Forward, not on a
// reload, not by an autosave still waiting when the page goes away.
import { expect, test, type Page } from './test';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import type { AssessmentView, DraftDetail, RegulationDetail } from '../../shared/contract/api';
import { REVIEWED_IDS, REVIEWED_NAMES, REVIEWED_TITLE, writeReviewedDossier } from '../fixtures/reviewedDossier';
import { callApi, startHost, temporaryDatabase, type RunningHost } from './webHost';
import { reloadConfirmed } from './reloadConfirmed';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');

test.use({ viewport: { width: 1366, height: 768 } });

async function reviewedHost(name: string): Promise<RunningHost> {
  const databasePath = temporaryDatabase(name);
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', writeReviewedDossier(dirname(databasePath))], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  return startHost(databasePath);
}

const leavePrompt = (page: Page) => page.getByRole('dialog', { name: 'Có thay đổi chưa lưu' });

test('the letter particulars survive a tab switch, a save through the prompt and a reload', async ({ page, request }) => {
  const host = await reviewedHost('letter.sqlite');
  try {
    await callApi(request, host, 'saveProfile', { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Văn Bình' });
    await page.goto(host.url);
    await page.getByRole('row').filter({ hasText: REVIEWED_TITLE }).click();
    await page.getByRole('tab', { name: 'Văn bản góp ý' }).click();
    const number = page.getByLabel('Số, ký hiệu');
    const closing = page.getByLabel('Đoạn kết');
    await number.fill('05/VPCP-KSTT');
    await closing.fill('Văn phòng Chính phủ đề nghị Bộ tiếp thu, hoàn thiện dự thảo.');

    // Another tab asks first; staying keeps both.
    await page.getByRole('tab', { name: 'Ý kiến', exact: true }).click();
    await expect(leavePrompt(page)).toBeVisible();
    await leavePrompt(page).getByRole('button', { name: 'Ở lại' }).click();
    await expect(number).toHaveValue('05/VPCP-KSTT');
    await expect(closing).toHaveValue('Văn phòng Chính phủ đề nghị Bộ tiếp thu, hoàn thiện dự thảo.');

    // Saving through the prompt stores them with the draft and the stage: back on the tab they are there.
    await page.getByRole('tab', { name: 'Ý kiến', exact: true }).click();
    await leavePrompt(page).getByRole('button', { name: 'Lưu rồi tiếp tục' }).click();
    await expect(page.getByRole('tab', { name: 'Ý kiến', exact: true })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('tab', { name: 'Văn bản góp ý' }).click();
    await expect(number).toHaveValue('05/VPCP-KSTT');
    await expect(closing).toHaveValue('Văn phòng Chính phủ đề nghị Bộ tiếp thu, hoàn thiện dự thảo.');

    // A reload asks too, and what was typed comes back with a notice, still unsaved.
    await closing.fill('Đề nghị Bộ Giao thông vận tải nghiên cứu, tiếp thu.');
    await reloadConfirmed(page);
    await expect(page.getByTestId('unsaved-restored')).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Văn bản góp ý' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByLabel('Đoạn kết')).toHaveValue('Đề nghị Bộ Giao thông vận tải nghiên cứu, tiếp thu.');
    await expect(page.getByLabel('Số, ký hiệu')).toHaveValue('05/VPCP-KSTT');
    await expect(page.getByRole('button', { name: 'Lưu thông tin văn bản' })).toBeEnabled();
  } finally {
    await host.stop();
  }
});

test('the browser’s Back asks like the tabs do; Forward after a discard shows what is saved; a reload restores the form', async ({ page }) => {
  const host = await reviewedHost('back.sqlite');
  const name = page.getByLabel('Tên thủ tục/quy định');
  try {
    await page.goto(host.url);
    await page.getByRole('row').filter({ hasText: REVIEWED_TITLE }).click();
    await page.getByRole('link', { name: REVIEWED_NAMES[0] }).click();
    await expect(name).toHaveValue(REVIEWED_NAMES[0]);
    await name.fill(`${REVIEWED_NAMES[0]} (sửa)`);

    // Back: the question, and the address stays on the regulation while it is asked.
    await page.evaluate(() => window.history.back());
    await expect(leavePrompt(page)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#/regulations/${REVIEWED_IDS.licence}$`));
    await leavePrompt(page).getByRole('button', { name: 'Ở lại' }).click();
    await expect(name).toHaveValue(`${REVIEWED_NAMES[0]} (sửa)`);

    // A reload asks, then puts the edit back with a notice.
    await reloadConfirmed(page);
    await expect(page.getByTestId('unsaved-restored')).toBeVisible();
    await expect(name).toHaveValue(`${REVIEWED_NAMES[0]} (sửa)`);
    await expect(page.getByTestId('save-state')).toHaveText('Có thay đổi chưa lưu');

    // Back again, discarding: the draft; Forward: the regulation as saved.
    await page.evaluate(() => window.history.back());
    await leavePrompt(page).getByRole('button', { name: 'Bỏ thay đổi' }).click();
    await expect(page.getByRole('tab', { name: /Thủ tục hành chính và quy định kinh doanh/ })).toBeVisible();
    await page.evaluate(() => window.history.forward());
    await expect(name).toHaveValue(REVIEWED_NAMES[0]);
    await expect(page.getByTestId('unsaved-restored')).toHaveCount(0);
  } finally {
    await host.stop();
  }
});

test('an answer typed just before a reload is saved', async ({ page, request }) => {
  const host = await startHost(temporaryDatabase('autosave.sqlite'));
  try {
    const draft = await callApi<DraftDetail>(request, host, 'createDraft', {
      docType: 'nghi_dinh',
      title: 'Nghị định về đăng ký hộ tịch',
      draftingAgency: 'Bộ Tư pháp',
      submittedToGovernment: true,
    });
    const regulation = await callApi<RegulationDetail>(request, host, 'createRegulation', {
      draftId: draft.id,
      fields: { kind: 'tthc', change: 'new', name: 'Đăng ký khai sinh', components: {} },
    });
    // The page's timers are the test's: once paused, the autosave's delay never runs out, however slow the machine.
    await page.clock.install();
    await page.goto(host.url);
    await page.evaluate((id) => (window.location.hash = `#/regulations/${id}/assessment`), regulation.id);
    const objective = page.getByLabel('Thủ tục hành chính được quy định nhằm đạt mục tiêu gì?', { exact: true });
    await expect(objective).toBeEditable();
    await page.clock.pauseAt(new Date(Date.now() + 1_000));
    await objective.fill('Bảo đảm quyền được khai sinh của trẻ em');
    // Within the autosave's delay: only the page going away can send the answer now.
    await page.reload();
    await page.clock.resume();
    await expect(page.getByTestId('save-state')).toBeVisible();
    await expect
      .poll(async () => {
        const view = await callApi<AssessmentView>(request, host, 'getAssessment', { regulationId: regulation.id });
        return Object.values(view.assessment?.answers ?? {}).map((answer) => answer.value);
      })
      .toContain('Bảo đảm quyền được khai sinh của trẻ em');
  } finally {
    await host.stop();
  }
});
