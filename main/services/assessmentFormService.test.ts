import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DECREE_105_IDS, decree105Dossier } from '../../test/fixtures/decree105Dossier';
import { REVIEWED_IDS, REVIEWED_NAMES, reviewedDossier, UNREVIEWED_NAME } from '../../test/fixtures/reviewedDossier';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi } from '../../test/unit/helpers';
import { findTemplate, templateQuestions } from '../../shared/domain/assessmentTemplate';
import { assessmentCompletion } from './assessmentFormService';

const documentXml = (base64: string) => strFromU8(unzipSync(new Uint8Array(Buffer.from(base64, 'base64')))['word/document.xml']!);
/** The place and date line under the national motto. */
const dateLine = (base64: string) => /Hà Nội, ngày [^<]*/.exec(documentXml(base64))?.[0];

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

  // Issue 19: the form was dated on the export day (06/12/2026) for an assessment finished on 10/10/2023.
  it('is dated the day the assessment was finished, or --date', async () => {
    const { api } = await createTestApi();
    const dossier = structuredClone(reviewedDossier);
    const licence = dossier.drafts[0]!.regulations.find((regulation) => regulation.id === REVIEWED_IDS.licence)!;
    licence.assessment = { ...licence.assessment!, completedAt: '2023-10-10' };
    await api.importDossier({ dossier });
    expect(documentXml((await api.exportAssessmentForm({ regulationId: REVIEWED_IDS.licence })).base64)).toContain('ngày 10 tháng 10 năm 2023');
    const chosen = documentXml((await api.exportAssessmentForm({ regulationId: REVIEWED_IDS.licence, overrides: { date: '2024-03-15' } })).base64);
    expect(chosen).toContain('ngày 15 tháng 3 năm 2024');
  });

  // Issue 19: the realistic decree's whole-draft form was dated the export day, because one regulation on it kept no
  // completion day although the drafting agency had recorded the assessment finished on 28/02/2023.
  it('dates the whole draft by the step that finished its assessment, or --date', async () => {
    const { api } = await createTestApi();
    const dossier = structuredClone(decree105Dossier);
    const warehouse = dossier.drafts[0]!.regulations.find((regulation) => regulation.id === DECREE_105_IDS.warehouse)!;
    delete warehouse.assessment;
    await api.importDossier({ dossier });
    expect(dateLine((await api.exportAssessmentForm({ draftId: DECREE_105_IDS.draft })).base64)).toBe('Hà Nội, ngày 28 tháng 02 năm 2023');
    const chosen = await api.exportAssessmentForm({ draftId: DECREE_105_IDS.draft, overrides: { date: '2023-03-01' } });
    expect(dateLine(chosen.base64)).toBe('Hà Nội, ngày 01 tháng 3 năm 2023');
  });
});

describe('the realistic decree’s form (issue 19)', () => {
  // Looked at in render:documents: a finished assessment printed «tình trạng: đầy đủ, hoàn thành ngày …» under each
  // regulation, product bookkeeping no official form carries, and «Trả lời: Hoàn toàn» under «… đúng thẩm quyền không?».
  it('prints the finished answers only: no status, no unanswered question, no missing worksheet', async () => {
    const { api } = await createTestApi();
    await api.importDossier({ dossier: decree105Dossier });
    const text = documentXml((await api.exportAssessmentForm({ draftId: DECREE_105_IDS.draft })).base64).replace(/<[^>]+>/g, ' ');
    for (const gap of ['tình trạng', '(chưa trả lời)', 'Chưa lập bảng tính', 'Hoàn toàn', 'chưa được đánh giá']) expect(text).not.toContain(gap);
    expect(text.match(/Trả lời:\s+Có\s/gu)?.length).toBeGreaterThan(20);
  });
  // Looked at in render:documents: the new procedure, which has no code in the national database until it is
  // published, printed a «Mã TTHC (CSDL quốc gia)» row holding «—»; an amended one keeps its code.
  it('gives a new procedure no national-code row, an amended one its code', async () => {
    const { api } = await createTestApi();
    await api.importDossier({ dossier: decree105Dossier });
    const textOf = async (regulationId: string) => documentXml((await api.exportAssessmentForm({ regulationId })).base64).replace(/<[^>]+>/g, '');
    expect(await textOf(DECREE_105_IDS.online)).not.toContain('Mã TTHC (CSDL quốc gia)');
    expect(await textOf(DECREE_105_IDS.retail)).toContain('Mã TTHC (CSDL quốc gia)2.000615');
  });

  // The list opened «Dự thảo có 6 TTHC/QĐKD:», which a clerk writes as the kinds it holds.
  it('counts its five TTHC and one QĐKD apart', async () => {
    const { api } = await createTestApi();
    await api.importDossier({ dossier: decree105Dossier });
    const text = documentXml((await api.exportAssessmentForm({ draftId: DECREE_105_IDS.draft })).base64).replace(/<[^>]+>/g, '');
    expect(text).toContain('Dự thảo có 05 TTHC và 01 QĐKD:');
    expect(text).not.toContain('TTHC/QĐKD:');
  });
});

