// The Slate editor works on the very shapes the exchange format stores (shared/domain/richText.ts), except that a node
// of a newer version is held in a void element of the editor's own (keptNodes.ts).
import type { BaseEditor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';
import type { CommentInline, KnownRichTextBlock, ListItem, RichTextLeaf } from '../../../../../shared/domain/richText';
import type { KeptBlockElement, KeptInlineElement } from './keptNodes';

export type EditorElement = KnownRichTextBlock | ListItem | CommentInline | KeptBlockElement | KeptInlineElement;
export type ListType = 'bulleted-list' | 'numbered-list';
export type Mark = 'bold' | 'italic' | 'underline';

declare module 'slate' {
  interface CustomTypes {
    Editor: BaseEditor & ReactEditor & HistoryEditor;
    Element: EditorElement;
    Text: RichTextLeaf;
  }
}
