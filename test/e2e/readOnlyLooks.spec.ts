// Issue 20 defect 12: read-only fields were low-contrast grey, and notices covered buttons the officer needed next
// (an error notice over «Lưu tiếp thu, giải trình»). The screen watch of test.ts looks for both on every screen; here
// each is asserted where it was seen, so that a return of either fails by name and not only through the watch.
import { REVIEWED_IDS, REVIEWED_NAMES, writeReviewedDossier } from '../fixtures/reviewedDossier';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import type { DraftDetail, RegulationDetail } from '../../shared/contract/api';
import { expect, test, type Locator } from './test';
import { callApi, startHost, temporaryDatabase } from './webHost';

const CLI = resolve(import.meta.dirname, '../../bin/tthc.js');

test.use({ viewport: { width: 1366, height: 768 } });

/** The contrast ratio (WCAG) of a field's text as drawn — its colour and its own opacity — against what is behind it. */
function shownContrast(field: Locator): Promise<number> {
  return field.evaluate((element) => {
    const rgba = (color: string) => {
      const parts = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).map(Number);
      const scale = color.startsWith('color(srgb') ? 255 : 1;
      return [parts[0]! * scale, parts[1]! * scale, parts[2]! * scale, parts[3] ?? 1] as const;
    };
    const luminance = (channels: number[]) =>
      channels
        .map((value) => value / 255)
        .map((channel) => (channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4))
        .reduce((sum, channel, index) => sum + channel * [0.2126, 0.7152, 0.0722][index]!, 0);
    let back: readonly number[] = [255, 255, 255, 1];
    for (let node: Element | null = element; node; node = node.parentElement) {
      const fill = rgba(getComputedStyle(node).backgroundColor);
      if (fill[3] > 0.5) {
        back = fill;
        break;
      }
    }
    const [r, g, b, alpha] = rgba(getComputedStyle(element).color);
    const opacity = Number(getComputedStyle(element).opacity) * alpha;
    const shown = [r, g, b].map((channel, index) => channel * opacity + back[index]! * (1 - opacity));
    const [light, dark] = [luminance(shown), luminance(back.slice(0, 3))].sort((x, y) => y - x) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  });
}

test('a procedure the officer may not change reads at AA contrast; a save’s notice covers no control', async ({ page, request }) => {
  const databasePath = temporaryDatabase('looks.sqlite');
  const imported = spawnSync(process.execPath, [CLI, '--db', databasePath, 'import', writeReviewedDossier(dirname(databasePath))], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);
  const host = await startHost(databasePath);
  try {
    // A drafter saves a procedure: the notice that says so stands clear of every control on the screen.
    const draft = await callApi<DraftDetail>(request, host, 'createDraft', { docType: 'nghi_dinh', title: 'Nghị định về hộ tịch', draftingAgency: 'Bộ Tư pháp', submittedToGovernment: true });
    const regulation = await callApi<RegulationDetail>(request, host, 'createRegulation', { draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: 'Đăng ký khai sinh', components: {} } });
    await page.goto(host.url);
    await page.evaluate((id) => (window.location.hash = `#/regulations/${id}`), regulation.id);
    await page.getByLabel('Thời hạn giải quyết').fill('4');
    await page.getByRole('button', { name: 'Lưu', exact: true }).first().click();
    const notice = page.locator('.mantine-Notification-root').filter({ hasText: 'Đã lưu' });
    await expect(notice).toBeVisible();
    const covered = await notice.evaluate((shown) => {
      const area = shown.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('button, a[href], input, textarea, select, [role=tab]')]
        .filter((control) => !control.closest('.mantine-Notifications-root') && control.checkVisibility())
        .filter((control) => {
          const box = control.getBoundingClientRect();
          return box.width > 0 && area.left < box.right - 1 && box.left < area.right - 1 && area.top < box.bottom - 1 && box.top < area.bottom - 1;
        })
        .map((control) => (control.getAttribute('aria-label') ?? control.textContent ?? '').trim());
    });
    expect(covered).toEqual([]);

    // VPCP reads the ministry's procedure: its fields are shown, not editable, and must still read.
    await callApi(request, host, 'saveProfile', { agency: 'Văn phòng Chính phủ', role: 'reviewer', officerName: 'Trần Văn Bình' });
    await page.reload();
    await page.evaluate((id) => (window.location.hash = `#/regulations/${id}`), REVIEWED_IDS.licence);
    const name = page.getByLabel('Tên thủ tục/quy định');
    await expect(name).toHaveValue(REVIEWED_NAMES[0]);
    await expect(name).toBeDisabled();
    expect(await shownContrast(name)).toBeGreaterThanOrEqual(4.5);
  } finally {
    await host.stop();
  }
});
