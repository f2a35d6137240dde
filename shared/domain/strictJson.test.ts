// The strict reader's own tests (issue 23, "What to build" 9): every refusal it promises, and the fast path's
// member count checked against JSON.parse over generated values, so that a change to any of its rules fails here.
import * as momoa from '@humanwhocodes/momoa';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { MAXIMA } from './bounds';
import { firstInvalidUtf8Offset, lineColumn, readStrictJson } from './strictJson';

// Spied on, so that the fast path's promise is tested: the slow parser with locations runs only to say where.
vi.mock('@humanwhocodes/momoa', async (importOriginal) => {
  const original = await importOriginal<typeof momoa>();
  return { ...original, parse: vi.fn(original.parse) };
});

const bytesOf = (text: string) => new TextEncoder().encode(text);
const read = (text: string) => readStrictJson(bytesOf(text));
const problemsOf = (text: string | Uint8Array) => {
  const result = typeof text === 'string' ? read(text) : readStrictJson(text);
  if (result.ok) throw new Error('expected a refusal');
  return result.problems;
};

/** JSON values whose strings are full of what the scanner must skip: quotes, backslashes, colons, brackets. */
const tricky = fc.stringMatching(/^[a-z:{}[\]"\\,\s]{0,8}$/);
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), tricky, fc.string(), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(tricky, fc.string({ maxLength: 6 })), tie('value'), { maxKeys: 4 }),
})).value;

describe('readStrictJson takes what is unambiguous', () => {
  it('reads any JSON value exactly as JSON.parse does, however its strings look, with or without a UTF-8 BOM', () => {
    fc.assert(
      fc.property(jsonValue, fc.boolean(), fc.constantFrom(undefined, 2), (value, bom, indent) => {
        const text = JSON.stringify(value, null, indent);
        const result = read(`${bom ? '\uFEFF' : ''}${text}`);
        expect(result).toEqual({ ok: true, value: JSON.parse(text) });
      }),
      { numRuns: 400 },
    );
  });

  it('without the slow parser: only a repeated key makes it run, once, whatever the values hold', () => {
    const slowParses = vi.mocked(momoa.parse);
    fc.assert(
      fc.property(jsonValue, (value) => {
        slowParses.mockClear();
        expect(read(JSON.stringify(value)).ok).toBe(true);
        expect(slowParses).not.toHaveBeenCalled();
      }),
      { numRuns: 300 },
    );
    slowParses.mockClear();
    expect(read('[{"a": [{"b": 1}]}, {"a": [{"b": 2, "b": 3}]}]').ok).toBe(false);
    expect(slowParses).toHaveBeenCalledTimes(1);
  });

  it(`nests up to ${MAXIMA.fileNesting} levels, arrays and objects alike`, () => {
    const nested = (depth: number, open: string, close: string) => `${open.repeat(depth)}${close.repeat(depth)}`;
    expect(read(nested(MAXIMA.fileNesting, '[', ']')).ok).toBe(true);
    expect(read(`${'{"a":'.repeat(MAXIMA.fileNesting - 1)}{}${'}'.repeat(MAXIMA.fileNesting - 1)}`).ok).toBe(true);
  });
});

