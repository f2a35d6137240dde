// Issue 17 item 5 in the UI: an officer who saves over a colleague's change made since the form was opened is told, in
// Vietnamese, who changed it and when, and nothing is overwritten; the conflict view (issue 21 item 4) sets what they
// typed beside what is stored, field by field, for the regulation, the assessment (saved as it is typed: it stops
// saving) and an opinion, and lets them keep theirs on the stored version or take the stored one.
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './test';
import type { AssessmentView, DraftDetail, OpinionView, RegulationDetail } from '../../shared/contract/api';
import type { RichTextDocument } from '../../shared/domain/richText';
import { FLOW_IDS, workflowDossier, workflowDraft } from '../fixtures/workflowDossier';
import { callApi, startHost, temporaryDatabase, type RunningHost } from './webHost';

test.use({ viewport: { width: 1366, height: 768 } });

const AN = { agency: 'Bộ Tư pháp', role: 'drafter', officerName: 'Nguyễn Văn An' } as const;
const BINH = { ...AN, officerName: 'Trần Thị Bình' } as const;
const APPRAISER_AN = { ...AN, role: 'appraiser' } as const;
const APPRAISER_BINH = { ...BINH, role: 'appraiser' } as const;

const paragraph = (text: string): RichTextDocument => [{ type: 'paragraph', children: [{ text }] }];

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

test('the assessment stops saving on a colleague’s newer version and sets both side by side; keep mine or take hers', async ({ page, request }, testInfo) => {
  const host = await startHost(temporaryDatabase('lost-update-assessment.sqlite'));
  try {
    const regulation = await draftWithRegulation(request, host);
    await page.goto(host.url);
    await page.evaluate((id) => (window.location.hash = `#/regulations/${id}/assessment`), regulation.id);
    const objective = page.getByLabel('Thủ tục hành chính được quy định nhằm đạt mục tiêu gì?', { exact: true });
    await expect(objective).toBeVisible();

    const opened = await callApi<AssessmentView>(request, host, 'getAssessment', { regulationId: regulation.id });
    const template = opened.templateChoice.defaultTemplateId;
    const hers = { template, answers: { 'necessity.objective': { value: 'Mục tiêu theo chị Bình' } } };
    await asBinh(request, host, () => callApi(request, host, 'saveAssessment', { regulationId: regulation.id, version: opened.version, assessment: hers }));

    await objective.fill('Mục tiêu theo anh An');
    // The conflict view: her name and the time, and the question with his answer beside hers.
    const conflict = page.getByRole('dialog', { name: 'Có người khác vừa lưu đánh giá tác động này' });
    await expect(conflict).toContainText('Trần Thị Bình (Bộ Tư pháp) đã lưu đánh giá tác động này lúc');
    const row = conflict.locator('tr[data-field="answers.necessity.objective"]');
    await expect(row).toContainText('Thủ tục hành chính được quy định nhằm đạt mục tiêu gì?');
    await expect(row.locator('[data-side="mine"]')).toHaveText('Mục tiêu theo anh An');
    await expect(row.locator('[data-side="stored"]')).toHaveText('Mục tiêu theo chị Bình');
    await expect(conflict).not.toContainText('conflict');
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'conflict');
    await page.screenshot({ path: testInfo.outputPath('assessment-conflict.png') });

    // «Để sau»: nothing saved, his answer still on screen, the view a click away.
    await conflict.getByRole('button', { name: 'Để sau (giữ nguyên phần đang nhập)' }).click();
    await expect(objective).toHaveValue('Mục tiêu theo anh An');
    expect((await callApi<AssessmentView>(request, host, 'getAssessment', { regulationId: regulation.id })).assessment?.answers).toEqual(hers.answers);
    await page.getByTestId('save-conflict').getByRole('button', { name: 'Xem chỗ khác nhau' }).click();

    // «Giữ bản của tôi và lưu»: his answer, written on her version, having seen it.
    await conflict.getByRole('button', { name: 'Giữ bản của tôi và lưu' }).click();
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    const kept = await callApi<AssessmentView>(request, host, 'getAssessment', { regulationId: regulation.id });
    expect([kept.assessment?.answers['necessity.objective']?.value, kept.version]).toEqual(['Mục tiêu theo anh An', opened.version + 2]);

    // Again, and this time he takes hers: the form shows what is stored.
    const hersAgain = { template, answers: { 'necessity.objective': { value: 'Mục tiêu chị Bình sửa lại' } } };
    await asBinh(request, host, () => callApi(request, host, 'saveAssessment', { regulationId: regulation.id, version: kept.version, assessment: hersAgain }));
    await objective.fill('Mục tiêu anh An sửa tiếp');
    await conflict.getByRole('button', { name: 'Lấy bản đang lưu' }).click();
    await expect(objective).toHaveValue('Mục tiêu chị Bình sửa lại');
    await expect(page.getByTestId('save-conflict')).toHaveCount(0);
    await expect(page.getByTestId('unsaved-offer')).toHaveCount(0);
    expect((await callApi<AssessmentView>(request, host, 'getAssessment', { regulationId: regulation.id })).assessment?.answers).toEqual(hersAgain.answers);
  } finally {
    await host.stop();
  }
});

