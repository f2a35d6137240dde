// The publication list as XLSX, laid out like the annex: the titles on top, then per change a heading, the column
// headers and the rows grouped under full-width level rows. Printed in the one style of every workbook here
// (spreadsheetStyle): A4, fitted to the width, page numbers, rows as tall as their text.
import ExcelJS from 'exceljs';
import { publicationRow, type PublicationList } from '../../shared/domain/publicationList';
import {
  bodyFont,
  CELL_BORDER,
  HEADER_FILL,
  printLayoutOptions,
  rowHeightFor,
  SECTION_FILL,
  SHEET_FONT_SIZE,
  titleRowHeight,
  TITLE_FONT_SIZE,
} from './spreadsheetStyle';
import { withXmlSafeParts } from './xmlPackage';

const GROUP_FILL = SECTION_FILL;
/** STT, code, name, document, field, agency — sized for the longest usual texts. */
const COLUMN_WIDTHS = [6, 24, 48, 48, 24, 30] as const;

export async function renderPublicationListXlsx(list: PublicationList): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bàn thẩm định TTHC';
  // Each part has its own header row, so none is frozen or repeated: the page setup and footer are the shared ones.
  const { pageSetup, headerFooter } = printLayoutOptions({ widthsChars: COLUMN_WIDTHS, headerRow: 1 });
  const sheet = workbook.addWorksheet('Danh mục TTHC', { pageSetup: { ...pageSetup, printTitlesRow: undefined }, headerFooter });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  const width = COLUMN_WIDTHS.length;
  const totalWidth = COLUMN_WIDTHS.reduce((sum, column) => sum + column, 0);
  const styled = (row: ExcelJS.Row, font: Partial<ExcelJS.Font>, options: { merge?: boolean; align?: ExcelJS.Alignment['horizontal']; fill?: string; border?: boolean } = {}) => {
    if (options.merge) sheet.mergeCells(row.number, 1, row.number, width);
    const texts: string[] = [];
    row.eachCell({ includeEmpty: options.merge !== true }, (cell) => {
      cell.font = bodyFont(font);
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: options.align };
      if (options.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: options.fill } };
      if (options.border) cell.border = CELL_BORDER;
      texts.push(cell.value === null || cell.value === undefined ? '' : String(cell.value));
    });
    // A merged cell never grows by itself, and a wrapped one only in some programs: every row gets its height.
    row.height = options.merge
      ? titleRowHeight(texts[0] ?? '', totalWidth, font.size ?? SHEET_FONT_SIZE)
      : rowHeightFor(texts, COLUMN_WIDTHS, { bold: font.bold === true });
  };
  styled(sheet.addRow([list.annexTitle]), { bold: true, size: TITLE_FONT_SIZE }, { merge: true, align: 'center' });
  styled(sheet.addRow([list.title]), { bold: true }, { merge: true, align: 'center' });
  styled(sheet.addRow([list.decisionLine]), { italic: true }, { merge: true, align: 'center' });
  sheet.addRow([]);
  styled(sheet.addRow([list.partTitle]), { bold: true }, { merge: true });
  for (const section of list.sections) {
    sheet.addRow([]);
    styled(sheet.addRow([section.heading]), { bold: true }, { merge: true });
    // Without a code column the name moves left; the sheet keeps one set of widths, so the code cell stays empty.
    const place = (cells: string[]): Array<string | null> => (section.withCode ? cells : [cells[0] ?? '', null, ...cells.slice(1)]);
    styled(sheet.addRow(place(section.columns)), { bold: true }, { align: 'center', fill: HEADER_FILL, border: true });
    for (const group of section.groups) {
      const groupRow = sheet.addRow([group.heading]);
      styled(groupRow, { bold: true }, { merge: true, fill: GROUP_FILL });
      groupRow.getCell(1).border = CELL_BORDER;
      for (const item of group.items) {
        const cells = place(publicationRow(section, item));
        const row = sheet.addRow(cells.map((text, index) => (index === 0 ? item.number : text)));
        styled(row, {}, { border: true });
        row.getCell(1).alignment = { vertical: 'top', horizontal: 'center' };
      }
    }
  }
  return withXmlSafeParts(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