describe('readStrictJson refuses, saying where', () => {
  it('a key repeated with a different value, at any depth, naming the path and both places', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('drafts', 'regulations', 'x:y', 'a"b'), { maxLength: 5 }), fc.string({ minLength: 1, maxLength: 8 }).filter((key) => key !== 'other'), (path, key) => {
        const quoted = JSON.stringify(key);
        let text = `{${quoted}: 1, "other": "${'"'.replace('"', '\\"')}:", ${quoted}: 2}`;
        for (const outer of [...path].reverse()) text = `{${JSON.stringify(outer)}: [${text}]}`;
        const problems = problemsOf(text);
        expect(problems).toHaveLength(1);
        const location = path.reduce((joined, part) => `${joined ? `${joined}.` : ''}${part}[0]`, '');
        expect(problems[0]!.path).toBe(location ? `${location}.${key}` : key);
        expect(problems[0]!.message).toMatch(/^khóa ".*" lặp lại trong cùng một đối tượng \(dòng 1, cột \d+; lần đầu ở dòng 1, cột \d+\) — không rõ giá trị nào đúng$/);
      }),
    );
  });

  it('a key repeated with the same value too: the file is still ambiguous about what its writer meant', () => {
    expect(problemsOf('{"a": {"b": 1, "b": 1}}')).toEqual([{ path: 'a.b', message: expect.stringContaining('khóa "b" lặp lại') }]);
  });

  it('but not the same key in two different objects, nor a colon or a key-like text inside a string', () => {
    expect(read('[{"a": 1}, {"a": 2}]')).toEqual({ ok: true, value: [{ a: 1 }, { a: 2 }] });
    expect(read('{"a": "\\"a\\": 2", "b": "x:y:z", "c": "\\\\"}')).toEqual({ ok: true, value: { a: '"a": 2', b: 'x:y:z', c: '\\' } });
  });

  it(`nesting deeper than ${MAXIMA.fileNesting} levels, before any recursive parser sees it, with the path of the first node too deep`, () => {
    const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const [problem] = problemsOf(deep(MAXIMA.fileNesting + 1));
    expect(problem!.message).toBe(`dữ liệu lồng nhau quá ${MAXIMA.fileNesting} tầng (dòng 1, cột ${5 * MAXIMA.fileNesting + 1}); hồ sơ hợp lệ không lồng sâu như vậy`);
    expect(problem!.path).toBe(Array.from({ length: MAXIMA.fileNesting }, () => 'a').join('.'));
    // A hundred thousand levels: refused, not a stack overflow; also when the text is cut short.
    expect(problemsOf('['.repeat(100_000))[0]!.message).toMatch(/^dữ liệu lồng nhau quá 64 tầng \(dòng 1, cột 65\)/);
    expect(problemsOf(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)[0]!.path).toBe('[0]'.repeat(MAXIMA.fileNesting));
  });

  it('a file saved as UTF-16, either byte order, asking for UTF-8', () => {
    for (const bom of [[0xff, 0xfe], [0xfe, 0xff]]) {
      expect(problemsOf(new Uint8Array([...bom, 0x7b, 0x00, 0x7d, 0x00]))).toEqual([{ path: '', message: 'tệp được mã hóa UTF-16; hãy lưu lại với mã hóa UTF-8' }]);
    }
  });

  it('bytes that are not UTF-8, naming the byte, its value and its line', () => {
    fc.assert(
      fc.property(fc.nat({ max: 30 }), fc.constantFrom(0xff, 0xc0, 0x80, 0xed, 0xf5), (at, byte) => {
        const text = '{\n"a": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n}';
        const bytes = bytesOf(text);
        const position = 7 + at;
        bytes[position] = byte;
        const [problem] = problemsOf(bytes);
        expect(firstInvalidUtf8Offset(bytes)).toBe(position);
        expect(problem!.message).toBe(`tệp không phải văn bản UTF-8: byte thứ ${position} (0x${byte.toString(16).toUpperCase()}, dòng 2) không hợp lệ; hãy lưu lại tệp với mã hóa UTF-8`);
      }),
    );
    // Overlong forms and encoded surrogates are not UTF-8 either.
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0xc1, 0xbf]))).toBe(1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0xe0, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8Offset(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8Offset(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8Offset(bytesOf('Đăng ký 😀'))).toBe(-1);
  });

  it('files people pick by mistake, by what they are', () => {
    expect(problemsOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))[0]!.message).toMatch(/^tệp này là một tệp nén ZIP/);
    expect(problemsOf(bytesOf('%PDF-1.7'))[0]!.message).toBe('tệp này là một tệp PDF, không phải tệp JSON');
    expect(problemsOf(bytesOf('SQLite format 3\0'))[0]!.message).toBe('tệp này là một tệp cơ sở dữ liệu SQLite, không phải tệp JSON');
  });

  it('an empty file, a syntax error at its line and column, and a file cut short', () => {
    expect(problemsOf(' \n ')[0]!.message).toBe('tệp trống');
    expect(problemsOf('{\n  "a": 1,\n  "b" 2\n}')[0]!.message).toBe('tệp không phải JSON hợp lệ: dòng 3, cột 7: gặp «2» không đúng chỗ');
    // Cut anywhere: the message says the file ends early, never that the last good value is out of place.
    for (const cut of ['{"a": [1, 2', '{"a": [1, 2,', '{"a": "abc', '{"a":', '[']) {
      expect(problemsOf(cut)[0]!.message).toBe(`tệp không phải JSON hợp lệ: hết tệp ở dòng 1, cột ${cut.length + 1} khi còn ngoặc hoặc chuỗi chưa đóng (tệp bị cắt cụt?)`);
    }
  });

  it('names a character that cannot be shown in words, never by its code (issue 20)', () => {
    expect(problemsOf('{"a": "x\u0001"}')[0]!.message).toBe(
      'tệp không phải JSON hợp lệ: dòng 1, cột 9: gặp một ký tự điều khiển không in được (không nhìn thấy trên màn hình, thường dính theo khi sửa tệp bằng tay) không đúng chỗ',
    );
    expect(problemsOf('{"a": "x\ty"}')[0]!.message).toBe('tệp không phải JSON hợp lệ: dòng 1, cột 9: gặp một dấu tab nằm trong giá trị không đúng chỗ');
    expect(problemsOf('{"a": "x\ny"}')[0]!.message).toBe('tệp không phải JSON hợp lệ: dòng 1, cột 9: gặp một dấu xuống dòng nằm trong giá trị không đúng chỗ');
    for (let code = 0; code < 0x20; code += 1) {
      const message = problemsOf(`{"a": "x${String.fromCharCode(code)}"}`)[0]!.message;
      expect(message).not.toMatch(/U\+[0-9A-F]{4}|0x/);
    }
  });

  it('counts lines and columns in characters', () => {
    expect(lineColumn('ab\ncđe\nf', 5)).toEqual({ line: 2, column: 3 });
    expect(lineColumn('x', 0)).toEqual({ line: 1, column: 1 });
  });
});
