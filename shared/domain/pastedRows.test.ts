// Issue 20 defect 8: a 3-row table pasted from Excel made one dossier item holding tabs; 3 lines pasted into a step
// made one step. These properties hold for every table and every list of lines, as Excel and Word put them on the clipboard.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pastedDossierItems, pastedLines, pastedRows } from './pastedRows';

/** A cell as Excel copies it: quoted when it holds a tab, a line break or a quote, with "" for a quote. */
const excelCell = (value: string): string => (/[\t\r\n"]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const excelTable = (rows: readonly (readonly string[])[], newline: string): string => `${rows.map((row) => row.map(excelCell).join('\t')).join(newline)}${newline}`;

const newline = fc.constantFrom('\n', '\r\n');
/** Vietnamese-looking words: letters with diacritics, spaces inside, never blank at the ends. */
// À-ỹ also spans Unicode spaces (U+1680 OGHAM SPACE MARK), which a pasted cell rightly loses at its ends: kept out.
const word = fc.stringMatching(/^[A-Za-zĐđÀ-ỹăâêôơư]{1,8}$/u).filter((text) => !/\s/u.test(text));
const name = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
const anyCell = fc.string({ unit: fc.constantFrom('a', 'ệ', ' ', '\t', '\n', '"', '1', ','), maxLength: 12 });

describe('pastedRows', () => {
  it('gives back every row and cell of a table Excel put on the clipboard, whatever the cells hold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(anyCell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }).filter((rows) => rows.every((row) => row.some((cell) => cell.trim() !== ''))),
        newline,
        (rows, separator) => {
          expect(pastedRows(excelTable(rows, separator))).toEqual(rows);
        },
      ),
    );
  });
});

describe('pastedLines', () => {
  it('makes one step per pasted line, numbering and bullets left to the list', () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 2, maxLength: 8 }), newline, fc.constantFrom('', '- ', '• ', 'Bước N: ', 'N. '), (lines, separator, prefix) => {
        const pasted = lines.map((line, index) => `${prefix.replace('N', String(index + 1))}${line}`).join(separator);
        expect(pastedLines(pasted)).toEqual(lines);
      }),
    );
  });

  it('leaves a single line to the field', () => {
    fc.assert(fc.property(name, (line) => {
      expect(pastedLines(line)).toBeNull();
    }));
  });

  it('joins the cells of a table row, dropping its number column', () => {
    expect(pastedLines('1\tNộp hồ sơ\ttại Sở Tư pháp\n2\tNhận kết quả\n')).toEqual(['Nộp hồ sơ tại Sở Tư pháp', 'Nhận kết quả']);
  });
});

describe('pastedDossierItems', () => {
  const item = fc.record({ name, copies: fc.integer({ min: 1, max: 999 }) });

  it('maps name and copies columns, with or without a number column and a heading, to one item per row', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean(), fc.constantFrom('', ' bản'), newline, (items, numbered, heading, unit, separator) => {
        const rows = items.map((entry, index) => [...(numbered ? [String(index + 1)] : []), entry.name, `${String(entry.copies).padStart(2, '0')}${unit}`]);
        const header = [...(numbered ? ['STT'] : []), 'Tên giấy tờ', 'Số lượng'];
        const pasted = excelTable(heading ? [header, ...rows] : rows, separator);
        expect(pastedDossierItems(pasted)).toEqual(items.map((entry) => ({ item: entry.name, copies: entry.copies })));
      }),
    );
  });

  it('names the kind of copy when a column gives it, and counts one copy when none is given', () => {
    expect(pastedDossierItems('Tờ khai đăng ký khai sinh\t01\tBản chính\nGiấy chứng sinh\t1 bản sao\nGiấy tờ tùy thân (bản sao)\tBản sao\n"Ảnh\n4x6"\n')).toEqual([
      { item: 'Tờ khai đăng ký khai sinh (bản chính)', copies: 1 },
      { item: 'Giấy chứng sinh (bản sao)', copies: 1 },
      { item: 'Giấy tờ tùy thân (bản sao)', copies: 1 },
      { item: 'Ảnh 4x6', copies: 1 },
    ]);
  });

  it('leaves a single cell to the field', () => {
    fc.assert(fc.property(name, (cell) => {
      expect(pastedDossierItems(cell)).toBeNull();
    }));
  });
});
