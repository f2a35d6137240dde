// A reload the officer confirms in the browser's own "leave this page?" question, which must be asked.
import { expect, type Page } from '@playwright/test';

export async function reloadConfirmed(page: Page): Promise<void> {
  const asked = new Promise<string>((resolveAsked) =>
    page.once('dialog', (dialog) => {
      resolveAsked(dialog.type());
      void dialog.accept();
    }),
  );
  await page.reload();
  expect(await asked).toBe('beforeunload');
}
