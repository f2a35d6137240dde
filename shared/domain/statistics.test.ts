import { describe, expect, it } from 'vitest';
import { buildDossierForFigures, NOVEMBER_2023, REFERENCE_002_FIGURES, type PeriodFigures } from '../../test/fixtures/reportFigures';
import { dossierSchema, type CostSide, type Draft, type Opinion, type Regulation } from './dossier';
import { computePeriodStatistics, latestOpinion, periodReportSchema, yearToDate, type Period } from './statistics';
import type { DocType } from './vocabulary';

const NOVEMBER: Period = { from: '2023-11-01', to: '2023-11-30' };

let serial = 0;
const nextId = () => `00000000-0000-4000-8000-${(++serial).toString(16).padStart(12, '0')}`;

const opinion = (stage: Opinion['stage'], verdict: Opinion['verdict'], issuedAt: string): Opinion => ({
  id: nextId(),
  stage,
  verdict,
  issuedAt,
  by: stage === 'review' ? 'Văn phòng Chính phủ' : 'Bộ Tư pháp',
  text: '',
});

const regulation = (overrides: Partial<Regulation> = {}): Regulation => ({
  id: nextId(),
  kind: 'tthc',
  change: 'new',
  name: 'Đăng ký khai sinh',
  components: {},
  opinions: [],
  ...overrides,
});

const assessedOn = (completedAt: string | null, extra: Partial<Regulation> = {}): Regulation =>
  regulation({ assessment: { template: '2010', completedAt, answers: {} }, ...extra });

const draft = (docType: DocType, regulations: Regulation[], issuedAt: string | null = null): Draft => ({
  id: nextId(),
  docType,
  title: 'Dự thảo',
  draftingAgency: 'Bộ Tư pháp',
  submittedToGovernment: true,
  status: issuedAt ? 'issued' : 'drafting',
  issuedAt,
  events: [],
  regulations,
});

describe('computePeriodStatistics — assessment', () => {
  it.each<[string, Draft[], { regulations: number; drafts: number; draftsByType: Partial<Record<DocType, number>> }]>([
    ['nothing in the dossier', [], { regulations: 0, drafts: 0, draftsByType: {} }],
    [
      'both ends of the period count, the days outside do not',
      [draft('nghi_dinh', [assessedOn('2023-10-31'), assessedOn('2023-11-01'), assessedOn('2023-11-30'), assessedOn('2023-12-01')])],
      { regulations: 2, drafts: 1, draftsByType: { nghi_dinh: 1 } },
    ],
    [
      'an assessment without a completion date, or no assessment, does not count',
      [draft('thong_tu', [assessedOn(null), regulation()])],
      { regulations: 0, drafts: 0, draftsByType: {} },
    ],
    [
      'a draft counts once however many of its regulations were assessed; types with no draft are left out',
      [
        draft('thong_tu', [assessedOn('2023-11-02'), assessedOn('2023-11-03'), assessedOn('2023-11-04')]),
        draft('luat', [assessedOn('2023-11-05')]),
        draft('nghi_quyet_hdnd', [assessedOn('2023-11-06')]),
        draft('nghi_quyet_hdnd', [assessedOn('2023-11-07'), assessedOn('2023-09-07')]),
        draft('nghi_dinh', [assessedOn('2023-09-07')]),
      ],
      { regulations: 6, drafts: 4, draftsByType: { luat: 1, thong_tu: 1, nghi_quyet_hdnd: 2 } },
    ],
  ])('%s', (_case, drafts, expected) => {
    // The fixture's regulations are TTHC.
    expect(computePeriodStatistics(drafts, NOVEMBER).assessment).toEqual({ ...expected, byKind: { tthc: expected.regulations, qdkd: 0 } });
  });

  it('lists the document types in the fixed order of the vocabulary', () => {
    const drafts = [draft('nghi_quyet_hdnd', [assessedOn('2023-11-02')]), draft('luat', [assessedOn('2023-11-02')])];
    expect(Object.keys(computePeriodStatistics(drafts, NOVEMBER).assessment.draftsByType)).toEqual(['luat', 'nghi_quyet_hdnd']);
  });
});

describe('latestOpinion', () => {
  it.each<[string, Opinion[], string | undefined]>([
    ['no opinion at the stage', [opinion('review', 'agree', '2023-11-05')], undefined],
    ['the later date wins whatever the order', [opinion('appraisal', 'amend', '2023-11-20'), opinion('appraisal', 'agree', '2023-10-20')], 'amend'],
    ['on the same date, the later in the list wins', [opinion('appraisal', 'amend', '2023-11-20'), opinion('appraisal', 'remove', '2023-11-20')], 'remove'],
  ])('%s', (_case, opinions, verdict) => {
    expect(latestOpinion(regulation({ opinions }), 'appraisal')?.verdict).toBe(verdict);
  });
});

