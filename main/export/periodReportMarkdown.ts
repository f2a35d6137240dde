// The period report as Markdown: the title, VPCP's opening and sections I–IV, and Phụ lục I, the figures of the period
// beside the year to date. Its abbreviations are spelled out where it first uses them, as the DOCX's are (issue 19):
// the texts pass through one abbreviationSpeller in the DOCX's reading order.
import { abbreviationSpeller } from '../../shared/domain/abbreviations';
import type { ReportBlock } from '../../shared/domain/periodReportSections';
import type { Footnote } from '../../shared/domain/reportParagraph';
import { formatFigure, type PeriodReportDocument } from '../../shared/domain/periodReportTable';

export const MARKDOWN_MIME = 'text/markdown; charset=utf-8';

/**
 * Text from the data (an officer's paragraphs, agencies' and drafts' names) read as text, never as Markdown: a
 * backslash before each character that could start HTML (<, &), a link or an image ([ ]), emphasis or code (* _ `),
 * a table cell's end (|) or a quote (>), so that «<script>» or «[x](javascript:…)» typed into a report's paragraph is
 * shown as typed by whatever turns the file into HTML (issue 23, script payloads). CommonMark drops the backslashes.
 */
export const markdownText = (text: string): string => text.replace(/[\\`*_[\]<>&|]/g, (char) => `\\${char}`);

/** A cell must not end the table row early (markdownText escapes its |). */
const cell = markdownText;

type Speller = (text: string, preceding?: string) => string;

/** A paragraph's footnote marks in place ("[^1]"), their texts collected in `notes` for the end of the document. */
function withFootnotes(text: string, marks: readonly Footnote[], notes: string[], spell: Speller): string {
  let marked = '';
  let printed = '';
  let from = 0;
  // Spelled piece by piece between the marks, each piece knowing what the paragraph said before it.
  const piece = (to?: number) => {
    const spelled = spell(text.slice(from, to), printed);
    printed += spelled;
    return markdownText(spelled);
  };
  for (const mark of marks) {
    notes.push(markdownText(mark.text));
    marked += `${piece(mark.at)}[^${notes.length}]`;
    from = mark.at;
  }
  return marked + piece();
}

function blockMarkdown(block: ReportBlock, notes: string[], spell: Speller): string {
  switch (block.kind) {
    case 'section':
      return `## ${markdownText(spell(block.text))}`;
    case 'part':
      return `### ${markdownText(spell(block.text))}`;
    case 'missing':
      return `*${markdownText(spell(block.text))}*`;
    case 'paragraph':
      return withFootnotes(block.text, block.notes ?? [], notes, spell);
    case 'table': {
      // Each cell escaped first, then made bold: the ** are the writer's, not the text's.
      const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
      const bold = (cells: readonly string[]) => cells.map((text) => (text ? `**${text}**` : text));
      return [
        line(block.table.header.map(cell)),
        `| ---: | :--- |${' ---: |'.repeat(block.table.header.length - 2)}`,
        ...block.table.rows.map((row) => line(row.kind === 'agency' ? row.cells.map(cell) : bold(row.cells.map(cell)))),
      ].join('\n');
    }
  }
}

export function renderPeriodReportMarkdown(document: PeriodReportDocument): string {
  const { headers, rows, body } = document;
  const spell = abbreviationSpeller();
  // In the DOCX's reading order: the opening, the sections, then the annex's labels.
  const opening = markdownText(spell(body.opening));
  const notes: string[] = [];
  const blocks = body.blocks.map((block) => blockMarkdown(block, notes, spell));
  const table = [
    `| ${cell(headers.indicator)} | ${cell(headers.inPeriod)} | ${cell(headers.yearToDate)} |`,
    '| :--- | ---: | ---: |',
    ...rows.map((row) =>
      row.kind === 'heading'
        ? `| **${cell(spell(row.label))}** | | |`
        : `| ${row.indent > 0 ? '&emsp;– ' : ''}${cell(spell(row.label))} | ${formatFigure(row, row.period)} | ${formatFigure(row, row.yearToDate)} |`,
    ),
  ];
  return (
    [
      `# ${markdownText(document.title)}`,
      `**${markdownText(document.period)}**`,
      opening,
      ...blocks,
      `## ${markdownText(body.figuresAnnex)}. ${markdownText(document.figuresTitle)}`,
      table.join('\n'),
      ...notes.map((note, index) => `[^${index + 1}]: ${note}`),
    ].join('\n\n') + '\n'
  );
}
