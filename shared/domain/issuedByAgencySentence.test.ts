// Section I.2 says how the ministries and the provinces share the period's issued TTHC, as VPCP's report does
// (reference 002, I.2.c), from the same figures as the table under it (issue 19, issue 22: one truth per figure).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportsMessages } from '../i18n/reportsMessages';
import { issuedAgencyTable, issuedByAgency } from './issuedByAgency';
import type { IssuedFact } from './periodFacts';
import { EMPTY_REPORT_TEXTS, periodReportBody } from './periodReportSections';
import { periodReportParagraph, periodReportParts } from './reportParagraph';
import { computePeriodStatistics, issuedSection, type Period, type PeriodReport } from './statistics';
import { CHANGES, REGULATION_KINDS } from './vocabulary';

const NOVEMBER: Period = { from: '2023-11-01', to: '2023-11-30' };

/** November's statistics with only the issued facts given. */
function reportIssuing(facts: readonly IssuedFact[]): PeriodReport {
  return { ...computePeriodStatistics([], NOVEMBER), issued: issuedSection(facts) };
}

/** `count` TTHC of one change, one fact per document, spread over `documents` documents of `agencies`. */
function facts(agencies: readonly string[], documents: number, counts: { new: number; amended: number; abolished: number }): IssuedFact[] {
  const ids = Array.from({ length: documents }, (_, index) => `${agencies[0]}-${index}`);
  return (['new', 'amended', 'abolished'] as const).flatMap((change) =>
    Array.from({ length: counts[change] }, (_, index): IssuedFact => {
      const document = index % documents;
      return { date: '2023-11-15', draftId: ids[document]!, agency: agencies[document % agencies.length]!, kind: 'tthc', change, regulations: 1 };
    }),
  );
}

// Reference 002's footnotes 18 and 19: the five ministries and four provinces that issued November's TTHC.
const MINISTRIES = ['Bộ Giao thông vận tải', 'Bộ Khoa học và Công nghệ', 'Bộ Ngoại giao', 'Bộ Nông nghiệp và Phát triển nông thôn', 'Bộ Tư pháp'];
const PROVINCES = ['Ủy ban nhân dân tỉnh Bến Tre', 'Ủy ban nhân dân tỉnh Lâm Đồng', 'Ủy ban nhân dân tỉnh Lào Cai', 'Ủy ban nhân dân tỉnh Long An'];
const NOVEMBER_FACTS = [
  ...facts(MINISTRIES, 8, { new: 29, amended: 50, abolished: 16 }),
  // One document each: 03 new, 02 amended and 01 abolished among them.
  ...facts(PROVINCES.slice(0, 1), 1, { new: 1, amended: 0, abolished: 0 }),
  ...facts(PROVINCES.slice(1, 2), 1, { new: 1, amended: 0, abolished: 0 }),
  ...facts(PROVINCES.slice(2, 3), 1, { new: 1, amended: 1, abolished: 0 }),
  ...facts(PROVINCES.slice(3), 1, { new: 0, amended: 1, abolished: 1 }),
];

