import { describe, expect, it } from 'vitest';
import { buildDossierForFigures, REFERENCE_002_FIGURES } from '../../test/fixtures/reportFigures';
import { periodReportParagraph } from './reportParagraph';
import type { MeasureTotal } from './measures';
import { judgePeriod } from './reformPrograms';
import { computePeriodStatistics, judgeReport, yearToDate, type Period, type PeriodReport } from './statistics';

const NOVEMBER: Period = { from: '2023-11-01', to: '2023-11-30' };

type ReportParts = { [Key in keyof PeriodReport]?: Partial<PeriodReport[Key]> };

function judgedOnAll(period: Period, cost: PeriodReport['cost'], processingTime: MeasureTotal, businessConditions: MeasureTotal): PeriodReport['programs'] {
  return judgePeriod(period, {
    compliance_cost: cost.baseline > 0 ? cost.reductionShare : null,
    processing_time: processingTime.reductionShare,
    business_conditions: businessConditions.reductionShare,
    procedures: null,
  });
}

/** An empty report of the period with some sections filled in. */
function reportOf(period: Period, parts: ReportParts = {}): PeriodReport {
  const empty = computePeriodStatistics([], period);
  // A count given without its split by kind is of TTHC alone.
  const tthcOnly = (count: number) => ({ tthc: count, qdkd: 0 });
  const section = <Section extends PeriodReport['assessment']>(emptySection: Section, given: Partial<Section> | undefined): Section => {
    const merged = { ...emptySection, ...given };
    return { ...merged, byKind: given?.byKind ?? tthcOnly(merged.regulations) };
  };
  const review = section(empty.review, parts.review);
  const issued = { ...empty.issued, ...parts.issued };
  return {
    period,
    assessment: section(empty.assessment, parts.assessment),
    appraisal: section(empty.appraisal, parts.appraisal),
    review: { ...review, removeByKind: parts.review?.removeByKind ?? tthcOnly(review.remove), amendByKind: parts.review?.amendByKind ?? tthcOnly(review.amend) },
    issued: { ...issued, byKind: parts.issued?.byKind ?? { tthc: { new: issued.new, amended: issued.amended, abolished: issued.abolished }, qdkd: { new: 0, amended: 0, abolished: 0 } } },
    cost: { ...empty.cost, ...parts.cost },
    processingTime: { ...empty.processingTime, ...parts.processingTime },
    processingTimeByMethod: empty.processingTimeByMethod,
    businessConditions: { ...empty.businessConditions, ...parts.businessConditions },
    // The hand-made figures are of regulations in every program's scope: each program is judged on all of them.
    programs: parts.programs ? (parts.programs as PeriodReport['programs']) : judgedOnAll(period, { ...empty.cost, ...parts.cost }, { ...empty.processingTime, ...parts.processingTime }, { ...empty.businessConditions, ...parts.businessConditions }),
  };
}

describe('periodReportParagraph reproduces VPCP report 11/2023 (reference 002, I.2.a and I.2.c)', () => {
  const { drafts } = buildDossierForFigures(REFERENCE_002_FIGURES);
  const text = periodReportParagraph(computePeriodStatistics(drafts, NOVEMBER), {
    yearToDate: computePeriodStatistics(drafts, yearToDate(NOVEMBER)),
  }).join('\n');

  it.each([
    'Trong tháng 11/2023, các bộ, ngành, địa phương đã đánh giá tác động 130 TTHC tại 18 dự thảo VBQPPL (gồm: 01 Luật, 06 Nghị định, 05 Thông tư và 06 Nghị quyết của HĐND cấp tỉnh), thực hiện thẩm định 78 TTHC quy định tại 23 dự thảo VBQPPL (gồm: 09 Nghị định, 10 Thông tư và 04 Nghị quyết của HĐND cấp tỉnh).',
    'Tính 11 tháng năm 2023, các bộ, ngành, địa phương đã đánh giá tác động đối với 1.059 TTHC tại 171 dự thảo VBQPPL (gồm: 09 Luật, 56 Nghị định, 10 Quyết định của Thủ tướng Chính phủ, 60 Thông tư và 36 Nghị quyết của HĐND cấp tỉnh), thẩm định đối với 965 TTHC tại 161 dự thảo VBQPPL',
    'Trong tháng 11/2023, Văn phòng Chính phủ đã thực hiện thẩm tra 20 TTHC tại 04 dự thảo Nghị định, trong đó, đã đề nghị sửa đổi, bổ sung 20 TTHC, chiếm 100%.',
    // VPCP's «1.025 TTHC, quy định kinh doanh (QĐKD)» counted both kinds; the fixture's regulations are all TTHC (issue 19).
    'Tính 11 tháng năm 2023, đã thẩm tra đối với 1.025 TTHC tại 62 dự thảo VBQPPL, trong đó đã đề nghị không quy định 82 TTHC, sửa đổi, bổ sung 559 TTHC, chiếm 62,5%.',
    'Trong tháng 11/2023, có 29 TTHC được ban hành mới, 50 TTHC được sửa đổi, bổ sung và 16 TTHC được bãi bỏ.',
  ])('says “%s”', (phrase) => {
    expect(text).toContain(phrase);
  });

  it('has no cost paragraph when no cost was assessed', () => {
    expect(text).not.toContain('chi phí tuân thủ');
  });
});

