// A draft of the 2025 law from end to end, as officers record it in the UI: a Government resolution (nghị quyết của
// Chính phủ) cutting business conditions, assessed on the QĐKD form of Nghị quyết 66/NQ-CP condition by condition,
// and a commune council resolution (HĐND cấp xã) amending a procedure, assessed on the 2025 TTHC form component by
// component. Each is appraised with an opinion and the month's report judges them against NQ 66's 30% targets.
import { expect, test, type Locator, type Page } from './test';
import { chooseDocType, openNewDraftDialog } from './draftDialog';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { catalogueWorkbook } from '../../main/export/catalogueXlsx';
import { catalogueFileSchema } from '../../shared/domain/catalogue';
import { CATALOGUE_SAMPLE_PATH } from '../fixtures/catalogueSample';
import { pickMonth } from './datePickers';
import { startHost, temporaryDatabase } from './webHost';

const SHOTS = process.env.TTHC_SHOTS;
const shot = async (page: Page, name: string, height?: number) => {
  if (!SHOTS) return;
  const viewport = page.viewportSize();
  if (height && viewport) await page.setViewportSize({ width: viewport.width, height });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  if (height && viewport) await page.setViewportSize(viewport);
};

test.use({ viewport: { width: 1366, height: 768 }, actionTimeout: 15_000 });

const QDKD_FORM = 'Biểu mẫu đánh giá tác động quy định kinh doanh (Nghị quyết 66/NQ-CP ngày 26/03/2025)';
// The box names the chosen form by its kind and legal basis; the list by its whole name.
const QDKD_IN_BOX = 'QĐKD (Nghị quyết 66/NQ-CP ngày 26/03/2025)';
const TTHC_IN_BOX = 'TTHC (Luật số 64/2025/QH15; Nghị định 63/2010/NĐ-CP, bổ sung đánh giá từng bộ phận)';

async function createDraft(page: Page, docType: string, title: string, agency: string): Promise<void> {
  await page.getByRole('link', { name: 'Dự thảo VBQPPL' }).click();
  const dialog = await openNewDraftDialog(page);
  await chooseDocType(page, dialog, docType);
  await dialog.getByLabel('Tên dự thảo').fill(title);
  await dialog.getByLabel('Cơ quan chủ trì soạn thảo').fill(agency);
  await dialog.getByLabel('Cơ quan chủ trì soạn thảo').press('Escape');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

/** Records an amended regulation with its time limit after, and the figures before, in the regulation form. */
async function addAmendedRegulation(page: Page, fields: { kind: 'Thủ tục hành chính' | 'Quy định kinh doanh'; name: string; days: string; daysBefore: string; conditionsBefore?: string }) {
  await page.getByRole('button', { name: 'Thêm TTHC/QĐKD' }).click();
  await page.getByLabel('Tên thủ tục/quy định').fill(fields.name);
  await page.getByText(fields.kind, { exact: true }).click();
  await page.getByRole('combobox', { name: 'Dự thảo quy định' }).click();
  await page.getByRole('option', { name: 'Sửa đổi, bổ sung', exact: true }).click();
  await page.getByLabel('Thời hạn giải quyết').fill(fields.days);
  const baseline = page.getByTestId('baseline-section');
  // Validation tells instead of coercing: a negative count is named, not turned into 0.
  await baseline.getByLabel('Thời hạn hiện hành').fill('-2');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(baseline.getByText('không được âm')).toBeVisible();
  await baseline.getByLabel('Thời hạn hiện hành').fill(fields.daysBefore);
  if (fields.conditionsBefore) await baseline.getByLabel('Số điều kiện kinh doanh hiện hành').fill(fields.conditionsBefore);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('heading', { name: fields.name, level: 1 })).toBeVisible();
}

