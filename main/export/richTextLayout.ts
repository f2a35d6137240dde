// A stored Slate document as the paragraphs a printed page shows, so that the DOCX and PDF writers only style
// runs. Comments and quoted components are worded as in the plain-text rendering (shared/domain/richText).
import { commentRemark, quoteSource } from '../../shared/domain/richText';
import type { RichTextDocument, RichTextInline } from '../../shared/domain/richText';

export type StyledRun = { text: string; bold?: boolean; italic?: boolean; underline?: boolean };

export type PrintedParagraph =
  | { role: 'paragraph' | 'quote'; runs: StyledRun[] }
  | { role: 'list-item'; runs: StyledRun[]; list: 'bulleted' | 'numbered'; ordinal: number };

function inlineRuns(inlines: readonly RichTextInline[], italic: boolean): StyledRun[] {
  return inlines.flatMap((inline): StyledRun[] => {
    if (!('type' in inline)) return [{ ...inline, italic: italic || inline.italic === true }];
    const remark = commentRemark(inline.component, inline.note);
    const wrapped = inlineRuns(inline.children, italic);
    return remark ? [...wrapped, { text: remark, italic: true }] : wrapped;
  });
}

export function printedParagraphs(document: RichTextDocument): PrintedParagraph[] {
  return document.flatMap((block): PrintedParagraph[] => {
    switch (block.type) {
      case 'paragraph':
        return [{ role: 'paragraph', runs: inlineRuns(block.children, false) }];
      case 'block-quote': {
        const source = quoteSource(block.component);
        return [{ role: 'quote', runs: [...(source ? [{ text: source, bold: true, italic: true }] : []), ...inlineRuns(block.children, true)] }];
      }
      case 'bulleted-list':
      case 'numbered-list': {
        const list = block.type === 'bulleted-list' ? 'bulleted' : 'numbered';
        return block.children.map((item, index) => ({ role: 'list-item', list, ordinal: index + 1, runs: inlineRuns(item.children, false) }));
      }
    }
  });
}
