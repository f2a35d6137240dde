import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { LetterMetadataDraft } from '../../shared/contract/lettersApi';
import type { Profile } from '../../shared/contract/workflowApi';
import type { DocType } from '../../shared/domain/vocabulary';
import { REVIEWED_IDS, REVIEWED_NAMES, reviewedDossier, UNREVIEWED_NAME } from '../../test/fixtures/reviewedDossier';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi } from '../../test/unit/helpers';

async function reviewedApi(profile?: Profile) {
  const test = await createTestApi();
  await test.api.importDossier({ dossier: reviewedDossier });
  if (profile) await test.api.saveProfile(profile);
  return test;
}

/** VPCP, which writes the review letter of the reviewed draft (the particulars are the writing body's). */
const VPCP: Profile = { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Văn Bình' };

const documentXml = (base64: string) => strFromU8(unzipSync(new Uint8Array(Buffer.from(base64, 'base64')))['word/document.xml']!);

describe('letter defaults', () => {
  const reviewer: Profile = { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Văn Bình' };
  it.each<{ case: string; stage: 'appraisal' | 'review'; profile?: Profile; issuer: string; number: string }>([
    { case: 'review, no profile', stage: 'review', issuer: 'Văn phòng Chính phủ', number: '/VPCP-KSTT' },
    { case: 'review by VPCP itself', stage: 'review', profile: reviewer, issuer: 'Văn phòng Chính phủ', number: '/VPCP-KSTT' },
    { case: 'review seen from the drafter', stage: 'review', profile: { agency: 'Bộ Giao thông vận tải', role: 'drafter', officerName: 'An' }, issuer: 'Văn phòng Chính phủ', number: '/VPCP-KSTT' },
    { case: 'appraisal of a decree', stage: 'appraisal', issuer: 'Bộ Tư pháp', number: '/BTP-VĐCXDPL' },
    // Another body's machine gets the lawful writer's letterhead, and a refusal (below).
    { case: 'appraisal seen from another body', stage: 'appraisal', profile: { agency: 'Cục Kiểm tra văn bản', role: 'appraiser', officerName: 'Lê Hoa' }, issuer: 'Bộ Tư pháp', number: '/BTP-VĐCXDPL' },
  ])('$case', async ({ stage, profile, issuer, number }) => {
    const { api } = await reviewedApi(profile);
    const view = await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage });
    expect(view.saved).toBe(false);
    expect(view.metadata.issuingBody.name).toBe(issuer);
    expect(view.metadata.number).toBe(number);
    // Issue 19: the profile's officer was printed under the leader's title; nobody signs until a signer is chosen.
    expect(view.metadata.signature).toEqual({ position: '', signer: '' });
    expect(view.metadata.recipients).toEqual(['Bộ Giao thông vận tải']);
    expect(view.metadata.date).toBe('2024-01-01'); // the test clock's today
    expect(view.metadata.subject).toMatch(new RegExp(`^ý kiến (thẩm định|thẩm tra) TTHC tại dự thảo Nghị định`));
    // A machine of another agency sees the letter but may not send it.
    const refused = profile !== undefined && profile.agency !== issuer;
    expect(view.problems.map((problem) => problem.path)).toEqual(refused ? ['issuingBody.name'] : []);
  });

  it("signs with the writer's default signer for the letter, under that person's own titles", async () => {
    const { api } = await reviewedApi(reviewer);
    await api.saveSigners({
      agency: 'Văn phòng Chính phủ',
      persons: [
        { id: 'tran-van-son', name: 'Trần Văn Sơn', position: 'Phó Chủ nhiệm', mandates: [{ authority: 'KT', of: 'Bộ trưởng, Chủ nhiệm' }] },
        { id: 'nguyen-van-a', name: 'Nguyễn Văn A', position: 'Bộ trưởng, Chủ nhiệm', mandates: [] },
      ],
      defaults: { review_letter: 'tran-van-son', period_report: 'nguyen-van-a' },
    });
    const { metadata } = await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage: 'review' });
    expect(metadata.signature).toEqual({ authority: 'KT. BỘ TRƯỞNG, CHỦ NHIỆM', position: 'PHÓ CHỦ NHIỆM', signer: 'Trần Văn Sơn' });
    // Bộ Tư pháp's letter is not VPCP's to sign.
    expect((await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage: 'appraisal' })).metadata.signature.signer).toBe('');
  });

  it('refuses a default that names nobody, and a repeated id', async () => {
    const { api } = await reviewedApi(reviewer);
    const person = { id: 'son', name: 'Trần Văn Sơn', position: 'Phó Chủ nhiệm', mandates: [] };
    const missing = await rejection(api.saveSigners({ agency: 'Văn phòng Chính phủ', persons: [person], defaults: { review_letter: 'binh' } }));
    expect(missing.problems).toEqual([{ path: 'defaults.review_letter', message: 'không có người ký mã «binh»' }]);
    const twice = await rejection(api.saveSigners({ agency: 'Văn phòng Chính phủ', persons: [person, person], defaults: {} }));
    expect(twice.problems.map((problem) => problem.path)).toEqual(['persons[1].id']);
  });

  // Issue 13: the letter follows the writer by law; VPCP's unit (KSTT) never appears in another body's letter.
  it.each<{ profile: Profile; name: string; number: string; archive: string; place: string }>([
    { profile: { agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Lê Hoa' }, name: 'Bộ Tư pháp', number: '/BTP-VĐCXDPL', archive: 'VT, VĐCXDPL', place: 'Hà Nội' },
    { profile: { agency: 'bo tu phap', role: 'appraiser', officerName: 'Lê Hoa' }, name: 'Bộ Tư pháp', number: '/BTP-VĐCXDPL', archive: 'VT, VĐCXDPL', place: 'Hà Nội' },
  ])('an appraisal letter from $profile.agency', async ({ profile, name, number, archive, place }) => {
    const { api } = await reviewedApi(profile);
    const { metadata, problems } = await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage: 'appraisal' });
    expect(metadata.issuingBody).toEqual({ name });
    expect(metadata.number).toBe(number);
    expect(metadata.archive).toBe(archive);
    expect(metadata.place).toBe(place);
    expect(problems).toEqual([]);
    expect(`${metadata.number} ${metadata.archive}`).not.toMatch(/KSTT/);
  });

  it.each<[DocType, string, string, string | undefined]>([
    ['thong_tu', 'Bộ Giao thông vận tải', 'Vụ Pháp chế', 'Bộ Giao thông vận tải'],
    ['quyet_dinh_ubnd', 'Ủy ban nhân dân tỉnh Bắc Ninh', 'Sở Tư pháp', 'Ủy ban nhân dân tỉnh Bắc Ninh'],
    ['luat', 'Bộ Giao thông vận tải', 'Bộ Tư pháp', undefined],
  ])('the appraisal body of a %s of %s is %s', async (docType, draftingAgency, name, parent) => {
    const { api } = await createTestApi();
    const draft = await api.createDraft({ docType, title: 'Dự thảo', draftingAgency, submittedToGovernment: false });
    const view = await api.getOpinionLetter({ draftId: draft.id, stage: 'appraisal' });
    expect(view.metadata.issuingBody).toEqual(parent ? { name, parent } : { name });
    expect(view.metadata.closing).not.toMatch(/trình Chính phủ/);
  });

  it("dates a provincial document's appraisal at the drafting province, and a ministry's at Hà Nội", async () => {
    const { api } = await createTestApi();
    const local = await api.createDraft({ docType: 'nghi_quyet_hdnd', title: 'Dự thảo Nghị quyết', draftingAgency: 'Ủy ban nhân dân tỉnh Quảng Ninh', submittedToGovernment: false });
    expect((await api.getOpinionLetter({ draftId: local.id, stage: 'appraisal' })).metadata.place).toBe('Quảng Ninh');
    const central = await api.createDraft({ docType: 'nghi_dinh', title: 'Dự thảo Nghị định', draftingAgency: 'Bộ Xây dựng', submittedToGovernment: true });
    expect((await api.getOpinionLetter({ draftId: central.id, stage: 'appraisal' })).metadata.place).toBe('Hà Nội');
  });
});

