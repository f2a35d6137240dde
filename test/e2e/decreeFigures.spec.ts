// Issue 22, "Done when", on screen: the realistic decree amending NĐ 105/2017 (test/fixtures/decree105Dossier.ts),
// imported with the national database's record of the licence it abolishes, reads the same figures on the draft's
// cost tab, in «Tổng hợp chi phí», in «Báo cáo» and on «Tổng quan» as the API computes them, at 1366×768.
import type { Dossier, RegulationBaseline } from '../../shared/domain/dossier';
import { formatDays, formatMoney, formatPercent } from '../../shared/i18n/format';
import { FILING_METHODS } from '../../shared/domain/vocabulary';
import { vocabularyMessages } from '../../shared/i18n/vocabularyMessages';
import { DECREE_105_CATALOGUE, decree105Dossier, DECREE_105_IDS, DECREE_105_TITLE } from '../fixtures/decree105Dossier';
import { pickMonth } from './datePickers';
import { expect, test } from './test';
import { callApi, startHost, temporaryDatabase } from './webHost';

test.use({ viewport: { width: 1366, height: 768 } });

/** Time limits before the draft, typed by the officer: one method's of half a day more, so a total is not whole. */
const BEFORE: Readonly<Record<string, RegulationBaseline>> = {
  'Cấp Giấy phép sản xuất rượu công nghiệp': { timeLimitDays: 15 },
  'Cấp Giấy phép phân phối rượu': { timeLimitDays: 15, methodTerms: [{ method: 'post', timeLimitDays: 20 }] },
  'Cấp Giấy phép bán lẻ rượu': { timeLimitDays: 15, methodTerms: [{ method: 'online', timeLimitDays: 12.5 }] },
};

const dossier: Dossier = {
  ...decree105Dossier,
  drafts: decree105Dossier.drafts.map((draft) => ({
    ...draft,
    regulations: draft.regulations.map((regulation) => (BEFORE[regulation.name] ? { ...regulation, baseline: { ...regulation.baseline, ...BEFORE[regulation.name] } } : regulation)),
  })),
};

type Rollup = { annual: { baseline: number; proposed: number }; reduction: { share: number | null } };
type Judged = { name: string; targets: Array<{ measure: string; achieved: number | null; met: boolean | null }> };
type Totals = { regulations: number; baseline: number; proposed: number };
type Report = { report: { cost: { baseline: number; proposed: number; reductionShare: number }; programs: Judged[]; processingTimeByMethod: Record<string, Totals> } };
type Dashboard = { cost: { baseline: number; proposed: number }; programs: Judged[]; processingTimeByMethod: Record<string, Totals> };

