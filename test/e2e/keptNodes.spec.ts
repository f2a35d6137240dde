// Issue 23, item 8 (defect 7): an opinion imported from a newer version, whose body holds nodes this version does not
// know, opened in an empty editor and saving replaced its whole text. Now the nodes show read-only, labelled in
// Vietnamese, the officer edits the rest, and the saved body holds them untouched.
import type { Opinion } from '../../shared/domain/dossier';
import { FLOW_IDS, workflowDossier, workflowDraft } from '../fixtures/workflowDossier';
import { expect, test } from './test';
import { callApi, startHost, temporaryDatabase } from './webHost';

const TABLE = { type: 'table', rows: 1, children: [{ type: 'table-row', children: [{ type: 'table-cell', children: [{ text: 'Phí thẩm định: 50.000 đồng' }] }] }] };
const FOOTNOTE = { type: 'footnote', number: 1, children: [{ text: 'Điều 5 Nghị định 15/2020' }] };
const IMPORTED: Opinion = {
  id: '6f1c2a40-3b7d-4c1e-9a2b-0000000000e1',
  stage: 'appraisal',
  verdict: 'amend',
  components: ['fees'],
  issuedAt: '2024-01-01',
  by: 'Bộ Tư pháp',
  text: 'Đề nghị giảm phíĐiều 5 Nghị định 15/2020\nPhí thẩm định: 50.000 đồng',
  body: [{ type: 'paragraph', children: [{ text: 'Đề nghị giảm phí' }, FOOTNOTE] }, TABLE],
};

test('an opinion holding nodes of a newer version is edited around them and saved with them untouched', async ({ page, request }, testInfo) => {
  const draft = workflowDraft({ status: 'submitted_for_appraisal' });
  draft.regulations[0]!.opinions = [IMPORTED];
  const host = await startHost(temporaryDatabase('kept-nodes.sqlite'), { profile: { agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Lê Hoa' } });
  try {
    await callApi(request, host, 'importDossier', { dossier: workflowDossier(draft) });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(host.url);
    await page.evaluate((id) => (window.location.hash = `#/regulations/${id}`), FLOW_IDS.transportLicence);
    await page.getByRole('tab', { name: 'Ý kiến' }).click();
    const card = page.getByTestId('opinion').first();
    await expect(card.getByTestId('kept-node')).toHaveCount(2);
    await card.getByRole('button', { name: 'Sửa' }).click();

    const form = page.getByTestId('opinion-form');
    const editor = form.getByRole('textbox', { name: 'Nội dung ý kiến' });
    await expect(editor).toContainText('Đề nghị giảm phí');
    await expect(editor.getByTestId('kept-node')).toHaveCount(2);
    await expect(editor).toContainText('Nội dung do phiên bản mới hơn của ứng dụng soạn — được giữ nguyên, không sửa được ở đây');
    await expect(editor).toContainText('Phí thẩm định: 50.000 đồng');
    await editor.getByText('Đề nghị giảm phí').click();
    await page.keyboard.press('Home');
    await page.keyboard.type('Kính gửi: ');
    await page.screenshot({ path: testInfo.outputPath('kept-nodes-editor.png') });
    await form.getByRole('button', { name: 'Lưu ý kiến' }).click();
    await expect(form).toBeHidden();

    const { opinions } = await callApi<{ opinions: Opinion[] }>(request, host, 'getRegulationOpinions', { regulationId: FLOW_IDS.transportLicence });
    expect(opinions[0]?.body).toEqual([{ type: 'paragraph', children: [{ text: 'Kính gửi: Đề nghị giảm phí' }, FOOTNOTE, { text: '' }] }, TABLE]);
  } finally {
    await host.stop();
  }
});
