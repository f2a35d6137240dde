import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { REVIEWED_IDS, REVIEWED_NAMES, reviewedDossier, UNREVIEWED_NAME } from '../../test/fixtures/reviewedDossier';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi } from '../../test/unit/helpers';

const documentXml = (base64: string) => strFromU8(unzipSync(new Uint8Array(Buffer.from(base64, 'base64')))['word/document.xml']!);

describe('exportAssessmentForm', () => {
  it.each([
    ['one regulation', { regulationId: REVIEWED_IDS.licence }, `Đánh giá tác động - ${REVIEWED_NAMES[0]}.docx`, [REVIEWED_NAMES[0]], [REVIEWED_NAMES[1]]],
    ['a whole draft', { draftId: REVIEWED_IDS.draft }, `Đánh giá tác động - ${reviewedDossier.drafts[0]!.title}.docx`, [...REVIEWED_NAMES, UNREVIEWED_NAME], []],
  ])('writes the form of %s', async (_case, input, fileName, present, absent) => {
    const { api } = await createTestApi();
    await api.importDossier({ dossier: reviewedDossier });
    const file = await api.exportAssessmentForm(input);
    expect(file.fileName).toBe(fileName);
    const xml = documentXml(file.base64);
    for (const name of present) expect(xml).toContain(name);
    for (const name of absent) expect(xml).not.toContain(name);
  });

  it('refuses a draft without regulations in Vietnamese', async () => {
    const { api } = await createTestApi();
    const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Nghị định trống', draftingAgency: 'Bộ Tài chính', submittedToGovernment: true });
    const error = await rejection(api.exportAssessmentForm({ draftId: draft.id }));
    expect(error.message).toBe('Dự thảo “Nghị định trống” chưa có TTHC/QĐKD nào để lập biểu mẫu đánh giá tác động.');
  });
});
