// The one rule for text the app stores: what a typed, pasted or imported text may hold so that it is stored as it
// is and every document the app writes from it (DOCX and XLSX are XML 1.0; the database is UTF-8) can be opened.
// Entry schemas, the exchange format and the workbook import all check through `textProblem`; the XML writers drop
// what slipped through anyway with `withoutXmlForbidden`, as a last defence.
//
// Refused, each with where it is:
// - half of a surrogate pair: UTF-8 cannot encode it (SQLite would store U+FFFD instead, silently);
// - control characters other than tab, line feed and carriage return (U+0000–U+001F): XML 1.0 forbids them;
// - Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE and U+FFFF among
//   them): they are for a program's internal use, never for interchange, and XML forbids U+FFFE and U+FFFF.

export type UnstorableReason = 'lone_surrogate' | 'control' | 'noncharacter';
export type UnstorableCharacter = { index: number; codePoint: number; reason: UnstorableReason };

const isNoncharacter = (codePoint: number): boolean =>
  (codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe;

const isForbiddenControl = (codePoint: number): boolean => codePoint < 0x20 && codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d;

// A quick test first: nearly every text has none of these, and scanning code points one by one costs more.
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

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
    if (isNoncharacter(unit)) return { index, codePoint: unit, reason: 'noncharacter' };
  }
  return undefined;
}

const codePointName = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

const REASON_TEXT: Record<UnstorableReason, string> = {
  lone_surrogate: 'ký tự Unicode hỏng (nửa cặp surrogate), không lưu được dạng UTF-8',
  control: 'ký tự điều khiển',
  noncharacter: 'ký tự không dùng để trao đổi văn bản (noncharacter)',
};

/** Why `text` cannot be stored, in Vietnamese and naming the character and its place; undefined when it can. */
export function textProblem(text: string): string | undefined {
  const found = firstUnstorableCharacter(text);
  if (!found) return undefined;
  return `chứa ${REASON_TEXT[found.reason]} ${codePointName(found.codePoint)} ở ký tự thứ ${found.index + 1}; hãy xóa ký tự đó rồi nhập lại`;
}

export const isStorableText = (text: string): boolean => firstUnstorableCharacter(text) === undefined;

// What XML 1.0 cannot hold (its Char production): C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates.
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 forbids: what every DOCX/XLSX writer puts in a part, whatever was stored. */
export const withoutXmlForbidden = (text: string): string => text.replace(XML_FORBIDDEN, '');
