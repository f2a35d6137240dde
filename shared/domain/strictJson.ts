// Reads a JSON file the way an exchange format must: nothing ambiguous is guessed. Bytes must be UTF-8 (a leading
// BOM is allowed), keys may not repeat within an object, nesting is bounded; every refusal names where it is (byte
// offset, line:column, and the JSON path when one is known). Runs in the renderer and in main alike.
//
// Speed: JSON.parse alone cannot see a repeated key, and a parser with locations (momoa) is about 17 times slower
// on a large file (145 MB: 18 s against 1,1 s). So the fast path counts the members written in the text with one
// string-aware scan and compares them with the keys JSON.parse kept: a repeated key collapses into one, so the counts
// differ exactly when a key repeats. Only then does momoa run, to say where (and for a syntax error on an engine
// whose message names no position).
import { parse as parseWithLocations, type AnyNode } from '@humanwhocodes/momoa';
import type { FieldProblem } from '../contract/errors';
import { echoed, formatIssuePath, MAX_PROBLEMS } from '../contract/errors';
import { formatInteger } from '../i18n/format';
import { jsonTreeIssue, MAXIMA } from './bounds';

/** Why a text was refused, for callers that answer each kind in their own words (the web host). */
export type StrictJsonRefusal = 'other_format' | 'not_utf8' | 'empty' | 'syntax' | 'too_deep' | 'repeated_key';
export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; reason: StrictJsonRefusal; problems: FieldProblem[] };

const refuse = (reason: StrictJsonRefusal, message: string, path = ''): StrictJsonResult => ({ ok: false, reason, problems: [{ path, message }] });

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);

/** Files people pick by mistake, recognised by their first bytes, so the message says what the file is. */
const KNOWN_SIGNATURES: ReadonlyArray<{ signature: readonly number[]; what: string }> = [
  { signature: [0x50, 0x4b, 0x03, 0x04], what: 'một tệp nén ZIP (có thể là bảng tính Excel .xlsx hoặc văn bản Word .docx)' },
  { signature: [0x50, 0x4b, 0x05, 0x06], what: 'một tệp nén ZIP rỗng' },
  { signature: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'một tệp Office đời cũ (.xls hoặc .doc)' },
  { signature: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'một tệp PDF' },
  { signature: [0x1f, 0x8b], what: 'một tệp nén gzip' },
  { signature: [...'SQLite format 3'].map((char) => char.charCodeAt(0)), what: 'một tệp cơ sở dữ liệu SQLite' },
];

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (the WHATWG decoder's rules), or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let continuation: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) continuation = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      continuation = 2;
      if (lead === 0xe0) low = 0xa0; // overlong
      if (lead === 0xed) high = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      continuation = 3;
      if (lead === 0xf0) low = 0x90; // overlong
      if (lead === 0xf4) high = 0x8f; // beyond U+10FFFF
    } else return index;
    for (let step = 1; step <= continuation; step += 1) {
      const byte = bytes[index + step];
      if (byte === undefined || byte < low || byte > high) return index;
      low = 0x80;
      high = 0xbf;
    }
    index += continuation + 1;
  }
  return -1;
}

const lineOfByte = (bytes: Uint8Array, offset: number): number => {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
};

/** 1-based line and column (in characters) of a position in the text. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let position = text.indexOf('\n'); position !== -1 && position < index; position = text.indexOf('\n', position + 1)) {
    line += 1;
    lineStart = position + 1;
  }
  return { line, column: index - lineStart + 1 };
}

const at = (location: { line: number; column: number }): string =>
  `dòng ${formatInteger(location.line)}, cột ${formatInteger(location.column)}`;

type Scan = { members: number; maxDepth: number; tooDeepAt: number };

/**
 * One pass over the text, skipping strings: the member count (a `:` outside strings separates one member) and the
 * deepest nesting. Iterative, so it measures nesting a recursive parser could not survive.
 */
function scanStructure(text: string): Scan {
  let members = 0;
  let depth = 0;
  let maxDepth = 0;
  let tooDeepAt = -1;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      // Jump to the closing quote: the next one not escaped by an odd run of backslashes.
      for (;;) {
        const quote = text.indexOf('"', index + 1);
        if (quote === -1) return { members, maxDepth, tooDeepAt };
        let backslashes = 0;
        while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes += 1;
        index = quote;
        if (backslashes % 2 === 0) break;
      }
    } else if (code === 0x3a) members += 1;
    else if (code === 0x7b || code === 0x5b) {
      depth += 1;
      if (depth > maxDepth) {
        maxDepth = depth;
        if (depth > MAXIMA.fileNesting && tooDeepAt === -1) tooDeepAt = index;
      }
    } else if (code === 0x7d || code === 0x5d) depth -= 1;
  }
  return { members, maxDepth, tooDeepAt };
}

