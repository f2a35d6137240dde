// Editing commands of the opinion editor: marks, lists, a quote of a component, a comment anchored to a component.
import { Editor, Element, Node, Range, Transforms } from 'slate';
import type { ComponentKey } from '../../../../../shared/domain/vocabulary';
import type { ListType, Mark } from './slateTypes';
import { isKeptHolder } from './keptNodes';

const LIST_TYPES: readonly string[] = ['bulleted-list', 'numbered-list'];

export function isMarkActive(editor: Editor, mark: Mark): boolean {
  return Editor.marks(editor)?.[mark] === true;
}

export function toggleMark(editor: Editor, mark: Mark): void {
  if (isMarkActive(editor, mark)) Editor.removeMark(editor, mark);
  else Editor.addMark(editor, mark, true);
}

export function isListActive(editor: Editor, type: ListType): boolean {
  const [match] = Editor.nodes(editor, { match: (node) => Element.isElement(node) && node.type === type });
  return match !== undefined;
}

/** Turns the selected blocks into items of a list of `type`, or back into paragraphs when they already are. */
export function toggleList(editor: Editor, type: ListType): void {
  const active = isListActive(editor, type);
  // One step for the schema: an item is briefly at the top between the two transforms.
  Editor.withoutNormalizing(editor, () => {
    Transforms.unwrapNodes(editor, { match: (node) => Element.isElement(node) && LIST_TYPES.includes(node.type), split: true });
    Transforms.setNodes(editor, { type: active ? 'paragraph' : 'list-item' }, { match: (node) => Element.isElement(node) && Editor.isBlock(editor, node) });
    if (!active) Transforms.wrapNodes(editor, { type, children: [] });
  });
}

/**
 * Quotes what the draft says for a component after the block holding the cursor (never inside a list), then leaves
 * an empty paragraph below it to answer in.
 */
export function insertComponentQuote(editor: Editor, component: ComponentKey, lines: readonly string[]): void {
  const after = editor.selection ? (editor.selection.anchor.path[0] ?? editor.children.length - 1) + 1 : editor.children.length;
  Transforms.insertNodes(
    editor,
    [
      { type: 'block-quote', component, children: [{ text: lines.join('\n') }] },
      { type: 'paragraph', children: [{ text: '' }] },
    ],
    { at: [after] },
  );
  Transforms.select(editor, Editor.start(editor, [after + 1]));
}

/**
 * The component a comment on the selection is most likely about: that of the quote holding the selection, else of the
 * nearest quote above it (the answer written under a quote is about what it quotes).
 */
export function componentNearSelection(editor: Editor): ComponentKey | undefined {
  const top = editor.selection ? Range.start(editor.selection).path[0] : undefined;
  if (top === undefined) return undefined;
  for (let index = top; index >= 0; index -= 1) {
    const block = editor.children[index];
    if (Element.isElement(block) && block.type === 'block-quote' && block.component) return block.component;
  }
  return undefined;
}

/** Enter on an empty list item leaves the list (as in every word processor) instead of adding another empty number. */
function isInEmptyListItem(editor: Editor): boolean {
  if (!editor.selection || !Range.isCollapsed(editor.selection)) return false;
  const [item] = Editor.nodes(editor, { match: (node) => Element.isElement(node) && node.type === 'list-item' });
  return item !== undefined && Node.string(item[0]) === '';
}

/** Anchors a comment about `component` to the selected words. */
export function wrapComment(editor: Editor, component: ComponentKey, note: string): void {
  if (!editor.selection || Range.isCollapsed(editor.selection)) return;
  Transforms.wrapNodes(editor, { type: 'comment', component, note, children: [] }, { split: true });
  Transforms.collapse(editor, { edge: 'end' });
}

/**
 * Keeps the document in the shape the exchange format accepts (shared/domain/richText.ts) whatever the keyboard did:
 * lists hold only list items, paragraphs, items and quotes hold only text and comments, comments hold only text,
 * and a list item left at the top becomes a paragraph.
 */
export function withRichTextSchema(editor: Editor): Editor {
  const { normalizeNode, isInline, isVoid, insertBreak } = editor;
  editor.isInline = (element) => element.type === 'comment' || element.type === 'kept-inline' || isInline(element);
  // A node of a newer version is shown, never edited (keptNodes.ts).
  editor.isVoid = (element) => isKeptHolder(element) || isVoid(element);
  editor.insertBreak = () => {
    if (!isInEmptyListItem(editor)) return insertBreak();
    Editor.withoutNormalizing(editor, () => {
      Transforms.unwrapNodes(editor, { match: (node) => Element.isElement(node) && LIST_TYPES.includes(node.type), split: true });
      Transforms.setNodes(editor, { type: 'paragraph' }, { match: (node) => Element.isElement(node) && Editor.isBlock(editor, node) });
    });
  };
  editor.normalizeNode = (entry) => {
    const [node, path] = entry;
    if (Element.isElement(node)) {
      const isList = LIST_TYPES.includes(node.type);
      for (const [child, childPath] of Node.children(editor, path)) {
        if (isList) {
          if (Element.isElement(child) && (child.type === 'list-item' || child.type === 'kept-block')) continue;
          if (Element.isElement(child) && child.type === 'paragraph') Transforms.setNodes(editor, { type: 'list-item' }, { at: childPath });
          else if (Element.isElement(child) && Editor.isBlock(editor, child)) Transforms.liftNodes(editor, { at: childPath });
          else Transforms.wrapNodes(editor, { type: 'list-item', children: [] }, { at: childPath });
          return;
        }
        if (Element.isElement(child) && (Editor.isBlock(editor, child) || (node.type === 'comment' && child.type !== 'kept-inline'))) {
          Transforms.unwrapNodes(editor, { at: childPath });
          return;
        }
      }
      if (node.type === 'list-item' && path.length === 1) {
        Transforms.setNodes(editor, { type: 'paragraph' }, { at: path });
        return;
      }
    }
    normalizeNode(entry);
  };
  return editor;
}
