// Case- and diacritic-insensitive text for search. SQLite's remove_diacritics leaves đ alone, so fold it here.
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
