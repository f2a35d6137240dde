// Issue 22 item 2: one figure, one definition, every surface. A draft's annual compliance cost, its reduction and its
// verdict against each program read the same on the cost tab, in Tổng hợp chi phí, in Báo cáo and on the dashboard,
// and in the report's DOCX, XLSX and Markdown: each counts the regulations as costRollup.ts countedAnnualCost does
// (new ones add their cost, abolished ones save their baseline) and judges them on the draft's own date
// (costFigures.ts rollupJudgingPeriod).
import { DOCUMENT_ABBREVIATIONS } from '../../shared/domain/abbreviations';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Dossier, Draft, MethodTerms } from '../../shared/domain/dossier';
import { measureTotal, measuresOf } from '../../shared/domain/measures';
import { targetsFor } from '../../shared/domain/reformPrograms';
import { termsPerMethod } from '../../shared/domain/methodTerms';
import { FILING_METHODS, type FilingMethod, type TimeLimitUnit } from '../../shared/domain/vocabulary';
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import { formatDecimal, formatInteger, formatMoney, formatPercent, formatTwoDigitCount } from '../../shared/i18n/format';
import { reportsMessages } from '../../shared/i18n/reportsMessages';
import { draftWorldArbitrary } from '../../test/fixtures/draftWorldArbitrary';
import { createTestApi, createTestStore } from '../../test/unit/helpers';
import { createServiceContext } from './context';

/** A document's text with each spelled-out abbreviation («quy định kinh doanh (QĐKD)») back to its short form. */
const withShortForms = (text: string): string =>
  DOCUMENT_ABBREVIATIONS.reduce((result, { short, long }) => result.replace(new RegExp(`${long} \\(${short}\\)`, 'giu'), short), text);

/** The installation's clock in June 2026, after Nghị quyết 68/NQ-CP ended: a draft of 2023 must still be judged against it. */
async function apiIn2026() {
  let tick = 0;
  const start = Date.parse('2026-06-01T02:00:00Z');
  return createTestApi(createServiceContext(await createTestStore(), { now: () => new Date(start + 1000 * tick++).toISOString() }));
}

/** One draft whose every regulation was assessed on `day`, its latest step that day too; not yet issued. */
function draftOn(day: string, draft: Draft): Draft {
  return {
    ...draft,
    status: 'assessed',
    issuedAt: null,
    events: [{ at: `${day}T09:00:00+07:00`, action: 'complete_assessment', actor: 'Nguyễn Văn A', role: 'drafter', note: '' }],
    regulations: draft.regulations.map((regulation) => ({ ...regulation, assessment: { ...regulation.assessment!, completedAt: day } })),
  };
}

const dossierOf = (world: Dossier, drafts: Draft[]): Dossier => ({ ...world, drafts });

/** `draft` as it stands while drafting, its assessments done, so that its drafter may still put regulations in the trash. */
const stillDrafting = (draft: Draft): Draft => ({ ...draft, status: 'drafting', events: [] });

/**
 * Puts the regulations `trashed` picks in the trash (by their position, cycling); the ones left, in the draft's
 * order. A regulation in the trash leaves every list and every figure.
 */
async function trashSome(api: Awaited<ReturnType<typeof apiIn2026>>['api'], draft: Draft, trashed: readonly boolean[]): Promise<Draft['regulations']> {
  const picked = (index: number) => trashed.length > 0 && trashed[index % trashed.length]!;
  for (const [index, { id }] of draft.regulations.entries()) if (picked(index)) await api.deleteRegulation({ id });
  return draft.regulations.filter((_regulation, index) => !picked(index));
}

/** What a surface says of the cost: both totals and the share as printed, and each program's verdict. */
type Figures = { baseline: string; proposed: string; share: string | null; verdicts: string[] };

const verdict = (name: string, met: boolean | null) => `${name}: ${met === null ? 'chưa có số liệu' : met ? 'đạt' : 'chưa đạt'}`;

