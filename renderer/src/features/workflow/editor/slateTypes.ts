// The Slate editor works on the very shapes the exchange format stores (shared/domain/richText.ts).
import type { BaseEditor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';
import type { CommentInline, ListItem, RichTextBlock, RichTextLeaf } from '../../../../../shared/domain/richText';

export type EditorElement = RichTextBlock | ListItem | CommentInline;
export type ListType = 'bulleted-list' | 'numbered-list';
export type Mark = 'bold' | 'italic' | 'underline';

declare module 'slate' {
  interface CustomTypes {
    Editor: BaseEditor & ReactEditor & HistoryEditor;
    Element: EditorElement;
    Text: RichTextLeaf;
  }
}
