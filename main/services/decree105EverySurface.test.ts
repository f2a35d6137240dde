// Issue 22, "Done when": the realistic decree (amending NĐ 105/2017, test/fixtures/decree105Dossier.ts) entered once,
// as an officer enters it — draft, then each regulation's components, then its questionnaire, then its worksheet
// started from what the app offers — reads the same figures under the same program on every surface: the
// questionnaire's per-item groups, the worksheet's starting figures, the cost tab, Tổng hợp chi phí, Báo cáo (data,
// DOCX, Markdown), the dashboard, the assessment form (DOCX) and the regulation list (XLSX). Entered on two days, so
// that each program is met: in 2023 the draft is judged against Nghị quyết 68/NQ-CP (20%), in July 2025 against
// Nghị quyết 66/NQ-CP (30%) as well, on the 2025 questionnaire, whose per-item groups list the components.
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { groupRows } from '../../shared/domain/assessment';
import { findTemplate, templateQuestions, type AssessmentTemplate } from '../../shared/domain/assessmentTemplate';
import { componentItemNames, populationFromAnswers, shownRows } from '../../shared/domain/componentRows';
import { componentLines } from '../../shared/domain/componentText';
import type { CostSide, CostWorksheet, Regulation, RegulationBaseline } from '../../shared/domain/dossier';
import { formatInteger, formatMoney, formatPercent } from '../../shared/i18n/format';
import { reportsMessages } from '../../shared/i18n/reportsMessages';
import { FILING_METHODS, type FilingMethod } from '../../shared/domain/vocabulary';
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import { DECREE_105_CATALOGUE, decree105Dossier, DECREE_105_AGENCY, DECREE_105_TITLE } from '../../test/fixtures/decree105Dossier';
import { answerEverything } from '../../test/unit/assessmentAnswers';
import { createTestApi, createTestStore } from '../../test/unit/helpers';
import { createServiceContext } from './context';

const decree = decree105Dossier.drafts[0]!;

/** The yearly subjects the officer states per subject on the 2025 questionnaire: the worksheet's population, split. */
const SUBJECTS_PER_YEAR: Readonly<Record<string, readonly number[]>> = { 'Cấp Giấy phép bán lẻ rượu': [2000, 1000] };

/**
 * Each per-item group of the template answered as the officer would: one row per component item the group lists
 * (shownRows), each field filled, the subjects' yearly number being the worksheet's population.
 */
function groupAnswers(template: AssessmentTemplate, regulation: Regulation): Record<string, unknown> {
  const given: Record<string, unknown> = {};
  for (const { key, question } of templateQuestions(template)) {
    if (question.answerType === 'choice') given[key] = question.supportsKeepingWhen ?? question.options![0]!.value;
    if (!question.rowsFrom) continue;
    const rows = shownRows(question, [], regulation.components);
    if (rows.length === 0) continue;
    const population = regulation.assessment!.cost!.proposed?.population ?? regulation.assessment!.cost!.baseline!.population;
    const perYear = SUBJECTS_PER_YEAR[regulation.name] ?? [population];
    given[key] = rows.map(({ row }, index) =>
      Object.fromEntries(
        (question.fields ?? []).map((field) => {
          if (field.id === question.rowsFrom!.field) return [field.id, row[field.id]];
          if (field.id === question.countsPopulation?.field) return [field.id, perYear[index] ?? 0];
          if (field.answerType === 'choice') return [field.id, field.supportsKeepingWhen ?? field.options![0]!.value];
          if (field.answerType === 'number') return [field.id, 1];
          if (field.answerType === 'yes_no') return [field.id, field.supportsKeepingWhen ?? true];
          return [field.id, 'Nội dung trả lời'];
        }),
      ),
    );
  }
  return given;
}

/** What one side costs a year, written out: (hours × hourly income + fees + other costs) × subjects × cases a year. */
const yearly = (side: CostSide | undefined, hourlyIncome: number) =>
  side ? (side.activities.reduce((sum, { hours }) => sum + hours, 0) * hourlyIncome + side.fees + side.otherCosts) * side.population * side.frequencyPerYear : 0;

const docxText = (base64: string) => strFromU8(unzipSync(new Uint8Array(Buffer.from(base64, 'base64')))['word/document.xml']!).replace(/<[^>]+>/g, '');

/** The regulation list (XLSX): each regulation's name → its cells by header. */
async function regulationList(base64: string): Promise<Map<string, Map<string, string>>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headers = Array.from(sheet.getRow(4).values as unknown[], (value) => String(value ?? ''));
  const list = new Map<string, Map<string, string>>();
  sheet.eachRow((row, number) => {
    if (number <= 4) return;
    const cells = new Map(headers.flatMap((header, column) => (column === 0 ? [] : [[header, String(row.getCell(column).value ?? '')] as const])));
    list.set(cells.get('Tên thủ tục/quy định')!, cells);
  });
  return list;
}

