// An appraiser reads the review findings the app proposes for a procedure with three typical problems, takes them
// into the appraisal opinion with a click each, and the opinion letter carries them.
import { expect, test } from './test';
import { strFromU8, unzipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { startHost, temporaryDatabase } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');
const DRAFT_ID = '4b0d8c7e-1a2b-4c3d-8e9f-0a1b2c3d4e01';
const REGULATION_ID = '4b0d8c7e-1a2b-4c3d-8e9f-0a1b2c3d4e02';

const dossier = {
  format: 'tthc-dossier',
  version: 1,
  exportedAt: '2026-03-02T09:00:00+07:00',
  exportedBy: { agency: 'Bộ Công an', role: 'drafter' },
  drafts: [
    {
      id: DRAFT_ID,
      docType: 'nghi_dinh',
      title: 'Nghị định quy định chi tiết Luật Cư trú',
      draftingAgency: 'Bộ Công an',
      submittedToGovernment: true,
      status: 'submitted_for_appraisal',
      events: [
        { at: '2026-03-01T08:00:00+07:00', action: 'complete_assessment', actor: 'Nguyễn Văn A', role: 'drafter' },
        { at: '2026-03-02T08:00:00+07:00', action: 'submit_for_appraisal', actor: 'Nguyễn Văn A', role: 'drafter' },
      ],
      regulations: [
        {
          id: REGULATION_ID,
          kind: 'tthc',
          change: 'new',
          name: 'Đăng ký thường trú',
          field: 'Đăng ký, quản lý cư trú',
          level: 'commune',
          components: {
            steps: ['Công dân nộp hồ sơ tại Công an cấp xã', 'Công an cấp xã kiểm tra, cập nhật thông tin', 'Trả kết quả'],
            methods: ['in_person'],
            dossier: [
              { item: 'Tờ khai thay đổi thông tin cư trú', copies: 1 },
              { item: 'Bản sao sổ hộ khẩu của chủ hộ', copies: 1 },
              { item: 'Bản sao có chứng thực hợp đồng thuê nhà ở', copies: 2 },
            ],
            conditions: ['Có chỗ ở hợp pháp, phù hợp'],
            timeLimitDays: 7,
            subjects: ['citizen'],
            agency: 'Công an cấp xã',
            result: 'Thông báo kết quả đăng ký thường trú',
          },
        },
      ],
    },
  ],
};

const wordText = (docx: Buffer) => strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!);

test('the appraiser takes three findings into the opinion with a click each, and the letter carries them', async ({ page, request }) => {
  const databasePath = temporaryDatabase('findings.sqlite');
  const file = join(dirname(databasePath), 'cu-tru.json');
  writeFileSync(file, JSON.stringify(dossier));
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', file], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);

  const host = await startHost(databasePath, { profile: { agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Trần Thị Bình' } });
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(host.url);
    await page.getByRole('row').filter({ hasText: 'Nghị định quy định chi tiết Luật Cư trú' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Đăng ký thường trú' });
    await expect(row.getByTestId('finding-count')).toHaveText('3');

    // The findings tab explains each finding; the proposal can only be taken while an opinion is being written.
    await row.getByRole('link', { name: 'Đăng ký thường trú' }).click();
    await page.getByRole('tab', { name: 'Phát hiện khi rà soát' }).click();
    const panel = page.getByTestId('findings-panel');
    await expect(panel.getByTestId('finding')).toHaveCount(3);
    // The rule's internal id (R14…) is for the people who keep the rules, not on an officer's screen.
    await expect(panel).not.toContainText(/\bR\d{2}\b/);
    await expect(panel.getByTestId('finding').first()).toContainText('Luật Cư trú số 68/2020/QH14');
    await expect(panel.getByRole('button', { name: 'Đưa vào ý kiến' }).first()).toBeDisabled();

    await page.getByRole('tab', { name: 'Ý kiến' }).click();
    await page.getByRole('button', { name: 'Viết ý kiến thẩm định' }).click();
    const form = page.getByTestId('opinion-form');
    await form.getByText('Phát hiện khi rà soát').click();
    const findings = form.getByTestId('finding');
    await expect(findings).toHaveCount(3);
    for (const rule of ['R14', 'R16', 'R19']) {
      await form.locator(`[data-testid=finding][data-rule=${rule}]`).getByRole('button', { name: 'Đưa vào ý kiến' }).click();
      await expect(form.locator(`[data-testid=finding][data-rule=${rule}]`)).toHaveAttribute('data-decision', 'accepted');
    }
    const editor = form.getByRole('textbox').last();
    await expect(editor).toContainText('“Bản sao sổ hộ khẩu của chủ hộ” (01 bản)');
    await expect(editor).toContainText('không bắt buộc chứng thực, công chứng');
    await expect(editor).toContainText('định lượng được');
    await page.screenshot({ path: join(dirname(databasePath), 'findings-opinion.png'), fullPage: true });
    await form.getByRole('button', { name: 'Lưu ý kiến' }).click();
    await expect(page.getByTestId('opinion').first()).toHaveAttribute('data-verdict', 'amend');

    const letter = await request.post(`${host.origin}/api/exportOpinionLetter`, {
      data: { draftId: DRAFT_ID, stage: 'appraisal', format: 'docx' },
      headers: { 'x-tthc-token': host.token, origin: host.origin },
    });
    const body = (await letter.json()) as { ok: boolean; value?: { base64: string }; error?: { message: string } };
    expect(body.ok, body.error?.message).toBe(true);
    const text = wordText(Buffer.from(body.value!.base64, 'base64'));
    expect(text).toContain('Bản sao sổ hộ khẩu của chủ hộ');
    expect(text).toContain('không bắt buộc chứng thực, công chứng');
    expect(text).toContain('định lượng được');
  } finally {
    await host.stop();
  }
});