describe('section I.2 in VPCP’s words, from the table’s figures (reference 002, I.2.c)', () => {
  it('reproduces VPCP’s November sentence word for word', () => {
    const byAgency = issuedByAgency(NOVEMBER_FACTS);
    expect(periodReportParagraph(reportIssuing(NOVEMBER_FACTS), { issuedByAgency: byAgency })).toContain(
      'Trong tháng 11/2023, có 32 TTHC được ban hành mới, 52 TTHC được sửa đổi, bổ sung và 17 TTHC được bãi bỏ. ' +
        'Trong đó, có: 29 TTHC ban hành mới, 50 TTHC sửa đổi, bổ sung và 16 TTHC bãi bỏ, tại 08 văn bản QPPL thuộc phạm vi quản lý nhà nước của 05 bộ; ' +
        'có: 03 TTHC mới, 02 TTHC sửa đổi, bổ sung và 01 TTHC bãi bỏ, tại 04 văn bản QPPL thuộc thẩm quyền của 04 địa phương.',
    );
  });

  it('names the ministries and the provinces in footnotes marked where VPCP marks them', () => {
    const report = reportIssuing(NOVEMBER_FACTS);
    const body = periodReportBody(report, report, EMPTY_REPORT_TEXTS, { byAgency: issuedByAgency(NOVEMBER_FACTS), table: null });
    const noted = body.blocks.find((block) => block.kind === 'paragraph' && (block.notes?.length ?? 0) > 0);
    if (noted?.kind !== 'paragraph') throw new Error('no paragraph with footnotes');
    const marked = noted.notes?.map((note) => noted.text.slice(0, note.at)) ?? [];
    expect(marked).toHaveLength(2);
    expect(marked[0]).toMatch(/thuộc phạm vi quản lý nhà nước của 05 bộ$/u);
    expect(marked[1]).toMatch(/thuộc thẩm quyền của 04 địa phương$/u);
    // In Vietnamese alphabetical order, where VPCP's footnote 19 put Lâm Đồng before Lào Cai.
    expect(noted.notes?.map((note) => note.text)).toEqual([
      '05 bộ gồm: Bộ Giao thông vận tải, Bộ Khoa học và Công nghệ, Bộ Ngoại giao, Bộ Nông nghiệp và Phát triển nông thôn, Bộ Tư pháp.',
      '04 địa phương gồm: Bến Tre, Lào Cai, Lâm Đồng, Long An.',
    ]);
  });

  it('says the table’s group figures, whatever was issued and by whom', () => {
    const AGENCIES = ['Bộ Tư pháp', 'Bộ Công an', 'Ngân hàng Nhà nước Việt Nam', 'Ủy ban nhân dân tỉnh Bến Tre', 'Sở Y tế tỉnh Bến Tre', 'Sở Tư pháp tỉnh Lào Cai'] as const;
    const fact = fc.record({
      date: fc.constant('2023-11-15'),
      draftId: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5', 'd6'),
      agency: fc.constantFrom(...AGENCIES),
      kind: fc.constantFrom(...REGULATION_KINDS),
      change: fc.constantFrom(...CHANGES),
      // Below a thousand in all, so that no figure has a thousands separator.
      regulations: fc.integer({ min: 1, max: 30 }),
    }) satisfies fc.Arbitrary<IssuedFact>;
    fc.assert(
      fc.property(fc.array(fact, { minLength: 1, maxLength: 30 }), (generated) => {
        // A document is one agency's: the draft id names its agency.
        const issued = generated.map((entry) => ({ ...entry, draftId: `${entry.draftId}-${entry.agency}` }));
        const byAgency = issuedByAgency(issued);
        const table = issuedAgencyTable(byAgency, reportsMessages.vi.reports.issuedTable);
        const [period, breakdown] = periodReportParagraph(reportIssuing(issued), { issuedByAgency: byAgency })[0]!.split(/(?<=\.) (?=Trong đó)/u);
        // One group alone is said in the period's own sentence.
        const clauses = breakdown === undefined ? [period ?? ''] : breakdown.split('; ');
        const groups = (table?.rows ?? []).filter((row) => row.kind === 'group');
        expect(clauses).toHaveLength(groups.length);
        groups.forEach((group, index) => {
          const [, documents, ...figures] = group.cells.slice(1);
          const clause = clauses[index]!;
          expect(clause).toContain(`tại ${documents!.padStart(2, '0')} văn bản QPPL`);
          const said = [...clause.split(', tại ')[0]!.matchAll(/(\d+) (?:TTHC|QĐKD)/gu)].reduce((sum, match) => sum + Number(match[1]), 0);
          expect(said).toBe(figures.reduce((sum, figure) => sum + Number(figure), 0));
        });
      }),
    );
  });
});

