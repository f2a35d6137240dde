// The period report as DOCX, a báo cáo as Nghị định 30/2020 sets one out (Phụ lục I, mẫu 1.3) in the sections of VPCP's
// monthly report (reference 002): the letterhead with the number left blank for the registry and the date, "BÁO CÁO"
// and its name, "Kính gửi", the opening "Thực hiện nhiệm vụ …", I. Kết quả thực hiện (from the figures), II. Tồn tại,
// hạn chế và nguyên nhân, III. Nhiệm vụ trọng tâm, IV. Kiến nghị và đề xuất (the officer's texts), the closing
// sentence, Nơi nhận and the signature, then Phụ lục I, the table of figures, numbered apart ("Kèm theo Báo cáo số …
// ngày …"). A4, the letter's margins, Times New Roman 14 pt, justified paragraphs with a first-line indent, page
// numbers from the second page.
import type { Paragraph as ParagraphType } from 'docx';
import { packDocx } from './xmlPackage';
import { AlignmentType, Document, FootnoteReference, PageOrientation, Paragraph, Table, TableLayoutType, TableRow, WidthType } from 'docx';
import { numberLine } from '../../shared/domain/opinionLetter';
import type { IssuedTable } from '../../shared/domain/issuedByAgency';
import type { ReportBlock } from '../../shared/domain/periodReportSections';
import type { Footnote } from '../../shared/domain/reportParagraph';
import { formatFigure, type PeriodReportDocument, type ReportTableRow } from '../../shared/domain/periodReportTable';
import type { SignatureBlock } from '../../shared/domain/signers';
import { formatLetterDate } from '../../shared/i18n/format';
import { abbreviationSpeller } from '../../shared/domain/abbreviations';
import {
  bodyParagraph,
  centered,
  documentStyles,
  gridCell,
  letterheadTable,
  pageNumberHeaders,
  rule,
  run as styledRun,
  signOffTable,
  spacedBefore,
  TABLE_GROUP_SHADE,
  TABLE_HEADER_SHADE,
  textRun,
  type GridCellOptions,
} from './docxAdministrative';
import * as layout from './letterLayout';

const twips = layout.mmToTwips;
const BODY_PT = layout.LETTER_SIZES_PT.body;
/** A table reads better a point smaller than the body, as in VPCP's own reports. */
const TABLE_PT = BODY_PT - 1;
/** Footnotes as VPCP sets them, smaller than the body. */
const FOOTNOTE_PT = BODY_PT - 4;
/** Indicator | in the period | year to date, filling the text width. */
const COLUMNS_MM = [layout.LETTER_TEXT_WIDTH_MM - 2 * 40, 40, 40] as const;
const BREAKDOWN_INDENT_MM = 6;

const run = (text: string, options: { bold?: boolean; italics?: boolean } = {}) => styledRun(text, { ...options, size: BODY_PT });
const cell = (text: string, options: Omit<GridCellOptions, 'size'>) => gridCell(text, { ...options, size: TABLE_PT });

/** A text of the report as printed: its abbreviations spelled out where the document first uses them. */
type Speller = (text: string, preceding?: string) => string;

function figureRow(row: ReportTableRow, spell: Speller): TableRow {
  const [label, inPeriod, yearToDate] = COLUMNS_MM;
  if (row.kind === 'heading') {
    return new TableRow({ cantSplit: true, children: [cell(spell(row.label), { widthMm: label + inPeriod + yearToDate, bold: true, shade: TABLE_GROUP_SHADE, span: 3 })] });
  }
  // The table prints each figure as the screen, the Markdown and the XLSX do (money to the whole đồng).
  const number = (value: number | null, widthMm: number) => cell(formatFigure(row, value), { widthMm, align: AlignmentType.RIGHT });
  return new TableRow({
    cantSplit: true,
    children: [
      cell(spell(row.indent > 0 ? `– ${row.label}` : row.label), { widthMm: label, indentMm: row.indent * BREAKDOWN_INDENT_MM }),
      number(row.period, inPeriod),
      number(row.yearToDate, yearToDate),
    ],
  });
}

