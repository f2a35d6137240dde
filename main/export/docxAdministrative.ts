// The parts that every administrative document of the app prints the Nghị định 30/2020 way (Phụ lục I), as docx
// building blocks: Vietnamese-tagged runs, the letterhead (issuing body | Quốc hiệu, number | place and date), the
// closing (Nơi nhận | signature), page numbers. The opinion letter, the period report, the tiếp thu–giải trình table
// and the assessment form all draw them from here, so that they cannot drift apart.
import {
  AlignmentType,
  BorderStyle,
  Header,
  ShadingType,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { IParagraphOptions, IRunOptions, IStylesOptions, ParagraphChild } from 'docx';
import { COPIES_TO_LABEL, MOTTO, NATIONAL_TITLE } from '../../shared/domain/opinionLetter';
import { UNSIGNED_NOTE } from '../../shared/domain/signers';
import * as layout from './letterLayout';

/** Word and LibreOffice spell-check, hyphenate and read aloud a run in the language it is tagged with. */
export const DOCUMENT_LANGUAGE = { value: 'vi-VN', eastAsia: 'vi-VN', bidirectional: 'vi-VN' } as const;

const size = layout.LETTER_SIZES_PT;
export const twips = layout.mmToTwips;
export const halfPoints = (pt: number): number => pt * 2;
export const twipsFromPt = (pt: number): number => pt * 20;

/** Every run of every document is a Vietnamese run, whatever the defaults of the machine that opens it. */
export function textRun(options: IRunOptions | string): TextRun {
  return new TextRun({ ...(typeof options === 'string' ? { text: options } : options), language: DOCUMENT_LANGUAGE });
}

export type RunStyle = { size: number; bold?: boolean; italics?: boolean };

export const run = (text: string, style: RunStyle): TextRun => textRun({ text, bold: style.bold, italics: style.italics, size: halfPoints(style.size) });

/** Times New Roman at the body size, Vietnamese, no spacing of its own: the defaults of every document. */
export function documentStyles(bodyPt: number): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: layout.LETTER_FONT, size: halfPoints(bodyPt), language: DOCUMENT_LANGUAGE },
        paragraph: { spacing: { before: 0, after: 0 } },
      },
    },
  };
}

/**
 * Line spacing as a multiple of a single line, with the rule written out: LibreOffice reads a `w:line` without
 * `w:lineRule` as an exact height in twips (276 twips = 13,8 pt, cramped for 14 pt text).
 */
export const LINE_SPACING = { line: Math.round(240 * layout.LINE_HEIGHT), lineRule: LineRuleType.AUTO } as const;

export function centered(children: ParagraphChild[], options: IParagraphOptions = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, ...options, children });
}

/** Paragraph spacing of `pt` points before and none after. */
export const spacedBefore = (pt: number): IParagraphOptions => ({ spacing: { before: twipsFromPt(pt), after: 0 } });

/** A paragraph of the body: justified, first-line indent, a paragraph's space before it, the letter's line spacing. */
export function bodyParagraph(children: ParagraphChild[], options: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twips(layout.FIRST_LINE_INDENT_MM) },
    spacing: { before: twipsFromPt(layout.PARAGRAPH_SPACING_PT), after: 0, ...LINE_SPACING },
    keepNext: options.keepNext,
    children,
  });
}

/** The shades of a ruled table: its header row, and the full-width rows that group its lines. */
export const TABLE_HEADER_SHADE = 'DCE4F2';
export const TABLE_GROUP_SHADE = 'F1F3F5';
const GRID_LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

export type GridCellOptions = {
  widthMm: number;
  size: number;
  bold?: boolean;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  indentMm?: number;
  shade?: string;
  span?: number;
  /** Merged down this many rows (a two-line header's columns with one name). */
  rowSpan?: number;
};

/** One cell of a ruled table (an annex's figures, a list): thin black lines, 2 pt above and below, centred vertically. */
export function gridCell(text: string, options: GridCellOptions): TableCell {
  return new TableCell({
    width: { size: twips(options.widthMm), type: WidthType.DXA },
    columnSpan: options.span,
    rowSpan: options.rowSpan,
    borders: { top: GRID_LINE, bottom: GRID_LINE, left: GRID_LINE, right: GRID_LINE },
    margins: { top: twipsFromPt(2), bottom: twipsFromPt(2), left: twips(1.5), right: twips(1.5) },
    verticalAlign: VerticalAlign.CENTER,
    shading: options.shade ? { type: ShadingType.CLEAR, fill: options.shade, color: 'auto' } : undefined,
    children: [
      new Paragraph({
        alignment: options.align ?? AlignmentType.LEFT,
        indent: options.indentMm ? { left: twips(options.indentMm) } : undefined,
        spacing: { before: 0, after: 0 },
        children: [run(text, { bold: options.bold, size: options.size })],
      }),
    ],
  });
}

