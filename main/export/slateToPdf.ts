// Slate rich text → pdfmake content, printed like slateToDocx prints it: justified paragraphs with a first-line
// indent, "-" and "1." list markers at that indent, quotes indented on both sides in italics.
import type { PdfContent } from 'pdfmake';
import type { RichTextDocument } from '../../shared/domain/richText';
import { citationPieces } from '../../shared/domain/legalCitation';
import { printedParagraphs } from '../../shared/domain/printedParagraphs';
import type { PrintedParagraph, StyledRun } from '../../shared/domain/printedParagraphs';

export type SlatePdfOptions = {
  /** First-line indent of body paragraphs, in points; quotes are indented by it on both sides. */
  indent: number;
  /** Spacing before each paragraph, in points. */
  spacingBefore: number;
};

// pdfmake justifies a line by spacing out its pieces, and a piece ends at every break opportunity — after "/" and
// "-" too: a document symbol is a piece of its own that does not wrap (shared/domain/legalCitation).
function pdfRuns(runs: readonly StyledRun[]): PdfContent[] {
  return runs.flatMap((run) =>
    citationPieces(run.text).map((piece) => ({
      text: piece.text,
      bold: run.bold ?? false,
      italics: run.italic ?? false,
      ...(run.underline ? { decoration: 'underline' } : {}),
      ...(piece.citation ? { noWrap: true } : {}),
    })),
  );
}

function marker(paragraph: PrintedParagraph): PdfContent[] {
  if (paragraph.role !== 'list-item') return [];
  return [{ text: paragraph.list === 'bulleted' ? '- ' : `${paragraph.ordinal}. ` }];
}

export function slateToPdf(document: RichTextDocument, options: SlatePdfOptions): PdfContent[] {
  return printedParagraphs(document).map((paragraph) => ({
    text: [...marker(paragraph), ...pdfRuns(paragraph.runs)],
    alignment: 'justify',
    ...(paragraph.role === 'quote'
      ? { margin: [options.indent, options.spacingBefore, options.indent, 0] }
      : { leadingIndent: options.indent, margin: [0, options.spacingBefore, 0, 0] }),
  }));
}