function rollupFigures(rollup: { annual: { baseline: number; proposed: number }; reduction: { share: number | null }; targets: Array<{ name: string; met: boolean | null }> }): Figures {
  return {
    baseline: formatMoney(rollup.annual.baseline),
    proposed: formatMoney(rollup.annual.proposed),
    share: rollup.reduction.share === null ? null : formatPercent(rollup.reduction.share),
    verdicts: rollup.targets.map(({ name, met }) => verdict(name, met)),
  };
}

const docxText = (base64: string) => strFromU8(unzipSync(new Uint8Array(Buffer.from(base64, 'base64')))['word/document.xml']!).replace(/<[^>]+>/g, '');
const labels = reportsMessages.vi.reports;

/** The cost section of the report workbook's figures sheet, each figure formatted as the table formats it. */
async function workbookCost(base64: string): Promise<{ baseline: string; proposed: string; share: string; paragraphs: string[]; assessed: { tthc: number; qdkd: number } }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const [figures, text] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
  const rows: Array<[string, unknown]> = [];
  figures.eachRow((row) => rows.push([String(row.getCell(1).value ?? ''), row.getCell(2).value]));
  const costHeading = rows.findIndex(([label]) => label === labels.sections.cost);
  const inCost = (label: string) => Number(rows.slice(costHeading).find(([cell]) => cell === label)?.[1]);
  const paragraphs: string[] = [];
  text.eachRow((row) => paragraphs.push(String(row.getCell(1).value ?? '')));
  // The assessment section comes first: its rows of each kind.
  const firstOf = (label: string) => Number(rows.find(([cell]) => cell === label)?.[1]);
  return {
    assessed: { tthc: firstOf(labels.rows.regulations), qdkd: firstOf(labels.rows.businessRegulations) },
    baseline: formatMoney(inCost(labels.rows.baseline)),
    proposed: formatMoney(inCost(labels.rows.proposed)),
    share: formatPercent(inCost(labels.rows.reductionShare)),
    paragraphs,
  };
}

/** The regulation list (XLSX) as each regulation's name → its «Cách thức thực hiện» cell. */
async function readRegulationList(base64: string): Promise<Map<string, string>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(4).values as unknown[]).map((value) => String(value ?? ''));
  const nameColumn = headers.indexOf('Tên thủ tục/quy định');
  const methodsColumn = headers.indexOf(vocabularyMessages.vi.component.methods);
  const cells = new Map<string, string>();
  sheet.eachRow((row, number) => {
    if (number > 4) cells.set(String(row.getCell(nameColumn).value ?? ''), String(row.getCell(methodsColumn).value ?? ''));
  });
  return cells;
}

