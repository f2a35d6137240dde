// The tiếp thu–giải trình table as DOCX: A4 landscape, the drafting agency's Nghị định 30 letterhead, the title,
// then one bordered row per opinion, the header repeated on every page; signed by the drafting agency.
import { AlignmentType, BorderStyle, Document, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { packDocx } from './xmlPackage';
import { placeOfAgency } from '../../shared/domain/administrativeReference';
import { numberLine } from '../../shared/domain/opinionLetter';
import type { SignatureBlock } from '../../shared/domain/signers';
import { RESPONSES_COLUMNS, type ResponsesRow } from '../../shared/domain/responsesTable';
import { formatLetterDate } from '../../shared/i18n/format';
import { centered, documentStyles, letterheadTable, pageNumberHeaders, run, signOffTable, twips, twipsFromPt } from './docxAdministrative';
import * as layout from './letterLayout';

/** Landscape A4 with Nghị định 30/2020's margins (top and bottom 20–25 mm, left 30–35, right 15–20): the binding margin on the left. */
const PAGE = { width: 297, height: 210, top: 20, bottom: 20, left: 30, right: 20 } as const;
const TEXT_WIDTH_MM = PAGE.width - PAGE.left - PAGE.right;
const COLUMNS_MM = [12, 40, 20, 54, 26, 22, 38, 35] as const;
const TABLE_PT = 12;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

export type ResponsesTableDocument = {
  title: string;
  /** "đối với các TTHC, QĐKD tại dự thảo Nghị định …" */
  subtitle: string;
  /** The drafting agency's name, as typed. */
  agency: string;
  date: string;
  number?: string;
  rows: readonly ResponsesRow[];
  /** Who receives it with the dossier (documentSenders.ts responsesTableRecipients), before the archive line. */
  recipients: readonly string[];
  /** One of the drafting agency's signers; nobody yet, and the table says so. */
  signature: SignatureBlock | null;
};

function cell(text: string, widthMm: number, options: { bold?: boolean; center?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: twips(widthMm), type: WidthType.DXA },
    // Borders on each cell: LibreOffice draws a table's own inside borders only on some versions.
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE },
    margins: { left: twips(1.5), right: twips(1.5), top: twipsFromPt(2), bottom: twipsFromPt(2) },
    children: (text ? text.split('\n') : ['']).map(
      (line) =>
        new Paragraph({
          alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(line, { size: TABLE_PT, bold: options.bold })],
        }),
    ),
  });
}

function responsesTable(rows: readonly ResponsesRow[]): Table {
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: RESPONSES_COLUMNS.map((text, index) => cell(text, COLUMNS_MM[index]!, { bold: true, center: true })) });
  const body = rows.map(
    (row, index) =>
      // A row is never cut by a page: an opinion and its answer are read side by side.
      new TableRow({
        cantSplit: true,
        children: [String(index + 1), row.regulation, row.article, row.opinion, row.by, row.decision, row.accepted, row.explained].map((text, column) =>
          cell(text, COLUMNS_MM[column]!, { center: column === 0 || column === 5 }),
        ),
      }),
  );
  return new Table({
    width: { size: twips(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: COLUMNS_MM.map(twips),
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: [header, ...body],
  });
}

export async function renderResponsesTableDocx(table: ResponsesTableDocument): Promise<Buffer> {
  const capitals = table.agency.toLocaleUpperCase('vi');
  const document = new Document({
    creator: table.agency,
    title: `${table.title} ${table.subtitle}`,
    styles: documentStyles(layout.LETTER_SIZES_PT.body),
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(PAGE.height), height: twips(PAGE.width), orientation: PageOrientation.LANDSCAPE },
            margin: { top: twips(PAGE.top), bottom: twips(PAGE.bottom), left: twips(PAGE.left), right: twips(PAGE.right) },
          },
          titlePage: true,
        },
        headers: pageNumberHeaders(),
        children: [
          letterheadTable({ issuer: [{ text: capitals, bold: true }], number: table.number?.trim() ? numberLine(table.number) : '', placeDate: formatLetterDate(table.date, placeOfAgency(table.agency)) }, [90, TEXT_WIDTH_MM - 90]),
          centered([run(table.title, { size: layout.LETTER_SIZES_PT.body, bold: true })], { spacing: { before: twipsFromPt(18), after: 0 } }),
          centered([run(table.subtitle, { size: layout.LETTER_SIZES_PT.body, bold: true })]),
          new Paragraph({ spacing: { before: twipsFromPt(layout.PARAGRAPH_SPACING_PT), after: 0 }, children: [] }),
          responsesTable(table.rows),
          // The table goes with the drafting agency's submission rather than to an addressee: no "Như trên" without a
          // "Kính gửi", but the bodies that receive it with the dossier.
          signOffTable({ copiesTo: [...table.recipients.map((recipient) => `- ${recipient};`), '- Lưu: VT.'], signatureTitles: table.signature?.titles ?? [], signer: table.signature?.name ?? '' }, [120, TEXT_WIDTH_MM - 120]),
        ],
      },
    ],
  });
  return packDocx(document);
}