describe('who may write the letter (issue 19)', () => {
  // Issue 19: "Bộ Xây dựng, appraiser" on its own circular wrote "Kính gửi: Bộ Xây dựng. Bộ Xây dựng nhận được hồ sơ …".
  it("writes a ministry's circular appraisal as its Vụ Pháp chế, to the drafting unit the officer names", async () => {
    const { api } = await createTestApi();
    const draft = await api.createDraft({ docType: 'thong_tu', title: 'Dự thảo Thông tư hướng dẫn cấp giấy phép xây dựng', draftingAgency: 'Bộ Xây dựng', submittedToGovernment: false });
    await api.saveProfile({ agency: 'Bộ Xây dựng', role: 'appraiser', officerName: 'Ngô Văn Tú' });
    const { metadata, problems } = await api.getOpinionLetter({ draftId: draft.id, stage: 'appraisal' });
    expect(metadata.issuingBody).toEqual({ parent: 'Bộ Xây dựng', name: 'Vụ Pháp chế' });
    expect(metadata.opening).toMatch(/^Vụ Pháp chế nhận được hồ sơ dự thảo Thông tư/);
    expect(metadata.recipients).toEqual([]);
    expect(problems.find((problem) => problem.path === 'recipients')?.message).toContain('ghi đơn vị chủ trì soạn thảo thuộc Bộ Xây dựng');
  });

  // Issue 19: with "Bộ Tư pháp" the same circular became a Bộ Tư pháp letter with no question asked.
  it('refuses another body, saying who writes the letter, and exports nothing', async () => {
    const { api } = await createTestApi();
    const draft = await api.createDraft({ docType: 'thong_tu', title: 'Dự thảo Thông tư hướng dẫn cấp giấy phép xây dựng', draftingAgency: 'Bộ Xây dựng', submittedToGovernment: false });
    await api.saveProfile({ agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Lê Hoa' });
    const view = await api.getOpinionLetter({ draftId: draft.id, stage: 'appraisal' });
    expect(view.metadata.issuingBody.name).toBe('Vụ Pháp chế');
    expect(view.problems[0]?.message).toContain('do Vụ Pháp chế Bộ Xây dựng lập');
    const error = await rejection(api.exportOpinionLetter({ draftId: draft.id, stage: 'appraisal', format: 'docx', overrides: { signer: 'Lê Hoa' } }));
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('máy này là của Bộ Tư pháp');
  });
});

describe("the clerk's wording (issue 19)", () => {
  // The opening promised TTHC and then listed a QĐKD; the Tờ trình was missing; the article was never printed.
  it('opens on the submission recorded for it and carries the article of each item', async () => {
    const { api } = await reviewedApi({ agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Văn Bình' });
    const before = await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage: 'review' });
    expect(before.incoming).toBeNull();
    expect(before.metadata.opening).toMatch(/^Văn phòng Chính phủ nhận được hồ sơ dự thảo Nghị định .* do Bộ Giao thông vận tải chủ trì soạn thảo \(sau đây gọi là dự thảo Nghị định\)\./);
    expect(before.sections.map((section) => section.article)).toEqual(['Điều 18', 'Điều 22', 'Điều 30']);

    await api.saveLetterMetadata({ draftId: REVIEWED_IDS.draft, stage: 'review', metadata: { ...before.metadata, number: '05/VPCP-KSTT' } });
    const recorded = await api.saveIncomingDocument({
      draftId: REVIEWED_IDS.draft,
      stage: 'review',
      incoming: { type: 'Tờ trình', number: '12/TTr-BGTVT', date: '2024-01-15' },
    });
    expect(recorded.metadata.number).toBe('05/VPCP-KSTT');
    expect(recorded.metadata.opening).toMatch(
      /^Văn phòng Chính phủ nhận được Tờ trình số 12\/TTr-BGTVT ngày 15 tháng 01 năm 2024 của Bộ Giao thông vận tải trình Chính phủ dự thảo Nghị định/,
    );
    expect(recorded.metadata.opening).toMatch(/có ý kiến thẩm tra về các TTHC quy định tại dự thảo Nghị định như sau:$/);

  });

  it('records the Tờ trình with the submission itself, refuses it with any other step, and cites it in the appraisal letter', async () => {
    const { api, ctx } = await createTestApi();
    const draft = await api.createDraft({ docType: 'nghi_dinh', title: 'Dự thảo Nghị định về kinh doanh rượu', draftingAgency: 'Bộ Công Thương', submittedToGovernment: true });
    const wrongStep = await rejection(api.transition({ draftId: draft.id, action: 'return', incoming: { type: 'Tờ trình', number: '1/TTr-BCT', date: '2025-01-02' } }));
    expect(wrongStep.problems.map((problem) => problem.path)).toEqual(['incoming']);
    // The appraisal body records the submission once the dossier is with it.
    await ctx.tx(async (repos) => {
      const { updatedAt: _updatedAt, ...record } = (await repos.drafts.findById(draft.id))!;
      await repos.drafts.update({ ...record, status: 'submitted_for_appraisal' }, { at: ctx.now(), by: 'Nguyễn Văn A' });
    });
    await api.saveProfile({ agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Lê Hoa' });
    await api.saveIncomingDocument({ draftId: draft.id, stage: 'appraisal', incoming: { type: 'Công văn', number: '85/BCT-PC', date: '2025-01-06', from: 'Vụ Pháp chế Bộ Công Thương' } });
    const { metadata, incoming } = await api.getOpinionLetter({ draftId: draft.id, stage: 'appraisal' });
    expect(incoming?.number).toBe('85/BCT-PC');
    expect(metadata.recipients).toEqual(['Vụ Pháp chế Bộ Công Thương']);
    expect(metadata.opening).toMatch(/^Bộ Tư pháp nhận được Công văn số 85\/BCT-PC ngày 06 tháng 01 năm 2025 của Vụ Pháp chế Bộ Công Thương đề nghị thẩm định dự thảo Nghị định về kinh doanh rượu/);
  });
});

describe('letter sections', () => {
  it.each([
    ['review', REVIEWED_NAMES, ['amend', 'agree', 'remove']],
    ['appraisal', [REVIEWED_NAMES[0]], ['agree']],
  ] as const)('at %s: the latest opinion of each regulation that has one, in the draft order', async (stage, names, verdicts) => {
    const { api } = await reviewedApi();
    const { sections } = await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage });
    expect(sections.map((section) => section.regulationName)).toEqual(names);
    expect(sections.map((section) => section.verdict)).toEqual(verdicts);
  });

  it('carries the components to fix and the rich body of an "amend" opinion', async () => {
    const { api } = await reviewedApi();
    const [amend, agree] = (await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage: 'review' })).sections;
    expect(amend?.components).toEqual(['dossier', 'timeLimitDays']);
    expect(amend?.body?.[1]?.type).toBe('bulleted-list');
    expect(agree?.body).toBeUndefined();
    expect(agree?.text).toMatch(/Cổng Dịch vụ công/);
  });
});