test('an opinion saved over a colleague’s newer edit shows both texts; keeping mine writes it on her version', async ({ page, request }, testInfo) => {
  const host = await startHost(temporaryDatabase('lost-update-opinion.sqlite'), { profile: APPRAISER_AN });
  try {
    await callApi(request, host, 'importDossier', { dossier: workflowDossier(workflowDraft({ status: 'submitted_for_appraisal' })) });
    const regulationId = FLOW_IDS.transportLicence;
    const base = { regulationId, stage: 'appraisal', verdict: 'amend', components: ['dossier'] } as const;
    const opened = await callApi<OpinionView>(request, host, 'saveOpinion', { ...base, body: paragraph('Đề nghị làm rõ thành phần hồ sơ.') });
    await page.goto(host.url);
    await page.evaluate((id) => (window.location.hash = `#/regulations/${id}/opinions`), regulationId);
    await page.getByTestId('opinion').getByRole('button', { name: 'Sửa' }).click();
    const form = page.getByTestId('opinion-form');
    await expect(form).toBeVisible();

    await callApi(request, host, 'saveProfile', APPRAISER_BINH);
    await callApi(request, host, 'saveOpinion', { ...base, id: opened.id, version: opened.version, verdict: 'remove', components: [], body: paragraph('Đề nghị bỏ thủ tục này.') });
    await callApi(request, host, 'saveProfile', APPRAISER_AN);

    await form.getByRole('textbox', { name: 'Nội dung ý kiến' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Cần nêu rõ bản chính hay bản sao.');
    await form.getByRole('button', { name: 'Lưu ý kiến' }).click();

    const conflict = page.getByRole('dialog', { name: 'Có người khác vừa lưu ý kiến này' });
    await expect(conflict).toContainText('Trần Thị Bình (Bộ Tư pháp) đã lưu ý kiến này lúc');
    await expect(conflict.locator('tr[data-field="verdict"] [data-side="mine"]')).toHaveText('Đề nghị sửa đổi, bổ sung');
    await expect(conflict.locator('tr[data-field="verdict"] [data-side="stored"]')).toHaveText('Đề nghị không quy định');
    await expect(conflict.locator('tr[data-field="body"] [data-side="mine"]')).toHaveText('Đề nghị làm rõ thành phần hồ sơ. Cần nêu rõ bản chính hay bản sao.');
    await expect(conflict.locator('tr[data-field="body"] [data-side="stored"]')).toHaveText('Đề nghị bỏ thủ tục này.');
    await expect(conflict.locator('tr[data-field="issuedAt"]')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('opinion-conflict.png') });
    const storedNow = async () => (await callApi<{ opinions: OpinionView[] }>(request, host, 'getRegulationOpinions', { regulationId })).opinions.find((opinion) => opinion.id === opened.id)!;
    expect([(await storedNow()).text, (await storedNow()).version]).toEqual(['Đề nghị bỏ thủ tục này.', opened.version + 1]);

    await conflict.getByRole('button', { name: 'Để sau (giữ nguyên phần đang nhập)' }).click();
    await expect(form.getByRole('textbox', { name: 'Nội dung ý kiến' })).toContainText('Cần nêu rõ bản chính hay bản sao.');
    await form.getByRole('button', { name: 'Lưu ý kiến' }).click();
    await conflict.getByRole('button', { name: 'Giữ bản của tôi và lưu' }).click();
    await expect(page.getByText('Đã lưu ý kiến')).toBeVisible();
    const kept = await storedNow();
    expect([kept.verdict, kept.text, kept.version]).toEqual(['amend', 'Đề nghị làm rõ thành phần hồ sơ. Cần nêu rõ bản chính hay bản sao.', opened.version + 2]);
  } finally {
    await host.stop();
  }
});
