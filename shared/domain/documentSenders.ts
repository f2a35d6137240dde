// Who writes which document of a draft, and to whom, by law rather than by the machine it is made on (DOMAIN.md
// "Who writes, who signs"): the drafting agency assesses, publishes and answers; the appraisal body of the document
// type appraises (Nghị định 63/2010/NĐ-CP, Điều 11 as amended by Nghị định 48/2013/NĐ-CP: Bộ Tư pháp for the
// Government's and the Prime Minister's documents and the laws it submits, the ministry's legal unit for a
// circular, the province's Sở Tư pháp for a provincial document); VPCP reviews what goes to the Government and
// writes the period report. One table and a few functions, so that the services refuse, the letterheads print and a
// team server's permissions (shared/domain/permissions.ts) decide from the same rule.
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import { CAPITAL, provinceOfAgency, provincialCommittee, provinceWithLevel } from './administrativeReference';
import { draftPhrase } from './draftTitle';
import { foldVietnamese } from './textFold';
import type { DocType, OpinionStage } from './vocabulary';

export const DOCUMENT_KINDS = [
  'assessment_form',
  'appraisal_letter',
  'appraisal_report',
  'review_letter',
  'responses_table',
  'publication_decision',
  'period_report',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What each document is called in a sentence ("… do Bộ Tư pháp lập"). */
export const DOCUMENT_NAMES: Record<DocumentKind, string> = {
  assessment_form: 'Biểu mẫu đánh giá tác động TTHC',
  appraisal_letter: 'Văn bản thẩm định TTHC',
  appraisal_report: 'Phần thẩm định TTHC của báo cáo thẩm định',
  review_letter: 'Văn bản thẩm tra TTHC',
  responses_table: 'Bảng tổng hợp, tiếp thu, giải trình',
  publication_decision: 'Quyết định công bố TTHC',
  period_report: 'Báo cáo kết quả kiểm soát TTHC',
};

/** The letter of each opinion stage. */
export const STAGE_LETTER: Record<OpinionStage, DocumentKind> = { appraisal: 'appraisal_letter', review: 'review_letter' };

/** What a sender needs of a draft. */
export type SenderDraft = { title: string; docType: DocType; draftingAgency: string; submittedToGovernment: boolean };

export type WritingAgency = {
  /** The body it belongs to, printed above it in regular capitals: "Bộ Xây dựng" over "Vụ Pháp chế". */
  parent?: string;
  /** Its own name in the letterhead, in bold capitals: "Vụ Pháp chế", "Sở Tư pháp", "Bộ Tư pháp". */
  name: string;
  /** How a sentence names it: "Vụ Pháp chế Bộ Xây dựng", "Sở Tư pháp tỉnh Bắc Ninh". */
  fullName: string;
  /** Where it signs (Nghị định 30/2020: the capital for central bodies, the province for local ones). */
  place: string;
  /** The agency's abbreviation in a document number: "BTP" in "…/BTP-VĐCXDPL" and "…/BC-BTP". */
  abbreviation: string;
  /** The unit that drafts its letters, after the abbreviation in a letter's number and in the archive line. */
  unit?: string;
  /** Other names the same agency goes by on a machine's profile ("VPCP", "Cục Kiểm soát thủ tục hành chính"). */
  aliases: readonly string[];
  /** The article that makes it the writer, for the refusal message. */
  basis: string;
};

/** The words of an agency name that its abbreviation leaves out ("và"). */
const UNABBREVIATED = new Set(['va']);

/**
 * "Bộ Giao thông vận tải" → "BGTVT", "Bộ Lao động - Thương binh và Xã hội" → "BLĐTBXH": the first letter of each
 * word but "và", with Đ kept, as agencies abbreviate themselves in document numbers.
 */
export function agencyAbbreviation(agency: string): string {
  return agency
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !UNABBREVIATED.has(foldVietnamese(word)))
    .map((word) => {
      const first = word.charAt(0).toLocaleUpperCase('vi');
      return first === 'Đ' ? 'Đ' : foldVietnamese(first).toUpperCase();
    })
    .join('');
}

const GOVERNMENT_OFFICE: WritingAgency = {
  name: 'Văn phòng Chính phủ',
  fullName: 'Văn phòng Chính phủ',
  place: CAPITAL,
  abbreviation: 'VPCP',
  unit: 'KSTT',
  aliases: ['VPCP', 'Cục Kiểm soát thủ tục hành chính', 'Cục Kiểm soát TTHC'],
  basis: 'Nghị định số 63/2010/NĐ-CP (đã được sửa đổi, bổ sung)',
};

