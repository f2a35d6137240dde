// The publication list as XLSX, laid out like the annex: the titles on top, then per change a heading, the column
// headers and the rows grouped under full-width level rows. Same fonts and borders as every other workbook here.
import type ExcelJS from 'exceljs';
import { publicationRow, type PublicationList } from '../../shared/domain/publicationList';
import { BORDER, createWorkbook, FONT, FONT_SIZE, HEADER_FILL, workbookBuffer } from './tableXlsx';

const GROUP_FILL = 'FFF1F3F5';
/** STT, code, name, document, field, agency — sized for the longest usual texts. */
const COLUMN_WIDTHS = [6, 24, 48, 48, 24, 30] as const;

export async function renderPublicationListXlsx(list: PublicationList): Promise<Buffer> {
  const workbook = createWorkbook();
  const sheet = workbook.addWorksheet('Danh mục TTHC');
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  const width = COLUMN_WIDTHS.length;
  const styled = (row: ExcelJS.Row, font: Partial<ExcelJS.Font>, options: { merge?: boolean; align?: ExcelJS.Alignment['horizontal']; fill?: string; border?: boolean } = {}) => {
    if (options.merge) sheet.mergeCells(row.number, 1, row.number, width);
    row.eachCell({ includeEmpty: options.merge !== true }, (cell) => {
      cell.font = { name: FONT, size: FONT_SIZE, ...font };
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: options.align };
      if (options.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: options.fill } };
      if (options.border) cell.border = BORDER;
    });
  };
  styled(sheet.addRow([list.annexTitle]), { bold: true, size: FONT_SIZE + 2 }, { merge: true, align: 'center' });
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
      groupRow.getCell(1).border = BORDER;
      for (const item of group.items) {
        const cells = place(publicationRow(section, item));
        const row = sheet.addRow(cells.map((text, index) => (index === 0 ? item.number : text)));
        styled(row, {}, { border: true });
        row.getCell(1).alignment = { vertical: 'top', horizontal: 'center' };
      }
    }
  }
  sheet.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return workbookBuffer(workbook);
}
