// The appraisal or review opinion letter (công văn, Nghị định 30/2020) as plain data, and the sentences that
// every rendering of it (DOCX, PDF, preview) words the same way.
import { z } from 'zod';
import './zodVietnamese';
import { isoDate } from './dossier';
import { formatLetterDate } from '../i18n/format';
import { vocabularyMessages } from '../i18n/vocabularyMessages';
import { richTextDocumentSchema, slateToPlainText } from './richText';
import { foldVietnamese } from './textFold';
import type { RichTextBlock, RichTextDocument } from './richText';
import { CHANGES, COMPONENT_KEYS, REGULATION_KINDS, VERDICTS } from './vocabulary';
import type { Change, ComponentKey, RegulationKind } from './vocabulary';

const LABELS = vocabularyMessages.vi;

const line = z.string().trim().min(1, { message: 'không được để trống' });

/**
 * The "V/v" line sits under the number in the 65 mm issuer column, about 34 characters a line at 12 pt: four lines
 * keep the letterhead short; a whole draft title (a dozen lines for some) belongs in the opening instead.
 */
export const SUBJECT_MAX_LINES = 4;
export const SUBJECT_MAX_CHARS = 140;

export const opinionLetterSectionSchema = z.object({
  regulationName: line,
  kind: z.enum(REGULATION_KINDS).default('tthc'),
  /** Where the draft sets it: "khoản 5 Điều 1"; printed after the change in the item's heading. */
  article: z.string().trim().optional(),
  change: z.enum(CHANGES),
  verdict: z.enum(VERDICTS),
  /** Components to fix when the verdict is `amend`. */
  components: z.array(z.enum(COMPONENT_KEYS)).default([]),
  /** The opinion as Slate blocks; when absent or empty, `text` is printed paragraph by paragraph. */
  body: richTextDocumentSchema.optional(),
  text: z.string().default(''),
});
export type OpinionLetterSection = z.infer<typeof opinionLetterSectionSchema>;

export const opinionLetterSchema = z.object({
  issuingBody: z.object({
    /** Cơ quan chủ quản, e.g. "BỘ TƯ PHÁP" above a department; absent when the body has none (VPCP). */
    parent: line.optional(),
    name: line,
  }),
  /** "05/VPCP-KSTT"; the "Số:" label is added by the layout. */
  number: line,
  place: line,
  date: isoDate,
  /** Trích yếu without the "V/v" that the layout puts in front of it. */
  subject: line
    .refine((text) => !/^v\/v\b/i.test(text), { message: 'không ghi "V/v" ở đầu, mẫu tự thêm' })
    .refine((text) => text.length <= SUBJECT_MAX_CHARS, {
      message: `trích yếu dài quá ${SUBJECT_MAX_CHARS} ký tự (quá ${SUBJECT_MAX_LINES} dòng dưới số văn bản); hãy rút gọn, tên đầy đủ của dự thảo đã có ở phần mở đầu`,
    }),
  recipients: z.array(line).min(1, { message: 'cần ít nhất một nơi nhận "Kính gửi"' }),
  opening: z.string(),
  sections: z.array(opinionLetterSectionSchema),
  /** The officer's choice: the items that only agree go together in one paragraph after the others. */
  groupAgreed: z.boolean().default(false),
  closing: z.string(),
  /**
   * Who signs (shared/domain/signers.ts): blank `signer` and `position` when nobody has been chosen yet — the letter
   * then says so instead of printing a title over nobody, or over whoever made it.
   */
  signature: z
    .object({
      /** "KT. BỘ TRƯỞNG, CHỦ NHIỆM" when a deputy signs on the head's behalf (one line each: "TM. …" then "KT. …"); absent when the head signs. */
      authority: line.optional(),
      position: z.string().trim(),
      signer: z.string().trim(),
    })
    .refine((signature) => !signature.signer || signature.position, { message: 'cần chức vụ của người ký', path: ['position'] }),
  /** "Nơi nhận" lines other than the archive, without the leading dash. */
  copiesTo: z.array(line),
  /** Archive line content, "VT, KSTT" → "- Lưu: VT, KSTT.". */
  archive: line,
});
export type OpinionLetter = z.infer<typeof opinionLetterSchema>;
export type OpinionLetterInput = z.input<typeof opinionLetterSchema>;

