// Slate rich text → docx paragraphs, in the style of Vietnamese administrative documents: justified paragraphs
// with a first-line indent, "-" bullets and "1." numbers that start where a paragraph's first line does, quotes
// indented on both sides in italics. Word's own numbering is used so that lists stay editable in Word.
import { AlignmentType, LevelFormat, LevelSuffix, LineRuleType, NoBreakHyphen, Paragraph } from 'docx';
import type { TextRun } from 'docx';
import type { IParagraphOptions, NumberingDefinition } from 'docx';
import type { RichTextDocument } from '../../shared/domain/richText';
import { textRun } from './docxAdministrative';
import { citationPieces, WORD_JOINER } from '../../shared/domain/legalCitation';
import { printedParagraphs } from '../../shared/domain/printedParagraphs';
import type { PrintedParagraph, StyledRun } from '../../shared/domain/printedParagraphs';

export type SlateDocxOptions = {
  /** First-line indent of body paragraphs, in twips; quotes are indented by it on both sides. */
  indent: number;
  /** Spacing before each paragraph, in twips. */
  spacingBefore: number;
  /** Line spacing in 240ths of a line (276 = 1,15). */
  line: number;
  /** Keeps every paragraph on the page of the next one, for a heading that must not end a page. */
  keepNext?: boolean;
};

type ListKind = 'bulleted' | 'numbered';

function listDefinition(kind: ListKind, indent: number): NumberingDefinition {
  const marker = kind === 'bulleted' ? { format: LevelFormat.BULLET, text: '-' } : { format: LevelFormat.DECIMAL, text: '%1.' };
  return {
    reference: `slate-${kind}-${indent}`,
    levels: [
      {
        level: 0,
        ...marker,
        alignment: AlignmentType.LEFT,
        suffix: LevelSuffix.SPACE,
        style: { paragraph: { indent: { left: 0, firstLine: indent } } },
      },
    ],
  };
}

/**
 * A run's text with its document symbols unbreakable: Word's non-breaking hyphen for "-", a word joiner after "/"
 * (shared/domain/legalCitation), so that no line ends inside "105/2017/NĐ-CP".
 */
function unbreakableSymbols(text: string): (string | NoBreakHyphen)[] {
  return citationPieces(text).flatMap((piece) =>
    piece.citation
      ? piece.text
          .replaceAll('/', `/${WORD_JOINER}`)
          .split('-')
          .flatMap((part, index) => (index === 0 ? [part] : [new NoBreakHyphen(), part]))
          .filter((part) => part !== '')
      : [piece.text],
  );
}

function styledRuns(runs: readonly StyledRun[]): TextRun[] {
  return runs.flatMap((run) =>
    // A soft line break (Shift+Enter) is a newline inside the text.
    run.text.split('\n').map(
      (text, index) =>
        textRun({
          children: unbreakableSymbols(text),
          break: index > 0 ? 1 : undefined,
          bold: run.bold,
          italics: run.italic,
          underline: run.underline ? {} : undefined,
        }),
    ),
  );
}

/** Converts a stored Slate document; every list numbers from 1 again. */
export function slateToDocx(document: RichTextDocument, options: SlateDocxOptions): Paragraph[] {
  const definitions: Record<ListKind, NumberingDefinition> = {
    bulleted: listDefinition('bulleted', options.indent),
    numbered: listDefinition('numbered', options.indent),
  };
  const placement = (paragraph: PrintedParagraph): IParagraphOptions => {
    switch (paragraph.role) {
      case 'list-item':
        return { numbering: { reference: definitions[paragraph.list], level: 0, restart: paragraph.ordinal === 1, custom: true } };
      case 'quote':
        return { indent: { left: options.indent, right: options.indent } };
      case 'paragraph':
        return { indent: { firstLine: options.indent } };
    }
  };
  return printedParagraphs(document).map(
    (paragraph) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        // lineRule is spelled out: LibreOffice reads a bare w:line as an exact height in twips.
        spacing: { before: options.spacingBefore, line: options.line, lineRule: LineRuleType.AUTO },
        keepNext: options.keepNext,
        ...placement(paragraph),
        children: styledRuns(paragraph.runs),
      }),
  );
}

/**
 * An item under its heading: the heading (every block of the lead but the last) stays on the page of the paragraph
 * after it, and that paragraph holds nothing that follows to its page. Keeping the whole lead with what follows
 * chained every item without a second paragraph to the next, down to the signature, and pushed the whole run of
 * them to the next page.
 */
export function headedParagraphs(lead: RichTextDocument, body: RichTextDocument, options: SlateDocxOptions): Paragraph[] {
  return [...slateToDocx(lead.slice(0, -1), { ...options, keepNext: true }), ...slateToDocx([...lead.slice(-1), ...body], options)];
}
