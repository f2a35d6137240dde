// Issue 13, item 8: every screen of renderer/src/App.tsx, with seed-like data (a reviewed decree with opinions and an
// assessment, VPCP's November 2023 figures, the national catalogue, an issued decree, a draft with a regulation in the
// trash), checked with axe: no critical and no serious violation. A screenshot of each at 1366×768 is kept.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './test';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CATALOGUE_SAMPLE_PATH, ISSUED_DRAFT_ID, issuedDecreeDossier } from '../fixtures/catalogueSample';
import { buildDossierForFigures, REFERENCE_002_FIGURES } from '../fixtures/reportFigures';
import { REVIEWED_IDS, REVIEWED_TITLE, writeReviewedDossier } from '../fixtures/reviewedDossier';
import { pickMonth } from './datePickers';
import { callApi, startHost, temporaryDatabase } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');

test.use({ viewport: { width: 1366, height: 768 } });
// Every screen with axe, under the screen watch of test.ts: over 300 s on a 2-core machine shared by other runs (load 16–18).
test.setTimeout(600_000);

type Violation = { screen: string; rule: string; impact: string; help: string; targets: string[] };

async function audit(page: Page, screen: string, found: Violation[], shots: string): Promise<void> {
  // Let transitions (tabs, modals, popovers) settle: axe judges colours as painted.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(shots, `${screen}.png`) });
  // One page heading per screen, naming it (a dialog or menu open over the page keeps the page's).
  const headings = await page.locator('main h1, [role=dialog] h1').allInnerTexts();
  if (headings.length !== 1) found.push({ screen, rule: 'one-page-heading', impact: 'serious', help: 'exactly one h1 per screen', targets: headings });
  const results = await new AxeBuilder({ page }).analyze();
  for (const violation of results.violations) {
    if (violation.impact !== 'critical' && violation.impact !== 'serious') continue;
    found.push({
      screen,
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 4).map((node) => `${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`),
    });
  }
}

const go = (page: Page, path: string) => page.evaluate((hash) => (window.location.hash = hash), `#${path}`);