describe('computePeriodStatistics — appraisal and review count by the latest opinion at the stage', () => {
  const withOpinions = (...opinions: Opinion[]) => regulation({ opinions });
  it.each<[string, Regulation[], number, number]>([
    ['an opinion in the period counts', [withOpinions(opinion('appraisal', 'agree', '2023-11-15'))], 1, 0],
    ['an earlier opinion superseded in the period counts in the period', [withOpinions(opinion('appraisal', 'amend', '2023-10-15'), opinion('appraisal', 'agree', '2023-11-15'))], 1, 0],
    ['an opinion in the period superseded later does not', [withOpinions(opinion('appraisal', 'amend', '2023-11-15'), opinion('appraisal', 'agree', '2023-12-01'))], 0, 0],
    ['two opinions in the period count once', [withOpinions(opinion('review', 'amend', '2023-11-02'), opinion('review', 'remove', '2023-11-29'))], 0, 1],
    ['each stage counts on its own', [withOpinions(opinion('appraisal', 'agree', '2023-11-02'), opinion('review', 'amend', '2023-11-29'))], 1, 1],
  ])('%s', (_case, regulations, appraised, reviewed) => {
    const report = computePeriodStatistics([draft('nghi_dinh', regulations)], NOVEMBER);
    expect([report.appraisal.regulations, report.review.regulations]).toEqual([appraised, reviewed]);
  });

  it.each<[string, Opinion['verdict'][], { remove: number; amend: number; removeOrAmendShare: number }]>([
    ['nothing reviewed', [], { remove: 0, amend: 0, removeOrAmendShare: 0 }],
    ['all amended', ['amend', 'amend'], { remove: 0, amend: 2, removeOrAmendShare: 1 }],
    ['a mix', ['remove', 'amend', 'agree', 'agree', 'amend', 'agree', 'agree', 'agree'], { remove: 1, amend: 2, removeOrAmendShare: 3 / 8 }],
  ])('review outcomes: %s', (_case, verdicts, expected) => {
    const regulations = verdicts.map((verdict) => regulation({ opinions: [opinion('review', verdict, '2023-11-10')] }));
    expect(computePeriodStatistics([draft('nghi_dinh', regulations)], NOVEMBER).review).toMatchObject(expected);
  });

  it('takes the verdict of the latest review opinion', () => {
    const regulations = [regulation({ opinions: [opinion('review', 'remove', '2023-11-03'), opinion('review', 'agree', '2023-11-20')] })];
    expect(computePeriodStatistics([draft('nghi_dinh', regulations)], NOVEMBER).review).toMatchObject({ remove: 0, amend: 0, removeOrAmendShare: 0 });
  });
});

describe('computePeriodStatistics — issued', () => {
  const changes = (...list: Regulation['change'][]) => list.map((change) => regulation({ change }));
  it.each<[string, Draft[], { new: number; amended: number; abolished: number }]>([
    ['a draft not issued does not count', [draft('nghi_dinh', changes('new', 'amended'))], { new: 0, amended: 0, abolished: 0 }],
    ['replaced counts with amended', [draft('nghi_dinh', changes('new', 'amended', 'replaced', 'abolished', 'new'), '2023-11-30')], { new: 2, amended: 2, abolished: 1 }],
    ['issued outside the period', [draft('thong_tu', changes('new'), '2023-12-01'), draft('thong_tu', changes('abolished'), '2023-10-31')], { new: 0, amended: 0, abolished: 0 }],
  ])('%s', (_case, drafts, expected) => {
    expect(computePeriodStatistics(drafts, NOVEMBER).issued).toEqual({ ...expected, byKind: { tthc: expected, qdkd: { new: 0, amended: 0, abolished: 0 } } });
  });

  it('counts TTHC and QĐKD apart as well as together (issue 22: a QĐKD is not a TTHC)', () => {
    const regulations = [regulation({ change: 'new' }), regulation({ change: 'new', kind: 'qdkd' }), regulation({ change: 'abolished', kind: 'qdkd' })];
    expect(computePeriodStatistics([draft('nghi_dinh', regulations, '2023-11-30')], NOVEMBER).issued).toEqual({
      new: 2,
      amended: 0,
      abolished: 1,
      byKind: { tthc: { new: 1, amended: 0, abolished: 0 }, qdkd: { new: 1, amended: 0, abolished: 1 } },
    });
  });
});

