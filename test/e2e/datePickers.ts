// Choosing a month in the app's month picker as an officer does: open it, step through the years, click the month.
import { expect, type Page } from '@playwright/test';

export async function pickMonth(page: Page, label: string, isoMonth: string): Promise<void> {
  const [year, month] = isoMonth.split('-') as [string, string];
  await page.getByRole('button', { name: label, exact: true }).click();
  // The picker's own dialog (labelled by its field): another picker's dropdown may still be fading out.
  const dropdown = page.getByRole('dialog', { name: label, exact: true });
  const target = dropdown.getByRole('button', { name: `Tháng ${Number(month)}/${year}`, exact: true });
  for (let step = 0; step < 30 && !(await target.isVisible()); step += 1) {
    const shown = Number(await dropdown.getByRole('button', { name: /^\d{4}$/ }).innerText());
    await dropdown.getByRole('button', { name: shown > Number(year) ? 'Năm trước' : 'Năm sau' }).click();
  }
  await target.click();
  await expect(dropdown).toBeHidden();
}
