// The appraisal or review opinion letter of a draft: its sections are the latest opinion of each regulation at that
// stage; its particulars start from the profile and the draft and are kept, as the officer edits them, under the
// setting `letter:<draftId>:<stage>` (a key-value row, so no migration).
import type { ApiParsedInput } from '../../shared/contract/api';
import { ApiError, invalidInput, problemsFromZod } from '../../shared/contract/errors';
import type { ExportedFile } from '../../shared/contract/files';
import {
  letterMetadataDraftSchema,
  letterMetadataSchema,
  tidyLetterMetadata,
  type LetterMetadataDraft,
  type OpinionLetterView,
} from '../../shared/contract/lettersApi';
import type { Profile } from '../../shared/contract/workflowApi';
import { CAPITAL, placeOfAgency } from '../../shared/domain/administrativeReference';
import { draftPhrase } from '../../shared/domain/draftTitle';
import { opinionLetterSchema, SUBJECT_MAX_CHARS, type OpinionLetterSection } from '../../shared/domain/opinionLetter';
import { richTextDocumentSchema } from '../../shared/domain/richText';
import { foldVietnamese } from '../../shared/domain/textFold';
import type { DocType, OpinionStage, Role } from '../../shared/domain/vocabulary';
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import type { DraftRecord } from '../../db/draftsRepository';
import { toExportedFile } from '../export/exportedFile';
import type { ServiceContext } from './context';
import { readSavedProfile } from './settingsService';
import { requireDraft } from './views';

const STAGE_ROLE: Record<OpinionStage, Role> = { appraisal: 'appraiser', review: 'reviewer' };
const STAGE_WORD: Record<OpinionStage, string> = { appraisal: 'thẩm định', review: 'thẩm tra' };

/** Who usually signs what, by Nghị định 63/2010 Điều 11 and the practice of the bodies; every line stays editable. */
type Issuer = Pick<LetterMetadataDraft, 'issuingBody' | 'signature' | 'archive'> & { numberSuffix: string; place?: string };

const GOVERNMENT_OFFICE: Issuer = {
  issuingBody: { name: 'Văn phòng Chính phủ' },
  signature: { authority: 'KT. BỘ TRƯỞNG, CHỦ NHIỆM', position: 'PHÓ CHỦ NHIỆM', signer: '' },
  numberSuffix: 'VPCP-KSTT',
  archive: 'VT, KSTT',
};
// KSTT is VPCP's unit (Cục Kiểm soát TTHC): the Ministry of Justice appraises through its Vụ Các vấn đề chung về
// xây dựng pháp luật and numbers as "…/BTP-VĐCXDPL"; a provincial department through its Phòng Xây dựng và kiểm tra
// văn bản quy phạm pháp luật ("…/STP-XDKTVB"). Both stay editable, as the unit in charge may differ per field.
const MINISTRY_OF_JUSTICE: Issuer = {
  issuingBody: { name: 'Bộ Tư pháp' },
  signature: { authority: 'KT. BỘ TRƯỞNG', position: 'THỨ TRƯỞNG', signer: '' },
  numberSuffix: 'BTP-VĐCXDPL',
  archive: 'VT, Vụ VĐCXDPL',
};
const PROVINCIAL_JUSTICE: Issuer = {
  issuingBody: { name: 'Sở Tư pháp' },
  signature: { position: 'GIÁM ĐỐC', signer: '' },
  numberSuffix: 'STP-XDKTVB',
  archive: 'VT, XDKTVB',
};

/**
 * "Sở Tư pháp tỉnh Bắc Ninh" → the department under its province's People's Committee, writing from Bắc Ninh;
 * undefined for any other agency.
 */
function provincialJusticeOf(agency: string): Issuer | undefined {
  const match = /^sở tư pháp\s+(.+)$/iu.exec(agency.normalize('NFC').trim());
  if (!match?.[1]) return undefined;
  const province = match[1].trim();
  return { ...PROVINCIAL_JUSTICE, issuingBody: { parent: `Ủy ban nhân dân ${province}`, name: 'Sở Tư pháp' }, place: placeOfAgency(agency) };
}
const ministryLegalUnit = (ministry: string): Issuer => ({
  issuingBody: { parent: ministry, name: 'Vụ Pháp chế' },
  signature: { authority: 'TL. BỘ TRƯỞNG', position: 'VỤ TRƯỞNG VỤ PHÁP CHẾ', signer: '' },
  numberSuffix: 'PC',
  archive: 'VT, PC',
});

