// The publication decision as DOCX: the Quyết định công bố on A4 portrait, then its annex — Phần I, the list, on A4
// landscape (the table has six columns), one numbered list per change, each a table whose rows are grouped by level
// under full-width "A. Thủ tục hành chính cấp …" rows — and Phần II, the content of each published procedure, on
// portrait again. Times New Roman, Vietnamese-tagged, Nghị định 30's margins, page numbers from the second page.
import {
  AlignmentType,
  Document,
  PageOrientation,
  Paragraph,
  Table,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import type { TextRun } from 'docx';
import { packDocx } from './xmlPackage';
import { numberLine } from '../../shared/domain/opinionLetter';
import type { PublicationDecision } from '../../shared/domain/publicationDecision';
import { publicationRow, type PublicationSection } from '../../shared/domain/publicationList';
import { formatLetterDate } from '../../shared/i18n/format';
import {
  bodyParagraph,
  centered,
  documentStyles,
  gridCell,
  letterheadTable,
  pageNumberHeaders,
  rule,
  signOffTable,
  spacedBefore,
  TABLE_GROUP_SHADE,
  TABLE_HEADER_SHADE,
  textRun,
  type GridCellOptions,
} from './docxAdministrative';
import * as layout from './letterLayout';

const twips = layout.mmToTwips;
const halfPoints = (pt: number): number => pt * 2;
const twipsFromPt = (pt: number): number => pt * 20;
/** Landscape A4 with Nghị định 30's margins: 30 mm on the binding (left) side, 15 mm on the right, 20 mm top and bottom. */
const PAGE = { width: layout.LETTER_PAGE_MM.height, height: layout.LETTER_PAGE_MM.width, top: 20, bottom: 20, left: 30, right: 15 } as const;
const TEXT_WIDTH_MM = PAGE.width - PAGE.left - PAGE.right;
const BODY_PT = 13;
const TABLE_PT = 12;
/** STT, code, name, document, field, agency; without a code column the name takes its width. */
const WIDTHS_WITH_CODE_MM = [12, 30, 75, 75, 30, TEXT_WIDTH_MM - 12 - 30 - 75 - 75 - 30] as const;
const WIDTHS_WITHOUT_CODE_MM = [12, 105, 75, 30, TEXT_WIDTH_MM - 12 - 105 - 75 - 30] as const;

// Every run tagged Vietnamese (docxAdministrative's textRun), whatever the machine that opens the file.
const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun =>
  textRun({ text, bold: options.bold, italics: options.italics, size: halfPoints(options.size ?? BODY_PT) });

const cell = (text: string, widthMm: number, options: Omit<GridCellOptions, 'size' | 'widthMm'> = {}) => gridCell(text, { ...options, widthMm, size: TABLE_PT });

function sectionTable(section: PublicationSection): Table {
  const widths = section.withCode ? WIDTHS_WITH_CODE_MM : WIDTHS_WITHOUT_CODE_MM;
  const header = new TableRow({
    tableHeader: true, // repeated on every page the table runs to
    cantSplit: true,
    children: section.columns.map((title, index) => cell(title, widths[index] ?? 0, { bold: true, align: AlignmentType.CENTER, shade: TABLE_HEADER_SHADE })),
  });
  const rows = section.groups.flatMap((group) => [
    new TableRow({ cantSplit: true, children: [cell(group.heading, TEXT_WIDTH_MM, { bold: true, shade: TABLE_GROUP_SHADE, span: widths.length })] }),
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

const PORTRAIT = layout.LETTER_PAGE_MM;
const portraitPage = {
  size: { width: twips(PORTRAIT.width), height: twips(PORTRAIT.height), orientation: PageOrientation.PORTRAIT },
  margin: { top: twips(PORTRAIT.top), bottom: twips(PORTRAIT.bottom), left: twips(PORTRAIT.left), right: twips(PORTRAIT.right) },
};

/** The decision itself, Nghị định 30/2020's way (Phụ lục I, mẫu 1.1): letterhead, name, căn cứ, articles, signature. */
function decisionPart(decision: PublicationDecision): Array<Paragraph | Table> {
  const body = layout.LETTER_SIZES_PT.body;
  return [
    letterheadTable({ issuer: decision.issuer, number: numberLine(decision.number), placeDate: formatLetterDate(decision.date, decision.place) }),
    centered([run('QUYẾT ĐỊNH', { bold: true, size: body })], spacedBefore(3 * layout.PARAGRAPH_SPACING_PT)),
    centered([run(decision.subject, { bold: true, size: body })]),
    rule(50, layout.LETTER_TEXT_WIDTH_MM),
    centered([run(decision.authority, { bold: true, size: body })], spacedBefore(2 * layout.PARAGRAPH_SPACING_PT)),
    ...decision.bases.map((basis) => bodyParagraph([run(basis, { italics: true, size: body })])),
    centered([run('QUYẾT ĐỊNH:', { bold: true, size: body })], spacedBefore(2 * layout.PARAGRAPH_SPACING_PT)),
    ...decision.articles.map((article, index) => {
      const [label, ...rest] = article.split(/(?<=^Điều \d+\.)/u);
      return bodyParagraph([run(label ?? '', { bold: true, size: body }), run(rest.join(''), { size: body })], { keepNext: index === decision.articles.length - 1 });
    }),
    signOffTable({ copiesTo: decision.copiesTo, signatureTitles: decision.signature?.titles ?? [], signer: decision.signature?.name ?? '' }),
  ];
}

/** Phần II: each procedure's components under its letter, grouped by level as Phần I is. */
function contentsPart(decision: PublicationDecision): Paragraph[] {
  const body = layout.LETTER_SIZES_PT.body;
  return [
    new Paragraph({ pageBreakBefore: true, keepNext: true, children: [run('PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH', { bold: true, size: body })] }),
    ...decision.contentGroups.flatMap((group) => [
      bodyParagraph([run(group.heading, { bold: true, size: body })], { keepNext: true }),
      ...group.items.flatMap((item) => [
        bodyParagraph([run(item.heading, { bold: true, size: body })], { keepNext: true }),
        ...item.parts.flatMap((part) => [
          bodyParagraph([run(part.label, { italics: true, size: body })], { keepNext: true }),
          ...part.lines.map((line) => bodyParagraph([run(part.lines.length > 1 ? `- ${line}` : line, { size: body })])),
        ]),
      ]),
    ]),
  ];
}

export async function renderPublicationDecisionDocx(decision: PublicationDecision): Promise<Buffer> {
  const list = decision.annex;
  const docx = new Document({
    creator: decision.issuer.at(-1)?.text ?? '',
    title: `Quyết định ${decision.subject.charAt(0).toLocaleLowerCase('vi')}${decision.subject.slice(1)}`,
    styles: documentStyles(BODY_PT),
    sections: [
      // Nghị định 30 numbers pages from the second one on, at the top centre, in each part of the document.
      { properties: { page: portraitPage, titlePage: true }, headers: pageNumberHeaders(), children: decisionPart(decision) },
      {
        properties: {
          page: {
            // docx swaps width and height itself for a landscape page, so the portrait measures go in.
            size: { width: twips(PAGE.height), height: twips(PAGE.width), orientation: PageOrientation.LANDSCAPE },
            margin: { top: twips(PAGE.top), bottom: twips(PAGE.bottom), left: twips(PAGE.left), right: twips(PAGE.right) },
          },
        },
        headers: pageNumberHeaders(),
        children: [
          centered([run(list.annexTitle, { bold: true, size: 14 })]),
          centered([run(list.title, { bold: true, size: 14 })], spacedBefore(3)),
          centered([run(list.decisionLine, { italics: true })], spacedBefore(3)),
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
      ...(decision.contentGroups.length > 0 ? [{ properties: { page: portraitPage }, headers: pageNumberHeaders(), children: contentsPart(decision) }] : []),
    ],
  });
  return packDocx(docx);
}