/** Each figure a clause states, "01 TTHC được ban hành mới" and "01 TTHC mới" alike, as «count kind change». */
function statedFigures(clause: string): string {
  return [...clause.matchAll(/(\d+) (TTHC|QĐKD) (?:được )?(ban hành mới|mới|sửa đổi, bổ sung|bãi bỏ)/gu)]
    .map(([, figure, kind, change]) => `${Number(figure)} ${kind} ${change === 'mới' ? 'ban hành mới' : change}`)
    .sort()
    .join('; ');
}

// With only ministries issuing, «Trong đó, có: …» said the period's figures a second time (issue 19).
describe('section I.2 says each breakdown once (issue 19)', () => {
  const AGENCIES = ['Bộ Tư pháp', 'Bộ Công Thương', 'Ngân hàng Nhà nước Việt Nam', 'Ủy ban nhân dân tỉnh Bến Tre', 'Sở Y tế tỉnh Lào Cai'] as const;
  const fact = fc.record({
    date: fc.constant('2023-11-15'),
    draftId: fc.constantFrom('d1', 'd2', 'd3'),
    // Often one group only: ministries alone or provinces alone.
    agency: fc.constantFrom(...AGENCIES),
    kind: fc.constantFrom(...REGULATION_KINDS),
    change: fc.constantFrom(...CHANGES),
    regulations: fc.integer({ min: 1, max: 30 }),
  }) satisfies fc.Arbitrary<IssuedFact>;
  const oneGroup = fc.constantFrom(AGENCIES.slice(0, 3), AGENCIES.slice(3));

  it('never states the period’s figures again for the agencies that issued them', () => {
    const facts = fc.oneof(
      fc.array(fact, { minLength: 1, maxLength: 20 }),
      fc.tuple(oneGroup, fc.array(fact, { minLength: 1, maxLength: 20 })).map(([group, generated]) => generated.map((entry, index) => ({ ...entry, agency: group[index % group.length]! }))),
    );
    fc.assert(
      fc.property(facts, (generated) => {
        const issued = generated.map((entry) => ({ ...entry, draftId: `${entry.draftId}-${entry.agency}` }));
        const byAgency = issuedByAgency(issued);
        const { issued: paragraphs, issuedNotes } = periodReportParts(reportIssuing(issued), { issuedByAgency: byAgency });
        const [paragraph = ''] = paragraphs;
        const clauses = paragraph.split(/(?<=\.) (?=Trong đó)|; /u).map(statedFigures);
        const [totals] = clauses;
        expect(totals).not.toBe('');
        expect(clauses.filter((clause) => clause === totals)).toHaveLength(1);
        // Still says which documents and agencies, each named in its footnote.
        const groups = [byAgency.ministries, byAgency.provinces].filter((rows) => rows.length > 0).length;
        expect(issuedNotes).toHaveLength(groups);
        for (const note of issuedNotes) expect(paragraph.slice(0, note.at)).toMatch(/(bộ|cơ quan|địa phương)$/u);
      }),
    );
  });

  it('closes the period’s sentence with the documents and the ministry when only ministries issued', () => {
    const issued: IssuedFact[] = [
      { date: '2023-11-15', draftId: 'nd', agency: 'Bộ Công Thương', kind: 'tthc', change: 'new', regulations: 1 },
      { date: '2023-11-15', draftId: 'nd', agency: 'Bộ Công Thương', kind: 'qdkd', change: 'amended', regulations: 1 },
    ];
    expect(periodReportParts(reportIssuing(issued), { issuedByAgency: issuedByAgency(issued) }).issued).toEqual([
      'Trong tháng 11/2023, có 01 TTHC được ban hành mới và 01 QĐKD được sửa đổi, bổ sung, tại 01 văn bản QPPL thuộc phạm vi quản lý nhà nước của 01 bộ.',
    ]);
  });
});
