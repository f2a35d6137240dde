// A stored Slate document as the paragraphs a printed page shows, so that the DOCX and PDF writers and the letter
// preview only style runs, and all three break lines in the same places. Comments and quoted components are worded
// as in the plain-text rendering (shared/domain/richText).
import { commentRemark, isKeptElement, keptElementText, quoteSource, withoutEmptyListItems } from './richText';
import type { KeptElement, RichTextDocument, RichTextInline } from './richText';

export type StyledRun = { text: string; bold?: boolean; italic?: boolean; underline?: boolean };

export type PrintedParagraph =
  | { role: 'paragraph' | 'quote'; runs: StyledRun[] }
  | { role: 'list-item'; runs: StyledRun[]; list: 'bulleted' | 'numbered'; ordinal: number };

/** A node of a newer version prints as its words (richText.ts, KeptElement). */
const keptRun = (node: KeptElement, italic: boolean): StyledRun => ({ text: keptElementText(node), italic });

function inlineRuns(inlines: readonly (RichTextInline | KeptElement)[], italic: boolean): StyledRun[] {
  return inlines.flatMap((inline): StyledRun[] => {
    if (isKeptElement(inline)) return [keptRun(inline, italic)];
    if (!('type' in inline)) return [{ ...inline, italic: italic || inline.italic === true }];
    const remark = commentRemark(inline.component, inline.note);
    const wrapped = inlineRuns(inline.children, italic);
    return remark ? [...wrapped, { text: remark, italic: true }] : wrapped;
  });
}

/**
 * A block's runs cut at its line breaks, one array of runs per line. A quote of a component holds the component's
 * items one per line (`insertComponentQuote`, `findingOpinionBlocks`), and a printed page only breaks lines between
 * paragraphs: a "\n" inside a run prints as a space, running the items together.
 */
function runLines(runs: StyledRun[]): StyledRun[][] {
  if (!runs.some((run) => run.text.includes('\n'))) return [runs];
  const lines: StyledRun[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part) lines.at(-1)!.push({ ...run, text: part });
    });
  }
  return lines.filter((line) => line.length > 0);
}

export function printedParagraphs(document: RichTextDocument): PrintedParagraph[] {
  // Opinions saved before empty items were dropped on save print without them all the same.
  return withoutEmptyListItems(document).flatMap((block): PrintedParagraph[] => {
    if (isKeptElement(block)) return runLines([keptRun(block, false)]).map((runs) => ({ role: 'paragraph', runs }));
    switch (block.type) {
      case 'paragraph':
        return runLines(inlineRuns(block.children, false)).map((runs) => ({ role: 'paragraph', runs }));
      case 'block-quote': {
        const source = quoteSource(block.component);
        const lines = runLines(inlineRuns(block.children, true));
        // The component's name opens the first line only.
        return lines.map((runs, index) => ({ role: 'quote', runs: index === 0 && source ? [{ text: source, bold: true, italic: true }, ...runs] : runs }));
      }
      case 'bulleted-list':
      case 'numbered-list': {
        const list = block.type === 'bulleted-list' ? 'bulleted' : 'numbered';
        return block.children.map((item, index) => ({ role: 'list-item', list, ordinal: index + 1, runs: isKeptElement(item) ? [keptRun(item, false)] : inlineRuns(item.children, false) }));
      }
    }
  });
}