describe('saving the particulars', () => {
  it('keeps what the officer typed, without blank rows, and returns to the defaults on reset', async () => {
    const { api } = await reviewedApi(VPCP);
    const { metadata } = await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage: 'review' });
    const edited: LetterMetadataDraft = {
      ...metadata,
      number: '05/VPCP-KSTT',
      issuingBody: { name: 'Văn phòng Chính phủ', parent: '  ' },
      recipients: ['Bộ Giao thông vận tải', '', 'Bộ Tư pháp'],
      signature: { authority: '', position: 'CHỦ NHIỆM', signer: 'Trần Văn Bình' },
      copiesTo: ['Như trên', '  '],
    };
    const saved = await api.saveLetterMetadata({ draftId: REVIEWED_IDS.draft, stage: 'review', metadata: edited });
    expect(saved.saved).toBe(true);
    expect(saved.problems).toEqual([]);
    expect(saved.metadata.recipients).toEqual(['Bộ Giao thông vận tải', 'Bộ Tư pháp']);
    expect(saved.metadata.copiesTo).toEqual(['Như trên']);
    expect(saved.metadata.issuingBody.parent).toBeUndefined();
    expect(saved.metadata.signature.authority).toBeUndefined();
    // Stored per stage: the appraisal letter still has its defaults.
    expect((await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage: 'appraisal' })).saved).toBe(false);
    expect((await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage: 'review' })).metadata.number).toBe('05/VPCP-KSTT');

    const reset = await api.resetLetterMetadata({ draftId: REVIEWED_IDS.draft, stage: 'review' });
    expect(reset.saved).toBe(false);
    expect(reset.metadata.number).toBe('/VPCP-KSTT');
  });

  it('keeps a half-filled form and lists what still blocks the export', async () => {
    const { api } = await reviewedApi(VPCP);
    const { metadata } = await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage: 'review' });
    const saved = await api.saveLetterMetadata({
      draftId: REVIEWED_IDS.draft,
      stage: 'review',
      metadata: { ...metadata, date: '2024-02-30', recipients: [], subject: 'V/v ý kiến' },
    });
    expect(saved.problems.map((problem) => problem.path).sort()).toEqual(['date', 'recipients', 'subject']);
  });
});