// Bộ Tư pháp appraises through its Vụ Các vấn đề chung về xây dựng pháp luật, which numbers its letters
// "…/BTP-VĐCXDPL"; editable with the letter's other particulars where another unit is in charge.
const MINISTRY_OF_JUSTICE: WritingAgency = {
  name: 'Bộ Tư pháp',
  fullName: 'Bộ Tư pháp',
  place: CAPITAL,
  abbreviation: 'BTP',
  unit: 'VĐCXDPL',
  aliases: ['BTP'],
  basis: 'Điều 11 Nghị định số 63/2010/NĐ-CP',
};

function ministryLegalUnit(ministry: string): WritingAgency {
  return {
    parent: ministry,
    name: 'Vụ Pháp chế',
    fullName: `Vụ Pháp chế ${ministry}`,
    place: CAPITAL,
    abbreviation: agencyAbbreviation(ministry),
    unit: 'PC',
    // The ministry's own machine speaks for its legal unit.
    aliases: [ministry, `Vụ Pháp chế, ${ministry}`],
    basis: 'Điều 11 Nghị định số 63/2010/NĐ-CP',
  };
}

function provincialJustice(draftingAgency: string): WritingAgency {
  const province = provinceOfAgency(draftingAgency);
  const where = province ? ` ${provinceWithLevel(province)}` : '';
  return {
    ...(province ? { parent: provincialCommittee(province) } : {}),
    name: 'Sở Tư pháp',
    fullName: `Sở Tư pháp${where}`,
    place: province?.name ?? CAPITAL,
    abbreviation: 'STP',
    unit: 'XDKTVB',
    aliases: province ? [`Sở Tư pháp ${province.name}`] : [],
    basis: 'Điều 11 Nghị định số 63/2010/NĐ-CP',
  };
}

/** "Sở Y tế tỉnh Bắc Ninh" under its People's Committee; a ministry or a committee stands alone. */
export function agencyLetterhead(agency: string): Pick<WritingAgency, 'parent' | 'name'> {
  const name = agency.trim();
  const province = provinceOfAgency(name);
  const department = /^(sở|ban)\s/iu.test(name) && province;
  if (!department) return { name };
  // "Sở Y tế tỉnh Bắc Ninh", "Sở Y tế, TP. Đà Nẵng", "Sở Y tế Bắc Ninh": the department's own name is what comes before.
  const level = name.search(/[,\s]+(tỉnh|tinh|thành phố|thanh pho|tp\.?)\s+\S.*$/iu);
  const own = (level >= 0 ? name.slice(0, level) : name.endsWith(province.name) ? name.slice(0, -province.name.length) : name).replace(/[,\s]+$/u, '');
  return { parent: provincialCommittee(province), name: own || name };
}

function draftingAgencyWriter(draft: SenderDraft, basis: string): WritingAgency {
  const agency = draft.draftingAgency.trim();
  const province = provinceOfAgency(agency);
  const { parent, name } = agencyLetterhead(agency);
  return {
    ...(parent ? { parent } : {}),
    name,
    fullName: agency,
    place: province?.name ?? CAPITAL,
    abbreviation: agencyAbbreviation(name),
    aliases: parent ? [parent] : [],
    basis,
  };
}

/** A publication decision of a provincial document is the province's (its Chủ tịch signs it), whichever department drafted it. */
function publisher(draft: SenderDraft): WritingAgency {
  const province = provinceOfAgency(draft.draftingAgency);
  if (!LOCAL_TYPES.has(draft.docType) || !province) return draftingAgencyWriter(draft, PUBLICATION_BASIS);
  const committee = provincialCommittee(province);
  return {
    name: committee,
    fullName: committee,
    place: province.name,
    abbreviation: 'UBND',
    aliases: [draft.draftingAgency],
    basis: PUBLICATION_BASIS,
  };
}

/** The decision that publishes a document's TTHC is its managing body's (Nghị định 63/2010, chương III). */
const PUBLICATION_BASIS = 'Nghị định số 63/2010/NĐ-CP (đã được sửa đổi, bổ sung)';
const PROVINCIAL_TYPES: ReadonlySet<DocType> = new Set<DocType>(['nghi_quyet_hdnd', 'quyet_dinh_ubnd', 'quyet_dinh_ct_ubnd']);
const COMMUNE_TYPES: ReadonlySet<DocType> = new Set<DocType>(['nghi_quyet_hdnd_xa', 'quyet_dinh_ubnd_xa']);
const LOCAL_TYPES: ReadonlySet<DocType> = new Set([...PROVINCIAL_TYPES, ...COMMUNE_TYPES]);
const CIRCULAR_TYPES: ReadonlySet<DocType> = new Set<DocType>(['thong_tu', 'thong_tu_lien_tich']);

