// The Quyết định công bố that publishes an issued document's TTHC (Nghị định 63/2010/NĐ-CP, chương III, as amended;
// Thông tư 02/2017/TT-VPCP), with its annex: Phần I the list (publicationList.ts), Phần II the content of each
// procedure that is new, amended or replaced — an abolished one is only listed. The decision is its publisher's (the
// managing ministry, or the province's People's Committee for a provincial document: documentSenders.ts), dated and
// numbered when it is signed.
import { formatLongDate } from '../i18n/format';
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import { componentLines, type ListedComponentKey } from './componentText';
import type { Components } from './dossier';
import { docTypeName, type WritingAgency } from './documentSenders';
import { titleWithoutDraftWord } from './draftTitle';
import { publicationList, type PublicationList, type PublicationRegulation } from './publicationList';
import type { SignatureBlock } from './signers';
import { TIME_LIMIT_UNIT_WORDS } from './timeLimits';
import { CHANGES, LEVELS, type DocType, type Level } from './vocabulary';

const LABELS = vocabularyMessages.vi;

export type IssuedDocument = { title: string; docType: DocType; draftingAgency: string; issuedAt: string | null };

/**
 * Who issues a document, as a citation names it after its date («Nghị định số … ngày … của Chính phủ sửa đổi, …»);
 * only where the type says it alone: a law or a People's Council's resolution is cited otherwise.
 */
const ISSUERS: Partial<Record<DocType, (draftingAgency: string) => string>> = {
  nghi_dinh: () => 'Chính phủ',
  nghi_quyet_cp: () => 'Chính phủ',
  quyet_dinh_ttg: () => 'Thủ tướng Chính phủ',
  thong_tu: (draftingAgency) => (/^bộ\s/iu.test(draftingAgency) ? `Bộ trưởng ${draftingAgency}` : ''),
};

/**
 * The issued document as the decision names it: the title without "Dự thảo", with its number and date once known
 * ("Nghị định số 17/2024/NĐ-CP ngày 14 tháng 6 năm 2024 của Chính phủ sửa đổi, …"); a draft's title is not the document's.
 */
export function issuedDocumentName(document: IssuedDocument, issuedNumber?: string): string {
  const title = titleWithoutDraftWord(document.title);
  const type = docTypeName(document.docType);
  const number = issuedNumber?.trim();
  if (!number || !title.toLocaleLowerCase('vi').startsWith(type.toLocaleLowerCase('vi'))) return title;
  const date = document.issuedAt ? ` ngày ${formatLongDate(document.issuedAt)}` : '';
  const issuer = ISSUERS[document.docType]?.(document.draftingAgency);
  return `${type} số ${number}${date}${issuer ? ` của ${issuer}` : ''}${title.slice(type.length)}`;
}

/** Who signs for the publisher, as the decision's authority line and Điều 3 name them. */
function head(publisher: WritingAgency): { title: string; office: string | null } {
  if (/^bộ\s/iu.test(publisher.name)) return { title: `Bộ trưởng ${publisher.name}`, office: 'Chánh Văn phòng Bộ' };
  if (/^ủy ban nhân dân/iu.test(publisher.name)) return { title: `Chủ tịch ${publisher.name}`, office: `Chánh Văn phòng ${publisher.name}` };
  return { title: `Thủ trưởng ${publisher.name}`, office: null };
}

export type PublicationDecision = {
  issuer: { text: string; bold: boolean }[];
  /** "…/QĐ-BCT" until the registry gives it its sequence number. */
  number: string;
  place: string;
  date: string;
  /** "Về việc công bố thủ tục hành chính …" */
  subject: string;
  /** "BỘ TRƯỞNG BỘ CÔNG THƯƠNG" */
  authority: string;
  bases: string[];
  articles: string[];
  copiesTo: string[];
  signature: SignatureBlock | null;
  annex: PublicationList;
  /** Phần II, grouped by level as Phần I is. */
  contentGroups: PublicationContentGroup[];
};

