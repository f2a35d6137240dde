import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { REPORT_SQL } from '../../db/sqlite/reportsRepository';
import type { Dossier, Draft, Regulation } from '../../shared/domain/dossier';
import { monthPeriod, monthsBetween } from '../../shared/domain/dashboard';
import { periodReportParagraph } from '../../shared/domain/reportParagraph';
import { computePeriodStatistics, latestOpinion, yearToDate, type Period } from '../../shared/domain/statistics';
import type { DocType, OpinionStage } from '../../shared/domain/vocabulary';
import { buildDossierForFigures, REFERENCE_002_FIGURES } from '../../test/fixtures/reportFigures';
import { historyTo } from '../../test/fixtures/workflowHistory';
import { createTestApi, sqliteHandleOf, TEST_ENGINE } from '../../test/unit/helpers';

const id = (serial: number) => `5e9a7c10-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;
const side = (fees: number) => ({ activities: [{ name: 'Chuẩn bị hồ sơ', hours: 4 }], fees, otherCosts: 0, population: 100, frequencyPerYear: 1 });
const worksheet = (sides: { baseline?: number; proposed?: number }) => ({
  year: 2023,
  hourlyIncome: 34090.91,
  ...(sides.baseline !== undefined ? { baseline: side(sides.baseline) } : {}),
  ...(sides.proposed !== undefined ? { proposed: side(sides.proposed) } : {}),
});
let serial = 100;
const opinion = (stage: OpinionStage, verdict: 'agree' | 'amend' | 'remove', issuedAt: string) => ({
  id: id(serial++),
  stage,
  verdict,
  issuedAt,
  by: stage === 'review' ? 'Văn phòng Chính phủ' : 'Bộ Tư pháp',
  text: 'Ý kiến.',
});
const regulation = (name: string, change: Regulation['change'], completedAt: string | null, cost: ReturnType<typeof worksheet> | null, opinions: Regulation['opinions'] = []): Regulation => ({
  id: id(serial++),
  kind: 'tthc',
  change,
  name,
  components: {},
  ...(completedAt ? { assessment: { template: '2010', completedAt, answers: {}, ...(cost ? { cost } : {}) } } : {}),
  opinions,
});
const draft = (docType: DocType, draftingAgency: string, status: Draft['status'], regulations: Regulation[], extra: Partial<Draft> = {}): Draft => ({
  id: id(serial++),
  docType,
  title: `Dự thảo ${draftingAgency} ${serial}`,
  draftingAgency,
  submittedToGovernment: docType === 'nghi_dinh' || docType === 'luat',
  status,
  issuedAt: null,
  events: historyTo(status, docType === 'nghi_dinh' || docType === 'luat'),
  regulations,
  ...extra,
});

/** The cases the counting rules turn on, next to reference 002's figures. */
function edgeCaseDossier(): Dossier {
  // Assessed on 02/10 and, through appraisal, reviewed on 20/12: 11 days of waiting when the test clock starts. An
  // import takes a draft's status only from a history that leads there (issue 23, item 4).
  const reviewedHistory = historyTo('reviewed', true, '2023-10-02T09:00:00+07:00');
  reviewedHistory.at(-1)!.at = '2023-12-20T15:30:00+07:00';
  const reviewed = draft('nghi_dinh', 'Bộ Tư pháp', 'reviewed', [
    // Reviewed twice: counts only in November, by its latest verdict.
    regulation('Đăng ký khai sinh', 'amended', '2023-10-15', worksheet({ baseline: 500000, proposed: 300000 }), [
      opinion('review', 'amend', '2023-10-20'),
      opinion('review', 'remove', '2023-11-05'),
    ]),
    // Two appraisal opinions on one day: the later one stands.
    regulation('Đăng ký kết hôn', 'new', '2023-11-03', worksheet({ proposed: 200000 }), [
      opinion('appraisal', 'agree', '2023-11-10'),
      opinion('appraisal', 'amend', '2023-11-10'),
    ]),
    regulation('Cấp hộ chiếu phổ thông', 'replaced', '2023-11-30', worksheet({ baseline: 800000, proposed: 900000 }), [
      opinion('review', 'agree', '2023-11-30'),
      opinion('appraisal', 'amend', '2023-12-01'),
    ]),
  ], { events: reviewedHistory });
  const issued = draft('thong_tu', 'Bộ Y tế', 'issued', [
    regulation('Cấp chứng chỉ hành nghề dược', 'new', null, null),
    regulation('Cấp lại chứng chỉ hành nghề dược', 'replaced', null, null),
    regulation('Gia hạn giấy phép', 'amended', null, null),
    // A business regulation: counted apart from the TTHC everywhere (issue 22).
    { ...regulation('Điều kiện kinh doanh dịch vụ quảng cáo', 'abolished', '2023-11-01', worksheet({ baseline: 100000 })), kind: 'qdkd' },
  ], { issuedAt: '2023-11-15' });
  const waiting = draft('nghi_quyet_hdnd', 'Ủy ban nhân dân tỉnh Lào Cai', 'submitted_for_appraisal', [
    regulation('Cấp giấy phép xây dựng nhà ở riêng lẻ', 'amended', '2023-11-20', worksheet({ baseline: 300000, proposed: 100000 })),
  ], {
    events: [
      { at: '2023-11-25T08:00:00+07:00', action: 'complete_assessment', actor: 'Phạm D', role: 'drafter', note: '' },
      { at: '2023-12-02T10:00:00+07:00', action: 'submit_for_appraisal', actor: 'Phạm D', role: 'drafter', note: '' },
    ],
  });
  const untouched = draft('luat', 'Bộ Công an', 'drafting', [regulation('Đăng ký thường trú', 'amended', null, null)]);
  return {
    format: 'tthc-dossier',
    version: 1,
    exportedAt: '2023-12-31T10:00:00+07:00',
    exportedBy: { agency: 'Văn phòng Chính phủ', role: 'reviewer' },
    drafts: [reviewed, issued, waiting, untouched],
  };
}

async function installation() {
  const test = await createTestApi();
  for (const dossier of [buildDossierForFigures(REFERENCE_002_FIGURES), edgeCaseDossier()]) {
    const report = await test.api.importDossier({ dossier });
    expect(report.conflicts).toEqual([]);
  }
  const { drafts } = await test.api.exportDossier({});
  return { ...test, drafts };
}

const PERIODS: Array<[string, Period]> = [
  ['November 2023', { from: '2023-11-01', to: '2023-11-30' }],
  ['October 2023', { from: '2023-10-01', to: '2023-10-31' }],
  ['December 2023', { from: '2023-12-01', to: '2023-12-31' }],
  ['a single day with a second review', { from: '2023-11-05', to: '2023-11-05' }],
  ['part of a month', { from: '2023-11-10', to: '2023-11-30' }],
  ['a range across the new year', { from: '2023-12-15', to: '2024-01-31' }],
  ['the whole of 2023', { from: '2023-01-01', to: '2023-12-31' }],
  ['a year with nothing', { from: '2020-01-01', to: '2020-12-31' }],
];

describe('periodReport counts by index exactly what the counting rules count over the whole dossier', async () => {
  const { api, drafts } = await installation();

  it.each(PERIODS)('%s', async (_name, period) => {
    const view = await api.periodReport(period);
    const expected = computePeriodStatistics(drafts, period);
    const expectedYearToDate = computePeriodStatistics(drafts, yearToDate(period));
    expect(view.report).toEqual(expected);
    expect(view.yearToDate).toEqual(expectedYearToDate);
    // Section I.2's share per ministry and province is checked against its own counts below (issuedByAgency); here
    // the paragraphs must say what the counting rules count, with that share as the service computed it.
    expect(view.paragraphs).toEqual(periodReportParagraph(expected, { yearToDate: expectedYearToDate, issuedByAgency: view.issuedByAgency }));
  });

  it('reproduces reference 002 in November, plus the edge cases beside it', async () => {
    const { report, yearToDate: cumulative } = await api.periodReport({ from: '2023-11-01', to: '2023-11-30' });
    // 130 from the report, plus the edge cases assessed in November (kết hôn, hộ chiếu, quảng cáo, xây dựng).
    expect(report.assessment.regulations).toBe(130 + 4);
    expect(report.review).toMatchObject({ regulations: 20 + 2, remove: 1, amend: 20 });
    expect(cumulative.review).toMatchObject({ regulations: 1025 + 2, remove: 82 + 1, amend: 559 });
    expect(report.assessment.byKind).toEqual({ tthc: 130 + 3, qdkd: 1 });
    expect(report.issued).toEqual({
      new: 29 + 1,
      amended: 50 + 2,
      abolished: 16 + 1,
      byKind: { tthc: { new: 29 + 1, amended: 50 + 2, abolished: 16 }, qdkd: { new: 0, amended: 0, abolished: 1 } },
    });
  });

  // SQLite-only: reads SQLite's query plan (EXPLAIN QUERY PLAN).
  it.skipIf(TEST_ENGINE !== 'sqlite')('finds the standing opinion among the regulation’s own opinions, not among every opinion of the stage', async () => {
    const { ctx } = await createTestApi();
    const plan = sqliteHandleOf(ctx.store)
      .prepare(`EXPLAIN QUERY PLAN ${REPORT_SQL.opined}`)
      .all({ from: '2023-11-01', to: '2023-11-30', stage: 'review' })
      .map((row) => (row as { detail: string }).detail);
    expect(plan).toContain('SEARCH latest USING INDEX opinions_by_regulation (regulation_id=?)');
  });
});

describe('dashboard', async () => {
  const { api, drafts } = await installation();
  const range: Period = { from: '2023-10-01', to: '2023-12-31' };
  const dashboard = await api.dashboard({ from: '2023-10', to: '2023-12' });

  it('counts each month as the period report does', () => {
    expect(dashboard.monthly).toEqual(
      monthsBetween('2023-10', '2023-12').map((month) => {
        const statistics = computePeriodStatistics(drafts, monthPeriod(month));
        return { month, assessed: statistics.assessment.regulations, appraised: statistics.appraisal.regulations, reviewed: statistics.review.regulations };
      }),
    );
  });

  it.each<OpinionStage>(['appraisal', 'review'])('groups the standing %s opinions of the range by document type and by agency', (stage) => {
    const expected = new Map<string, Record<string, number>>();
    const expectedByAgency = new Map<string, number>();
    for (const draft of drafts) {
      for (const regulation of draft.regulations) {
        const standing = latestOpinion(regulation, stage);
        if (!standing || standing.issuedAt < range.from || standing.issuedAt > range.to) continue;
        const counts = expected.get(draft.docType) ?? { agree: 0, amend: 0, remove: 0 };
        counts[standing.verdict] = (counts[standing.verdict] ?? 0) + 1;
        expected.set(draft.docType, counts);
        expectedByAgency.set(draft.draftingAgency, (expectedByAgency.get(draft.draftingAgency) ?? 0) + 1);
      }
    }
    const outcomes = dashboard.outcomes[stage];
    expect(Object.fromEntries(outcomes.byDocType.map(({ key, ...counts }) => [key, counts]))).toEqual(Object.fromEntries(expected));
    const total = (group: { agree: number; amend: number; remove: number }) => group.agree + group.amend + group.remove;
    expect(outcomes.byAgency.reduce((sum, group) => sum + total(group), 0)).toBe([...expectedByAgency.values()].reduce((a, b) => a + b, 0));
    const totals = outcomes.byAgency.filter((group) => group.key !== null).map(total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it('sums the cost of the range and reads it against the target', () => {
    expect(dashboard.cost).toEqual(computePeriodStatistics(drafts, range).cost);
    expect(dashboard.cost.baseline).toBeGreaterThan(0);
  });

  it('shows how long each draft has waited since its latest event, and counts drafts without history apart', () => {
    // The test clock starts on 2024-01-01T00:00:00Z.
    const stage = (status: string) => dashboard.waiting.stages.find((entry) => entry.status === status);
    expect(stage('submitted_for_appraisal')).toEqual({ status: 'submitted_for_appraisal', drafts: 1, withoutHistory: 0, averageDays: 29, longestDays: 29 });
    expect(stage('drafting')).toMatchObject({ drafts: 1, withoutHistory: 1, averageDays: null, longestDays: null });
    expect(dashboard.waiting.stages.map((entry) => entry.status)).not.toContain('issued');
    // The longest waits first: reference 002's drafts, assessed on 02/10 (their history), 90 days before the clock's day.
    const longest = dashboard.waiting.longest.map(({ days }) => days);
    expect(dashboard.waiting.longest[0]).toMatchObject({ status: 'assessed', days: 90 });
    expect(longest).toEqual([...longest].sort((a, b) => b - a));
  });

  it('refuses a range that runs backwards or is not made of months', async () => {
    await expect(api.dashboard({ from: '2023-12', to: '2023-10' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(api.dashboard({ from: '2023-13', to: '2023-10' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('exportTableXlsx', () => {
  it('writes numbers as numbers with a Vietnamese format, keeps Vietnamese text, sizes columns, and names the file safely', async () => {
    const { api } = await createTestApi();
    const file = await api.exportTableXlsx({
      fileName: 'Ý kiến thẩm tra / theo loại văn bản',
      tables: [
        {
          sheetName: 'Theo loại văn bản',
          title: 'Ý kiến thẩm tra theo loại văn bản',
          columns: [
            { header: 'Loại văn bản', format: 'text' },
            { header: 'Đề nghị sửa đổi, bổ sung', format: 'integer' },
            { header: 'Tỷ lệ', format: 'percent', digits: 1 },
            { header: 'Chi phí', format: 'money' },
          ],
          rows: [
            ['Nghị quyết của HĐND cấp tỉnh', 1059, 0.625, 2490909091],
            ['Quyết định của Thủ tướng Chính phủ', 20, { value: 1, format: 'percent', digits: 0 }, null],
          ],
        },
      ],
    });
    expect(file.fileName).toBe('Y-kien-tham-tra-theo-loai-van-ban.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Theo loại văn bản');
    expect(sheet?.getCell('A1').value).toBe('Ý kiến thẩm tra theo loại văn bản');
    const header = sheet?.getRow(3);
    expect(header?.getCell(2).value).toBe('Đề nghị sửa đổi, bổ sung');
    const first = sheet?.getRow(4);
    expect(first?.getCell(1).value).toBe('Nghị quyết của HĐND cấp tỉnh');
    expect(first?.getCell(2).value).toBe(1059);
    expect(first?.getCell(2).numFmt).toBe('[$-42A]#,##0');
    expect(first?.getCell(3).numFmt).toBe('[$-42A]0.0%');
    expect(first?.getCell(4).numFmt).toBe('[$-42A]#,##0 "đ"');
    expect(sheet?.getRow(5).getCell(3).numFmt).toBe('[$-42A]0%');
    // Wide enough for the longest text, which is longer than its header.
    expect(sheet?.getColumn(1).width).toBeGreaterThanOrEqual('Quyết định của Thủ tướng Chính phủ'.length);
  });

  it('refuses two sheets of the same name', async () => {
    const { api } = await createTestApi();
    const table = { sheetName: 'Dữ liệu', title: 'Bảng', columns: [{ header: 'Cột', format: 'text' as const }], rows: [] };
    await expect(api.exportTableXlsx({ fileName: 'x', tables: [table, { ...table, sheetName: 'dữ liệu' }] })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

// VPCP splits the issued TTHC between the ministries and the provinces whose documents issued them (reference 002,
// I.2.c); the report printed one sentence of totals. The table is the dashboard's for the same span (issue 22).
describe('section I.2 by ministry and by province (issue 19)', () => {
  const NOVEMBER = { from: '2023-11-01', to: '2023-11-30' };
  it('prints the issued TTHC per ministry and per province under I.2, with the dashboard’s figures', async () => {
    const { api } = await createTestApi();
    const dossier = buildDossierForFigures(REFERENCE_002_FIGURES);
    const issued = dossier.drafts.filter((draft) => draft.status === 'issued');
    // Two of November's issued documents are a province's, one through its department.
    issued[0]!.draftingAgency = 'Ủy ban nhân dân tỉnh Lào Cai';
    issued[1]!.draftingAgency = 'Sở Y tế tỉnh Lào Cai';
    await api.importDossier({ dossier });
    await api.saveProfile({ agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Nguyễn Văn A' });

    const view = await api.periodReport(NOVEMBER);
    const dashboard = await api.dashboard({ from: '2023-11', to: '2023-11' });
    expect(dashboard.issuedByAgency).toEqual(view.issuedByAgency);
    expect(view.issuedByAgency.provinces.map((row) => [row.agency, row.documents])).toEqual([['Lào Cai', 2]]);
    const rows = [...view.issuedByAgency.ministries, ...view.issuedByAgency.provinces];
    expect(rows.reduce((sum, row) => sum + row.documents, 0)).toBe(8);
    for (const change of ['new', 'amended', 'abolished'] as const) {
      expect(rows.reduce((sum, row) => sum + row.byKind.tthc[change], 0)).toBe(view.report.issued.byKind.tthc[change]);
    }

    const docx = unzipSync(new Uint8Array(Buffer.from((await api.exportPeriodReport({ ...NOVEMBER, format: 'docx' })).base64, 'base64')));
    const xml = strFromU8(docx['word/document.xml']!);
    const lines = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((match) => [...(match[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    const tableRows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((row) => [...(row[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]));
    const heading = lines.indexOf('2. Số lượng TTHC được ban hành mới, sửa đổi, bổ sung hoặc bãi bỏ');
    expect(heading).toBeGreaterThan(0);
    // Two header lines: the kind over its changes.
    expect(tableRows).toContainEqual(['STT', 'Bộ, cơ quan, địa phương', 'Số văn bản', 'TTHC']);
    expect(tableRows).toContainEqual(['Ban hành mới', 'Sửa đổi, bổ sung', 'Bãi bỏ']);
    expect(tableRows).toContainEqual(['', 'Tổng cộng', '8', '29', '50', '16']);
    const laoCai = view.issuedByAgency.provinces[0]!;
    expect(tableRows).toContainEqual(['1', 'Lào Cai', '2', ...(['new', 'amended', 'abolished'] as const).map((change) => String(laoCai.byKind.tthc[change]))]);
    expect(tableRows).toContainEqual(['II', 'Địa phương (1)', '2', ...(['new', 'amended', 'abolished'] as const).map((change) => String(laoCai.byKind.tthc[change]))]);
    // Its sentence says the table's group figures, the ministries and the province named in footnotes (reference 002).
    const ministries = view.issuedByAgency.ministries;
    const sentence = lines.find((line) => line.includes('Trong đó, có: '));
    expect(sentence).toContain(`tại 06 văn bản QPPL thuộc phạm vi quản lý nhà nước của ${String(ministries.length).padStart(2, '0')} bộ`);
    // …and ends there: I.2.c counts the month only, as reference 002 does (the year to date is in the annex).
    expect(sentence).toMatch(/; có: .*, tại 02 văn bản QPPL thuộc thẩm quyền của 01 địa phương\.$/u);
    expect(xml.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2);
    const footnotes = strFromU8(docx['word/footnotes.xml']!);
    expect(footnotes).toContain(`gồm: ${ministries.map((row) => row.agency).join(', ')}.`);
    expect(footnotes).toContain('>Lào Cai.<');
    // Every row of the table keeps to one page.
    expect(xml.match(/<w:tr>[\s\S]*?<\/w:tr>/g)?.every((row) => row.includes('<w:cantSplit/>'))).toBe(true);

    const markdown = Buffer.from((await api.exportPeriodReport({ ...NOVEMBER, format: 'md' })).base64, 'base64').toString('utf8');
    expect(markdown).toContain('| **Tổng cộng** | **8** | **29** | **50** | **16** |');
    expect(markdown).toMatch(/thuộc thẩm quyền của 01 địa phương\[\^2\]\./u);
    expect(markdown).toContain('\n[^2]: Lào Cai.');
    // Imports reference 002's whole dossier and renders the report twice: 33 s on SQLite with 8 engineers' tests running.
  }, 60_000);
});