/**
 * The body that appraises the TTHC of a draft; undefined for a commune document, whose appraising body the app does
 * not know (Nghị định 63/2010 predates commune-level legal documents): the machine's own agency writes it then.
 */
export function appraisalBody(draft: SenderDraft): WritingAgency | undefined {
  if (COMMUNE_TYPES.has(draft.docType)) return undefined;
  if (PROVINCIAL_TYPES.has(draft.docType)) return provincialJustice(draft.draftingAgency);
  if (CIRCULAR_TYPES.has(draft.docType)) return ministryLegalUnit(draft.draftingAgency.trim());
  return MINISTRY_OF_JUSTICE;
}

export type DocumentWriter = { kind: 'agency'; agency: WritingAgency } | { kind: 'none'; reason: string } | { kind: 'unknown' };

/** Who writes `kind` for `draft` (the period report needs no draft). */
export function documentWriter(kind: DocumentKind, draft?: SenderDraft): DocumentWriter {
  if (kind === 'period_report') return { kind: 'agency', agency: GOVERNMENT_OFFICE };
  if (!draft) throw new Error(`${kind} needs a draft`);
  switch (kind) {
    case 'assessment_form':
      return { kind: 'agency', agency: draftingAgencyWriter(draft, 'Điều 10 Nghị định số 63/2010/NĐ-CP') };
    case 'responses_table':
      return { kind: 'agency', agency: draftingAgencyWriter(draft, 'Nghị định số 63/2010/NĐ-CP (đã được sửa đổi, bổ sung)') };
    case 'publication_decision':
      return { kind: 'agency', agency: publisher(draft) };
    case 'appraisal_letter':
    case 'appraisal_report': {
      const body = appraisalBody(draft);
      return body ? { kind: 'agency', agency: body } : { kind: 'unknown' };
    }
    case 'review_letter':
      return draft.submittedToGovernment
        ? { kind: 'agency', agency: GOVERNMENT_OFFICE }
        : {
            kind: 'none',
            reason: `${capitalised(draftPhrase(draft.title))} không trình Chính phủ, Thủ tướng Chính phủ nên không qua thẩm tra của Văn phòng Chính phủ.`,
          };
  }
}