function answers(scope: Page | Locator) {
  return {
    choose: (question: string, answer: string) => scope.getByRole('radiogroup', { name: question }).getByRole('radio', { name: answer, exact: true }).check(),
    write: (question: string, text: string) => scope.getByLabel(question, { exact: true }).fill(text),
    select: async (page: Page, question: string, option: string) => {
      await scope.getByRole('combobox', { name: question, exact: true }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    },
  };
}

/** Answers every question of the open section that is still blank: "Có"/the first option, a line of text, 1. */
async function answerRest(page: Page): Promise<void> {
  // The section's own panel: the innermost visible one with the section buttons (the page's tabs hold it).
  const panel = page.getByRole('tabpanel').filter({ has: page.getByRole('button', { name: /Mục tiếp theo|Sang bảng tính chi phí/ }) }).last();
  for (let pass = 0; pass < 3; pass += 1) {
    for (const group of await panel.getByRole('radiogroup').all()) {
      if ((await group.getByRole('radio', { checked: true }).count()) === 0) await group.getByRole('radio').first().check();
    }
    for (const box of await panel.getByPlaceholder('Nhập nội dung').all()) {
      if ((await box.inputValue()) === '') await box.fill('Theo hồ sơ dự thảo');
    }
    for (const reference of await panel.getByPlaceholder('Tên hoặc mã TTHC có liên quan').all()) {
      if ((await reference.inputValue()) === '') await reference.fill('Cấp giấy chứng nhận đăng ký hộ kinh doanh');
    }
    for (const unchanged of await panel.getByRole('checkbox', { name: /: Không thay đổi$/ }).all()) await unchanged.check();
    for (const [figure, value] of [
      [/\(đồng\)\.$/, '100000'],
      [/\(ngày làm việc\)\.$/, '5'],
    ] as const) {
      for (const box of await panel.getByRole('textbox', { name: figure }).all()) {
        if ((await box.inputValue()) === '') await box.fill(value);
      }
    }
  }
}

async function fillWorksheet(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Chi phí tuân thủ', exact: true }).click();
  for (const [name, hours, other] of [
    ['Hiện tại', '16', '200000'],
    ['Theo dự thảo', '8', '50000'],
  ] as const) {
    const side = page.getByRole('group', { name, exact: true });
    await side.getByRole('textbox', { name: 'Số giờ: Chuẩn bị hồ sơ' }).fill(hours);
    await side.getByRole('textbox', { name: 'Chi phí khác (đ/lần)' }).fill(other);
    await side.getByRole('textbox', { name: 'Số đối tượng thực hiện (năm đầu)' }).fill('2000');
  }
  await expect(page.getByTestId('save-state')).toHaveText('Đã lưu');
  await expect(page.getByTestId('assessment-completeness')).toHaveText('Đánh giá đầy đủ');
}

test('a 2025 Government resolution and a commune council resolution: assessed on the 2025 forms, appraised and judged against NQ 66', async ({ page, request }) => {
  const host = await startHost(temporaryDatabase('law2025.sqlite'));
  const call = async (method: string, input: unknown) => {
    const response = await request.post(`${host.origin}/api/${method}`, { data: input, headers: { 'x-tthc-token': host.token } });
    const body = (await response.json()) as { value: { id: string; regulations: Array<{ id: string }> }; error?: { message: string } };
    expect(response.ok(), body.error?.message).toBe(true);
    return body.value;
  };
  try {
    await page.goto(host.url);

    // 1. The Government's resolution: one business regulation of three conditions today.
    const resolution = 'Nghị quyết của Chính phủ về cắt giảm điều kiện kinh doanh dịch vụ lữ hành';
    await createDraft(page, 'Nghị quyết của Chính phủ', resolution, 'Bộ Văn hóa, Thể thao và Du lịch');
    await addAmendedRegulation(page, { kind: 'Quy định kinh doanh', name: 'Điều kiện kinh doanh dịch vụ lữ hành quốc tế', days: '5', daysBefore: '10', conditionsBefore: '3' });
    await shot(page, 'law2025-regulation-baseline', 1100);

    await page.getByRole('tab', { name: 'Đánh giá tác động' }).click();
    await expect(page.getByRole('combobox', { name: 'Mẫu đánh giá' })).toHaveValue(QDKD_IN_BOX);
    const q = answers(page);
    await q.write('Quy định kinh doanh nhằm đạt mục tiêu quản lý nhà nước gì?', 'Bảo vệ quyền lợi khách du lịch');
    await q.choose('Mục tiêu đó có thực sự cần thiết không?', 'Có');
    await q.choose('Ngành, nghề có thuộc Danh mục ngành, nghề đầu tư kinh doanh có điều kiện (Phụ lục IV Luật Đầu tư) không?', 'Có');
    await q.choose('Kết luận: việc quy định điều kiện kinh doanh có cần thiết không?', 'Có');
    // Changing the form asks first, naming the answers the 2010 form does not ask; keeping it loses nothing.
    const picker = page.getByRole('combobox', { name: 'Mẫu đánh giá' });
    await picker.click();
    await page.getByRole('option', { name: 'Biểu mẫu đánh giá tác động thủ tục hành chính (Nghị định 63/2010/NĐ-CP)', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: /^Đổi sang/ });
    await expect(confirm).toContainText('3 câu trả lời có cùng câu hỏi trong mẫu mới được giữ lại.');
    await expect(confirm.getByTestId('dropped-answers').getByRole('listitem')).toHaveText([
      'Ngành, nghề có thuộc Danh mục ngành, nghề đầu tư kinh doanh có điều kiện (Phụ lục IV Luật Đầu tư) không?',
    ]);
    await shot(page, 'law2025-template-change');
    await confirm.getByRole('button', { name: 'Giữ mẫu hiện tại' }).click();
    await expect(picker).toHaveValue(QDKD_IN_BOX);
    await expect(page.getByRole('tab', { name: /I\. Sự cần thiết của quy định kinh doanh/ })).toContainText('4/4');
    await page.getByRole('button', { name: 'Mục tiếp theo' }).click();

    // II. Condition by condition: three listed, one kept.
    const table = page.getByTestId('group-items');
    await expect(table.getByText('Chưa có điều kiện nào')).toBeVisible();
    const conditions = [
      ['Ký quỹ 500 triệu đồng tại ngân hàng', 'Có', 'Không', 'Có', 'Có'],
      ['Người điều hành có 03 năm kinh nghiệm', 'Không', 'Có', 'Không', 'Không'],
      ['Có văn phòng cố định từ 50 m²', 'Không', 'Có', 'Không', 'Không'],
    ] as const;
    for (const [index, [text, necessary, postInspection, proportionate, keep]] of conditions.entries()) {
      await table.getByRole('button', { name: 'Thêm điều kiện' }).click();
      const row = answers(table.getByTestId('group-row').nth(index));
      const name = `Điều kiện ${index + 1}`;
      await row.write(`${name}: Nội dung điều kiện`, text);
      await row.choose(`${name}: Có cần thiết không?`, necessary);
      await row.choose(`${name}: Có thể chuyển sang hậu kiểm không?`, postInspection);
      await row.choose(`${name}: Có tương xứng với mức độ rủi ro không?`, proportionate);
      await row.choose(`${name}: Đề xuất giữ lại?`, keep);
    }
    await table.getByRole('textbox', { name: 'Điều kiện 1: Chi phí tuân thủ của doanh nghiệp (đồng/năm)' }).fill('500000000');
    await expect(table.getByTestId('group-row').filter({ hasText: 'Đã trả lời đủ' })).toHaveCount(3);
    await q.choose('Kết luận: các điều kiện kinh doanh được giữ lại có hợp lý không?', 'Có');
    await expect(page.getByRole('tab', { name: /II\. Đánh giá từng điều kiện/ })).toContainText('2/2');
    // The score reads each condition's weighted answers, shared by the rows.
    await expect(page.getByTestId('score-breakdown')).toContainText('Điều kiện 2 — Có cần thiết không?');
    await shot(page, 'law2025-qdkd-conditions', 1700);
    await page.getByRole('button', { name: 'Mục tiếp theo' }).click();
    await answerRest(page);
    await fillWorksheet(page);
    await page.getByRole('tab', { name: 'Bộ phận tạo thành' }).click();
    await expect(page.getByTestId('conditions-measure')).toContainText('giữ 1/3');
    await expect(page.getByTestId('conditions-measure')).toContainText('Cắt giảm 66,67%');
    await expect(page.getByTestId('time-measure')).toContainText('Cắt giảm 50%');
    await shot(page, 'law2025-regulation-measures', 1100);
    const resolutionId = new URL(page.url()).hash.match(/regulations\/([0-9a-f-]+)/)![1]!;

    // 2. A commune council resolution amending a procedure of the commune.
    const commune = 'Nghị quyết của HĐND xã Tân Hòa về thủ tục hỗ trợ hộ kinh doanh';
    await createDraft(page, 'Nghị quyết của HĐND cấp xã', commune, 'Ủy ban nhân dân xã Tân Hòa');
    await addAmendedRegulation(page, { kind: 'Thủ tục hành chính', name: 'Hỗ trợ hộ kinh doanh bị thiệt hại do thiên tai', days: '5', daysBefore: '10' });
    await page.getByRole('tab', { name: 'Đánh giá tác động' }).click();
    await expect(picker).toHaveValue(TTHC_IN_BOX);
    // The QĐKD form is not offered for a procedure.
    await picker.click();
    await expect(page.getByRole('option', { name: QDKD_FORM })).toHaveCount(0);
    await picker.press('Escape');
    for (let section = 0; section < 2; section += 1) {
      await answerRest(page);
      await page.getByRole('button', { name: 'Mục tiếp theo' }).click();
    }
    // III. Component by component: each dossier item and each kind of subject on its own row.
    const dossier = page.getByTestId('group-dossier_items');
    await dossier.getByRole('button', { name: 'Thêm thành phần hồ sơ' }).click();
    const item = answers(dossier.getByTestId('group-row').first());
    await item.write('Thành phần hồ sơ 1: Tên thành phần hồ sơ', 'Bản sao sổ hộ khẩu');
    await item.write('Thành phần hồ sơ 1: Lý do quy định', 'Xác định nơi cư trú');
    await item.select(page, 'Thành phần hồ sơ 1: Hình thức', 'Bản sao chứng thực');
    await item.select(page, 'Thành phần hồ sơ 1: Có thể thay bằng dữ liệu trong cơ sở dữ liệu quốc gia không?', 'Cơ sở dữ liệu quốc gia về dân cư');
    const subjects = page.getByTestId('group-subjects');
    await subjects.getByRole('button', { name: 'Thêm đối tượng' }).click();
    const subject = answers(subjects.getByTestId('group-row').first());
    await subject.select(page, 'Đối tượng 1: Loại đối tượng', 'Hộ kinh doanh');
    await subject.write('Đối tượng 1: Số lượng ước tính (lượt/năm)', '120');
    await answerRest(page);
    await expect(page.getByRole('tab', { name: /III\. Đánh giá từng bộ phận/ })).toContainText('13/13');
    await shot(page, 'law2025-tthc-components', 2300);
    await page.getByRole('button', { name: 'Mục tiếp theo' }).click();
    for (let section = 0; section < 3; section += 1) {
      await answerRest(page);
      const next = page.getByRole('button', { name: 'Mục tiếp theo' });
      if (await next.isVisible()) await next.click();
    }
    await fillWorksheet(page);
    await shot(page, 'law2025-tthc-cost');
    const communeId = new URL(page.url()).hash.match(/regulations\/([0-9a-f-]+)/)![1]!;

    // 3. Each draft goes to appraisal and the appraising body gives its opinion.
    for (const regulationId of [resolutionId, communeId]) {
      const { draftId } = (await call('getRegulation', { id: regulationId })) as unknown as { draftId: string };
      await call('transition', { draftId, action: 'complete_assessment' });
      await call('transition', { draftId, action: 'submit_for_appraisal' });
      await call('saveProfile', { agency: 'Bộ Tư pháp', role: 'appraiser', officerName: 'Trần Thị B' });
      const body = [{ type: 'paragraph', children: [{ text: 'Cơ quan thẩm định thống nhất với việc cắt giảm.' }] }];
      await call('saveOpinion', { regulationId, stage: 'appraisal', verdict: 'agree', body });
      await call('saveProfile', { agency: 'Bộ Tư pháp', role: 'drafter', officerName: 'Cán bộ kiểm thử' });
    }

    // 4. The month's report: judged against NQ 66's 30% targets, named; NQ 68 ended with 2025.
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    const today = new Date();
    await pickMonth(page, 'Tháng báo cáo', `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`);
    const programs = page.getByTestId('report-programs');
    const nq66 = programs.getByTestId('program-nq66-2025');
    await expect(nq66).toContainText('Nghị quyết 66/NQ-CP');
    await expect(programs.getByTestId('program-nq68-2020')).toHaveCount(0);
    for (const [measure, achieved] of [
      // 16 h + 200.000 đ → 8 h + 50.000 đ at 34.090,91 đ an hour: 745.454,55 đ → 322.727,27 đ a case.
      ['Chi phí tuân thủ', '56,71%'],
      ['Thời hạn giải quyết', '50%'],
      ['Điều kiện kinh doanh', '66,67%'],
    ] as const) {
      const line = nq66.getByRole('row').filter({ hasText: measure });
      await expect(line).toContainText('mục tiêu 30%');
      await expect(line).toContainText(achieved);
      await expect(line).toContainText('Đạt');
    }
    await expect(page.getByTestId('report-paragraphs')).toContainText('Nghị quyết của HĐND cấp xã');
    await shot(page, 'law2025-report', 1400);
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await expect(page.getByText('Nghị quyết 66/NQ-CP').first()).toBeVisible();
    await shot(page, 'law2025-dashboard', 1400);
  } finally {
    await host.stop();
  }
});

test('the catalogue picker imports a workbook all or nothing, and a record it holds gives the time limit before', async ({ page, request }) => {
  const databasePath = temporaryDatabase('catalogue-xlsx.sqlite');
  const procedures = catalogueFileSchema.parse(JSON.parse(readFileSync(CATALOGUE_SAMPLE_PATH, 'utf8'))).procedures;
  const good = join(dirname(databasePath), 'danh-muc-tthc.xlsx');
  const bad = join(dirname(databasePath), 'danh-muc-loi.xlsx');
  writeFileSync(good, await catalogueWorkbook(procedures));
  writeFileSync(bad, await catalogueWorkbook(procedures.map((procedure, index) => (index === 4 ? { ...procedure, name: ' ' } : procedure))));
  const host = await startHost(databasePath);
  try {
    const created = await request.post(`${host.origin}/api/createDraft`, {
      data: { docType: 'nghi_quyet_hdnd_xa', title: 'Nghị quyết của HĐND xã về hộ kinh doanh', draftingAgency: 'Ủy ban nhân dân xã Tân Hòa', submittedToGovernment: false },
      headers: { 'x-tthc-token': host.token },
    });
    const draft = ((await created.json()) as { value: { id: string } }).value;
    await page.goto(host.url);
    await page.evaluate((hash) => (window.location.hash = hash), `#/drafts/${draft.id}`);
    await page.getByRole('button', { name: 'Thêm TTHC/QĐKD' }).click();
    await page.getByRole('button', { name: 'Lấy từ CSDL quốc gia' }).click();
    const picker = page.getByRole('dialog', { name: 'Chọn TTHC từ CSDL quốc gia' });
    const file = picker.locator('input[type=file]');

    await file.setInputFiles(bad);
    await expect(page.getByText(/dòng 6, cột “Tên TTHC”/).first()).toBeVisible();
    await expect(picker.getByText('Danh mục chưa có TTHC nào', { exact: false })).toBeVisible();
    // An error stays until the officer closes it, having read it.
    await page.getByRole('alert').getByRole('button', { name: 'Đóng' }).click();
    await file.setInputFiles(good);
    // What the officer looks at next is the list the import filled; its notice says how many came in.
    await expect(picker.getByText('Danh mục chưa có TTHC nào', { exact: false })).toHaveCount(0);
    await expect(page.getByText(`Đã nhập danh mục: thêm ${procedures.length}, cập nhật 0, không đổi 0.`)).toBeVisible();
    await picker.getByLabel('Tìm theo mã hoặc tên TTHC').fill('thanh lap ho kinh doanh');
    await picker.getByRole('button', { name: 'Dùng 2.000720' }).click();

    // The published record is the procedure as it stands: its 3 days are the time limit before the draft.
    const baseline = page.getByTestId('baseline-section');
    // The unit stands beside the number (issue 22: «ngày làm việc» or «ngày»), the record's «03 ngày làm việc».
    await expect(baseline.getByLabel('Thời hạn hiện hành')).toHaveValue('3');
    await expect(baseline.getByRole('combobox', { name: 'Đơn vị tính thời hạn trước dự thảo' })).toHaveValue('ngày làm việc');
    await page.getByLabel('Thời hạn giải quyết').fill('1');
    await expect(baseline.getByTestId('time-measure')).toContainText('Cắt giảm 66,67%');
    await shot(page, 'law2025-catalogue-baseline', 1000);
  } finally {
    await host.stop();
  }
});
