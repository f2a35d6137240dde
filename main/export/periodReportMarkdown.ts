// The period report as Markdown: the title, VPCP's opening and sections I–IV, and Phụ lục I, the figures of the period
// beside the year to date.
import type { ReportBlock } from '../../shared/domain/periodReportSections';
import { formatFigure, type PeriodReportDocument } from '../../shared/domain/periodReportTable';

export const MARKDOWN_MIME = 'text/markdown; charset=utf-8';

/** A cell must not end the table row early. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

function blockMarkdown(block: ReportBlock): string {
  switch (block.kind) {
    case 'section':
      return `## ${block.text}`;
    case 'part':
      return `### ${block.text}`;
    case 'missing':
      return `*${block.text}*`;
    case 'paragraph':
      return block.text;
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
  return [`# ${document.title}`, `**${document.period}**`, body.opening, ...body.blocks.map(blockMarkdown), `## ${body.figuresAnnex}. ${document.figuresTitle}`, table.join('\n')].join('\n\n') + '\n';
}
