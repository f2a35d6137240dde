// The period report as DOCX, set like the administrative documents it goes into (Nghị định 30/2020): A4, the letter's
// margins, Times New Roman 14 pt, justified paragraphs with a first-line indent, then the table of figures.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
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
import { formatFigure, type PeriodReportDocument, type ReportTableRow } from '../../shared/domain/periodReportTable';
import * as layout from './letterLayout';


const twips = layout.mmToTwips;
const halfPoints = (pt: number): number => pt * 2;
const twipsFromPt = (pt: number): number => pt * 20;
/** A table reads better a point smaller than the body, as in VPCP's own reports. */
const TABLE_PT = layout.LETTER_SIZES_PT.body - 1;
/** Indicator | in the period | year to date, filling the text width. */
const COLUMNS_MM = [layout.LETTER_TEXT_WIDTH_MM - 2 * 40, 40, 40] as const;
const BREAKDOWN_INDENT_MM = 6;
const HEADER_SHADE = 'DCE4F2';
const SECTION_SHADE = 'F1F3F5';
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };
const CELL_MARGINS = { top: twipsFromPt(2), bottom: twipsFromPt(2), left: twips(1.5), right: twips(1.5) };

const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun =>
  new TextRun({ text, bold: options.bold, italics: options.italics, size: halfPoints(options.size ?? layout.LETTER_SIZES_PT.body) });

function tableCell(text: string, options: { width: number; bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indentMm?: number; shade?: string; span?: number }): TableCell {
  return new TableCell({
    width: { size: twips(options.width), type: WidthType.DXA },
    columnSpan: options.span,
    borders: CELL_BORDERS,
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlign.CENTER,
    shading: options.shade ? { type: ShadingType.CLEAR, fill: options.shade, color: 'auto' } : undefined,
    children: [
      new Paragraph({
        alignment: options.align ?? AlignmentType.LEFT,
        indent: options.indentMm ? { left: twips(options.indentMm) } : undefined,
        spacing: { before: 0, after: 0 },
        children: [run(text, { bold: options.bold, size: TABLE_PT })],
      }),
    ],
  });
}

function figureRow(row: ReportTableRow): TableRow {
  const [label, inPeriod, yearToDate] = COLUMNS_MM;
  if (row.kind === 'heading') {
    return new TableRow({
      cantSplit: true,
      children: [tableCell(row.label, { width: label + inPeriod + yearToDate, bold: true, shade: SECTION_SHADE, span: 3 })],
    });
  }
  const number = (value: number, width: number) => tableCell(formatFigure(row, value), { width, align: AlignmentType.RIGHT });
  return new TableRow({
    cantSplit: true,
    children: [
      tableCell(row.indent > 0 ? `– ${row.label}` : row.label, { width: label, indentMm: row.indent * BREAKDOWN_INDENT_MM }),
      number(row.period, inPeriod),
      number(row.yearToDate, yearToDate),
    ],
  });
}

function figuresTable(document: PeriodReportDocument): Table {
  const [label, inPeriod, yearToDate] = COLUMNS_MM;
  const header = new TableRow({
    tableHeader: true, // repeated on every page the table runs to
    cantSplit: true,
    children: [
      tableCell(document.headers.indicator, { width: label, bold: true, align: AlignmentType.CENTER, shade: HEADER_SHADE }),
      tableCell(document.headers.inPeriod, { width: inPeriod, bold: true, align: AlignmentType.CENTER, shade: HEADER_SHADE }),
      tableCell(document.headers.yearToDate, { width: yearToDate, bold: true, align: AlignmentType.CENTER, shade: HEADER_SHADE }),
    ],
  });
  return new Table({
    width: { size: twips(layout.LETTER_TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: COLUMNS_MM.map(twips),
    layout: TableLayoutType.FIXED,
    rows: [header, ...document.rows.map(figureRow)],
  });
}

const centered = (children: TextRun[], spacingBeforePt = 0): Paragraph =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: twipsFromPt(spacingBeforePt), after: 0 }, children });

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twips(layout.FIRST_LINE_INDENT_MM) },
    spacing: { before: twipsFromPt(layout.PARAGRAPH_SPACING_PT), after: 0, line: Math.round(240 * layout.LINE_HEIGHT) },
    children: [run(text)],
  });
}

export async function renderPeriodReportDocx(document: PeriodReportDocument): Promise<Buffer> {
  const page = layout.LETTER_PAGE_MM;
  const docx = new Document({
    creator: 'Bàn thẩm định TTHC',
    title: `${document.title} — ${document.period}`,
    styles: { default: { document: { run: { font: layout.LETTER_FONT, size: halfPoints(layout.LETTER_SIZES_PT.body) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(page.width), height: twips(page.height), orientation: PageOrientation.PORTRAIT },
            margin: { top: twips(page.top), bottom: twips(page.bottom), left: twips(page.left), right: twips(page.right) },
          },
        },
        footers: { default: new Footer({ children: [centered([new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(TABLE_PT) })])] }) },
        children: [
          centered([run(document.title, { bold: true })]),
          centered([run(document.period, { italics: true })], layout.PARAGRAPH_SPACING_PT),
          ...document.paragraphs.map(bodyParagraph),
          new Paragraph({
            keepNext: true,
            spacing: { before: twipsFromPt(2 * layout.PARAGRAPH_SPACING_PT), after: twipsFromPt(layout.PARAGRAPH_SPACING_PT) },
            children: [run(document.figuresTitle, { bold: true })],
          }),
          figuresTable(document),
        ],
      },
    ],
  });
  return Packer.toBuffer(docx);
}