function figuresTable(document: PeriodReportDocument, spell: Speller): Table {
  const [label, inPeriod, yearToDate] = COLUMNS_MM;
  const headerCell = (text: string, widthMm: number) => cell(text, { widthMm, bold: true, align: AlignmentType.CENTER, shade: TABLE_HEADER_SHADE });
  const header = new TableRow({
    tableHeader: true, // repeated on every page the table runs to
    cantSplit: true,
    children: [headerCell(document.headers.indicator, label), headerCell(document.headers.inPeriod, inPeriod), headerCell(document.headers.yearToDate, yearToDate)],
  });
  return new Table({
    width: { size: twips(layout.LETTER_TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: COLUMNS_MM.map(twips),
    layout: TableLayoutType.FIXED,
    rows: [header, ...document.rows.map((row) => figureRow(row, spell))],
  });
}

// Wide enough for "STT" and "Số văn bản" in bold at the table's size: a header word never breaks.
const NUMBER_COLUMN_MM = 13;
const DOCUMENTS_COLUMN_MM = 16;

/**
 * Section I.2's table of issued TTHC (and QĐKD) by ministry and province: a two-line header, each kind over its
 * changes (as VPCP's annexes set a figure table), group lines shaded with their totals, the grand total in bold; the
 * header repeats and no row splits across pages.
 */
function issuedTable(table: IssuedTable): Table {
  const changes = table.kinds.flatMap((group) => group.changes);
  const figureMm = changes.length > 3 ? 15 : 22;
  const widths = [NUMBER_COLUMN_MM, layout.LETTER_TEXT_WIDTH_MM - NUMBER_COLUMN_MM - DOCUMENTS_COLUMN_MM - changes.length * figureMm, DOCUMENTS_COLUMN_MM];
  const headerCell = (text: string, widthMm: number, merge: { span?: number; rowSpan?: number } = {}) =>
    cell(text, { widthMm, bold: true, shade: TABLE_HEADER_SHADE, align: AlignmentType.CENTER, ...merge });
  const headerRow = (children: ReturnType<typeof cell>[]) => new TableRow({ tableHeader: true, cantSplit: true, children });
  const header = [
    headerRow([
      ...table.header.slice(0, widths.length).map((text, index) => headerCell(text, widths[index]!, { rowSpan: 2 })),
      ...table.kinds.map((group) => headerCell(group.kind, group.changes.length * figureMm, { span: group.changes.length })),
    ]),
    headerRow(changes.map((text) => headerCell(text, figureMm))),
  ];
  const row = (cells: readonly string[], style: { bold?: boolean; shade?: string }) =>
    new TableRow({
      cantSplit: true,
      children: cells.map((text, index) =>
        cell(text, { widthMm: widths[index] ?? figureMm, bold: style.bold, shade: style.shade, align: index !== 1 ? AlignmentType.CENTER : AlignmentType.LEFT }),
      ),
    });
  return new Table({
    width: { size: twips(layout.LETTER_TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [...widths, ...changes.map(() => figureMm)].map(twips),
    layout: TableLayoutType.FIXED,
    rows: [...header, ...table.rows.map((line) => row(line.cells, line.kind === 'agency' ? {} : { bold: true, shade: line.kind === 'group' ? TABLE_GROUP_SHADE : undefined }))],
  });
}

/** The report's footnotes by their number, as the Document takes them; `add` gives each its number in order. */
type Footnotes = { byId: Record<number, { children: ParagraphType[] }>; add: (text: string) => number };

function footnoteCollector(): Footnotes {
  const byId: Footnotes['byId'] = {};
  let next = 1;
  return {
    byId,
    add: (text) => {
      byId[next] = { children: [new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [styledRun(text, { size: FOOTNOTE_PT })] })] };
      return next++;
    },
  };
}

/** A paragraph's text with each footnote's mark after its `at` characters ("… của 05 bộ¹; …"). */
function withFootnotes(text: string, notes: readonly Footnote[], footnotes: Footnotes, spell: Speller) {
  const children = [];
  let from = 0;
  let printed = '';
  const piece = (to?: number) => {
    const spelled = spell(text.slice(from, to), printed);
    printed += spelled;
    return run(spelled);
  };
  for (const note of notes) {
    // FootnoteReferenceRun's own run has no language: the mark is a run of the document's, tagged as every other.
    children.push(piece(note.at), textRun({ style: 'FootnoteReference', children: [new FootnoteReference(footnotes.add(note.text))] }));
    from = note.at;
  }
  return [...children, piece()];
}

/** Section and part headings stay with the paragraph under them; a part nobody wrote yet shows in italics. */
function blockParagraph(block: ReportBlock, footnotes: Footnotes, spell: Speller): ParagraphType | Table {
  switch (block.kind) {
    case 'section':
      return bodyParagraph([run(spell(block.text), { bold: true })], { keepNext: true });
    case 'part':
      return bodyParagraph([run(spell(block.text), { bold: true })], { keepNext: true });
    case 'missing':
      return bodyParagraph([run(spell(block.text), { italics: true })]);
    case 'paragraph':
      return bodyParagraph(withFootnotes(block.text, block.notes ?? [], footnotes, spell));
    case 'table':
      return issuedTable(block.table);
  }
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
    // As VPCP copies its monthly report (reference 002): the Government's members, the ministries and the provinces.
    copiesTo: [
      'Như trên',
      'Thủ tướng Chính phủ, các Phó Thủ tướng Chính phủ (để b/c)',
      'Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ',
      'UBND các tỉnh, thành phố trực thuộc trung ương',
      'VPCP: BTCN, các PCN',
    ],
    archive: 'VT, KSTT',
  };
}

const capitals = (text: string) => text.toLocaleUpperCase('vi');

/** "(Kèm theo Báo cáo số 512/BC-VPCP ngày 05/12/2023 của Văn phòng Chính phủ)", the registry's blank while there is no number. */
function attachedTo(issuer: ReportIssuer, ownName: string): string {
  const date = `${issuer.date.slice(8, 10)}/${issuer.date.slice(5, 7)}/${issuer.date.slice(0, 4)}`;
  return `(Kèm theo Báo cáo ${numberLine(issuer.number).replace(/^Số:/u, 'số')} ngày ${date} của ${ownName})`;
}

export async function renderPeriodReportDocx(document: PeriodReportDocument, issuer: ReportIssuer): Promise<Buffer> {
  const page = layout.LETTER_PAGE_MM;
  const { body } = document;
  const ownName = issuer.issuer.at(-1)?.text ?? GOVERNMENT_OFFICE;
  const footnotes = footnoteCollector();
  // In reading order: the opening, the sections, the closing, then the annex.
  const spell = abbreviationSpeller();
  const opening = spell(body.opening);
  const blocks = body.blocks.map((block) => blockParagraph(block, footnotes, spell));
  const closing = spell(`${body.closing}, ${ownName} ${issuer.closingVerb}./.`);
  const figures = figuresTable(document, spell);
  const docx = new Document({
    creator: ownName,
    title: `Báo cáo ${body.name}`,
    styles: documentStyles(BODY_PT),
    footnotes: footnotes.byId,
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
          centered([run('BÁO CÁO', { bold: true })], spacedBefore(3 * layout.PARAGRAPH_SPACING_PT)),
          centered([run(body.name, { bold: true })]),
          // The short rule under a report's name: a third to a half of its line.
          rule(50, layout.LETTER_TEXT_WIDTH_MM),
          centered([run(`Kính gửi: ${issuer.recipient}.`)], spacedBefore(2 * layout.PARAGRAPH_SPACING_PT)),
          bodyParagraph([run(opening)]),
          ...blocks,
          // The closing sentence goes with the signature, which a page never holds alone.
          bodyParagraph([run(closing)], { keepNext: true }),
          signOffTable({
            copiesTo: [...issuer.copiesTo.map((line) => `- ${line};`), `- Lưu: ${issuer.archive}.`],
            signatureTitles: issuer.signature?.titles ?? [],
            signer: issuer.signature?.name ?? '',
          }),
          new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, keepNext: true, children: [run(body.figuresAnnex, { bold: true })] }),
          centered([run(`${document.figuresTitle} ${body.name.charAt(0).toLocaleLowerCase('vi')}${body.name.slice(1)}`, { bold: true })]),
          centered([textRun({ text: attachedTo(issuer, ownName), italics: true, size: BODY_PT * 2 })]),
          new Paragraph({ ...spacedBefore(layout.PARAGRAPH_SPACING_PT), keepNext: true, children: [] }),
          figures,
        ],
      },
    ],
  });
  return packDocx(docx);
}