describe('periodReportParagraph — how the period is named', () => {
  const withAssessment = (period: Period) => reportOf(period, { assessment: { regulations: 3, drafts: 1, draftsByType: { nghi_dinh: 1 } } });
  it.each<[Period, string]>([
    [NOVEMBER, 'Trong tháng 11/2023, '],
    [{ from: '2024-02-01', to: '2024-02-29' }, 'Trong tháng 2/2024, '],
    [{ from: '2023-02-01', to: '2023-02-28' }, 'Trong tháng 2/2023, '],
    [{ from: '2023-11-01', to: '2023-11-15' }, 'Từ ngày 01/11/2023 đến ngày 15/11/2023, '],
    [{ from: '2023-10-01', to: '2023-11-30' }, 'Từ ngày 01/10/2023 đến ngày 30/11/2023, '],
    [{ from: '2023-11-05', to: '2023-11-05' }, 'Trong ngày 05/11/2023, '],
  ])('%o → “%s”', (period, lead) => {
    expect(periodReportParagraph(withAssessment(period))[0]?.startsWith(lead)).toBe(true);
  });

  it.each<[Period, string]>([
    [{ from: '2023-01-01', to: '2023-11-30' }, 'Tính 11 tháng năm 2023, '],
    [{ from: '2023-01-01', to: '2023-12-31' }, 'Tính cả năm 2023, '],
    [{ from: '2023-01-01', to: '2023-11-15' }, 'Từ ngày 01/01/2023 đến ngày 15/11/2023, '],
  ])('year to date %o → “%s”', (period, lead) => {
    const [paragraph] = periodReportParagraph(withAssessment({ from: '2023-11-01', to: period.to }), { yearToDate: withAssessment(period) });
    expect(paragraph).toContain(`. ${lead}các bộ, ngành, địa phương đã đánh giá tác động đối với 03 TTHC`);
  });

  it('does not repeat a year to date that is the period itself', () => {
    const january = withAssessment({ from: '2024-01-01', to: '2024-01-31' });
    expect(periodReportParagraph(january, { yearToDate: january })).toEqual([
      'Trong tháng 1/2024, các bộ, ngành, địa phương đã đánh giá tác động 03 TTHC tại 01 dự thảo Nghị định.',
    ]);
  });
});

