// Document symbols ("105/2017/NĐ-CP", "12/TTr-BGTVT", "59/2020/QH14") are read as one word: a line never ends after
// their slash or hyphen, and a justified line never spreads them ("105/2017/ NĐ- CP"). The renderers ask this module
// where they are and keep each whole, with the punctuation attached to it ("(105/2017/NĐ-CP),").

/** A number, an optional year, and the issuer's code (a capital first) with its hyphenated parts. */
const SYMBOL = String.raw`\d+\/(?:\d{4}\/)?\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)*`;

/** The run of non-space characters that holds a symbol. */
const TOKEN = new RegExp(String.raw`[^\s]*${SYMBOL}[^\s]*`, 'gu');

export type TextPiece = { text: string; citation: boolean };

/** The text cut at the edges of its symbols (each with what is attached to it); the pieces joined give the text back. */
export function citationPieces(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let from = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > from) pieces.push({ text: text.slice(from, match.index), citation: false });
    pieces.push({ text: match[0], citation: true });
    from = match.index + match[0].length;
  }
  if (from < text.length) pieces.push({ text: text.slice(from), citation: false });
  return pieces;
}

/** U+2060 WORD JOINER: no line break on either side of it, and nothing drawn. */
export const WORD_JOINER = '\u2060';
