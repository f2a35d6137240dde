import { describe, expect, it } from 'vitest';
import { highlightMatches, isUnsearchable, searchWords } from './textFold';

const marked = (text: string, query: string) =>
  highlightMatches(text, query)
    .map((part) => (part.match ? `[${part.text}]` : part.text))
    .join('');

describe('highlightMatches (issue 13)', () => {
  it.each([
    ['Cấp giấy phép xây dựng', 'giay phep', 'Cấp [giấy] [phép] xây dựng'],
    ['Đăng ký kết hôn', 'dang KY', '[Đăng] [ký] kết hôn'],
    ['Cấp giấy phép lái xe', 'gi', 'Cấp [gi]ấy phép lái xe'],
    ['Đổi giấy phép', 'ep', 'Đổi giấy phép'], // inside a word, as the index does not match it either
    ['Đăng ký', '', 'Đăng ký'],
    ['Đăng ký', '😀', 'Đăng ký'],
  ])('%j for %j', (text, query, expected) => {
    expect(marked(text, query)).toBe(expected);
  });

  it('keeps the text as it was, decomposed diacritics included', () => {
    const decomposed = 'Giấy phép'.normalize('NFD');
    expect(highlightMatches(decomposed, 'giay').map((part) => part.text).join('')).toBe(decomposed);
    expect(highlightMatches(decomposed, 'giay')[0]).toEqual({ text: 'Giấy'.normalize('NFD'), match: true });
  });
});

describe('isUnsearchable', () => {
  it.each([['😀', true], ['!!! …', true], ['', false], ['  ', false], ['giấy 😀', false], ['2024', false]])('%j → %s', (text, expected) => {
    expect(isUnsearchable(text)).toBe(expected);
  });
  it('searchWords folds and drops what is not a letter or digit', () => {
    expect(searchWords('Giấy-phép, ĐĂNG ký 😀')).toEqual(['giay', 'phep', 'dang', 'ky']);
  });
});