describe('exportOpinionLetter', () => {
  const vpcp: Profile = { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Văn Bình' };

  it('writes a DOCX with the number, every reviewed regulation and nothing else', async () => {
    const { api } = await reviewedApi(vpcp);
    const { metadata } = await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage: 'review' });
    await api.saveLetterMetadata({
      draftId: REVIEWED_IDS.draft,
      stage: 'review',
      metadata: { ...metadata, number: '05/VPCP-KSTT', signature: { authority: 'KT. BỘ TRƯỞNG, CHỦ NHIỆM', position: 'PHÓ CHỦ NHIỆM', signer: 'Trần Văn Bình' } },
    });
    const file = await api.exportOpinionLetter({ draftId: REVIEWED_IDS.draft, stage: 'review', format: 'docx' });
    expect(file.fileName).toMatch(/^Ý kiến thẩm tra - Nghị định quy định về kinh doanh.*\.docx$/);
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = documentXml(file.base64);
    expect(xml).toContain('Số: 05/VPCP-KSTT');
    for (const name of REVIEWED_NAMES) expect(xml).toContain(name);
    expect(xml).not.toContain(UNREVIEWED_NAME);
    expect(xml).toContain('Trần Văn Bình');
  });

  it('writes a PDF of the same letter', async () => {
    const { api } = await reviewedApi(vpcp);
    const file = await api.exportOpinionLetter({ draftId: REVIEWED_IDS.draft, stage: 'review', format: 'pdf' });
    expect(file.fileName.endsWith('.pdf')).toBe(true);
    expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it.each([
    ['a draft without any opinion at the stage', 'review', 'chưa có ý kiến thẩm tra nào', []],
    ['a letter without a date', 'review', 'Văn bản thẩm tra chưa đủ thông tin để xuất', ['date', 'date']],
  ] as const)('refuses %s in Vietnamese', async (_case, stage, message, paths) => {
    const { api } = await reviewedApi();
    const empty = await api.createDraft({ docType: 'nghi_dinh', title: 'Nghị định chưa có ý kiến', draftingAgency: 'Bộ Tài chính', submittedToGovernment: true });
    // VPCP, whose review letter it is: only the writing body saves the particulars.
    await api.saveProfile(VPCP);
    const draftId = paths.length === 0 ? empty.id : REVIEWED_IDS.draft;
    if (paths.length > 0) {
      const { metadata } = await api.getOpinionLetter({ draftId, stage });
      await api.saveLetterMetadata({ draftId, stage, metadata: { ...metadata, date: '' } });
    }
    const error = await rejection(api.exportOpinionLetter({ draftId, stage, format: 'docx' }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(message);
    expect(error.problems.map((problem) => problem.path)).toEqual(paths);
  });
});

describe('letter wording from the draft title', () => {
  it('says "dự thảo" once when the title itself begins with "Dự thảo"', async () => {
    const { api } = await createTestApi();
    const draft = await api.createDraft({
      docType: 'nghi_dinh',
      title: 'Dự thảo Nghị định quy định điều kiện kinh doanh vận tải bằng xe ô tô',
      draftingAgency: 'Bộ Giao thông vận tải',
      submittedToGovernment: true,
    });
    const { metadata } = await api.getOpinionLetter({ draftId: draft.id, stage: 'review' });
    expect(metadata.subject).toBe('ý kiến thẩm tra TTHC tại dự thảo Nghị định quy định điều kiện kinh doanh vận tải bằng xe ô tô');
    for (const text of [metadata.subject, metadata.opening, metadata.closing]) expect(text).not.toMatch(/dự thảo\s+dự thảo/iu);
  });

  it('keeps the V/v line within its four lines for a very long title: the document type only', async () => {
    const { api } = await createTestApi();
    const title = `Dự thảo Nghị định ${'sửa đổi, bổ sung một số điều của các Nghị định quy định chi tiết thi hành Luật Đường bộ, '.repeat(4)}`;
    const draft = await api.createDraft({ docType: 'nghi_dinh', title: title.slice(0, 400), draftingAgency: 'Bộ Xây dựng', submittedToGovernment: true });
    const view = await api.getOpinionLetter({ draftId: draft.id, stage: 'review' });
    expect(view.metadata.subject).toBe('ý kiến thẩm tra TTHC tại dự thảo Nghị định');
    expect(view.metadata.opening).toContain(title.slice('Dự thảo '.length, 100));
    expect(view.problems.map((problem) => problem.path)).not.toContain('subject');
  });

  it('refuses, in Vietnamese, a typed subject too long for the V/v lines', async () => {
    const { api } = await reviewedApi(VPCP);
    const { metadata } = await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage: 'review' });
    const saved = await api.saveLetterMetadata({ draftId: REVIEWED_IDS.draft, stage: 'review', metadata: { ...metadata, subject: 'ý kiến '.repeat(30) } });
    expect(saved.problems.find((problem) => problem.path === 'subject')?.message).toMatch(/trích yếu dài quá 140 ký tự/);
  });
});