describe('periodReportParagraph — sections', () => {
  it.each<[string, ReportParts, string[]]>([
    ['nothing happened', {}, ['Trong tháng 11/2023, không có TTHC nào được đánh giá tác động, thẩm định, thẩm tra hoặc ban hành.']],
    [
      'only an appraisal, of several types listed in the fixed order',
      { appraisal: { regulations: 12, drafts: 3, draftsByType: { nghi_dinh: 1, quyet_dinh_ttg: 1, thong_tu_lien_tich: 1 } } },
      [
        'Trong tháng 11/2023, các bộ, ngành, địa phương đã thực hiện thẩm định 12 TTHC quy định tại 03 dự thảo VBQPPL (gồm: 01 Nghị định, 01 Quyết định của Thủ tướng Chính phủ và 01 Thông tư liên tịch).',
      ],
    ],
    [
      'two types joined by “và”',
      { assessment: { regulations: 1059, drafts: 12, draftsByType: { phap_lenh: 2, quyet_dinh_ubnd: 10 } } },
      ['Trong tháng 11/2023, các bộ, ngành, địa phương đã đánh giá tác động 1.059 TTHC tại 12 dự thảo VBQPPL (gồm: 02 Pháp lệnh và 10 Quyết định của UBND cấp tỉnh).'],
    ],
    [
      'a review that removes only',
      { review: { regulations: 8, drafts: 2, draftsByType: { nghi_quyet_qh: 1, nghi_dinh: 1 }, remove: 3, amend: 0, removeOrAmendShare: 3 / 8 } },
      ['Trong tháng 11/2023, Văn phòng Chính phủ đã thực hiện thẩm tra 08 TTHC tại 02 dự thảo VBQPPL (gồm: 01 Nghị quyết của Quốc hội và 01 Nghị định), trong đó, đã đề nghị không quy định 03 TTHC, chiếm 37,5%.'],
    ],
    [
      'a review that agrees with everything',
      { review: { regulations: 5, drafts: 1, draftsByType: { luat: 1 }, remove: 0, amend: 0, removeOrAmendShare: 0 } },
      ['Trong tháng 11/2023, Văn phòng Chính phủ đã thực hiện thẩm tra 05 TTHC tại 01 dự thảo Luật và thống nhất với toàn bộ các TTHC này.'],
    ],
    [
      'issued, skipping a zero',
      { issued: { new: 3, amended: 0, abolished: 1 } },
      ['Trong tháng 11/2023, có 03 TTHC được ban hành mới và 01 TTHC được bãi bỏ.'],
    ],
    // Issue 22: a QĐKD is not a TTHC; the period's sentences count each kind apart.
    [
      'TTHC and QĐKD assessed, each counted apart',
      { assessment: { regulations: 10, byKind: { tthc: 7, qdkd: 3 }, drafts: 1, draftsByType: { nghi_dinh: 1 } } },
      ['Trong tháng 11/2023, các bộ, ngành, địa phương đã đánh giá tác động 07 TTHC và 03 QĐKD tại 01 dự thảo Nghị định.'],
    ],
    [
      'only QĐKD appraised',
      { appraisal: { regulations: 4, byKind: { tthc: 0, qdkd: 4 }, drafts: 1, draftsByType: { nghi_dinh: 1 } } },
      ['Trong tháng 11/2023, các bộ, ngành, địa phương đã thực hiện thẩm định 04 QĐKD quy định tại 01 dự thảo Nghị định.'],
    ],
    [
      'a review of both kinds, its proposals by kind',
      {
        review: {
          regulations: 5, byKind: { tthc: 2, qdkd: 3 }, drafts: 1, draftsByType: { nghi_dinh: 1 },
          remove: 1, removeByKind: { tthc: 0, qdkd: 1 }, amend: 2, amendByKind: { tthc: 2, qdkd: 0 }, removeOrAmendShare: 3 / 5,
        },
      },
      ['Trong tháng 11/2023, Văn phòng Chính phủ đã thực hiện thẩm tra 02 TTHC và 03 QĐKD tại 01 dự thảo Nghị định, trong đó, đã đề nghị không quy định 01 QĐKD, sửa đổi, bổ sung 02 TTHC, chiếm 60%.'],
    ],
    [
      'a review of QĐKD that agrees with everything',
      { review: { regulations: 2, byKind: { tthc: 0, qdkd: 2 }, drafts: 1, draftsByType: { nghi_dinh: 1 }, remove: 0, amend: 0, removeOrAmendShare: 0 } },
      ['Trong tháng 11/2023, Văn phòng Chính phủ đã thực hiện thẩm tra 02 QĐKD tại 01 dự thảo Nghị định và thống nhất với toàn bộ các QĐKD này.'],
    ],
    [
      'issued, each kind apart',
      { issued: { new: 3, amended: 0, abolished: 1, byKind: { tthc: { new: 2, amended: 0, abolished: 0 }, qdkd: { new: 1, amended: 0, abolished: 1 } } } },
      ['Trong tháng 11/2023, có 02 TTHC được ban hành mới, 01 QĐKD được ban hành mới và 01 QĐKD được bãi bỏ.'],
    ],
  ])('%s', (_case, parts, expected) => {
    expect(periodReportParagraph(reportOf(NOVEMBER, parts))).toEqual(expected);
  });

  it('names the reviewer in the year-to-date sentence when the period itself had no review', () => {
    const yearToDateReport = reportOf(yearToDate(NOVEMBER), {
      review: { regulations: 20, drafts: 4, draftsByType: { nghi_dinh: 4 }, remove: 0, amend: 20, removeOrAmendShare: 1 },
    });
    expect(periodReportParagraph(reportOf(NOVEMBER), { yearToDate: yearToDateReport })).toEqual([
      'Tính 11 tháng năm 2023, Văn phòng Chính phủ đã thẩm tra đối với 20 TTHC tại 04 dự thảo VBQPPL, trong đó đã đề nghị sửa đổi, bổ sung 20 TTHC, chiếm 100%.',
    ]);
  });

  // Issue 19 (hand edits): the May report said its review figures twice, for the month and for 5 months that held nothing else.
  it('says figures once when the year to date holds nothing the period does not', () => {
    const MAY: Period = { from: '2023-05-01', to: '2023-05-31' };
    const review = { regulations: 6, byKind: { tthc: 5, qdkd: 1 }, drafts: 1, draftsByType: { nghi_dinh: 1 }, remove: 0, amend: 1, amendByKind: { tthc: 1, qdkd: 0 }, removeOrAmendShare: 1 / 6 };
    const paragraphs = periodReportParagraph(reportOf(MAY, { review }), { yearToDate: reportOf(yearToDate(MAY), { review }) });
    expect(paragraphs).toEqual([
      'Trong tháng 5/2023 và tính chung 5 tháng năm 2023, Văn phòng Chính phủ đã thực hiện thẩm tra 05 TTHC và 01 QĐKD tại 01 dự thảo Nghị định, trong đó, đã đề nghị sửa đổi, bổ sung 01 TTHC, chiếm 16,7%.',
    ]);
    // A year to date with more than the month keeps its own sentence.
    const more = reportOf(yearToDate(MAY), { review: { ...review, regulations: 7, byKind: { tthc: 6, qdkd: 1 }, removeOrAmendShare: 1 / 7 } });
    expect(periodReportParagraph(reportOf(MAY, { review }), { yearToDate: more })[0]).toMatch(/^Trong tháng 5\/2023, Văn phòng Chính phủ .*\. Tính 5 tháng năm 2023, đã thẩm tra đối với 07 TTHC, quy định kinh doanh/u);
  });

  // Issue 19 (hand edits): the June report of the realistic decree said its issued figures twice, «Trong tháng 6/2023,
  // có 01 TTHC được ban hành mới, …» and «Tính 6 tháng năm 2023, có 01 TTHC được ban hành mới, …». VPCP's report counts
  // the month's issued procedures only (reference 002, I.2.c).
  it('counts the period’s issued procedures only, not the year to date’s again', () => {
    const JUNE: Period = { from: '2023-06-01', to: '2023-06-30' };
    const issued = { new: 1, amended: 3, abolished: 1 };
    expect(periodReportParagraph(reportOf(JUNE, { issued }), { yearToDate: reportOf(yearToDate(JUNE), { issued: { ...issued, new: 2 } }) })).toEqual([
      'Trong tháng 6/2023, có 01 TTHC được ban hành mới, 03 TTHC được sửa đổi, bổ sung và 01 TTHC được bãi bỏ.',
    ]);
  });

  // Issue 19: a count names only the kinds it is made of. The year to date read «01 TTHC, QĐKD» for one TTHC.
  it('names only the kinds a year-to-date count is made of', () => {
    const yearToDateReport = reportOf(yearToDate(NOVEMBER), {
      review: {
        regulations: 6, byKind: { tthc: 5, qdkd: 1 }, drafts: 1, draftsByType: { nghi_dinh: 1 },
        remove: 2, removeByKind: { tthc: 1, qdkd: 1 }, amend: 1, amendByKind: { tthc: 1, qdkd: 0 }, removeOrAmendShare: 3 / 6,
      },
    });
    // Both kinds in one figure are counted together, as VPCP writes them; one kind is named alone.
    expect(periodReportParagraph(reportOf(NOVEMBER), { yearToDate: yearToDateReport })).toEqual([
      'Tính 11 tháng năm 2023, Văn phòng Chính phủ đã thẩm tra đối với 06 TTHC, quy định kinh doanh (QĐKD) tại 01 dự thảo VBQPPL, trong đó đã đề nghị không quy định 02 TTHC, QĐKD, sửa đổi, bổ sung 01 TTHC, chiếm 50%.',
    ]);
    const onlyQdkd = reportOf(yearToDate(NOVEMBER), {
      review: {
        regulations: 2, byKind: { tthc: 0, qdkd: 2 }, drafts: 1, draftsByType: { nghi_dinh: 1 },
        remove: 1, removeByKind: { tthc: 0, qdkd: 1 }, amend: 0, amendByKind: { tthc: 0, qdkd: 0 }, removeOrAmendShare: 1 / 2,
      },
    });
    expect(periodReportParagraph(reportOf(NOVEMBER), { yearToDate: onlyQdkd })).toEqual([
      'Tính 11 tháng năm 2023, Văn phòng Chính phủ đã thẩm tra đối với 02 QĐKD tại 01 dự thảo VBQPPL, trong đó đã đề nghị không quy định 01 QĐKD, chiếm 50%.',
    ]);
  });
});