/** Punctuation is the layout's job, so whatever the user typed at the end of a list line is dropped. */
function withoutEndPunctuation(text: string): string {
  return text.trim().replace(/[\s.,;:]+$/u, '');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/** Labels in the order of Điều 8, lower-cased and joined with semicolons because labels themselves contain commas. */
export function componentPhrase(components: readonly ComponentKey[]): string {
  return COMPONENT_KEYS.filter((key) => components.includes(key))
    .map((key) => lowerFirst(LABELS.component[key]))
    .join('; ');
}

/** How the letter names a regulation of each kind in a sentence. */
const SUBJECT: Record<RegulationKind, string> = { tthc: 'thủ tục hành chính này', qdkd: 'quy định kinh doanh này' };

/**
 * The clerk's stock sentence for a verdict, worded by what the draft does to the regulation: agreeing to an
 * abolition agrees to the abolition, a new procedure is completed rather than "amended", an amended one is amended
 * further, and removing an existing one means abolishing it rather than amending it.
 */
export function verdictSentence(section: Pick<OpinionLetterSection, 'kind' | 'change' | 'verdict' | 'components'>): string {
  const subject = SUBJECT[section.kind];
  const components = componentPhrase(section.components);
  switch (section.verdict) {
    case 'agree':
      return AGREEMENT[section.change](subject);
    case 'amend':
      if (section.change === 'abolished') return `Đề nghị cơ quan chủ trì soạn thảo làm rõ lý do và phương án thay thế khi bãi bỏ ${subject}.`;
      if (section.change === 'new') {
        return components
          ? `Đề nghị cơ quan chủ trì soạn thảo nghiên cứu, hoàn thiện quy định về các bộ phận: ${components}.`
          : `Đề nghị cơ quan chủ trì soạn thảo nghiên cứu, hoàn thiện quy định về ${subject}.`;
      }
      return components
        ? `Đề nghị cơ quan chủ trì soạn thảo nghiên cứu, sửa đổi, bổ sung các bộ phận: ${components}.`
        : `Đề nghị cơ quan chủ trì soạn thảo nghiên cứu, sửa đổi, bổ sung quy định về ${subject}.`;
    case 'remove':
      if (section.change === 'abolished') return AGREEMENT.abolished(subject);
      if (section.change === 'new') return `Đề nghị không quy định ${subject} tại dự thảo.`;
      return `Đề nghị nghiên cứu bãi bỏ ${subject} thay vì ${section.change === 'replaced' ? 'thay thế' : 'sửa đổi, bổ sung'}.`;
  }
}

const AGREEMENT: Record<Change, (subject: string) => string> = {
  new: (subject) => `Thống nhất với việc ban hành mới ${subject} tại dự thảo.`,
  amended: (subject) => `Thống nhất với nội dung sửa đổi, bổ sung ${subject} tại dự thảo.`,
  replaced: (subject) => `Thống nhất với việc thay thế ${subject} tại dự thảo.`,
  abolished: (subject) => `Thống nhất với việc bãi bỏ ${subject}.`,
};

/** How an officer's own sentence starts when it already gives the verdict (diacritics and case folded). */
const OWN_VERDICT: Record<OpinionLetterSection['verdict'], RegExp> = {
  agree: /^(thong nhat|nhat tri|dong y)\b/,
  amend: /^de nghi\b.*\b(sua doi|bo sung|chinh sua|hoan thien)\b/,
  remove: /^de nghi\b.*\b(khong quy dinh|khong ban hanh|bai bo|loai bo|bo(?! sung))\b/,
};

/**
 * True when the opinion's first sentence already says what the verdict says ("Thống nhất với dự thảo.",
 * "Đề nghị không quy định thủ tục này."): the letter then prints that sentence and not a generated one besides.
 */
export function opinionStatesVerdict(verdict: OpinionLetterSection['verdict'], body: RichTextDocument): boolean {
  const firstLine = slateToPlainText(body.slice(0, 1)).split('\n')[0] ?? '';
  const firstSentence = foldVietnamese(firstLine.trim()).split(/[.;:!?]/)[0] ?? '';
  return OWN_VERDICT[verdict].test(firstSentence);
}

/** "sửa đổi, bổ sung tại khoản 5 Điều 1 dự thảo": what the draft does to the item, and where. */
function changeWhere(section: Pick<OpinionLetterSection, 'change' | 'article'>): string {
  const change = lowerFirst(LABELS.change[section.change]);
  return section.article ? `${change} tại ${section.article} dự thảo` : change;
}

/** "1. **<name>** (sửa đổi, bổ sung tại khoản 5 Điều 1 dự thảo)": the number, the name in bold, the change and the article. */
export function sectionHeading(index: number, section: Pick<OpinionLetterSection, 'regulationName' | 'change' | 'article'>): RichTextBlock {
  return {
    type: 'paragraph',
    children: [{ text: `${index + 1}. ` }, { text: section.regulationName, bold: true }, { text: ` (${changeWhere(section)})` }],
  };
}

/** The officer's own words for an item: the rich body, else the plain text. */
export function sectionBody(section: Pick<OpinionLetterSection, 'body' | 'text'>): RichTextDocument {
  return section.body?.length ? section.body : textBlocks(section.text);
}

const ownWords = (body: RichTextDocument): string => slateToPlainText(body).trim();

/** An item that only agrees: nothing written, or one sentence saying "Thống nhất …" and nothing else. */
export function onlyAgrees(section: Pick<OpinionLetterSection, 'verdict' | 'body' | 'text'>): boolean {
  if (section.verdict !== 'agree') return false;
  const body = sectionBody(section);
  const words = ownWords(body);
  const sentences = words.split(/[.;!?]+/).filter((sentence) => sentence.trim().length > 0);
  return words === '' || (sentences.length === 1 && opinionStatesVerdict('agree', body));
}

/** "TTHC", "quy định kinh doanh (QĐKD)" or both: what a letter covers, named as the opening first names it. */
export function coveredKinds(kinds: readonly RegulationKind[]): { full: string; short: string } {
  const tthc = kinds.includes('tthc') || kinds.length === 0;
  const qdkd = kinds.includes('qdkd');
  if (tthc && qdkd) return { full: 'TTHC và quy định kinh doanh (QĐKD)', short: 'TTHC, QĐKD' };
  return qdkd ? { full: 'quy định kinh doanh (QĐKD)', short: 'QĐKD' } : { full: 'TTHC', short: 'TTHC' };
}

/**
 * The items that only agree, as one numbered paragraph after the others: "Thống nhất với quy định tại dự thảo về
 * các TTHC sau: A (khoản 1 Điều 1); B (khoản 2 Điều 1).", one dashed line per change when they differ.
 */
export function agreedParagraphs(number: number, sections: readonly OpinionLetterSection[]): RichTextDocument {
  const covers = coveredKinds(sections.map((section) => section.kind)).short;
  const named = (section: OpinionLetterSection) => (section.article ? `${section.regulationName} (${section.article})` : section.regulationName);
  const changes = CHANGES.filter((change) => sections.some((section) => section.change === change));
  const names = (change: Change) => sections.filter((section) => section.change === change).map(named).join('; ');
  const lead = `${number}. Thống nhất với quy định tại dự thảo về các ${covers} sau`;
  if (changes.length === 1) {
    return [{ type: 'paragraph', children: [{ text: `${lead} (${lowerFirst(LABELS.change[changes[0]!])}): ${names(changes[0]!)}.` }] }];
  }
  return [
    { type: 'paragraph', children: [{ text: `${lead}:` }] },
    ...changes.map((change, index): RichTextBlock => ({
      type: 'paragraph',
      children: [{ text: `- ${LABELS.change[change]}: ${names(change)}${index === changes.length - 1 ? '.' : ';'}` }],
    })),
  ];
}

/** "Hà Nội, ngày 05 tháng 02 năm 2024" */
export function placeDateLine(letter: Pick<OpinionLetter, 'place' | 'date'>): string {
  return formatLetterDate(letter.date, letter.place);
}

/** One recipient follows "Kính gửi:" on its line; several are a dashed list, each closed by ";" and the last by ".". */
export function recipientLines(recipients: readonly string[]): string[] {
  const names = recipients.map(withoutEndPunctuation);
  if (names.length === 1) return [`${names[0]}.`];
  return names.map((name, index) => `- ${name}${index === names.length - 1 ? '.' : ';'}`);
}

/** "Nơi nhận" lines, always closed by the archive line. */
export function copiesToLines(letter: Pick<OpinionLetter, 'copiesTo' | 'archive'>): string[] {
  return [...letter.copiesTo.map((copy) => `- ${withoutEndPunctuation(copy)};`), `- Lưu: ${withoutEndPunctuation(letter.archive)}.`];
}

/** Nghị định 30 closes the body of a letter with "./.". */
export function closingText(closing: string): string {
  const text = closing.trim();
  if (!text || text.endsWith('./.')) return text;
  return `${text.replace(/[\s.]+$/u, '')}./.`;
}

/** Plain text as rich text: one paragraph per non-empty line. */
export function textBlocks(text: string): RichTextDocument {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => ({ type: 'paragraph', children: [{ text: line }] }));
}

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const ADDRESS_LABEL = 'Kính gửi:';
export const COPIES_TO_LABEL = 'Nơi nhận:';

