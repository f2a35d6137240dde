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
import type { ComponentKey, RegulationKind } from './vocabulary';

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

/** How a verdict names the regulation it is about; "không quy định quy định kinh doanh" would not read. */
const VERDICT_WORDING: Record<RegulationKind, { about: string; removal: string }> = {
  tthc: { about: 'quy định về thủ tục hành chính này', removal: 'Đề nghị không quy định thủ tục hành chính này tại dự thảo.' },
  qdkd: { about: 'quy định kinh doanh này', removal: 'Đề nghị bỏ quy định kinh doanh này khỏi dự thảo.' },
};

/** Labels in the order of Điều 8, lower-cased and joined with semicolons because labels themselves contain commas. */
export function componentPhrase(components: readonly ComponentKey[]): string {
  return COMPONENT_KEYS.filter((key) => components.includes(key))
    .map((key) => lowerFirst(LABELS.component[key]))
    .join('; ');
}

export function verdictSentence(section: Pick<OpinionLetterSection, 'kind' | 'verdict' | 'components'>): string {
  const wording = VERDICT_WORDING[section.kind];
  switch (section.verdict) {
    case 'agree':
      return `Thống nhất với ${wording.about} tại dự thảo.`;
    case 'amend': {
      const components = componentPhrase(section.components);
      return components
        ? `Đề nghị cơ quan chủ trì soạn thảo nghiên cứu, sửa đổi, bổ sung các bộ phận: ${components}.`
        : `Đề nghị cơ quan chủ trì soạn thảo nghiên cứu, sửa đổi, bổ sung ${wording.about}.`;
    }
    case 'remove':
      return wording.removal;
  }
}

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

/** "1. **<name>** (sửa đổi, bổ sung)": the number and the change around the regulation's name in bold. */
export function sectionHeading(index: number, section: Pick<OpinionLetterSection, 'regulationName' | 'change'>): RichTextBlock {
  return {
    type: 'paragraph',
    children: [
      { text: `${index + 1}. ` },
      { text: section.regulationName, bold: true },
      { text: ` (${lowerFirst(LABELS.change[section.change])})` },
    ],
  };
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
    sections: letter.sections.map((section, index) => {
      const body = section.body?.length ? section.body : textBlocks(section.text);
      const verdict = opinionStatesVerdict(section.verdict, body) ? [] : textBlocks(verdictSentence(section));
      return { lead: [sectionHeading(index, section), ...verdict], body };
    }),
    closing: textBlocks(closingText(letter.closing)),
    copiesTo: copiesToLines(letter),
    signatureTitles: signer ? [...(authority ? authority.split('\n') : []), position].map((title) => capitals(title.trim())).filter(Boolean) : [],
    signer,
  };
}