/** The appraisal body depends on the document (Điều 11): the Ministry of Justice, a ministry's legal unit, or the provincial department. */
function stageIssuer(stage: OpinionStage, draft: DraftRecord): Issuer {
  if (stage === 'review') return GOVERNMENT_OFFICE;
  const byDocType: Partial<Record<DocType, Issuer>> = {
    thong_tu: ministryLegalUnit(draft.draftingAgency),
    thong_tu_lien_tich: ministryLegalUnit(draft.draftingAgency),
    nghi_quyet_hdnd: { ...PROVINCIAL_JUSTICE, place: placeOfAgency(draft.draftingAgency) },
    quyet_dinh_ubnd: { ...PROVINCIAL_JUSTICE, place: placeOfAgency(draft.draftingAgency) },
  };
  return byDocType[draft.docType] ?? MINISTRY_OF_JUSTICE;
}

/** "Văn phòng Chính phủ" → "VPCP": how agencies abbreviate themselves in letter numbers. */
export function agencyInitials(agency: string): string {
  return foldVietnamese(agency)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}

/** This installation's own agency and officer when it plays the stage's role; the usual body of the stage otherwise. */
function issuerFor(stage: OpinionStage, draft: DraftRecord, profile: Profile | null): Issuer {
  const usual = stageIssuer(stage, draft);
  if (!profile || profile.role !== STAGE_ROLE[stage]) return usual;
  const agency = foldVietnamese(profile.agency);
  // The profile's own agency decides the letterhead, number and archive line, whichever body usually has the stage.
  const own =
    agency === foldVietnamese(usual.issuingBody.name)
      ? usual
      : ([GOVERNMENT_OFFICE, MINISTRY_OF_JUSTICE].find((known) => foldVietnamese(known.issuingBody.name) === agency) ?? provincialJusticeOf(profile.agency));
  if (own) return { ...own, signature: { ...own.signature, signer: profile.officerName } };
  return { issuingBody: { name: profile.agency }, signature: { ...usual.signature, signer: profile.officerName }, numberSuffix: agencyInitials(profile.agency), archive: 'VT' };
}

/** "ý kiến thẩm tra TTHC tại dự thảo <title>", or only the document type when the title would overrun the V/v lines. */
export function letterSubject(stage: OpinionStage, draft: Pick<DraftRecord, 'title' | 'docType'>): string {
  const lead = `ý kiến ${STAGE_WORD[stage]} TTHC tại`;
  const whole = `${lead} ${draftPhrase(draft.title)}`;
  return whole.length <= SUBJECT_MAX_CHARS ? whole : `${lead} dự thảo ${vocabularyMessages.vi.docType[draft.docType]}`;
}

export function defaultLetterMetadata(stage: OpinionStage, draft: DraftRecord, profile: Profile | null, today: string): LetterMetadataDraft {
  const { issuingBody, signature, numberSuffix, archive, place = CAPITAL } = issuerFor(stage, draft, profile);
  const issuer = issuingBody.name;
  const docType = vocabularyMessages.vi.docType[draft.docType];
  const submission = draft.submittedToGovernment ? ' trước khi trình Chính phủ, Thủ tướng Chính phủ xem xét, quyết định' : '';
  return {
    issuingBody,
    // The sequence number is given when the letter is registered; only the unit's part is known beforehand.
    number: `/${numberSuffix}`,
    place,
    date: today,
    subject: letterSubject(stage, draft),
    recipients: draft.draftingAgency.trim() ? [draft.draftingAgency.trim()] : [],
    opening:
      `${issuer} nhận được hồ sơ ${draftPhrase(draft.title)} do ${draft.draftingAgency} chủ trì soạn thảo. ` +
      'Thực hiện nhiệm vụ kiểm soát thủ tục hành chính (TTHC) theo Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 ' +
      `của Chính phủ (đã được sửa đổi, bổ sung), ${issuer} có ý kiến ${STAGE_WORD[stage]} về các TTHC quy định tại dự thảo như sau:`,
    closing: `Đề nghị ${draft.draftingAgency} nghiên cứu, tiếp thu, hoàn thiện dự thảo ${docType}${submission}.`,
    signature,
    copiesTo: ['Như trên'],
    archive,
  };
}

