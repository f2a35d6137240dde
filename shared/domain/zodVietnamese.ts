// Vietnamese wording for zod's built-in checks, installed once for every schema in the app.
// A message given on a schema itself still wins over these.
import { z } from 'zod';
import { echoed } from '../contract/errors';

/** Unknown keys named in one message; the others are counted. */
const KEYS_SHOWN = 5;

const TYPE_NAMES: Record<string, string> = {
  number: 'một số',
  string: 'một chuỗi văn bản',
  boolean: 'đúng/sai (true/false)',
  array: 'một danh sách',
  object: 'một đối tượng',
  int: 'một số nguyên',
  nan: 'một số',
};

function describe(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'bắt buộc phải có'
        : `sai kiểu dữ liệu: cần ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return 'không được để trống';
      if (issue.origin === 'array') return `cần ít nhất ${String(issue.minimum)} phần tử`;
      return issue.inclusive ? `phải lớn hơn hoặc bằng ${String(issue.minimum)}` : `phải lớn hơn ${String(issue.minimum)}`;
    case 'too_big':
      return issue.inclusive ? `phải nhỏ hơn hoặc bằng ${String(issue.maximum)}` : `phải nhỏ hơn ${String(issue.maximum)}`;
    case 'invalid_value':
      return `giá trị không hợp lệ, chỉ nhận: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'unrecognized_keys': {
      const shown = issue.keys.slice(0, KEYS_SHOWN).map((key) => echoed(key));
      const others = issue.keys.length - shown.length;
      return `có trường không được phép: ${shown.join(', ')}${others > 0 ? ` và ${others} trường khác` : ''}`;
    }
    case 'invalid_format':
      return `sai định dạng (${issue.format})`;
    case 'invalid_union':
      return 'không khớp với kiểu dữ liệu nào được phép';
    case 'invalid_key':
      return `tên trường không hợp lệ${issue.issues[0]?.message ? ` (${issue.issues[0].message})` : ''}`;
    case 'invalid_element':
      return 'phần tử không hợp lệ';
    case 'not_multiple_of':
      return `phải là bội số của ${String(issue.divisor)}`;
    default:
      // Every other check (a refine without its own message among them) still speaks Vietnamese, never zod's English.
      return 'giá trị không hợp lệ';
  }
}

z.config({ localeError: describe });
