// Every word of a printed table's header stays whole in its column (issue 19): section I.2's table broke «TTH C»,
// «ST T», «VBQP PL», which a clerk had to widen by hand. Each header word is measured at the size and weight it is
// set in, with Times New Roman's own advance widths (bold, which is never narrower than regular), a horn (ơ, ư)
// counted wider than it is and 5% on top, against its column's width less the cell's padding.
import { strFromU8, unzipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuedByAgency } from '../../shared/domain/issuedByAgency';
import type { IssuedFact } from '../../shared/domain/periodFacts';
import { periodReportDocument } from '../../shared/domain/periodReportTable';
import { computePeriodStatistics, issuedSection, type Period } from '../../shared/domain/statistics';
import { CHANGES, REGULATION_KINDS } from '../../shared/domain/vocabulary';
import { defaultReportIssuer, renderPeriodReportDocx } from './periodReportDocx';

/** Times New Roman Bold's advance widths, thousandths of an em (the same as Tinos Bold, drawn to its metrics). */
const BOLD_TIMES: Record<string, number> = {
  ...Object.fromEntries([...'0123456789'].map((digit) => [digit, 500])),
  ...{ A: 722, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 778, I: 389, J: 500, K: 778, L: 667, M: 944 },
  ...{ N: 722, O: 778, P: 611, Q: 778, R: 722, S: 556, T: 667, U: 722, V: 722, W: 1000, X: 722, Y: 722, Z: 667 },
  ...{ a: 500, b: 556, c: 444, d: 556, e: 444, f: 333, g: 500, h: 556, i: 278, j: 333, k: 556, l: 278, m: 833 },
  ...{ n: 556, o: 500, p: 556, q: 556, r: 444, s: 389, t: 333, u: 556, v: 500, w: 722, x: 500, y: 500, z: 444 },
  ...{ ',': 250, '.': 250, ';': 333, ':': 333, '(': 333, ')': 333, '/': 278, '-': 333, '–': 500, '%': 1000 },
};
const HORN = /[\u031b]/u;
const MARGIN = 1.05;

/** A word's width in points at `sizePt`, never less than Times New Roman sets it; an unknown character counts an em. */
function wordWidthPt(word: string, sizePt: number): number {
  const thousandths = [...word].reduce((sum, letter) => {
    const decomposed = letter.normalize('NFD');
    const base = letter === 'đ' ? 'd' : letter === 'Đ' ? 'D' : (decomposed[0] ?? letter);
    return sum + (BOLD_TIMES[base] ?? 1000) + (HORN.test(decomposed) ? 100 : 0);
  }, 0);
  return (thousandths / 1000) * sizePt * MARGIN;
}

type HeaderWord = { word: string; widthPt: number; columnPt: number };

/** The words of every header row (w:tblHeader) of every table, each with the room its cell gives it. */
function headerWords(xml: string): HeaderWord[] {
  const twipsToPt = (twips: number) => twips / 20;
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].flatMap(([, table = '']) => {
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    const rows = [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((match) => match[1] ?? '').filter((row) => row.includes('<w:tblHeader/>'));
    return rows.flatMap((row) => {
      let column = 0;
      return [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].flatMap(([, cell = '']) => {
        const span = Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(cell)?.[1] ?? 1);
        const widthTwips = grid.slice(column, column + span).reduce((sum, width) => sum + width, 0);
        column += span;
        const padding = ['left', 'right'].reduce((sum, side) => sum + Number(new RegExp(`<w:tcMar>[\\s\\S]*?<w:${side} w:w="(\\d+)"`).exec(cell)?.[1] ?? 0), 0);
        const sizePt = Number(/<w:sz w:val="(\d+)"\/>/.exec(cell)?.[1] ?? 0) / 2;
        const text = [...cell.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
        // A cell merged into the one above it holds no text.
        if (text.trim() === '') return [];
        expect(sizePt, text).toBeGreaterThan(0);
        return text
          .split(/\s+/u)
          .filter(Boolean)
          .map((word) => ({ word, widthPt: wordWidthPt(word, sizePt), columnPt: twipsToPt(widthTwips - padding) }));
      });
    });
  });
}

const JUNE: Period = { from: '2023-06-01', to: '2023-06-30' };
const AGENCIES = ['Bộ Công Thương', 'Bộ Tư pháp', 'Ngân hàng Nhà nước Việt Nam', 'Ủy ban nhân dân tỉnh Bến Tre', 'Sở Y tế tỉnh Lào Cai'] as const;
const fact = fc.record({
  date: fc.constant('2023-06-15'),
  draftId: fc.constantFrom('d1', 'd2', 'd3'),
  agency: fc.constantFrom(...AGENCIES),
  kind: fc.constantFrom(...REGULATION_KINDS),
  change: fc.constantFrom(...CHANGES),
  regulations: fc.integer({ min: 1, max: 2000 }),
}) satisfies fc.Arbitrary<IssuedFact>;

async function reportXml(facts: readonly IssuedFact[]): Promise<string> {
  const report = { ...computePeriodStatistics([], JUNE), issued: issuedSection(facts) };
  const document = periodReportDocument(report, report, [], undefined, issuedByAgency(facts));
  const docx = await renderPeriodReportDocx(document, defaultReportIssuer({ signature: null, number: '/BC-VPCP', date: '2023-07-05' }));
  return strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!);
}

describe('the period report’s table headers (issue 19)', () => {
  it('break no word, whatever the period issued (TTHC alone, or QĐKD too)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fact, { minLength: 1, maxLength: 12 }), async (facts) => {
        const words = headerWords(await reportXml(facts));
        // Section I.2's table and the annex's figures: both have their header.
        expect(words.map(({ word }) => word)).toEqual(expect.arrayContaining(['STT', 'TTHC', 'Chỉ', 'tiêu']));
        expect(words.filter(({ widthPt, columnPt }) => widthPt > columnPt)).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });
});
