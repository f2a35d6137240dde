// The publication list as DOCX, set like the annex of a publication decision: A4 landscape (the table has six
// columns), Times New Roman, the annex title centred and bold, then one numbered list per change, each a table whose
// rows are grouped by level under full-width "A. Thủ tục hành chính cấp …" rows.
import {
  AlignmentType,
  BorderStyle,
  Document,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { packDocx } from './xmlPackage';
import { publicationRow, type PublicationList, type PublicationSection } from '../../shared/domain/publicationList';
import * as layout from './letterLayout';

const twips = layout.mmToTwips;
const halfPoints = (pt: number): number => pt * 2;
const twipsFromPt = (pt: number): number => pt * 20;
/** Landscape A4 with the letter's margins turned with the page. */
const PAGE = { width: layout.LETTER_PAGE_MM.height, height: layout.LETTER_PAGE_MM.width, top: 20, bottom: 20, left: 20, right: 20 } as const;
const TEXT_WIDTH_MM = PAGE.width - PAGE.left - PAGE.right;
const BODY_PT = 13;
const TABLE_PT = 12;
/** STT, code, name, document, field, agency; without a code column the name takes its width. */
const WIDTHS_WITH_CODE_MM = [12, 30, 75, 75, 30, TEXT_WIDTH_MM - 12 - 30 - 75 - 75 - 30] as const;
const WIDTHS_WITHOUT_CODE_MM = [12, 105, 75, 30, TEXT_WIDTH_MM - 12 - 105 - 75 - 30] as const;
const HEADER_SHADE = 'DCE4F2';
const GROUP_SHADE = 'F1F3F5';
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };
const CELL_MARGINS = { top: twipsFromPt(2), bottom: twipsFromPt(2), left: twips(1.5), right: twips(1.5) };

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun =>
  new TextRun({ text, bold: options.bold, italics: options.italics, size: halfPoints(options.size ?? BODY_PT) });

function cell(text: string, widthMm: number, options: { bold?: boolean; align?: Align; shade?: string; span?: number } = {}): TableCell {
  return new TableCell({
    width: { size: twips(widthMm), type: WidthType.DXA },
    columnSpan: options.span,
    borders: CELL_BORDERS,
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlign.CENTER,
    shading: options.shade ? { type: ShadingType.CLEAR, fill: options.shade, color: 'auto' } : undefined,
    children: [
      new Paragraph({ alignment: options.align ?? AlignmentType.LEFT, spacing: { before: 0, after: 0 }, children: [run(text, { bold: options.bold, size: TABLE_PT })] }),
    ],
  });
}

function sectionTable(section: PublicationSection): Table {
  const widths = section.withCode ? WIDTHS_WITH_CODE_MM : WIDTHS_WITHOUT_CODE_MM;
  const header = new TableRow({
    tableHeader: true, // repeated on every page the table runs to
    cantSplit: true,
    children: section.columns.map((title, index) => cell(title, widths[index] ?? 0, { bold: true, align: AlignmentType.CENTER, shade: HEADER_SHADE })),
  });
  const rows = section.groups.flatMap((group) => [
    new TableRow({ cantSplit: true, children: [cell(group.heading, TEXT_WIDTH_MM, { bold: true, shade: GROUP_SHADE, span: widths.length })] }),
    ...group.items.map(
      (item) =>
        new TableRow({
          cantSplit: true,
          children: publicationRow(section, item).map((text, index) => cell(text, widths[index] ?? 0, { align: index === 0 ? AlignmentType.CENTER : AlignmentType.LEFT })),
        }),
    ),
  ]);
  return new Table({
    width: { size: twips(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: widths.map(twips),
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

const centered = (children: TextRun[], beforePt = 0): Paragraph =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: twipsFromPt(beforePt), after: 0 }, children });

export async function renderPublicationListDocx(list: PublicationList): Promise<Buffer> {
  const docx = new Document({
    creator: 'Bàn thẩm định TTHC',
    title: list.title,
    styles: { default: { document: { run: { font: layout.LETTER_FONT, size: halfPoints(BODY_PT) } } } },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself for a landscape page, so the portrait measures go in.
            size: { width: twips(PAGE.height), height: twips(PAGE.width), orientation: PageOrientation.LANDSCAPE },
            margin: { top: twips(PAGE.top), bottom: twips(PAGE.bottom), left: twips(PAGE.left), right: twips(PAGE.right) },
          },
        },
        children: [
          centered([run(list.annexTitle, { bold: true, size: 14 })]),
          centered([run(list.title, { bold: true, size: 14 })], 3),
          centered([run(list.decisionLine, { italics: true })], 3),
          new Paragraph({
            spacing: { before: twipsFromPt(2 * layout.PARAGRAPH_SPACING_PT), after: 0 },
            children: [run(list.partTitle, { bold: true })],
          }),
          ...list.sections.flatMap((section) => [
            new Paragraph({
              keepNext: true,
              spacing: { before: twipsFromPt(2 * layout.PARAGRAPH_SPACING_PT), after: twipsFromPt(layout.PARAGRAPH_SPACING_PT) },
              children: [run(section.heading, { bold: true })],
            }),
            sectionTable(section),
          ]),
        ],
      },
    ],
  });
  return packDocx(docx);
}
