// Issue 20 defect 7: a draft of 58 procedures was given its opinions one procedure at a time (about 5 clicks each);
// now the draft's "Ý kiến" tab chooses many and gives them one verdict at once. Both ways are clicked here and counted
// (pointer presses seen by the page), so the figures in the report are measured, not estimated by hand.
import { draftOfProcedures, FLOW_IDS, workflowDossier, workflowDraft } from '../fixtures/workflowDossier';
import { expect, test, type Page } from './test';
import { startHost, temporaryDatabase, type RunningHost } from './webHost';
import { reloadConfirmed } from './reloadConfirmed';

const PROCEDURES = 58;

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost(temporaryDatabase('bulk.sqlite'), { profile: { agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Trần Thị B' } });
  await call('importDossier', { dossier: workflowDossier(draftOfProcedures(PROCEDURES)) });
});
test.afterEach(async () => {
  await host.stop();
});

/** A call to the host's API as another window would make it; its answer's value. */
async function call(method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tthc-token': host.token },
    body: JSON.stringify(input),
  });
  const answer = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

type DraftOpinions = { regulations: Array<{ id: string; opinions: Array<{ verdict: string; text: string }> }> };
const draftOpinions = async (): Promise<DraftOpinions> => (await call('getDraftOpinions', { draftId: FLOW_IDS.draft })) as DraftOpinions;

/** Counts the officer's clicks from now on: presses of the pointer (a label's click would count twice as `click`). */
async function countClicks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const counter = window as unknown as { __clicks?: number };
    if (counter.__clicks === undefined) document.addEventListener('pointerdown', (event) => event.isTrusted && (counter.__clicks! += 1), true);
    counter.__clicks = 0;
  });
  return () => page.evaluate(() => (window as unknown as { __clicks: number }).__clicks);
}

async function openDraft(page: Page, tab = ''): Promise<void> {
  await page.goto(`${host.url.split('#')[0]}#${host.url.split('#')[1]}`);
  await page.evaluate(({ id, tab }) => (window.location.hash = `/drafts/${id}${tab}`), { id: FLOW_IDS.draft, tab });
  await expect(page.getByRole('heading', { name: workflowDraft().title })).toBeVisible();
}

test('one verdict for all 58 procedures from the draft’s Ý kiến tab, counted against one procedure the old way', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDraft(page);

  // The old way, for the first procedure: open it, its "Ý kiến" tab, write, save, back to the draft.
  const oneByOne = await countClicks(page);
  await page.getByRole('link', { name: 'Đăng ký khai sinh (trường hợp 1)', exact: true }).click();
  await page.getByRole('tab', { name: 'Ý kiến' }).click();
  await page.getByRole('button', { name: 'Viết ý kiến thẩm định' }).click();
  await page.getByRole('textbox', { name: 'Nội dung ý kiến' }).click();
  await page.keyboard.type('Thống nhất.');
  await page.getByRole('button', { name: 'Lưu ý kiến' }).click();
  await expect(page.getByText('Đã lưu ý kiến')).toBeVisible();
  await page.goBack();
  await page.goBack();
  const clicksForOne = await oneByOne();

  // The new way: the draft's "Ý kiến" tab, choose all, one verdict.
  const atOnce = await countClicks(page);
  await page.getByRole('tab', { name: 'Ý kiến' }).click();
  const form = page.getByTestId('bulk-opinion-form');
  await expect(form.getByTestId('bulk-opinion-count')).toHaveText(`Đã chọn 0/${PROCEDURES} · còn ${PROCEDURES - 1} chưa có ý kiến thẩm định`);
  await form.getByRole('checkbox', { name: `Chọn tất cả (${PROCEDURES})` }).click();
  await expect(form.getByRole('textbox', { name: 'Nội dung ý kiến chung' })).toHaveValue('Thống nhất.');
  await page.screenshot({ path: test.info().outputPath('bulk-opinions-1366.png') });
  await form.getByRole('button', { name: `Cho ý kiến ${PROCEDURES} TTHC/QĐKD` }).click();
  await expect(page.getByText(`Đã lưu ý kiến cho ${PROCEDURES} TTHC/QĐKD`)).toBeVisible();
  await expect(form.getByTestId('bulk-opinion-count')).toHaveText(`Đã chọn 0/${PROCEDURES} · còn 0 chưa có ý kiến thẩm định`);
  const clicksForAll = await atOnce();

  const stored = await draftOpinions();
  // One opinion each: the first procedure's own one was replaced, not doubled.
  expect(stored.regulations.map((regulation) => regulation.opinions.map((opinion) => `${opinion.verdict} ${opinion.text}`))).toEqual(
    Array.from({ length: PROCEDURES }, () => ['agree Thống nhất.']),
  );
  console.log(`Clicks for ${PROCEDURES} procedures: one by one ${clicksForOne} × ${PROCEDURES} = ${clicksForOne * PROCEDURES}; at once ${clicksForAll}`);
  expect(clicksForAll).toBeLessThanOrEqual(3);
  expect(clicksForOne * PROCEDURES).toBeGreaterThan(clicksForAll * 50);
});

