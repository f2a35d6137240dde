// The one rule for text the app stores: what a typed, pasted or imported text may hold so that it is stored as it
// is and every document the app writes from it (DOCX and XLSX are XML 1.0; the database is UTF-8) can be opened,
// and so that the same words are the same text (issue 20, item 14: clean text in, same text out).
// Entry schemas, the exchange format and the workbook import all clean with `cleanText` and check with `textProblem`
// (through bounds.ts' boundedString); the XML writers drop what slipped through anyway with `withoutXmlForbidden`,
// as a last defence.
//
// Cleaned silently, because the officer cannot see them and nothing is lost:
// - decomposed Vietnamese (NFD, as macOS and some PDFs paste it) is composed to NFC, so that "ế" is one character
//   wherever it came from and search, sorting and comparisons treat it alike;
// - zero-width characters (U+200B space, U+200C/U+200D joiners, U+2060 word joiner, U+FEFF byte order mark, U+180E)
//   and the invisible direction marks U+200E/U+200F are removed: pasted from the web or Word, they split words
//   that look whole.
// Refused, each with where it is:
// - half of a surrogate pair: UTF-8 cannot encode it (SQLite would store U+FFFD instead, silently);
// - control characters other than tab, line feed and carriage return (U+0000–U+001F, DEL, U+0080–U+009F): XML 1.0
//   forbids the first, and none of them is text (a BEL pasted from a terminal, a C1 code from a mis-decoded file);
// - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make text read in another
//   order than it is stored ("gnaot" shown as "toang"), so what an officer sees is not what is kept;
// - Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE and U+FFFF among
//   them): they are for a program's internal use, never for interchange, and XML forbids U+FFFE and U+FFFF.

export type UnstorableReason = 'lone_surrogate' | 'control' | 'bidi_control' | 'noncharacter';
export type UnstorableCharacter = { index: number; codePoint: number; reason: UnstorableReason };

const isNoncharacter = (codePoint: number): boolean =>
  (codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe;

const isForbiddenControl = (codePoint: number): boolean =>
  (codePoint < 0x20 && codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d) || (codePoint >= 0x7f && codePoint <= 0x9f);

const isBidiControl = (codePoint: number): boolean => (codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069);

// A quick test first: nearly every text has none of these, and scanning code points one by one costs more.
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** The first character `text` may not hold, or undefined. */
export function firstUnstorableCharacter(text: string): UnstorableCharacter | undefined {
  const start = text.search(SUSPECT);
  if (start < 0) return undefined;
  for (let index = start; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return { index, codePoint: unit, reason: 'lone_surrogate' };
      const codePoint = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
      if (isNoncharacter(codePoint)) return { index, codePoint, reason: 'noncharacter' };
      index += 1;
      continue;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return { index, codePoint: unit, reason: 'lone_surrogate' };
    if (isForbiddenControl(unit)) return { index, codePoint: unit, reason: 'control' };
    if (isBidiControl(unit)) return { index, codePoint: unit, reason: 'bidi_control' };
    if (isNoncharacter(unit)) return { index, codePoint: unit, reason: 'noncharacter' };
  }
  return undefined;
}

// Named in words an officer understands, never by its code («U+0007» told a legal officer nothing, issue 20).
const REASON_TEXT: Record<UnstorableReason, string> = {
  lone_surrogate: 'một ký tự bị hỏng (thường do sao chép từ tệp lỗi), không lưu được',
  control: 'một ký tự điều khiển không in được (không nhìn thấy trên màn hình, thường dính theo khi dán từ nơi khác)',
  bidi_control: 'một ký tự đảo chiều viết (làm chữ hiện theo thứ tự khác với thứ tự được lưu)',
  noncharacter: 'một ký tự không dùng trong văn bản (không nhìn thấy trên màn hình)',
};

/** How many characters before the bad one are quoted to show where it is. */
const CONTEXT = 20;

/** Where the character at `index` is, as an officer finds it: its place, and the words just before it. */
function placeOf(text: string, index: number): string {
  if (index === 0) return 'ở ngay đầu nội dung';
  const before = Array.from(text.slice(0, index).replace(/\s+/g, ' ').trimStart());
  const shown = before.length > CONTEXT ? `…${before.slice(-CONTEXT).join('')}` : before.join('');
  return `ở ký tự thứ ${index + 1}, ngay sau «${shown}»`;
}

/** Why `text` cannot be stored, in Vietnamese, naming the character in words and where it is; undefined when it can. */
export function textProblem(text: string): string | undefined {
  const found = firstUnstorableCharacter(text);
  if (!found) return undefined;
  return `chứa ${REASON_TEXT[found.reason]} ${placeOf(text, found.index)}; hãy xóa ký tự đó rồi nhập lại`;
}

export const isStorableText = (text: string): boolean => firstUnstorableCharacter(text) === undefined;

const INVISIBLE = /[\u200B-\u200F\u2060\uFEFF\u180E]/g;

/** `text` as the app keeps it: without zero-width characters and direction marks, composed (NFC). Idempotent. */
export const cleanText = (text: string): string => text.replace(INVISIBLE, '').normalize('NFC');

/**
 * Every string of a JSON tree (an opinion's rich text) cleaned as `cleanText` does, in a copy of the same shape.
 * Walked with an explicit stack, never by recursion: a hostile tree thousands deep is refused by its schema's bounds,
 * and must not overflow the call stack here first.
 */
export function cleanTextTree<T>(root: T): T {
  if (typeof root === 'string') return cleanText(root) as T;
  if (root === null || typeof root !== 'object') return root;
  const copyOf = (node: object): Record<string, unknown> => (Array.isArray(node) ? [...node] : { ...node }) as Record<string, unknown>;
  const top = copyOf(root);
  const stack = [top];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of Object.keys(node)) {
      const item = node[key];
      if (typeof item === 'string') node[key] = cleanText(item);
      else if (item !== null && typeof item === 'object') {
        const copy = copyOf(item);
        node[key] = copy;
        stack.push(copy);
      }
    }
  }
  return top as T;
}

// What XML 1.0 cannot hold (its Char production): C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates.
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 forbids: what every DOCX/XLSX writer puts in a part, whatever was stored. */
export const withoutXmlForbidden = (text: string): string => text.replace(XML_FORBIDDEN, '');
