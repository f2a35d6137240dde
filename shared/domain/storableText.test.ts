import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, cleanTextTree, firstUnstorableCharacter, isStorableText, textProblem, withoutXmlForbidden } from './storableText';

const fromCodePoint = (codePoint: number): string => String.fromCodePoint(codePoint);

/** Noncharacters: U+FDD0–U+FDEF and the last two code points of each of the 17 planes. */
const noncharacter = fc.oneof(
  fc.integer({ min: 0xfdd0, max: 0xfdef }),
  fc.tuple(fc.integer({ min: 0, max: 16 }), fc.constantFrom(0xfffe, 0xffff)).map(([plane, low]) => plane * 0x10000 + low),
);
const forbiddenControl = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).filter((code) => code !== 0x09 && code !== 0x0a && code !== 0x0d),
  fc.integer({ min: 0x7f, max: 0x9f }),
);
/** Embeddings, overrides and isolates: U+202A–U+202E, U+2066–U+2069. */
const bidiControl = fc.oneof(fc.integer({ min: 0x202a, max: 0x202e }), fc.integer({ min: 0x2066, max: 0x2069 }));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff });
/** Any character the rule lets through: every scalar value that is neither a noncharacter nor a forbidden control. */
const allowedCharacter = fc
  .integer({ min: 0, max: 0x10ffff })
  .filter((code) => !(code >= 0xd800 && code <= 0xdfff) && !(code >= 0xfdd0 && code <= 0xfdef) && (code & 0xfffe) !== 0xfffe)
  .filter((code) => (code >= 0x20 && !(code >= 0x7f && code <= 0x9f)) || code === 0x09 || code === 0x0a || code === 0x0d)
  .filter((code) => !(code >= 0x202a && code <= 0x202e) && !(code >= 0x2066 && code <= 0x2069))
  .map(fromCodePoint);
const allowedText = fc.array(allowedCharacter, { maxLength: 40 }).map((characters) => characters.join(''));

