import { describe, expect, it } from 'vitest';
import type { RichTextDocument } from './richText';
import { printedParagraphs } from './printedParagraphs';
import type { PrintedParagraph } from './printedParagraphs';

describe('printedParagraphs', () => {
  it.each<[string, RichTextDocument, PrintedParagraph[]]>([
    [
      'a paragraph keeps its marks',
      [{ type: 'paragraph', children: [{ text: 'Đề nghị ' }, { text: 'bỏ', bold: true, underline: true }] }],
      [{ role: 'paragraph', runs: [{ text: 'Đề nghị ', italic: false }, { text: 'bỏ', bold: true, underline: true, italic: false }] }],
    ],
    [
      'a quote is italic and opens with the quoted component',
      [{ type: 'block-quote', component: 'fees', children: [{ text: '500.000 đồng' }] }],
      [{ role: 'quote', runs: [{ text: 'Phí, lệ phí: ', bold: true, italic: true }, { text: '500.000 đồng', italic: true }] }],
    ],
    [
      'a quoted component prints one item per line, its name opening the first',
      [{ type: 'block-quote', component: 'dossier', children: [{ text: 'Giấy đề nghị (01 bản)\nBản sao Giấy chứng nhận (02 bản)' }] }],
      [
        { role: 'quote', runs: [{ text: 'Thành phần, số lượng hồ sơ: ', bold: true, italic: true }, { text: 'Giấy đề nghị (01 bản)', italic: true }] },
        { role: 'quote', runs: [{ text: 'Bản sao Giấy chứng nhận (02 bản)', italic: true }] },
      ],
    ],
    [
      'a line break inside a paragraph starts a new printed paragraph, marks kept',
      [{ type: 'paragraph', children: [{ text: 'Đề nghị\nbỏ ', bold: true }, { text: 'yêu cầu' }] }],
      [
        { role: 'paragraph', runs: [{ text: 'Đề nghị', bold: true, italic: false }] },
        { role: 'paragraph', runs: [{ text: 'bỏ ', bold: true, italic: false }, { text: 'yêu cầu', italic: false }] },
      ],
    ],
    [
      'a quote without a component is just italic',
      [{ type: 'block-quote', children: [{ text: 'Điều 5' }] }],
      [{ role: 'quote', runs: [{ text: 'Điều 5', italic: true }] }],
    ],
    [
      'list items count from 1 in each list',
      [
        { type: 'numbered-list', children: [{ type: 'list-item', children: [{ text: 'a' }] }, { type: 'list-item', children: [{ text: 'b' }] }] },
        { type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text: 'c' }] }] },
      ],
      [
        { role: 'list-item', list: 'numbered', ordinal: 1, runs: [{ text: 'a', italic: false }] },
        { role: 'list-item', list: 'numbered', ordinal: 2, runs: [{ text: 'b', italic: false }] },
        { role: 'list-item', list: 'bulleted', ordinal: 1, runs: [{ text: 'c', italic: false }] },
      ],
    ],
    [
      'a comment follows its text in italics',
      [{ type: 'paragraph', children: [{ type: 'comment', component: 'timeLimitDays', note: 'rút xuống 03 ngày', children: [{ text: '05 ngày' }] }] }],
      [{ role: 'paragraph', runs: [{ text: '05 ngày', italic: false }, { text: ' (góp ý về thời hạn giải quyết: rút xuống 03 ngày)', italic: true }] }],
    ],
    [
      'an empty comment prints only its text',
      [{ type: 'paragraph', children: [{ type: 'comment', component: 'agency', note: ' ', children: [{ text: 'Sở' }] }] }],
      [{ role: 'paragraph', runs: [{ text: 'Sở', italic: false }] }],
    ],
  ])('%s', (_, document, expected) => {
    expect(printedParagraphs(document)).toEqual(expected);
  });
});

describe('empty list items (issue 13)', () => {
  it('an opinion saved with empty "3." "4." prints only the items with words, numbered on', () => {
    const item = (text: string) => ({ type: 'list-item' as const, children: [{ text }] });
    const document: RichTextDocument = [{ type: 'numbered-list', children: [item('Một'), item(''), item('  '), item('Hai')] }, { type: 'bulleted-list', children: [item('')] }];
    expect(printedParagraphs(document).map((paragraph) => (paragraph.role === 'list-item' ? `${paragraph.ordinal}. ${paragraph.runs.map((run) => run.text).join('')}` : paragraph.role))).toEqual([
      '1. Một',
      '2. Hai',
    ]);
  });
});
