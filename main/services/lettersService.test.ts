import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { LetterMetadataDraft } from '../../shared/contract/lettersApi';
import type { Profile } from '../../shared/contract/workflowApi';
import type { DocType } from '../../shared/domain/vocabulary';
import { REVIEWED_IDS, REVIEWED_NAMES, reviewedDossier, UNREVIEWED_NAME } from '../../test/fixtures/reviewedDossier';
import { rejection } from '../../test/unit/apiRejection';
import { createTestApi } from '../../test/unit/helpers';
import { agencyInitials } from './lettersService';

async function reviewedApi(profile?: Profile) {
  const test = createTestApi();
  await test.api.importDossier({ dossier: reviewedDossier });
  if (profile) await test.api.saveProfile(profile);
  return test;
}

const documentXml = (base64: string) => strFromU8(unzipSync(new Uint8Array(Buffer.from(base64, 'base64')))['word/document.xml']!);

describe('agencyInitials', () => {
  it.each([
    ['Văn phòng Chính phủ', 'VPCP'],
    ['Bộ Tư pháp', 'BTP'],
    ['Sở Tư pháp Hà Nội', 'STPHN'],
    ['Ủy ban nhân dân tỉnh Đắk Lắk', 'UBNDTDL'],
  ])('%s → %s', (agency, initials) => {
    expect(agencyInitials(agency)).toBe(initials);
  });
});

describe('letter defaults', () => {
  const reviewer: Profile = { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Văn Bình' };
  it.each<{ case: string; stage: 'appraisal' | 'review'; profile?: Profile; issuer: string; number: string; signer: string; position: string }>([
    { case: 'review, no profile', stage: 'review', issuer: 'Văn phòng Chính phủ', number: '/VPCP-KSTT', signer: '', position: 'PHÓ CHỦ NHIỆM' },
    { case: 'review by VPCP itself', stage: 'review', profile: reviewer, issuer: 'Văn phòng Chính phủ', number: '/VPCP-KSTT', signer: 'Trần Văn Bình', position: 'PHÓ CHỦ NHIỆM' },
    { case: 'review seen from the drafter', stage: 'review', profile: { agency: 'Bộ Giao thông vận tải', role: 'drafter', officerName: 'An' }, issuer: 'Văn phòng Chính phủ', number: '/VPCP-KSTT', signer: '', position: 'PHÓ CHỦ NHIỆM' },
    { case: 'appraisal of a decree', stage: 'appraisal', issuer: 'Bộ Tư pháp', number: '/BTP-VĐCXDPL', signer: '', position: 'THỨ TRƯỞNG' },
    { case: 'appraisal by a named body', stage: 'appraisal', profile: { agency: 'Cục Kiểm tra văn bản', role: 'appraiser', officerName: 'Lê Hoa' }, issuer: 'Cục Kiểm tra văn bản', number: '/CKTVB', signer: 'Lê Hoa', position: 'THỨ TRƯỞNG' },
  ])('$case', async ({ stage, profile, issuer, number, signer, position }) => {
    const { api } = await reviewedApi(profile);
    const view = await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage });
    expect(view.saved).toBe(false);
    expect(view.metadata.issuingBody.name).toBe(issuer);
    expect(view.metadata.number).toBe(number);
    expect(view.metadata.signature.signer).toBe(signer);
    expect(view.metadata.signature.position).toBe(position);
    expect(view.metadata.recipients).toEqual(['Bộ Giao thông vận tải']);
    expect(view.metadata.date).toBe('2024-01-01'); // the test clock's today
    expect(view.metadata.subject).toMatch(new RegExp(`^ý kiến (thẩm định|thẩm tra) TTHC tại dự thảo Nghị định`));
    expect(view.problems.map((problem) => problem.path)).toEqual(signer ? [] : ['signature.signer']);
  });

  // Issue 13: the letter follows the profile's agency; VPCP's unit (KSTT) never appears in another body's letter.
  it.each<{ profile: Profile; parent?: string; name: string; number: string; archive: string; place: string }>([
    { profile: { agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Lê Hoa' }, name: 'Bộ Tư pháp', number: '/BTP-VĐCXDPL', archive: 'VT, Vụ VĐCXDPL', place: 'Hà Nội' },
    { profile: { agency: 'bo tu phap', role: 'appraiser', officerName: 'Lê Hoa' }, name: 'Bộ Tư pháp', number: '/BTP-VĐCXDPL', archive: 'VT, Vụ VĐCXDPL', place: 'Hà Nội' },
    {
      profile: { agency: 'Sở Tư pháp tỉnh Bắc Ninh', role: 'appraiser', officerName: 'Lê Hoa' },
      parent: 'Ủy ban nhân dân tỉnh Bắc Ninh',
      name: 'Sở Tư pháp',
      number: '/STP-XDKTVB',
      archive: 'VT, XDKTVB',
      place: 'Bắc Ninh',
    },
  ])('an appraisal letter from $profile.agency', async ({ profile, parent, name, number, archive, place }) => {
    const { api } = await reviewedApi(profile);
    const { metadata } = await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage: 'appraisal' });
    expect(metadata.issuingBody).toEqual(parent ? { parent, name } : { name });
    expect(metadata.number).toBe(number);
    expect(metadata.archive).toBe(archive);
    expect(metadata.place).toBe(place);
    expect(metadata.signature.signer).toBe('Lê Hoa');
    expect(`${metadata.number} ${metadata.archive}`).not.toMatch(/KSTT/);
  });

  it.each<[DocType, string, string | undefined]>([
    ['thong_tu', 'Vụ Pháp chế', 'Bộ Giao thông vận tải'],
    ['quyet_dinh_ubnd', 'Sở Tư pháp', undefined],
    ['luat', 'Bộ Tư pháp', undefined],
  ])('the appraisal body of a %s is %s', async (docType, name, parent) => {
    const { api } = createTestApi();
    const draft = await api.createDraft({ docType, title: 'Dự thảo', draftingAgency: 'Bộ Giao thông vận tải', submittedToGovernment: false });
    const view = await api.getOpinionLetter({ draftId: draft.id, stage: 'appraisal' });
    expect(view.metadata.issuingBody).toEqual(parent ? { name, parent } : { name });
    expect(view.metadata.closing).not.toMatch(/trình Chính phủ/);
  });

  it("dates a provincial document's appraisal at the drafting province, and a ministry's at Hà Nội", async () => {
    const { api } = createTestApi();
    const local = await api.createDraft({ docType: 'nghi_quyet_hdnd', title: 'Dự thảo Nghị quyết', draftingAgency: 'Ủy ban nhân dân tỉnh Quảng Ninh', submittedToGovernment: false });
    expect((await api.getOpinionLetter({ draftId: local.id, stage: 'appraisal' })).metadata.place).toBe('Quảng Ninh');
    const central = await api.createDraft({ docType: 'nghi_dinh', title: 'Dự thảo Nghị định', draftingAgency: 'Bộ Xây dựng', submittedToGovernment: true });
    expect((await api.getOpinionLetter({ draftId: central.id, stage: 'appraisal' })).metadata.place).toBe('Hà Nội');
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
    const { api } = await reviewedApi();
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
    const { api } = await reviewedApi();
    const { metadata } = await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage: 'review' });
    const saved = await api.saveLetterMetadata({
      draftId: REVIEWED_IDS.draft,
      stage: 'review',
      metadata: { ...metadata, date: '2024-02-30', recipients: [], subject: 'V/v ý kiến' },
    });
    expect(saved.problems.map((problem) => problem.path).sort()).toEqual(['date', 'recipients', 'signature.signer', 'subject']);
  });
});