describe('the realistic decree’s business regulation (issue 19)', () => {
  // «Điều kiện về kho hàng …» was asked the 2010 form's TTHC questions: its dossier, its time limit, its steps.
  it('is asked the business-condition questions, none of the 2010 TTHC form’s', async () => {
    const { api } = await createTestApi();
    await api.importDossier({ dossier: decree105Dossier });
    const text = documentXml((await api.exportAssessmentForm({ regulationId: DECREE_105_IDS.warehouse })).base64)
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/gu, ' ');
    for (const question of ['Ngành, nghề có thuộc Danh mục ngành, nghề đầu tư kinh doanh có điều kiện', 'Có thể chuyển sang hậu kiểm không?', 'Có tương xứng với mức độ rủi ro không?']) {
      expect(text).toContain(question);
    }
    expect(text).toContain('Có kho hàng hoặc hợp đồng thuê kho hàng phù hợp với quy mô kinh doanh');
    // The 2010 questions a business condition has no answer to (its dossier, its time limit, «thủ tục hành chính …»);
    // «Mục tiêu đó có thực sự cần thiết không?» is asked of both.
    const asked = new Set(templateQuestions(findTemplate('2021-qdkd')!).map(({ question }) => question.text));
    const procedureQuestions = templateQuestions(findTemplate('2010')!).filter(({ question }) => question.text.endsWith('?') && !asked.has(question.text));
    expect(procedureQuestions.length).toBeGreaterThan(10);
    for (const { question } of procedureQuestions) expect(text).not.toContain(question.text);
    expect(text).not.toContain('(chưa trả lời)');
  });
});

describe('assessmentCompletion', () => {
  const finished = (completedAt: string | null) => ({ assessment: { completedAt } as never });
  it('is the latest day of completion, and none while one assessment is unfinished', () => {
    expect(assessmentCompletion([finished('2023-10-10'), finished('2023-09-01')])).toBe('2023-10-10');
    expect(assessmentCompletion([finished('2023-10-10'), finished(null)])).toBeUndefined();
    expect(assessmentCompletion([{ assessment: undefined }])).toBeUndefined();
    expect(assessmentCompletion([])).toBeUndefined();
  });
  it("is the draft's step that finished the assessment, or a regulation's completion after it", () => {
    const step = '2023-02-28T08:00:00+07:00';
    expect(assessmentCompletion([finished(null), { assessment: undefined }], [step])).toBe('2023-02-28');
    expect(assessmentCompletion([finished('2023-02-20'), finished('2023-02-26')], [step])).toBe('2023-02-28');
    expect(assessmentCompletion([finished('2023-04-09'), finished(null)], [step])).toBe('2023-04-09');
    expect(assessmentCompletion([finished(null)], ['2023-01-10T08:00:00+07:00', step])).toBe('2023-02-28');
  });
});