/**
 * The time limits before the draft that the officer types in the regulation's baseline, in working days (issue 22):
 * the procedure's, and a method's own where it had one. Each method the draft offers is compared with its own.
 */
const BEFORE: Readonly<Record<string, RegulationBaseline>> = {
  'Cấp Giấy phép sản xuất rượu công nghiệp': { timeLimitDays: 15 },
  'Cấp Giấy phép phân phối rượu': { timeLimitDays: 15, methodTerms: [{ method: 'post', timeLimitDays: 20 }] },
  'Cấp Giấy phép bán lẻ rượu': { timeLimitDays: 15, methodTerms: [{ method: 'online', timeLimitDays: 12 }] },
};

/** The national database's record of the licence the decree abolishes, as the officer imports it. */
const ON_PREMISES_RECORD = DECREE_105_CATALOGUE.procedures[0];

/** The programs' achieved share of the compliance cost of the regulations in their scope, as printed. */
const ACHIEVED_IN_SCOPE = '75,01%';

const CASES = [
  { day: '2023-02-20', template: { tthc: '2010', qdkd: '2021-qdkd' }, programs: [{ name: 'Nghị quyết 68/NQ-CP', target: 0.2 }] },
  // Both in force until Nghị quyết 68/NQ-CP ends with 2025, over the same scope.
  {
    day: '2025-07-15',
    template: { tthc: '2025', qdkd: '2025-qdkd' },
    programs: [
      { name: 'Nghị quyết 68/NQ-CP', target: 0.2 },
      { name: 'Nghị quyết 66/NQ-CP', target: 0.3 },
    ],
  },
] as const;