describe('one figure, one definition, every surface (issue 22 items 2 and 4)', () => {
  it('judges each draft on its own date on the cost tab and in Tổng hợp chi phí, not on the year it is opened in', async () => {
    const { api, ctx } = await apiIn2026();
    const world = fc.sample(draftWorldArbitrary, { seed: 22, numRuns: 1 })[0]!;
    const [first] = world.drafts as [Draft];
    const old = draftOn('2023-11-25', { ...first, id: '6f1c2a40-3b7d-4c1e-9a2b-000900000001', regulations: first.regulations.map((r, i) => ({ ...r, id: `6f1c2a40-3b7d-4c1e-9a2b-0009100000${String(i).padStart(2, '0')}` })) });
    const recent = draftOn('2026-02-10', { ...first, id: '6f1c2a40-3b7d-4c1e-9a2b-000900000002', title: 'Nghị định thử mới', regulations: first.regulations.map((r, i) => ({ ...r, id: `6f1c2a40-3b7d-4c1e-9a2b-0009200000${String(i).padStart(2, '0')}` })) });
    await api.importDossier({ dossier: dossierOf(world, [old, recent]) });

    const oldTab = (await api.getDraftAssessmentOverview({ draftId: old.id })).rollup;
    expect(oldTab.judgedIn).toEqual({ from: '2023-11-25', to: '2023-11-25' });
    expect(oldTab.targets.map(({ name, target }) => [name, target])).toEqual([['Nghị quyết 68/NQ-CP', 0.2]]);
    const recentTab = (await api.getDraftAssessmentOverview({ draftId: recent.id })).rollup;
    expect(recentTab.targets.map(({ name, target }) => [name, target])).toEqual([['Nghị quyết 66/NQ-CP', 0.3]]);

    // Program scope by procedure (issue 22): a draft of civil-status procedures alone is judged against no program.
    const civil = draftOn('2026-02-11', {
      ...first,
      id: '6f1c2a40-3b7d-4c1e-9a2b-000900000003',
      title: 'Nghị định thử hộ tịch',
      regulations: first.regulations.map((r, i) => ({ ...r, kind: 'tthc' as const, components: { ...r.components, subjects: ['Công dân Việt Nam'] }, id: `6f1c2a40-3b7d-4c1e-9a2b-0009300000${String(i).padStart(2, '0')}` })),
    });
    await api.importDossier({ dossier: dossierOf(world, [civil]) });
    expect((await api.getDraftAssessmentOverview({ draftId: civil.id })).rollup.targets).toEqual([]);

    const summary = await api.getCostRollup({});
    expect(summary.drafts.find(({ id }) => id === old.id)!.rollup).toEqual(oldTab);
    expect(summary.drafts.find(({ id }) => id === recent.id)!.rollup).toEqual(recentTab);
    // All drafts together: every program in force on one of their dates.
    expect(summary.overall.judgedIn).toEqual({ from: '2023-11-25', to: '2026-02-11' });
    expect(summary.overall.targets.map(({ name }) => name)).toEqual(['Nghị quyết 68/NQ-CP', 'Nghị quyết 66/NQ-CP']);
    await ctx.store.close();
  });

  it('the cost tab, Tổng hợp chi phí, Báo cáo, the dashboard and the report files give a generated draft the same figures', async () => {
    const DAYS = ['2023-06-15', '2024-05-10', '2025-02-20', '2025-06-16', '2026-03-01'] as const;
    await fc.assert(
      fc.asyncProperty(draftWorldArbitrary, fc.constantFrom(...DAYS), async (world, day) => {
        const draft = draftOn(day, world.drafts[0]!);
        const { api, ctx } = await apiIn2026();
        await api.importDossier({ dossier: dossierOf(world, [draft]) });
        await api.saveProfile({ agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Nguyễn Văn A' });

        const costTab = rollupFigures((await api.getDraftAssessmentOverview({ draftId: draft.id })).rollup);
        const summary = rollupFigures((await api.getCostRollup({})).drafts[0]!.rollup);
        const period = { from: day, to: day };
        const { report, paragraphs } = await api.periodReport(period);
        const reportFigures: Figures = {
          baseline: formatMoney(report.cost.baseline),
          proposed: formatMoney(report.cost.proposed),
          share: report.cost.baseline > 0 ? formatPercent(report.cost.reductionShare) : null,
          // The report lists every program in force; the cost tab those whose scope covers one of the draft's
          // regulations (issue 22): the others have nothing measured in the report either.
          verdicts: targetsFor('compliance_cost', report.programs)
            .filter(({ program }) => costTab.verdicts.some((shown) => shown.startsWith(`${program.name}:`)))
            .map(({ program, target }) => verdict(program.name, target.met)),
        };
        for (const { program, target } of targetsFor('compliance_cost', report.programs)) {
          if (!costTab.verdicts.some((shown) => shown.startsWith(`${program.name}:`))) expect(target.met).toBeNull();
        }
        const dashboard = await api.dashboard({ from: day.slice(0, 7), to: day.slice(0, 7) });
        expect(summary).toEqual(costTab);

        // A QĐKD is not a TTHC (issue 22): every surface counts the assessed regulations of each kind apart.
        const kinds = { tthc: draft.regulations.filter(({ kind }) => kind === 'tthc').length, qdkd: draft.regulations.filter(({ kind }) => kind === 'qdkd').length };
        expect(report.assessment.byKind).toEqual(kinds);
        expect(dashboard.kinds.assessment).toEqual(kinds);
        const assessedPhrase = /đánh giá tác động (?:(\d+) TTHC)?(?: và )?(?:(\d+) QĐKD)? tại/.exec(paragraphs.join(' '));
        expect({ tthc: Number(assessedPhrase?.[1] ?? 0), qdkd: Number(assessedPhrase?.[2] ?? 0) }).toEqual(kinds);
        expect(reportFigures).toEqual(costTab);
        expect({ baseline: formatMoney(dashboard.cost.baseline), proposed: formatMoney(dashboard.cost.proposed) }).toEqual({ baseline: costTab.baseline, proposed: costTab.proposed });

        // The files print the report's figures: the table's money and share, and the paragraphs' verdicts.
        const docx = docxText((await api.exportPeriodReport({ ...period, format: 'docx' })).base64);
        const markdown = Buffer.from((await api.exportPeriodReport({ ...period, format: 'md' })).base64, 'base64').toString('utf8');
        const workbook = await workbookCost((await api.exportPeriodReport({ ...period, format: 'xlsx' })).base64);
        for (const text of [docx, markdown]) {
          expect(text).toContain(costTab.baseline);
          expect(text).toContain(costTab.proposed);
        }
        expect(workbook.assessed).toEqual(kinds);
        // The document spells each abbreviation out at its first use (abbreviations.ts); the phrase is compared in short.
        expect(withShortForms(docx)).toContain(assessedPhrase![0]);
        expect(withShortForms(markdown)).toContain(assessedPhrase![0]);
        expect(workbook.baseline).toBe(costTab.baseline);
        expect(workbook.proposed).toBe(costTab.proposed);
        expect(workbook.paragraphs.slice(-paragraphs.length)).toEqual(paragraphs);
        if (costTab.share !== null) {
          expect(workbook.share).toBe(costTab.share);
          for (const text of [docx, markdown]) expect(text).toContain(costTab.share);
          const costParagraph = paragraphs.join(' ');
          for (const { name, met } of (await api.getDraftAssessmentOverview({ draftId: draft.id })).rollup.targets) {
            const program = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
            if (met === false) expect(costParagraph).toMatch(new RegExp(`chưa đạt mục tiêu [\\d,]+% của ${program}`));
            if (met === true) expect(costParagraph).toMatch(new RegExp(`(?<!chưa )(vượt|đạt) mục tiêu [\\d,]+% của ${program}`));
          }
        }
        await ctx.store.close();
      }),
      { numRuns: 12 },
    );
  }, 600_000);
  it('a time limit counts in working days on the regulation\'s screen, in Báo cáo and in its files, whichever unit each states', async () => {
    // «ngày» and «ngày làm việc» side by side (issue 22): the processing-time reduction the regulation's baseline
    // section shows (measures.ts, from the stored regulation) is the one the report sums and prints.
    const day = '2025-06-16';
    const limit = fc.record({ days: fc.integer({ min: 1, max: 90 }), unit: fc.constantFrom<TimeLimitUnit>('working', 'calendar') });
    await fc.assert(
      fc.asyncProperty(draftWorldArbitrary, fc.array(fc.record({ before: limit, after: limit }), { minLength: 1, maxLength: 6 }), fc.array(fc.boolean(), { maxLength: 4 }), async (world, limits, trashed) => {
        const generated = stillDrafting(draftOn(day, world.drafts[0]!));
        const draft: Draft = {
          ...generated,
          regulations: generated.regulations.map((regulation, index) => {
            const { before, after } = limits[index % limits.length]!;
            return {
              ...regulation,
              components: { ...regulation.components, timeLimitDays: after.days, timeLimitUnit: after.unit },
              ...(regulation.change === 'new' ? {} : { baseline: { timeLimitDays: before.days, timeLimitUnit: before.unit } }),
            };
          }),
        };
        const { api, ctx } = await apiIn2026();
        await api.importDossier({ dossier: dossierOf(world, [draft]) });
        // A regulation in the trash counts in neither total, on either engine.
        const kept = await trashSome(api, draft, trashed);
        await api.saveProfile({ agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Nguyễn Văn A' });

        const stored = await Promise.all(kept.map(({ id }) => api.getRegulation({ id })));
        const onScreen = measureTotal(stored.map((regulation) => measuresOf(regulation).timeLimitDays));
        const period = { from: day, to: day };
        const { report, paragraphs } = await api.periodReport(period);
        expect(report.processingTime?.regulations).toBe(onScreen.regulations);
        expect(report.processingTime?.baseline).toBeCloseTo(onScreen.baseline, 9);
        expect(report.processingTime?.proposed).toBeCloseTo(onScreen.proposed, 9);
        const conditions = measureTotal(stored.map((regulation) => measuresOf(regulation).businessConditions));
        expect({ regulations: report.businessConditions?.regulations ?? 0, baseline: report.businessConditions?.baseline ?? 0, proposed: report.businessConditions?.proposed ?? 0 }).toEqual({
          regulations: conditions.regulations,
          baseline: conditions.baseline,
          proposed: conditions.proposed,
        });
        // Up to the sentence's full stop: a Vietnamese thousands separator (1.000%) is a dot too.
        const sentence = paragraphs.join(' ').match(/tổng thời hạn giải quyết .*?\.(?=\s|$)/)?.[0];
        if (onScreen.reductionShare === null) {
          expect(sentence).toBeUndefined();
        } else {
          // An unchanged total is said as such («giữ nguyên ở mức …»), not as a change of 0%.
          expect(sentence).toContain(onScreen.reductionShare === 0 ? 'giữ nguyên' : formatPercent(Math.abs(onScreen.reductionShare)));
          expect(sentence).toContain('ngày làm việc');
          const docx = docxText((await api.exportPeriodReport({ ...period, format: 'docx' })).base64);
          const markdown = Buffer.from((await api.exportPeriodReport({ ...period, format: 'md' })).base64, 'base64').toString('utf8');
          for (const text of [docx, markdown]) expect(text).toContain(sentence);
        }
        await ctx.store.close();
      }),
      { numRuns: 6 },
    );
  }, 600_000);
  it('sums each filing method\'s time limits the same way in Báo cáo, its DOCX, XLSX and Markdown and on the dashboard', async () => {
    // Issue 22 item 3: the per-method pairs stored beside each regulation (migration 0350) are summed per method by
    // the report and the dashboard on either engine. The expected sums are written out from the generated terms.
    const day = '2025-06-16';
    // Halves too (issue 22): a total of 7,5 days prints as 7,5 on every surface, not 8.
    const days = fc.integer({ min: 1, max: 120 }).map((halves) => halves / 2);
    const methodsWorld = fc.record({
      methods: fc.shuffledSubarray([...FILING_METHODS], { minLength: 1 }),
      before: days,
      after: days,
      own: fc.array(fc.record({ before: fc.option(days, { nil: undefined }), after: fc.option(days, { nil: undefined }) }), { minLength: 3, maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(draftWorldArbitrary, methodsWorld, fc.array(fc.boolean(), { maxLength: 4 }), async (world, terms, trashed) => {
        const generated = stillDrafting(draftOn(day, world.drafts[0]!));
        const stated = (side: 'before' | 'after'): MethodTerms[] =>
          terms.methods.flatMap((method, index) => {
            const own = terms.own[index]![side];
            return own === undefined ? [] : [{ method, timeLimitDays: own }];
          });
        const draft: Draft = {
          ...generated,
          regulations: generated.regulations.map((regulation) => ({
            ...regulation,
            components: { ...regulation.components, methods: terms.methods, timeLimitDays: terms.after, timeLimitUnit: 'working' as const, methodTerms: stated('after') },
            ...(regulation.change === 'new' ? {} : { baseline: { ...regulation.baseline, timeLimitDays: terms.before, timeLimitUnit: 'working' as const, methodTerms: stated('before') } }),
          })),
        };
        const { api, ctx } = await apiIn2026();
        await api.importDossier({ dossier: dossierOf(world, [draft]) });
        // A regulation in the trash counts for no method, on either engine.
        const kept = await trashSome(api, draft, trashed);
        await api.saveProfile({ agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Nguyễn Văn A' });
        // Written out: each method of each amended or replaced regulation, its own limit where it states one.
        const counted = kept.filter(({ change }) => change === 'amended' || change === 'replaced').length;
        const expected = Object.fromEntries(
          FILING_METHODS.map((method) => {
            const index = terms.methods.indexOf(method);
            if (index < 0 || counted === 0) return [method, { regulations: 0, baseline: 0, proposed: 0 }];
            const own = terms.own[index]!;
            return [method, { regulations: counted, baseline: counted * (own.before ?? terms.before), proposed: counted * (own.after ?? terms.after) }];
          }),
        ) as Record<FilingMethod, { regulations: number; baseline: number; proposed: number }>;

        const period = { from: day, to: day };
        const { report } = await api.periodReport(period);
        const dashboard = await api.dashboard({ from: day.slice(0, 7), to: day.slice(0, 7) });
        for (const method of FILING_METHODS) {
          for (const surface of [report.processingTimeByMethod[method], dashboard.processingTimeByMethod[method]]) {
            expect({ regulations: surface.regulations, baseline: surface.baseline, proposed: surface.proposed }, method).toEqual(expected[method]);
          }
        }
        // The report's table prints each measured method's before and after (the day and the year to date alike).
        const docx = docxText((await api.exportPeriodReport({ ...period, format: 'docx' })).base64);
        const markdown = Buffer.from((await api.exportPeriodReport({ ...period, format: 'md' })).base64, 'base64').toString('utf8');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(Buffer.from((await api.exportPeriodReport({ ...period, format: 'xlsx' })).base64, 'base64') as unknown as ArrayBuffer);
        const cells = new Map<string, unknown>();
        const cellFormats = new Map<string, string>();
        workbook.worksheets[0]!.eachRow((row) => {
          cells.set(String(row.getCell(1).value ?? ''), row.getCell(2).value);
          cellFormats.set(String(row.getCell(1).value ?? ''), row.getCell(2).numFmt ?? '');
        });
        for (const method of FILING_METHODS) {
          const name = vocabularyMessages.vi.method[method];
          for (const [template, value] of [
            [labels.rows.methodBaseline, expected[method].baseline],
            [labels.rows.methodProposed, expected[method].proposed],
          ] as const) {
            const label = template.replace('{{method}}', name);
            if (expected[method].regulations === 0) {
              expect(markdown).not.toContain(label);
              continue;
            }
            // Written out: whole days without decimals, halves to one decimal.
            const printed = Number.isInteger(value) ? formatInteger(value) : formatDecimal(value, 1);
            expect(markdown).toContain(`| &emsp;– ${label} | ${printed} | ${printed} |`);
            expect(docx).toContain(`– ${label}${printed}${printed}`);
            expect(cells.get(`– ${label}`), label).toBe(value);
            // The spreadsheet shows the half too: its number format has one decimal where the value is not whole.
            expect(cellFormats.get(`– ${label}`), label).toMatch(Number.isInteger(value) ? /#,##0(?!\.0)/ : /#,##0\.0(?!0)/);
          }
        }
        await ctx.store.close();
      }),
      { numRuns: 6 },
    );
  }, 600_000);
  it('gives each filing method the same time limit and fee on the form, the cost tab and in the exported files, not the first method\'s for all', async () => {
    // Issue 22 item 5: the time limit and fee per filing method, as the national database records them. The form reads
    // them back per method (getRegulation), the cost tab starts its fee from every method's (getAssessment's
    // worksheetDefaults, methodTerms.ts feePerCase: their mean), the assessment form (DOCX) and the regulation list
    // (XLSX) print each method's own. The expectations below are written out from the generated terms, not taken
    // from the functions under test.
    const day = '2025-06-16';
    const limit = fc.record({ days: fc.integer({ min: 1, max: 60 }), unit: fc.constantFrom<TimeLimitUnit>('working', 'calendar') });
    const methodsWorld = fc.record({
      methods: fc.shuffledSubarray([...FILING_METHODS], { minLength: 2 }),
      general: limit,
      fees: fc.array(fc.record({ name: fc.constantFrom('Lệ phí cấp giấy phép', 'Phí thẩm định'), amount: fc.integer({ min: 0, max: 2_000 }).map((thousands) => thousands * 1000) }), { maxLength: 2 }),
      // The first method may keep the procedure's terms; every other one states a fee of its own that differs, so a
      // surface that took the first method's fee for all would print or count a wrong one.
      own: fc.array(fc.record({ limit: fc.option(limit, { nil: undefined }), feeAbove: fc.option(fc.integer({ min: 1, max: 3_000 }).map((thousands) => thousands * 1000), { nil: undefined }) }), { minLength: 3, maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(draftWorldArbitrary, methodsWorld, async (world, terms) => {
        const generalFee = terms.fees.reduce((sum, { amount }) => sum + amount, 0);
        const methodTerms: MethodTerms[] = terms.methods.map((method, index) => {
          const { limit: ownLimit, feeAbove } = terms.own[index]!;
          const fee = index === 0 ? (feeAbove === undefined ? undefined : generalFee + feeAbove) : generalFee + (feeAbove ?? index * 1000);
          return { method, ...(ownLimit ? { timeLimitDays: ownLimit.days, ...(ownLimit.unit === 'calendar' ? { timeLimitUnit: 'calendar' as const } : {}) } : {}), ...(fee === undefined ? {} : { fee }) };
        });
        const expected = terms.methods.map((method, index) => {
          const ownLimit = terms.own[index]!.limit;
          return { method, limit: ownLimit ?? terms.general, fee: methodTerms[index]!.fee ?? generalFee };
        });
        const generated = draftOn(day, world.drafts[0]!);
        const draft: Draft = {
          ...generated,
          regulations: generated.regulations.map((regulation) =>
            regulation.kind === 'qdkd'
              ? regulation
              : {
                  ...regulation,
                  components: {
                    ...regulation.components,
                    methods: terms.methods,
                    timeLimitDays: terms.general.days,
                    ...(terms.general.unit === 'calendar' ? { timeLimitUnit: 'calendar' as const } : {}),
                    fees: terms.fees,
                    methodTerms,
                  },
                },
          ),
        };
        const procedures = draft.regulations.filter(({ kind }) => kind === 'tthc');
        fc.pre(procedures.length > 0);
        const { api, ctx } = await apiIn2026();
        await api.importDossier({ dossier: dossierOf(world, [draft]) });

        const unitWord = (unit: TimeLimitUnit) => (unit === 'calendar' ? 'ngày' : 'ngày làm việc');
        const label = (method: FilingMethod) => vocabularyMessages.vi.method[method];
        // What a printed list says of a method: its name, then its own time limit and fee where they differ from the procedure's.
        // The assessment form writes counts and money as the official form does: «05 ngày», «25.000 đồng».
        const printedLine = ({ method, limit: own, fee }: (typeof expected)[number], inForm = false) => {
          const days = inForm && Number.isInteger(own.days) ? formatTwoDigitCount(own.days) : `${own.days}`;
          const parts = [
            ...(own.days !== terms.general.days || own.unit !== terms.general.unit ? [`${days} ${unitWord(own.unit)}`] : []),
            ...(fee !== generalFee ? [formatMoney(fee, 'vi', inForm ? 'word' : 'short')] : []),
          ];
          return parts.length === 0 ? label(method) : `${label(method)}: ${parts.join('; ')}`;
        };
        const list = await readRegulationList((await api.exportRegulationList({ draftId: draft.id })).base64);
        for (const procedure of procedures) {
          const stored = await api.getRegulation({ id: procedure.id });
          expect(termsPerMethod(stored.components).map(({ method, timeLimit, fee }) => ({ method, limit: timeLimit, fee }))).toEqual(expected);
          const meanFee = expected.reduce((sum, { fee }) => sum + fee, 0) / expected.length;
          expect((await api.getAssessment({ regulationId: procedure.id })).worksheetDefaults.fees).toBeCloseTo(meanFee, 6);
          const form = docxText((await api.exportAssessmentForm({ regulationId: procedure.id })).base64);
          const listed = list.get(procedure.name)!;
          for (const method of expected) {
            expect(form).toContain(printedLine(method, true));
            expect(listed).toContain(printedLine(method));
          }
        }
        await ctx.store.close();
      }),
      { numRuns: 8 },
    );
  }, 600_000);
});