test('a procedure whose opinion changed meanwhile stops the whole verdict, with a Vietnamese message, and nothing is written', async ({ page }) => {
  await openDraft(page, '/opinions');
  const form = page.getByTestId('bulk-opinion-form');
  await form.getByRole('button', { name: `Chọn các TTHC/QĐKD chưa có ý kiến (${PROCEDURES})` }).click();
  await form.locator('label').filter({ hasText: 'Đề nghị không quy định' }).click();
  await expect(form.getByRole('textbox', { name: 'Nội dung ý kiến chung' })).toHaveValue('Đề nghị không quy định.');
  // Another officer gives the third procedure an opinion after this screen read the draft.
  const third = (await draftOpinions()).regulations[2]!.id;
  const body = [{ type: 'paragraph', children: [{ text: 'Đề nghị sửa.' }] }];
  await call('saveOpinion', { regulationId: third, stage: 'appraisal', verdict: 'amend', components: ['fees'], body });
  await form.getByRole('textbox', { name: 'Nội dung ý kiến chung' }).press('Control+s');
  await expect(page.getByText(/Chưa lưu ý kiến nào: ý kiến về 1 TTHC\/QĐKD vừa được người khác sửa \(«Chứng thực bản sao từ bản chính \(trường hợp 3\)»\)/)).toBeVisible();
  const stored = await draftOpinions();
  expect(stored.regulations.flatMap((regulation) => regulation.opinions.map((opinion) => opinion.verdict))).toEqual(['amend']);
});

test('words typed for many procedures survive a reload and a tab switch asks first (found on the tour: a reload lost them)', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDraft(page, '/opinions');
  const form = page.getByTestId('bulk-opinion-form');
  const remark = form.getByRole('textbox', { name: 'Nội dung ý kiến chung' });
  await form.getByRole('button', { name: `Chọn các TTHC/QĐKD chưa có ý kiến (${PROCEDURES})` }).click();
  await remark.fill('Thống nhất, đề nghị rà soát lại thành phần hồ sơ.');

  // A reload asks, then puts back the words and the choice with a notice.
  await reloadConfirmed(page);
  await expect(page.getByTestId('unsaved-restored')).toBeVisible();
  await expect(remark).toHaveValue('Thống nhất, đề nghị rà soát lại thành phần hồ sơ.');
  await expect(form.getByTestId('bulk-opinion-count')).toHaveText(`Đã chọn ${PROCEDURES}/${PROCEDURES} · còn ${PROCEDURES} chưa có ý kiến thẩm định`);

  // Another tab asks like every form; giving the verdict through the question leaves nothing to ask about.
  await page.getByRole('tab', { name: 'Quy trình' }).click();
  const leave = page.getByRole('dialog', { name: 'Có thay đổi chưa lưu' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Lưu rồi tiếp tục' }).click();
  await expect(page.getByRole('tab', { name: 'Quy trình' })).toHaveAttribute('aria-selected', 'true');
  expect((await draftOpinions()).regulations.map((regulation) => regulation.opinions.map((opinion) => opinion.text))).toEqual(
    Array.from({ length: PROCEDURES }, () => ['Thống nhất, đề nghị rà soát lại thành phần hồ sơ.']),
  );
  await page.getByRole('tab', { name: 'Ý kiến' }).click();
  await expect(remark).toHaveValue('Thống nhất.');
  await page.getByRole('tab', { name: 'Quy trình' }).click();
  await expect(leave).toHaveCount(0);
});
