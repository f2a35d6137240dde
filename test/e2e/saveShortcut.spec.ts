// Issue 20, item 13: Ctrl+S saves the form being worked in, at once, in Chromium — the opinion's rich-text editor and
// the letter's particulars as well as the procedure form (keyboard.spec) — and the browser's own "Save page as…"
// never runs: every Ctrl+S the page sees has had its default prevented by the time it reaches the window.
import type { OpinionLetterView } from '../../shared/contract/api';
import { FLOW_IDS, workflowDossier, workflowDraft } from '../fixtures/workflowDossier';
import { expect, test, type Page } from './test';
import { callApi, startHost, temporaryDatabase } from './webHost';

test.use({ viewport: { width: 1366, height: 768 } });

/** Records, at the window (after every handler of the page), whether each Ctrl+S had the browser's default prevented. */
async function watchCtrlS(page: Page): Promise<() => Promise<boolean[]>> {
  await page.addInitScript(() => {
    const seen: boolean[] = [];
    (window as unknown as { __ctrlS: boolean[] }).__ctrlS = seen;
    window.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') seen.push(event.defaultPrevented);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __ctrlS: boolean[] }).__ctrlS);
}

test('Ctrl+S saves an opinion from its rich-text editor and the letter’s particulars, never the page', async ({ page, request }, testInfo) => {
  const host = await startHost(temporaryDatabase('ctrl-s.sqlite'), { profile: { agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Trần Thị B' } });
  try {
    await callApi(request, host, 'importDossier', { dossier: workflowDossier(workflowDraft({ status: 'submitted_for_appraisal' })) });
    const ctrlS = await watchCtrlS(page);
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    await page.goto(host.url);

    // The opinion: written in the rich-text editor, saved with the cursor still in it.
    await page.evaluate((id) => (window.location.hash = `#/regulations/${id}/opinions`), FLOW_IDS.transportLicence);
    await page.getByRole('button', { name: 'Viết ý kiến thẩm định' }).click();
    const form = page.getByTestId('opinion-form');
    const editor = form.getByRole('textbox').last();
    await editor.click();
    await page.keyboard.type('Đề nghị rút ngắn thời hạn giải quyết xuống 5 ngày làm việc.');
    await page.keyboard.press('Control+s');
    await expect(form).toBeHidden();
    const opinions = await callApi<{ regulations: Array<{ id: string; opinions: Array<{ text: string }> }> }>(request, host, 'getDraftOpinions', { draftId: FLOW_IDS.draft });
    const licence = opinions.regulations.find((regulation) => regulation.id === FLOW_IDS.transportLicence);
    expect(licence?.opinions.map((opinion) => opinion.text)).toEqual(['Đề nghị rút ngắn thời hạn giải quyết xuống 5 ngày làm việc.']);

    // The letter's particulars: saved from the field being typed in.
    await page.evaluate((id) => (window.location.hash = `#/drafts/${id}/letter`), FLOW_IDS.draft);
    const number = page.getByLabel('Số, ký hiệu');
    await number.fill('12/BTP-KTrVB');
    await expect(page.getByRole('button', { name: 'Lưu thông tin văn bản' })).toBeEnabled();
    await number.press('Control+s');
    await expect(page.getByRole('button', { name: 'Lưu thông tin văn bản' })).toBeDisabled();
    const letter = await callApi<OpinionLetterView>(request, host, 'getOpinionLetter', { draftId: FLOW_IDS.draft, stage: 'appraisal' });
    expect(letter.saved).toBe(true);
    expect(letter.metadata.number).toBe('12/BTP-KTrVB');
    await page.screenshot({ path: testInfo.outputPath('letter-after-ctrl-s.png') });

    // With nothing to save, Ctrl+S still does not reach the browser.
    await number.press('Control+s');
    expect(await ctrlS()).toEqual([true, true, true]);
    expect(downloads).toEqual([]);
  } finally {
    await host.stop();
  }
});