/**
 * Room for the sequence number that the registry (văn thư) writes in when it registers the letter: "Số:" and the
 * unit's part are printed, the gap between them holds five digits. No-break spaces, so that no layout collapses it.
 */
export const NUMBER_PLACEHOLDER = '\u00a0'.repeat(10);

/** "Số: 05/VPCP-KSTT", or "Số:" + a blank for the registry + "/VPCP-KSTT" while the number is not yet given. */
export function numberLine(number: string): string {
  const text = number.trim();
  return text.startsWith('/') ? `Số:${NUMBER_PLACEHOLDER}${text}` : `Số: ${text}`;
}

/** Every text of the letter, worded and punctuated, for writers that only lay it out. */
export type PrintedLetter = {
  /** The parent body (regular) then the body's own name (bold), in capitals. */
  issuer: { text: string; bold: boolean }[];
  number: string;
  subject: string;
  placeDate: string;
  recipients: string[];
  opening: RichTextDocument;
  /** `lead` is the heading and the verdict, which a page never separates. */
  sections: { lead: RichTextDocument; body: RichTextDocument }[];
  closing: RichTextDocument;
  copiesTo: string[];
  /** Authority and position lines, in capitals, above the space for the signature. */
  signatureTitles: string[];
  signer: string;
};

const capitals = (text: string): string => text.toLocaleUpperCase('vi');