describe('text the app can store', () => {
  it('lets through every text made of allowed characters, Vietnamese, tabs, line breaks and emoji included', () => {
    fc.assert(fc.property(allowedText, (text) => isStorableText(text) && textProblem(text) === undefined));
    expect(isStorableText('Đăng ký khai sinh\tlần đầu\r\n😀 𠀀')).toBe(true);
  });

  const WORDS = { noncharacter: 'ký tự không dùng trong văn bản', control: 'ký tự điều khiển không in được', bidi_control: 'ký tự đảo chiều viết' } as const;
  it.each([
    ['noncharacter', noncharacter],
    ['control', forbiddenControl],
    ['bidi_control', bidiControl],
  ] as const)('refuses a %s wherever it stands, naming it and its place', (reason, codePoints) => {
    fc.assert(
      fc.property(allowedText, codePoints, allowedText, (before, codePoint, after) => {
        const found = firstUnstorableCharacter(`${before}${fromCodePoint(codePoint)}${after}`);
        expect(found).toEqual({ index: before.length, codePoint, reason });
        const message = textProblem(`${before}${fromCodePoint(codePoint)}${after}`)!;
        // In words, never by its code (issue 20: «U+0007» told an officer nothing), and where it is.
        expect(message).not.toMatch(/U\+[0-9A-F]{4}/);
        expect(message).toContain(WORDS[reason]);
        if (before.length === 0) expect(message).toContain('ở ngay đầu nội dung');
        else expect(message).toContain(`ký tự thứ ${before.length + 1}, ngay sau «`);
      }),
    );
  });

  it('refuses half of a surrogate pair, alone or beside another half of the same kind', () => {
    fc.assert(
      fc.property(allowedText, loneSurrogate, allowedText, (before, unit, after) => {
        // A high half followed by a low half would be a whole character: keep the lone unit alone.
        const text = `${before}${String.fromCharCode(unit)}${unit <= 0xdbff ? 'x' : ''}${after}`;
        const endsBeforeHigh = /[\uD800-\uDBFF]$/.test(before);
        fc.pre(!endsBeforeHigh);
        expect(firstUnstorableCharacter(text)).toEqual({ index: before.length, codePoint: unit, reason: 'lone_surrogate' });
      }),
    );
  });

  it('the XML last defence keeps every allowed character and drops exactly what XML 1.0 forbids', () => {
    fc.assert(fc.property(allowedText, (text) => withoutXmlForbidden(text) === text));
    expect(withoutXmlForbidden('a\uFFFEb\uFFFFc\u0001d\u000Be\uD800f\uDC00g\t\n\r')).toBe('abcdefg\t\n\r');
    // Noncharacters XML allows (U+FDD0, U+1FFFE) are refused at entry but are not the writers' business.
    expect(withoutXmlForbidden('\uFDD0\u{1FFFE}')).toBe('\uFDD0\u{1FFFE}');
  });

  describe('clean text in, same text out (issue 20, item 14)', () => {
    const invisible = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF', '\u180E');
    const vietnamese = fc.stringMatching(/^[a-zA-Z àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐÂƯƠÊÔĂ]{0,30}$/);
    const withInvisible = (text: string) =>
      fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 5 }).map((inserts) =>
        inserts.reduce((result, [at, mark]) => {
          const cut = at % (result.length + 1);
          return `${result.slice(0, cut)}${mark}${result.slice(cut)}`;
        }, text),
      );

    it('gives composed text without zero-width characters or direction marks, and is idempotent', () => {
      fc.assert(
        fc.property(fc.oneof(allowedText, fc.string({ unit: 'grapheme' })), (text) => {
          const cleaned = cleanText(text);
          expect(cleaned.normalize('NFC')).toBe(cleaned);
          expect(cleaned).not.toMatch(/[\u200B-\u200F\u2060\uFEFF\u180E]/);
          expect(cleanText(cleaned)).toBe(cleaned);
        }),
      );
    });

    it('gives Vietnamese typed decomposed, or with invisible characters pasted in, as its composed self', () => {
      fc.assert(
        fc.property(vietnamese.chain((text) => fc.tuple(fc.constant(text), fc.boolean().chain((nfd) => withInvisible(nfd ? text.normalize('NFD') : text)))), ([text, pasted]) => {
          expect(cleanText(pasted)).toBe(text.normalize('NFC'));
        }),
      );
      expect(cleanText('Đa\u0300ng ky\u0301\u200B')).toBe('Đàng ký');
    });

    it('keeps every clean composed text exactly as it is', () => {
      fc.assert(fc.property(allowedText.map((text) => text.normalize('NFC')).filter((text) => !/[\u200B-\u200F\u2060\uFEFF\u180E]/.test(text)), (text) => cleanText(text) === text));
    });

    it('refuses an override that shows "gnaot" as "toang", naming it', () => {
      expect(textProblem('\u202Egnaot')).toMatch(/^chứa một ký tự đảo chiều viết .* ở ngay đầu nội dung; hãy xóa/);
    });

    it('says where a bell pasted from a terminal is, by the words before it', () => {
      expect(textProblem('Cấp giấy phép\u0007 lái xe')).toBe(
        'chứa một ký tự điều khiển không in được (không nhìn thấy trên màn hình, thường dính theo khi dán từ nơi khác) ở ký tự thứ 14, ngay sau «Cấp giấy phép»; hãy xóa ký tự đó rồi nhập lại',
      );
      expect(textProblem(`${'Thành phần hồ sơ gồm '.repeat(3)}\u0001`)).toContain("ở ký tự thứ 64, ngay sau «…hành phần hồ sơ gồm »;");
    });

    it('cleans every string of a tree, however deep, leaving the original and the shape as they were', () => {
      const tree = [{ type: 'paragraph', children: [{ text: 'ke\u0302\u0301\u200Bt', bold: true }] }];
      expect(cleanTextTree(tree)).toEqual([{ type: 'paragraph', children: [{ text: 'kết', bold: true }] }]);
      expect(tree[0]!.children[0]!.text).toBe('ke\u0302\u0301\u200Bt');
      let deep: unknown = 'a\u200B';
      for (let depth = 0; depth < 50_000; depth += 1) deep = [deep];
      expect(() => cleanTextTree(deep)).not.toThrow();
    });
  });
});
