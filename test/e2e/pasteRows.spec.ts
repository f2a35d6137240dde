// Issue 20 defect 8: a 3-row table pasted from Excel into «Giấy tờ» made one item holding tabs, and 3 lines pasted
// into «Bước 1» made one step. Pasted here through the real clipboard (Ctrl+V), as the officer does; a paste of
// several rows is split only after the officer has seen them (Hủy keeps the field as typed).
import { expect, test, type Page } from './test';
import type { DraftDetail } from '../../shared/contract/api';
import { callApi, startHost, temporaryDatabase } from './webHost';

test.use({ viewport: { width: 1366, height: 768 }, permissions: ['clipboard-read', 'clipboard-write'] });

async function pasteInto(page: Page, field: ReturnType<Page['getByLabel']>, text: string): Promise<void> {
  await page.evaluate((copied) => navigator.clipboard.writeText(copied), text);
  await field.click();
  await page.keyboard.press('Control+V');
}

test('a table from Excel becomes one dossier item per row, lines from Word one step per line', async ({ page, request }, testInfo) => {
  const host = await startHost(temporaryDatabase('paste.sqlite'));
  try {
    const draft = await callApi<DraftDetail>(request, host, 'createDraft', { docType: 'nghi_dinh', title: 'Nghị định về đăng ký hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
    await page.goto(host.url);
    await page.evaluate((id) => (window.location.hash = `#/drafts/${id}/regulations/new`), draft.id);
    await page.getByLabel('Tên thủ tục/quy định').fill('Đăng ký khai sinh');

    // Excel copies a range as tab-separated rows ending in a line break; a cell with a line break comes quoted.
    const items = page.getByRole('textbox', { name: 'Giấy tờ', exact: true });
    await pasteInto(page, items.first(), 'STT\tTên giấy tờ\tSố lượng\r\n1\tTờ khai đăng ký khai sinh\t01 bản chính\r\n2\tGiấy chứng sinh\t1\r\n3\t"Giấy tờ tùy thân\r\ncủa người đi đăng ký"\t02\r\n');
    // First the rows it will make, to confirm.
    const preview = page.getByRole('dialog', { name: 'Tách phần vừa dán thành 3 dòng?' });
    await expect(preview.getByRole('row')).toHaveText([
      ['Dòng', 'Giấy tờ', 'Số bản'].join(''),
      // «01 bản chính» is one original, counted apart (issue 22), no longer a suffix of the name.
      ['1', 'Tờ khai đăng ký khai sinh', '01 bản chính'].join(''),
      ['2', 'Giấy chứng sinh', '01 bản'].join(''),
      ['3', 'Giấy tờ tùy thân của người đi đăng ký', '02 bản'].join(''),
    ]);
    await expect(items).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath('paste-preview.png') });
    await preview.getByRole('button', { name: 'Tách thành 3 dòng' }).click();
    // The notice lasts 4 s: checked first, before the rows' values, so a slow machine cannot outlast it.
    await expect(page.getByText('Đã tách phần vừa dán thành 3 dòng')).toBeVisible();
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toHaveValue('Tờ khai đăng ký khai sinh');
    await expect(page.getByRole('textbox', { name: 'Trong đó: bản chính' }).nth(0)).toHaveValue('1 bản chính');
    await expect(items.nth(1)).toHaveValue('Giấy chứng sinh');
    await expect(items.nth(2)).toHaveValue('Giấy tờ tùy thân của người đi đăng ký');
    await expect(page.getByRole('textbox', { name: 'Số bản' }).nth(2)).toHaveValue('2 bản');

    // Word copies a list as one paragraph per line. Hủy keeps the step as typed, the pasted text not added.
    const wordList = 'Bước 1: Nộp hồ sơ tại UBND cấp xã\nBước 2: Công chức tư pháp kiểm tra hồ sơ\nBước 3: Trả kết quả\n';
    const firstStep = page.getByRole('textbox', { name: 'Bước 1' });
    await firstStep.fill('Nộp hồ sơ');
    await pasteInto(page, firstStep, wordList);
    const stepsPreview = page.getByRole('dialog', { name: 'Tách phần vừa dán thành 3 dòng?' });
    await expect(stepsPreview.getByRole('cell', { name: 'Công chức tư pháp kiểm tra hồ sơ' })).toBeVisible();
    await stepsPreview.getByRole('button', { name: 'Hủy' }).click();
    await expect(stepsPreview).toBeHidden();
    await expect(page.getByRole('textbox', { name: /^Bước \d$/ })).toHaveCount(1);
    await expect(firstStep).toHaveValue('Nộp hồ sơ');

    await firstStep.fill('');
    await pasteInto(page, firstStep, wordList);
    await stepsPreview.getByRole('button', { name: 'Tách thành 3 dòng' }).click();
    await expect(page.getByRole('textbox', { name: /^Bước \d$/ })).toHaveCount(3);
    await expect(page.getByRole('textbox', { name: 'Bước 3' })).toHaveValue('Trả kết quả');
    await page.screenshot({ path: testInfo.outputPath('pasted-rows.png'), fullPage: true });

    // One line pasted stays one line in its field.
    await pasteInto(page, page.getByRole('textbox', { name: 'Bước 3' }), ' trong ngày');
    await expect(page.getByRole('textbox', { name: /^Bước \d$/ })).toHaveCount(3);
    await expect(page.getByRole('textbox', { name: 'Bước 3' })).toHaveValue('Trả kết quả trong ngày');
  } finally {
    await host.stop();
  }
});
