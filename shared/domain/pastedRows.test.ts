// Issue 20 defect 8: a 3-row table pasted from Excel made one dossier item holding tabs; 3 lines pasted into a step
// made one step. These properties hold for every table and every list of lines, as Excel and Word put them on the clipboard.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copiesText, copyKindsOf } from './dossierItems';
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

  it('counts originals and certified copies apart when a column names the kind, and one copy when none is given', () => {
    // Issue 22: «01 bản chính và 01 bản sao» is one original and one copy, not a name suffix and a count of 1.
    expect(pastedDossierItems('Tờ khai đăng ký khai sinh\t01\tBản chính\nGiấy chứng sinh\t1 bản sao\nGiấy tờ tùy thân (bản sao)\tBản sao\n"Ảnh\n4x6"\nGiấy phép kinh doanh\t01 bản chính và 02 bản sao chứng thực\n')).toEqual([
      { item: 'Tờ khai đăng ký khai sinh', copies: 1, originals: 1 },
      { item: 'Giấy chứng sinh', copies: 1, originals: 0 },
      { item: 'Giấy tờ tùy thân (bản sao)', copies: 1, originals: 0 },
      { item: 'Ảnh 4x6', copies: 1 },
      { item: 'Giấy phép kinh doanh', copies: 3, originals: 1, certifiedCopies: 2 },
    ]);
  });

  it('reads back every count the dossier list prints, kinds and all (paste of a printed list, issue 22)', () => {
    const counted = fc
      .record({ originals: fc.integer({ min: 0, max: 5 }), certifiedCopies: fc.integer({ min: 0, max: 5 }), plain: fc.integer({ min: 0, max: 5 }), stated: fc.boolean() })
      .filter(({ originals, certifiedCopies, plain }) => originals + certifiedCopies + plain > 0)
      .map(({ originals, certifiedCopies, plain, stated }) =>
        stated ? { item: 'Giấy tờ', copies: originals + certifiedCopies + plain, originals, ...(certifiedCopies > 0 ? { certifiedCopies } : {}) } : { item: 'Giấy tờ', copies: originals + certifiedCopies + plain },
      );
    fc.assert(
      fc.property(fc.array(counted, { minLength: 2, maxLength: 6 }), (entries) => {
        const pasted = pastedDossierItems(entries.map((entry) => `${entry.item}\t${copiesText(entry)}`).join('\n'));
        expect(pasted!.map(copyKindsOf)).toEqual(entries.map(copyKindsOf));
        expect(pasted!.map((entry) => entry.copies)).toEqual(entries.map((entry) => entry.copies));
      }),
    );
  });

  it('leaves a single cell to the field', () => {
    fc.assert(fc.property(name, (cell) => {
      expect(pastedDossierItems(cell)).toBeNull();
    }));
  });
});
