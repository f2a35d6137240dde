// Case- and diacritic-insensitive text for search. SQLite's remove_diacritics leaves đ alone, so fold it here.
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** The folded words a search looks for: letters and digits only, so punctuation and emoji fall away. */
export function searchWords(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Typed text with no word to look for ("😀", "!!!"): searching it must not list everything as a blank search does. */
export const isUnsearchable = (text: string): boolean => text.trim() !== '' && searchWords(text).length === 0;

export type HighlightPart = { text: string; match: boolean };

/**
 * Splits `text` where it matches the search the way the index does: each word of the query as the start of a word
 * of the text, ignoring case and diacritics ("giay phep" marks "giấy phép"). Folding is done per character, so the
 * marked parts are exact slices of the original text.
 */
export function highlightMatches(text: string, query: string): HighlightPart[] {
  const words = searchWords(query);
  if (words.length === 0 || text === '') return [{ text, match: false }];
  let folded = '';
  const origin: number[] = []; // folded index → index in text
  for (let index = 0; index < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(index)!);
    for (const foldedChar of foldVietnamese(char)) {
      folded += foldedChar;
      origin.push(index);
    }
    index += char.length;
  }
  origin.push(text.length);
  const marked = new Array<boolean>(text.length).fill(false);
  const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
  for (const word of words) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
      if (isWordChar(folded[at - 1])) continue;
      for (let index = origin[at]!; index < origin[at + word.length]!; index += 1) marked[index] = true;
    }
  }
  const parts: HighlightPart[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const last = parts.at(-1);
    if (last && last.match === marked[index]) last.text += text[index];
    else parts.push({ text: text[index]!, match: marked[index]! });
  }
  return parts;
}
