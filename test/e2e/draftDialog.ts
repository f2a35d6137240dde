// The «Tạo dự thảo» dialog, opened the way an officer meets it: after the page knows who they are.
import { expect, type Locator, type Page } from './test';

/**
 * Opens «Tạo dự thảo mới» and returns it once it is ready to be typed in: the profile has arrived (the header's badge
 * is drawn only then, and the dialog's defaults come from it) and the dialog has put the cursor in «Tên dự thảo». A
 * click on «Loại văn bản» before that opened its list, then the dialog took the focus for the title and the list
 * closed: methodTerms.spec waited two minutes for «Nghị định» in a fresh-clone CI.
 */
export async function openNewDraftDialog(page: Page): Promise<Locator> {
  await expect(page.getByTestId('profile-badge')).toBeVisible();
  await page.getByRole('button', { name: 'Tạo dự thảo' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tạo dự thảo mới' });
  await expect(dialog.getByLabel('Tên dự thảo')).toBeFocused();
  return dialog;
}

/** Chooses the document type in the open dialog's «Loại văn bản» list. */
export async function chooseDocType(page: Page, dialog: Locator, docType: string): Promise<void> {
  await dialog.getByLabel('Loại văn bản').click();
  await page.getByRole('option', { name: docType, exact: true }).click();
  await expect(dialog.getByRole('combobox', { name: 'Loại văn bản' })).toHaveValue(docType);
}
