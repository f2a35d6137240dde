import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentWithKeptNodes, keptNodesOf } from '../../test/fixtures/richTextArbitrary';
import type { RichTextDocument } from './richText';
import { keptElementText, plainTextToSlate, richTextDocumentSchema, slateToPlainText, withoutEmptyListItems } from './richText';

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
    ['a block without a type', [{ children: [{ text: 'x' }] }], '0.type'],
    ['a block that is not an object', [5], '0'],
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

// Issue 23, item 8: an opinion imported from a newer version lost such nodes (the editor opened empty).
describe('nodes of a newer version', () => {
  const FUTURE_TABLE = { type: 'table', rows: 2, children: [{ type: 'table-row', children: [{ type: 'table-cell', children: [{ text: 'Phí' }] }, { type: 'table-cell', children: [{ text: '50.000 đồng' }] }] }] };
  const FOOTNOTE = { type: 'footnote', id: 7, children: [{ text: 'xem Điều 5' }] };

  it('are kept exactly where a block, a list item and an inline stand, and read through their words', () => {
    const body = [
      p('Mở đầu'),
      FUTURE_TABLE,
      { type: 'numbered-list', children: [item('Một'), { type: 'check-item', checked: true, children: [{ text: 'Hai' }] }] },
      { type: 'paragraph', children: [{ text: 'Theo ' }, FOOTNOTE, { type: 'comment', component: 'fees', note: 'cao', children: [{ type: 'mention', who: 'Vụ Pháp chế' }] }] },
    ];
    const parsed = richTextDocumentSchema.parse(body);
    expect(parsed).toEqual(body);
    expect(slateToPlainText(parsed)).toBe('Mở đầu\nPhíphí\n1. Một\n2. Hai\nTheo xem Điều 5 (góp ý về phí, lệ phí: cao)'.replace('Phíphí', 'Phí50.000 đồng'));
  });

  it('keep their words: a row of cells on one line, block-holding children on lines of their own', () => {
    expect(keptElementText({ type: 'table', children: [{ type: 'row', children: [{ type: 'cell', children: [{ text: 'a' }] }] }, { type: 'row', children: [{ type: 'cell', children: [{ text: 'b' }] }] }] } as never)).toBe('a\nb');
    expect(keptElementText({ type: 'image', src: 'x.png' } as never)).toBe('');
  });

  it('a known node that breaks its rules is still refused with its path', () => {
    const result = richTextDocumentSchema.safeParse([FUTURE_TABLE, { type: 'block-quote', component: 'price', children: [{ text: 'x' }] }]);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['1.component']);
  });

  it('are bounded and cleaned like every text the app keeps', () => {
    const deep = Array.from({ length: 30 }).reduce<object>((inner) => ({ type: 'box', children: [inner] }), { text: 'x' });
    expect(richTextDocumentSchema.safeParse([deep]).success).toBe(false);
    expect(richTextDocumentSchema.safeParse([{ type: 'note', children: [{ text: 'a\uFFFE' }] }]).success).toBe(false);
    expect(richTextDocumentSchema.parse([{ type: 'note', label: 'Nguye\u0302\u0303n' }])).toEqual([{ type: 'note', label: 'Nguyễn' }]);
  });

  it('survive the schema untouched in any generated body', () => {
    fc.assert(
      fc.property(documentWithKeptNodes, (body) => {
        const parsed = richTextDocumentSchema.parse(body);
        expect(parsed).toEqual(body);
        expect(keptNodesOf(parsed)).toEqual(keptNodesOf(body));
        // Each line of a kept node's words is in the opinion's text (a list item's lines are indented under its marker).
        for (const { node } of keptNodesOf(body)) for (const line of keptElementText(node).split('\n')) expect(slateToPlainText(parsed)).toContain(line);
      }),
      { numRuns: 300 },
    );
  });

  it('survive the tidying of empty list items that every save applies, wherever they stand in an item', () => {
    // scripts/hostile-inputs.ts found 7 of 200 bodies losing a wordless node of a newer version inside a list item.
    fc.assert(
      fc.property(documentWithKeptNodes, (body) => {
        expect(keptNodesOf(withoutEmptyListItems(richTextDocumentSchema.parse(body)))).toEqual(keptNodesOf(body));
      }),
      { numRuns: 500 },
    );
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