describe('periodReportParagraph — compliance cost against Nghị quyết 68/NQ-CP’s 20% target (2023)', () => {
  const lead = 'Trong tháng 11/2023, tổng chi phí tuân thủ hằng năm của các TTHC, QĐKD được đánh giá tác động (kể cả thủ tục ban hành mới và bãi bỏ) ';
  it.each<[number, number, string]>([
    [2_490_909_090.91, 1_645_454_545.45, 'giảm từ 2,49 tỷ đồng xuống 1,65 tỷ đồng, tức giảm 33,94% chi phí tuân thủ, vượt mục tiêu 20% của Nghị quyết 68/NQ-CP.'],
    [1_000_000, 800_000, 'giảm từ 1.000.000 đồng xuống 800.000 đồng, tức giảm 20% chi phí tuân thủ, đạt mục tiêu 20% của Nghị quyết 68/NQ-CP.'],
    [1_000_000, 800_001, 'giảm từ 1.000.000 đồng xuống 800.001 đồng, tức giảm 20% chi phí tuân thủ, đạt mục tiêu 20% của Nghị quyết 68/NQ-CP.'],
    [1_000_000, 801_000, 'giảm từ 1.000.000 đồng xuống 801.000 đồng, tức giảm 19,9% chi phí tuân thủ, chưa đạt mục tiêu 20% của Nghị quyết 68/NQ-CP.'],
    [1_000_000, 1_000_000, 'giữ nguyên ở mức 1.000.000 đồng, chưa đạt mục tiêu 20% của Nghị quyết 68/NQ-CP.'],
    [1_000_000, 1_250_000, 'tăng từ 1.000.000 đồng lên 1.250.000 đồng, tức tăng 25% chi phí tuân thủ, chưa đạt mục tiêu 20% của Nghị quyết 68/NQ-CP.'],
  ])('%d → %d', (baseline, proposed, ending) => {
    const report = reportOf(NOVEMBER, { cost: { baseline, proposed, reductionShare: (baseline - proposed) / baseline } });
    expect(periodReportParagraph(report)).toEqual([`${lead}${ending}`]);
  });
});

