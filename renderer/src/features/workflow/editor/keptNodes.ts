// Nodes of a newer version (shared/domain/richText.ts, KeptElement) travel through the editor inside a void element of
// the editor's own, so that Slate's normalisation never touches them (it would give an element without children an
// empty text, merge or unwrap what it holds) and saving writes each back exactly as it came.
import { Element, type Descendant } from 'slate';
import { isKeptElement, type KeptElement, type RichTextDocument, type RichTextInline } from '../../../../../shared/domain/richText';

/** Holds a kept node where a block or a list item stands… */
export type KeptBlockElement = { type: 'kept-block'; node: KeptElement; children: [{ text: '' }] };
/** …or where text stands. */
export type KeptInlineElement = { type: 'kept-inline'; node: KeptElement; children: [{ text: '' }] };

export const isKeptHolder = (element: Element): element is KeptBlockElement | KeptInlineElement => element.type === 'kept-block' || element.type === 'kept-inline';

const holder = <T extends 'kept-block' | 'kept-inline'>(type: T, node: KeptElement) => ({ type, node, children: [{ text: '' as const }] as [{ text: '' }] });

function editorInlines(children: readonly (RichTextInline | KeptElement)[]): Descendant[] {
  return children.map((child): Descendant => {
    if (isKeptElement(child)) return holder('kept-inline', child);
    return 'type' in child ? { ...child, children: editorInlines(child.children) as never } : child;
  });
}

/** A stored document as the editor holds it. */
export function toEditorValue(document: RichTextDocument): Descendant[] {
  return document.map((block): Descendant => {
    if (isKeptElement(block)) return holder('kept-block', block);
    if (block.type === 'bulleted-list' || block.type === 'numbered-list') {
      return {
        ...block,
        children: block.children.map((item) => (isKeptElement(item) ? holder('kept-block', item) : { ...item, children: editorInlines(item.children) })) as never,
      };
    }
    return { ...block, children: editorInlines(block.children) as never };
  });
}

function storedNode(node: Descendant): unknown {
  if (!Element.isElement(node)) return node;
  if (isKeptHolder(node)) return node.node;
  return { ...node, children: (node.children as Descendant[]).map(storedNode) };
}

/** What the editor holds as the document to store: every kept node back in its place, untouched. */
export const fromEditorValue = (value: readonly Descendant[]): RichTextDocument => value.map(storedNode) as RichTextDocument;
