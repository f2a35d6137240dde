// WordprocessingML for the long body of a document, written as text. The docx library builds an object per element
// and walks the tree twice to serialise it: for the assessment form of a draft of 200 regulations (tens of thousands
// of paragraphs and table cells) that took seconds and over a gigabyte. The frame of a document (styles, letterhead,
// signature, headers) is still built with the library; its body is spliced in at a placeholder paragraph.
// Only what the documents use is written: paragraphs of plain runs, and bordered tables of such paragraphs.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { withoutXmlForbidden } from '../../shared/domain/storableText';
import { DOCUMENT_LANGUAGE } from './docxAdministrative';
import { cleanXmlParts } from './xmlPackage';

export type BodyRun = { text: string; bold?: boolean; italics?: boolean; sizePt: number };
export type BodyAlignment = 'left' | 'center' | 'right' | 'both';
export type BodyParagraph = {
  runs: readonly BodyRun[];
  align?: BodyAlignment;
  /** Space before and after, in twips. */
  before?: number;
  after?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
};

export function escapeXml(text: string): string {
  return withoutXmlForbidden(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const LANGUAGE = `<w:lang w:val="${DOCUMENT_LANGUAGE.value}" w:eastAsia="${DOCUMENT_LANGUAGE.eastAsia}" w:bidi="${DOCUMENT_LANGUAGE.bidirectional}"/>`;

/** A run tagged Vietnamese like every run of the library-built parts (docxAdministrative.textRun). */
export function runXml(run: BodyRun): string {
  const size = run.sizePt * 2;
  return (
    `<w:r><w:rPr>${run.bold ? '<w:b/><w:bCs/>' : ''}${run.italics ? '<w:i/><w:iCs/>' : ''}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>${LANGUAGE}</w:rPr>` +
    `<w:t xml:space="preserve">${escapeXml(run.text)}</w:t></w:r>`
  );
}

export function paragraphXml(paragraph: BodyParagraph): string {
  const { before = 0, after = 0, align = 'left' } = paragraph;
  const properties =
    (paragraph.keepNext ? '<w:keepNext/>' : '') +
    (paragraph.pageBreakBefore ? '<w:pageBreakBefore/>' : '') +
    `<w:spacing w:after="${after}" w:before="${before}"/><w:jc w:val="${align}"/>`;
  return `<w:p><w:pPr>${properties}</w:pPr>${paragraph.runs.map(runXml).join('')}</w:p>`;
}

export type BodyHeaderCell = { text: string; span?: number; rows?: number };
export type BodyTable = {
  columnsTwips: readonly number[];
  /** Bold, centred, repeated on every page; a cell may span columns and rows. */
  header: ReadonlyArray<readonly BodyHeaderCell[]>;
  /** Each cell is lines of text, one paragraph each. */
  rows: ReadonlyArray<ReadonlyArray<readonly string[]>>;
  align: readonly Exclude<BodyAlignment, 'both'>[];
  sizePt: number;
  cellMargins: { left: number; right: number; top: number; bottom: number };
};

const LINE = 'w:val="single" w:color="000000" w:sz="4"';
const EDGES = ['top', 'left', 'bottom', 'right'] as const;
// Borders on each cell as well as on the table: LibreOffice draws a table's own inside borders only on some versions.
const CELL_BORDERS = `<w:tcBorders>${EDGES.map((edge) => `<w:${edge} ${LINE}/>`).join('')}</w:tcBorders>`;
const TABLE_BORDERS = `<w:tblBorders>${[...EDGES, 'insideH', 'insideV'].map((edge) => `<w:${edge} ${LINE}/>`).join('')}</w:tblBorders>`;

function cellXml(lines: readonly string[], widthTwips: number, align: BodyAlignment, sizePt: number, bold: boolean, merge = ''): string {
  const paragraphs = (lines.length > 0 ? lines : ['']).map((text) => paragraphXml({ runs: text ? [{ text, bold, sizePt }] : [], align })).join('');
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widthTwips}"/>${merge}${CELL_BORDERS}</w:tcPr>${paragraphs}</w:tc>`;
}

export function tableXml(table: BodyTable): string {
  const { columnsTwips, sizePt, cellMargins: margin } = table;
  const width = columnsTwips.reduce((sum, column) => sum + column, 0);
  // Columns a header cell spanning rows covers in the rows below it: there they continue its vertical merge.
  const continued = table.header.map(() => new Map<number, { span: number; width: number }>());
  const header = table.header.map((cells, rowIndex) => {
    let column = 0;
    let xml = '';
    const continueAt = () => {
      for (let merged = continued[rowIndex]!.get(column); merged; merged = continued[rowIndex]!.get(column)) {
        xml += cellXml([], merged.width, 'center', sizePt, true, `${merged.span > 1 ? `<w:gridSpan w:val="${merged.span}"/>` : ''}<w:vMerge/>`);
        column += merged.span;
      }
    };
    for (const { text, span = 1, rows = 1 } of cells) {
      continueAt();
      const cellWidth = columnsTwips.slice(column, column + span).reduce((sum, part) => sum + part, 0);
      for (let below = rowIndex + 1; below < rowIndex + rows; below += 1) continued[below]?.set(column, { span, width: cellWidth });
      const merge = `${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${rows > 1 ? '<w:vMerge w:val="restart"/>' : ''}`;
      xml += cellXml([text], cellWidth, 'center', sizePt, true, merge);
      column += span;
    }
    continueAt();
    return `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${xml}</w:tr>`;
  });
  const body = table.rows.map(
    (cells) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.map((lines, column) => cellXml(lines, columnsTwips[column] ?? 0, table.align[column] ?? 'left', sizePt, false)).join('')}</w:tr>`,
  );
  const margins = `<w:tblCellMar><w:top w:type="dxa" w:w="${margin.top}"/><w:left w:type="dxa" w:w="${margin.left}"/><w:bottom w:type="dxa" w:w="${margin.bottom}"/><w:right w:type="dxa" w:w="${margin.right}"/></w:tblCellMar>`;
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${width}"/>${TABLE_BORDERS}<w:tblLayout w:type="fixed"/>${margins}</w:tblPr>` +
    `<w:tblGrid>${columnsTwips.map((column) => `<w:gridCol w:w="${column}"/>`).join('')}</w:tblGrid>${header.join('')}${body.join('')}</w:tbl>`
  );
}

/**
 * Replaces the paragraph that holds only `placeholder` in the package's main part by `bodyXml`. The placeholder must
 * be a text no document can contain otherwise.
 */
export function spliceBody(docx: Uint8Array, placeholder: string, bodyXml: string): Buffer {
  const files = unzipSync(docx);
  const document = strFromU8(files['word/document.xml']!);
  const at = document.indexOf(placeholder);
  const start = document.lastIndexOf('<w:p>', at);
  const end = document.indexOf('</w:p>', at) + '</w:p>'.length;
  if (at < 0 || start < 0 || end < start) throw new Error('spliceBody: the placeholder paragraph is missing');
  files['word/document.xml'] = strToU8(document.slice(0, start) + bodyXml + document.slice(end));
  // The frame (headers, title, letterhead) comes from the docx library, which lets U+FFFE and U+FFFF through.
  cleanXmlParts(files);
  return Buffer.from(zipSync(files, { level: 6 }));
}