test('the decree’s figures read the same on the cost tab, Tổng hợp chi phí, Báo cáo and Tổng quan as the API gives them', async ({ page, request }, testInfo) => {
  const host = await startHost(temporaryDatabase('decree-figures.sqlite'));
  try {
    // The record of the abolished licence: the draft leaves its components empty, so its subjects come from there.
    await callApi(request, host, 'importCatalogue', { catalogue: DECREE_105_CATALOGUE });
    await callApi(request, host, 'importDossier', { dossier });
    await callApi(request, host, 'saveProfile', { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Đỗ Quang Huy' });
    const { rollup } = await callApi<{ rollup: Rollup }>(request, host, 'getDraftAssessmentOverview', { draftId: DECREE_105_IDS.draft });
    const month = { from: '2023-02-01', to: '2023-02-28' };
    const { report } = await callApi<Report>(request, host, 'periodReport', month);
    const dashboard = await callApi<Dashboard>(request, host, 'dashboard', { from: '2023-02', to: '2023-02' });
    const money = { baseline: formatMoney(rollup.annual.baseline), proposed: formatMoney(rollup.annual.proposed) };
    const share = formatPercent(rollup.reduction.share!);
    // The programs' achieved share on the regulations in their scope, the abolished licence included (issue 22).
    const achieved = report.programs.flatMap(({ targets }) => targets.filter(({ measure, achieved }) => measure === 'compliance_cost' && achieved !== null).map(({ achieved }) => formatPercent(achieved!)));
    expect(achieved).toEqual(['75,01%']);
    // One figure everywhere the API gives it: the report and the dashboard sum what the cost tab rolls up.
    expect({ baseline: formatMoney(report.cost.baseline), proposed: formatMoney(report.cost.proposed) }).toEqual(money);
    expect({ baseline: formatMoney(dashboard.cost.baseline), proposed: formatMoney(dashboard.cost.proposed) }).toEqual(money);
    expect(formatPercent(report.cost.reductionShare)).toBe(share);

    await page.goto(host.url);
    await expect(page.getByRole('link', { name: 'Tổng hợp chi phí' })).toBeVisible();

    // The draft's cost tab.
    await page.evaluate((hash) => (window.location.hash = hash), `#/drafts/${DECREE_105_IDS.draft}`);
    await page.getByRole('tab', { name: 'Đánh giá tác động' }).click();
    const tab = page.getByTestId('rollup');
    await expect(tab.getByTestId('rollup-baseline')).toHaveText(money.baseline);
    await expect(tab.getByTestId('rollup-proposed')).toHaveText(money.proposed);
    await expect(tab.getByTestId('reduction-indicator')).toContainText(share);
    await expect(tab.getByTestId('reduction-indicator')).toContainText(achieved[0]!);
    await page.screenshot({ path: testInfo.outputPath('cost-tab.png') });

    // Tổng hợp chi phí: the draft's row.
    await page.getByRole('link', { name: 'Tổng hợp chi phí' }).click();
    const row = page.getByTestId('cost-summary-drafts').getByRole('row').filter({ hasText: DECREE_105_TITLE });
    await expect(row).toContainText(money.baseline);
    await expect(row).toContainText(money.proposed);
    await expect(row.getByTestId('reduction-indicator')).toContainText(share);
    await expect(row.getByTestId('reduction-indicator')).toContainText(achieved[0]!);
    await page.screenshot({ path: testInfo.outputPath('cost-summary.png') });

    // Báo cáo for February 2023, when the assessment was finished.
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await pickMonth(page, 'Tháng báo cáo', '2023-02');
    await expect(page.getByTestId('report-period')).toHaveText('Tháng 2/2023');
    const cost = page.getByTestId('report-cost');
    await expect(cost).toContainText(`${money.baseline} → ${money.proposed}`);
    await expect(cost.getByTestId('reduction-indicator')).toContainText(share);
    const figures = page.getByTestId('report-figures');
    const methods = FILING_METHODS.filter((method) => report.processingTimeByMethod[method]!.regulations > 0);
    expect(methods.length).toBeGreaterThan(0);
    for (const method of methods) {
      const name = vocabularyMessages.vi.method[method];
      const totals = report.processingTimeByMethod[method]!;
      await expect(figures.getByRole('row').filter({ hasText: `${name}: trước` }).first()).toContainText(formatDays(totals.baseline));
      await expect(figures.getByRole('row').filter({ hasText: `${name}: sau` }).first()).toContainText(formatDays(totals.proposed));
    }
    await page.screenshot({ path: testInfo.outputPath('report.png'), fullPage: true });

    // Tổng quan for the same month.
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await pickMonth(page, 'Từ tháng', '2023-02');
    await pickMonth(page, 'Đến tháng', '2023-02');
    await expect(page.getByText(`${money.baseline} → ${money.proposed}`)).toBeVisible();
    const lines = page.getByTestId('method-time-limits');
    for (const method of methods) {
      const totals = dashboard.processingTimeByMethod[method]!;
      await expect(lines.locator(`[data-method="${method}"]`)).toContainText(`${formatDays(totals.baseline)} → ${formatDays(totals.proposed)}`);
    }
    // A half day stays a half day (issue 22): the online total before the draft is not whole.
    expect(formatDays(dashboard.processingTimeByMethod.online!.baseline)).toMatch(/,5$/);
    await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });
  } finally {
    await host.stop();
  }
});
