// The period report as Markdown: the title, VPCP's opening and sections I–IV, and Phụ lục I, the figures of the period
// beside the year to date.
import type { ReportBlock } from '../../shared/domain/periodReportSections';
import type { Footnote } from '../../shared/domain/reportParagraph';
import { formatFigure, type PeriodReportDocument } from '../../shared/domain/periodReportTable';

export const MARKDOWN_MIME = 'text/markdown; charset=utf-8';

/** A cell must not end the table row early. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** A paragraph's footnote marks in place ("[^1]"), their texts collected in `notes` for the end of the document. */
function withFootnotes(text: string, marks: readonly Footnote[], notes: string[]): string {
  let marked = '';
  let from = 0;
  for (const mark of marks) {
    notes.push(mark.text);
    marked += `${text.slice(from, mark.at)}[^${notes.length}]`;
    from = mark.at;
  }
  return marked + text.slice(from);
}

function blockMarkdown(block: ReportBlock, notes: string[]): string {
  switch (block.kind) {
    case 'section':
      return `## ${block.text}`;
    case 'part':
      return `### ${block.text}`;
    case 'missing':
      return `*${block.text}*`;
    case 'paragraph':
      return withFootnotes(block.text, block.notes ?? [], notes);
    case 'table': {
      const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
      const bold = (cells: readonly string[]) => cells.map((text) => (text ? `**${text}**` : text));
      return [
        line(block.table.header),
        `| ---: | :--- |${' ---: |'.repeat(block.table.header.length - 2)}`,
        ...block.table.rows.map((row) => line(row.kind === 'agency' ? row.cells : bold(row.cells))),
      ].join('\n');
    }
  }
}

export function renderPeriodReportMarkdown(document: PeriodReportDocument): string {
  const { headers, rows } = document;
  const table = [
    `| ${cell(headers.indicator)} | ${cell(headers.inPeriod)} | ${cell(headers.yearToDate)} |`,
    '| :--- | ---: | ---: |',
    ...rows.map((row) =>
      row.kind === 'heading'
        ? `| **${cell(row.label)}** | | |`
        : `| ${row.indent > 0 ? '&emsp;– ' : ''}${cell(row.label)} | ${formatFigure(row, row.period)} | ${formatFigure(row, row.yearToDate)} |`,
    ),
  ];
  const { body } = document;
  const notes: string[] = [];
  const blocks = body.blocks.map((block) => blockMarkdown(block, notes));
  return (
    [
      `# ${document.title}`,
      `**${document.period}**`,
      body.opening,
      ...blocks,
      `## ${body.figuresAnnex}. ${document.figuresTitle}`,
      table.join('\n'),
      ...notes.map((note, index) => `[^${index + 1}]: ${note}`),
    ].join('\n\n') + '\n'
  );
}
