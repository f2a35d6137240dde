// The opinion letter as DOCX, laid out as Nghị định 30/2020 (Phụ lục I) draws an administrative letter.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { IParagraphOptions, ParagraphChild } from 'docx';
import { ADDRESS_LABEL, COPIES_TO_LABEL, MOTTO, NATIONAL_TITLE, printedLetter } from '../../shared/domain/opinionLetter';
import type { OpinionLetter, PrintedLetter } from '../../shared/domain/opinionLetter';
import * as layout from './letterLayout';
import { slateToDocx } from './slateToDocx';
import type { SlateDocxOptions } from './slateToDocx';

const size = layout.LETTER_SIZES_PT;
const twips = layout.mmToTwips;
const halfPoints = (pt: number): number => pt * 2;
const twipsFromPt = (pt: number): number => pt * 20;

type RunStyle = { size: number; bold?: boolean; italics?: boolean };

const run = (text: string, style: RunStyle): TextRun => new TextRun({ text, ...style, size: halfPoints(style.size) });

function centered(children: ParagraphChild[], options: IParagraphOptions = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, ...options, children });
}

/** A thin centred rule: the bottom border of an empty, 3 pt high paragraph narrowed by its indents. */
function rule(lengthMm: number, columnMm: number): Paragraph {
  const side = twips((columnMm - lengthMm) / 2);
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: twipsFromPt(3), lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: layout.RULE_WIDTH_PT * 8, color: '000000', space: 0 } },
    children: [],
  });
}

/** Rows never split across pages, so that the letterhead or the signature block stays whole. */
function borderlessTable(columnsMm: readonly number[], rows: Paragraph[][][]): Table {
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

const SPACED = { spacing: { before: twipsFromPt(layout.PARAGRAPH_SPACING_PT), after: 0 } };
const SPACED_TWICE = { spacing: { before: twipsFromPt(2 * layout.PARAGRAPH_SPACING_PT), after: 0 } };

function letterHead(letter: PrintedLetter): Table {
  const [leftMm, rightMm] = layout.HEADER_COLUMNS_MM;
  const name = letter.issuer.at(-1)?.text ?? '';
  const issuer = [
    ...letter.issuer.map((line) => centered([run(line.text, { size: size.issuer, bold: line.bold })])),
    rule(layout.issuerRuleMm(name), leftMm),
  ];
  const nation = [
    centered([run(NATIONAL_TITLE, { size: size.nationalTitle, bold: true })]),
    centered([run(MOTTO, { size: size.motto, bold: true })]),
    rule(layout.MOTTO_RULE_MM, rightMm),
  ];
  const reference = [centered([run(letter.number, { size: size.number })], SPACED), centered([run(letter.subject, { size: size.subject })])];
  const placeDate = [centered([run(letter.placeDate, { size: size.placeDate, italics: true })], SPACED)];
  return borderlessTable(layout.HEADER_COLUMNS_MM, [
    [issuer, nation],
    [reference, placeDate],
  ]);
}

/** "Kính gửi:" hangs left of the first recipient; further recipients line up under the first. */
function addressees(recipients: readonly string[]): Paragraph[] {
  const left = twips(layout.RECIPIENTS_INDENT_MM);
  return recipients.map(
    (text, index) =>
      new Paragraph({
        indent: { left, hanging: index === 0 ? twips(layout.KINH_GUI_WIDTH_MM) : 0 },
        tabStops: [{ type: TabStopType.LEFT, position: left }],
        ...(index === 0 ? SPACED_TWICE : {}),
        children: [new TextRun(index === 0 ? `${ADDRESS_LABEL}\t${text}` : text)],
      }),
  );
}

const BODY: SlateDocxOptions = {
  indent: twips(layout.FIRST_LINE_INDENT_MM),
  spacingBefore: twipsFromPt(layout.PARAGRAPH_SPACING_PT),
  line: Math.round(240 * layout.LINE_HEIGHT),
};

function signOff(letter: PrintedLetter): Table {
  const copies = [
    new Paragraph({ ...SPACED_TWICE, children: [run(COPIES_TO_LABEL, { size: size.copiesToLabel, bold: true, italics: true })] }),
    ...letter.copiesTo.map((line) => new Paragraph({ children: [run(line, { size: size.copiesTo })] })),
  ];
  const signatureLine = (text: string, options: IParagraphOptions = {}) => centered([run(text, { size: size.signature, bold: true })], options);
  const signature = [
    ...letter.signatureTitles.map((line, index) => signatureLine(line, index === 0 ? SPACED_TWICE : {})),
    ...Array.from({ length: layout.SIGNATURE_SPACE_LINES }, () => centered([])),
    signatureLine(letter.signer),
  ];
  return borderlessTable(layout.CLOSING_COLUMNS_MM, [[copies, signature]]);
}

function pageNumberHeader(): Header {
  return new Header({ children: [centered([new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(size.pageNumber) })])] });
}

export async function renderOpinionLetterDocx(opinionLetter: OpinionLetter): Promise<Buffer> {
  const letter = printedLetter(opinionLetter);
  const page = layout.LETTER_PAGE_MM;
  const document = new Document({
    title: letter.subject,
    creator: opinionLetter.issuingBody.name,
    styles: {
      default: {
        document: {
          run: { font: layout.LETTER_FONT, size: halfPoints(size.body) },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(page.width), height: twips(page.height), orientation: PageOrientation.PORTRAIT },
            margin: { top: twips(page.top), bottom: twips(page.bottom), left: twips(page.left), right: twips(page.right) },
          },
          // Nghị định 30 numbers pages from the second one on, at the top centre.
          titlePage: true,
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        children: [
          letterHead(letter),
          ...addressees(letter.recipients),
          ...slateToDocx(letter.opening, BODY),
          ...letter.sections.flatMap((section) => [
            ...slateToDocx(section.lead, { ...BODY, keepNext: true }),
            ...slateToDocx(section.body, BODY),
          ]),
          ...slateToDocx(letter.closing, BODY),
          signOff(letter),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