/** One procedure of Phần II: its name and its components, each a labelled list. */
export type PublicationContent = { heading: string; parts: { label: string; lines: string[] }[] };
export type PublicationContentGroup = { heading: string; items: PublicationContent[] };

const CHANGE_WORDS: Record<(typeof CHANGES)[number], string> = { new: 'mới ban hành', amended: 'được sửa đổi, bổ sung', replaced: 'được thay thế', abolished: 'bị bãi bỏ' };

function joinWithAnd(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} và ${parts.at(-1) ?? ''}`;
}

/** What Phần II prints for a component the procedure's record does not hold. */
export const MISSING_PART = '(Chưa ghi nhận trong hồ sơ; bổ sung trước khi trình ký)';
const OPTIONAL_PARTS: ReadonlySet<string> = new Set([LABELS.component.fees, LABELS.component.forms, LABELS.component.conditions]);
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm'];

/**
 * Phần II: a procedure's components in the order of Điều 8, Nghị định 63/2010, each under its letter, worded as every
 * other document words them (componentText.ts componentLines: each method's own time limit and fee, originals and
 * copies apart, a subject's label). The steps are numbered; a time limit of 0 days is «Trong ngày …», as published.
 */
function contentOf(regulation: PublicationRegulation & { components: Components }, number: number, legalBasis: string): PublicationContent {
  const c = regulation.components;
  // Written as an official form writes figures («05 ngày làm việc», «25.000 đồng»), as the assessment form does.
  const lines = (key: ListedComponentKey) => componentLines(c, key, 'form');
  const parts: { label: string; lines: string[] }[] = [
    { label: LABELS.component.steps, lines: lines('steps').map((step, index) => `Bước ${index + 1}: ${step}`) },
    { label: LABELS.component.methods, lines: lines('methods') },
    { label: LABELS.component.dossier, lines: lines('dossier') },
    { label: LABELS.component.timeLimitDays, lines: c.timeLimitDays === 0 ? [`Trong ${TIME_LIMIT_UNIT_WORDS[c.timeLimitUnit ?? 'working']}`] : lines('timeLimitDays') },
    { label: LABELS.component.subjects, lines: lines('subjects') },
    { label: LABELS.component.agency, lines: lines('agency') },
    { label: LABELS.component.result, lines: lines('result') },
    { label: LABELS.component.fees, lines: lines('fees') },
    { label: LABELS.component.forms, lines: lines('forms') },
    { label: LABELS.component.conditions, lines: lines('conditions') },
    { label: 'Căn cứ pháp lý', lines: [legalBasis] },
  ];
  return {
    heading: `${number}. ${regulation.name}`,
    // Fees, forms and conditions exist only where the law sets them (Điều 8): none is "Không". Any other component
    // missing from the record is missing data, which the officer must fill in before the decision is signed.
    parts: parts.map((part, index) => ({
      label: `${LETTERS[index]}) ${part.label}:`,
      lines: part.lines.length > 0 ? part.lines : [OPTIONAL_PARTS.has(part.label) ? 'Không.' : MISSING_PART],
    })),
  };
}

const LEVEL_HEADINGS: Record<Level, string> = {
  central: 'Thủ tục hành chính cấp trung ương',
  province: 'Thủ tục hành chính cấp tỉnh',
  district: 'Thủ tục hành chính cấp huyện',
  commune: 'Thủ tục hành chính cấp xã',
};

/** Phần II grouped as Phần I is, by level; abolished procedures have no content to publish. */
export function publicationContents(
  regulations: readonly (PublicationRegulation & { components: Components })[],
  legalBasis: string,
): PublicationContentGroup[] {
  const published = regulations.filter((regulation) => regulation.kind === 'tthc' && regulation.change !== 'abolished');
  const levels: Array<Level | null> = [...LEVELS, null];
  return levels
    .map((level) => published.filter((regulation) => (regulation.level ?? null) === level))
    .map((ofLevel, index) => ({ level: levels[index] ?? null, ofLevel }))
    .filter(({ ofLevel }) => ofLevel.length > 0)
    .map(({ level, ofLevel }, groupIndex) => ({
      heading: `${'ABCDE'[groupIndex] ?? ''}. ${level ? LEVEL_HEADINGS[level] : 'Thủ tục hành chính chưa xác định cấp thực hiện'}`,
      items: ofLevel.map((regulation, index) => contentOf(regulation, index + 1, regulation.article ? `${regulation.article} ${legalBasis}` : legalBasis)),
    }));
}

export type DecisionParticulars = {
  number: string;
  date: string;
  signature: SignatureBlock | null;
  issuedNumber?: string;
  /** When the issued document takes effect: the decision takes effect with it (Điều 2). */
  effectiveDate?: string;
};

/** Điều 2 before the issued document's effective date is known: the clerk fills it in, as on the blank form. */
export const EFFECTIVE_DATE_BLANK = '…… tháng …… năm ……';

/**
 * Điều 2: the procedures are published to apply from the day the issued document takes effect — «có hiệu lực thi hành
 * kể từ ngày 01 tháng 8 năm 2023» —, or from the day it is signed when the document is already in force by then.
 */
export function effectiveArticle(decisionDate: string, effectiveDate: string | undefined): string {
  const from = effectiveDate === undefined ? `ngày ${EFFECTIVE_DATE_BLANK}` : effectiveDate > decisionDate ? `ngày ${formatLongDate(effectiveDate)}` : 'ngày ký';
  return `Điều 2. Quyết định này có hiệu lực thi hành kể từ ${from}.`;
}

export function publicationDecision(
  document: IssuedDocument,
  regulations: readonly (PublicationRegulation & { components: Components })[],
  publisher: WritingAgency,
  particulars: DecisionParticulars,
): PublicationDecision {
  const issued = issuedDocumentName(document, particulars.issuedNumber);
  const changes = CHANGES.filter((change) => regulations.some((regulation) => regulation.kind === 'tthc' && regulation.change === change));
  const scope = `thủ tục hành chính ${joinWithAnd(changes.map((change) => CHANGE_WORDS[change]))} thuộc phạm vi chức năng quản lý của ${document.draftingAgency}`;
  const { title, office } = head(publisher);
  const number = particulars.number;
  const annex = publicationList({ title: issued, draftingAgency: document.draftingAgency }, regulations);
  const numberInLine = number.startsWith('/') ? `số ${'\u00a0'.repeat(6)}${number}` : `số ${number}`;
  return {
    issuer: [...(publisher.parent ? [{ text: publisher.parent.toLocaleUpperCase('vi'), bold: false }] : []), { text: publisher.name.toLocaleUpperCase('vi'), bold: true }],
    number,
    place: publisher.place,
    date: particulars.date,
    subject: `Về việc công bố ${scope}`,
    authority: title.toLocaleUpperCase('vi'),
    bases: [
      'Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính; Nghị định số 48/2013/NĐ-CP ngày 14 tháng 5 năm 2013 và Nghị định số 92/2017/NĐ-CP ngày 07 tháng 8 năm 2017 của Chính phủ sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát thủ tục hành chính;',
      'Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31 tháng 10 năm 2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính;',
      `Căn cứ ${issued};`,
      ...(office ? [`Theo đề nghị của ${office}.`] : []),
    ],
    articles: [
      `Điều 1. Công bố kèm theo Quyết định này ${scope}.`,
      effectiveArticle(particulars.date, particulars.effectiveDate),
      `Điều 3. ${office ? `${office}, ` : ''}Thủ trưởng các cơ quan, đơn vị và tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.`,
    ],
    copiesTo: ['- Như Điều 3;', '- Cục Kiểm soát thủ tục hành chính (Văn phòng Chính phủ);', `- Lưu: VT${office ? ', VP' : ''}.`],
    signature: particulars.signature,
    annex: {
      ...annex,
      decisionLine: `(Kèm theo Quyết định ${numberInLine} ngày ${formatLongDate(particulars.date)} của ${title})`,
    },
    contentGroups: publicationContents(regulations, issued),
  };
}