describe('computePeriodStatistics — kinds', () => {
  it('splits every section and the review proposals by kind', () => {
    const reviewed = (kind: Regulation['kind'], verdict: Opinion['verdict']) =>
      regulation({ kind, assessment: { template: '2010', completedAt: '2023-11-02', answers: {} }, opinions: [opinion('review', verdict, '2023-11-10')] });
    const report = computePeriodStatistics([draft('nghi_dinh', [reviewed('tthc', 'amend'), reviewed('qdkd', 'remove'), reviewed('qdkd', 'agree')])], NOVEMBER);
    expect(report.assessment.byKind).toEqual({ tthc: 1, qdkd: 2 });
    expect(report.review).toMatchObject({ regulations: 3, byKind: { tthc: 1, qdkd: 2 }, remove: 1, removeByKind: { tthc: 0, qdkd: 1 }, amend: 1, amendByKind: { tthc: 1, qdkd: 0 } });
  });
});

describe('computePeriodStatistics — cost', () => {
  // DOMAIN.md worked example: 6.000.000 đ a month, 2.000 subjects once a year.
  const hourlyIncome = 6_000_000 / 22 / 8;
  const side = (hours: number, fees: number, otherCosts: number): CostSide => ({
    activities: [{ name: 'Chuẩn bị hồ sơ', hours }],
    fees,
    otherCosts,
    population: 2000,
    frequencyPerYear: 1,
  });
  const current = side(16, 500_000, 200_000);
  const proposed = side(8, 500_000, 50_000);
  const costed = (completedAt: string, cost: { baseline?: CostSide; proposed?: CostSide }) =>
    regulation({ change: 'amended', assessment: { template: '2010', completedAt, answers: {}, cost: { year: 2023, hourlyIncome, ...cost } } });

  it.each<[string, Regulation[], { baseline: number; proposed: number; reductionShare: number }]>([
    ['the worked example', [costed('2023-11-10', { baseline: current, proposed })], { baseline: 2_490_909_090.91, proposed: 1_645_454_545.45, reductionShare: 0.3394 }],
    ['a side missing leaves the regulation out', [costed('2023-11-10', { proposed }), costed('2023-11-10', { baseline: current })], { baseline: 0, proposed: 0, reductionShare: 0 }],
    ['assessed outside the period', [costed('2023-12-10', { baseline: current, proposed })], { baseline: 0, proposed: 0, reductionShare: 0 }],
    [
      'sums over regulations; dearer proposals reduce the share',
      [costed('2023-11-10', { baseline: current, proposed }), costed('2023-11-11', { baseline: proposed, proposed: current })],
      { baseline: 4_136_363_636.36, proposed: 4_136_363_636.36, reductionShare: 0 },
    ],
  ])('%s', (_case, regulations, expected) => {
    const { cost } = computePeriodStatistics([draft('nghi_dinh', regulations)], NOVEMBER);
    expect(cost.baseline).toBeCloseTo(expected.baseline, 2);
    expect(cost.proposed).toBeCloseTo(expected.proposed, 2);
    expect(cost.reductionShare).toBeCloseTo(expected.reductionShare, 4);
  });
});

describe('periodReportSchema', () => {
  it('accepts what computePeriodStatistics returns, and the example of EXCHANGE.md', () => {
    const drafts = buildDossierForFigures([NOVEMBER_2023]).drafts;
    expect(periodReportSchema.safeParse(computePeriodStatistics(drafts, NOVEMBER)).success).toBe(true);
    const exchangeExample = {
      period: { from: '2023-11-01', to: '2023-11-30' },
      assessment: { regulations: 130, drafts: 18, draftsByType: { luat: 1, nghi_dinh: 6, thong_tu: 5, nghi_quyet_hdnd: 6 } },
      appraisal: { regulations: 78, drafts: 23, draftsByType: { nghi_dinh: 9, thong_tu: 10, nghi_quyet_hdnd: 4 } },
      review: { regulations: 20, drafts: 4, draftsByType: { nghi_dinh: 4 }, remove: 0, amend: 20, removeOrAmendShare: 1.0 },
      issued: { new: 29, amended: 50, abolished: 16 },
      cost: { baseline: 0, proposed: 0, reductionShare: 0 },
    };
    expect(periodReportSchema.parse(exchangeExample)).toEqual(exchangeExample);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a period that ends before it starts', { period: { from: '2023-11-30', to: '2023-11-01' } }],
    ['a share above 1', { review: { regulations: 1, drafts: 1, draftsByType: { nghi_dinh: 1 }, remove: 1, amend: 1, removeOrAmendShare: 2 } }],
    ['a zero kept in draftsByType', { assessment: { regulations: 0, drafts: 0, draftsByType: { luat: 0 } } }],
    ['an unknown document type', { appraisal: { regulations: 1, drafts: 1, draftsByType: { sac_lenh: 1 } } }],
  ])('rejects %s', (_case, override) => {
    const report = { ...computePeriodStatistics([], NOVEMBER), ...override };
    expect(periodReportSchema.safeParse(report).success).toBe(false);
  });
});