/** Keys JSON.parse kept, over the whole value; walked with a stack. */
function countKeys(root: unknown): number {
  let keys = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key of Object.keys(value)) {
      keys += 1;
      const item = (value as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
  return keys;
}

function syntaxProblem(text: string, error: unknown): StrictJsonResult {
  // V8 names the position (Node and Chromium alike) and says when the text ends too early; momoa, asked second for
  // engines that say neither, points at the last token read when the input ends, which would blame a good value.
  const said = error instanceof Error ? error.message : '';
  let offset: number | undefined;
  if (/end of JSON input|Unterminated string/i.test(said)) offset = text.length;
  else {
    const position = /position (\d+)/.exec(said);
    if (position) offset = Number(position[1]);
  }
  if (offset === undefined) {
    try {
      parseWithLocations(text, { mode: 'json', ranges: false, tokens: false });
    } catch (located) {
      const candidate = (located as { offset?: unknown }).offset;
      if (typeof candidate === 'number') offset = candidate;
    }
  }
  if (offset === undefined) return refuse('syntax', 'tệp không phải JSON hợp lệ');
  if (offset >= text.length) return refuse('syntax', `tệp không phải JSON hợp lệ: hết tệp ở ${at(lineColumn(text, offset))} khi còn ngoặc hoặc chuỗi chưa đóng (tệp bị cắt cụt?)`);
  const found = text.codePointAt(offset)!;
  const shown = found < 0x20 ? (CONTROL_IN_WORDS[found] ?? CONTROL_IN_WORDS[-1]) : `«${String.fromCodePoint(found)}»`;
  return refuse('syntax', `tệp không phải JSON hợp lệ: ${at(lineColumn(text, offset))}: gặp ${shown} không đúng chỗ`);
}

// A character that cannot be shown, named in words an officer understands (issue 20: «U+0001» told a legal officer
// nothing), as storableText.ts names one in a typed field. Inside a quoted value JSON allows none of them.
const CONTROL_IN_WORDS: Record<number, string> = {
  [0x09]: 'một dấu tab nằm trong giá trị',
  [0x0a]: 'một dấu xuống dòng nằm trong giá trị',
  [0x0d]: 'một dấu xuống dòng nằm trong giá trị',
  [-1]: 'một ký tự điều khiển không in được (không nhìn thấy trên màn hình, thường dính theo khi sửa tệp bằng tay)',
};

type Frame = { node: AnyNode; path: PropertyKey[] };

/** Every repeated key with its path and both places; momoa's tree is walked with a stack (nesting is already bounded). */
function duplicateKeyProblems(text: string): FieldProblem[] {
  const document = parseWithLocations(text, { mode: 'json', ranges: false, tokens: false });
  const problems: FieldProblem[] = [];
  const stack: Frame[] = [{ node: document.body, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node.type === 'Array') {
      node.elements.forEach((element, index) => stack.push({ node: element.value, path: [...path, index] }));
    } else if (node.type === 'Object') {
      const seen = new Map<string, { line: number; column: number }>();
      for (const member of node.members) {
        const key = member.name.type === 'String' ? member.name.value : member.name.name;
        const where = member.name.loc.start;
        const first = seen.get(key);
        if (first) {
          if (problems.length === MAX_PROBLEMS) return problems;
          problems.push({
            path: formatIssuePath([...path, key]),
            message: `khóa "${echoed(key)}" lặp lại trong cùng một đối tượng (${at(where)}; lần đầu ở ${at(first)}) — không rõ giá trị nào đúng`,
          });
        } else seen.set(key, where);
        stack.push({ node: member.value, path: [...path, key] });
      }
    }
  }
  return problems;
}

/** The JSON in `bytes`, or the problems that make it ambiguous or unreadable. */
export function readStrictJson(bytes: Uint8Array): StrictJsonResult {
  const known = KNOWN_SIGNATURES.find(({ signature }) => startsWith(bytes, signature));
  if (known) return refuse('other_format', `tệp này là ${known.what}, không phải tệp JSON`);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return refuse('other_format', 'tệp được mã hóa UTF-16; hãy lưu lại với mã hóa UTF-8');
  }
  let text: string;
  try {
    // fatal: an invalid byte is refused, never replaced by U+FFFD. A leading BOM is dropped (ignoreBOM: false).
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const byte = bytes[offset] ?? 0;
    return refuse(
      'not_utf8',
      `tệp không phải văn bản UTF-8: byte thứ ${formatInteger(offset)} (0x${byte.toString(16).toUpperCase().padStart(2, '0')}, dòng ${formatInteger(lineOfByte(bytes, offset))}) không hợp lệ; hãy lưu lại tệp với mã hóa UTF-8`,
    );
  }
  return readStrictJsonText(text);
}

/** The same rules over text already decoded (the web host decodes a request's body as it checks its UTF-8). */
export function readStrictJsonText(text: string): StrictJsonResult {
  if (text.trim() === '') return refuse('empty', 'tệp trống');

  const scan = scanStructure(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (scan.tooDeepAt !== -1) return refuse('too_deep', tooDeepMessage(text, scan.tooDeepAt));
    return syntaxProblem(text, error);
  }
  if (scan.tooDeepAt !== -1) {
    const deep = jsonTreeIssue(value, { depth: MAXIMA.fileNesting, nodes: Number.POSITIVE_INFINITY, stringLength: Number.POSITIVE_INFINITY });
    return refuse('too_deep', tooDeepMessage(text, scan.tooDeepAt), deep ? formatIssuePath(deep.path) : '');
  }
  if (countKeys(value) !== scan.members) {
    const problems = duplicateKeyProblems(text);
    if (problems.length > 0) return { ok: false, reason: 'repeated_key', problems };
  }
  return { ok: true, value };
}

const tooDeepMessage = (text: string, index: number): string =>
  `dữ liệu lồng nhau quá ${formatInteger(MAXIMA.fileNesting)} tầng (${at(lineColumn(text, index))}); hồ sơ hợp lệ không lồng sâu như vậy`;
