import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citationPieces } from './legalCitation';

const citations = (text: string) => citationPieces(text).filter((piece) => piece.citation).map((piece) => piece.text);

describe('citationPieces', () => {
  it.each([
    ['sửa đổi Nghị định số 105/2017/NĐ-CP ngày 14 tháng 9 năm 2017', ['105/2017/NĐ-CP']],
    ['theo Nghị định số 63/2010/NĐ-CP, Thông tư số 02/2017/TT-VPCP.', ['63/2010/NĐ-CP,', '02/2017/TT-VPCP.']],
    ['Tờ trình số 12/TTr-BGTVT của Bộ', ['12/TTr-BGTVT']],
    ['(Luật số 59/2020/QH14)', ['59/2020/QH14)']],
    ['Nghị quyết số 01/2023/NQ-HĐND', ['01/2023/NQ-HĐND']],
    ['Số: 05/VPCP-KSTT', ['05/VPCP-KSTT']],
  ])('keeps the symbols of "%s" whole', (text, expected) => {
    expect(citations(text)).toEqual(expected);
  });

  it.each(['ngày 15/01/2024', 'tỷ lệ 1/2', 'và/hoặc', 'Số:          /VPCP-KSTT'])('finds no symbol in "%s"', (text) => {
    expect(citations(text)).toEqual([]);
  });

  it('gives the text back, and no citation piece holds a space', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Nghị định số ', '105/2017/NĐ-CP', ', ', '(', ')', ' ', '12/TTr-BGTVT', 'ngày 1/2', '\n', 'x')).map((parts) => parts.join('')), (text) => {
        const pieces = citationPieces(text);
        expect(pieces.map((piece) => piece.text).join('')).toBe(text);
        for (const piece of pieces) if (piece.citation) expect(piece.text).not.toMatch(/\s/);
      }),
    );
  });
});
