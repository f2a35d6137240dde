// The opinion letter as PDF, drawn by pdfmake in plain Node (no Electron, no LibreOffice) with an embedded
// Times New Roman, or the Times-metric Tinos where the machine has none, so that it lines up like the DOCX.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pdfmake from 'pdfmake';
import type { PdfContent, PdfDocumentDefinition, PdfFontFaces } from 'pdfmake';
import { ADDRESS_LABEL, COPIES_TO_LABEL, MOTTO, NATIONAL_TITLE, printedLetter } from '../../shared/domain/opinionLetter';
import type { OpinionLetter, PrintedLetter } from '../../shared/domain/opinionLetter';
import { UNSIGNED_NOTE } from '../../shared/domain/signers';
import * as layout from './letterLayout';
import { PRINTED_SIGNER_KEY, SIGNATURE_ROOM_MARKS } from '../signing/signatureRoomMarks';
import { slateToPdf } from './slateToPdf';
import { sharePdfFonts } from './pdfFontCache';
import type { SlatePdfOptions } from './slateToPdf';

const fontRequire = createRequire(import.meta.url);

// Each font file is parsed once per process, not once per letter (issue 20 item 7).
sharePdfFonts();

const FONT_FAMILY = 'LetterSerif';

export type LetterFont = { name: 'Times New Roman' | 'Tinos'; faces: PdfFontFaces };

/** Where Windows, macOS and Linux (ttf-mscorefonts) keep Times New Roman. */
export function systemFontDirectories(env: NodeJS.ProcessEnv = process.env): string[] {
  return [
    join(env.WINDIR ?? 'C:\\Windows', 'Fonts'),
    '/System/Library/Fonts/Supplemental',
    '/Library/Fonts',
    '/usr/share/fonts/truetype/msttcorefonts',
    '/usr/share/fonts/TTF',
  ];
}

/** File names of the four faces, as each system spells them. */
const TIMES_FILE_NAMES: PdfFontFaces[] = [
  { normal: 'times.ttf', bold: 'timesbd.ttf', italics: 'timesi.ttf', bolditalics: 'timesbi.ttf' },
  { normal: 'Times New Roman.ttf', bold: 'Times New Roman Bold.ttf', italics: 'Times New Roman Italic.ttf', bolditalics: 'Times New Roman Bold Italic.ttf' },
  { normal: 'Times_New_Roman.ttf', bold: 'Times_New_Roman_Bold.ttf', italics: 'Times_New_Roman_Italic.ttf', bolditalics: 'Times_New_Roman_Bold_Italic.ttf' },
];

/**
 * The letter's font, the one place to change it. Nghị định 30 asks for Times New Roman; the app may not ship it
 * (Monotype's licence), but every Windows machine has it and allows embedding it in a document, so the PDF embeds
 * the user's own copy. Elsewhere it embeds Tinos (Apache licence, shipped from the npm registry), drawn to Times New
 * Roman's metrics with the Vietnamese letters: line breaks and page breaks come out the same. The PDF's metadata
 * says which one it holds.
 */
export function letterFont(directories: readonly string[] = systemFontDirectories()): LetterFont {
  for (const directory of directories) {
    for (const names of TIMES_FILE_NAMES) {
      const faces = Object.fromEntries(Object.entries(names).map(([face, file]) => [face, join(directory, file)])) as PdfFontFaces;
      if (Object.values(faces).every((path) => existsSync(path))) return { name: 'Times New Roman', faces };
    }
  }
  const resolveFont = (face: string) => fontRequire.resolve(`@expo-google-fonts/tinos/${face}/Tinos_${face}.ttf`);
  return {
    name: 'Tinos',
    faces: {
      normal: resolveFont('400Regular'),
      bold: resolveFont('700Bold'),
      italics: resolveFont('400Regular_Italic'),
      bolditalics: resolveFont('700Bold_Italic'),
    },
  };
}

/** What the PDF's "Creator" says about its font. */
export function fontStatement(font: LetterFont): string {
  return font.name === 'Times New Roman'
    ? 'Bàn thẩm định TTHC - phông chữ Times New Roman của máy'
    : 'Bàn thẩm định TTHC - phông chữ Tinos (cùng số đo với Times New Roman)';
}

const size = layout.LETTER_SIZES_PT;
const pt = layout.mmToPt;
const SPACED = [0, layout.PARAGRAPH_SPACING_PT, 0, 0];
const SPACED_TWICE = [0, 2 * layout.PARAGRAPH_SPACING_PT, 0, 0];

const GRID_WITHOUT_LINES = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

function borderlessTable(columnsMm: readonly number[], rows: PdfContent[][]): Record<string, unknown> {
  return { table: { widths: columnsMm.map(pt), body: rows }, layout: GRID_WITHOUT_LINES };
}

/** A centred rule: pdfmake centres a canvas by its width, which is the line's own length. */
function rule(lengthMm: number): PdfContent {
  return {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: pt(lengthMm), y2: 0, lineWidth: layout.RULE_WIDTH_PT }],
    alignment: 'center',
    margin: [0, 1, 0, 0],
  };
}