test('every screen has no critical and no serious axe violation', async ({ page, request }, testInfo) => {
  const databasePath = temporaryDatabase('a11y.sqlite');
  const folder = dirname(databasePath);
  const figuresPath = join(folder, 'reference-002.json');
  writeFileSync(figuresPath, JSON.stringify(buildDossierForFigures(REFERENCE_002_FIGURES)));
  const issuedPath = join(folder, 'issued.json');
  writeFileSync(issuedPath, JSON.stringify(issuedDecreeDossier()));
  for (const args of [['catalogue', 'import', CATALOGUE_SAMPLE_PATH], ['import', figuresPath], ['import', issuedPath], ['import', writeReviewedDossier(folder)]]) {
    const run = spawnSync(process.execPath, [CLI, '--db', databasePath, ...args], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  }
  const host = await startHost(databasePath);
  const shots = testInfo.outputPath();
  const found: Violation[] = [];
  try {
    const draft = await callApi<{ id: string }>(request, host, 'createDraft', { docType: 'nghi_dinh', title: 'Nghị định về hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
    const kept = await callApi<{ id: string }>(request, host, 'createRegulation', { draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Đăng ký khai sinh', components: {} } });
    const trashed = await callApi<{ id: string }>(request, host, 'createRegulation', { draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Đăng ký kết hôn', components: {} } });
    await callApi(request, host, 'deleteRegulation', { id: trashed.id });
    expect(kept.id).toBeTruthy();

    await page.goto(host.url);
    await expect(page.getByText(REVIEWED_TITLE).first()).toBeVisible();
    await audit(page, 'draft-list', found, shots);

    await page.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await audit(page, 'draft-form', found, shots);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();

    await go(page, `/drafts/${REVIEWED_IDS.draft}`);
    for (const [tab, screen] of [
      ['Thủ tục hành chính', 'draft-regulations'],
      ['Đánh giá tác động', 'draft-assessment'],
      ['Quy trình', 'draft-workflow'],
      ['Ý kiến', 'draft-opinions'],
      ['Văn bản góp ý', 'draft-letter'],
    ] as const) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await audit(page, screen, found, shots);
    }

    await go(page, `/drafts/${draft.id}`);
    await expect(page.getByText('Đăng ký kết hôn')).toBeVisible();
    await audit(page, 'draft-with-trash', found, shots);
    await go(page, `/drafts/${ISSUED_DRAFT_ID}`);
    await expect(page.getByRole('tab', { name: 'Văn bản góp ý' })).toBeVisible();
    await audit(page, 'draft-issued', found, shots);

    await go(page, `/drafts/${draft.id}/regulations/new`);
    await expect(page.getByLabel('Tên thủ tục/quy định')).toBeVisible();
    await audit(page, 'regulation-new', found, shots);
    await page.getByRole('button', { name: 'Lấy từ CSDL quốc gia' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.getByRole('dialog').getByRole('textbox').first().fill('hộ tịch');
    await audit(page, 'catalogue-picker', found, shots);
    await page.keyboard.press('Escape');

    await go(page, `/regulations/${REVIEWED_IDS.licence}`);
    await expect(page.getByLabel('Tên thủ tục/quy định')).toBeVisible();
    await audit(page, 'regulation-form', found, shots);
    await page.getByRole('tab', { name: 'Đánh giá tác động', exact: true }).click();
    await expect(page.getByRole('tab', { name: 'Chi phí tuân thủ', exact: true })).toBeVisible();
    await audit(page, 'questionnaire', found, shots);
    await page.getByRole('tab', { name: 'Chi phí tuân thủ', exact: true }).click();
    await audit(page, 'cost-sheet', found, shots);
    for (const [tab, screen] of [
      ['Phát hiện khi rà soát', 'findings'],
      ['Ý kiến', 'regulation-opinions'],
      ['So sánh vòng', 'regulation-rounds'],
      ['So với CSDL quốc gia', 'regulation-catalogue'],
    ] as const) {
      const control = page.getByRole('tab', { name: tab, exact: true });
      if ((await control.count()) === 0) continue;
      await control.click();
      await audit(page, screen, found, shots);
    }

    await go(page, '/search');
    await page.getByRole('textbox', { name: 'Tra cứu TTHC/QĐKD trong mọi dự thảo' }).fill('cấp'); // hundreds of hits: the result list scrolls
    await expect(page.getByTestId('search-count')).toBeVisible();
    await audit(page, 'search', found, shots);

    await go(page, '/reports');
    await pickMonth(page, 'Tháng báo cáo', '2023-11');
    await expect(page.getByTestId('report-paragraphs')).toBeVisible();
    await audit(page, 'report', found, shots);
    await page.getByRole('button', { name: 'Tháng báo cáo', exact: true }).click();
    await audit(page, 'month-picker', found, shots);
    await page.keyboard.press('Escape');

    await go(page, '/dashboard');
    await pickMonth(page, 'Từ tháng', '2023-01');
    await pickMonth(page, 'Đến tháng', '2023-12');
    await expect(page.locator('svg.recharts-surface').first()).toBeVisible();
    await audit(page, 'dashboard', found, shots);

    await go(page, '/cost-summary');
    await expect(page.getByTestId('rollup')).toBeVisible();
    await audit(page, 'cost-summary', found, shots);

    await go(page, '/settings');
    await expect(page.getByRole('link', { name: 'Cài đặt' })).toBeVisible();
    await audit(page, 'settings', found, shots);

    await page.getByTestId('profile-badge').click();
    await expect(page.getByRole('menu')).toBeVisible();
    await audit(page, 'role-menu', found, shots);
    await page.keyboard.press('Escape');

    await go(page, '/no-such-page');
    await audit(page, 'not-found', found, shots);
  } finally {
    await host.stop();
  }
  writeFileSync(join(shots, 'violations.json'), JSON.stringify(found, null, 2));
  expect(found, JSON.stringify(found, null, 2)).toEqual([]);
});
