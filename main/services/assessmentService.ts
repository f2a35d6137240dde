// Impact assessment use cases (issue 3): save one regulation's questionnaire and cost worksheet, evaluate costs,
// keep the hourly income per year, and roll the figures up per draft and across drafts.
import type {
  ApiOutput,
  ApiParsedInput,
  AssessmentView,
  CostEvaluationView,
  HourlyIncomeSettings,
} from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { ASSESSMENT_TEMPLATES, defaultTemplateFor, templateRefusal, templatesFor } from '../../shared/domain/assessmentTemplate';
import { assessmentStatus, completionDate } from '../../shared/domain/assessmentStatus';
import { evaluateCostWorksheet, hourlyIncomeFromMonthly } from '../../shared/domain/cost';
import { certifiedCopiesCost, certifiedCopiesPerCase } from '../../shared/domain/certifiedCopies';
import { feePerCase } from '../../shared/domain/methodTerms';
import { combineRollups, costRollup, rollupFromCounts } from '../../shared/domain/costRollup';
import { rollupJudgingPeriod } from '../../shared/domain/costFigures';
import { draftReferenceDate } from '../../shared/domain/administrativeReference';
import { scopeClassOf } from '../../shared/domain/reformPrograms';
import { publishedRecordOf } from './publishedRecord';
import type { Assessment } from '../../shared/domain/dossier';
import type { RegulationRecord, Repositories } from '../../db/port';
import type { ServiceContext } from './context';
import { versionOf, writeVersioned } from './revisions';
import { readHourlyIncomeByYear, saveHourlyIncomeByYear } from './settingsService';
import { draftDate, requireDraft, requireRegulation } from './views';
import { requireWritableDraft } from './writeGuard';
import { localDate } from '../../shared/domain/localDate';

/**
 * For years without their own figure: 6.000.000 đ a month (DOMAIN.md's worked example) → 34.090,91 đ an hour. The
 * officer enters each year's official figure in the settings; a worksheet keeps the hourly income it was made with,
 * so changing the setting later never shifts a finished assessment.
 */
export const DEFAULT_MONTHLY_INCOME = 6_000_000;

async function hourlyIncomeForYear(repos: Repositories, year: number): Promise<number> {
  return (await readHourlyIncomeByYear(repos))[String(year)] ?? hourlyIncomeFromMonthly(DEFAULT_MONTHLY_INCOME);
}

async function hourlyIncomeSettings(repos: Repositories): Promise<HourlyIncomeSettings> {
  const byYear = Object.entries(await readHourlyIncomeByYear(repos))
    .map(([year, hourlyIncome]) => ({ year: Number(year), hourlyIncome, monthlyIncome: hourlyIncome / hourlyIncomeFromMonthly(1) }))
    .sort((a, b) => b.year - a.year);
  return { byYear, defaultMonthlyIncome: DEFAULT_MONTHLY_INCOME, defaultHourlyIncome: hourlyIncomeFromMonthly(DEFAULT_MONTHLY_INCOME) };
}

/** The day a draft's templates and cost targets are judged by: as the draft and regulation forms judge it. */
const draftDateOf = async (ctx: ServiceContext, repos: Repositories, draftId: string): Promise<string> => draftDate(ctx, repos, await requireDraft(repos, draftId));

async function templateChoice(ctx: ServiceContext, repos: Repositories, regulation: RegulationRecord): Promise<AssessmentView['templateChoice']> {
  const date = await draftDateOf(ctx, repos, regulation.draftId);
  const offered = templatesFor(regulation.kind, date).map(({ id }) => id);
  const stored = regulation.assessment?.template;
  return { date, defaultTemplateId: defaultTemplateFor(regulation.kind, date).id, offered: stored && !offered.includes(stored) ? [...offered, stored] : offered };
}

async function assessmentView(ctx: ServiceContext, repos: Repositories, regulation: RegulationRecord): Promise<AssessmentView> {
  const { assessment } = regulation;
  const year = new Date(ctx.now()).getFullYear();
  return {
    templateChoice: await templateChoice(ctx, repos, regulation),
    regulationId: regulation.id,
    version: await versionOf(repos, 'assessment', regulation.id),
    change: regulation.change,
    assessment: assessment ?? null,
    status: assessmentStatus(assessment, regulation.change),
    cost: assessment?.cost ? evaluateCostWorksheet(assessment.cost) : null,
    worksheetDefaults: {
      year,
      hourlyIncome: await hourlyIncomeForYear(repos, year),
      fees: feePerCase(regulation.components),
      otherCosts: certifiedCopiesCost(regulation.components),
      certifiedCopies: certifiedCopiesPerCase(regulation.components),
    },
    costJudging: { date: await draftDateOf(ctx, repos, regulation.draftId), scopeClass: scopeClassOf(regulation, await publishedRecordOf(repos, regulation.nationalCode)) },
  };
}

