// The period report as DOCX, a báo cáo as Nghị định 30/2020 sets one out (Phụ lục I, mẫu 1.3): the letterhead with
// the number left blank for the registry and the date, "BÁO CÁO" and its name, "Kính gửi", VPCP's paragraphs, the
// closing sentence, Nơi nhận and the signature, then the table of figures as its annex. A4, the letter's margins,
// Times New Roman 14 pt, justified paragraphs with a first-line indent, page numbers from the second page.
import type {
  TextRun} from 'docx';
import { packDocx } from './xmlPackage';
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
  VerticalAlign,
  WidthType,
} from 'docx';
import { numberLine } from '../../shared/domain/opinionLetter';
import { formatFigure, type PeriodReportDocument, type ReportTableRow } from '../../shared/domain/periodReportTable';
import type { SignatureBlock } from '../../shared/domain/signers';
import { formatLetterDate } from '../../shared/i18n/format';
import {
  documentStyles,
  LINE_SPACING,
  letterheadTable,
  pageNumberHeaders,
  rule,
  run as styledRun,
  signOffTable,
  textRun,
} from './docxAdministrative';
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
  styledRun(text, { bold: options.bold, italics: options.italics, size: options.size ?? layout.LETTER_SIZES_PT.body });

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
  // The table prints each figure as the screen, the Markdown and the XLSX do (money to the whole đồng).
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

function bodyParagraph(text: string, options: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twips(layout.FIRST_LINE_INDENT_MM) },
    // The rule is written out: without it LibreOffice reads 276 as an exact 13,8 pt line, too tight for 14 pt.
    spacing: { before: twipsFromPt(layout.PARAGRAPH_SPACING_PT), after: 0, ...LINE_SPACING },
    keepNext: options.keepNext,
    children: [run(text)],
  });
}

/** Who issues the report and to whom: VPCP to the Government by default, an agency's own report otherwise. */
export type ReportIssuer = {
  /** The parent body (regular) then the body's own name (bold), as typed; printed in capitals. */
  issuer: readonly { text: string; bold: boolean }[];
  /** "/BC-VPCP": the registry writes the sequence number in front. */
  number: string;
  place: string;
  /** yyyy-mm-dd */
  date: string;
  recipient: string;
  /** "kính trình Chính phủ" */
  closingVerb: string;
  /** Nobody yet: the report says so. */
  signature: SignatureBlock | null;
  /** "Nơi nhận" lines before the archive line, without dashes. */
  copiesTo: readonly string[];
  archive: string;
};

const GOVERNMENT_OFFICE = 'Văn phòng Chính phủ';

/** The defaults of VPCP's report to the Government (documentSenders: VPCP writes it), dated `date`. */
export function defaultReportIssuer(particulars: { signature: SignatureBlock | null; number: string; date: string }): ReportIssuer {
  return {
    issuer: [{ text: GOVERNMENT_OFFICE, bold: true }],
    number: particulars.number,
    place: 'Hà Nội',
    date: particulars.date,
    recipient: 'Chính phủ',
    closingVerb: 'kính trình Chính phủ',
    signature: particulars.signature,
    copiesTo: ['Như trên', 'Thủ tướng Chính phủ, các Phó Thủ tướng Chính phủ (để b/c)', 'VPCP: BTCN, các PCN'],
    archive: 'VT, KSTT',
  };
}

const capitals = (text: string) => text.toLocaleUpperCase('vi');

/** "tháng 11/2023" → "tháng 11 năm 2023", the way a report's name says its period. */
const periodInWords = (period: string) => period.replace(/^Tháng (\d{1,2})\/(\d{4})$/u, 'tháng $1 năm $2').replace(/^Từ/u, 'từ');

export async function renderPeriodReportDocx(document: PeriodReportDocument, issuer: ReportIssuer): Promise<Buffer> {
  const page = layout.LETTER_PAGE_MM;
  const name = `Kết quả kiểm soát thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật ${periodInWords(document.period)}`;
  const ownName = issuer.issuer.at(-1)?.text ?? GOVERNMENT_OFFICE;
  const docx = new Document({
    creator: ownName,
    title: `Báo cáo ${name}`,
    styles: documentStyles(layout.LETTER_SIZES_PT.body),
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
        headers: pageNumberHeaders(),
        children: [
          letterheadTable({
            issuer: issuer.issuer.map((line) => ({ ...line, text: capitals(line.text) })),
            number: numberLine(issuer.number),
            placeDate: formatLetterDate(issuer.date, issuer.place),
          }),
          centered([run('BÁO CÁO', { bold: true })], 3 * layout.PARAGRAPH_SPACING_PT),
          centered([run(name, { bold: true })]),
          // The short rule under a report's name: a third to a half of its line.
          rule(50, layout.LETTER_TEXT_WIDTH_MM),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: twipsFromPt(2 * layout.PARAGRAPH_SPACING_PT), after: 0 },
            children: [textRun({ text: `Kính gửi: ${issuer.recipient}.`, size: halfPoints(layout.LETTER_SIZES_PT.body) })],
          }),
          ...document.paragraphs.map((text) => bodyParagraph(text)),
          bodyParagraph('(Chi tiết tại Phụ lục kèm theo)'),
          // The closing sentence goes with the signature, which a page never holds alone.
          bodyParagraph(`Trên đây là Báo cáo ${name.charAt(0).toLocaleLowerCase('vi')}${name.slice(1)}, ${ownName} ${issuer.closingVerb}./.`, { keepNext: true }),
          signOffTable({
            copiesTo: [...issuer.copiesTo.map((line) => `- ${line};`), `- Lưu: ${issuer.archive}.`],
            signatureTitles: issuer.signature?.titles ?? [],
            signer: issuer.signature?.name ?? '',
          }),
          new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, keepNext: true, children: [run('PHỤ LỤC', { bold: true })] }),
          centered([run(`${document.figuresTitle} ${periodInWords(document.period)}`, { bold: true })]),
          centered([run(`(Kèm theo Báo cáo ${numberLine(issuer.number).replace('Số:', 'số')} của ${ownName})`, { italics: true })], 0),
          new Paragraph({ spacing: { before: twipsFromPt(layout.PARAGRAPH_SPACING_PT), after: 0 }, keepNext: true, children: [] }),
          figuresTable(document),
        ],
      },
    ],
  });
  return packDocx(docx);
}
