// Issue 20 defect 10: «Tổng hợp chi phí» drew a row for every draft of the database (7,4 s after the data for 1.000
// drafts); it draws a page of them, with a pager saying which. Timed in bench/ui.ts; here the page itself is checked, so
// that drawing every draft again fails a test and not only a bench row.
import { dossierSchema, type Draft } from '../../shared/domain/dossier';
import { MINISTRY, workflowDraft } from '../fixtures/workflowDossier';
import { expect, test } from './test';
import { callApi, startHost, temporaryDatabase } from './webHost';

test.use({ viewport: { width: 1366, height: 768 } });

const DRAFTS = 45;

/** `count` drafts with a complete assessment and worksheet each, titled «… (dự thảo N)», ids of their own. */
function manyDrafts(count: number): Draft[] {
  return Array.from({ length: count }, (_unused, index) => {
    const draft = workflowDraft();
    const suffix = (0x200 + index).toString(16).padStart(12, '0');
    return {
      ...draft,
      id: `7e3b1c2f-5a4d-4e6f-8a1b-${suffix}`,
      title: `Nghị định về kinh doanh vận tải (dự thảo ${index + 1})`,
      regulations: draft.regulations.map((regulation, position) => ({ ...regulation, id: `7e3b1c2${position}-5a4d-4e6f-8a1b-${suffix}` })),
    };
  });
}

test('Tổng hợp chi phí draws one page of drafts and names which', async ({ page, request }) => {
  const host = await startHost(temporaryDatabase('cost-pages.sqlite'));
  try {
    const dossier = dossierSchema.parse({
      format: 'tthc-dossier',
      version: 1,
      exportedAt: '2023-11-01T08:00:00+07:00',
      exportedBy: { agency: MINISTRY, role: 'drafter' },
      drafts: manyDrafts(DRAFTS),
    });
    await callApi(request, host, 'importDossier', { dossier });
    await page.goto(host.url);
    await page.getByRole('link', { name: 'Tổng hợp chi phí' }).click();
    const rows = page.getByTestId('cost-summary-drafts').locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    const drawn = await rows.count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn, 'rows drawn at once').toBeLessThan(DRAFTS);
    await expect(page.getByText(`Dự thảo 1–${drawn} trong ${DRAFTS}`)).toBeVisible();

    // The last page holds the rest, and every draft is on some page.
    const pager = page.getByLabel('Trang của bảng theo từng dự thảo');
    const pages = Math.ceil(DRAFTS / drawn);
    await pager.getByRole('button', { name: String(pages), exact: true }).click();
    await expect(rows).toHaveCount(DRAFTS - (pages - 1) * drawn);
    await expect(page.getByText(`Dự thảo ${(pages - 1) * drawn + 1}–${DRAFTS} trong ${DRAFTS}`)).toBeVisible();
  } finally {
    await host.stop();
  }
});
