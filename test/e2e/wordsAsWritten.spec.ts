// Issue 20: words shown as they are written — a deadline read to its date, «TTg» never upper-cased to «TTG», and the
// letter's number hint in its sender's own form, not VPCP's. The screen watch (screenWords.ts) measures the first two
// on every screen of every spec; here they are also asserted where the issue saw them, at 1366×768.
import { expect, test } from './test';
import { FLOW_IDS, workflowDossier } from '../fixtures/workflowDossier';
import { callApi, startHost, temporaryDatabase } from './webHost';

test.use({ viewport: { width: 1366, height: 768 } });

test('an overdue deadline is read to its date, «Trình CP/TTg» keeps its case, the number hint follows the sender', async ({ page, request }, testInfo) => {
  // A decree at Bộ Tư pháp since 2023: «quá hạn 1.1xx ngày», as in the issue.
  const host = await startHost(temporaryDatabase('words-as-written.sqlite'), { profile: { agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Lê Hoa' } });
  try {
    await callApi(request, host, 'importDossier', { dossier: workflowDossier({ status: 'submitted_for_appraisal' }) });
    await page.goto(host.url);
    const deadline = page.getByTestId('deadline').first();
    await expect(deadline).toContainText(/quá hạn \d\.\d{3} ngày/);
    await expect(deadline).toContainText(/\d{2}\/\d{2}\/\d{4}/);
    // Every line of it whole: nothing hidden behind an ellipsis.
    const cut = await deadline.evaluate((cell) => [cell, ...cell.querySelectorAll('*')].filter((line) => line.scrollWidth > line.clientWidth + 1).map((line) => line.textContent));
    expect(cut).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('draft-list-deadline.png') });

    await page.evaluate((id) => (window.location.hash = `#/drafts/${id}`), FLOW_IDS.draft);
    // innerText is what is drawn, after text-transform.
    const government = page.getByText('Trình CP/TTg', { exact: true });
    await expect(government).toBeVisible();
    expect(await government.evaluate((element) => (element as HTMLElement).innerText)).toBe('Trình CP/TTg');
    await page.screenshot({ path: testInfo.outputPath('draft-badges.png') });

    // Bộ Tư pháp's appraisal letter: its own number and archive, not VPCP's.
    await page.getByRole('tab', { name: 'Văn bản góp ý' }).click();
    await page.getByText('Thẩm định', { exact: true }).click();
    const number = page.getByLabel('Số, ký hiệu');
    await expect(number).toHaveValue('/BTP-VĐCXDPL');
    const numberHint = page.getByText(/^Không ghi “Số:”, mẫu tự thêm\./);
    await expect(numberHint).toHaveText('Không ghi “Số:”, mẫu tự thêm. Ví dụ: 123/BTP-VĐCXDPL');
    await expect(page.getByText('Ví dụ: VT, VĐCXDPL', { exact: true })).toBeVisible();
    await number.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('appraisal-letter-hint.png') });
    // VPCP's review letter keeps VPCP's example.
    await page.getByText('Thẩm tra', { exact: true }).click();
    await expect(numberHint).toHaveText('Không ghi “Số:”, mẫu tự thêm. Ví dụ: 123/VPCP-KSTT');
  } finally {
    await host.stop();
  }
});