/**
 * Each item under its heading: the officer's own words where there are any, the clerk's stock sentence only where
 * there are none, so that no point is made twice; the items that only agree grouped last when the officer chose so.
 */
export function printedSections(letter: Pick<OpinionLetter, 'sections' | 'groupAgreed'>): PrintedLetter['sections'] {
  const grouped = letter.groupAgreed ? letter.sections.filter(onlyAgrees) : [];
  const own = grouped.length > 1 ? letter.sections.filter((section) => !grouped.includes(section)) : letter.sections;
  const items = own.map((section, index) => {
    const body = sectionBody(section);
    const [first, ...rest] = ownWords(body) ? body : textBlocks(verdictSentence(section));
    // The heading never ends a page without the first paragraph under it.
    return { lead: [sectionHeading(index, section), ...(first ? [first] : [])], body: rest };
  });
  return grouped.length > 1 ? [...items, { lead: agreedParagraphs(own.length + 1, grouped), body: [] }] : items;
}

export function printedLetter(letter: OpinionLetter): PrintedLetter {
  const { parent, name } = letter.issuingBody;
  const { authority, position, signer } = letter.signature;
  return {
    issuer: [...(parent ? [{ text: capitals(parent), bold: false }] : []), { text: capitals(name), bold: true }],
    number: numberLine(letter.number),
    subject: `V/v ${letter.subject}`,
    placeDate: placeDateLine(letter),
    recipients: recipientLines(letter.recipients),
    opening: textBlocks(letter.opening),
    sections: printedSections(letter),
    closing: textBlocks(closingText(letter.closing)),
    copiesTo: copiesToLines(letter),
    signatureTitles: signer ? [...(authority ? authority.split('\n') : []), position].map((title) => capitals(title.trim())).filter(Boolean) : [],
    signer,
  };
}