describe('exportOpinionLetter', () => {
  const vpcp: Profile = { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Văn Bình' };

  it('writes a DOCX with the number, every reviewed regulation and nothing else', async () => {
    const { api } = await reviewedApi(vpcp);
    const { metadata } = await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage: 'review' });
    await api.saveLetterMetadata({ draftId: REVIEWED_IDS.draft, stage: 'review', metadata: { ...metadata, number: '05/VPCP-KSTT' } });
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
    ['a letter without a signer', 'appraisal', 'Văn bản thẩm định chưa đủ thông tin để xuất', ['signature.signer']],
  ] as const)('refuses %s in Vietnamese', async (_case, stage, message, paths) => {
    const { api } = await reviewedApi();
    const empty = await api.createDraft({ docType: 'nghi_dinh', title: 'Nghị định chưa có ý kiến', draftingAgency: 'Bộ Tài chính', submittedToGovernment: true });
    const draftId = paths.length === 0 ? empty.id : REVIEWED_IDS.draft;
    const error = await rejection(api.exportOpinionLetter({ draftId, stage, format: 'docx' }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(message);
    expect(error.problems.map((problem) => problem.path)).toEqual(paths);
  });
});

describe('letter wording from the draft title', () => {
  it('says "dự thảo" once when the title itself begins with "Dự thảo"', async () => {
    const { api } = createTestApi();
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
    const { api } = createTestApi();
    const title = `Dự thảo Nghị định ${'sửa đổi, bổ sung một số điều của các Nghị định quy định chi tiết thi hành Luật Đường bộ, '.repeat(4)}`;
    const draft = await api.createDraft({ docType: 'nghi_dinh', title: title.slice(0, 400), draftingAgency: 'Bộ Xây dựng', submittedToGovernment: true });
    const view = await api.getOpinionLetter({ draftId: draft.id, stage: 'review' });
    expect(view.metadata.subject).toBe('ý kiến thẩm tra TTHC tại dự thảo Nghị định');
    expect(view.metadata.opening).toContain(title.slice('Dự thảo '.length, 100));
    expect(view.problems.map((problem) => problem.path)).not.toContain('subject');
  });

  it('refuses, in Vietnamese, a typed subject too long for the V/v lines', async () => {
    const { api } = await reviewedApi();
    const { metadata } = await api.getOpinionLetter({ draftId: REVIEWED_IDS.draft, stage: 'review' });
    const saved = await api.saveLetterMetadata({ draftId: REVIEWED_IDS.draft, stage: 'review', metadata: { ...metadata, subject: 'ý kiến '.repeat(30) } });
    expect(saved.problems.find((problem) => problem.path === 'subject')?.message).toMatch(/trích yếu dài quá 140 ký tự/);
  });
});