const capitalised = (text: string): string => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** Agency names compared as people type them: case, diacritics, punctuation and "tỉnh"/"thành phố" aside. */
export function agencyKey(name: string): string {
  return ` ${foldVietnamese(name.normalize('NFC'))
    .replace(/\bubnd\b/g, 'uy ban nhan dan')
    .replace(/[^a-z0-9]+/g, ' ')} `
    .replace(/ (tinh|thanh pho|tp) /g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when a machine of `agency` speaks for the writing agency. */
export function isWritingAgency(writer: WritingAgency, agency: string): boolean {
  const key = agencyKey(agency);
  return key !== '' && [writer.fullName, ...(writer.parent ? [] : [writer.name]), ...writer.aliases].some((name) => agencyKey(name) === key);
}

/**
 * Why a machine of `agency` may not make `kind` for `draft`, naming who should; null when it may (or when the law
 * names no one the app knows). A machine without an agency yet is not refused: it has said nothing to check.
 */
export function writerRefusal(kind: DocumentKind, draft: SenderDraft | undefined, agency: string | undefined): string | null {
  const writer = documentWriter(kind, draft);
  if (writer.kind === 'none') return writer.reason;
  if (writer.kind === 'unknown' || !agency?.trim() || isWritingAgency(writer.agency, agency)) return null;
  const about = draft && kind !== 'period_report' ? ` của ${draftPhrase(draft.title)}` : '';
  return (
    `${DOCUMENT_NAMES[kind]}${about} do ${writer.agency.fullName} lập theo ${writer.agency.basis}; ` +
    `máy này là của ${agency.trim()}, nên không lập văn bản này thay ${writer.agency.fullName} được.`
  ).replace(/\s+/g, ' ');
}

/** The agency the letterhead prints: the lawful writer, or the machine's own where the law names none the app knows. */
export function letterheadAgency(kind: DocumentKind, draft: SenderDraft | undefined, ownAgency: string | undefined): WritingAgency | undefined {
  const writer = documentWriter(kind, draft);
  if (writer.kind === 'agency') return writer.agency;
  const own = ownAgency?.trim();
  if (!own) return undefined;
  const { parent, name } = agencyLetterhead(own);
  return { ...(parent ? { parent } : {}), name, fullName: own, place: provinceOfAgency(own)?.name ?? CAPITAL, abbreviation: agencyAbbreviation(name), aliases: [], basis: '' };
}

/** The writer's part of a letter's number, known before the registry gives the sequence: "/BTP-VĐCXDPL", "/VPCP-KSTT". */
export function letterNumberSuffix(writer: WritingAgency | undefined): string {
  return writer ? `/${[writer.abbreviation, writer.unit].filter(Boolean).join('-')}` : '/';
}

/** The archive line's default: the registry (VT) and the writer's drafting unit. */
export function letterArchive(writer: WritingAgency | undefined): string {
  return writer?.unit ? `VT, ${writer.unit}` : 'VT';
}

/**
 * "Kính gửi" of a stage's letter: the drafting agency; for a circular, appraised inside its own ministry, the unit
 * that sent the dossier (recorded with the incoming document), which the ministry's name alone would not reach.
 */
export function stageAddressees(stage: OpinionStage, draft: SenderDraft, incoming?: { from?: string }): string[] {
  const sender = incoming?.from?.trim();
  if (sender) return [sender];
  if (stage === 'appraisal' && CIRCULAR_TYPES.has(draft.docType)) return [];
  return draft.draftingAgency.trim() ? [draft.draftingAgency.trim()] : [];
}

/**
 * Who receives the tiếp thu–giải trình table with the drafting agency's dossier ("Nơi nhận" before "Lưu: VT."): the
 * appraisal body, to which the drafter sends its report on the appraisal with the revised draft when it submits, and
 * the body the dossier is submitted through — VPCP for what goes to the Government or the Prime Minister, the
 * province's committee for a provincial department's draft. The review table answers VPCP, which reviewed.
 * Basis: Luật số 80/2015/QH13 (as amended by Luật số 63/2020/QH14), Điều 92 for a decree — checked against its
 * consolidated text (23/VBHN-VPQH, Công báo số 1095+1096/2020): Bộ Tư pháp appraises it before it goes to the
 * Government, and the Government hears Bộ Tư pháp on the drafter's «giải trình, tiếp thu ý kiến thẩm định» (Điều 96
 * khoản 2) — and Điều 58 for a bill the Government submits; Nghị định 63/2010/NĐ-CP, Điều 11 as amended. Earlier
 * notes cited Điều 39, which is the appraisal of a law proposal (đề nghị xây dựng luật), not of a draft. Not
 * confirmed (text not at hand): the wording of Điều 92 khoản 4 and Điều 58 khoản 4, and the articles of Luật số
 * 64/2025/QH15 that replace them from 01/04/2025.
 */
export function responsesTableRecipients(stage: OpinionStage, draft: SenderDraft): string[] {
  if (stage === 'review') return [GOVERNMENT_OFFICE.fullName];
  const appraiser = appraisalBody(draft);
  const province = PROVINCIAL_TYPES.has(draft.docType) ? provinceOfAgency(draft.draftingAgency) : undefined;
  const committee = province ? provincialCommittee(province) : undefined;
  const submittedTo = draft.submittedToGovernment
    ? GOVERNMENT_OFFICE.fullName
    : committee && agencyKey(committee) !== agencyKey(draft.draftingAgency)
      ? committee
      : undefined;
  return [...(appraiser ? [appraiser.fullName] : []), ...(submittedTo ? [submittedTo] : [])];
}

/** Why a letter has no addressee yet, for the officer to fill it in. */
export function missingAddresseeHint(draft: SenderDraft): string {
  return CIRCULAR_TYPES.has(draft.docType)
    ? `ghi đơn vị chủ trì soạn thảo thuộc ${draft.draftingAgency.trim() || 'bộ'} (hoặc ghi văn bản đến kèm hồ sơ, có tên đơn vị gửi)`
    : 'cần ít nhất một nơi nhận "Kính gửi"';
}

/** "thẩm định", "thẩm tra" */
export const STAGE_WORD: Record<OpinionStage, string> = { appraisal: 'thẩm định', review: 'thẩm tra' };

/** The document type as a sentence names it: "Thông tư", "Nghị quyết của HĐND cấp tỉnh". */
export const docTypeName = (docType: DocType): string => vocabularyMessages.vi.docType[docType];
