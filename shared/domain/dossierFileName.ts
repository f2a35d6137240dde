import { foldVietnamese } from './textFold';

/** A file name an officer recognises in the mail: the draft's title without diacritics (or "ho-so" for several), and the day. */
export function dossierFileName(title: string | undefined, day: string): string {
  const slug = title === undefined ? 'ho-so' : foldVietnamese(title).replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 60).toLowerCase();
  return `tthc-${slug}-${day}.json`;
}