function letterHead(letter: PrintedLetter): PdfContent {
  const name = letter.issuer.at(-1)?.text ?? '';
  const issuer = {
    alignment: 'center',
    stack: [...letter.issuer.map((line) => ({ ...line, fontSize: size.issuer })), rule(layout.issuerRuleMm(name))],
  };
  const nation = {
    alignment: 'center',
    bold: true,
    stack: [{ text: NATIONAL_TITLE, fontSize: size.nationalTitle }, { text: MOTTO, fontSize: size.motto }, rule(layout.MOTTO_RULE_MM)],
  };
  const reference = {
    alignment: 'center',
    lineHeight: 1,
    stack: [
      { text: letter.number, fontSize: size.number, margin: SPACED },
      // Nghị định 30/2020, Phụ lục I: the trích yếu sits 6 pt under the number.
      { text: letter.subject, fontSize: size.subject, margin: SPACED },
    ],
  };
  const placeDate = { text: letter.placeDate, alignment: 'center', italics: true, fontSize: size.placeDate, margin: SPACED };
  return borderlessTable(layout.HEADER_COLUMNS_MM, [
    [issuer, nation],
    [reference, placeDate],
  ]);
}

/** "Kính gửi:" hangs left of the first recipient; further recipients line up under the first. */
function addressees(recipients: string[]): PdfContent {
  return {
    margin: SPACED_TWICE,
    columns: [
      { width: pt(layout.RECIPIENTS_INDENT_MM - layout.KINH_GUI_WIDTH_MM), text: '' },
      { width: pt(layout.KINH_GUI_WIDTH_MM), text: ADDRESS_LABEL },
      { width: '*', stack: recipients },
    ],
  };
}

const BODY: SlatePdfOptions = { indent: pt(layout.FIRST_LINE_INDENT_MM), spacingBefore: layout.PARAGRAPH_SPACING_PT };

function signOff(letter: PrintedLetter): PdfContent {
  const copies = {
    lineHeight: 1,
    margin: SPACED_TWICE,
    stack: [
      { text: COPIES_TO_LABEL, fontSize: size.copiesToLabel, bold: true, italics: true },
      ...letter.copiesTo.map((line) => ({ text: line, fontSize: size.copiesTo })),
    ],
  };
  const signature = {
    alignment: 'center',
    bold: true,
    fontSize: size.signature,
    lineHeight: 1,
    margin: SPACED_TWICE,
    // Nobody chosen to sign: the column says so, with no title over an empty name. Otherwise the room between the
    // titles and the name is marked for the digital signature's image (main/signing).
    stack: letter.signer
      ? [
          ...letter.signatureTitles,
          ...Array.from({ length: layout.SIGNATURE_SPACE_LINES }, (_, line) => (line === 0 ? { text: ' ', id: SIGNATURE_ROOM_MARKS.top } : ' ')),
          { text: letter.signer, id: SIGNATURE_ROOM_MARKS.bottom },
        ]
      : [{ text: UNSIGNED_NOTE, bold: false, italics: true }],
  };
  return borderlessTable(layout.CLOSING_COLUMNS_MM, [[copies, signature]]);
}

export async function renderOpinionLetterPdf(opinionLetter: OpinionLetter): Promise<Buffer> {
  const letter = printedLetter(opinionLetter);
  const font = letterFont();
  const allowed = new Set(Object.values(font.faces));
  pdfmake.setFonts({ [FONT_FAMILY]: font.faces });
  // The letter needs nothing from the network, and nothing from the disk but its fonts.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  const { left, top, right, bottom } = layout.LETTER_PAGE_MM;
  const definition: PdfDocumentDefinition = {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [pt(left), pt(top), pt(right), pt(bottom)],
    // The printed signer, which `tthc sign` compares with the certificate's holder before signing (printedSigner.ts).
    info: { title: letter.subject, author: opinionLetter.issuingBody.name, creator: fontStatement(font), ...(letter.signer ? { [PRINTED_SIGNER_KEY]: letter.signer } : {}) },
    // The document's language (/Lang) for screen readers and spell-checkers; pdfmake marks the file as tagged
    // (/MarkInfo, a structure tree root) but writes no structure elements for paragraphs and tables.
    language: 'vi-VN',
    tagged: true,
    displayTitle: true,
    defaultStyle: { font: FONT_FAMILY, fontSize: size.body, lineHeight: layout.PDF_LINE_HEIGHT },
    // Nghị định 30 numbers pages from the second one on, at the top centre.
    header: (currentPage: number) =>
      currentPage > 1 ? { text: String(currentPage), alignment: 'center', fontSize: size.pageNumber, margin: [0, pt(8), 0, 0] } : null,
    content: [
      letterHead(letter),
      addressees(letter.recipients),
      ...slateToPdf(letter.opening, BODY),
      ...letter.sections.flatMap((section) => [
        // A heading is never left at the foot of a page without its verdict.
        { stack: slateToPdf(section.lead, BODY), unbreakable: true },
        ...slateToPdf(section.body, BODY),
      ]),
      // The closing paragraph, "Nơi nhận" and the signature stay on one page: the signature is never alone.
      { stack: [...slateToPdf(letter.closing, BODY), signOff(letter)], unbreakable: true },
    ],
  };
  return pdfmake.createPdf(definition).getBuffer();
}