/** A thin centred rule: the bottom border of an empty, 3 pt high paragraph narrowed by its indents. */
export function rule(lengthMm: number, columnMm: number): Paragraph {
  const side = twips((columnMm - lengthMm) / 2);
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: twipsFromPt(3), lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: layout.RULE_WIDTH_PT * 8, color: '000000', space: 0 } },
    children: [],
  });
}

/** Rows never split across pages, so that the letterhead or the signature block stays whole. */
export function borderlessTable(columnsMm: readonly number[], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: twips(columnsMm.reduce((sum, width) => sum + width, 0)), type: WidthType.DXA },
    columnWidths: columnsMm.map(twips),
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    // No cell padding: the columns are exactly the widths the rules are centred in.
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (children, index) =>
              new TableCell({ width: { size: twips(columnsMm[index] ?? 0), type: WidthType.DXA }, borders: TableBorders.NONE, children }),
          ),
        }),
    ),
  });
}

export const SPACED = { spacing: { before: twipsFromPt(layout.PARAGRAPH_SPACING_PT), after: 0 } };
export const SPACED_TWICE = { spacing: { before: twipsFromPt(2 * layout.PARAGRAPH_SPACING_PT), after: 0 } };

export type Letterhead = {
  /** The parent body (regular) then the body's own name (bold), already in capitals. */
  issuer: readonly { text: string; bold: boolean }[];
  /** "Số: 05/VPCP-KSTT" */
  number: string;
  /** "V/v …" for a letter (công văn); absent for a report, whose name stands as a title under the letterhead. */
  subject?: string;
  /** "Hà Nội, ngày 05 tháng 02 năm 2024" */
  placeDate: string;
};

/** Issuing body | Quốc hiệu over number (and V/v) | place and date, as Nghị định 30 draws them. */
export function letterheadTable(head: Letterhead, columnsMm: readonly [number, number] = layout.HEADER_COLUMNS_MM): Table {
  const [leftMm, rightMm] = columnsMm;
  const name = head.issuer.at(-1)?.text ?? '';
  const issuer = [
    ...head.issuer.map((line) => centered([run(line.text, { size: size.issuer, bold: line.bold })])),
    rule(layout.issuerRuleMm(name), leftMm),
  ];
  const nation = [
    centered([run(NATIONAL_TITLE, { size: size.nationalTitle, bold: true })]),
    centered([run(MOTTO, { size: size.motto, bold: true })]),
    rule(layout.MOTTO_RULE_MM, rightMm),
  ];
  const reference = [
    centered([run(head.number, { size: size.number })], SPACED),
    // Nghị định 30/2020, Phụ lục I: the trích yếu sits 6 pt under the number.
    ...(head.subject ? [centered([run(head.subject, { size: size.subject })], SPACED)] : []),
  ];
  const placeDate = [centered([run(head.placeDate, { size: size.placeDate, italics: true })], SPACED)];
  return borderlessTable(columnsMm, [
    [issuer, nation],
    [reference, placeDate],
  ]);
}

export type SignOff = {
  copiesTo: readonly string[];
  /** Authority and position lines, in capitals, above the space for the signature. */
  signatureTitles: readonly string[];
  signer: string;
};

/** Nơi nhận (12 pt bold italic over 11 pt lines) | the signature block in bold, kept on one page together. */
export function signOffTable(signOff: SignOff, columnsMm: readonly number[] = layout.CLOSING_COLUMNS_MM): Table {
  // A form attached to a dossier is signed but not sent: no copies, no "Nơi nhận".
  const copies =
    signOff.copiesTo.length === 0
      ? [new Paragraph({ children: [] })]
      : [
          new Paragraph({ ...SPACED_TWICE, keepNext: true, keepLines: true, children: [run(COPIES_TO_LABEL, { size: size.copiesToLabel, bold: true, italics: true })] }),
          ...signOff.copiesTo.map((line) => new Paragraph({ keepNext: true, keepLines: true, children: [run(line, { size: size.copiesTo })] })),
        ];
  const signatureLine = (text: string, options: IParagraphOptions = {}) => centered([run(text, { size: size.signature, bold: true })], { keepNext: true, ...options });
  // Nobody chosen to sign: the column says so, with no title over an empty name.
  const signature = !signOff.signer.trim()
    ? [centered([run(UNSIGNED_NOTE, { size: size.signature, italics: true })], SPACED_TWICE)]
    : [
        ...signOff.signatureTitles.map((line, index) => signatureLine(line, index === 0 ? SPACED_TWICE : {})),
        ...Array.from({ length: layout.SIGNATURE_SPACE_LINES }, () => centered([], { keepNext: true })),
        signatureLine(signOff.signer),
      ];
  return borderlessTable(columnsMm, [[copies, signature]]);
}

const pageNumberParagraph = (pt: number) => centered([textRun({ children: [PageNumber.CURRENT], size: halfPoints(pt) })]);

/** Nghị định 30 numbers pages from the second one on, at the top centre: use with `titlePage: true`. */
export function pageNumberHeaders(): { default: Header; first: Header } {
  return { default: new Header({ children: [pageNumberParagraph(size.pageNumber)] }), first: new Header({ children: [] }) };
}

