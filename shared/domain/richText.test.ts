import { describe, expect, it } from 'vitest';
import type { RichTextDocument } from './richText';
import { plainTextToSlate, richTextDocumentSchema, slateToPlainText } from './richText';

const p = (text: string) => ({ type: 'paragraph' as const, children: [{ text }] });
const item = (text: string) => ({ type: 'list-item' as const, children: [{ text }] });

const OPINION: RichTextDocument = [
  {
    type: 'paragraph',
    children: [{ text: 'Đề nghị ' }, { text: 'rút ngắn', bold: true }, { text: ' thời hạn giải quyết ', italic: true, underline: true }],
  },
  {
    type: 'block-quote',
    component: 'timeLimitDays',
    children: [{ text: 'Trong thời hạn 05 ngày làm việc' }],
  },
  {
    type: 'bulleted-list',
    children: [
      item('Bỏ bản sao giấy chứng nhận'),
      {
        type: 'list-item',
        children: [
          { text: 'Cho phép ' },
          { type: 'comment', component: 'methods', note: ' Nên ưu tiên nộp trực tuyến ', children: [{ text: 'nộp qua bưu chính', bold: true }] },
        ],
      },
    ],
  },
  { type: 'numbered-list', children: [item('Sửa Điều 18'), item('Sửa Điều 19')] },
  { type: 'block-quote', children: [{ text: 'Dòng một\nDòng hai' }] },
  { type: 'paragraph', children: [{ type: 'comment', component: 'fees', note: '  ', children: [{ text: 'Lệ phí giữ nguyên' }] }] },
];

describe('richTextDocumentSchema', () => {
  it('accepts every supported node and keeps it as is', () => {
    expect(richTextDocumentSchema.parse(OPINION)).toEqual(OPINION);
  });

  it('accepts an empty document', () => {
    expect(richTextDocumentSchema.parse([])).toEqual([]);
  });

  it.each([
    ['an unknown block type', [{ type: 'heading-one', children: [{ text: 'x' }] }], '0.type'],
    ['a block without children', [{ type: 'paragraph', children: [] }], '0.children'],
    ['an unsupported mark', [{ type: 'paragraph', children: [{ text: 'x', code: true }] }], '0.children.0'],
    ['a mark that is not true/false', [{ type: 'paragraph', children: [{ text: 'x', bold: 'yes' }] }], '0.children.0'],
    ['a list holding a paragraph', [{ type: 'bulleted-list', children: [p('x')] }], '0.children.0.type'],
    ['a quote of an unknown component', [{ type: 'block-quote', component: 'price', children: [{ text: 'x' }] }], '0.component'],
    [
      'a comment on an unknown component',
      [{ type: 'paragraph', children: [{ type: 'comment', component: 'price', note: '', children: [{ text: 'x' }] }] }],
      '0.children.0',
    ],
    ['a comment holding a block', [{ type: 'paragraph', children: [{ type: 'comment', component: 'fees', note: '', children: [p('x')] }] }], '0.children.0'],
    ['text that is not a string', [{ type: 'paragraph', children: [{ text: 5 }] }], '0.children.0'],
  ])('refuses %s, naming where', (_title, body, path) => {
    const result = richTextDocumentSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});

describe('slateToPlainText', () => {
  it('renders marks as plain text, quotes with "> ", lists with "- " and "1. ", comments after their text', () => {
    expect(slateToPlainText(OPINION)).toBe(
      [
        'Đề nghị rút ngắn thời hạn giải quyết ',
        '> Thời hạn giải quyết: Trong thời hạn 05 ngày làm việc',
        '- Bỏ bản sao giấy chứng nhận',
        '- Cho phép nộp qua bưu chính (góp ý về cách thức thực hiện: Nên ưu tiên nộp trực tuyến)',
        '1. Sửa Điều 18',
        '2. Sửa Điều 19',
        '> Dòng một',
        '> Dòng hai',
        'Lệ phí giữ nguyên',
      ].join('\n'),
    );
  });

  it.each<[string, RichTextDocument, string]>([
    ['nothing', [], ''],
    ['an empty paragraph between two', [p('a'), p(''), p('b')], 'a\n\nb'],
    ['numbering that restarts per list', [{ type: 'numbered-list', children: [item('a')] }, p('x'), { type: 'numbered-list', children: [item('b')] }], '1. a\nx\n1. b'],
    ['a multi-line list item, indented under its marker', [{ type: 'numbered-list', children: [item('a\nb')] }], '1. a\n   b'],
    ['ten items, numbered on', [{ type: 'numbered-list', children: Array.from({ length: 10 }, (_, i) => item(`m${i + 1}`)) }], Array.from({ length: 10 }, (_, i) => `${i + 1}. m${i + 1}`).join('\n')],
  ])('%s', (_title, document, expected) => {
    expect(slateToPlainText(document)).toBe(expected);
  });
});

describe('plainTextToSlate', () => {
  it.each<[string, string, RichTextDocument]>([
    ['empty text gives one empty paragraph', '', [p('')]],
    ['lines become paragraphs, blank ones kept', 'a\n\nb', [p('a'), p(''), p('b')]],
    ['Windows line ends', 'a\r\nb', [p('a'), p('b')]],
    ['bullet markers "-", "*", "•"', '- a\n* b\n• c', [{ type: 'bulleted-list', children: [item('a'), item('b'), item('c')] }]],
    ['numbers with "." or ")"', '1. a\n2) b\n7. c', [{ type: 'numbered-list', children: [item('a'), item('b'), item('c')] }]],
    ['consecutive quote lines form one quote', '> a\n>b\nc', [{ type: 'block-quote', children: [{ text: 'a\nb' }] }, p('c')]],
    [
      'a change of list kind starts a new list',
      '- a\n1. b\n- c',
      [
        { type: 'bulleted-list', children: [item('a')] },
        { type: 'numbered-list', children: [item('b')] },
        { type: 'bulleted-list', children: [item('c')] },
      ],
    ],
    ['a dash without a space is text', '-5 độ\n2023.', [p('-5 độ'), p('2023.')]],
    ['a paragraph separates two lists', '- a\nx\n- b', [{ type: 'bulleted-list', children: [item('a')] }, p('x'), { type: 'bulleted-list', children: [item('b')] }]],
  ])('%s', (_title, text, expected) => {
    const document = plainTextToSlate(text);
    expect(document).toEqual(expected);
    expect(richTextDocumentSchema.safeParse(document).success).toBe(true);
  });

  it.each([
    'Đề nghị bỏ yêu cầu\n- nộp bản sao\n- nộp ảnh\n\n> Trong thời hạn 05 ngày\n> kể từ ngày nhận\n1. Điều 18\n2. Điều 19\nKết luận',
    '',
    '\n\n',
  ])('reads back what slateToPlainText writes: %j', (text) => {
    expect(slateToPlainText(plainTextToSlate(text))).toBe(text);
  });

  it('round-trips a document without marks, comments or quoted components', () => {
    const document: RichTextDocument = [p('Mở đầu'), { type: 'bulleted-list', children: [item('a'), item('b')] }, { type: 'block-quote', children: [{ text: 'x\ny' }] }, p('')];
    expect(plainTextToSlate(slateToPlainText(document))).toEqual(document);
  });
});
