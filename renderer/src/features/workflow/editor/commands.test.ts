import { describe, expect, it } from 'vitest';
import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { richTextDocumentSchema, slateToPlainText, type RichTextDocument } from '../../../../../shared/domain/richText';
import { componentNearSelection, insertComponentQuote, toggleList, toggleMark, withRichTextSchema, wrapComment } from './commands';
import './slateTypes';

function editorWith(children: unknown[]): Editor {
  const editor = withRichTextSchema(createEditor());
  editor.children = children as Descendant[];
  Editor.normalize(editor, { force: true });
  return editor;
}

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ text }] });
const stored = (editor: Editor): RichTextDocument => richTextDocumentSchema.parse(editor.children);

describe('the opinion editor keeps the stored shape', () => {
  it.each<[string, unknown[], string]>([
    ['a paragraph inside a list becomes an item', [{ type: 'bulleted-list', children: [paragraph('Một')] }], '- Một'],
    ['a quote inside a list is lifted out of it', [{ type: 'numbered-list', children: [{ type: 'list-item', children: [{ text: 'Một' }] }, { type: 'block-quote', children: [{ text: 'Trích' }] }] }], '1. Một\n> Trích'],
    ['text straight in a list is wrapped in an item', [{ type: 'bulleted-list', children: [{ text: 'Hai' }] }], '- Hai'],
    ['a block inside a paragraph is unwrapped', [{ type: 'paragraph', children: [paragraph('Ba')] }], 'Ba'],
    ['a list item at the top becomes a paragraph', [{ type: 'list-item', children: [{ text: 'Bốn' }] }], 'Bốn'],
    [
      'a comment inside a comment is flattened',
      [{ type: 'paragraph', children: [{ text: '' }, { type: 'comment', component: 'fees', note: 'cao', children: [{ type: 'comment', component: 'fees', note: 'x', children: [{ text: 'Lệ phí' }] }] }, { text: '' }] }],
      'Lệ phí (góp ý về phí, lệ phí: cao)',
    ],
  ])('%s', (_case, children, text) => {
    const editor = editorWith(children);
    expect(slateToPlainText(stored(editor))).toBe(text);
  });

  it('builds an opinion with every tool and stores it as the exchange format expects', () => {
    const editor = editorWith([paragraph('Đề nghị rút ngắn thời hạn')]);
    Transforms.select(editor, { anchor: { path: [0, 0], offset: 8 }, focus: { path: [0, 0], offset: 25 } });
    wrapComment(editor, 'timeLimitDays', 'quá dài');
    Transforms.select(editor, { anchor: { path: [0, 0], offset: 0 }, focus: { path: [0, 0], offset: 7 } });
    toggleMark(editor, 'bold');
    Transforms.select(editor, Editor.end(editor, [0]));
    toggleList(editor, 'numbered-list');
    insertComponentQuote(editor, 'timeLimitDays', ['5 ngày làm việc']);
    Transforms.insertText(editor, 'Còn 3 ngày');
    expect(slateToPlainText(stored(editor))).toBe(
      '1. Đề nghị rút ngắn thời hạn (góp ý về thời hạn giải quyết: quá dài)\n> Thời hạn giải quyết: 5 ngày làm việc\nCòn 3 ngày',
    );
    expect(stored(editor)[0]).toMatchObject({ type: 'numbered-list', children: [{ children: [{ text: 'Đề nghị', bold: true }, { text: ' ' }, { type: 'comment' }, { text: '' }] }] });
    toggleList(editor, 'numbered-list'); // the cursor is in the paragraph after the quote: it becomes a list of its own
    expect(stored(editor).map((block) => block.type)).toEqual(['numbered-list', 'block-quote', 'numbered-list']);
  });
});

describe('issue 13: lists and comments behave as an officer expects', () => {
  it('Enter on an empty list item leaves the list instead of adding empty numbers', () => {
    const editor = editorWith([{ type: 'numbered-list', children: [{ type: 'list-item', children: [{ text: 'Một' }] }, { type: 'list-item', children: [{ text: 'Hai' }] }] }]);
    Transforms.select(editor, Editor.end(editor, [0, 1]));
    editor.insertBreak(); // a third, empty item
    editor.insertBreak(); // Enter again on it: out of the list
    editor.insertText('Kết luận');
    expect(slateToPlainText(stored(editor))).toBe('1. Một\n2. Hai\nKết luận');
    expect(stored(editor).map((block) => block.type)).toEqual(['numbered-list', 'paragraph']);
  });

  it('Enter in an item with words still adds the next item', () => {
    const editor = editorWith([{ type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text: 'Một' }] }] }]);
    Transforms.select(editor, Editor.end(editor, [0, 0]));
    editor.insertBreak();
    editor.insertText('Hai');
    expect(slateToPlainText(stored(editor))).toBe('- Một\n- Hai');
  });

  it('a comment defaults to the component quoted where the words were selected, or in the quote above them', () => {
    const editor = editorWith([paragraph('Mở đầu')]);
    Transforms.select(editor, Editor.end(editor, [0]));
    insertComponentQuote(editor, 'dossier', ['Tờ khai (01 bản)']);
    Transforms.insertText(editor, 'Đề nghị bỏ bản sao');
    Transforms.select(editor, { anchor: { path: [1, 0], offset: 0 }, focus: { path: [1, 0], offset: 6 } });
    expect(componentNearSelection(editor)).toBe('dossier');
    Transforms.select(editor, { anchor: { path: [2, 0], offset: 0 }, focus: { path: [2, 0], offset: 7 } });
    expect(componentNearSelection(editor)).toBe('dossier');
    Transforms.select(editor, { anchor: { path: [0, 0], offset: 0 }, focus: { path: [0, 0], offset: 3 } });
    expect(componentNearSelection(editor)).toBeUndefined();
  });
});
