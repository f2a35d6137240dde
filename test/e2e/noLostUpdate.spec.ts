// Issue 17 item 5 in the UI: an officer who saves over a colleague's change made since the form was opened is told, in
// Vietnamese, who changed it and when, and nothing is overwritten; the assessment, saved as it is typed, stops saving
// and offers the new version.
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './test';
import type { AssessmentView, DraftDetail, RegulationDetail } from '../../shared/contract/api';
import { callApi, startHost, temporaryDatabase, type RunningHost } from './webHost';

test.use({ viewport: { width: 1366, height: 768 } });

const AN = { agency: 'Bộ Tư pháp', role: 'drafter', officerName: 'Nguyễn Văn An' } as const;
const BINH = { ...AN, officerName: 'Trần Thị Bình' } as const;

async function draftWithRegulation(request: APIRequestContext, host: RunningHost) {
  await callApi(request, host, 'saveProfile', AN);
  const draft = await callApi<DraftDetail>(request, host, 'createDraft', { docType: 'nghi_dinh', title: 'Nghị định về đăng ký hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
  return callApi<RegulationDetail>(request, host, 'createRegulation', { draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Đăng ký khai sinh', components: {} } });
}

/** Chị Bình's change, made on this machine between An's opening the form and his saving it. */
async function asBinh(request: APIRequestContext, host: RunningHost, change: () => Promise<unknown>) {
  await callApi(request, host, 'saveProfile', BINH);
  await change();
  await callApi(request, host, 'saveProfile', AN);
}

test('a regulation saved over a colleague’s newer change is refused, naming her and the time; her change stays', async ({ page, request }, testInfo) => {
  const host = await startHost(temporaryDatabase('lost-update-regulation.sqlite'));
  try {
    const regulation = await draftWithRegulation(request, host);
    await page.goto(host.url);
    await page.evaluate((id) => (window.location.hash = `#/regulations/${id}`), regulation.id);
    const name = page.getByLabel('Tên thủ tục/quy định');
    await expect(name).toHaveValue('Đăng ký khai sinh');

    await asBinh(request, host, () =>
      callApi(request, host, 'updateRegulation', { id: regulation.id, version: regulation.version, fields: { kind: 'tthc', change: 'new', name: 'Đăng ký khai sinh (bản của chị Bình)', components: {} } }),
    );
    await name.fill('Đăng ký khai sinh (bản của anh An)');
    await page.getByTestId('save-bar').getByRole('button', { name: 'Lưu', exact: true }).click();

    // The conflict view (0f8e03d) names her and the time, and sets his text beside hers.
    const conflict = page.getByRole('dialog', { name: 'Có người khác vừa lưu thủ tục này' });
    await expect(conflict).toContainText('Trần Thị Bình (Bộ Tư pháp) đã lưu thủ tục này lúc');
    await expect(conflict).toContainText(/lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    await expect(conflict).toContainText('Chưa có gì bị ghi đè');
    await expect(conflict).not.toContainText('conflict');
    await page.screenshot({ path: testInfo.outputPath('regulation-conflict.png') });
    await conflict.getByRole('button', { name: 'Để sau (giữ nguyên phần đang nhập)' }).click();
    // What he typed is still on screen; what is stored is hers.
    await expect(name).toHaveValue('Đăng ký khai sinh (bản của anh An)');
    const stored = await callApi<RegulationDetail>(request, host, 'getRegulation', { id: regulation.id });
    expect([stored.name, stored.version]).toEqual(['Đăng ký khai sinh (bản của chị Bình)', regulation.version + 1]);
  } finally {
    await host.stop();
  }
});

test('the assessment stops saving on a colleague’s newer version, says whose, and loads it on request', async ({ page, request }, testInfo) => {
  const host = await startHost(temporaryDatabase('lost-update-assessment.sqlite'));
  try {
    const regulation = await draftWithRegulation(request, host);
    await page.goto(host.url);
    await page.evaluate((id) => (window.location.hash = `#/regulations/${id}/assessment`), regulation.id);
    const objective = page.getByLabel('Thủ tục hành chính được quy định nhằm đạt mục tiêu gì?', { exact: true });
    await expect(objective).toBeVisible();

    const opened = await callApi<AssessmentView>(request, host, 'getAssessment', { regulationId: regulation.id });
    const hers = { template: opened.templateChoice.defaultTemplateId, answers: { 'necessity.objective': { value: 'Mục tiêu theo chị Bình' } } };
    await asBinh(request, host, () => callApi(request, host, 'saveAssessment', { regulationId: regulation.id, version: opened.version, assessment: hers }));

    await objective.fill('Mục tiêu theo anh An');
    const conflict = page.getByTestId('save-conflict');
    await expect(conflict).toContainText('Đánh giá tác động của thủ tục/quy định này đã được Trần Thị Bình (Bộ Tư pháp) sửa lúc');
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'conflict');
    await page.screenshot({ path: testInfo.outputPath('assessment-conflict.png') });
    const stored = await callApi<AssessmentView>(request, host, 'getAssessment', { regulationId: regulation.id });
    expect(stored.assessment?.answers).toEqual(hers.answers);

    await conflict.getByRole('button', { name: 'Tải bản mới' }).click();
    await expect(objective).toHaveValue('Mục tiêu theo chị Bình');
    await expect(page.getByTestId('save-conflict')).toHaveCount(0);
  } finally {
    await host.stop();
  }
});