describe('yearToDate', () => {
  it.each<[Period, Period]>([
    [NOVEMBER, { from: '2023-01-01', to: '2023-11-30' }],
    [{ from: '2023-12-20', to: '2024-01-10' }, { from: '2024-01-01', to: '2024-01-10' }],
  ])('%o → %o', (period, expected) => {
    expect(yearToDate(period)).toEqual(expected);
  });
});

describe('buildDossierForFigures reproduces VPCP report 11/2023 (reference 002, I.2.a)', () => {
  const dossier = buildDossierForFigures(REFERENCE_002_FIGURES);

  it('is a valid dossier with unique ids, identical when built again', () => {
    expect(dossierSchema.safeParse(dossier).success).toBe(true);
    const ids = dossier.drafts.flatMap((d) => [d.id, ...d.regulations.flatMap((r) => [r.id, ...r.opinions.map((o) => o.id)])]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(buildDossierForFigures(REFERENCE_002_FIGURES)).toEqual(dossier);
  });

  it('gives the figures of the month', () => {
    expect(computePeriodStatistics(dossier.drafts, NOVEMBER)).toEqual({
      period: NOVEMBER,
      assessment: { regulations: 130, byKind: { tthc: 130, qdkd: 0 }, drafts: 18, draftsByType: { luat: 1, nghi_dinh: 6, thong_tu: 5, nghi_quyet_hdnd: 6 } },
      appraisal: { regulations: 78, byKind: { tthc: 78, qdkd: 0 }, drafts: 23, draftsByType: { nghi_dinh: 9, thong_tu: 10, nghi_quyet_hdnd: 4 } },
      review: {
        regulations: 20, byKind: { tthc: 20, qdkd: 0 }, drafts: 4, draftsByType: { nghi_dinh: 4 },
        remove: 0, removeByKind: { tthc: 0, qdkd: 0 }, amend: 20, amendByKind: { tthc: 20, qdkd: 0 }, removeOrAmendShare: 1,
      },
      issued: { new: 29, amended: 50, abolished: 16, byKind: { tthc: { new: 29, amended: 50, abolished: 16 }, qdkd: { new: 0, amended: 0, abolished: 0 } } },
      cost: { baseline: 0, proposed: 0, reductionShare: 0 },
      processingTime: { regulations: 0, baseline: 0, proposed: 0, reductionShare: null, byKind: { tthc: 0, qdkd: 0 } },
      processingTimeByMethod: {
        in_person: { regulations: 0, baseline: 0, proposed: 0, reductionShare: null },
        post: { regulations: 0, baseline: 0, proposed: 0, reductionShare: null },
        online: { regulations: 0, baseline: 0, proposed: 0, reductionShare: null },
      },
      businessConditions: { regulations: 0, baseline: 0, proposed: 0, reductionShare: null, byKind: { tthc: 0, qdkd: 0 } },
      programs: [
        expect.objectContaining({
          id: 'nq68-2020',
          targets: [
            { measure: 'compliance_cost', target: 0.2, achieved: null, met: null },
            { measure: 'procedures', target: 0.2, achieved: null, met: null },
          ],
        }),
      ],
    });
  });

  it('gives the year-to-date totals', () => {
    const report = computePeriodStatistics(dossier.drafts, yearToDate(NOVEMBER));
    expect([report.assessment.regulations, report.assessment.drafts]).toEqual([1059, 171]);
    expect([report.appraisal.regulations, report.appraisal.drafts]).toEqual([965, 161]);
    expect([report.review.regulations, report.review.drafts, report.review.remove, report.review.amend]).toEqual([1025, 62, 82, 559]);
    expect(report.review.removeOrAmendShare).toBeCloseTo(641 / 1025, 12);
  });

  it('carries the cost figures when asked to', () => {
    const figures: PeriodFigures = { period: NOVEMBER, assessment: { regulations: 3, draftsByType: { nghi_dinh: 1 } }, cost: { baseline: 1000, proposed: 750 } };
    expect(computePeriodStatistics(buildDossierForFigures([figures]).drafts, NOVEMBER).cost).toEqual({ baseline: 1000, proposed: 750, reductionShare: 0.25 });
  });

  it.each<[string, PeriodFigures]>([
    ['fewer regulations than drafts', { period: NOVEMBER, assessment: { regulations: 1, draftsByType: { luat: 2 } } }],
    ['regulations without drafts', { period: NOVEMBER, appraisal: { regulations: 3, draftsByType: {} } }],
    ['more outcomes than reviewed', { period: NOVEMBER, review: { regulations: 2, draftsByType: { nghi_dinh: 1 }, remove: 2, amend: 1 } }],
    ['cost without assessments', { period: NOVEMBER, cost: { baseline: 1, proposed: 1 } }],
  ])('refuses figures it cannot build: %s', (_case, figures) => {
    expect(() => buildDossierForFigures([figures])).toThrow(RangeError);
  });
});