export function createAssessmentService(ctx: ServiceContext) {
  return {
    listAssessmentTemplates(_input: ApiParsedInput<'listAssessmentTemplates'>): ApiOutput<'listAssessmentTemplates'> {
      return { templates: [...ASSESSMENT_TEMPLATES] };
    },

    getAssessment({ regulationId }: ApiParsedInput<'getAssessment'>): Promise<AssessmentView> {
      return ctx.read(async (repos) => assessmentView(ctx, repos, await requireRegulation(repos, regulationId)));
    },

    /** Validates the whole assessment against the regulation's change first; a rejected one writes nothing. */
    saveAssessment({ regulationId, version, assessment }: ApiParsedInput<'saveAssessment'>): Promise<AssessmentView> {
      return ctx.tx(async (repos) => {
        const regulation = await requireRegulation(repos, regulationId);
        await requireWritableDraft(repos, regulation.draftId, 'assessment');
        const refusal = templateRefusal(assessment.template, regulation.kind, await draftDateOf(ctx, repos, regulation.draftId), regulation.assessment?.template);
        if (refusal) {
          throw new ApiError('invalid_input', `Đánh giá tác động chưa được lưu: ${refusal}`, [{ path: 'assessment.template', message: refusal }]);
        }
        const status = assessmentStatus(assessment, regulation.change);
        if (status.problems.length > 0) {
          const problems = status.problems.map((problem) => ({ ...problem, path: `assessment.${problem.path}` }));
          const detail = problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
          throw new ApiError('invalid_input', `Đánh giá tác động chưa được lưu vì có chỗ chưa hợp lệ: ${detail}`, problems);
        }
        const now = ctx.now();
        const stored: Assessment = {
          template: assessment.template,
          completedAt: completionDate(status.complete, regulation.assessment?.completedAt, localDate(now)),
          answers: assessment.answers,
          ...(assessment.cost ? { cost: assessment.cost } : {}),
        };
        const updated = { ...regulation, assessment: stored };
        await writeVersioned(repos, { record: 'assessment', id: regulationId, yourVersion: version, at: now }, (edit) => repos.regulations.saveAssessment(updated, edit));
        await repos.drafts.touch(regulation.draftId, now);
        return assessmentView(ctx, repos, updated);
      });
    },

    evaluateCost({ worksheet, options }: ApiParsedInput<'evaluateCost'>): CostEvaluationView {
      return evaluateCostWorksheet(worksheet, options);
    },

    getHourlyIncomeSettings(_input: ApiParsedInput<'getHourlyIncomeSettings'>): Promise<HourlyIncomeSettings> {
      return ctx.read(hourlyIncomeSettings);
    },

    /** Replaces the whole history: the settings page edits it as one list. */
    saveHourlyIncomeSettings({ byYear }: ApiParsedInput<'saveHourlyIncomeSettings'>): Promise<HourlyIncomeSettings> {
      return ctx.tx(async (repos) => {
        await saveHourlyIncomeByYear(repos, Object.fromEntries(byYear.map(({ year, monthlyIncome }) => [String(year), hourlyIncomeFromMonthly(monthlyIncome)])));
        return hourlyIncomeSettings(repos);
      });
    },

    getDraftAssessmentOverview({ draftId }: ApiParsedInput<'getDraftAssessmentOverview'>): Promise<ApiOutput<'getDraftAssessmentOverview'>> {
      return ctx.read(async (repos) => {
        const draft = await requireDraft(repos, draftId);
        // The roll-up sums the figures stored beside each regulation, and the checklist reads the progress stored with them.
        const judgedIn = rollupJudgingPeriod([await draftDate(ctx, repos, draft)], localDate(ctx.now()));
        const rollup = rollupFromCounts(await repos.costRollups.ofDraft(draftId), judgedIn);
        return { draftId, checklist: await repos.regulations.checklistByDraft(draftId), rollup };
      });
    },

    async getCostRollup(_input: ApiParsedInput<'getCostRollup'>): Promise<ApiOutput<'getCostRollup'>> {
      const { counts, records, latestSteps } = await ctx.read(async (repos) => ({
        counts: await repos.costRollups.byDraft(),
        records: await repos.drafts.listAll(),
        latestSteps: await repos.events.latestSteps(),
      }));
      const today = localDate(ctx.now());
      // Each draft on its own date, as its cost tab judges it (views.ts draftDate, from its latest step alone).
      const dates = records.map(({ id, issuedAt }) => {
        const latest = latestSteps.get(id);
        return draftReferenceDate({ issuedAt, events: latest === undefined ? [] : [{ at: latest }] }, today);
      });
      const drafts = records.map(({ id, docType, title, draftingAgency, status }, index) => {
        const draftCounts = counts.get(id);
        const judgedIn = rollupJudgingPeriod([dates[index]!], today);
        return { id, docType, title, draftingAgency, status, rollup: draftCounts ? rollupFromCounts(draftCounts, judgedIn) : costRollup([], judgedIn) };
      });
      return { overall: combineRollups(drafts.map(({ rollup }) => rollup), rollupJudgingPeriod(dates, today)), drafts };
    },
  };
}
