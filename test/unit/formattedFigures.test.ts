// Issue 22, item 7: numbers as people write them. Every figure of a generated world, formatted as each surface
// formats it — the cost tab and roll-ups through the shared formatters, the period report's paragraphs and table, its
// Markdown, the assessment form DOCX and the review findings — carries no binary-float residue ("7,000000000000001",
// "0,30000000000000004", "1e-7") and no more decimals than its kind has (money none, shares two, scores none).
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_HORIZON } from '../../shared/domain/cost';
import { periodReportDocument, formatFigure } from '../../shared/domain/periodReportTable';
import { formatMoney, formatPercent, formatScore, percentOfShare } from '../../shared/i18n/format';
import { draftWorldArbitrary } from '../fixtures/draftWorldArbitrary';
import { createTestApi } from './helpers';

/** What no Vietnamese figure may contain: a float's tail, more than two decimals, an exponent, a non-number. */
const ARTEFACTS: ReadonlyArray<[string, RegExp]> = [
  ['a run of 0s or 9s in the decimals', /,\d*(000|999)/],
  ['more than two decimals', /\d,\d{3,}/],
  ['an unformatted decimal point', /\d\.\d{4,}|\d\.\d{1,2}(?!\d)/],
  ['an exponent', /\d[eE][+-]?\d/],
  ['a non-number', /NaN|Infinity|undefined/],
];

function artefactsIn(texts: readonly string[]): string[] {
  return texts.flatMap((text) => ARTEFACTS.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${what}: ${text}`));
}

const base64Text = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');
const docxText = (base64: string) => {
  const document = strFromU8(unzipSync(new Uint8Array(Buffer.from(base64, 'base64')))['word/document.xml']!);
  return [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((match) => [...(match[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((text) => text[1]).join(''));
};

describe('formatted figures', () => {
  it('the percent fields open on their default without binary residue', () => {
    // The multi-year view opened on "7,000000000000001 %" (0.07 × 100) for the discount rate.
    expect(artefactsIn([String(percentOfShare(DEFAULT_COST_HORIZON.discountRate)), String(percentOfShare(DEFAULT_COST_HORIZON.growthRate))])).toEqual([]);
  });

  it('carry no float artefacts on any surface of a generated world', async () => {
    await fc.assert(
      fc.asyncProperty(draftWorldArbitrary, async (dossier) => {
        const { api, ctx } = await createTestApi();
        await api.importDossier({ dossier });
        const texts: string[] = [];
        const money = (...values: number[]) => texts.push(...values.map((value) => formatMoney(value)));
        const share = (value: number | null) => value !== null && texts.push(formatPercent(value));

        for (const draft of dossier.drafts) {
          for (const regulation of draft.regulations) {
            const view = await api.getAssessment({ regulationId: regulation.id });
            if (view.status.score.score !== null) texts.push(formatScore(view.status.score.score));
            money(view.worksheetDefaults.hourlyIncome);
            const worksheet = view.assessment?.cost;
            if (!worksheet) continue;
            money(worksheet.hourlyIncome);
            const evaluation = await api.evaluateCost({ worksheet, options: DEFAULT_COST_HORIZON });
            for (const pair of [evaluation.perCase, evaluation.annual, evaluation.upfront, evaluation.presentValue!, evaluation.annualisedValue!]) money(pair.baseline, pair.proposed, pair.proposed - pair.baseline);
            money(evaluation.reduction.amount);
            share(evaluation.reduction.share);
          }
          const { rollup } = await api.getDraftAssessmentOverview({ draftId: draft.id });
          money(rollup.annual.baseline, rollup.annual.proposed, rollup.reduction.amount);
          share(rollup.reduction.share);
          texts.push(...docxText((await api.exportAssessmentForm({ draftId: draft.id, analysis: true })).base64));
          texts.push(...(await api.getDraftFindings({ draftId: draft.id })).regulations.flatMap(({ findings }) => findings.map((finding) => finding.proposal.vi)));
        }
        for (const year of ['2023', '2024', '2025', '2026']) {
          const period = { from: `${year}-01-01`, to: `${year}-12-31` };
          const view = await api.periodReport(period);
          texts.push(...view.paragraphs);
          for (const row of periodReportDocument(view.report, view.yearToDate, view.paragraphs).rows) {
            if (row.kind !== 'heading') texts.push(formatFigure(row, row.period), formatFigure(row, row.yearToDate));
          }
          texts.push(base64Text((await api.exportPeriodReport({ ...period, format: 'md' })).base64));
        }
        await ctx.store.close();
        expect(artefactsIn(texts)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  }, 240_000);
});