const settingKey = (draftId: string, stage: OpinionStage): string => `letter:${draftId}:${stage}`;

/** The latest opinion of each regulation at the stage, in the draft's order; regulations without one are left out. */
function letterSections(ctx: ServiceContext, draftId: string, stage: OpinionStage): OpinionLetterSection[] {
  return ctx.repos.regulations.listByDraft(draftId).flatMap((regulation) => {
    const opinion = ctx.repos.opinions
      .listByRegulation(regulation.id)
      .filter((candidate) => candidate.stage === stage)
      .at(-1);
    if (!opinion) return [];
    const body = richTextDocumentSchema.safeParse(opinion.body);
    return [
      {
        regulationName: regulation.name,
        kind: regulation.kind,
        change: regulation.change,
        verdict: opinion.verdict,
        components: opinion.verdict === 'amend' ? (opinion.components ?? []) : [],
        // A body this version cannot read still prints: its plain text is always kept beside it.
        ...(body.success && body.data.length > 0 ? { body: body.data } : {}),
        text: opinion.text,
      },
    ];
  });
}

export function createLettersService(ctx: ServiceContext) {
  function letterView(draftId: string, stage: OpinionStage): OpinionLetterView {
    const draft = requireDraft(ctx, draftId);
    const stored = letterMetadataDraftSchema.safeParse(ctx.repos.settings.get(settingKey(draftId, stage)));
    const metadata = stored.success ? stored.data : defaultLetterMetadata(stage, draft, readSavedProfile(ctx), ctx.now().slice(0, 10));
    const valid = letterMetadataSchema.safeParse(metadata);
    return {
      draftId,
      stage,
      draftTitle: draft.title,
      saved: stored.success,
      metadata,
      problems: valid.success ? [] : problemsFromZod(valid.error),
      sections: letterSections(ctx, draftId, stage),
    };
  }

  return {
    getOpinionLetter({ draftId, stage }: ApiParsedInput<'getOpinionLetter'>): OpinionLetterView {
      return letterView(draftId, stage);
    },

    saveLetterMetadata({ draftId, stage, metadata }: ApiParsedInput<'saveLetterMetadata'>): OpinionLetterView {
      ctx.db.transaction(() => {
        requireDraft(ctx, draftId);
        ctx.repos.settings.set(settingKey(draftId, stage), tidyLetterMetadata(metadata));
      })();
      return letterView(draftId, stage);
    },

    resetLetterMetadata({ draftId, stage }: ApiParsedInput<'resetLetterMetadata'>): OpinionLetterView {
      ctx.db.transaction(() => {
        requireDraft(ctx, draftId);
        // The settings table has no delete; a null value reads as "not saved".
        ctx.repos.settings.set(settingKey(draftId, stage), null);
      })();
      return letterView(draftId, stage);
    },

    async exportOpinionLetter({ draftId, stage, format, overrides = {} }: ApiParsedInput<'exportOpinionLetter'>): Promise<ExportedFile> {
      const view = letterView(draftId, stage);
      if (view.sections.length === 0) {
        throw new ApiError(
          'invalid_input',
          `Dự thảo “${view.draftTitle}” chưa có ý kiến ${STAGE_WORD[stage]} nào về TTHC/QĐKD, nên chưa lập được văn bản ${STAGE_WORD[stage]}.`,
        );
      }
      const metadata = {
        ...view.metadata,
        ...(overrides.number !== undefined ? { number: overrides.number } : {}),
        ...(overrides.date !== undefined ? { date: overrides.date } : {}),
        signature: { ...view.metadata.signature, ...(overrides.signer !== undefined ? { signer: overrides.signer } : {}) },
      };
      const letter = opinionLetterSchema.safeParse({ ...metadata, sections: view.sections });
      if (!letter.success) throw invalidInput(letter.error, `Văn bản ${STAGE_WORD[stage]} chưa đủ thông tin để xuất`);
      // The renderers are imported on first use: exceljs, docx and pdfmake take a second to load, and most calls export nothing.
      const bytes =
        format === 'docx'
          ? await (await import('../export/opinionLetterDocx')).renderOpinionLetterDocx(letter.data)
          : await (await import('../export/opinionLetterPdf')).renderOpinionLetterPdf(letter.data);
      return toExportedFile(`Ý kiến ${STAGE_WORD[stage]} - ${view.draftTitle}`, format, bytes);
    },
  };
}
