// A draft whose whole cost rises while the procedures a program covers are cut: the indicator says both (issue 22).
import { expect, test } from './test';
import { startHost, temporaryDatabase } from './webHost';

const HOURLY_INCOME_2024 = 6_000_000 / 22 / 8;

test('a rise of the draft\'s cost keeps the per-program verdict on its scope, on the draft and in Tổng hợp chi phí', async ({ page, request }, testInfo) => {
  const host = await startHost(temporaryDatabase());
  const call = async (method: string, input: unknown) => {
    const response = await request.post(`${host.origin}/api/${method}`, { data: input, headers: { 'x-tthc-token': host.token } });
    const body = (await response.json()) as { value: { id: string; version: number } };
    return body.value;
  };
  const draft = await call('createDraft', { docType: 'nghi_dinh', title: 'Nghị định về vận tải và hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
  const side = (hours: number, otherCosts: number, population: number) => ({
    activities: [{ name: 'Chuẩn bị hồ sơ', hours }],
    fees: 500_000,
    otherCosts,
    population,
    frequencyPerYear: 1,
  });
  // DOMAIN.md's worked example on a procedure businesses go through: 33,94% less, within Nghị quyết 66/NQ-CP's scope.
  const business = await call('createRegulation', {
    draftId: draft.id,
    fields: { kind: 'tthc', change: 'amended', name: 'Cấp giấy phép kinh doanh vận tải bằng xe ô tô', components: { subjects: ['Doanh nghiệp'] } },
  });
  await call('saveAssessment', {
    regulationId: business.id,
    version: business.version,
    assessment: { template: '2010', answers: {}, cost: { year: 2024, hourlyIncome: HOURLY_INCOME_2024, baseline: side(16, 200_000, 2_000), proposed: side(8, 50_000, 2_000) } },
  });
  // A new civil-status procedure outside every program's scope, costing more than the cut saves: the whole draft rises.
  const civil = await call('createRegulation', {
    draftId: draft.id,
    fields: { kind: 'tthc', change: 'new', name: 'Đăng ký khai sinh lưu động', components: { subjects: ['Cá nhân'] } },
  });
  await call('saveAssessment', {
    regulationId: civil.id,
    version: civil.version,
    assessment: { template: '2010', answers: {}, cost: { year: 2024, hourlyIncome: HOURLY_INCOME_2024, proposed: side(8, 100_000, 3_000) } },
  });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await page.evaluate((hash) => (window.location.hash = hash), `#/drafts/${draft.id}`);
  await page.getByRole('tab', { name: 'Đánh giá tác động' }).click();
  const rollup = page.getByTestId('rollup');
  await expect(rollup.getByTestId('reduction-indicator')).toHaveAttribute('data-verdict', 'red');
  await expect(rollup.getByTestId('reduction-indicator')).toContainText('Chi phí tăng');
  await expect(rollup.getByTestId('reduction-indicator')).toContainText(
    'Riêng TTHC liên quan đến sản xuất, kinh doanh và QĐKD: 33,94% — đạt mục tiêu tối thiểu 30% (Nghị quyết 66/NQ-CP)',
  );
  await rollup.screenshot({ path: testInfo.outputPath('draft-rollup.png') });

  await page.getByRole('link', { name: 'Tổng hợp chi phí' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Nghị định về vận tải và hộ tịch' });
  await expect(row.getByTestId('reduction-indicator')).toContainText('Chi phí tăng');
  await expect(row.getByTestId('reduction-indicator')).toContainText('Riêng TTHC liên quan đến sản xuất, kinh doanh và QĐKD: 33,94% — đạt mục tiêu tối thiểu 30% (Nghị quyết 66/NQ-CP)');
  await page.screenshot({ path: testInfo.outputPath('cost-summary.png') });
  await host.stop();
});
