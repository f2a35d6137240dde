// Issue 23, item 8 (defect 7): editing an imported opinion whose body held a node this version does not know opened
// an empty editor, and saving replaced the whole text. Here every generated body goes through the editor as the
// opinion form uses it (toEditorValue, the editor's own normalisation, an edit elsewhere, fromEditorValue).
import fc from 'fast-check';
import { createEditor, Editor, Node, Text, Transforms } from 'slate';
import { describe, expect, it } from 'vitest';
import { documentWithKeptNodes, keptNodesOf } from '../../../../../test/fixtures/richTextArbitrary';
import { richTextDocumentSchema, slateToPlainText, type RichTextDocument } from '../../../../../shared/domain/richText';
import { withRichTextSchema } from './commands';
import { fromEditorValue, toEditorValue } from './keptNodes';
import './slateTypes';

function openInEditor(document: RichTextDocument): Editor {
  const editor = withRichTextSchema(createEditor());
  editor.children = toEditorValue(document);
  Editor.normalize(editor, { force: true });
  return editor;
}

const FUTURE_TABLE = { type: 'table', rows: 1, children: [{ type: 'table-cell', children: [{ text: 'Lệ phí 50.000 đồng' }] }] };

describe('nodes of a newer version in the opinion editor', () => {
  it('opens an imported body with its words and a kept node, and saves the node back untouched after an edit', () => {
    const body = richTextDocumentSchema.parse([{ type: 'paragraph', children: [{ text: 'Đề nghị giữ' }] }, FUTURE_TABLE]);
    const editor = openInEditor(body);
    expect(Node.string(editor)).toBe('Đề nghị giữ');
    Transforms.insertText(editor, ' nguyên', { at: Editor.end(editor, [0]) });
    const saved = richTextDocumentSchema.parse(fromEditorValue(editor.children));
    expect(saved).toEqual([{ type: 'paragraph', children: [{ text: 'Đề nghị giữ nguyên' }] }, FUTURE_TABLE]);
    expect(slateToPlainText(saved)).toBe('Đề nghị giữ nguyên\nLệ phí 50.000 đồng');
  });

  it('keeps every kept node, in its place, through opening, normalising, an edit and saving', () => {
    fc.assert(
      fc.property(documentWithKeptNodes, fc.nat(), fc.constantFrom('', 'x', ' thêm'), (stored, pick, typed) => {
        const body = richTextDocumentSchema.parse(stored);
        const editor = openInEditor(body);
        // The officer types into one of the texts of the known content, when there is one.
        const texts = [...Node.nodes(editor)].filter(([node, path]) => Text.isText(node) && !Editor.void(editor, { at: path }));
        const target = texts[pick % Math.max(texts.length, 1)];
        if (target && typed) Transforms.insertText(editor, typed, { at: { path: target[1], offset: 0 } });
        const saved = richTextDocumentSchema.parse(fromEditorValue(editor.children));
        expect(keptNodesOf(saved)).toEqual(keptNodesOf(body));
        expect(slateToPlainText(saved).length).toBe(slateToPlainText(body).length + (target ? typed.length : 0));
      }),
      { numRuns: 300 },
    );
  });
});
