// The three-agency round trip through the UI: a ministry, the appraisal body and VPCP, each with its own database
// behind its own host, passing dossier files as they would by mail.
//
// To keep the run short, the ministry starts from a prepared dossier (test/fixtures/workflowDossier.ts): a draft
// whose two regulations carry complete impact assessments, built from the questionnaire template itself. The
// ministry imports it through the UI instead of typing the questionnaire, which the assessment e2e covers.
import { expect, test, watchScreens, type Browser, type Page } from './test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FLOW_TITLE, workflowDossier } from '../fixtures/workflowDossier';
import { startHost, temporaryDatabase, type RunningHost } from './webHost';

const LICENCE = 'Cấp giấy phép kinh doanh vận tải bằng xe ô tô';
const BADGE = 'Cấp phù hiệu xe kinh doanh vận tải';

type Agency = { page: Page };

// A step that cannot happen should fail the run at once, not at the end of the long test's time budget.
test.use({ actionTimeout: 15_000 });

const running: RunningHost[] = [];
test.afterEach(async () => {
  await Promise.all(running.splice(0).map((host) => host.stop()));
});

async function openAgency(browser: Browser, agency: string, role: string, officer: string): Promise<Agency> {
  const host = await startHost(temporaryDatabase('flow.sqlite'), { profile: null });
  running.push(host);
  const page = await browser.newPage();
  await watchScreens(page.context());
  await page.goto(host.url);
  // First start: the app asks who this installation is.
  const dialog = page.getByRole('dialog', { name: 'Máy này thuộc cơ quan nào?' });
  await dialog.getByRole('textbox', { name: 'Cơ quan', exact: true }).fill(agency);
  await dialog.getByRole('radio', { name: role, exact: true }).check();
  await dialog.getByRole('textbox', { name: 'Họ và tên cán bộ' }).fill(officer);
  await dialog.getByRole('button', { name: 'Lưu thông tin' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('profile-badge')).toContainText(role);
  await expect(page.getByTestId('profile-badge')).toContainText(agency);
  return { page };
}

/** Imports a file from the draft list and opens the draft; returns the import report as shown. */
async function importFile({ page }: Agency, file: string): Promise<string> {
  await page.getByRole('link', { name: 'Dự thảo VBQPPL' }).click();
  await page.getByRole('button', { name: 'Nhập hồ sơ' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập hồ sơ từ cơ quan khác' });
  await dialog.locator('input[type=file]').setInputFiles(file);
  await expect(dialog.getByTestId('import-summary')).toContainText(FLOW_TITLE);
  await dialog.getByRole('button', { name: 'Nhập', exact: true }).click();
  const report = await dialog.getByTestId('import-report').innerText();
  await dialog.getByRole('button', { name: 'Mở dự thảo' }).click();
  await expect(page.getByRole('heading', { name: FLOW_TITLE })).toBeVisible();
  return report;
}

async function exportFile({ page }: Agency, path: string): Promise<string> {
  await openDraft(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất hồ sơ' }).click();
  await (await download).saveAs(path);
  return path;
}

async function openDraft(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Dự thảo VBQPPL' }).click();
  await page.getByRole('row').filter({ hasText: FLOW_TITLE }).click();
  await expect(page.getByRole('heading', { name: FLOW_TITLE })).toBeVisible();
}

async function openRegulation(page: Page, name: string, tab: string): Promise<void> {
  await openDraft(page);
  await page.getByRole('link', { name }).first().click();
  await page.getByRole('tab', { name: tab }).click();
}

/** Takes one workflow step from the draft's "Quy trình" tab. */
async function step(page: Page, action: string, details: { note?: string; issuedAt?: string } = {}): Promise<void> {
  await openDraft(page);
  await page.getByRole('tab', { name: 'Quy trình' }).click();
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  if (details.issuedAt) await dialog.getByLabel('Ngày ban hành văn bản').fill(details.issuedAt);
  if (details.note) await dialog.getByRole('textbox', { name: /Ghi chú|Lý do trả lại/ }).fill(details.note);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog).toBeHidden();
}

const expectStatus = (page: Page, status: string) => expect(page.getByTestId('workflow-stepper')).toHaveAttribute('data-status', status);

async function writeOpinion(page: Page, regulation: string, opinion: { verdict: string; components?: string[]; text: string; quote?: string }) {
  await openRegulation(page, regulation, 'Ý kiến');
  await page.getByRole('button', { name: /^Viết ý kiến/ }).click();
  const form = page.getByTestId('opinion-form');
  await form.getByText(opinion.verdict, { exact: true }).click();
  for (const component of opinion.components ?? []) await form.getByRole('checkbox', { name: component }).check();
  const editor = form.getByRole('textbox', { name: 'Nội dung ý kiến' });
  await editor.click();
  await page.keyboard.press('Control+B');
  await page.keyboard.type('Đề nghị: ');
  await page.keyboard.press('Control+B');
  await page.keyboard.type(opinion.text);
  if (opinion.quote) {
    await form.getByRole('button', { name: 'Trích dẫn bộ phận' }).click();
    await page.getByRole('menuitem', { name: opinion.quote }).click();
  }
  await form.getByRole('button', { name: 'Lưu ý kiến' }).click();
  await expect(form).toBeHidden();
  const saved = page.getByTestId('opinion').first();
  await expect(saved).toContainText(opinion.text);
  await expect(saved.locator('strong')).toHaveText('Đề nghị: ');
}

async function respond(page: Page, regulation: string, decision: 'Tiếp thu' | 'Giải trình', text: string) {
  await openRegulation(page, regulation, 'Ý kiến');
  const form = page.getByTestId('response-form');
  await form.getByText(decision, { exact: true }).click();
  await form.getByLabel('Nội dung tiếp thu hoặc giải trình').fill(text);
  await form.getByRole('button', { name: 'Lưu tiếp thu, giải trình' }).click();
  // A regulation may hold answers from both stages: the new one is among them.
  await expect(page.getByTestId('opinion-response').filter({ hasText: text })).toBeVisible();
}

test('ministry, appraisal body and VPCP pass the dossier round, ending with an issued draft and its full history', async ({ browser }) => {
  test.setTimeout(300_000);
  const files = mkdtempSync(join(tmpdir(), 'tthc-flow-files-'));
  const prepared = join(files, 'bo-gtvt-du-thao.json');
  writeFileSync(prepared, JSON.stringify(workflowDossier(), null, 2));

  // 1. The ministry: takes in its prepared draft, finishes the assessment and sends it for appraisal.
  const ministry = await openAgency(browser, 'Bộ Giao thông vận tải', 'Cơ quan chủ trì soạn thảo', 'Nguyễn Văn A');
  expect(await importFile(ministry, prepared)).toContain('Đã thêm: 1 dự thảo, 2 TTHC/QĐKD');
  await step(ministry.page, 'Hoàn thành đánh giá tác động');
  await step(ministry.page, 'Gửi thẩm định', { note: 'Công văn số 101/BGTVT-PC' });
  await expectStatus(ministry.page, 'submitted_for_appraisal');
  // The drafter is offered no appraisal step at all.
  await expect(ministry.page.getByRole('button', { name: 'Ban hành ý kiến thẩm định' })).toHaveCount(0);
  const toAppraisal = await exportFile(ministry, join(files, '1-gui-tham-dinh.json'));

  // 2. The appraisal body: imports, writes an opinion per regulation, completes the appraisal, sends it back.
  const appraisal = await openAgency(browser, 'Bộ Tư pháp', 'Cơ quan thẩm định', 'Trần Thị B');
  await importFile(appraisal, toAppraisal);
  await writeOpinion(appraisal.page, LICENCE, {
    verdict: 'Đề nghị sửa đổi, bổ sung',
    components: ['Thời hạn giải quyết'],
    text: 'rút ngắn thời hạn giải quyết xuống 3 ngày làm việc.',
    quote: 'Thời hạn giải quyết',
  });
  await expect(appraisal.page.getByTestId('opinion').first().locator('blockquote')).toContainText('5 ngày làm việc');
  // One regulation still lacks an opinion: the step is shown but refused, with the rule and the regulation named.
  await openDraft(appraisal.page);
  await appraisal.page.getByRole('tab', { name: 'Quy trình' }).click();
  const blocked = appraisal.page.getByTestId('blocked-complete_appraisal');
  await expect(blocked.getByRole('button', { name: 'Ban hành ý kiến thẩm định' })).toBeDisabled();
  await blocked.hover();
  await expect(appraisal.page.getByRole('tooltip')).toContainText(`mọi TTHC phải có ý kiến thẩm định. Chưa đạt: «${BADGE}»`);
  await writeOpinion(appraisal.page, BADGE, { verdict: 'Thống nhất', text: 'thống nhất với dự thảo.' });
  await step(appraisal.page, 'Ban hành ý kiến thẩm định', { note: 'Báo cáo thẩm định số 12/BC-BTP' });
  await expectStatus(appraisal.page, 'appraised');
  const appraised = await exportFile(appraisal, join(files, '2-y-kien-tham-dinh.json'));

  // 3. The ministry: sees the opinions, answers each, shortens the time limit, revises and sends for review.
  expect(await importFile(ministry, appraised)).toContain('Đã thêm: 0 dự thảo, 0 TTHC/QĐKD, 2 ý kiến, 1 bước xử lý');
  await ministry.page.getByRole('tab', { name: 'Ý kiến' }).click();
  await expect(ministry.page.getByTestId('opinion')).toHaveCount(2);
  await ministry.page.getByRole('tab', { name: 'Quy trình' }).click();
  await expect(ministry.page.getByTestId('blocked-revise')).toHaveAttribute('data-reason', /phải tiếp thu hoặc giải trình từng ý kiến/);
  await respond(ministry.page, LICENCE, 'Tiếp thu', 'Đã rút ngắn thời hạn giải quyết còn 3 ngày làm việc.');
  await respond(ministry.page, BADGE, 'Tiếp thu', 'Giữ nguyên như dự thảo.');
  await openRegulation(ministry.page, LICENCE, 'Bộ phận tạo thành');
  await ministry.page.getByLabel('Thời hạn giải quyết').fill('3');
  await ministry.page.getByRole('button', { name: 'Lưu', exact: true }).click();
  // The form's own state says the change is saved, as the officer reads it beside the button.
  await expect(ministry.page.getByText('Đã lưu mọi thay đổi', { exact: true })).toBeVisible();
  await step(ministry.page, 'Tiếp thu, giải trình');
  await step(ministry.page, 'Gửi thẩm tra');
  await expectStatus(ministry.page, 'submitted_for_review');
  const toReview = await exportFile(ministry, join(files, '3-gui-tham-tra.json'));

  // 4. VPCP: imports, reviews every regulation, sends its opinion back.
  const vpcp = await openAgency(browser, 'Văn phòng Chính phủ', 'Văn phòng Chính phủ (thẩm tra)', 'Lê Văn C');
  await importFile(vpcp, toReview);
  await writeOpinion(vpcp.page, LICENCE, { verdict: 'Thống nhất', text: 'thống nhất với phương án đã tiếp thu.' });
  await writeOpinion(vpcp.page, BADGE, { verdict: 'Thống nhất', text: 'thống nhất.' });
  await step(vpcp.page, 'Ban hành ý kiến thẩm tra');
  await expectStatus(vpcp.page, 'reviewed');
  const reviewed = await exportFile(vpcp, join(files, '4-y-kien-tham-tra.json'));

  // 5. The ministry: imports the review, answers it (not issued while a response is missing) and issues the document.
  await importFile(ministry, reviewed);
  await ministry.page.getByRole('tab', { name: 'Quy trình' }).click();
  await expect(ministry.page.getByTestId('blocked-issue')).toHaveAttribute('data-reason', /phải tiếp thu hoặc giải trình từng ý kiến/);
  await respond(ministry.page, LICENCE, 'Tiếp thu', 'Tiếp thu ý kiến thẩm tra.');
  await respond(ministry.page, BADGE, 'Tiếp thu', 'Tiếp thu ý kiến thẩm tra.');
  await step(ministry.page, 'Ban hành văn bản', { issuedAt: '2024-02-05' });
  await expectStatus(ministry.page, 'issued');
  const history = ministry.page.getByTestId('workflow-history');
  for (const action of [
    'Hoàn thành đánh giá tác động',
    'Gửi thẩm định',
    'Ban hành ý kiến thẩm định',
    'Tiếp thu, giải trình',
    'Gửi thẩm tra',
    'Ban hành ý kiến thẩm tra',
    'Ban hành văn bản',
  ]) {
    await expect(history.getByText(action, { exact: true })).toBeVisible();
  }
  await expect(history).toContainText('Trần Thị B · Cơ quan thẩm định');
  await expect(history).toContainText('Lê Văn C · Văn phòng Chính phủ (thẩm tra)');
  await expect(history).toContainText('Báo cáo thẩm định số 12/BC-BTP');

  // What changed between the appraisal round and the review round, side by side.
  await openRegulation(ministry.page, LICENCE, 'So sánh vòng');
  const diff = ministry.page.getByTestId('round-diff');
  const timeLimit = diff.locator('tr[data-component="timeLimitDays"]');
  await expect(timeLimit).toHaveAttribute('data-status', 'changed');
  await expect(timeLimit.locator('[data-op="del"]')).toHaveText('5 ngày làm việc');
  await expect(timeLimit.locator('[data-op="add"]')).toHaveText('3 ngày làm việc');
  await expect(diff.locator('tr[data-component="steps"]')).toHaveCount(0); // unchanged components are hidden

});
