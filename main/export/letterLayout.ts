// Page geometry and type sizes of an administrative letter (Nghị định 30/2020, Phụ lục I), shared by the DOCX
// and the PDF writers so that both print the same letter.

export const LETTER_PAGE_MM = { width: 210, height: 297, top: 20, bottom: 20, left: 30, right: 15 } as const;
export const LETTER_TEXT_WIDTH_MM = LETTER_PAGE_MM.width - LETTER_PAGE_MM.left - LETTER_PAGE_MM.right;

export const LETTER_FONT = 'Times New Roman';

export const LETTER_SIZES_PT = {
  body: 14,
  issuer: 13,
  nationalTitle: 13,
  motto: 14,
  number: 13,
  subject: 12,
  placeDate: 14,
  signature: 14,
  copiesToLabel: 12,
  copiesTo: 11,
  pageNumber: 14,
} as const;

export const FIRST_LINE_INDENT_MM = 12.7;
/** Nghị định 30 asks at least 6 pt between paragraphs. */
export const PARAGRAPH_SPACING_PT = 6;
export const LINE_HEIGHT = 1.15;
/** pdfkit's single line is ascender − descender (1,107 em in Times); Word's adds the line gap (1,149 em). */
export const PDF_LINE_HEIGHT = LINE_HEIGHT * (1.149 / 1.107);

/** Issuing body | Quốc hiệu: the right column must hold "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (95 mm at 13 pt) on one line. */
export const HEADER_COLUMNS_MM = [65, LETTER_TEXT_WIDTH_MM - 65] as const;
/** Nơi nhận | signature block. */
export const CLOSING_COLUMNS_MM = [80, LETTER_TEXT_WIDTH_MM - 80] as const;
/** "Kính gửi:" hangs to the left of the recipients, which start here (from the left margin). */
export const RECIPIENTS_INDENT_MM = 55;
export const KINH_GUI_WIDTH_MM = 22;
/** Blank lines left for the handwritten signature and the seal. */
export const SIGNATURE_SPACE_LINES = 4;

/** The rule under the motto is as long as the motto: "Độc lập - Tự do - Hạnh phúc" is 60,4 mm in 14 pt bold Times. */
export const MOTTO_RULE_MM = 60;
export const RULE_WIDTH_PT = 0.75;

const PT_PER_MM = 72 / 25.4;
/** Average advance of bold Times capitals with Vietnamese marks, in em; measured on issuing-body names. */
const BOLD_CAPS_EM_PER_CHAR = 0.64;

/** The rule under the issuing body's name: 40% of its (estimated) longest line, inside the 1/3–1/2 that Nghị định 30 allows. */
export function issuerRuleMm(name: string): number {
  const longestLineMm = (name.length * BOLD_CAPS_EM_PER_CHAR * LETTER_SIZES_PT.issuer) / PT_PER_MM;
  return Math.round(Math.min(longestLineMm, HEADER_COLUMNS_MM[0]) * 0.4);
}

export function mmToPt(mm: number): number {
  return mm * PT_PER_MM;
}

/** Rounded rather than truncated, so that A4 comes out as Word's own 11906 × 16838. */
export function mmToTwips(mm: number): number {
  return Math.round(mmToPt(mm) * 20);
}