describe('periodReportParagraph — 2025: Nghị quyết 68/NQ-CP and 66/NQ-CP side by side', () => {
  const MAY_2025: Period = { from: '2025-05-01', to: '2025-05-31' };
  const JANUARY_2027: Period = { from: '2027-01-01', to: '2027-01-31' };

  it('judges the cost cut against both programs', () => {
    const report = reportOf(MAY_2025, { cost: { baseline: 1_000_000, proposed: 750_000, reductionShare: 0.25 } });
    expect(periodReportParagraph(report)).toEqual([
      'Trong tháng 5/2025, tổng chi phí tuân thủ hằng năm của các TTHC, QĐKD được đánh giá tác động (kể cả thủ tục ban hành mới và bãi bỏ) giảm từ 1.000.000 đồng xuống 750.000 đồng, tức giảm 25% chi phí tuân thủ, vượt mục tiêu 20% của Nghị quyết 68/NQ-CP và chưa đạt mục tiêu 30% của Nghị quyết 66/NQ-CP.',
    ]);
  });

  it('states processing time and business conditions against Nghị quyết 66/NQ-CP only (NQ 68 sets no such target)', () => {
    const report = reportOf(MAY_2025, {
      // 45 → 30 days: 15 / 45 = 33,33%; 10 → 7 conditions: 30%.
      processingTime: { regulations: 3, baseline: 45, proposed: 30, reductionShare: 15 / 45 },
      businessConditions: { regulations: 2, baseline: 10, proposed: 7, reductionShare: 0.3 },
    });
    expect(periodReportParagraph(report)).toEqual([
      'Trong tháng 5/2025, tổng thời hạn giải quyết của 03 TTHC, QĐKD được đánh giá tác động giảm từ 45 ngày làm việc xuống 30 ngày làm việc, tức giảm 33,33%, vượt mục tiêu 30% của Nghị quyết 66/NQ-CP.',
      'Trong tháng 5/2025, tổng số điều kiện kinh doanh của 02 TTHC, QĐKD được đánh giá tác động giảm từ 10 điều kiện xuống 7 điều kiện, tức giảm 30%, đạt mục tiêu 30% của Nghị quyết 66/NQ-CP.',
    ]);
  });

  // Issue 19: the realistic decree's one QĐKD read «tổng số điều kiện kinh doanh của 01 TTHC, QĐKD».
  it('names the kinds the measured regulations are', () => {
    const report = reportOf(MAY_2025, {
      processingTime: { regulations: 3, byKind: { tthc: 3, qdkd: 0 }, baseline: 45, proposed: 30, reductionShare: 15 / 45 },
      businessConditions: { regulations: 1, byKind: { tthc: 0, qdkd: 1 }, baseline: 4, proposed: 4, reductionShare: 0 },
    });
    expect(periodReportParagraph(report)).toEqual([
      'Trong tháng 5/2025, tổng thời hạn giải quyết của 03 TTHC được đánh giá tác động giảm từ 45 ngày làm việc xuống 30 ngày làm việc, tức giảm 33,33%, vượt mục tiêu 30% của Nghị quyết 66/NQ-CP.',
      'Trong tháng 5/2025, tổng số điều kiện kinh doanh của 01 QĐKD được đánh giá tác động giữ nguyên ở mức 4 điều kiện, chưa đạt mục tiêu 30% của Nghị quyết 66/NQ-CP.',
    ]);
  });

  it('judges each program on the regulations in its scope and says so when their share is not the whole figure’s (issue 22)', () => {
    // The period's cost rises 25% in all (civil-status procedures made dearer); the business ones fall 40%.
    const programs = judgeReport(MAY_2025, {
      cost: [
        { scopeClass: 'tthc_business', baseline: 400_000, proposed: 240_000 },
        { scopeClass: 'tthc_other', baseline: 600_000, proposed: 1_010_000 },
      ],
      measures: [],
    });
    const report = reportOf(MAY_2025, { cost: { baseline: 1_000_000, proposed: 1_250_000, reductionShare: -0.25 }, programs });
    expect(periodReportParagraph(report)).toEqual([
      'Trong tháng 5/2025, tổng chi phí tuân thủ hằng năm của các TTHC, QĐKD được đánh giá tác động (kể cả thủ tục ban hành mới và bãi bỏ) tăng từ 1.000.000 đồng lên 1.250.000 đồng, tức tăng 25% chi phí tuân thủ, riêng QĐKD và TTHC liên quan đến hoạt động kinh doanh giảm 40%, vượt mục tiêu 20% của Nghị quyết 68/NQ-CP và riêng TTHC liên quan đến sản xuất, kinh doanh và QĐKD giảm 40%, vượt mục tiêu 30% của Nghị quyết 66/NQ-CP.',
    ]);
    // Civil-status procedures alone: no program judges them.
    const civilOnly = judgeReport(MAY_2025, { cost: [{ scopeClass: 'tthc_other', baseline: 1_000_000, proposed: 500_000 }], measures: [] });
    expect(civilOnly.flatMap(({ targets }) => targets.map(({ achieved }) => achieved))).toEqual([null, null, null, null, null]);
  });

  it('names no target when no program is in force', () => {
    const report = reportOf(JANUARY_2027, { cost: { baseline: 1_000_000, proposed: 750_000, reductionShare: 0.25 } });
    expect(report.programs).toEqual([]);
    expect(periodReportParagraph(report)[0]).toMatch(/tức giảm 25% chi phí tuân thủ\.$/);
  });
});