describe('the realistic decree entered once reads the same on every surface (issue 22, Done when)', () => {
  for (const { day, template: expectedTemplate, programs } of CASES) {
    it(`entered on ${day}: every figure under ${programs.map(({ name }) => name).join(' and ')} on the questionnaire, worksheet, cost tab, Tổng hợp chi phí, Báo cáo, dashboard, form and list`, async () => {
      let tick = 0;
      const start = Date.parse(`${day}T02:00:00Z`);
      const ctx = createServiceContext(await createTestStore(), { now: () => new Date(start + 1000 * tick++).toISOString() });
      const { api } = await createTestApi(ctx);
      await api.saveProfile({ agency: DECREE_105_AGENCY, role: 'drafter', officerName: 'Phạm Thu Trang' });
      // The national database's record of the licence the decree abolishes: its components are left empty in the
      // draft, so its subjects — and so its scope — come from the record (issue 22).
      await api.importCatalogue({ catalogue: DECREE_105_CATALOGUE });
      const draft = await api.createDraft({ docType: 'nghi_dinh', title: DECREE_105_TITLE, draftingAgency: DECREE_105_AGENCY, submittedToGovernment: true });

      const expected = { baseline: 0, proposed: 0 };
      // What the program measures: the regulations in its scope (a QĐKD, a TTHC one of whose subjects is a business).
      const inScope = { baseline: 0, proposed: 0 };
      const entered: Array<{ id: string; source: Regulation }> = [];
      for (const source of decree.regulations) {
        const { kind, change, nationalCode, name, article, field, level, components } = source;
        const baseline = BEFORE[name];
        const created = await api.createRegulation({ draftId: draft.id, fields: { kind, change, nationalCode, name, article, field, level, components, ...(baseline ? { baseline } : {}) } });
        entered.push({ id: created.id, source });

        // The questionnaire: the template the app offers on that day, its per-item groups listing the components.
        const view = await api.getAssessment({ regulationId: created.id });
        const template = findTemplate(view.templateChoice.defaultTemplateId)!;
        expect(template.id).toBe(kind === 'qdkd' ? expectedTemplate.qdkd : expectedTemplate.tthc);
        const given = groupAnswers(template, source);
        const answers = answerEverything(template, change, {
          ...(change === 'abolished' ? { 'necessity.conclusion': false } : {}),
          ...(given as Record<string, never>),
        });

        // The worksheet starts from the components: the fee per case the fees declare, the certified copies' cost,
        // and the subjects a year the questionnaire gives; the officer then types only the hours and other costs.
        const population = populationFromAnswers(template, answers);
        const typed = source.assessment!.cost!;
        expect(view.worksheetDefaults.fees).toBe((components.fees ?? []).reduce((sum, fee) => sum + fee.amount, 0));
        const started = (side: CostSide | undefined): CostSide | undefined =>
          side && {
            ...side,
            fees: view.worksheetDefaults.fees,
            otherCosts: side.otherCosts + view.worksheetDefaults.otherCosts,
            population: population ?? side.population,
          };
        const worksheet: CostWorksheet = { year: typed.year, hourlyIncome: typed.hourlyIncome, baseline: started(typed.baseline), proposed: started(typed.proposed) };
        if (population !== undefined) {
          // Entered once: the subjects typed in the questionnaire are the worksheet's, as the officer typed them in the worksheet.
          expect(population).toBe((typed.proposed ?? typed.baseline)!.population);
        }
        await api.saveAssessment({ regulationId: created.id, version: view.version, assessment: { template: template.id, answers, cost: worksheet } });
        // The questionnaire shows each per-item group as one row per component item, each holding the answers saved for it.
        const saved = (await api.getAssessment({ regulationId: created.id })).assessment!;
        for (const { key, question } of templateQuestions(template)) {
          if (!question.rowsFrom) continue;
          const shown = shownRows(question, groupRows(saved.answers[key]), source.components);
          expect(shown.map(({ item }) => item)).toEqual(componentItemNames(source.components, question.rowsFrom.component));
          expect(shown.every(({ row }) => Object.keys(row).length === (question.fields ?? []).length)).toBe(true);
        }
        expected.baseline += yearly(worksheet.baseline, worksheet.hourlyIncome);
        expected.proposed += yearly(worksheet.proposed, worksheet.hourlyIncome);
        const subjects: readonly string[] = (components.subjects ?? []).length > 0 ? components.subjects! : nationalCode === ON_PREMISES_RECORD.code ? ON_PREMISES_RECORD.subjects : [];
        if (kind === 'qdkd' || subjects.some((subject) => /Doanh nghiệp|Hộ kinh doanh|Thương nhân/.test(subject))) {
          inScope.baseline += yearly(worksheet.baseline, worksheet.hourlyIncome);
          inScope.proposed += yearly(worksheet.proposed, worksheet.hourlyIncome);
        }
      }
      await api.transition({ draftId: draft.id, action: 'complete_assessment' });
      const share = (expected.baseline - expected.proposed) / expected.baseline;
      const achieved = (inScope.baseline - inScope.proposed) / inScope.baseline;
      // The abolished licence saves its whole baseline within the programs' scope: 30,83% without it (issue 22).
      expect(formatPercent(achieved)).toBe(ACHIEVED_IN_SCOPE);

      const printed = { baseline: formatMoney(expected.baseline), proposed: formatMoney(expected.proposed), share: formatPercent(share) };
      const verdicts = programs.map(({ name, target }) => `${name}: ${formatPercent(achieved)} ${achieved >= target ? 'đạt' : 'chưa đạt'}`);
      type Judged = { name: string; targets: ReadonlyArray<{ measure: string; achieved: number | null; met: boolean | null }> };
      const costVerdicts = (programs: readonly Judged[]) =>
        programs.flatMap(({ name, targets }) => targets.filter((target) => target.measure === 'compliance_cost' && target.met !== null).map((target) => `${name}: ${formatPercent(target.achieved!)} ${target.met ? 'đạt' : 'chưa đạt'}`));

      // The cost tab and Tổng hợp chi phí: one roll-up, under the programs in force on the draft's date.
      const costTab = (await api.getDraftAssessmentOverview({ draftId: draft.id })).rollup;
      const summary = (await api.getCostRollup({})).drafts.find(({ id }) => id === draft.id)!.rollup;
      expect(summary).toEqual(costTab);
      expect({ baseline: formatMoney(costTab.annual.baseline), proposed: formatMoney(costTab.annual.proposed), share: formatPercent(costTab.reduction.share!) }).toEqual(printed);
      expect(costTab.targets.map(({ name, target }) => ({ name, target }))).toEqual(programs);
      expect(costVerdicts(costTab.targets.map((target) => ({ name: target.name, targets: [{ ...target, measure: 'compliance_cost' }] })))).toEqual(verdicts);

      // Báo cáo for the day the assessment was finished: the same totals and share, judged against the same programs.
      // Báo cáo is VPCP's to write: the same database read by its officer.
      await api.saveProfile({ agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Đỗ Quang Huy' });
      const period = { from: day, to: day };
      const { report, paragraphs } = await api.periodReport(period);
      expect({ baseline: formatMoney(report.cost.baseline), proposed: formatMoney(report.cost.proposed), share: formatPercent(report.cost.reductionShare) }).toEqual(printed);
      expect(costVerdicts(report.programs)).toEqual(verdicts);
      const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      const costSentences = programs.map(({ name, target }) =>
        achieved >= target ? new RegExp(`(?<!chưa )(?:đạt|vượt) mục tiêu ${escaped(formatPercent(target))} của ${escaped(name)}`) : new RegExp(`chưa đạt mục tiêu ${escaped(formatPercent(target))} của ${escaped(name)}`),
      );
      const docx = docxText((await api.exportPeriodReport({ ...period, format: 'docx' })).base64);
      const markdown = Buffer.from((await api.exportPeriodReport({ ...period, format: 'md' })).base64, 'base64').toString('utf8');
      for (const text of [paragraphs.join(' '), docx, markdown]) {
        expect(text).toContain(printed.share);
        expect(text).toContain(formatPercent(achieved));
        for (const sentence of costSentences) expect(text).toMatch(sentence);
      }
      for (const text of [docx, markdown]) {
        expect(text).toContain(printed.baseline);
        expect(text).toContain(printed.proposed);
      }
      expect(paragraphs.join(' ')).toContain('đánh giá tác động 05 TTHC và 01 QĐKD');

      // The dashboard for the month: the same totals, the same programs' verdicts.
      const dashboard = await api.dashboard({ from: day.slice(0, 7), to: day.slice(0, 7) });
      expect({ baseline: formatMoney(dashboard.cost.baseline), proposed: formatMoney(dashboard.cost.proposed), share: formatPercent(dashboard.cost.reductionShare) }).toEqual(printed);
      expect(costVerdicts(dashboard.programs)).toEqual(verdicts);

      // The time limits per filing method, written out from what was typed: each method the draft offers, its limit
      // after (the procedure's, none stating its own) against its own before; Báo cáo, its files and the dashboard agree.
      const byMethod = Object.fromEntries(FILING_METHODS.map((method) => [method, { regulations: 0, baseline: 0, proposed: 0 }])) as Record<FilingMethod, { regulations: number; baseline: number; proposed: number }>;
      for (const { source } of entered) {
        const before = BEFORE[source.name];
        if (!before) continue;
        for (const method of source.components.methods ?? []) {
          byMethod[method].regulations += 1;
          byMethod[method].baseline += before.methodTerms?.find((terms) => terms.method === method)?.timeLimitDays ?? before.timeLimitDays!;
          byMethod[method].proposed += source.components.timeLimitDays!;
        }
      }
      const rowLabels = reportsMessages.vi.reports.rows;
      for (const method of FILING_METHODS) {
        for (const surface of [report.processingTimeByMethod[method], dashboard.processingTimeByMethod[method]]) {
          expect({ regulations: surface.regulations, baseline: surface.baseline, proposed: surface.proposed }, method).toEqual(byMethod[method]);
        }
        const name = vocabularyMessages.vi.method[method];
        for (const [template, value] of [
          [rowLabels.methodBaseline, byMethod[method].baseline],
          [rowLabels.methodProposed, byMethod[method].proposed],
        ] as const) {
          const label = template.replace('{{method}}', name);
          expect(markdown).toContain(`| &emsp;– ${label} | ${formatInteger(value)} | ${formatInteger(value)} |`);
          expect(docx).toContain(`– ${label}${formatInteger(value)}${formatInteger(value)}`);
        }
      }

      // The assessment form of the whole draft: the same totals; each regulation's saving judged against the same programs.
      const form = docxText((await api.exportAssessmentForm({ draftId: draft.id })).base64);
      // The form writes the unit as the official form does («đồng»); the figures are the same.
      expect(form).toContain(`Tổng cộng${formatMoney(expected.baseline, 'vi', 'word')}${formatMoney(expected.proposed, 'vi', 'word')}`);
      const judgedPrograms = [...form.matchAll(/mục tiêu cắt giảm tối thiểu [\d,]+% của (Nghị quyết \d+\/NQ-CP)/g)].map((match) => match[1]);
      expect(judgedPrograms.length).toBeGreaterThan(0);
      expect(new Set(judgedPrograms)).toEqual(new Set(programs.map(({ name }) => name)));

      // The regulation list: each procedure's methods, time limit and fees as the components state them.
      const list = await regulationList((await api.exportRegulationList({ draftId: draft.id })).base64);
      const label = vocabularyMessages.vi.component;
      for (const { source } of entered) {
        const row = list.get(source.name)!;
        for (const key of ['methods', 'timeLimitDays', 'fees'] as const) expect(row.get(label[key]) ?? '').toBe(componentLines(source.components, key).join('\n'));
      }
      await ctx.store.close();
    }, 120_000);
  }
});
